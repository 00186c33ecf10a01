import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from './connection.ts';
import { json } from './schema.ts';
import { seedCatalog } from './seed.ts';
import { describeEachDialect, fixturePackages, openMigratedDb } from './testing/index.ts';

describeEachDialect('plan_changes: the database counts every change to a plan', (dialect) => {
  let db: Db;
  beforeAll(async () => {
    db = await openMigratedDb(dialect);
    await seedCatalog(db.kysely, fixturePackages());
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
  });
  afterAll(() => db?.close());

  const counters = async () => {
    const rows = await db.kysely.selectFrom('plan_changes').selectAll().execute();
    return Object.fromEntries(rows.map((r) => [r.plan_id, Number(r.n)]));
  };
  const observation = (id: string, year: number) => {
    const now = new Date();
    return {
      id,
      plan_id: 'cangxi-2021',
      indicator_id: 'new-jobs',
      year,
      raw: '0.4',
      value: json({ kind: 'number', num: { value: 0.4, text: '0.4' } }),
      source: null,
      note: null,
      state: 'draft',
      return_reason: null,
      entered_by: 'u1',
      entered_at: now,
      submitted_by: null,
      submitted_at: null,
      reviewed_by: null,
      reviewed_at: null,
      updated_by: 'u1',
      updated_at: now,
      version: 1,
    };
  };

  it('seeding counted each plan it wrote', async () => {
    const after = await counters();
    expect(Object.keys(after).sort()).toEqual(['cangxi-2021', 'lizhou-2021']);
    for (const n of Object.values(after)) expect(n).toBeGreaterThan(0);
  });

  it('moves the plan of an inserted, updated or deleted observation once per statement, and no other', async () => {
    const before = await counters();
    await db.kysely
      .insertInto('observations')
      .values([observation('o1', 2022), observation('o2', 2023)])
      .execute();
    const inserted = await counters();
    expect(inserted['cangxi-2021']).toBe((before['cangxi-2021'] ?? 0) + 1);
    expect(inserted['lizhou-2021']).toBe(before['lizhou-2021']);

    await db.kysely
      .updateTable('observations')
      .set({ state: 'approved' })
      .where('id', '=', 'o1')
      .execute();
    expect((await counters())['cangxi-2021']).toBe((inserted['cangxi-2021'] ?? 0) + 1);

    await db.kysely.deleteFrom('observations').where('id', '=', 'o2').execute();
    expect((await counters())['cangxi-2021']).toBe((inserted['cangxi-2021'] ?? 0) + 2);
  });

  it('moves it for an indicator or the plan row itself', async () => {
    const before = await counters();
    await db.kysely
      .updateTable('indicators')
      .set({ note: 'changed' })
      .where('plan_id', '=', 'lizhou-2021')
      .execute();
    await db.kysely
      .updateTable('plans')
      .set({ title: 'renamed' })
      .where('id', '=', 'lizhou-2021')
      .execute();
    expect((await counters())['lizhou-2021']).toBe((before['lizhou-2021'] ?? 0) + 2);
  });

  it('a rolled-back change leaves the counters as they were', async () => {
    const before = await counters();
    await expect(
      db.kysely.transaction().execute(async (tx) => {
        await tx.insertInto('observations').values(observation('o3', 2024)).execute();
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await counters()).toEqual(before);
  });
});
