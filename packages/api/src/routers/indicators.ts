import { z } from 'zod';
import { planFor } from '../plan-access.ts';
import { iso, toIndicator } from '../rows.ts';
import { authedProcedure, router } from '../trpc.ts';

export const indicatorsRouter = router({
  /** A plan's indicators in table order, each with its latest approved observation. */
  list: authedProcedure
    .input(z.object({ planId: z.string().min(1).max(100) }))
    .query(async ({ ctx, input }) => {
      await planFor(ctx, ctx.user, input.planId, 'read');
      const rows = await ctx.db
        .selectFrom('indicators')
        .selectAll()
        .where('plan_id', '=', input.planId)
        .orderBy('in_package', 'desc')
        .orderBy('position')
        .execute();
      const approved = await ctx.db
        .selectFrom('observations')
        .select(['indicator_id', 'year', 'raw', 'value', 'reviewed_at', 'version'])
        .where('plan_id', '=', input.planId)
        .where('state', '=', 'approved')
        .orderBy('year', 'desc')
        .execute();
      const latest = new Map<string, (typeof approved)[number]>();
      for (const o of approved) if (!latest.has(o.indicator_id)) latest.set(o.indicator_id, o);
      return rows.map((row) => {
        const o = latest.get(row.id);
        return {
          ...toIndicator(row),
          latestApproved: o
            ? {
                year: o.year,
                raw: o.raw,
                value: o.value,
                approvedAt: o.reviewed_at ? iso(o.reviewed_at) : null,
              }
            : null,
        };
      });
    }),
});
