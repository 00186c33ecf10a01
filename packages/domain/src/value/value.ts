import { z } from 'zod';

/**
 * A number exactly as the plan wrote it. `text` keeps what the value loses ("5.0", "13,000"),
 * so a cell prints back character for character.
 */
export const NumSchema = z.object({
  value: z.number().finite(),
  text: z.string().min(1),
});
export type Num = z.infer<typeof NumSchema>;

/** A parenthesised remark after a value: 6.4+18+1.424（社保居保机保）. */
export const GlossSchema = z.object({
  text: z.string(),
  fullWidth: z.boolean(),
});
export type Gloss = z.infer<typeof GlossSchema>;

export const BoundOpSchema = z.enum(['ge', 'le', 'gt', 'lt']);
export type BoundOp = z.infer<typeof BoundOpSchema>;

/**
 * Bounds written in words before the number. 达55% (reach 55) is a floor as bulletins and plans
 * use it: a value above it reaches it too. 大于90 / 小于5 are the strict bounds in words.
 */
export const BOUND_WORDS = [
  '不低于',
  '不少于',
  '不高于',
  '不超过',
  '达到',
  '达',
  '大于',
  '小于',
] as const;

/** How a bound was written: a symbol before the number, or 以上/以下 after it. */
export const BOUND_SYMBOLS = ['≥', '≤', '>', '<', '＞', '＜', '>=', '<=', '≧', '≦'] as const;
export const BoundStyleSchema = z.union([
  z.object({ position: z.literal('prefix'), symbol: z.enum(BOUND_SYMBOLS) }),
  z.object({ position: z.literal('suffix'), word: z.enum(['以上', '以下', '以内']) }),
  z.object({
    position: z.literal('words'),
    word: z.enum(BOUND_WORDS),
  }),
]);
export type BoundStyle = z.infer<typeof BoundStyleSchema>;

export const NO_VALUE_MARKS = ['', '-', '—', '——', '/', '－', '无'] as const;
export const RANGE_SEPARATORS = ['-', '~', '～', '—', '－', '至'] as const;
export const PERCENT_SIGNS = ['%', '％'] as const;

const unit = z.string().min(1).optional();

/** A bare quantity: a number, or several summed (6.4+18+1.424), with an optional unit and gloss. */
export const QuantitySchema = z.object({
  kind: z.literal('number'),
  num: NumSchema,
  unit,
  gloss: GlossSchema.optional(),
});

export const SumSchema = z.object({
  kind: z.literal('sum'),
  parts: z.array(NumSchema).min(2),
  /** Sum of the parts, rounded to the decimals written. */
  total: z.number(),
  unit,
  gloss: GlossSchema.optional(),
});

export const BoundSchema = z.object({
  kind: z.literal('bound'),
  op: BoundOpSchema,
  num: NumSchema,
  unit,
  style: BoundStyleSchema,
});

export const ApproxSchema = z.object({
  kind: z.literal('approx'),
  num: NumSchema,
  unit,
});

export const RangeSchema = z.object({
  kind: z.literal('range'),
  min: NumSchema,
  max: NumSchema,
  separator: z.enum(RANGE_SEPARATORS),
  unit,
});

const LevelSchema = z.discriminatedUnion('kind', [
  QuantitySchema,
  SumSchema,
  BoundSchema,
  ApproxSchema,
  RangeSchema,
]);
export type Level = z.infer<typeof LevelSchema>;

/** 【x】, [x] or x（累计）: a total over the five-year period, not a level at its end. */
export const CumulativeSchema = z.object({
  kind: z.literal('cumulative'),
  inner: z.discriminatedUnion('kind', [QuantitySchema, BoundSchema, ApproxSchema]),
  style: z.enum(['【】', '[]', '（累计）', '(累计)']),
});

/** x*: an average annual growth rate, in percent. */
export const GrowthSchema = z.object({
  kind: z.literal('growth'),
  num: NumSchema,
  unit,
});

/** 应保尽保: everyone eligible is covered. */
export const AllCoveredSchema = z.object({ kind: z.literal('allCovered') });

/** 保持稳定 (hold the current level), or 稳定在98以上 / 保持在70%以上 (hold within a bound). */
export const HoldSchema = z.object({
  kind: z.literal('hold'),
  level: BoundSchema.optional(),
  /** How a held level was introduced; absent for 保持稳定. */
  word: z.enum(['稳定在', '保持在']).optional(),
});

/** "", "-", "——", "/": the cell is empty in the plan. */
export const NoneSchema = z.object({
  kind: z.literal('none'),
  mark: z.enum(NO_VALUE_MARKS),
});

export const ValueSchema = z.discriminatedUnion('kind', [
  NoneSchema,
  QuantitySchema,
  SumSchema,
  BoundSchema,
  ApproxSchema,
  RangeSchema,
  CumulativeSchema,
  GrowthSchema,
  AllCoveredSchema,
  HoldSchema,
]);
export type Value = z.infer<typeof ValueSchema>;
export type ValueKind = Value['kind'];
