import { type Database, indicatorsWithLatest, type Kysely } from '@minsheng/db';
import { type IndicatorOut, IndicatorOutSchema, PlanIdSchema } from '@minsheng/domain';
import { z } from 'zod';
import { planStampFor } from '../plan-access.ts';
import { StampedCache } from '../stamped-cache.ts';
import { authedProcedure, router } from '../trpc.ts';

/** The county page is the most read of all: kept per plan until the plan changes. */
const lists = new WeakMap<Kysely<Database>, StampedCache<IndicatorOut[]>>();

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
      return cache.get(input.planId, stamp, () => indicatorsWithLatest(ctx.db, input.planId));
    }),
});
