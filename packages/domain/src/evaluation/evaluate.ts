import type { CanonicalKey } from '../model/canonical.ts';
import type { Indicator } from '../model/plan.ts';
import type { BoundOp, Value } from '../value/value.ts';
import type { ObservedValue } from './observations.ts';
import type { Direction, EvaluationStatus, IndicatorEvaluation } from './types.ts';

/**
 * The thresholds of docs/method.md. 0.95 and 0.60 are the Statistics Canada / Open SDG progress
 * measure's; everything else is our own choice and the document says why.
 */
export const THRESHOLDS = {
  /** R at or above this is 快于预期 (ours: a fifth faster than required). */
  ahead: 1.2,
  /** R at or above this is 基本符合预期 (Open SDG: "on track"). */
  onTrack: 0.95,
  /** R at or above this is 滞后; below it 严重滞后 (Open SDG: 0.60 "acceleration needed"). */
  lagging: 0.6,
  /** A held level is kept while within this share of it (ours). */
  holdBand: 0.02,
  /** Beyond the hold band but within this share: 滞后; further: 严重滞后 (ours). */
  holdLaggingBand: 0.1,
  /** A bound missed by at most this share of it, where no pace can be measured: 滞后 (ours). */
  gapLagging: 0.05,
  /** A coverage (应保尽保) at or above this percentage, short of 100: 滞后 (ours). */
  coverageLagging: 95,
  /** Growth targets: on a target of 0, an average within this many points holds it (ours). */
  growthHoldPoints: 0.5,
  /** 约T is reached within this share of T (ours: the plan commits to the number, not its last unit). */
  approxBand: 0.02,
  /** An observation more than this many years before the evaluated year is stale (数据滞后). */
  staleYears: 1,
} as const;

/**
 * The way a canonical indicator should move, where no baseline says it: a plan's 达55% or 约1000
 * without a base year still aims upward for 护理型床位占比. Only indicators whose direction no
 * plan would dispute are listed; the rest take it from the target and the first observation.
 */
export const CANONICAL_DIRECTIONS: Partial<Record<CanonicalKey, 'increase' | 'decrease'>> = {
  nursery_places_per_1000: 'increase',
  preschool_gross_enrolment: 'increase',
  compulsory_education_retention: 'increase',
  high_school_gross_enrolment: 'increase',
  working_age_schooling_years: 'increase',
  urban_surveyed_unemployment: 'decrease',
  urban_registered_unemployment: 'decrease',
  life_expectancy: 'increase',
  doctors_per_1000: 'increase',
  nurses_per_1000: 'increase',
  hospital_beds_per_1000: 'increase',
  basic_medical_insurance_coverage: 'increase',
  pension_insurance_coverage: 'increase',
  nursing_beds_share: 'increase',
  elderly_facilities_compliance: 'increase',
  elderly_care_beds_total: 'increase',
  disability_subsidy_coverage: 'increase',
  cultural_facility_visits_per_10000: 'increase',
  community_service_space_per_100_households: 'increase',
  sports_area_per_capita: 'increase',
  disabled_children_rehabilitation: 'increase',
  prepregnancy_checkup_coverage: 'increase',
};

export interface EvaluateOptions {
  /** The year evaluated: observations after it are ignored. */
  year: number;
  /** The plan's period: cumulative and growth targets count the years from its start. */
  period: { start: number; end: number };
  /**
   * Write the reason in words (default). Counting statuses over a national set needs only the
   * figures, and the words are most of the cost; without them `reason` is empty.
   */
  explain?: boolean;
}

/** The number a baseline or target cell stands for, where it has one. */
export function levelNumber(v: Value): number | null {
  switch (v.kind) {
    case 'number':
    case 'approx':
    case 'bound':
    case 'growth':
      return v.num.value;
    case 'sum':
      return v.total;
    case 'cumulative':
      return v.inner.num.value;
    case 'hold':
      return v.level ? v.level.num.value : null;
    default:
      return null;
  }
}

export function directionOfBound(op: BoundOp): Direction {
  return op === 'ge' || op === 'gt' ? 'increase' : 'decrease';
}

function meets(op: BoundOp, x: number, bound: number): boolean {
  switch (op) {
    case 'ge':
      return x >= bound;
    case 'gt':
      return x > bound;
    case 'le':
      return x <= bound;
    case 'lt':
      return x < bound;
  }
}

export function statusFromRatio(r: number): EvaluationStatus {
  if (r >= THRESHOLDS.ahead) return 'ahead';
  if (r >= THRESHOLDS.onTrack) return 'on_track';
  if (r >= THRESHOLDS.lagging) return 'lagging';
  return 'seriously_lagging';
}

/** Which measure gave the last paceRatio: read by the reason, set by paceRatio. */
let paceByRate = false;

/**
 * Actual pace over required pace from `b` (in year 0) toward `t` (after `span` years), having
 * reached `x` after `elapsed` years: the larger of the compound-rate ratio (the Open SDG
 * measure, where all three are positive) and the straight-line ratio. A compound path is
 * back-loaded for an increase and front-loaded for a decrease; taking the larger means a value
 * on the straight path is never behind in either direction (docs/method.md, level.path).
 */
export function paceRatio(
  b: number,
  x: number,
  t: number,
  elapsed: number,
  span: number,
  direction: Direction,
): number | null {
  if (elapsed <= 0 || span <= 0 || t === b) return null;
  const linear = (x - b) / elapsed / ((t - b) / span);
  paceByRate = false;
  if (b > 0 && x > 0 && t > 0) {
    const actual = (x / b) ** (1 / elapsed) - 1;
    const required = Math.abs((t / b) ** (1 / span) - 1);
    const rate = direction === 'decrease' ? -actual / required : actual / required;
    if (rate > linear) {
      paceByRate = true;
      return rate;
    }
  }
  return linear;
}

const round = (n: number): number => Math.round(n * 10000) / 10000;
/** A figure for a sentence: two decimals, three below one. */
function f(n: number): string {
  // Integer arithmetic: turning a small integer into text is far cheaper than a double, and
  // evaluation writes several figures into every reason.
  const digits = Math.abs(n) < 1 ? 3 : 2;
  const scale = digits === 3 ? 1000 : 100;
  const scaled = Math.round(Math.abs(n) * scale);
  if (!Number.isSafeInteger(scaled)) return String(n);
  // A figure that rounds to nothing is not nothing: two significant digits instead of "0".
  if (scaled === 0 && n !== 0) return String(Number(n.toPrecision(2)));
  const whole = Math.floor(scaled / scale);
  let frac = scaled - whole * scale;
  const sign = n < 0 && scaled !== 0 ? '-' : '';
  if (frac === 0) return `${sign}${whole}`;
  let width = digits;
  while (frac % 10 === 0) {
    frac /= 10;
    width--;
  }
  const fracText = `${frac}`;
  return `${sign}${whole}.${'000'.slice(fracText.length, width)}${fracText}`;
}

/** The observed value as the person typed it (4.00, 1.2%, >95): a reason never rewrites it. */
const numText = (o: ObservedValue): string => o.raw;

/**
 * Whether an observation surely meets `op bound`. An observed bound (>95) meets the condition
 * only if every value it allows does: >95 meets >95 and ≥95, 95以上 meets ≥95 but not >95, and
 * a bound the other way (<95) never surely meets a floor.
 */
export function surelyMeets(op: BoundOp, bound: number, o: ObservedValue): boolean {
  const x = o.num as number;
  const oop = o.op;
  if (oop === null) return meets(op, x, bound);
  const up = op === 'ge' || op === 'gt';
  if (up !== (oop === 'ge' || oop === 'gt')) return false;
  if (op === 'ge' || op === 'le') return meets(op, x, bound);
  // A strict target: a strict observation at the same number meets it (>95 meets >95).
  return oop === op ? meets(op === 'gt' ? 'ge' : 'le', x, bound) : meets(op, x, bound);
}

/**
 * An observed bound pointing away from the direction (<95 against a floor) says nothing of
 * progress: its value could be anything below. The rule stops with not_assessable.
 */
function oppositeBound(e: IndicatorEvaluation, o: ObservedValue, direction: Direction): boolean {
  if (o.op === null || direction === 'hold') return false;
  const up = o.op === 'ge' || o.op === 'gt';
  if (up === (direction === 'increase')) return false;
  e.status = 'not_assessable';
  say(
    e,
    `${o.year}年实际值写作${o.raw}，只给出${up ? '下限' : '上限'}，无法判断是否接近目标`,
    `observed ${o.raw} in ${o.year} gives only a ${up ? 'floor' : 'ceiling'}: progress toward the target is unknown`,
  );
  return true;
}

/** A level target reached by `o` in `direction`; 约 targets within their band (approxBand). */
function reachedLevel(target: Value, t: number, direction: Direction, o: ObservedValue): boolean {
  const band = target.kind === 'approx' ? Math.abs(t) * THRESHOLDS.approxBand : 0;
  if (direction === 'increase') return surelyMeets('ge', t - band, o);
  if (direction === 'decrease') return surelyMeets('le', t + band, o);
  return o.op === null && Math.abs((o.num as number) - t) <= band;
}

function latestUpTo(series: readonly ObservedValue[], year: number): ObservedValue | null {
  for (let i = series.length - 1; i >= 0; i--) {
    const o = series[i] as ObservedValue;
    if (o.year <= year && (o.num !== null || o.answer !== null)) return o;
  }
  return null;
}

function earliestUpTo(series: readonly ObservedValue[], year: number): ObservedValue | null {
  for (const o of series) {
    if (o.year > year) break;
    if (o.num !== null) return o;
  }
  return null;
}

function unitOf(v: Value | null): string | null {
  if (!v) return null;
  switch (v.kind) {
    case 'number':
    case 'sum':
    case 'bound':
    case 'approx':
    case 'range':
    case 'growth':
      return v.unit ? normUnit(v.unit) : null;
    case 'cumulative':
      return v.inner.unit ? normUnit(v.inner.unit) : null;
    case 'hold':
      return v.level?.unit ? normUnit(v.level.unit) : null;
    default:
      return null;
  }
}

const normUnit = (u: string): string => (u === '％' ? '%' : u);

/**
 * Evaluates one indicator in one year from its baseline, its target and its approved
 * observations (read once by prepareObservations). Pure; the rule applied is named in the
 * result and described in docs/method.md.
 */
export function evaluateIndicator(
  indicator: Indicator,
  all: readonly ObservedValue[],
  options: EvaluateOptions,
): IndicatorEvaluation {
  // Only the plan's period counts, its base year as the baseline; the rest is listed as left
  // out. Most series lie inside it, and then the array is used as it is.
  const first = Math.min(indicator.baselineYear, options.period.start - 1);
  const last = options.period.end;
  let observations = all;
  let excluded: IndicatorEvaluation['excluded'] = NONE_EXCLUDED;
  if (
    all.length > 0 &&
    ((all[0] as ObservedValue).year < first || (all[all.length - 1] as ObservedValue).year > last)
  ) {
    observations = all.filter((o) => o.year >= first && o.year <= last);
    excluded = all
      .filter((o) => o.year < first || o.year > last)
      .map((o) => ({ year: o.year, raw: o.raw }));
  }
  const e: IndicatorEvaluation = {
    indicatorId: indicator.id,
    name: indicator.name,
    field: indicator.field.key,
    nature: indicator.nature,
    year: options.year,
    rule: 'none',
    status: 'not_assessable',
    direction: null,
    baseline: levelNumber(indicator.baseline.value),
    target: levelNumber(indicator.target.value),
    expected: null,
    observed: null,
    ratio: null,
    neededPerYear: null,
    stale: false,
    excluded,
    flagged: false,
    // Every rule writes its own reason; this placeholder is shared, never handed out.
    reason: NO_REASON,
  };
  explaining = options.explain !== false;
  deadline = options.year >= indicator.targetYear;
  const target = indicator.target.value;
  const obs = latestUpTo(observations, options.year);
  if (obs) e.observed = { year: obs.year, value: obs.num, raw: obs.raw };

  switch (target.kind) {
    case 'none':
      e.rule = 'none';
      say(e, '规划未设定目标值，无法评估', 'the plan sets no target: not assessable');
      break;
    case 'number':
    case 'approx':
    case 'sum':
      evaluateLevel(e, indicator, observations, obs, options);
      break;
    case 'bound':
      e.rule = 'bound.condition';
      evaluateBound(e, indicator, observations, obs, options, target.op, target.num.value);
      break;
    case 'range':
      evaluateRange(e, indicator, observations, obs, options, target.min.value, target.max.value);
      break;
    case 'cumulative':
      evaluateCumulative(e, indicator, observations, options, target);
      break;
    case 'growth':
      evaluateGrowth(e, observations, options, target.num.value);
      break;
    case 'hold':
      if (target.level) {
        e.rule = 'hold.level';
        evaluateHoldLevel(e, indicator, obs, target.level.op, target.level.num.value);
      } else {
        evaluateHoldStable(e, indicator, observations, obs, options);
      }
      break;
    case 'allCovered':
      evaluateAllCovered(e, obs);
      break;
  }
  if (options.year >= indicator.targetYear) atDeadline(e, indicator);
  if (e.observed !== null) {
    // After the period no newer data can come: age is measured from its last year.
    const ref = Math.min(options.year, Math.max(last, indicator.targetYear));
    e.stale = e.observed.year < ref - THRESHOLDS.staleYears;
    if (e.stale && explaining && e.reason !== NO_REASON) {
      const y = e.observed.year;
      e.reason = {
        zh: `${e.reason.zh}（数据滞后：最新数据为${y}年）`,
        en: `${e.reason.en} (stale: the latest data is from ${y})`,
      };
    }
  }
  if (explaining && excluded.length > 0) {
    const years = excluded.map((o) => o.year).join('、');
    e.reason = {
      zh: `${e.reason.zh}（规划期外的${years}年数据未计入）`,
      en: `${e.reason.en} (data for ${excluded.map((o) => o.year).join(', ')}, outside the plan period, not used)`,
    };
  }
  e.flagged =
    indicator.nature === 'binding' &&
    (e.status === 'lagging' || e.status === 'seriously_lagging' || e.status === 'not_achieved');
  return e;
}

// Shared by every evaluation with nothing left out, so frozen: no caller can add to it.
const NONE_EXCLUDED = Object.freeze([]) as unknown as IndicatorEvaluation['excluded'];
const PROGRESS: ReadonlySet<EvaluationStatus> = new Set([
  'ahead',
  'on_track',
  'lagging',
  'seriously_lagging',
]);

/**
 * From the target year on there is no pace left: what the rules judged as progress becomes
 * 未完成. Held levels, caps and coverage the rules already call achieved when kept.
 */
function atDeadline(e: IndicatorEvaluation, indicator: Indicator): void {
  if (!PROGRESS.has(e.status) || e.observed === null) return;
  e.status = 'not_achieved';
  e.neededPerYear = null;
  if (!explaining) return;
  const o = e.observed;
  const seen =
    e.rule === 'cumulative.share'
      ? `累计${f(o.value as number)}`
      : e.rule === 'growth.average'
        ? `年均增长${f(o.value as number)}%`
        : `实际值${o.raw}`;
  const seenEn =
    e.rule === 'cumulative.share'
      ? `a running total of ${f(o.value as number)}`
      : e.rule === 'growth.average'
        ? `average growth of ${f(o.value as number)}%`
        : `${o.raw} observed`;
  const ts = indicator.target.raw;
  say(
    e,
    `${o.year}年${seen}，${indicator.targetYear}年目标${ts}未完成`,
    `${seenEn} in ${o.year}: the ${indicator.targetYear} target ${ts} was not achieved`,
  );
}

const NO_REASON = Object.freeze({ zh: '', en: '' });

// Set by evaluateIndicator for the call in progress; evaluation is synchronous and never
// re-entered, so the rules can consult it without threading it through every function.
let explaining = true;
// The evaluated year is at or past the target year: kept levels are achieved, the rest is not.
let deadline = false;

/**
 * No sentence to write: not explaining, or a pace at the deadline, which atDeadline replaces
 * with its own sentence at once. Rules ask before building their figures' text.
 */
function quiet(e: IndicatorEvaluation): boolean {
  return !explaining || (deadline && e.observed !== null && PROGRESS.has(e.status));
}

function say(e: IndicatorEvaluation, zh: string, en: string): void {
  if (quiet(e)) return;
  e.reason = { zh, en };
}

function noData(e: IndicatorEvaluation): void {
  e.status = 'no_data';
  if (!explaining) return;
  say(e, `截至${e.year}年暂无已审核的数据`, `no approved observation up to ${e.year}`);
}

/** Observed value and target in different units (万人 against 人): nothing can be compared. */
function unitClash(e: IndicatorEvaluation, indicator: Indicator, obs: ObservedValue): boolean {
  // The cell's own unit first, else the indicator's (a table that puts % in the name only).
  const tu = unitOf(indicator.target.value) ?? (indicator.unit ? normUnit(indicator.unit) : null);
  const ou = unitOf(obs.value);
  if (tu === null || ou === null || tu === ou) return false;
  e.status = 'not_assessable';
  say(
    e,
    `实际值单位（${ou}）与目标单位（${tu}）不同，无法比较`,
    `observed unit (${ou}) differs from the target's (${tu}): not comparable`,
  );
  return true;
}

function evaluateLevel(
  e: IndicatorEvaluation,
  indicator: Indicator,
  series: readonly ObservedValue[],
  obs: ObservedValue | null,
  options: EvaluateOptions,
): void {
  const t = e.target as number;
  const target = indicator.target.value;
  let b = e.baseline;
  let y0 = indicator.baselineYear;
  e.rule = 'level.path';
  // Without a baseline the direction comes from the canonical indicator, where it is known.
  let direction: Direction | null =
    (indicator.canonicalKey && CANONICAL_DIRECTIONS[indicator.canonicalKey]) ?? null;
  if (b === null || indicator.baseline.value.kind === 'growth') {
    e.rule = 'level.no_baseline';
    e.baseline = null;
    if (!obs || obs.num === null) {
      noData(e);
      return;
    }
    if (unitClash(e, indicator, obs)) return;
    if (direction !== null && oppositeBound(e, obs, direction)) return;
    if (reachedLevel(target, t, direction ?? 'hold', obs)) {
      e.direction = direction;
      e.status = 'achieved';
      say(
        e,
        `${obs.year}年实际值${obs.raw}，已达到目标${indicator.target.raw}`,
        `observed ${obs.raw} in ${obs.year}: target ${indicator.target.raw} reached`,
      );
      return;
    }
    const first = earliestUpTo(series, options.year);
    if (!first || first.year === obs.year || first.num === null) {
      e.direction = direction;
      if (direction !== null && deadline) {
        // The target year has come and the value is short of it in the known direction.
        e.status = 'not_achieved';
        say(
          e,
          `${obs.year}年实际值${obs.raw}，${indicator.targetYear}年目标${indicator.target.raw}未完成`,
          `${obs.raw} observed in ${obs.year}: the ${indicator.targetYear} target ${indicator.target.raw} was not achieved`,
        );
        return;
      }
      e.status = 'not_assessable';
      if (direction !== null) {
        say(
          e,
          `规划无基期值，仅有一个年份的实际值${obs.raw}，无法衡量进度`,
          `no baseline and a single observed year (${obs.raw}): no pace to measure`,
        );
        return;
      }
      say(
        e,
        `规划无基期值，仅有一个年份的实际值${obs.raw}，无法判断方向`,
        `no baseline and a single observed year (${obs.raw}): the direction is unknown`,
      );
      return;
    }
    // The earliest approved observation stands in for the missing baseline.
    b = first.num;
    y0 = first.year;
    e.baseline = b;
    if (direction !== null && b !== t && (direction === 'increase') === b > t) {
      // It stood past the target and has fallen back: judged by the miss, as a bound would be.
      e.direction = direction;
      e.expected = t;
      gapStatus(e, obs, t, indicator.target.raw, true);
      return;
    }
  }
  if (b === t) {
    e.rule = 'level.hold';
    holdBand(e, indicator, obs, t);
    return;
  }
  // The target against the baseline; without a baseline, the canonical direction first and the
  // target against the earliest observation only where the indicator's direction is unknown.
  if (direction === null || e.rule === 'level.path') direction = t > b ? 'increase' : 'decrease';
  e.direction = direction;
  const span = indicator.targetYear - y0;
  if (span > 0) {
    const share = Math.min(1, Math.max(0, (options.year - y0) / span));
    e.expected = round(b + (t - b) * share);
  }
  if (!obs || obs.num === null) {
    noData(e);
    return;
  }
  if (unitClash(e, indicator, obs)) return;
  if (oppositeBound(e, obs, direction)) return;
  const x = obs.num;
  const elapsed = obs.year - y0;
  const r = paceRatio(b, x, t, elapsed, span, direction);
  if (r !== null) e.ratio = round(r);
  if (reachedLevel(target, t, direction, obs)) {
    e.status = 'achieved';
    if (!explaining) return;
    say(
      e,
      `${obs.year}年实际值${obs.raw}，已达到${indicator.targetYear}年目标${indicator.target.raw}`,
      `observed ${obs.raw} in ${obs.year}: the ${indicator.targetYear} target ${indicator.target.raw} is reached`,
    );
    return;
  }
  if (r === null) {
    e.status = 'no_data';
    say(
      e,
      `仅有基期年份（${y0}年）的数据，尚无进度`,
      `only the base year (${y0}) is observed: no progress to measure yet`,
    );
    return;
  }
  e.status = statusFromRatio(r);
  const remaining = indicator.targetYear - obs.year;
  if (remaining > 0) e.neededPerYear = round((t - x) / remaining);
  pathReason(e, obs.year, numText(obs), r, indicator.targetYear, indicator.target.raw);
}

/** `xs` and `ts` are the observed value and the target as text, written once by the caller. */
function pathReason(
  e: IndicatorEvaluation,
  year: number,
  xs: string,
  r: number,
  targetYear: number,
  ts: string,
): void {
  if (quiet(e)) return;
  // Each figure is written once and shared by both languages: formatting is most of the cost.
  const rs = f(r);
  let exp = '';
  let expEn = '';
  if (e.expected !== null) {
    const es = f(e.expected);
    exp = `，按期应达${es}`;
    expEn = ` against ${es} expected`;
  }
  let need = '';
  let needEn = '';
  if (e.neededPerYear !== null) {
    // The word follows the direction, the figure its size: a figure rounded to 0 has no sign.
    const down = e.direction === 'decrease';
    const ns = f(Math.abs(e.neededPerYear));
    if (e.neededPerYear === 0) {
      // On a strict bound's number: nothing to add per year, but the bound is still to pass.
      need = `；${targetYear}年前须${down ? '低于' : '超过'}${ts}`;
      needEn = `; must go ${down ? 'below' : 'above'} ${ts} by ${targetYear}`;
    } else {
      need = `；${targetYear}年达到${ts}还需每年${down ? '减少' : '增加'}${ns}`;
      needEn = `; ${down ? '-' : ''}${ns} a year needed to reach ${ts} by ${targetYear}`;
    }
  }
  // Say what is compared: a level below the straight path can be on track by its growth rate.
  const pace = paceByRate
    ? `按年均增速比较（比较增速而非水平），实际增速为所需增速的${rs}倍`
    : `按直线进度比较，实际进度为要求进度的${rs}倍`;
  const paceEn = paceByRate
    ? `growth rate ${rs} of the rate required (rates compared, not levels)`
    : `straight-line pace ${rs} of required`;
  say(
    e,
    `${year}年实际值${xs}${exp}；${pace}${need}`,
    `observed ${xs} in ${year}${expEn}; ${paceEn}${needEn}`,
  );
}

/** Level held (target equals baseline, 保持稳定): kept while within the band around it. */
function holdBand(
  e: IndicatorEvaluation,
  indicator: Indicator,
  obs: ObservedValue | null,
  level: number,
): void {
  e.direction = 'hold';
  e.expected = level;
  if (!obs || obs.num === null) {
    noData(e);
    return;
  }
  if (unitClash(e, indicator, obs)) return;
  const x = obs.num;
  const dev = level === 0 ? Math.abs(x) : Math.abs(x - level) / Math.abs(level);
  const held = dev <= THRESHOLDS.holdBand;
  if (held) e.status = deadline ? 'achieved' : 'on_track';
  else e.status = dev <= THRESHOLDS.holdLaggingBand ? 'lagging' : 'seriously_lagging';
  if (quiet(e)) return;
  const xs = obs.raw;
  const ls = f(level);
  // A level of 0 has no share to be off by: the difference itself is printed.
  const ds = level === 0 ? f(dev) : `${f(dev * 100)}%`;
  if (held) {
    say(
      e,
      `${obs.year}年实际值${xs}，保持在${ls}附近（偏离${ds}）`,
      `observed ${xs} in ${obs.year}: held at ${ls} (off by ${ds})`,
    );
    return;
  }
  const side = x > level ? '高于' : '低于';
  say(
    e,
    `${obs.year}年实际值${xs}，${side}应保持的${ls}（偏离${ds}）`,
    `observed ${xs} in ${obs.year}: ${x > level ? 'above' : 'below'} the level ${ls} to be held (off by ${ds})`,
  );
}

function evaluateBound(
  e: IndicatorEvaluation,
  indicator: Indicator,
  series: readonly ObservedValue[],
  obs: ObservedValue | null,
  options: EvaluateOptions,
  op: BoundOp,
  bound: number,
): void {
  const direction = directionOfBound(op);
  e.direction = direction;
  e.target = bound;
  let b = e.baseline;
  let y0 = indicator.baselineYear;
  if (b === null) {
    const first = earliestUpTo(series, options.year);
    if (first && obs && first.year < obs.year && first.num !== null) {
      b = first.num;
      y0 = first.year;
    }
  }
  // A pace exists only from a start that does not yet meet the bound.
  const fromBehind = b !== null && !meets(op, b, bound);
  const span = indicator.targetYear - y0;
  if (fromBehind && span > 0 && b !== null) {
    const share = Math.min(1, Math.max(0, (options.year - y0) / span));
    e.expected = round(b + (bound - b) * share);
  } else {
    e.expected = bound;
  }
  if (!obs || obs.num === null) {
    noData(e);
    return;
  }
  if (unitClash(e, indicator, obs)) return;
  if (oppositeBound(e, obs, direction)) return;
  const x = obs.num;
  if (surelyMeets(op, bound, obs)) {
    e.status = 'achieved';
    if (!explaining) return;
    const xs = obs.raw;
    say(
      e,
      `${obs.year}年实际值${xs}，满足目标${indicator.target.raw}`,
      `observed ${xs} in ${obs.year} meets the target ${indicator.target.raw}`,
    );
    return;
  }
  const remaining = indicator.targetYear - obs.year;
  if (remaining > 0) e.neededPerYear = round((bound - x) / remaining);
  if (fromBehind && b !== null) {
    const r = paceRatio(b, x, bound, obs.year - y0, span, direction);
    if (r !== null) {
      e.ratio = round(r);
      e.status = statusFromRatio(r);
      pathReason(e, obs.year, numText(obs), r, indicator.targetYear, f(bound));
      return;
    }
  }
  gapStatus(e, obs, bound, indicator.target.raw, b !== null && meets(op, b, bound));
}

/** A bound missed where no pace can be measured: judged by how far it is missed. */
function gapStatus(
  e: IndicatorEvaluation,
  obs: ObservedValue,
  bound: number,
  raw: string,
  fellBack: boolean,
): void {
  const x = obs.num as number;
  const gap = bound === 0 ? Math.abs(x) : Math.abs(x - bound) / Math.abs(bound);
  e.status = gap <= THRESHOLDS.gapLagging ? 'lagging' : 'seriously_lagging';
  if (quiet(e)) return;
  const back = fellBack ? '（基期已满足，现已退出）' : '';
  const backEn = fellBack ? ' (the baseline met it; the value has fallen back)' : '';
  const xs = obs.raw;
  const year = obs.year;
  if (x === bound) {
    // On the number of a strict bound, or an observed bound that may lie on it: no gap to print.
    const bs = f(bound);
    say(
      e,
      obs.op === null
        ? `${year}年实际值${xs}，等于界值${bs}，未满足目标${raw}${back}`
        : `${year}年实际值${xs}，不能确定满足目标${raw}${back}`,
      obs.op === null
        ? `observed ${xs} in ${year} equals ${bs}: the target ${raw} is not met${backEn}`
        : `observed ${xs} in ${year} may not meet the target ${raw}${backEn}`,
    );
    return;
  }
  // Percentage points for a bound of 0, where no share can be taken.
  const gs = bound === 0 ? f(gap) : `${f(gap * 100)}%`;
  say(
    e,
    `${year}年实际值${xs}，未满足目标${raw}${back}，相差${gs}`,
    `observed ${xs} in ${year} misses the target ${raw}${backEn} by ${gs}`,
  );
}

function evaluateRange(
  e: IndicatorEvaluation,
  indicator: Indicator,
  series: readonly ObservedValue[],
  obs: ObservedValue | null,
  options: EvaluateOptions,
  min: number,
  max: number,
): void {
  e.rule = 'range.band';
  const b = e.baseline;
  if (obs && obs.num !== null && obs.op === null && obs.num >= min && obs.num <= max) {
    if (unitClash(e, indicator, obs)) return;
    e.direction = b === null || (b >= min && b <= max) ? 'hold' : b < min ? 'increase' : 'decrease';
    e.target = b !== null && b > max ? max : min;
    e.expected = e.target;
    e.status = 'achieved';
    if (!explaining) return;
    say(
      e,
      `${obs.year}年实际值${obs.raw}，在目标区间${indicator.target.raw}内`,
      `observed ${obs.raw} in ${obs.year} is within the target range ${indicator.target.raw}`,
    );
    return;
  }
  // Outside the band: the edge to reach is the one on the side of the observed value.
  const above = obs?.num !== null && obs?.num !== undefined ? obs.num > max : b !== null && b > max;
  evaluateBound(e, indicator, series, obs, options, above ? 'le' : 'ge', above ? max : min);
  e.rule = 'range.band';
}

function evaluateCumulative(
  e: IndicatorEvaluation,
  indicator: Indicator,
  series: readonly ObservedValue[],
  options: EvaluateOptions,
  target: Extract<Value, { kind: 'cumulative' }>,
): void {
  e.rule = 'cumulative.share';
  const total = target.inner.num.value;
  const cap =
    target.inner.kind === 'bound' && (target.inner.op === 'le' || target.inner.op === 'lt');
  e.direction = cap ? 'decrease' : 'increase';
  e.target = total;
  const { start, end } = options.period;
  const n = end - start + 1;
  const k = Math.min(n, Math.max(0, options.year - start + 1));
  const due = (total * k) / n;
  e.expected = round(due);
  // A 【x】 observation is the running total since the period began; a plain one, the year's own.
  let sum = 0;
  let last: ObservedValue | null = null;
  let years = 0;
  for (const o of series) {
    if (o.year < start || o.year > options.year || o.num === null) continue;
    if (o.value?.kind === 'cumulative') {
      sum = o.num;
      years = o.year - start + 1;
    } else {
      sum += o.num;
      years++;
    }
    last = o;
  }
  if (!last) {
    noData(e);
    return;
  }
  if (unitClash(e, indicator, last)) return;
  e.observed = { year: last.year, value: round(sum), raw: last.raw };
  const counted = explaining ? `（计入${years}/${k}年）` : '';
  const countedEn = explaining ? ` (${years} of ${k} years reported)` : '';
  if (cap) {
    e.status = sum <= total ? (options.year >= end ? 'achieved' : 'on_track') : 'seriously_lagging';
    if (!explaining) return;
    const ss = f(sum);
    const ts = f(total);
    say(
      e,
      `截至${last.year}年累计${ss}${counted}，上限为${ts}`,
      `running total ${ss} by ${last.year}${countedEn} against a cap of ${ts}`,
    );
    return;
  }
  const r = due > 0 ? sum / due : null;
  if (r !== null) e.ratio = round(r);
  const remaining = end - options.year;
  // 【约21.9】 is reached within the 约 band.
  const reach = target.inner.kind === 'approx' ? total * (1 - THRESHOLDS.approxBand) : total;
  const done = sum >= reach;
  if (!done && remaining > 0) e.neededPerYear = round((total - sum) / remaining);
  if (done) e.status = 'achieved';
  else if (r === null) e.status = 'no_data';
  else e.status = statusFromRatio(r);
  if (quiet(e)) return;
  const ns = e.neededPerYear === null ? '' : f(e.neededPerYear);
  const need = ns && `；余下每年需完成${ns}`;
  const needEn = ns && `; ${ns} a year needed`;
  const ss = f(sum);
  const ts = f(total);
  const ds = f(due);
  const rs = r === null ? '' : f(r);
  say(
    e,
    `截至${last.year}年累计完成${ss}${counted}，五年目标${ts}，按期应完成${ds}${rs && `，为应完成量的${rs}倍`}${need}`,
    `running total ${ss} by ${last.year}${countedEn} of a ${ts} total; ${ds} due${rs && `, ${rs} of the share due`}${needEn}`,
  );
}

function evaluateGrowth(
  e: IndicatorEvaluation,
  series: readonly ObservedValue[],
  options: EvaluateOptions,
  rate: number,
): void {
  e.rule = 'growth.average';
  e.target = rate;
  e.expected = rate;
  e.direction = rate > 0 ? 'increase' : rate < 0 ? 'decrease' : 'hold';
  const { start, end } = options.period;
  // Observations are each year's growth in percent; an x* observation is the average so far.
  let product = 1;
  let years = 0;
  let last: ObservedValue | null = null;
  for (const o of series) {
    if (o.year < start || o.year > options.year || o.num === null) continue;
    if (o.value?.kind === 'growth') {
      years = o.year - start + 1;
      product = (1 + o.num / 100) ** years;
    } else {
      product *= 1 + o.num / 100;
      years++;
    }
    last = o;
  }
  if (!last || years === 0) {
    noData(e);
    return;
  }
  const avg = (product ** (1 / years) - 1) * 100;
  e.observed = { year: last.year, value: round(avg), raw: last.raw };
  const remaining = end - last.year;
  const finished = options.year >= end;
  // From the period's end nothing remains to be done: no rate "needed from now".
  if (remaining > 0 && !finished) {
    const needed =
      (((1 + rate / 100) ** (years + remaining) / product) ** (1 / remaining) - 1) * 100;
    e.neededPerYear = round(needed);
  }
  if (rate === 0) {
    e.status =
      Math.abs(avg) <= THRESHOLDS.growthHoldPoints
        ? finished
          ? 'achieved'
          : 'on_track'
        : deadline
          ? 'not_achieved'
          : 'lagging';
  } else {
    const r = avg / rate;
    e.ratio = round(r);
    e.status = finished ? (r >= 1 ? 'achieved' : 'not_achieved') : statusFromRatio(r);
  }
  if (!explaining) return;
  const ns = e.neededPerYear === null ? '' : f(e.neededPerYear);
  const need = ns && `；余下年份需年均${ns}%`;
  const needEn = ns && `; ${ns}% a year needed from now`;
  const as = f(avg);
  const gs = f(rate);
  const rs = e.ratio === null ? '' : f(e.ratio);
  say(
    e,
    `${start}—${last.year}年年均增长${as}%（${years}年），目标年均${gs}%${rs && `，为目标的${rs}倍`}${need}`,
    `average growth ${as}% over ${years} years to ${last.year} against ${gs}% a year${rs && `; ${rs} of the target rate`}${needEn}`,
  );
}

function evaluateHoldStable(
  e: IndicatorEvaluation,
  indicator: Indicator,
  series: readonly ObservedValue[],
  obs: ObservedValue | null,
  options: EvaluateOptions,
): void {
  e.rule = 'hold.stable';
  let level = e.baseline;
  if (level === null) {
    const first = earliestUpTo(series, options.year);
    if (!obs) {
      noData(e);
      return;
    }
    if (!first || first.num === null || first.year === obs.year) {
      e.status = 'not_assessable';
      say(
        e,
        '规划无基期值，仅有一个年份的实际值，无法判断是否保持稳定',
        'no baseline and a single observed year: cannot tell whether the level is held',
      );
      return;
    }
    level = first.num;
    e.baseline = level;
  }
  e.target = level;
  holdBand(e, indicator, obs, level);
}

function evaluateHoldLevel(
  e: IndicatorEvaluation,
  indicator: Indicator,
  obs: ObservedValue | null,
  op: BoundOp,
  bound: number,
): void {
  e.direction = 'hold';
  e.target = bound;
  e.expected = bound;
  if (!obs || obs.num === null) {
    noData(e);
    return;
  }
  if (unitClash(e, indicator, obs)) return;
  if (surelyMeets(op, bound, obs)) {
    e.status = deadline ? 'achieved' : 'on_track';
    if (!explaining) return;
    say(
      e,
      `${obs.year}年实际值${obs.raw}，保持在${indicator.target.raw.replace(/^(稳定在|保持在)/, '')}`,
      `observed ${obs.raw} in ${obs.year}: held as ${indicator.target.raw} requires`,
    );
    return;
  }
  if (oppositeBound(e, obs, directionOfBound(op))) return;
  gapStatus(e, obs, bound, indicator.target.raw, false);
}

function evaluateAllCovered(e: IndicatorEvaluation, obs: ObservedValue | null): void {
  e.rule = 'all_covered';
  e.direction = 'hold';
  e.target = 100;
  e.expected = 100;
  if (!obs) {
    noData(e);
    return;
  }
  if (obs.answer === null && !isCoverage(obs)) {
    // 3500人 is a count, not a coverage: nothing says whether everyone eligible is covered.
    e.status = 'not_assessable';
    say(
      e,
      `${obs.year}年实际：${obs.raw}，不是覆盖率（应填0至100的百分比，或 是/否）`,
      `${obs.raw} in ${obs.year} is not a coverage (give a percentage from 0 to 100, or yes/no)`,
    );
    return;
  }
  const covered = obs.answer !== null ? obs.answer : surelyMeets('ge', 100, obs);
  if (covered) {
    e.status = deadline ? 'achieved' : 'on_track';
    say(
      e,
      `${obs.year}年实际：${obs.raw}，应保尽保`,
      `${obs.raw} in ${obs.year}: all eligible covered`,
    );
    return;
  }
  if (obs.num === null) {
    e.status = 'lagging';
    say(
      e,
      `${obs.year}年实际：${obs.raw}，未做到应保尽保`,
      `${obs.raw} in ${obs.year}: not all eligible covered`,
    );
    return;
  }
  e.status = obs.num >= THRESHOLDS.coverageLagging ? 'lagging' : 'seriously_lagging';
  if (!explaining) return;
  say(
    e,
    `${obs.year}年覆盖率${obs.raw}，未做到应保尽保（应为100%）`,
    `coverage ${obs.raw} in ${obs.year}: short of all eligible (100%)`,
  );
}

/** A percentage from 0 to 100, written with % or with no unit at all. */
function isCoverage(o: ObservedValue): boolean {
  if (o.value?.kind === 'allCovered') return true;
  if (o.num === null || o.num < 0 || o.num > 100) return false;
  const u = unitOf(o.value);
  return u === null || u === '%';
}
