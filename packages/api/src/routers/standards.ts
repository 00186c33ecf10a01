import { standardsOf } from '@minsheng/db';
import { PlanIdSchema, StandardsOutSchema } from '@minsheng/domain';
import { z } from 'zod';
import { planFor } from '../plan-access.ts';
import { authedProcedure, router } from '../trpc.ts';

export const standardsRouter = router({
  /** A plan's basic public service list: field blocks and items with their standards. */
  list: authedProcedure
    .input(z.object({ planId: PlanIdSchema }))
    .output(StandardsOutSchema)
    .query(async ({ ctx, input }) =>
      standardsOf(ctx.db, await planFor(ctx, ctx.user, input.planId, 'read')),
    ),
});
