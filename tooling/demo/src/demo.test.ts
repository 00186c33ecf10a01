import { regionPackages } from '@minsheng/catalog';
import { type Db, seedCatalog } from '@minsheng/db';
import { dialects, openMigratedDb } from '@minsheng/db/testing';
import {
  evaluatePlan,
  ObservedValueTextSchema,
  PlanSchema,
  parseValue,
  type Region,
} from '@minsheng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLAN_PREFIX, type DemoPlan, demoPlan, readValue } from './generate.ts';
import { clearDemo, loadDemo } from './load.ts';
import { COUNTRY, DEMO_NAME_PREFIX, demoRegions, FIRST_PROVINCE } from './regions.ts';

const SEED = 7;

function plansOf(regions: Region[], seed: number): DemoPlan[] {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  return regions.map((r) =>
    demoPlan(r, r.parentCode ? (byCode.get(r.parentCode) ?? null) : null, seed),
  );
}

describe('the synthetic region tree', () => {
  const country = demoRegions('country', SEED);
  const province = demoRegions('province', SEED);

  it('has the shape of the country and of one province', () => {
    const count = (rs: Region[], level: Region['level']) =>
      rs.filter((r) => r.level === level).length;
    expect(count(country, 'province')).toBe(30);
    expect(count(country, 'prefecture')).toBe(COUNTRY.cities);
    expect(count(country, 'county')).toBe(COUNTRY.counties);
    expect(count(province, 'province')).toBe(1);
    expect(count(province, 'prefecture')).toBe(FIRST_PROVINCE.cities);
    expect(count(province, 'county')).toBe(FIRST_PROVINCE.counties);
  });

  it('writes real-shaped codes that never meet a real region', () => {
    const codes = country.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const real = new Set(regionPackages.map((p) => p.region.code));
    for (const r of country) {
      expect(r.code).toMatch(/^[1-6]\d{5}$/);
      expect(r.code.startsWith('51')).toBe(false);
      expect(real.has(r.code)).toBe(false);
      expect(r.name.startsWith(DEMO_NAME_PREFIX)).toBe(true);
    }
  });

  it('puts every region after its parent, under the parent its code names', () => {
    const seen = new Set<string>();
    for (const r of country) {
      if (r.parentCode) {
        expect(seen.has(r.parentCode)).toBe(true);
        const prefix = r.level === 'county' ? r.code.slice(0, 4) : r.code.slice(0, 2);
        expect(r.parentCode.startsWith(prefix)).toBe(true);
      }
      seen.add(r.code);
    }
  });

  it('holds the province scale as the first province of the country, code for code', () => {
    expect(country.slice(0, province.length)).toEqual(province);
  });
});

describe('the synthetic plans', () => {
  const regions = demoRegions('province', SEED);
  const plans = plansOf(regions, SEED);

  it('are the same for the same seed and differ for another', () => {
    expect(plansOf(regions.slice(0, 5), SEED)).toEqual(plans.slice(0, 5));
    const other = plansOf(regions.slice(0, 5), SEED + 1);
    expect(other.map((p) => p.observations)).not.toEqual(
      plans.slice(0, 5).map((p) => p.observations),
    );
  });

  it('validate against the domain PlanSchema, unchanged by it', () => {
    for (const { plan } of plans.slice(0, 60)) {
      const parsed = PlanSchema.safeParse(plan);
      expect(parsed.success, parsed.success ? plan.id : `${plan.id}: ${parsed.error.message}`).toBe(
        true,
      );
      expect(parsed.data).toEqual(plan);
    }
  });

  it('carry about 40 indicators, a service list and projects, ids marked as synthetic', () => {
    for (const { plan } of plans) {
      expect(plan.id.startsWith(DEMO_PLAN_PREFIX)).toBe(true);
      expect(plan.indicators.length).toBeGreaterThanOrEqual(36);
      expect(plan.indicators.length).toBeLessThanOrEqual(42);
      expect(plan.services.length).toBeGreaterThanOrEqual(20);
      expect(plan.projects.length).toBeGreaterThanOrEqual(8);
      expect(new Set(plan.indicators.map((i) => i.field.key)).size).toBeGreaterThan(6);
    }
  });

  it('use every target form of the grammar, plain numbers most', () => {
    const kinds = new Map<string, number>();
    for (const p of plans) for (const k of p.kinds) kinds.set(k, (kinds.get(k) ?? 0) + 1);
    for (const kind of [
      'number',
      'sum',
      'bound',
      'approx',
      'range',
      'cumulative',
      'growth',
      'allCovered',
      'hold',
      'none',
    ]) {
      expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
    const top = [...kinds].sort((a, b) => b[1] - a[1])[0];
    expect(top?.[0]).toBe('number');
    // The seeds' own spellings are among them.
    const raws = new Set(plans.flatMap((p) => p.plan.indicators.map((i) => i.target.raw)));
    for (const raw of ['应保尽保', '保持稳定', '稳定在98以上', '——'])
      expect(raws.has(raw), raw).toBe(true);
  });

  it('reads plain numbers exactly as the grammar does (the loader shortcut)', () => {
    const raws = new Set<string>();
    for (const p of plans) {
      for (const o of p.observations) raws.add(o.raw);
      for (const i of p.plan.indicators) raws.add(i.baseline.raw).add(i.target.raw);
    }
    expect(raws.size).toBeGreaterThan(1000);
    for (const raw of raws)
      expect(JSON.stringify(readValue(raw)), raw).toBe(JSON.stringify(parseValue(raw)));
  });

  it('observe each series 2021–2025 with values the API would accept', () => {
    for (const p of plans.slice(0, 40)) {
      for (const o of p.observations) {
        expect(o.year).toBeGreaterThanOrEqual(2021);
        expect(o.year).toBeLessThanOrEqual(2025);
        expect(ObservedValueTextSchema.safeParse(o.raw).success, o.raw).toBe(true);
        expect(parseValue(o.raw).kind).not.toBe('none');
      }
    }
  });

  it('mix on-track and lagging series, as a real province would', () => {
    const counts = new Map<string, number>();
    let total = 0;
    for (const p of plans) {
      const points = p.observations.map((o) => ({
        indicatorId: o.indicatorId,
        year: o.year,
        value: o.raw,
      }));
      for (const e of evaluatePlan(p.plan, points, 2024)) {
        counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
        total++;
      }
    }
    const share = (s: string) => (counts.get(s) ?? 0) / total;
    expect(share('on_track') + share('ahead') + share('achieved_early')).toBeGreaterThan(0.3);
    expect(share('lagging') + share('seriously_lagging')).toBeGreaterThan(0.1);
    expect(share('no_data')).toBeGreaterThan(0.02);
    expect(share('no_data')).toBeLessThan(0.2);
  });
});

const pglite = dialects.find((d) => d.name === 'pglite');
if (!pglite) throw new Error('the db testing helpers have no PGlite dialect');

describe('loading a small synthetic set into PGlite', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openMigratedDb(pglite);
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  async function count(
    table:
      | 'regions'
      | 'plans'
      | 'indicators'
      | 'service_items'
      | 'projects'
      | 'observations'
      | 'users',
  ) {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function realSnapshot() {
    const plans = await db.kysely
      .selectFrom('plans')
      .selectAll()
      .where('id', 'not like', 'demo-%')
      .orderBy('id')
      .execute();
    const indicators = await db.kysely
      .selectFrom('indicators')
      .selectAll()
      .where('plan_id', 'not like', 'demo-%')
      .orderBy('plan_id')
      .orderBy('id')
      .execute();
    const observations = await db.kysely
      .selectFrom('observations')
      .selectAll()
      .where('plan_id', 'not like', 'demo-%')
      .execute();
    return { plans, indicators, observations };
  }

  it('inserts the counts it reports, leaves the real plans be, and clears only itself', async () => {
    await seedCatalog(db.kysely, regionPackages);
    // A real observation, entered before the demo arrives: it must outlive load and clear.
    const plan = regionPackages.flatMap((p) => p.plans)[0];
    const indicator = plan?.indicators[0];
    if (!plan || !indicator) throw new Error('the catalog has no plan with indicators');
    await db.kysely
      .insertInto('users')
      .values({
        id: 'u1',
        username: 'real-editor',
        display_name: '编辑',
        password_hash: 'x',
        role: 'editor',
        region_code: plan.regionCode,
      })
      .execute();
    const at = new Date('2025-01-02T00:00:00Z');
    await db.kysely
      .insertInto('observations')
      .values({
        id: 'real-1',
        plan_id: plan.id,
        indicator_id: indicator.id,
        year: 2023,
        raw: '12',
        value: JSON.stringify(parseValue('12')),
        source: null,
        note: null,
        state: 'draft',
        return_reason: null,
        entered_by: 'u1',
        entered_at: at,
        submitted_by: null,
        submitted_at: null,
        reviewed_by: null,
        reviewed_at: null,
        updated_by: 'u1',
        updated_at: at,
        version: 1,
      })
      .execute();
    const before = await realSnapshot();
    const regionsBefore = await count('regions');
    const usersBefore = await count('users');

    const progress: number[] = [];
    const result = await loadDemo(db, {
      scale: 'province',
      seed: SEED,
      maxRegions: 6,
      onProgress: (d) => progress.push(d),
    });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    const expected = plansOf(demoRegions('province', SEED).slice(0, 6), SEED);
    const sum = (f: (p: DemoPlan) => number) => expected.reduce((s, p) => s + f(p), 0);
    expect(result.counts).toEqual({
      regions: 6,
      plans: 6,
      indicators: sum((p) => p.plan.indicators.length),
      services: sum((p) => p.plan.services.length),
      projects: sum((p) => p.plan.projects.length),
      observations: sum((p) => p.observations.length),
      users: 2,
    });
    expect(await count('regions')).toBe(regionsBefore + 6);
    expect(await count('users')).toBe(usersBefore + 2);
    expect(await count('indicators')).toBe(before.indicators.length + result.counts.indicators);
    expect(await count('observations')).toBe(
      before.observations.length + result.counts.observations,
    );
    expect(await realSnapshot()).toEqual(before);
    const approved = await db.kysely
      .selectFrom('observations')
      .select('state')
      .distinct()
      .where('plan_id', 'like', 'demo-%')
      .execute();
    expect(approved).toEqual([{ state: 'approved' }]);

    // A second run replaces the set rather than doubling it.
    const again = await loadDemo(db, { scale: 'province', seed: SEED, maxRegions: 6 });
    expect(again.counts).toEqual(result.counts);
    expect(await count('observations')).toBe(
      before.observations.length + result.counts.observations,
    );

    const cleared = await clearDemo(db.kysely);
    expect(cleared).toEqual({
      plans: 6,
      observations: result.counts.observations,
      users: 2,
      regions: 6,
    });
    expect(await count('regions')).toBe(regionsBefore);
    expect(await count('users')).toBe(usersBefore);
    expect(await realSnapshot()).toEqual(before);
  }, 60_000);
});
