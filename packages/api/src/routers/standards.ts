import { PlanIdSchema, StandardsOutSchema } from '@minsheng/domain';
import { z } from 'zod';
import { planFor } from '../plan-access.ts';
import { authedProcedure, router } from '../trpc.ts';

export const standardsRouter = router({
  /** A plan's basic public service list: field blocks and items with their standards. */
  list: authedProcedure
    .input(z.object({ planId: PlanIdSchema }))
    .output(StandardsOutSchema)
    .query(async ({ ctx, input }) => {
      const plan = await planFor(ctx, ctx.user, input.planId, 'read');
      const rows = await ctx.db
        .selectFrom('service_items')
        .selectAll()
        .where('plan_id', '=', input.planId)
        .orderBy('position')
        .execute();
      return {
        declaredServiceCount: plan.declared_service_count,
        fields: plan.service_fields,
        items: rows.map((r) => ({
          id: r.id,
          field: { key: r.field_key, label: r.field_label },
          name: r.name,
          content: r.content,
          targetGroup: r.target_group,
          standard: r.standard,
          standardAmounts: r.standard_amounts,
          funding: r.funding,
          fundingLevels: r.funding_levels,
          coverage: r.coverage,
          leadDepartment: r.lead_department,
          table: r.table_name,
          source: r.source,
          note: r.note,
        })),
      };
    }),
});
