import type { Db } from '@minsheng/db';
import { describeEachDialect, openMigratedDb } from '@minsheng/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Caller, callerFor, seedWorld } from './testing.ts';

describeEachDialect('importing a year of values', (dialect) => {
  let db: Db;
  let editor: Caller;
  let reviewer: Caller;
  let viewer: Caller;
  const planId = 'cangxi-2021';
  const count = async (table: 'observations' | 'audit_log') =>
    (await db.kysely.selectFrom(table).select('id').execute()).length;

  beforeAll(async () => {
    db = await openMigratedDb(dialect);
    const world = await seedWorld(db.kysely);
    editor = await callerFor(db.kysely, world.cxEditor);
    reviewer = await callerFor(db.kysely, world.cxEditor2);
    viewer = await callerFor(db.kysely, world.cxViewer);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('enters every value as submitted, audited, awaiting approval', async () => {
    const r = await editor.observations.importBatch({
      planId,
      year: 2022,
      values: [
        { indicatorId: 'nursery-places', value: '2.10', source: '卫健局' },
        { indicatorId: 'preschool-enrolment', value: '91' },
      ],
    });
    expect(r.imported).toBe(2);
    const rows = await editor.observations.list({ planId, year: 2022 });
    expect(rows.map((o) => [o.indicatorId, o.raw, o.state, o.source])).toEqual([
      ['nursery-places', '2.10', 'submitted', '卫健局'],
      ['preschool-enrolment', '91', 'submitted', null],
    ]);
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', '=', 'import')
      .execute();
    expect(audit).toHaveLength(2);
    // Imported values still need a second person.
    const nursery = rows[0]!;
    await reviewer.observations.approve({ id: nursery.id, expectedVersion: nursery.version });
  });

  it('refuses the whole batch for one bad value, and writes nothing', async () => {
    const before = [await count('observations'), await count('audit_log')];
    await expect(
      editor.observations.importBatch({
        planId,
        year: 2023,
        values: [
          { indicatorId: 'nursery-places', value: '2.5' },
          { indicatorId: 'no-such', value: '1' },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('"no-such" is not an indicator'),
    });
    await expect(
      editor.observations.importBatch({
        planId,
        year: 2023,
        values: [{ indicatorId: 'nursery-places', value: '1 5' }],
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('cannot read "1 5"'),
    });
    // An approved value cannot be overwritten by an import.
    await expect(
      editor.observations.importBatch({
        planId,
        year: 2022,
        values: [
          { indicatorId: 'new-jobs', value: '【0.3】' },
          { indicatorId: 'nursery-places', value: '3' },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('approved'),
    });
    expect([await count('observations'), await count('audit_log')]).toEqual(before);
  });

  it('is refused to a viewer and outside the period', async () => {
    await expect(
      viewer.observations.importBatch({
        planId,
        year: 2022,
        values: [{ indicatorId: 'new-jobs', value: '1' }],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      editor.observations.importBatch({
        planId,
        year: 2030,
        values: [{ indicatorId: 'new-jobs', value: '1' }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('2030') });
  });
});
