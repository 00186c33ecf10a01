import { z } from 'zod';
import { FIELD_LABELS, type FieldKey, FieldKeySchema } from '../model/field.ts';
import type { ObservedPoint } from '../model/observation.ts';
import type { Plan } from '../model/plan.ts';
import { evaluateIndicator } from './evaluate.ts';
import { type ObservedValue, prepareObservations } from './observations.ts';
import {
  EVALUATION_STATUSES,
  type EvaluationStatus,
  EvaluationStatusSchema,
  type IndicatorEvaluation,
} from './types.ts';

const StatusCountsSchema = z.record(EvaluationStatusSchema, z.number().int().nonnegative());
export type StatusCounts = Record<EvaluationStatus, number>;

export const PlanSummarySchema = z.object({
  planId: z.string(),
  year: z.number().int(),
  total: z.number().int(),
  byStatus: StatusCountsSchema,
  byField: z.array(
    z.object({
      field: FieldKeySchema,
      label: z.string(),
      total: z.number(),
      byStatus: StatusCountsSchema,
    }),
  ),
  byNature: z.object({
    binding: StatusCountsSchema,
    expected: StatusCountsSchema,
    unspecified: StatusCountsSchema,
  }),
  /** Binding indicators that lag or missed, the not achieved and seriously lagging first. */
  flagged: z.array(
    z.object({ indicatorId: z.string(), name: z.string(), status: EvaluationStatusSchema }),
  ),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

/** Every status at zero: a summary of nothing, and the start of every count. */
export function emptyCounts(): StatusCounts {
  const out = {} as StatusCounts;
  for (const s of EVALUATION_STATUSES) out[s] = 0;
  return out;
}

/** Counts a plan's evaluations by status, by field (in the plan's order) and by nature. */
export function summarizePlan(
  plan: Plan,
  evaluations: readonly IndicatorEvaluation[],
): PlanSummary {
  const byStatus = emptyCounts();
  const byField = new Map<FieldKey, { label: string; total: number; byStatus: StatusCounts }>();
  const byNature = {
    binding: emptyCounts(),
    expected: emptyCounts(),
    unspecified: emptyCounts(),
  };
  const labels = new Map(plan.indicators.map((i) => [i.field.key, i.field.label]));
  for (const e of evaluations) {
    byStatus[e.status]++;
    let row = byField.get(e.field);
    if (!row) {
      row = {
        label: labels.get(e.field) ?? FIELD_LABELS[e.field],
        total: 0,
        byStatus: emptyCounts(),
      };
      byField.set(e.field, row);
    }
    row.total++;
    row.byStatus[e.status]++;
    byNature[e.nature ?? 'unspecified'][e.status]++;
  }
  const flagged = evaluations
    .filter((e) => e.flagged)
    .sort((a, b) => rank(a.status) - rank(b.status))
    .map((e) => ({ indicatorId: e.indicatorId, name: e.name, status: e.status }));
  return {
    planId: plan.id,
    year: evaluations[0]?.year ?? plan.period.end,
    total: evaluations.length,
    byStatus,
    byField: [...byField].map(([field, row]) => ({ field, ...row })),
    byNature,
    flagged,
  };
}

// Missed at the deadline first, then seriously lagging: the order a report reads them in.
const rank = (s: EvaluationStatus): number =>
  s === 'not_achieved' ? 0 : s === 'seriously_lagging' ? 1 : 2;

/**
 * Evaluates every indicator of a plan in one year from the plan's approved observations.
 * `explain: false` leaves the reasons empty, for counting statuses over many plans.
 */
export function evaluatePlan(
  plan: Plan,
  observations: readonly ObservedPoint[] | ReadonlyMap<string, readonly ObservedValue[]>,
  year: number,
  { explain = true }: { explain?: boolean } = {},
): IndicatorEvaluation[] {
  const byIndicator =
    observations instanceof Map
      ? (observations as ReadonlyMap<string, readonly ObservedValue[]>)
      : prepareObservations(observations as readonly ObservedPoint[]);
  const options = { year, period: plan.period, explain };
  return plan.indicators.map((i) => evaluateIndicator(i, byIndicator.get(i.id) ?? [], options));
}
