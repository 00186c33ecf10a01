import { loadDomainPlan, planHeadOf, plansOfRegions } from '@minsheng/db';
import {
  PlanDetailSchema,
  PlanIdSchema,
  PlanListItemSchema,
  PlanOutSchema,
  RegionCodeSchema,
} from '@minsheng/domain';
import { z } from 'zod';
import { assertCan, can } from '../access.ts';
import { planFor } from '../plan-access.ts';
import { authedProcedure, router } from '../trpc.ts';

export const plansRouter = router({
  /** The plans the user may read; asked for one region, FORBIDDEN when it cannot be read. */
  list: authedProcedure
    .input(z.object({ regionCode: RegionCodeSchema.optional() }).default({}))
    .output(z.array(PlanListItemSchema))
    .query(async ({ ctx, input }) => {
      if (input.regionCode !== undefined) await assertCan(ctx, ctx.user, 'read', input.regionCode);
      // The regions the user may read, worked out once; the database returns only their plans,
      // and only the summary columns.
      const regions = await ctx.regions();
      const readable: string[] = [];
      for (const r of regions) if (await can(ctx, ctx.user, 'read', r.code)) readable.push(r.code);
      return plansOfRegions(ctx.db, input.regionCode !== undefined ? [input.regionCode] : readable);
    }),

  /** A whole plan as the domain knows it: the one mapping of rows to a Plan (@minsheng/db). */
  full: authedProcedure
    .input(z.object({ planId: PlanIdSchema }))
    .output(PlanOutSchema)
    .query(async ({ ctx, input }) =>
      loadDomainPlan(ctx.db, await planFor(ctx, ctx.user, input.planId, 'read')),
    ),

  get: authedProcedure
    .input(z.object({ planId: PlanIdSchema }))
    .output(PlanDetailSchema)
    .query(async ({ ctx, input }) => {
      const row = await planFor(ctx, ctx.user, input.planId, 'read');
      return { ...planHeadOf(row), inPackage: row.in_package };
    }),
});
