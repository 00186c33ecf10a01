import type { Db } from '@minsheng/db';
import { describeEachDialect, openMigratedDb } from '@minsheng/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Caller, callerFor, seedWorld } from './testing.ts';

const PLAN = 'cangxi-2021';
const NURSERY = '每千人口拥有3岁以下婴幼儿托位数（个）';

describeEachDialect('observations.saveSheet', (dialect) => {
  let db: Db;
  let editor: Caller;
  let editor2: Caller;
  let viewer: Caller;

  beforeAll(async () => {
    db = await openMigratedDb(dialect);
    const world = await seedWorld(db.kysely);
    editor = await callerFor(db.kysely, world.cxEditor);
    editor2 = await callerFor(db.kysely, world.cxEditor2);
    viewer = await callerFor(db.kysely, world.cxViewer);
  });
  afterAll(async () => {
    await db?.close();
  });

  /** Every row a sheet could touch: observations and audit entries. */
  const written = async () => ({
    observations: await db.kysely
      .selectFrom('observations')
      .select(['indicator_id', 'year', 'raw', 'state', 'version'])
      .orderBy('indicator_id')
      .orderBy('year')
      .execute(),
    audit: (await db.kysely.selectFrom('audit_log').select('id').execute()).length,
  });

  it('writes nothing when one cell is bad, and names each bad cell by indicator and year', async () => {
    const before = await written();
    const error = await editor.observations
      .saveSheet({
        planId: PLAN,
        year: 2022,
        mode: 'submit',
        cells: [
          { indicatorId: 'preschool-enrolment', value: '91.5', expectedVersion: null },
          { indicatorId: 'nursery-places', value: '九十五点三', expectedVersion: null },
          { indicatorId: 'new-jobs', value: '1.2', expectedVersion: null },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    const message = (error as Error).message;
    expect(message).toContain(`“${NURSERY}”2022年：无法识别“九十五点三”`);
    expect(message).not.toContain('学前教育毛入园率');
    expect(await written()).toEqual(before);
  });

  it('writes nothing when a cell fails inside the transaction (a value already submitted)', async () => {
    const o = await editor.observations.saveDraft({
      planId: PLAN,
      indicatorId: 'new-jobs',
      year: 2023,
      value: '1.1',
      expectedVersion: null,
    });
    await editor.observations.submit({ id: o.id, expectedVersion: 1 });
    const before = await written();
    await expect(
      editor.observations.saveSheet({
        planId: PLAN,
        year: 2023,
        mode: 'draft',
        cells: [
          { indicatorId: 'nursery-places', value: '2.5', expectedVersion: null },
          { indicatorId: 'new-jobs', value: '1.3', expectedVersion: 2 },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('“城镇新增就业（万人）”2023年：待审核，退回后才能修改'),
    });
    expect(await written()).toEqual(before);
  });

  it('refuses a stale cell as a conflict, naming who changed it', async () => {
    const o = await editor2.observations.saveDraft({
      planId: PLAN,
      indicatorId: 'preschool-enrolment',
      year: 2024,
      value: '90',
      expectedVersion: null,
    });
    const before = await written();
    await expect(
      editor.observations.saveSheet({
        planId: PLAN,
        year: 2024,
        mode: 'draft',
        cells: [
          { indicatorId: 'nursery-places', value: '3', expectedVersion: null },
          { indicatorId: 'preschool-enrolment', value: '91', expectedVersion: null },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`已被cx-editor2修改（现为第${o.version}版）`),
    });
    expect(await written()).toEqual(before);
  });

  it('saves a whole sheet as drafts, then submits it with its other drafts, in one call each', async () => {
    const draft = await editor.observations.saveSheet({
      planId: PLAN,
      year: 2021,
      mode: 'draft',
      cells: [
        { indicatorId: 'nursery-places', value: '1.8', expectedVersion: null },
        { indicatorId: 'preschool-enrolment', value: '88', expectedVersion: null },
      ],
    });
    expect(draft.saved.map((o) => [o.indicatorId, o.state, o.version])).toEqual([
      ['nursery-places', 'draft', 1],
      ['preschool-enrolment', 'draft', 1],
    ]);
    expect(draft.submitted).toEqual([]);

    const sent = await editor.observations.saveSheet({
      planId: PLAN,
      year: 2021,
      mode: 'submit',
      cells: [{ indicatorId: 'new-jobs', value: '1.0', expectedVersion: null }],
      submit: [
        { indicatorId: 'nursery-places', expectedVersion: 1 },
        { indicatorId: 'preschool-enrolment', expectedVersion: 1 },
      ],
    });
    expect(sent.submitted.map((o) => [o.indicatorId, o.state, o.submittedBy])).toEqual([
      ['new-jobs', 'submitted', 'cx-editor'],
      ['nursery-places', 'submitted', 'cx-editor'],
      ['preschool-enrolment', 'submitted', 'cx-editor'],
    ]);
    const states = await viewer.observations.list({ planId: PLAN, year: 2021 });
    expect(states.every((o) => o.state === 'submitted')).toBe(true);
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'observation')
      .where(
        'entity_id',
        'in',
        states.map((o) => o.id),
      )
      .execute();
    expect(audit.filter((a) => a.action === 'submit')).toHaveLength(3);
  });

  it('is refused to a viewer, and outside the plan period', async () => {
    await expect(
      viewer.observations.saveSheet({ planId: PLAN, year: 2022, mode: 'draft', cells: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      editor.observations.saveSheet({ planId: PLAN, year: 2030, mode: 'draft', cells: [] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('year') });
  });
});
