import { z } from 'zod';
import { ObservationYearSchema, ObservedValueTextSchema } from '../model/observation.ts';

/** An observed value as the evaluation reads it: the one schema the API and files share too. */
export const ObservedTextSchema = ObservedValueTextSchema;

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
