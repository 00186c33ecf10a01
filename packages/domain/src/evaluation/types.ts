import { z } from 'zod';
import { FieldKeySchema } from '../model/field.ts';
import { NatureSchema } from '../model/plan.ts';

/**
 * The verdicts, in the words of China's own plan evaluations (the NDRC mid-term review of the
 * 十四五 plan: 提前实现 / 快于预期 / 基本符合预期 / 滞后), plus the two cases where no verdict can be
 * given. 严重滞后 is our own split of 滞后 (see docs/method.md). From the target year on there is
 * no pace left to judge: the target is reached (achieved) or it is not (未完成, not_achieved).
 */
export const EVALUATION_STATUSES = [
  'achieved',
  'not_achieved',
  'ahead',
  'on_track',
  'lagging',
  'seriously_lagging',
  'no_data',
  'not_assessable',
] as const;
export const EvaluationStatusSchema = z.enum(EVALUATION_STATUSES);
export type EvaluationStatus = z.infer<typeof EvaluationStatusSchema>;

export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = {
  achieved: '提前实现',
  not_achieved: '未完成',
  ahead: '快于预期',
  on_track: '基本符合预期',
  lagging: '滞后',
  seriously_lagging: '严重滞后',
  no_data: '暂无数据',
  not_assessable: '无法评估',
};

export const EVALUATION_STATUS_LABELS_EN: Record<EvaluationStatus, string> = {
  achieved: 'achieved',
  not_achieved: 'not achieved',
  ahead: 'ahead',
  on_track: 'on track',
  lagging: 'lagging',
  seriously_lagging: 'seriously lagging',
  no_data: 'no data',
  not_assessable: 'not assessable',
};

/** Which way the indicator must move: read from the target and the baseline, never assumed. */
export const DirectionSchema = z.enum(['increase', 'decrease', 'hold']);
export type Direction = z.infer<typeof DirectionSchema>;

/** The rules of docs/method.md, one per target form; the id names the section there. */
export const EVALUATION_RULES = [
  'level.path',
  'level.hold',
  'level.no_baseline',
  'bound.condition',
  'range.band',
  'cumulative.share',
  'growth.average',
  'hold.stable',
  'hold.level',
  'all_covered',
  'none',
] as const;
export const EvaluationRuleSchema = z.enum(EVALUATION_RULES);
export type EvaluationRule = z.infer<typeof EvaluationRuleSchema>;

export const BilingualSchema = z.object({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof BilingualSchema>;

export const IndicatorEvaluationSchema = z.object({
  indicatorId: z.string(),
  name: z.string(),
  field: FieldKeySchema,
  nature: NatureSchema.nullable(),
  /** The year evaluated: observations after it are not used. */
  year: z.number().int(),
  rule: EvaluationRuleSchema,
  status: EvaluationStatusSchema,
  direction: DirectionSchema.nullable(),
  /** The numbers the rule compared: the baseline and the target (or the bound, or the rate). */
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  /** Where the indicator should stand in `year`: on the path, the share of a total, the rate. */
  expected: z.number().nullable(),
  /** The latest approved observation up to `year`, read as a number where it is one. */
  observed: z
    .object({ year: z.number().int(), value: z.number().nullable(), raw: z.string() })
    .nullable(),
  /**
   * The latest observation used is older than one year before the evaluated year (数据滞后):
   * the verdict rests on `observed.year`, not on the evaluated year.
   */
  stale: z.boolean(),
  /** Observations outside the plan's period (before its base year, after its end): not used. */
  excluded: z.array(z.object({ year: z.number().int(), raw: z.string() })),
  /** Actual pace over required pace (1 = exactly on the path); null where there is no pace. */
  ratio: z.number().nullable(),
  /** What each remaining year must add (or, for growth targets, grow by) to reach the target. */
  neededPerYear: z.number().nullable(),
  /** Binding (约束性) and lagging, seriously lagging or not achieved. */
  flagged: z.boolean(),
  reason: BilingualSchema,
});
export type IndicatorEvaluation = z.infer<typeof IndicatorEvaluationSchema>;
