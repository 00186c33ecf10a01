import {
  approvedPoints,
  indicatorPlan,
  loadDomainPlan,
  packageIndicators,
  packagePlanRows,
  planHeadOf,
} from '@minsheng/db';
import {
  alignPlans,
  ancestorCodes,
  checkPlan,
  ObservationYearSchema,
  PlanAlignmentSchema,
  PlanChecksSchema,
  PlanEvaluationSchema,
  PlanIdSchema,
  planAbove,
  planEvaluation,
  RegionSummarySchema,
} from '@minsheng/domain';
import { z } from 'zod';
import { assertCan } from '../access.ts';
import { badInput } from '../errors.ts';
import { planFor } from '../plan-access.ts';
import { regionSummary } from '../region-summary.ts';
import { authedProcedure, router } from '../trpc.ts';

const RegionCode = z.string().regex(/^\d{6}$/, 'a six-digit region code');

/**
 * The domain's evaluation, alignment and checks on the stored plans and approved values: the
 * console, the reports and any other client show the same verdicts because they come from here.
 */
export const evaluationRouter = router({
  /** Every indicator of a plan in a year, with its status and the figures behind it. */
  plan: authedProcedure
    .input(z.object({ planId: PlanIdSchema, year: ObservationYearSchema }))
    .output(PlanEvaluationSchema)
    .query(async ({ ctx, input }) => {
      const row = await planFor(ctx, ctx.user, input.planId, 'read');
      if (input.year < row.period_start - 1 || input.year > row.period_end) {
        throw badInput(
          'year',
          input.year,
          `is outside plan ${row.id}'s period ${row.period_start}–${row.period_end}`,
        );
      }
      const [indicators, points] = await Promise.all([
        packageIndicators(ctx.db, row.id),
        approvedPoints(ctx.db, [row.id], input.year),
      ]);
      return planEvaluation(indicatorPlan(row, indicators), points.get(row.id) ?? [], input.year);
    }),

  /**
   * A region and everything below it that the caller may read, in one year: each plan's status
   * counts, and the totals.
   * Cached per region and year while none of its plans changed (see region-summary.ts).
   */
  region: authedProcedure
    .input(z.object({ regionCode: RegionCode, year: ObservationYearSchema }))
    .output(RegionSummarySchema)
    .query(async ({ ctx, input }) => {
      await assertCan(ctx, ctx.user, 'read', input.regionCode);
      return regionSummary(ctx, ctx.user, input.regionCode, input.year);
    }),

  /** The plan's own consistency: declared counts, two targets for one indicator, and so on. */
  checks: authedProcedure
    .input(z.object({ planId: PlanIdSchema }))
    .output(PlanChecksSchema)
    .query(async ({ ctx, input }) => {
      const row = await planFor(ctx, ctx.user, input.planId, 'read');
      return checkPlan(await loadDomainPlan(ctx.db, row));
    }),

  /**
   * The plan set against the plan above it, chosen by the domain's planAbove; where there is
   * none, the reason.
   */
  alignment: authedProcedure
    .input(z.object({ planId: PlanIdSchema }))
    .output(PlanAlignmentSchema)
    .query(async ({ ctx, input }) => {
      const row = await planFor(ctx, ctx.user, input.planId, 'read');
      const regions = await ctx.regions();
      const codes = ancestorCodes(row.region_code, regions);
      const rows = await packagePlanRows(ctx.db, codes);
      const above = planAbove(planHeadOf(row), row.region_code, regions, (code) =>
        rows.filter((p) => p.region_code === code).map((p) => ({ ...planHeadOf(p), row: p })),
      );
      if (!above.plan) return { upper: null, alignment: null, reason: above.reason };
      const [lower, upper] = await Promise.all([
        loadDomainPlan(ctx.db, row),
        loadDomainPlan(ctx.db, above.plan.row),
      ]);
      return {
        upper: { planId: upper.id, title: upper.title, region: above.region },
        alignment: alignPlans(lower, upper),
        reason: null,
      };
    }),
});
