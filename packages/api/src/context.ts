import { allRegions, type Database, type Kysely, regionsStamp, userBySession } from '@minsheng/db';
import type { Region, User } from '@minsheng/domain';

import { hashToken } from './auth.ts';

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
  /** Sets a header of the response (Retry-After of a refusal); a no-op without HTTP. */
  setHeader(name: string, value: string): void;
  now(): Date;
  /** Every region, read once per request (scope checks need the tree). */
  regions(): Promise<Region[]>;
}

export interface CreateContextOptions {
  db: Kysely<Database>;
  sessionToken?: string | null | undefined;
  meta?: Partial<RequestMeta>;
  setCookie?: (header: string) => void;
  setHeader?: (name: string, value: string) => void;
  now?: () => Date;
}

export async function createContext(options: CreateContextOptions): Promise<Context> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  let user: User | null = null;
  let sessionHash: string | null = null;
  if (options.sessionToken) {
    const hash = hashToken(options.sessionToken);
    const found = await userBySession(db, hash, now());
    if (found) {
      user = found;
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
    setHeader: options.setHeader ?? (() => {}),
    now,
    regions: () => {
      regions ??= cachedRegions(db);
      return regions;
    },
  };
}

interface RegionCache {
  regions: Region[];
  stamp: string;
  checkedAt: number;
}
const regionCaches = new WeakMap<Kysely<Database>, Promise<RegionCache>>();
/** How long the region tree is trusted before a cheap check of whether it changed. */
const REGION_RECHECK_MS = 2000;

/**
 * The region tree, read once per process and shared by every request: every scope check needs
 * it, and a country holds thousands of regions. Seeding or a demo load in another process
 * changes it; a count and the largest code, checked at most every two seconds, tell.
 */
async function cachedRegions(db: Kysely<Database>): Promise<Region[]> {
  const stampOf = () => regionsStamp(db);
  const load = async (stamp: string): Promise<RegionCache> => ({
    regions: await allRegions(db),
    stamp,
    checkedAt: Date.now(),
  });
  let cache = regionCaches.get(db);
  if (!cache) {
    cache = stampOf().then(load);
    regionCaches.set(db, cache);
    cache.catch(() => regionCaches.delete(db));
    return (await cache).regions;
  }
  const current = await cache;
  if (Date.now() - current.checkedAt < REGION_RECHECK_MS) return current.regions;
  const stamp = await stampOf();
  if (stamp === current.stamp) {
    current.checkedAt = Date.now();
    return current.regions;
  }
  const next = load(stamp);
  regionCaches.set(db, next);
  next.catch(() => regionCaches.delete(db));
  return (await next).regions;
}
