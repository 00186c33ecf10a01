import { type Database, type Kysely, plansInForce, plansInForceStamp } from '@minsheng/db';
import {
  EVALUATION_STATUSES,
  emptyCounts,
  evaluatePlan,
  isWithin,
  type Region,
  type RegionSummary,
  summarizePlan,
  type User,
} from '@minsheng/domain';
import { can } from './access.ts';
import type { Context } from './context.ts';
import { StampedCache } from './stamped-cache.ts';

/** One cache per region tree: a reloaded tree (regions changed) starts afresh. */
const caches = new WeakMap<readonly Region[], StampedCache<RegionSummary>>();

/**
 * A province's summary reads every indicator and approved value below it (tens of thousands of
 * rows) and costs hundreds of milliseconds; thirty-two at once would queue for seconds. It is
 * kept per region and year with a stamp of the change counters of its plans, which the
 * database moves in the same transaction as any change to a plan, its indicators or its
 * observations (migration 0003), whoever makes it: one small query per request.
 */
export async function regionSummary(
  ctx: Context,
  user: User,
  regionCode: string,
  year: number,
): Promise<RegionSummary> {
  const regions = await ctx.regions();
  const all = regionsBelow(regions, regionCode);
  // A summary shows only the plans the caller may read: a county asking for its city or
  // province sees those regions' own plans and its own, never a neighbour's. The readable part
  // depends only on the caller's scope, so callers of one scope share a cache entry.
  const below: string[] = [];
  for (const code of all) if (await can(ctx, user, 'read', code)) below.push(code);
  const key =
    below.length === all.length
      ? `${regionCode}/${year}`
      : `${regionCode}/${year}@${user.regionCode}`;
  if (below.length === 0) return { regionCode, year, plans: [], totals: emptyCounts() };
  const stamp = await plansInForceStamp(ctx.db, below, year);
  let cache = caches.get(regions);
  if (!cache) {
    // Regions × years a server keeps; the one used longest ago goes first.
    cache = new StampedCache(512);
    caches.set(regions, cache);
  }
  return cache.get(key, stamp, () => computeSummary(ctx.db, regions, regionCode, below, year));
}

const belowCache = new WeakMap<readonly Region[], Map<string, readonly string[]>>();

/** A region and every region below it, worked out once per region tree (a hit costs nothing). */
function regionsBelow(regions: readonly Region[], regionCode: string): readonly string[] {
  let byCode = belowCache.get(regions);
  if (!byCode) {
    byCode = new Map();
    belowCache.set(regions, byCode);
  }
  let below = byCode.get(regionCode);
  if (!below) {
    below = regions.filter((r) => isWithin(r.code, regionCode, regions)).map((r) => r.code);
    byCode.set(regionCode, below);
  }
  return below;
}

/** Each plan in force evaluated without reasons (only counts are shown), and the totals. */
async function computeSummary(
  db: Kysely<Database>,
  regions: readonly Region[],
  regionCode: string,
  below: readonly string[],
  year: number,
): Promise<RegionSummary> {
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const plans = await plansInForce(db, below, year);
  const totals = emptyCounts();
  const rows = plans.map(({ row: p, plan, points }) => {
    const summary = summarizePlan(plan, evaluatePlan(plan, points, year, { explain: false }));
    for (const status of EVALUATION_STATUSES) totals[status] += summary.byStatus[status];
    return {
      regionCode: p.region_code,
      regionName: names.get(p.region_code) ?? p.region_code,
      planId: p.id,
      title: p.title,
      indicators: plan.indicators.length,
      byStatus: summary.byStatus,
      flagged: summary.flagged.length,
    };
  });
  return { regionCode, year, plans: rows, totals };
}
