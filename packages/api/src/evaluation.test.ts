import type { Db } from '@minsheng/db';
import { describeEachDialect, openMigratedDb } from '@minsheng/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { StampedCache } from './stamped-cache.ts';
import { type Caller, callerFor, seedWorld } from './testing.ts';

describeEachDialect('evaluation procedures', (dialect) => {
  let db: Db;
  let editor: Caller;
  let reviewer: Caller;
  let lizhou: Caller;
  let root: Caller;

  /** Enters, submits and approves a value, as two different people must. */
  async function approve(indicatorId: string, year: number, value: string) {
    const d = await editor.observations.saveDraft({
      planId: 'cangxi-2021',
      indicatorId,
      year,
      value,
      expectedVersion: null,
    });
    await editor.observations.submit({ id: d.id, expectedVersion: 1 });
    await reviewer.observations.approve({ id: d.id, expectedVersion: 2 });
  }

  beforeAll(async () => {
    db = await openMigratedDb(dialect);
    const world = await seedWorld(db.kysely);
    editor = await callerFor(db.kysely, world.cxEditor);
    reviewer = await callerFor(db.kysely, world.cxEditor2);
    lizhou = await callerFor(db.kysely, world.lzEditor);
    root = await callerFor(db.kysely, world.root);
    // 1.5 → 4.5 over 2021–2025: 2.1 by 2022 is 0.6 of the 1.2 due by then.
    await approve('nursery-places', 2022, '2.1');
    await approve('preschool-enrolment', 2022, '91');
    // A draft does not count.
    await editor.observations.saveDraft({
      planId: 'cangxi-2021',
      indicatorId: 'nursery-places',
      year: 2023,
      value: '9',
      expectedVersion: null,
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('evaluates a plan from its approved values only', async () => {
    const r = await editor.evaluation.plan({ planId: 'cangxi-2021', year: 2023 });
    const nursery = r.evaluations.find((e) => e.indicatorId === 'nursery-places');
    expect(nursery).toMatchObject({
      observed: { year: 2022, raw: '2.1', value: 2.1 },
      baseline: 1.5,
      target: 4.5,
      direction: 'increase',
    });
    expect(nursery?.status).not.toBe('no_data');
    expect(r.evaluations.find((e) => e.indicatorId === 'preschool-enrolment')?.status).toBe(
      'achieved',
    );
    expect(r.summary.total).toBe(r.evaluations.length);
    expect(Object.values(r.summary.byStatus).reduce((a, b) => a + b, 0)).toBe(r.evaluations.length);
  });

  it('names the year and the period when the year is outside it', async () => {
    await expect(
      editor.evaluation.plan({ planId: 'cangxi-2021', year: 2031 }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/year.*2031.*2021–2025/),
    });
  });

  it('sums a region and everything below it, plan by plan', async () => {
    const r = await root.evaluation.region({ regionCode: '510000', year: 2023 });
    expect(r.plans.map((p) => p.planId).sort()).toEqual(['cangxi-2021', 'lizhou-2021']);
    const cangxi = r.plans.find((p) => p.planId === 'cangxi-2021');
    expect(cangxi?.regionName).toBe('苍溪县');
    const total = r.plans.reduce((n, p) => n + p.indicators, 0);
    expect(Object.values(r.totals).reduce((a, b) => a + b, 0)).toBe(total);
    expect(r.totals.achieved).toBeGreaterThanOrEqual(1);
  });

  it('keeps a region summary until a plan below changes, by this server or any other writer', async () => {
    const ask = () => root.evaluation.region({ regionCode: '510000', year: 2024 });
    const first = await ask();
    // Unchanged plans: the summary is not computed again.
    const computed = StampedCache.computations;
    expect(await ask()).toEqual(first);
    expect(StampedCache.computations).toBe(computed);
    const statusOf = (r: typeof first) =>
      r.plans.find((p) => p.planId === 'cangxi-2021')?.byStatus ?? {};

    // An approval through the API moves the plan's counter: the next summary is new.
    await approve('nursery-places', 2024, '4.6');
    const afterApproval = await ask();
    expect(StampedCache.computations).toBeGreaterThan(computed);
    expect(afterApproval.totals.achieved).toBe((first.totals.achieved ?? 0) + 1);

    // A change written straight into the database, as the CLI or another server would.
    await db.kysely
      .updateTable('observations')
      .set({ state: 'returned' })
      .where('plan_id', '=', 'cangxi-2021')
      .where('year', '=', 2024)
      .execute();
    const afterDirect = await ask();
    expect(statusOf(afterDirect)).toEqual(statusOf(first));
    expect(afterDirect.totals).toEqual(first.totals);
  });

  it("keeps a neighbour's evaluation out of reach", async () => {
    await expect(
      lizhou.evaluation.plan({ planId: 'cangxi-2021', year: 2023 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      lizhou.evaluation.region({ regionCode: '510824', year: 2023 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('checks a plan and aligns it with the nearest plan above, when there is one', async () => {
    expect(Array.isArray(await editor.evaluation.checks({ planId: 'cangxi-2021' }))).toBe(true);
    // The fixture world has no plan above the counties.
    expect(await editor.evaluation.alignment({ planId: 'cangxi-2021' })).toEqual({
      upper: null,
      alignment: null,
      reason: { zh: '上级地区均无规划', en: 'no region above has a plan' },
    });
  });
});
