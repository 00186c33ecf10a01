import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Database, Kysely, Transaction } from '@minsheng/db';
import { serverBusy } from './errors.ts';

// scrypt with N=2^15, r=8: 32 MiB per hash, the memory-hard cost OWASP lists for scrypt.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/**
 * How many password hashes run at once, and how many may wait. Each hash is ~0.1 s of one core
 * and 32 MiB, on libuv's four threads: without a bound, a burst of 100 sign-ins queued 100 hashes
 * ahead of everyone else's (43 s in issue 12). With it, a full queue is answered 503 at once, and
 * a sign-in waits for at most `queued / concurrent` hashes before its own. One client address
 * gets only a share of it (throttle.ts), so no single address fills the queue.
 */
export const HASHING = {
  concurrent: Math.max(1, Math.min(4, availableParallelism())),
  queued: 8,
} as const;

/** A bounded FIFO of password hashes: one process's CPU (see HASHING). */
class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < HASHING.concurrent) this.running++;
    else if (this.waiting.length >= HASHING.queued) throw serverBusy(1);
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, so nobody overtakes the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

const gate = new HashGate();

function scryptAsync(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number; maxmem: number },
): Promise<Buffer> {
  return gate.run(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize('NFC'), salt, KEY_LENGTH, params, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
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
