import { z } from 'zod';
import { MAX_CELL_LENGTH, safeParseValue } from '../value/grammar.ts';
import { ValueSchema } from '../value/value.ts';

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
 * An observed value as a person types it: read by the same grammar as the plan's cells, or an
 * explicit answer (是 / 否) for a qualitative target.
 */
export const ObservedValueTextSchema = z
  .string()
  .max(MAX_CELL_LENGTH, `a value is at most ${MAX_CELL_LENGTH} characters`)
  .superRefine((raw, ctx) => {
    if (answerOf(raw) !== null) return;
    const parsed = safeParseValue(raw);
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        message: parsed.error.message,
        params: { zh: parsed.error.messageZh },
      });
      return;
    }
    if (parsed.value.kind === 'none') {
      ctx.addIssue({
        code: 'custom',
        message: `"${raw}" is empty: an observation needs a value`,
        params: { zh: `“${raw}”为空：观测值须有内容` },
      });
    }
  });

export const ObservationYearSchema = z.number().int().min(1990).max(2100);

/** What an editor submits for one indicator and year. */
export const ObservationInputSchema = z.object({
  planId: z.string().min(1).max(100),
  indicatorId: z.string().min(1).max(100),
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
