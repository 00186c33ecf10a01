import { RegionCodeSchema } from '@minsheng/domain';
import { z } from 'zod';
import { assertCan, can } from '../access.ts';
import { planFor } from '../plan-access.ts';
import { authedProcedure, router } from '../trpc.ts';

const PlanIdSchema = z.string().min(1).max(100);

function toPlanSummary(row: {
  id: string;
  region_code: string;
  title: string;
  kind: string;
  period_start: number;
  period_end: number;
  issuer: string;
  document_number: string | null;
  issue_date: string | null;
  in_package: boolean;
}) {
  return {
    id: row.id,
    regionCode: row.region_code,
    title: row.title,
    kind: row.kind,
    period: { start: row.period_start, end: row.period_end },
    issuer: row.issuer,
    documentNumber: row.document_number,
    issueDate: row.issue_date,
    inPackage: row.in_package,
  };
}

export const plansRouter = router({
  /** The plans the user may read; asked for one region, FORBIDDEN when it cannot be read. */
  list: authedProcedure
    .input(z.object({ regionCode: RegionCodeSchema.optional() }).default({}))
    .query(async ({ ctx, input }) => {
      if (input.regionCode !== undefined) await assertCan(ctx, ctx.user, 'read', input.regionCode);
      const rows = await ctx.db
        .selectFrom('plans')
        .selectAll()
        .$if(input.regionCode !== undefined, (q) =>
          q.where('region_code', '=', input.regionCode ?? ''),
        )
        .orderBy('position')
        .execute();
      const out = [];
      for (const row of rows) {
        if (await can(ctx, ctx.user, 'read', row.region_code)) out.push(toPlanSummary(row));
      }
      return out;
    }),

  get: authedProcedure.input(z.object({ planId: PlanIdSchema })).query(async ({ ctx, input }) => {
    const row = await planFor(ctx, ctx.user, input.planId, 'read');
    return {
      ...toPlanSummary(row),
      basis: row.basis,
      source: row.source,
      indicatorTable: row.indicator_table,
      declaredServiceCount: row.declared_service_count,
      notes: row.notes,
    };
  }),
});
