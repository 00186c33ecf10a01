import type { PlanRow } from '@minsheng/db';
import {
  PlanDetailSchema,
  PlanIdSchema,
  type PlanListItem,
  PlanListItemSchema,
  PlanOutSchema,
  RegionCodeSchema,
} from '@minsheng/domain';
import { z } from 'zod';
import { assertCan, can } from '../access.ts';
import { loadDomainPlan, planHeadOf } from '../domain-plan.ts';
import { planFor } from '../plan-access.ts';
import { authedProcedure, router } from '../trpc.ts';

function toPlanSummary(
  row: Pick<
    PlanRow,
    | 'id'
    | 'region_code'
    | 'title'
    | 'kind'
    | 'period_start'
    | 'period_end'
    | 'issuer'
    | 'document_number'
    | 'issue_date'
    | 'in_package'
  >,
): PlanListItem {
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
    .output(z.array(PlanListItemSchema))
    .query(async ({ ctx, input }) => {
      if (input.regionCode !== undefined) await assertCan(ctx, ctx.user, 'read', input.regionCode);
      // The regions the user may read, worked out once; the database returns only their plans,
      // and only the summary columns.
      const regions = await ctx.regions();
      const readable: string[] = [];
      for (const r of regions) if (await can(ctx, ctx.user, 'read', r.code)) readable.push(r.code);
      const codes = input.regionCode !== undefined ? [input.regionCode] : readable;
      if (codes.length === 0) return [];
      const rows = await ctx.db
        .selectFrom('plans')
        .select([
          'id',
          'region_code',
          'title',
          'kind',
          'period_start',
          'period_end',
          'issuer',
          'document_number',
          'issue_date',
          'in_package',
        ])
        .where('region_code', 'in', codes)
        .orderBy('position')
        .execute();
      return rows.map(toPlanSummary);
    }),

  /** A whole plan as the domain knows it: the one mapping of rows to a Plan (domain-plan.ts). */
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
