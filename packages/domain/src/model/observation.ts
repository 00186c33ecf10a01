import { z } from 'zod';
import { MAX_CELL_LENGTH, safeParseValue } from '../value/grammar.ts';
import { ValueSchema } from '../value/value.ts';
import { PlanIdSchema, RecordIdSchema } from './plan.ts';

export const ObservationStateSchema = z.enum(['draft', 'submitted', 'approved', 'returned']);
export type ObservationState = z.infer<typeof ObservationStateSchema>;
export const OBSERVATION_STATE_LABELS: Record<ObservationState, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已审核',
  returned: '已退回',
};

const YES = new Set(['是', '已实现', '实现', 'yes', 'true']);
const NO = new Set(['否', '未实现', 'no', 'false']);

/**
 * An explicit answer for a qualitative target (应保尽保 met or not): true for 是, false for 否,
 * null for anything else.
 */
export function answerOf(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}

/**
 * What is wrong with an observed value as a person typed it, in both languages, or null when it
 * reads: by the same grammar as the plan's cells, or as an explicit answer (是 / 否) for a
 * qualitative target. The router, the entry grid and the importer all ask this one function.
 */
export function observedValueProblem(raw: string): { zh: string; en: string } | null {
  if (raw.length > MAX_CELL_LENGTH) {
    return {
      zh: `数值最多${MAX_CELL_LENGTH}个字符`,
      en: `a value is at most ${MAX_CELL_LENGTH} characters`,
    };
  }
  if (answerOf(raw) !== null) return null;
  const parsed = safeParseValue(raw);
  if (!parsed.ok) return { zh: parsed.error.messageZh, en: parsed.error.message };
  if (parsed.value.kind === 'none') {
    return {
      zh: `“${raw.trim()}”表示无数值：观测值需要填写一个数值，不填请留空`,
      en: `"${raw}" is empty: an observation needs a value`,
    };
  }
  return null;
}

/** An observed value as a person types it (see observedValueProblem). */
export const ObservedValueTextSchema = z.string().superRefine((raw, ctx) => {
  const problem = observedValueProblem(raw);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.en, params: { zh: problem.zh } });
});

export const ObservationYearSchema = z.number().int().min(1990).max(2100);

/** What an editor submits for one indicator and year. */
export const ObservationInputSchema = z.object({
  planId: PlanIdSchema,
  indicatorId: RecordIdSchema,
  year: ObservationYearSchema,
  value: ObservedValueTextSchema,
  source: z.string().max(500).nullable().default(null),
  note: z.string().max(2000).nullable().default(null),
});
export type ObservationInput = z.input<typeof ObservationInputSchema>;

export const ObservationSchema = z.object({
  id: z.string(),
  planId: z.string(),
  indicatorId: z.string(),
  year: ObservationYearSchema,
  raw: z.string(),
  value: ValueSchema,
  source: z.string().nullable(),
  note: z.string().nullable(),
  state: ObservationStateSchema,
  returnReason: z.string().nullable(),
  enteredBy: z.string(),
  enteredAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** Bumped on every change; a save names the version it read, and a stale one is refused. */
  version: z.number().int().positive(),
});
export type Observation = z.infer<typeof ObservationSchema>;

/** The minimum the evaluation needs of an observation: an approved value for a year. */
export const ObservedPointSchema = z.object({
  indicatorId: z.string(),
  year: ObservationYearSchema,
  value: z.string(),
  /**
   * The grammar's reading of `value`, when it was made already: a stored observation keeps the
   * reading made when it was saved, and a province's summary must not parse tens of thousands
   * of texts again on every request.
   */
  reading: ValueSchema.optional(),
});
export type ObservedPoint = z.infer<typeof ObservedPointSchema>;
