import type { Db } from '@minsheng/db';
import { describeEachDialect, openMigratedDb } from '@minsheng/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser, callerFor, seedWorld, TEST_PASSWORD } from './testing.ts';

/** Issue 12, items 5 and 10: four eyes, user names, failed sign-ins seen, admins over admins. */
describeEachDialect('accounts and four eyes (issue 12)', (dialect) => {
  let db: Db;
  let world: Awaited<ReturnType<typeof seedWorld>>;
  beforeAll(async () => {
    db = await openMigratedDb(dialect);
    world = await seedWorld(db.kysely);
  });
  afterAll(async () => {
    await db?.close();
  });

  const draft = (planId: string, indicatorId: string, year: number) => ({
    planId,
    indicatorId,
    year,
    source: null,
    note: null,
  });

  it('an editor who overwrote a colleague’s draft may not approve it', async () => {
    const a = await callerFor(db.kysely, world.cxEditor);
    const b = await callerFor(db.kysely, world.cxEditor2);
    const v1 = await a.observations.saveDraft({
      ...draft('cangxi-2021', 'new-jobs', 2023),
      value: '1.1',
      expectedVersion: null,
    });
    const v2 = await b.observations.saveDraft({
      ...draft('cangxi-2021', 'new-jobs', 2023),
      value: '1.4',
      expectedVersion: v1.version,
    });
    const submitted = await a.observations.submit({ id: v2.id, expectedVersion: v2.version });
    await expect(
      b.observations.approve({ id: submitted.id, expectedVersion: submitted.version }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('须由未经手的其他用户审核'),
    });
    const row = await db.kysely
      .selectFrom('observations')
      .select(['state', 'version'])
      .where('id', '=', v1.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'submitted', version: submitted.version });
    // Someone who wrote none of it may.
    const admin = await callerFor(db.kysely, world.cxAdmin);
    await expect(
      admin.observations.approve({ id: submitted.id, expectedVersion: submitted.version }),
    ).resolves.toMatchObject({ state: 'approved' });
  });

  it('whoever rewrote a returned value may not approve it after it is submitted again', async () => {
    const a = await callerFor(db.kysely, world.cxEditor);
    const b = await callerFor(db.kysely, world.cxEditor2);
    const v1 = await a.observations.saveDraft({
      ...draft('cangxi-2021', 'new-jobs', 2024),
      value: '2.0',
      expectedVersion: null,
    });
    const s1 = await a.observations.submit({ id: v1.id, expectedVersion: 1 });
    const returned = await b.observations.return({
      id: s1.id,
      expectedVersion: s1.version,
      reason: '口径不对',
    });
    const rewritten = await b.observations.saveDraft({
      ...draft('cangxi-2021', 'new-jobs', 2024),
      value: '2.2',
      expectedVersion: returned.version,
    });
    const s2 = await a.observations.submit({ id: v1.id, expectedVersion: rewritten.version });
    for (const who of [a, b]) {
      await expect(
        who.observations.approve({ id: s2.id, expectedVersion: s2.version }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('an import over a colleague’s draft: neither the importer nor the drafter approves', async () => {
    const a = await callerFor(db.kysely, world.cxEditor);
    const b = await callerFor(db.kysely, world.cxEditor2);
    const v1 = await a.observations.saveDraft({
      ...draft('cangxi-2021', 'nursery-places', 2024),
      value: '3',
      expectedVersion: null,
    });
    await b.observations.importBatch({
      planId: 'cangxi-2021',
      year: 2024,
      values: [{ indicatorId: 'nursery-places', value: '3.5' }],
    });
    const [row] = await a.observations.list({
      planId: 'cangxi-2021',
      indicatorId: 'nursery-places',
      year: 2024,
    });
    expect(row).toMatchObject({ id: v1.id, state: 'submitted' });
    for (const who of [a, b]) {
      await expect(
        who.observations.approve({ id: v1.id, expectedVersion: row?.version ?? 0 }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('refuses a user name that differs from a taken one only in case, naming the field', async () => {
    const root = await callerFor(db.kysely, world.root);
    for (const username of ['CX-Admin', 'CX-ADMIN']) {
      await expect(
        root.users.create({
          username,
          displayName: '重名',
          role: 'viewer',
          regionCode: '510824',
          password: 'a long enough password',
        }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(
          new RegExp(
            `^username: 用户名 "${username}" 已被用户 "cx-admin" 使用（用户名不区分大小写）`,
          ),
        ),
      });
    }
    const names = await db.kysely
      .selectFrom('users')
      .select('username')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', 'cx-admin'))
      .execute();
    expect(names).toEqual([{ username: 'cx-admin' }]);
    // Signing in ignores case as well: one account, however the name is typed.
    const anonymous = await callerFor(db.kysely, null, { clientIp: '10.12.0.1' });
    await expect(
      anonymous.auth.signIn({ username: 'CX-Viewer', password: TEST_PASSWORD }),
    ).resolves.toMatchObject({ user: { username: 'cx-viewer' } });
  });

  it('failed sign-ins under names that are nobody’s are shown to the root admin', async () => {
    // A region above every admin's scope (as 国家 above 四川省): no admin's log reaches it.
    await db.kysely
      .insertInto('regions')
      .values({ code: '100000', name: '国家', level: 'province', parent_code: null, position: -1 })
      .execute();
    await db.kysely
      .updateTable('regions')
      .set({ parent_code: '100000' })
      .where('code', '=', '510000')
      .execute();
    const anonymous = await callerFor(db.kysely, null, { clientIp: '10.12.0.2' });
    await anonymous.auth
      .signIn({ username: 'no-such-clerk', password: 'whatever it is' })
      .catch(() => undefined);
    const root = await callerFor(db.kysely, world.root);
    const seen = await root.audit.list({ entity: 'user', entityId: 'no-such-clerk' });
    expect(seen).toMatchObject([
      { action: 'sign_in_failed', regionCode: '510000', after: { clientIp: '10.12.0.2' } },
    ]);
    // A county admin sees only their own county's.
    const county = await callerFor(db.kysely, world.cxAdmin);
    expect(await county.audit.list({ entity: 'user', entityId: 'no-such-clerk' })).toEqual([]);
  });

  it('only an admin of a wider scope may disable or reset another admin', async () => {
    const peer = await addUser(db.kysely, 'cx-admin-peer', 'admin', '510824');
    const rootPeer = await addUser(db.kysely, 'root-peer', 'admin', '510000');
    const cxAdmin = await callerFor(db.kysely, world.cxAdmin);
    const root = await callerFor(db.kysely, world.root);
    const refusals = [
      () => cxAdmin.users.update({ id: peer.id, disabled: true }),
      () => cxAdmin.users.resetPassword({ id: peer.id, password: 'taken over 123' }),
      () => cxAdmin.users.update({ id: peer.id, role: 'viewer' }),
      () => root.users.update({ id: rootPeer.id, disabled: true }),
      () => root.users.resetPassword({ id: rootPeer.id, password: 'taken over 123' }),
    ];
    for (const call of refusals) {
      await expect(call()).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('only an admin of a wider scope may'),
      });
    }
    const rows = await db.kysely
      .selectFrom('users')
      .select(['username', 'disabled', 'role', 'password_hash'])
      .where('id', 'in', [peer.id, rootPeer.id])
      .orderBy('username')
      .execute();
    expect(rows.map((r) => [r.username, r.disabled, r.role])).toEqual([
      ['cx-admin-peer', false, 'admin'],
      ['root-peer', false, 'admin'],
    ]);
    // The province admin is wider than the county's: allowed.
    await root.users.resetPassword({ id: peer.id, password: 'reset by root 1' });
    await expect(root.users.update({ id: peer.id, disabled: true })).resolves.toMatchObject({
      disabled: true,
    });
  });
});
