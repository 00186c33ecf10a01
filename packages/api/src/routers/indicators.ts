import type { Database, Kysely } from '@minsheng/db';
import { IndicatorOutSchema, PlanIdSchema } from '@minsheng/domain';
import { z } from 'zod';
import { planStampFor } from '../plan-access.ts';
import { iso, toIndicator } from '../rows.ts';
import { StampedCache } from '../stamped-cache.ts';
import { authedProcedure, router } from '../trpc.ts';

type IndicatorList = Awaited<ReturnType<typeof readIndicators>>;
/** The county page is the most read of all: kept per plan until the plan changes. */
const lists = new WeakMap<Kysely<Database>, StampedCache<IndicatorList>>();

export const indicatorsRouter = router({
  /** A plan's indicators in table order, each with its latest approved observation. */
  list: authedProcedure
    .input(z.object({ planId: PlanIdSchema }))
    .output(z.array(IndicatorOutSchema))
    .query(async ({ ctx, input }) => {
      const stamp = await planStampFor(ctx, ctx.user, input.planId, 'read');
      let cache = lists.get(ctx.db);
      if (!cache) {
        cache = new StampedCache(1024);
        lists.set(ctx.db, cache);
      }
      return cache.get(input.planId, stamp, () => readIndicators(ctx.db, input.planId));
    }),
});

/**
 * One query: the lateral join reads one reading per indicator through the
 * (plan, indicator, year) index instead of every year's.
 */
async function readIndicators(db: Kysely<Database>, planId: string) {
  const rows = await db
    .selectFrom('indicators')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('observations as o')
          .select([
            'o.year as latest_year',
            'o.raw as latest_raw',
            'o.value as latest_value',
            'o.reviewed_at as latest_reviewed_at',
          ])
          .whereRef('o.plan_id', '=', 'indicators.plan_id')
          .whereRef('o.indicator_id', '=', 'indicators.id')
          .where('o.state', '=', 'approved')
          .orderBy('o.year', 'desc')
          .limit(1)
          .as('latest'),
      (join) => join.onTrue(),
    )
    .selectAll('indicators')
    .select(['latest_year', 'latest_raw', 'latest_value', 'latest_reviewed_at'])
    .where('indicators.plan_id', '=', planId)
    .orderBy('indicators.in_package', 'desc')
    .orderBy('indicators.position')
    .execute();
  return rows.map((row) => ({
    ...toIndicator(row),
    latestApproved:
      row.latest_year === null || row.latest_raw === null || row.latest_value === null
        ? null
        : {
            year: row.latest_year,
            raw: row.latest_raw,
            value: row.latest_value,
            approvedAt: row.latest_reviewed_at ? iso(row.latest_reviewed_at) : null,
          },
  }));
}
