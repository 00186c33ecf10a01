import { answerOf, type ObservedPoint } from '../model/observation.ts';
import { numericValue, safeParseValue } from '../value/grammar.ts';
import type { BoundOp, Value } from '../value/value.ts';

/**
 * One approved observation, read once: evaluation runs many times over the same observations,
 * so the text is parsed here and never again.
 */
export interface ObservedValue {
  readonly year: number;
  readonly raw: string;
  /** The grammar's reading; null for an explicit yes/no answer. */
  readonly value: Value | null;
  /** The single number it stands for, where it has one (a bound's number counts). */
  readonly num: number | null;
  /**
   * Set where the observation is itself a bound (>95, 95%以上, 稳定在95%以上): the value lies
   * beyond `num` that way, and the rules judge it as a bound, never as the bare number.
   */
  readonly op: BoundOp | null;
  /** An explicit answer for a qualitative target (是 / 否), else null. */
  readonly answer: boolean | null;
}

/**
 * Reads one observed text; throws the grammar's error for text it cannot read. `reading` is the
 * grammar's reading of the same text made earlier (a stored observation's); given, the text is
 * not parsed again.
 */
export function readObservation(year: number, raw: string, reading?: Value): ObservedValue {
  const text = raw.trim();
  const said = answerOf(text);
  if (said !== null) return { year, raw: text, value: null, num: null, op: null, answer: said };
  let value = reading;
  if (!value) {
    const parsed = safeParseValue(text);
    if (!parsed.ok) throw parsed.error;
    value = parsed.value;
  }
  let num = numericValue(value);
  let op: BoundOp | null = null;
  if (value.kind === 'bound') {
    num = value.num.value;
    op = value.op;
  } else if (value.kind === 'hold' && value.level) {
    num = value.level.num.value;
    op = value.level.op;
  }
  if (num === null && value.kind === 'cumulative') num = value.inner.num.value;
  if (num === null && value.kind === 'growth') num = value.num.value;
  const answer = value.kind === 'allCovered' ? true : null;
  return { year, raw: text, value, num, op, answer };
}

/**
 * Groups approved points by indicator, each series sorted by year. Where a year is given twice
 * the later point wins, as a correction would.
 */
export function prepareObservations(
  points: readonly ObservedPoint[],
): Map<string, ObservedValue[]> {
  const out = new Map<string, ObservedValue[]>();
  for (const p of points) {
    const series = out.get(p.indicatorId) ?? [];
    const obs = readObservation(p.year, p.value, p.reading);
    const at = series.findIndex((o) => o.year === p.year);
    if (at >= 0) series[at] = obs;
    else series.push(obs);
    out.set(p.indicatorId, series);
  }
  for (const series of out.values()) series.sort((a, b) => a.year - b.year);
  return out;
}
