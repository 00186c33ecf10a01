import { type Database, jsonArrayFrom, type Kysely, sql } from '@minsheng/db';
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
import { indicatorPlan } from './domain-plan.ts';
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
  const stamp = await stampOf(ctx.db, below, year);
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

function plansIn(db: Kysely<Database>, below: readonly string[], year: number) {
  return db
    .selectFrom('plans')
    .where('plans.region_code', 'in', below)
    .where('plans.in_package', '=', true)
    .where('plans.period_start', '<=', year)
    .where('plans.period_end', '>=', year);
}

async function stampOf(db: Kysely<Database>, below: readonly string[], year: number) {
  const row = await plansIn(db, below, year)
    .leftJoin('plan_changes', 'plan_changes.plan_id', 'plans.id')
    .select(
      sql<string>`md5(coalesce(string_agg(plans.id || ':' || coalesce(plan_changes.n, 0), ',' order by plans.id), ''))`.as(
        'stamp',
      ),
    )
    .executeTakeFirstOrThrow();
  return row.stamp;
}

/**
 * One query whatever the number of regions: each plan comes with its indicators and approved
 * values nested as JSON, which the driver reads far faster than tens of thousands of rows; the
 * stored readings are not parsed again, and no reasons are written (only counts are shown).
 */
async function computeSummary(
  db: Kysely<Database>,
  regions: readonly Region[],
  regionCode: string,
  below: readonly string[],
  year: number,
): Promise<RegionSummary> {
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const plans = await plansIn(db, below, year)
    .selectAll('plans')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('indicators')
          .selectAll('indicators')
          .whereRef('indicators.plan_id', '=', 'plans.id')
          .where('indicators.in_package', '=', true)
          .orderBy('indicators.position'),
      ).as('indicator_rows'),
      jsonArrayFrom(
        eb
          .selectFrom('observations')
          .select(['indicator_id', 'year', 'raw', 'value'])
          .whereRef('observations.plan_id', '=', 'plans.id')
          .where('observations.state', '=', 'approved')
          .where('observations.year', '<=', year),
      ).as('approved'),
    ])
    .orderBy('plans.position')
    .execute();
  const totals = emptyCounts();
  const rows = plans.map(({ indicator_rows, approved, ...p }) => {
    const plan = indicatorPlan(p, indicator_rows);
    const points = approved.map((o) => ({
      indicatorId: o.indicator_id,
      year: o.year,
      value: o.raw,
      reading: o.value,
    }));
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
