import type { Db } from '@minsheng/db';
import { describeEachDialect, openMigratedDb } from '@minsheng/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, SESSION_COOKIE, verifyPassword } from './auth.ts';
import { ensureFirstAdmin } from './bootstrap.ts';
import { createContext } from './context.ts';
import { createCaller } from './router.ts';
import { callerFor, seedWorld, sessionFor, TEST_PASSWORD } from './testing.ts';
import { THROTTLE } from './throttle.ts';

describe('password hashing', () => {
  it('salts each hash, verifies the right password only, stores no plain text', async () => {
    const a = await hashPassword('a long enough password');
    const b = await hashPassword('a long enough password');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toContain('a long enough password');
    expect(await verifyPassword('a long enough password', a)).toBe(true);
    expect(await verifyPassword('a long enough passwore', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});

describeEachDialect('sign-in and sessions', (dialect) => {
  let db: Db;
  let world: Awaited<ReturnType<typeof seedWorld>>;
  beforeAll(async () => {
    db = await openMigratedDb(dialect);
    world = await seedWorld(db.kysely);
  });
  afterAll(async () => {
    await db?.close();
  });

  const anonymous = (clientIp = '10.0.0.1') => callerFor(db.kysely, null, { clientIp });
  const withToken = async (token: string) =>
    createCaller(await createContext({ db: db.kysely, sessionToken: token }));

  it('needs a signed-in user for everything but signing in', async () => {
    const caller = await anonymous();
    expect(await caller.auth.me()).toBeNull();
    await expect(caller.regions.tree()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller.plans.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('signs in with an HttpOnly SameSite session cookie; signing out kills the session', async () => {
    const { caller, cookies } = await sessionFor(db.kysely, null, { clientIp: '10.0.0.8' });
    const { user } = await caller.auth.signIn({ username: 'cx-editor', password: TEST_PASSWORD });
    expect(user).toMatchObject({ username: 'cx-editor', role: 'editor', regionCode: '510824' });
    const cookie = cookies[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{40,};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const token = cookie.split(';')[0]?.split('=')[1] ?? '';
    // Only a hash of the token is stored.
    const stored = await db.kysely.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);

    const session = await withToken(token);
    expect((await session.auth.me())?.username).toBe('cx-editor');
    await session.auth.signOut();
    const after = await withToken(token);
    expect(await after.auth.me()).toBeNull();
    await expect(after.regions.tree()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const { caller, cookies } = await sessionFor(db.kysely, null, {
      secure: true,
      clientIp: '10.0.0.9',
    });
    await caller.auth.signIn({ username: 'cx-viewer', password: TEST_PASSWORD });
    expect(cookies[0]).toContain('Secure');
  });

  it('refuses a wrong password or an unknown user with the same message', async () => {
    const caller = await anonymous('10.0.0.2');
    const wrong = await caller.auth
      .signIn({ username: 'cx-viewer', password: 'not the password' })
      .catch((e: Error) => e);
    const unknown = await caller.auth
      .signIn({ username: 'nobody', password: 'not the password' })
      .catch((e: Error) => e);
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', message: 'wrong user name or password' });
    expect(unknown).toMatchObject({ code: 'UNAUTHORIZED', message: 'wrong user name or password' });
  });

  it('slows repeated failures down: after a few, even the right password must wait', async () => {
    const caller = await anonymous('10.0.0.3');
    for (let i = 0; i < THROTTLE.pair.freeFailures + 1; i++) {
      await caller.auth
        .signIn({ username: 'lz-editor', password: 'guess number x' })
        .catch(() => undefined);
    }
    await expect(
      caller.auth.signIn({ username: 'lz-editor', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/try again in \d+ s/),
    });
    // Another user from another address is not held up.
    const other = await anonymous('10.0.0.4');
    await expect(
      other.auth.signIn({ username: 'cx-admin', password: TEST_PASSWORD }),
    ).resolves.toBeDefined();
    const failures = await db.kysely
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('action', '=', 'sign_in_failed')
      .where('entity_id', '=', 'lz-editor')
      .execute();
    expect(failures.length).toBeGreaterThanOrEqual(THROTTLE.pair.freeFailures);
    expect(JSON.stringify(failures)).not.toContain('guess number');
  });

  it('lets a user change their own password, ending their other sessions', async () => {
    const other = await sessionFor(db.kysely, world.cxEditor2);
    const me = await callerFor(db.kysely, world.cxEditor2);
    await expect(
      me.auth.changePassword({ currentPassword: 'wrong', newPassword: 'a brand new password' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await me.auth.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new password',
    });
    expect((await me.auth.me())?.username).toBe('cx-editor2');
    await expect(withToken(other.token ?? '').then((c) => c.regions.tree())).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const fresh = await anonymous('10.0.0.5');
    await expect(
      fresh.auth.signIn({ username: 'cx-editor2', password: 'a brand new password' }),
    ).resolves.toBeDefined();
  });
});

describeEachDialect('users and roles', (dialect) => {
  let db: Db;
  let world: Awaited<ReturnType<typeof seedWorld>>;
  beforeAll(async () => {
    db = await openMigratedDb(dialect);
    world = await seedWorld(db.kysely);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('creates the first admin once, with a random password printed by the caller', async () => {
    const fresh = await openMigratedDb(dialect);
    try {
      await seedWorld(fresh.kysely).then(() => fresh.kysely.deleteFrom('users').execute());
      const first = await ensureFirstAdmin(fresh.kysely);
      expect(first).toMatchObject({ created: true, username: 'admin', generated: true });
      if (!first.created) throw new Error('unreachable');
      expect(first.password.length).toBeGreaterThanOrEqual(16);
      expect(await ensureFirstAdmin(fresh.kysely)).toEqual({ created: false });
      const caller = await callerFor(fresh.kysely, null);
      const { user } = await caller.auth.signIn({ username: 'admin', password: first.password });
      expect(user).toMatchObject({ role: 'admin', regionCode: '510000' });
    } finally {
      await fresh.close();
    }
  });

  it('takes MINSHENG_ADMIN_PASSWORD when given, and refuses a weak one', async () => {
    const fresh = await openMigratedDb(dialect);
    try {
      await seedWorld(fresh.kysely).then(() => fresh.kysely.deleteFrom('users').execute());
      await expect(ensureFirstAdmin(fresh.kysely, { password: 'short' })).rejects.toThrow(
        /MINSHENG_ADMIN_PASSWORD/,
      );
      const first = await ensureFirstAdmin(fresh.kysely, { password: 'the chosen password' });
      expect(first).toMatchObject({
        created: true,
        generated: false,
        password: 'the chosen password',
      });
    } finally {
      await fresh.close();
    }
  });

  it('lets an admin create users within their scope only', async () => {
    const cxAdmin = await callerFor(db.kysely, world.cxAdmin);
    const created = await cxAdmin.users.create({
      username: 'cx-new',
      displayName: '新填报员',
      role: 'editor',
      regionCode: '510824',
      password: 'a long enough password',
    });
    expect(created).toMatchObject({ role: 'editor', regionCode: '510824', disabled: false });
    expect(created).not.toHaveProperty('passwordHash');
    await expect(
      cxAdmin.users.create({
        username: 'cx-wider',
        displayName: 'x',
        role: 'admin',
        regionCode: '510000',
        password: 'a long enough password',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      cxAdmin.users.create({
        username: 'cx-new',
        displayName: 'again',
        role: 'viewer',
        regionCode: '510824',
        password: 'a long enough password',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('cx-new') });
    await expect(
      cxAdmin.users.update({ id: created.id, regionCode: '510800' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const log = await cxAdmin.audit.list({ entity: 'user', entityId: created.id });
    expect(log[0]).toMatchObject({ action: 'create', actor: 'cx-admin' });
    expect(JSON.stringify(log)).not.toMatch(/password|scrypt/);
  });

  it('never lets anyone raise their own role or widen their own scope', async () => {
    const editor = await callerFor(db.kysely, world.cxEditor);
    await expect(
      editor.users.update({ id: world.cxEditor.id, role: 'admin' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const cxAdmin = await callerFor(db.kysely, world.cxAdmin);
    await expect(
      cxAdmin.users.update({ id: world.cxAdmin.id, regionCode: '510000' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const row = await db.kysely
      .selectFrom('users')
      .select(['role', 'region_code'])
      .where('id', '=', world.cxEditor.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'editor', region_code: '510824' });
  });

  it('ends the sessions of a user whose role changes or who is disabled', async () => {
    const viewer = await sessionFor(db.kysely, world.cxViewer);
    const root = await callerFor(db.kysely, world.root);
    await root.users.update({ id: world.cxViewer.id, disabled: true });
    await expect(
      createCaller(
        await createContext({ db: db.kysely, sessionToken: viewer.token }),
      ).regions.tree(),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const fresh = await callerFor(db.kysely, null, { clientIp: '10.1.1.1' });
    await expect(
      fresh.auth.signIn({ username: 'cx-viewer', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
