import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendAudit } from '../audit.ts';
import type { Db } from '../connection.ts';
import { json } from '../schema.ts';
import { seedCatalog } from '../seed.ts';
import { describeEachDialect, fixturePackages, openMigratedDb } from '../testing/index.ts';
import {
  allRegions,
  auditEntries,
  indicatorsWithLatest,
  insertObservation,
  insertUser,
  listObservations,
  loadDomainPlan,
  lockObservationsOfYear,
  observationAt,
  planById,
  plansInForce,
  plansInForceStamp,
  plansOfRegions,
  projectsOf,
  standardsOf,
  takenUsername,
  updateUser,
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

  it('writes and reads users, observations with their people, and audit entries', async () => {
    const clerk = await insertUser(db.kysely, {
      id: 'u-clerk',
      username: 'Clerk',
      displayName: '填报员',
      passwordHash: 'x',
      role: 'editor',
      regionCode: '510824',
    });
    expect(await takenUsername(db.kysely, 'cLERK')).toBe('Clerk');
    const renamed = await db.kysely
      .transaction()
      .execute((trx) => updateUser(trx, clerk.id, { displayName: '新名字' }, new Date()));
    expect(renamed).toEqual({ ...clerk, displayName: '新名字' });

    const key = { plan_id: 'cangxi-2021', indicator_id: 'nursery-places', year: 2022 };
    const at = new Date('2023-01-02T03:04:05Z');
    await db.kysely.transaction().execute(async (trx) => {
      await insertObservation(trx, {
        id: 'o-1',
        ...key,
        raw: '2.1',
        value: json({ kind: 'none', mark: '' }),
        source: null,
        note: null,
        state: 'draft',
        return_reason: null,
        entered_by: clerk.id,
        entered_at: at,
        submitted_by: null,
        submitted_at: null,
        reviewed_by: null,
        reviewed_at: null,
        updated_by: clerk.id,
        updated_at: at,
        version: 1,
      });
      await appendAudit(trx, [
        {
          actor: clerk,
          action: 'create_draft',
          entity: 'observation',
          entityId: 'o-1',
          regionCode: '510824',
        },
      ]);
      const locked = await lockObservationsOfYear(trx, 'cangxi-2021', 2022, ['nursery-places']);
      expect([...locked.keys()]).toEqual(['nursery-places']);
    });
    expect(await observationAt(db.kysely, { ...key, year: 2023 })).toBeUndefined();
    expect(await listObservations(db.kysely, { planId: 'cangxi-2021', year: 2022 })).toEqual([
      expect.objectContaining({
        id: 'o-1',
        enteredBy: 'Clerk',
        updatedBy: 'Clerk',
        submittedBy: null,
        enteredAt: at.toISOString(),
        version: 1,
      }),
    ]);
    expect(await listObservations(db.kysely, { planId: 'cangxi-2021', state: 'approved' })).toEqual(
      [],
    );
    const log = await auditEntries(db.kysely, {
      regionCodes: ['510824'],
      entityId: 'o-1',
      limit: 5,
    });
    expect(log.map((e) => [e.actor, e.action])).toEqual([['Clerk', 'create_draft']]);
  });
});
