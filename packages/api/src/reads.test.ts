import type { Db } from '@minsheng/db';
import { describeEachDialect, fixturePackages, openMigratedDb } from '@minsheng/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { StampedCache } from './stamped-cache.ts';
import { type Caller, callerFor, seedWorld } from './testing.ts';

describeEachDialect('reading plans', (dialect) => {
  let db: Db;
  let editor: Caller;
  let lizhou: Caller;
  let world: Awaited<ReturnType<typeof seedWorld>>;
  beforeAll(async () => {
    db = await openMigratedDb(dialect);
    world = await seedWorld(db.kysely);
    editor = await callerFor(db.kysely, world.cxEditor);
    lizhou = await callerFor(db.kysely, world.lzEditor);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('gives the regions as a tree', async () => {
    const tree = await editor.regions.tree();
    expect(tree.map((r) => r.name)).toEqual(['四川省']);
    const city = tree[0]?.children[0];
    expect(city?.name).toBe('广元市');
    expect(city?.children.map((c) => c.code).sort()).toEqual(['510802', '510824']);
  });

  it("lists the plans a user may read: their own and those above, not a neighbour's", async () => {
    expect((await editor.plans.list()).map((p) => p.id)).toEqual(['cangxi-2021']);
    expect((await lizhou.plans.list()).map((p) => p.id)).toEqual(['lizhou-2021']);
    const plan = await editor.plans.get({ planId: 'cangxi-2021' });
    expect(plan).toMatchObject({ regionCode: '510824', period: { start: 2021, end: 2025 } });
  });

  it('gives indicators with raw and parsed cells in table order', async () => {
    const source = fixturePackages()[3]?.plans[0]?.indicators ?? [];
    const indicators = await editor.indicators.list({ planId: 'cangxi-2021' });
    expect(indicators.map((i) => i.id)).toEqual(source.map((i) => i.id));
    expect(indicators.map((i) => i.target)).toEqual(source.map((i) => i.target));
    expect(indicators.every((i) => i.latestApproved === null)).toBe(true);
  });

  it('gives the latest approved value per indicator, ignoring newer drafts', async () => {
    const other = await callerFor(db.kysely, world.cxEditor2);
    const base = { planId: 'cangxi-2021', indicatorId: 'nursery-places' };
    for (const [year, value] of [
      [2021, '1.8'],
      [2022, '2.4'],
    ] as const) {
      const o = await editor.observations.saveDraft({
        ...base,
        year,
        value,
        expectedVersion: null,
      });
      await editor.observations.submit({ id: o.id, expectedVersion: 1 });
      await other.observations.approve({ id: o.id, expectedVersion: 2 });
    }
    await editor.observations.saveDraft({ ...base, year: 2023, value: '9', expectedVersion: null });
    const ind = (await editor.indicators.list({ planId: 'cangxi-2021' })).find(
      (i) => i.id === base.indicatorId,
    );
    expect(ind?.latestApproved).toMatchObject({ year: 2022, raw: '2.4' });
  });

  it("keeps a plan's indicator list until the plan changes, whoever changes it", async () => {
    const ask = () => editor.indicators.list({ planId: 'cangxi-2021' });
    const nursery = (list: Awaited<ReturnType<typeof ask>>) =>
      list.find((i) => i.id === 'nursery-places');
    const first = await ask();
    const computed = StampedCache.computations;
    expect(await ask()).toEqual(first);
    expect(StampedCache.computations).toBe(computed);
    // Written straight into the database, as the CLI or another server would.
    const rename = (name: string) =>
      db.kysely
        .updateTable('indicators')
        .set({ name })
        .where('plan_id', '=', 'cangxi-2021')
        .where('id', '=', 'nursery-places')
        .execute();
    const setState = (state: 'approved' | 'draft') =>
      db.kysely
        .updateTable('observations')
        .set({ state })
        .where('plan_id', '=', 'cangxi-2021')
        .where('indicator_id', '=', 'nursery-places')
        .where('year', '=', 2023)
        .execute();
    const name = nursery(first)?.name ?? '';
    await rename('改过的名称');
    expect(nursery(await ask())?.name).toBe('改过的名称');
    await setState('approved');
    expect(nursery(await ask())?.latestApproved).toMatchObject({ year: 2023, raw: '9' });
    await setState('draft');
    await rename(name);
    expect(await ask()).toEqual(first);
  });

  it('gives the service list with its standards and the projects with their status', async () => {
    const standards = await editor.standards.list({ planId: 'cangxi-2021' });
    expect(standards.items.map((s) => s.name)).toEqual(['婴幼儿照护服务']);
    expect(standards.items[0]).toMatchObject({
      fundingLevels: ['county'],
      targetGroup: '0-3岁婴幼儿家庭',
    });
    const projects = await editor.projects.list({ planId: 'cangxi-2021' });
    expect(projects[0]).toMatchObject({ status: 'not_started', progress: 0, version: 1 });
    const updated = await editor.projects.updateStatus({
      planId: 'cangxi-2021',
      projectId: 'nursery-building',
      status: 'in_progress',
      progress: 35,
      note: '已开工',
      expectedVersion: 1,
    });
    expect(updated).toMatchObject({
      status: 'in_progress',
      progress: 35,
      version: 2,
      statusUpdatedBy: 'cx-editor',
    });
    await expect(
      editor.projects.updateStatus({
        planId: 'cangxi-2021',
        projectId: 'nursery-building',
        status: 'completed',
        progress: 100,
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('cx-editor') });
    await expect(
      editor.projects.updateStatus({
        planId: 'cangxi-2021',
        projectId: 'nursery-building',
        status: 'completed',
        progress: 80,
        expectedVersion: 2,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('progress: 80'),
    });
  });
});
