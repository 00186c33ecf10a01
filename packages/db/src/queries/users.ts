import type { Role, User } from '@minsheng/domain';
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { Database, UserRow } from '../schema.ts';
import { toUser } from './map.ts';

/**
 * `where` for the user named `username` regardless of case: names are unique that way (the
 * unique index on lower(username), migration 0004, which this condition uses).
 */
export function sameUsername(username: string) {
  return (eb: ExpressionBuilder<Database, 'users'>) =>
    eb(eb.fn('lower', ['username']), '=', eb.fn('lower', [eb.val(username)]));
}

/** The user's row (with its password hash) whose name equals `username` regardless of case. */
export function userRowNamed(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where(sameUsername(username)).executeTakeFirst();
}

/** The name as stored of the user whose name equals `username` regardless of case, if any. */
export async function takenUsername(
  db: Kysely<Database>,
  username: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('username')
    .where(sameUsername(username))
    .executeTakeFirst();
  return row?.username ?? null;
}

export async function userById(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** Every user, by name. */
export async function allUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toUser);
}

/** The regions of the enabled admins, the earliest created first. */
export async function adminRegionCodes(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('region_code')
    .where('role', '=', 'admin')
    .where('disabled', '=', false)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.region_code);
}

export interface NewUserValues {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  regionCode: string;
}

export async function insertUser(db: Kysely<Database>, u: NewUserValues): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({
      id: u.id,
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      role: u.role,
      region_code: u.regionCode,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export type UserChange = Partial<Pick<User, 'displayName' | 'role' | 'regionCode' | 'disabled'>>;

/** Changes what is given of a user (an existing one: throws otherwise) and returns them. */
export async function updateUser(
  trx: Transaction<Database>,
  id: string,
  change: UserChange,
  now: Date,
): Promise<User> {
  const row = await trx
    .updateTable('users')
    .set({
      ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.regionCode !== undefined ? { region_code: change.regionCode } : {}),
      ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function setPasswordHash(
  trx: Transaction<Database>,
  id: string,
  hash: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('users')
    .set({ password_hash: hash, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Ends every session of a user (but the one whose token hash is `keep`): they sign in again. */
export async function endSessionsOf(
  trx: Transaction<Database>,
  userId: string,
  keep: string | null = null,
): Promise<void> {
  await trx
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(keep !== null, (q) => q.where('token_hash', '!=', keep ?? ''))
    .execute();
}

/** Ends the session with this token hash. */
export async function endSession(trx: Transaction<Database>, tokenHash: string): Promise<void> {
  await trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Drops the sessions expired by `now`. */
export async function dropExpiredSessions(trx: Transaction<Database>, now: Date): Promise<void> {
  await trx.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

/** A user's password hash (the user exists: throws otherwise). */
export async function passwordHashOf(db: Kysely<Database>, userId: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}

/** The enabled user whose live session has this token hash, if any. */
export async function userBySession(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<User | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled', '=', false)
    .executeTakeFirst();
  return row && toUser(row);
}

/** True when there is any user at all. */
export async function anyUser(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}
