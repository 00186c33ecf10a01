import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { regionPackages } from '@minsheng/catalog';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPgliteDb, type Db } from './connection.ts';
import { migrateToLatest } from './migrate.ts';
import { json } from './schema.ts';
import { seedCatalog } from './seed.ts';
import { describeEachDialect, fixturePackages, openMigratedDb } from './testing/index.ts';

describe("kysely's PGliteDialect on this Node", () => {
  it('runs queries and transactions against a PGlite data folder, and reopens it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'minsheng-pglite-'));
    try {
      const first = createDb({ dataDir: dir });
      expect(first.dialect).toBe('pglite');
      await migrateToLatest(first.kysely);
      await first.kysely
        .insertInto('regions')
        .values({
          code: '510000',
          name: '四川省',
          level: 'province',
          parent_code: null,
          position: 0,
        })
        .execute();
      await first.close();

      const second = createPgliteDb(dir);
      const rows = await second.kysely.selectFrom('regions').selectAll().execute();
      expect(rows.map((r) => r.name)).toEqual(['四川省']);
      await second.close();
      expect(process.versions.node.split('.')[0]).toBe('20');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs transactions started at the same time one after the other, not interleaved', async () => {
    const db = createPgliteDb('memory://');
    try {
      await migrateToLatest(db.kysely);
      const order: string[] = [];
      await Promise.all(
        ['a', 'b', 'c'].map((name) =>
          db.kysely.transaction().execute(async (trx) => {
            order.push(`${name} begin`);
            await trx.selectFrom('regions').selectAll().execute();
            await new Promise((r) => setTimeout(r, 5));
            order.push(`${name} end`);
          }),
        ),
      );
      expect(order).toEqual(['a begin', 'a end', 'b begin', 'b end', 'c begin', 'c end']);
    } finally {
      await db.close();
    }
  });
});

describeEachDialect('database', (dialect) => {
  let db: Db;
  beforeAll(async () => {
    db = await openMigratedDb(dialect);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('migrates idempotently', async () => {
    expect(await migrateToLatest(db.kysely)).toEqual([]);
  });

  it('keeps jsonb values exactly, arrays included', async () => {
    const value = { kind: 'number', num: { value: 1.5, text: '1.50' }, list: ['a', 1, null] };
    const row = await sql<{ v: unknown }>`select ${json(value)}::jsonb as v`.execute(db.kysely);
    expect(row.rows[0]?.v).toEqual(value);
  });

  it('seeds every region package of the catalog', async () => {
    const result = await seedCatalog(db.kysely, regionPackages);
    expect(result.changed).toBe(true);
    const regions = await db.kysely.selectFrom('regions').select('code').execute();
    expect(regions.map((r) => r.code).sort()).toEqual(
      regionPackages.map((p) => p.region.code).sort(),
    );
    const plans = await db.kysely.selectFrom('plans').select('id').execute();
    expect(plans.map((p) => p.id).sort()).toEqual(
      regionPackages.flatMap((p) => p.plans.map((plan) => plan.id)).sort(),
    );
    const again = await seedCatalog(db.kysely, regionPackages);
    expect(again.changed).toBe(false);
  });
});

describeEachDialect('seeding', (dialect) => {
  let db: Db;
  beforeAll(async () => {
    db = await openMigratedDb(dialect);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('writes regions, plans, indicators with raw and parsed cells, services and projects', async () => {
    const packages = fixturePackages();
    const result = await seedCatalog(db.kysely, packages);
    expect(result).toMatchObject({ changed: true, regions: 4, plans: 2, indicators: 6 });

    const ind = await db.kysely
      .selectFrom('indicators')
      .selectAll()
      .where('plan_id', '=', 'cangxi-2021')
      .where('id', '=', 'preschool-enrolment')
      .executeTakeFirstOrThrow();
    const source = packages[3]?.plans[0]?.indicators[1];
    expect(ind.target_raw).toBe(source?.target.raw);
    expect(ind.target_value).toEqual(source?.target.value);
    expect(ind.canonical_key).toBe('preschool_gross_enrolment');

    const project = await db.kysely
      .selectFrom('projects')
      .selectAll()
      .where('plan_id', '=', 'cangxi-2021')
      .executeTakeFirstOrThrow();
    expect(project.quantities).toEqual(packages[3]?.plans[0]?.projects[0]?.quantities);
    expect(project.responsible).toEqual(['县卫健局']);
    expect(project.status).toBe('not_started');

    const service = await db.kysely
      .selectFrom('service_items')
      .selectAll()
      .where('plan_id', '=', 'lizhou-2021')
      .executeTakeFirstOrThrow();
    expect(service.funding_levels).toEqual(['county']);
  });

  it('re-seeds a changed package: updates plan data, keeps observed indicators, never touches observations', async () => {
    await db.kysely
      .insertInto('users')
      .values({
        id: 'u1',
        username: 'clerk',
        display_name: 'clerk',
        password_hash: 'x',
        role: 'editor',
        region_code: '510824',
      })
      .execute();
    const now = new Date();
    await db.kysely
      .insertInto('observations')
      .values({
        id: 'o1',
        plan_id: 'cangxi-2021',
        indicator_id: 'new-jobs',
        year: 2022,
        raw: '0.4',
        value: json({ kind: 'number', num: { value: 0.4, text: '0.4' } }),
        source: null,
        note: null,
        state: 'approved',
        return_reason: null,
        entered_by: 'u1',
        entered_at: now,
        submitted_by: 'u1',
        submitted_at: now,
        reviewed_by: null,
        reviewed_at: null,
        updated_by: 'u1',
        updated_at: now,
        version: 3,
      })
      .execute();
    await db.kysely
      .updateTable('projects')
      .set({ status: 'in_progress', progress: 40, version: 2 })
      .where('plan_id', '=', 'cangxi-2021')
      .execute();

    // The county's new edition: a target corrected, two indicators and the project dropped,
    // the service list emptied.
    const changed = fixturePackages((packages) => {
      const plan = packages[3]?.plans[0];
      if (!plan) throw new Error('fixture changed shape');
      plan.indicators = plan.indicators
        .filter((i) => i.id === 'nursery-places')
        .map((i) => ({ ...i, target: '5' }));
      plan.services = [];
      plan.projects = [];
      const lizhou = packages[2]?.plans[0];
      if (lizhou) lizhou.indicators = lizhou.indicators.slice(0, 1);
    });
    const result = await seedCatalog(db.kysely, changed);
    expect(result.changed).toBe(true);
    expect(result.kept.indicators).toEqual(['cangxi-2021/new-jobs']);
    expect(result.kept.projects).toEqual(['cangxi-2021/nursery-building']);
    expect(result.removed).toMatchObject({ indicators: 3, services: 1, projects: 0 });

    const indicators = await db.kysely
      .selectFrom('indicators')
      .select(['id', 'target_raw', 'in_package'])
      .where('plan_id', '=', 'cangxi-2021')
      .orderBy('id')
      .execute();
    expect(indicators).toEqual([
      { id: 'new-jobs', target_raw: '【1.5】', in_package: false },
      { id: 'nursery-places', target_raw: '5', in_package: true },
    ]);
    const obs = await db.kysely.selectFrom('observations').selectAll().execute();
    expect(obs).toHaveLength(1);
    expect(obs[0]).toMatchObject({ id: 'o1', raw: '0.4', state: 'approved', version: 3 });
    const project = await db.kysely
      .selectFrom('projects')
      .selectAll()
      .where('plan_id', '=', 'cangxi-2021')
      .executeTakeFirstOrThrow();
    expect(project).toMatchObject({ status: 'in_progress', progress: 40, in_package: false });
  });

  it('keeps a dropped plan that has observations, deletes one that has none', async () => {
    const result = await seedCatalog(
      db.kysely,
      fixturePackages((packages) => {
        for (const p of packages) p.plans = [];
      }),
    );
    expect(result.kept.plans).toEqual(['cangxi-2021']);
    expect(result.removed.plans).toBe(1);
    const plans = await db.kysely.selectFrom('plans').select(['id', 'in_package']).execute();
    expect(plans).toEqual([{ id: 'cangxi-2021', in_package: false }]);
    expect(await db.kysely.selectFrom('observations').select('id').execute()).toHaveLength(1);
  });

  it('leaves plans of regions no package declares alone (loaded by other means)', async () => {
    await db.kysely
      .insertInto('regions')
      .values({
        code: '440000',
        name: '广东省',
        level: 'province',
        parent_code: null,
        position: 99,
      })
      .execute();
    await db.kysely
      .insertInto('plans')
      .values({
        id: 'other-2021',
        region_code: '440000',
        title: '外部计划',
        kind: 'five_year',
        period_start: 2021,
        period_end: 2025,
        issuer: 'x',
        document_number: null,
        issue_date: null,
        basis: json([]),
        source: json({ file: 'x', url: null }),
        indicator_table: json(null),
        declared_service_count: null,
        service_fields: json([]),
        notes: json([]),
        position: 99,
      })
      .execute();
    await seedCatalog(db.kysely, fixturePackages(), { force: true });
    const other = await db.kysely
      .selectFrom('plans')
      .select('id')
      .where('id', '=', 'other-2021')
      .execute();
    expect(other).toHaveLength(1);
  });

  it('rolls back everything when a seed fails half-way', async () => {
    const before = await db.kysely.selectFrom('plans').selectAll().execute();
    const broken = fixturePackages();
    // A plan of a region no package declares breaks the foreign key after other rows were written.
    const plan = broken[2]?.plans[0];
    if (!plan) throw new Error('fixture changed shape');
    plan.regionCode = '999999';
    await expect(seedCatalog(db.kysely, broken)).rejects.toThrow();
    expect(await db.kysely.selectFrom('plans').selectAll().execute()).toEqual(before);
  });
});
