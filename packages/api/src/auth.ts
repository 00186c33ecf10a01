import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Database, Kysely, Transaction } from '@minsheng/db';

// scrypt with N=2^15, r=8: 32 MiB per hash, the memory-hard cost OWASP lists for scrypt.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function scryptAsync(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number; maxmem: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, params, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT);
  return [
    'scrypt',
    SCRYPT.N,
    SCRYPT.r,
    SCRYPT.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash no password matches, checked when the user does not exist so timing says nothing. */
export const DUMMY_HASH = await hashPassword(randomBytes(16).toString('hex'));

export function randomPassword(): string {
  return randomBytes(15).toString('base64url');
}

export const SESSION_COOKIE = 'minsheng_session';
export const SESSION_TTL_SECONDS = 7 * 24 * 3600;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session; only the token's hash is stored, the token goes to the cookie. */
export async function createSession(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

export function sessionCookie(token: string, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${SESSION_TTL_SECONDS}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return [
    `${SESSION_COOKIE}=`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    'Max-Age=0',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/**
 * Failed sign-ins slow the next try down: after a few failures for one user name (or many from
 * one address) each further try must wait, doubling up to a cap. A quiet spell resets the count.
 */
export const THROTTLE = {
  user: { freeFailures: 3, maxDelaySeconds: 15 * 60 },
  ip: { freeFailures: 20, maxDelaySeconds: 15 * 60 },
  resetAfterSeconds: 30 * 60,
} as const;

export function throttleKeys(username: string, ip: string) {
  return { user: `user:${username.toLowerCase()}`, ip: `ip:${ip}` };
}

/** Seconds the caller must still wait before trying to sign in again; 0 when free to try. */
export async function throttleWait(
  db: Kysely<Database>,
  keys: { user: string; ip: string },
  now: Date,
): Promise<number> {
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select(['blocked_until'])
    .where('key', 'in', [keys.user, keys.ip])
    .execute();
  let wait = 0;
  for (const row of rows) {
    if (row.blocked_until && row.blocked_until > now) {
      wait = Math.max(wait, Math.ceil((row.blocked_until.getTime() - now.getTime()) / 1000));
    }
  }
  return wait;
}

export async function recordFailure(
  trx: Transaction<Database>,
  keys: { user: string; ip: string },
  now: Date,
): Promise<void> {
  for (const [kind, key] of [
    ['user', keys.user],
    ['ip', keys.ip],
  ] as const) {
    const row = await trx
      .selectFrom('sign_in_throttle')
      .selectAll()
      .where('key', '=', key)
      .forUpdate()
      .executeTakeFirst();
    const stale =
      row && now.getTime() - row.last_failure_at.getTime() > THROTTLE.resetAfterSeconds * 1000;
    const failures = row && !stale ? row.failures + 1 : 1;
    const over = failures - THROTTLE[kind].freeFailures;
    const delay = over > 0 ? Math.min(2 ** (over - 1), THROTTLE[kind].maxDelaySeconds) : 0;
    const blocked = delay > 0 ? new Date(now.getTime() + delay * 1000) : null;
    await trx
      .insertInto('sign_in_throttle')
      .values({ key, failures, last_failure_at: now, blocked_until: blocked })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ failures, last_failure_at: now, blocked_until: blocked }),
      )
      .execute();
  }
}

export async function clearFailures(trx: Transaction<Database>, userKey: string): Promise<void> {
  await trx.deleteFrom('sign_in_throttle').where('key', '=', userKey).execute();
}
