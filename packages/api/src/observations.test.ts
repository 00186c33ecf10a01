import type { Db } from '@minsheng/db';
import { describeEachDialect, openMigratedDb } from '@minsheng/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Caller, callerFor, seedWorld } from './testing.ts';

describeEachDialect('observations', (dialect) => {
  let db: Db;
  let world: Awaited<ReturnType<typeof seedWorld>>;
  let editor: Caller;
  let editor2: Caller;
  let viewer: Caller;
  let admin: Caller;

  beforeAll(async () => {
    db = await openMigratedDb(dialect);
    world = await seedWorld(db.kysely);
    editor = await callerFor(db.kysely, world.cxEditor);
    editor2 = await callerFor(db.kysely, world.cxEditor2);
    viewer = await callerFor(db.kysely, world.cxViewer);
    admin = await callerFor(db.kysely, world.cxAdmin);
  });
  afterAll(async () => {
    await db?.close();
  });

  const counts = async () => ({
    observations: (await db.kysely.selectFrom('observations').select('id').execute()).length,
    audit: (await db.kysely.selectFrom('audit_log').select('id').execute()).length,
  });

  it('goes draft → submitted → approved, and only then counts as the latest approved value', async () => {
    const base = { planId: 'cangxi-2021', indicatorId: 'nursery-places', year: 2022 };
    const draft = await editor.observations.saveDraft({
      ...base,
      value: '2.1',
      expectedVersion: null,
    });
    expect(draft).toMatchObject({ state: 'draft', raw: '2.1', version: 1, enteredBy: 'cx-editor' });
    expect(draft.value).toMatchObject({ kind: 'number', num: { value: 2.1, text: '2.1' } });

    const latest = async () =>
      (await viewer.indicators.list({ planId: 'cangxi-2021' })).find(
        (i) => i.id === base.indicatorId,
      )?.latestApproved;
    expect(await latest()).toBeNull();

    const submitted = await editor.observations.submit({ id: draft.id, expectedVersion: 1 });
    expect(submitted).toMatchObject({ state: 'submitted', version: 2, submittedBy: 'cx-editor' });
    expect(await latest()).toBeNull();

    await expect(
      editor.observations.approve({ id: draft.id, expectedVersion: 2 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('different user'),
    });

    const approved = await editor2.observations.approve({ id: draft.id, expectedVersion: 2 });
    expect(approved).toMatchObject({ state: 'approved', version: 3, reviewedBy: 'cx-editor2' });
    expect(await latest()).toMatchObject({ year: 2022, raw: '2.1' });

    // An approved value is locked against drafts.
    await expect(
      editor.observations.saveDraft({ ...base, value: '9', expectedVersion: 3 }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('returns a value with a reason; the editor fixes it and submits again', async () => {
    const base = { planId: 'cangxi-2021', indicatorId: 'preschool-enrolment', year: 2023 };
    const draft = await editor.observations.saveDraft({
      ...base,
      value: '91.5',
      expectedVersion: null,
    });
    await editor.observations.submit({ id: draft.id, expectedVersion: 1 });
    await expect(
      admin.observations.return({ id: draft.id, expectedVersion: 2, reason: '  ' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('reason') });
    const returned = await admin.observations.return({
      id: draft.id,
      expectedVersion: 2,
      reason: '与统计年鉴不符',
    });
    expect(returned).toMatchObject({
      state: 'returned',
      returnReason: '与统计年鉴不符',
      version: 3,
    });
    const fixed = await editor.observations.saveDraft({
      ...base,
      value: '91.2',
      expectedVersion: 3,
    });
    expect(fixed).toMatchObject({ state: 'draft', raw: '91.2', version: 4 });
    expect((await editor.observations.submit({ id: draft.id, expectedVersion: 4 })).state).toBe(
      'submitted',
    );
  });

  it('writes every change to the audit log with who, what, before and after', async () => {
    const base = { planId: 'cangxi-2021', indicatorId: 'new-jobs', year: 2021 };
    const first = await editor.observations.saveDraft({
      ...base,
      value: '0.3',
      expectedVersion: null,
    });
    await editor.observations.saveDraft({ ...base, value: '0.35', expectedVersion: 1 });
    const log = await admin.audit.list({ entity: 'observation', entityId: first.id });
    expect(log.map((e) => e.action)).toEqual(['update_draft', 'create_draft']);
    expect(log[0]).toMatchObject({
      actor: 'cx-editor',
      regionCode: '510824',
      before: { raw: '0.3', version: 1 },
      after: { raw: '0.35', version: 2 },
    });
    expect(log[1]?.before).toBeNull();
  });

  it('refuses an audit page cursor past the sequence column as bad input, not a 500', async () => {
    // Found by the fuzz: 2^31 reached PostgreSQL's integer and failed there.
    await expect(admin.audit.list({ beforeSeq: 2 ** 31 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(admin.audit.list({ beforeSeq: 2 ** 31 - 1 })).resolves.toBeInstanceOf(Array);
  });

  it('refuses a save over a version someone else changed, naming who', async () => {
    const base = { planId: 'cangxi-2021', indicatorId: 'nursery-places', year: 2024 };
    await editor.observations.saveDraft({ ...base, value: '3', expectedVersion: null });
    await editor2.observations.saveDraft({ ...base, value: '3.2', expectedVersion: 1 });
    await expect(
      editor.observations.saveDraft({ ...base, value: '3.1', expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/changed by cx-editor2 at .*version 2.*version 1/),
    });
    // A first save of a value someone already entered is a conflict too.
    await expect(
      editor.observations.saveDraft({ ...base, value: '3.1', expectedVersion: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const [row] = await viewer.observations.list({ ...base });
    expect(row).toMatchObject({ raw: '3.2', version: 2 });
  });

  it('two clients saving the same version at once: one CONFLICT, no lost value', async () => {
    const base = { planId: 'cangxi-2021', indicatorId: 'preschool-enrolment', year: 2024 };
    const created = await editor.observations.saveDraft({
      ...base,
      value: '90',
      expectedVersion: null,
    });
    const results = await Promise.allSettled([
      editor.observations.saveDraft({ ...base, value: '90.5', expectedVersion: created.version }),
      editor2.observations.saveDraft({ ...base, value: '90.7', expectedVersion: created.version }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect((failed[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    const winner = (ok[0] as PromiseFulfilledResult<{ raw: string }>).value.raw;
    const [stored] = await viewer.observations.list({ ...base });
    expect(stored).toMatchObject({ raw: winner, version: 2 });
  });

  it('two clients entering the same new value at once: one CONFLICT, no lost value', async () => {
    const base = { planId: 'cangxi-2021', indicatorId: 'new-jobs', year: 2025 };
    const results = await Promise.allSettled([
      editor.observations.saveDraft({ ...base, value: '0.5', expectedVersion: null }),
      editor2.observations.saveDraft({ ...base, value: '0.6', expectedVersion: null }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'CONFLICT' });
    const fulfilled = results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{
      raw: string;
    }>;
    const stored = await viewer.observations.list({ ...base });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.raw).toBe(fulfilled.value.raw);
  });

  it.each([
    ['a value outside the grammar', { value: '约约5' }, 'value', '约约5'],
    ['an empty value', { value: '' }, 'value', '""'],
    ['a year after the period', { year: 2030 }, 'year', '2030'],
    ['a year before the period', { year: 2020 }, 'year', '2020'],
    ['an unknown indicator', { indicatorId: 'no-such' }, 'indicatorId', 'no-such'],
    ['an oversized note', { note: 'x'.repeat(5000) }, 'note', 'xxxx'],
    ['an oversized value', { value: '1'.repeat(500) }, 'value', '1111'],
  ])(
    'refuses %s: BAD_REQUEST naming the field and the value, nothing written',
    async (_what, patch, field, shown) => {
      const before = await counts();
      const input = {
        planId: 'cangxi-2021',
        indicatorId: 'nursery-places',
        year: 2023,
        value: '4',
        expectedVersion: null,
        ...patch,
      };
      const error = await editor.observations.saveDraft(input).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'BAD_REQUEST' });
      const message = (error as Error).message;
      expect(message).toContain(`${field}:`);
      expect(message).toContain(shown);
      expect(message).not.toMatch(/select|insert|\bat .*\.ts:\d+/i);
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses an unknown plan as it refuses one out of reach, writing nothing', async () => {
    const before = await counts();
    await expect(
      editor.observations.saveDraft({
        planId: 'no-such-plan',
        indicatorId: 'nursery-places',
        year: 2023,
        value: '4',
        expectedVersion: null,
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('plan "no-such-plan"'),
    });
    expect(await counts()).toEqual(before);
  });

  it('lets a viewer read but not write', async () => {
    expect(await viewer.observations.list({ planId: 'cangxi-2021' })).not.toHaveLength(0);
    await expect(
      viewer.observations.saveDraft({
        planId: 'cangxi-2021',
        indicatorId: 'nursery-places',
        year: 2025,
        value: '4',
        expectedVersion: null,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
