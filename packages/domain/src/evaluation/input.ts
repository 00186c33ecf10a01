import { z } from 'zod';
import { ObservationYearSchema } from '../model/observation.ts';
import { GrammarError, MAX_CELL_LENGTH } from '../value/grammar.ts';
import { readObservation } from './observations.ts';

/**
 * An observed value as the evaluation reads it: the value grammar, plus the explicit answers
 * 是 / 否 a qualitative target (应保尽保) may be given.
 */
export const ObservedTextSchema = z
  .string()
  .max(MAX_CELL_LENGTH, `a value is at most ${MAX_CELL_LENGTH} characters`)
  .superRefine((raw, ctx) => {
    try {
      const read = readObservation(2000, raw);
      if (read.value?.kind === 'none') {
        ctx.addIssue({
          code: 'custom',
          message: `"${raw}" is empty: an observation needs a value`,
        });
      }
    } catch (error) {
      if (!(error instanceof GrammarError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
    }
  });

/**
 * An observation as a file or a script gives it to the evaluation: the indicator's id in its
 * plan, the year and the value as text. `plan` is needed only where a file holds several plans
 * with the same indicator id.
 */
export const ObservationRowSchema = z.object({
  indicator: z.string().min(1),
  year: ObservationYearSchema,
  value: ObservedTextSchema,
  plan: z.string().min(1).optional(),
});
export type ObservationRow = z.infer<typeof ObservationRowSchema>;

/** The `observations` a plan or region-package JSON carries for `minsheng evaluate`. */
export const ObservationFileSchema = z.object({
  observations: z.array(ObservationRowSchema).default([]),
});
