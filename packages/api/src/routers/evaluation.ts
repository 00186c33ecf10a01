import {
  alignPlans,
  ancestorCodes,
  checkPlan,
  evaluatePlan,
  ObservationYearSchema,
  summarizePlan,
} from '@minsheng/domain';
import { z } from 'zod';
import { assertCan } from '../access.ts';
import {
  approvedPoints,
  indicatorPlan,
  loadDomainPlan,
  packageIndicators,
} from '../domain-plan.ts';
import { badInput } from '../errors.ts';
import { planFor } from '../plan-access.ts';
import { regionSummary } from '../region-summary.ts';
import { authedProcedure, router } from '../trpc.ts';

const PlanId = z.string().min(1).max(100);
const RegionCode = z.string().regex(/^\d{6}$/, 'a six-digit region code');

/**
 * The domain's evaluation, alignment and checks on the stored plans and approved values: the
 * console, the reports and any other client show the same verdicts because they come from here.
 */
export const evaluationRouter = router({
  /** Every indicator of a plan in a year, with its status and the figures behind it. */
  plan: authedProcedure
    .input(z.object({ planId: PlanId, year: ObservationYearSchema }))
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
      const plan = indicatorPlan(row, indicators);
      const evaluations = evaluatePlan(plan, points.get(row.id) ?? [], input.year);
      return {
        planId: row.id,
        year: input.year,
        evaluations,
        summary: summarizePlan(plan, evaluations),
      };
    }),

  /**
   * A region and everything below it that the caller may read, in one year: each plan's status
   * counts, and the totals.
   * Cached per region and year while none of its plans changed (see region-summary.ts).
   */
  region: authedProcedure
    .input(z.object({ regionCode: RegionCode, year: ObservationYearSchema }))
    .query(async ({ ctx, input }) => {
      await assertCan(ctx, ctx.user, 'read', input.regionCode);
      return regionSummary(ctx, ctx.user, input.regionCode, input.year);
    }),

  /** The plan's own consistency: declared counts, two targets for one indicator, and so on. */
  checks: authedProcedure.input(z.object({ planId: PlanId })).query(async ({ ctx, input }) => {
    const row = await planFor(ctx, ctx.user, input.planId, 'read');
    return checkPlan(await loadDomainPlan(ctx.db, row));
  }),

  /** The plan set against the nearest plan above it; null when no region above has one. */
  alignment: authedProcedure.input(z.object({ planId: PlanId })).query(async ({ ctx, input }) => {
    const row = await planFor(ctx, ctx.user, input.planId, 'read');
    const regions = await ctx.regions();
    for (const code of ancestorCodes(row.region_code, regions)) {
      const candidates = await ctx.db
        .selectFrom('plans')
        .selectAll()
        .where('region_code', '=', code)
        .where('in_package', '=', true)
        .where('period_start', '<=', row.period_end)
        .where('period_end', '>=', row.period_start)
        .orderBy('position')
        .execute();
      const upper = candidates.find((p) => p.kind === 'five_year') ?? candidates[0];
      if (!upper) continue;
      const [lower, above] = await Promise.all([
        loadDomainPlan(ctx.db, row),
        loadDomainPlan(ctx.db, upper),
      ]);
      return {
        upper: { planId: upper.id, regionCode: upper.region_code, title: upper.title },
        alignment: alignPlans(lower, above),
      };
    }
    return null;
  }),
});
