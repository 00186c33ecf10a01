import type { Db } from '@minsheng/db';
import { dialects, openMigratedDb } from '@minsheng/db/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from './context.ts';
import { createCaller } from './router.ts';
import { callerFor, seedWorld, sessionFor, TEST_PASSWORD } from './testing.ts';
import { THROTTLE } from './throttle.ts';

/** Attacks beyond the access matrix: stolen or dead sessions, self-promotion, probing ids. */
async function refusal(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('the call was not refused');
}

describe.skipIf(dialects[0]?.unavailable !== undefined)('access attacks [pglite]', () => {
  let db: Db;
  let world: Awaited<ReturnType<typeof seedWorld>>;

  beforeAll(async () => {
    db = await openMigratedDb(dialects[0] as (typeof dialects)[number]);
    world = await seedWorld(db.kysely);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('a session acts only as its own user, and is dead once signed out', async () => {
    const a = await sessionFor(db.kysely, world.cxEditor);
    expect((await a.caller.auth.me())?.id).toBe(world.cxEditor.id);
    await a.caller.auth.signOut();
    const reused = createCaller(await createContext({ db: db.kysely, sessionToken: a.token }));
    expect(await reused.auth.me()).toBeNull();
    expect((await refusal(reused.observations.list({ planId: 'cangxi-2021' }))).code).toBe(
      'UNAUTHORIZED',
    );
    // A forged token (another user's hash, a token of the right shape) is nobody.
    for (const token of ['x'.repeat(43), `${a.token}x`, '', "' or 1=1 --"]) {
      const forged = createCaller(await createContext({ db: db.kysely, sessionToken: token }));
      expect(await forged.auth.me()).toBeNull();
    }
  });

  it('an editor cannot raise their own role, widen their scope or touch other users', async () => {
    const editor = await callerFor(db.kysely, world.cxEditor);
    for (const change of [
      { role: 'admin' as const },
      { regionCode: '510000' },
      { disabled: false },
    ]) {
      const e = await refusal(editor.users.update({ id: world.cxEditor.id, ...change }));
      expect(['FORBIDDEN', 'BAD_REQUEST']).toContain(e.code);
    }
    expect(
      (await refusal(editor.users.update({ id: world.cxEditor2.id, role: 'admin' }))).code,
    ).toBe('FORBIDDEN');
    const self = await db.kysely
      .selectFrom('users')
      .select(['role', 'region_code'])
      .where('id', '=', world.cxEditor.id)
      .executeTakeFirstOrThrow();
    expect(self).toEqual({ role: 'editor', region_code: '510824' });
    // Even an admin of a county cannot promote themself above it or create a user above it.
    const admin = await callerFor(db.kysely, world.cxAdmin);
    await refusal(admin.users.update({ id: world.cxAdmin.id, regionCode: '510000' }));
    await refusal(
      admin.users.create({
        username: 'sneaky',
        displayName: 'sneaky',
        role: 'admin',
        regionCode: '510000',
        password: 'a long enough password',
      }),
    );
  });

  it('an editor cannot approve their own submission', async () => {
    const editor = await callerFor(db.kysely, world.cxEditor);
    const draft = await editor.observations.saveDraft({
      planId: 'cangxi-2021',
      indicatorId: 'new-jobs',
      year: 2022,
      value: '1.2',
      expectedVersion: null,
    });
    const submitted = await editor.observations.submit({
      id: draft.id,
      expectedVersion: draft.version,
    });
    const e = await refusal(
      editor.observations.approve({ id: submitted.id, expectedVersion: submitted.version }),
    );
    expect(e.code).toBe('FORBIDDEN');
    const row = await db.kysely
      .selectFrom('observations')
      .select('state')
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('submitted');
    // A second editor of the county may.
    const other = await callerFor(db.kysely, world.cxEditor2);
    await other.observations.approve({ id: submitted.id, expectedVersion: submitted.version });
  });

  // A missing id and another region's id are refused alike (refuseRecord in access.ts), so an
  // outsider cannot tell which ids exist.
  it("another region's ids are refused exactly as ids that do not exist", async () => {
    const owner = await callerFor(db.kysely, world.cxEditor);
    const o = await owner.observations.saveDraft({
      planId: 'cangxi-2021',
      indicatorId: 'nursery-places',
      year: 2023,
      value: '2',
      expectedVersion: null,
    });
    const outsider = await callerFor(db.kysely, world.lzEditor);
    const calls: [string, (id: string) => Promise<unknown>][] = [
      ['observations.submit', (id) => outsider.observations.submit({ id, expectedVersion: 1 })],
      ['observations.approve', (id) => outsider.observations.approve({ id, expectedVersion: 1 })],
      [
        'observations.return',
        (id) => outsider.observations.return({ id, expectedVersion: 1, reason: 'x' }),
      ],
      ['users.update', (id) => outsider.users.update({ id, displayName: 'x' })],
      [
        'users.resetPassword',
        (id) => outsider.users.resetPassword({ id, password: 'long password 1' }),
      ],
    ];
    const ids: Record<string, [string, string]> = {
      'observations.submit': [o.id, 'obs-does-not-exist'],
      'observations.approve': [o.id, 'obs-does-not-exist'],
      'observations.return': [o.id, 'obs-does-not-exist'],
      'users.update': [world.cxEditor.id, '00000000-0000-4000-8000-000000000000'],
      'users.resetPassword': [world.cxEditor.id, '00000000-0000-4000-8000-000000000000'],
    };
    for (const [name, call] of calls) {
      const [real, fake] = ids[name] as [string, string];
      const a = await refusal(call(real));
      const b = await refusal(call(fake));
      expect(['FORBIDDEN', 'NOT_FOUND'], name).toContain(a.code);
      expect(b.code, `${name}: same code for a hidden and a missing id`).toBe(a.code);
      expect(b.message.replace(fake, '<id>'), `${name}: same message`).toBe(
        a.message.replace(real, '<id>'),
      );
    }
    // Plan-scoped reads: another region's plan and no plan at all look alike too.
    const hidden = await refusal(outsider.indicators.list({ planId: 'cangxi-2021' }));
    const missing = await refusal(outsider.indicators.list({ planId: 'no-such-plan' }));
    expect(missing.code).toBe(hidden.code);
    expect(missing.message.replace('no-such-plan', '<id>')).toBe(
      hidden.message.replace('cangxi-2021', '<id>'),
    );
  });

  it('holds sign-in throttling under a burst of 1,000 wrong passwords from one client', async () => {
    const anonymous = await callerFor(db.kysely, null, { clientIp: '198.51.100.7' });
    const codes: Record<string, number> = {};
    const started = Date.now();
    for (let i = 0; i < 1000; i++) {
      const e = await refusal(
        anonymous.auth.signIn({
          username: i % 2 ? 'cx-viewer' : `guess-${i}`,
          password: `wrong-${i}`,
        }),
      );
      codes[e.code] = (codes[e.code] ?? 0) + 1;
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `[attack] 1000 wrong sign-ins in ${seconds.toFixed(1)} s: ${JSON.stringify(codes)}`,
    );
    // Only the address's budget is checked at all (each costs a scrypt); the rest are turned
    // away: at most the budget, plus one per minute the run took (the bucket drains).
    const bound = THROTTLE.address.budget + Math.ceil(seconds / THROTTLE.address.drainSeconds);
    expect(codes.UNAUTHORIZED ?? 0).toBeLessThanOrEqual(bound);
    expect(codes.TOO_MANY_REQUESTS ?? 0).toBeGreaterThanOrEqual(1000 - bound);
    // While blocked, even the right password from that client waits.
    const e = await refusal(
      anonymous.auth.signIn({ username: 'cx-viewer', password: TEST_PASSWORD }),
    );
    expect(e.code).toBe('TOO_MANY_REQUESTS');
  }, 120_000);

  it('never writes a password or a session token into the audit log', async () => {
    const anonymous = await callerFor(db.kysely, null, { clientIp: '192.0.2.44' });
    const { user } = await anonymous.auth.signIn({ username: 'cx-admin', password: TEST_PASSWORD });
    const admin = await sessionFor(db.kysely, user);
    const secrets = [
      TEST_PASSWORD,
      'a fresh secret 12345',
      'another secret 67890',
      admin.token ?? '',
    ];
    await admin.caller.users.resetPassword({
      id: world.cxViewer.id,
      password: secrets[1] as string,
    });
    await admin.caller.auth.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: secrets[2] as string,
    });
    await refusal(anonymous.auth.signIn({ username: 'cx-admin', password: 'wrong but secret 1' }));
    secrets.push('wrong but secret 1');
    const rows = await db.kysely.selectFrom('audit_log').selectAll().execute();
    const text = JSON.stringify(rows);
    expect(rows.length).toBeGreaterThan(3);
    for (const s of secrets)
      expect(text.includes(s), `audit log holds ${s.slice(0, 4)}…`).toBe(false);
    // Nor the hashes.
    const hashes = await db.kysely.selectFrom('users').select('password_hash').execute();
    for (const h of hashes) expect(text.includes(h.password_hash)).toBe(false);
  });
});
