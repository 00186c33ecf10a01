import type { Database, Kysely, Transaction } from '@minsheng/db';
import type { Context } from './context.ts';
import { retryAfterOf, tooManyAtOnce, tooManyAttempts } from './errors.ts';

/**
 * The password-guessing throttle (reasoning and figures: docs/reliability.md, "Sign-in
 * throttle"). Two counters, both in `sign_in_throttle`, so every server process on one database
 * shares them:
 *
 * - per (user name, client address): a few free failures, then a delay doubling from 1 s up to
 *   15 minutes before each further try; a success or a day without failures forgets it.
 *   It holds only that address back: a stranger's guesses never lock the user out elsewhere.
 * - per client address over every user name (password spraying): a bucket of 100 failures that
 *   drains one a minute. Above it the address waits for the next drop, a rate, not a lockout.
 *
 * Every attempt is counted as a failure before its password is checked, in one transaction
 * that locks both rows, so neither parallel requests nor a batch can run ahead of the count; a
 * success (or a check that never ran) gives the count back.
 */
export const THROTTLE = {
  pair: { freeFailures: 5, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 },
  address: { budget: 100, drainSeconds: 60, atOnce: 3 },
} as const;

/**
 * Password checks under way per client address, in this process. Past `atOnce` an address is
 * refused at once, before the database is asked: a burst from one client neither fills the
 * hashing queue (auth.ts) nor queues a hundred throttle transactions ahead of other clients.
 */
const checking = new Map<string, number>();

export interface ThrottleKeys {
  pair: string;
  address: string;
}

export function throttleKeys(username: string, address: string): ThrottleKeys {
  // User names are unique regardless of case, so `Admin` and `admin` share one count.
  return { pair: `pair:${address} ${username.toLowerCase()}`, address: `addr:${address}` };
}

interface Row {
  failures: number;
  last_failure_at: Date;
  blocked_until: Date | null;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The address bucket after draining: its level and the time its next drop falls. */
function drained(row: Row, now: Date): { level: number; since: Date } {
  const drain = THROTTLE.address.drainSeconds * 1000;
  const drops = Math.floor((now.getTime() - row.last_failure_at.getTime()) / drain);
  const level = Math.max(0, row.failures - drops);
  const since = level === 0 ? now : new Date(row.last_failure_at.getTime() + drops * drain);
  return { level, since };
}

/**
 * Counts one attempt for both keys, or refuses it: the seconds to wait (0 when counted).
 * Nothing is counted for a refused attempt.
 */
async function countAttempt(db: Kysely<Database>, keys: ThrottleKeys, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // Rows first (a no-op when there), then locked in key order: two attempts never deadlock,
    // and the second waits for the first's count.
    await trx
      .insertInto('sign_in_throttle')
      .values(
        [keys.address, keys.pair].map((key) => ({
          key,
          failures: 0,
          last_failure_at: now,
          blocked_until: null,
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const rows = await trx
      .selectFrom('sign_in_throttle')
      .selectAll()
      .where('key', 'in', [keys.address, keys.pair])
      .orderBy('key')
      .forUpdate()
      .execute();
    const pair = rows.find((r) => r.key === keys.pair) as Row;
    const address = rows.find((r) => r.key === keys.address) as Row;

    const stale =
      now.getTime() - pair.last_failure_at.getTime() > THROTTLE.pair.forgetAfterSeconds * 1000;
    const pairWait =
      pair.blocked_until && pair.blocked_until > now
        ? pair.blocked_until.getTime() - now.getTime()
        : 0;
    const bucket = drained(address, now);
    const addressWait =
      bucket.level >= THROTTLE.address.budget
        ? bucket.since.getTime() + THROTTLE.address.drainSeconds * 1000 - now.getTime()
        : 0;
    const wait = Math.max(pairWait, addressWait);
    if (wait > 0) return seconds(wait);

    const failures = stale ? 1 : pair.failures + 1;
    const over = failures - THROTTLE.pair.freeFailures;
    const delay = over > 0 ? Math.min(2 ** (over - 1), THROTTLE.pair.maxDelaySeconds) : 0;
    await trx
      .updateTable('sign_in_throttle')
      .set({
        failures,
        last_failure_at: now,
        blocked_until: delay > 0 ? new Date(now.getTime() + delay * 1000) : null,
      })
      .where('key', '=', keys.pair)
      .execute();
    await trx
      .updateTable('sign_in_throttle')
      .set({ failures: bucket.level + 1, last_failure_at: bucket.since, blocked_until: null })
      .where('key', '=', keys.address)
      .execute();
    return 0;
  });
}

/** Takes back one counted attempt (it succeeded, or its password was never checked). */
async function giveBack(
  db: Kysely<Database> | Transaction<Database>,
  keys: ThrottleKeys,
  forgetPair: boolean,
): Promise<void> {
  if (forgetPair) {
    await db.deleteFrom('sign_in_throttle').where('key', '=', keys.pair).execute();
  }
  await db
    .updateTable('sign_in_throttle')
    .set((eb) => ({ failures: eb.fn('greatest', [eb('failures', '-', 1), eb.lit(0)]) }))
    .where('key', 'in', forgetPair ? [keys.address] : [keys.address, keys.pair])
    .execute();
}

/**
 * Runs one password check for `username` from the request's address under the throttle. A
 * refused attempt is a 429 naming the wait (also sent as Retry-After), as is one while the
 * address has `atOnce` checks under way; an attempt the hashing queue turned away (503) is given
 * back. True when the password was right: its count is given back, the pair's failures forgotten.
 */
export async function throttledCheck(
  ctx: Context,
  username: string,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const address = ctx.meta.clientIp;
  const held = checking.get(address) ?? 0;
  if (held >= THROTTLE.address.atOnce) {
    ctx.setHeader('retry-after', '1');
    throw tooManyAtOnce(1);
  }
  checking.set(address, held + 1);
  try {
    return await countedCheck(ctx, throttleKeys(username, address), check);
  } finally {
    const left = (checking.get(address) ?? 1) - 1;
    if (left > 0) checking.set(address, left);
    else checking.delete(address);
  }
}

async function countedCheck(
  ctx: Context,
  keys: ThrottleKeys,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const wait = await countAttempt(ctx.db, keys, ctx.now());
  if (wait > 0) {
    ctx.setHeader('retry-after', String(wait));
    throw tooManyAttempts(wait);
  }
  let ok: boolean;
  try {
    ok = await check();
  } catch (error) {
    // The password was never checked (the server is busy with others, a 503): given back.
    await giveBack(ctx.db, keys, false);
    const retry = retryAfterOf(error);
    if (retry !== null) ctx.setHeader('retry-after', String(retry));
    throw error;
  }
  if (ok) await giveBack(ctx.db, keys, true);
  return ok;
}

/** Forgets counts nobody has added to for a day: name guesses must not grow the table forever. */
export async function sweepThrottle(
  trx: Kysely<Database> | Transaction<Database>,
  now: Date,
): Promise<void> {
  await trx
    .deleteFrom('sign_in_throttle')
    .where(
      'last_failure_at',
      '<',
      new Date(now.getTime() - THROTTLE.pair.forgetAfterSeconds * 1000),
    )
    .execute();
}
