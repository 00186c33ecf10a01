import type { Database, Kysely } from '@minsheng/db';
import type { Region, User } from '@minsheng/domain';

import { hashToken } from './auth.ts';
import { toRegion, toUser } from './rows.ts';

export interface RequestMeta {
  /** The peer address of the connection (not a header a client could forge). */
  clientIp: string;
  /** True when the request came over https: the session cookie is then marked Secure. */
  secure: boolean;
}

export interface Context {
  db: Kysely<Database>;
  user: User | null;
  /** sha256 of the session token the request carried, when it named a live session. */
  sessionHash: string | null;
  meta: RequestMeta;
  /** Adds a Set-Cookie header to the response. */
  setCookie(header: string): void;
  now(): Date;
  /** Every region, read once per request (scope checks need the tree). */
  regions(): Promise<Region[]>;
}

export interface CreateContextOptions {
  db: Kysely<Database>;
  sessionToken?: string | null | undefined;
  meta?: Partial<RequestMeta>;
  setCookie?: (header: string) => void;
  now?: () => Date;
}

export async function createContext(options: CreateContextOptions): Promise<Context> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  let user: User | null = null;
  let sessionHash: string | null = null;
  if (options.sessionToken) {
    const hash = hashToken(options.sessionToken);
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .where('sessions.token_hash', '=', hash)
      .where('sessions.expires_at', '>', now())
      .where('users.disabled', '=', false)
      .executeTakeFirst();
    if (row) {
      user = toUser(row);
      sessionHash = hash;
    }
  }
  let regions: Promise<Region[]> | null = null;
  return {
    db,
    user,
    sessionHash,
    meta: { clientIp: options.meta?.clientIp ?? 'local', secure: options.meta?.secure ?? false },
    setCookie: options.setCookie ?? (() => {}),
    now,
    regions: () => {
      regions ??= db
        .selectFrom('regions')
        .selectAll()
        .orderBy('position')
        .execute()
        .then((rows) => rows.map(toRegion));
      return regions;
    },
  };
}
