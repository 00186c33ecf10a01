import { z } from 'zod';
import { safeParseValue } from '../value/grammar.ts';
import { type Value, ValueSchema } from '../value/value.ts';

/**
 * A table cell as the plan wrote it, with its structured reading. Authors (and JSON) give the
 * raw text; the reading is always recomputed from it, so the two can never disagree.
 */
export const CellSchema = z
  .union([z.string(), z.object({ raw: z.string() })])
  .transform((input, ctx): Cell => {
    const raw = typeof input === 'string' ? input : input.raw;
    const parsed = safeParseValue(raw);
    if (!parsed.ok) {
      // The Chinese message rides along for tools that speak to officials (minsheng evaluate).
      ctx.addIssue({
        code: 'custom',
        message: parsed.error.message,
        input: raw,
        params: { zh: parsed.error.messageZh },
      });
      return z.NEVER;
    }
    return { raw: raw.trim(), value: parsed.value };
  });
export type CellInput = z.input<typeof CellSchema>;
export interface Cell {
  raw: string;
  value: Value;
}
export const CellOutputSchema = z.object({ raw: z.string(), value: ValueSchema });
