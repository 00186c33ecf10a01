import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../connection.ts';
import { seedCatalog } from '../seed.ts';
import { describeEachDialect, fixturePackages, openMigratedDb } from '../testing/index.ts';
import {
  allRegions,
  indicatorsWithLatest,
  loadDomainPlan,
  planById,
  plansInForce,
  plansInForceStamp,
  plansOfRegions,
  projectsOf,
  standardsOf,
} from './index.ts';

describeEachDialect('query modules', (dialect) => {
  let db: Db;
  const packages = fixturePackages();
  beforeAll(async () => {
    db = await openMigratedDb(dialect);
    await seedCatalog(db.kysely, packages);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('reads back a seeded plan as the same domain plan (rows.ts and map.ts agree)', async () => {
    const seeded = packages.flatMap((p) => p.plans).find((p) => p.id === 'cangxi-2021');
    const row = await planById(db.kysely, 'cangxi-2021');
    if (!seeded || !row) throw new Error('the fixture plan cangxi-2021 was not seeded');
    expect(await loadDomainPlan(db.kysely, row)).toEqual(seeded);
  });

  it('lists regions, plans, indicators, standards and projects of the seeded world', async () => {
    expect((await allRegions(db.kysely)).map((r) => r.code)).toEqual(
      packages.map((p) => p.region.code),
    );
    expect((await plansOfRegions(db.kysely, ['510824', '510802'])).map((p) => p.id)).toEqual([
      'lizhou-2021',
      'cangxi-2021',
    ]);
    expect(await plansOfRegions(db.kysely, [])).toEqual([]);
    const indicators = await indicatorsWithLatest(db.kysely, 'cangxi-2021');
    expect(indicators.length).toBeGreaterThan(0);
    expect(indicators.every((i) => i.planId === 'cangxi-2021' && i.latestApproved === null)).toBe(
      true,
    );
    const row = await planById(db.kysely, 'cangxi-2021');
    if (!row) throw new Error('no plan cangxi-2021');
    const standards = await standardsOf(db.kysely, row);
    expect(standards.items.length).toBeGreaterThan(0);
    const projects = await projectsOf(db.kysely, 'cangxi-2021');
    expect(projects.every((p) => p.status === 'not_started' && p.version === 1)).toBe(true);
  });

  it("moves the plans-in-force stamp when one of those plans' indicators changes", async () => {
    const inForce = await plansInForce(db.kysely, ['510824'], 2023);
    expect(inForce.map((p) => [p.row.id, p.points.length])).toEqual([['cangxi-2021', 0]]);
    const before = await plansInForceStamp(db.kysely, ['510824'], 2023);
    expect(await plansInForceStamp(db.kysely, ['510824'], 2023)).toBe(before);
    await db.kysely
      .updateTable('indicators')
      .set({ note: 'changed' })
      .where('plan_id', '=', 'cangxi-2021')
      .execute();
    expect(await plansInForceStamp(db.kysely, ['510824'], 2023)).not.toBe(before);
    expect(await plansInForce(db.kysely, ['510824'], 2030)).toEqual([]);
  });
});
