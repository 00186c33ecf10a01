import { z } from 'zod';
import { SeveritySchema } from '../checks/check.ts';
import { BilingualSchema, type Direction } from '../evaluation/types.ts';
import { CANONICAL_INDICATORS } from '../model/canonical.ts';
import type { Indicator, Plan, ServiceItem } from '../model/plan.ts';
import { SourceRefSchema } from '../model/source.ts';
import type { Value } from '../value/value.ts';

export const ALIGNMENT_ROW_KINDS = [
  'binding_missing_below',
  'indicator_missing_below',
  'indicator_only_below',
  'binding_only_expected_below',
  'target_less_ambitious',
  'target_more_ambitious',
  'target_equal',
  'target_not_comparable',
  'service_missing_below',
  'service_added_below',
  'service_renamed',
  'service_count',
] as const;
export const AlignmentRowKindSchema = z.enum(ALIGNMENT_ROW_KINDS);
export type AlignmentRowKind = z.infer<typeof AlignmentRowKindSchema>;

export const AlignmentRowSchema = z.object({
  kind: AlignmentRowKindSchema,
  severity: SeveritySchema,
  message: BilingualSchema,
  /** The canonical indicator the row is about, for indicator rows. */
  canonicalKey: z.string().nullable(),
  lower: z.object({ id: z.string().nullable(), where: SourceRefSchema.nullable() }),
  upper: z.object({ id: z.string().nullable(), where: SourceRefSchema.nullable() }),
  /** For renamed services: the similarity of the two names (0–1). */
  similarity: z.number().optional(),
});
export type AlignmentRow = z.infer<typeof AlignmentRowSchema>;

export const AlignmentSchema = z.object({
  lowerPlanId: z.string(),
  upperPlanId: z.string(),
  rows: z.array(AlignmentRowSchema),
  counts: z.record(AlignmentRowKindSchema, z.number().int()),
});
export type Alignment = z.infer<typeof AlignmentSchema>;

/** Dice similarity at or above which two unmatched service names are offered as a renaming. */
export const RENAME_SIMILARITY = 0.5;

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

type Form = 'level' | 'cumulative' | 'growth' | 'allCovered' | 'hold' | 'range' | 'none';

/** What a target says, reduced to what can be compared across plans. */
interface TargetReading {
  form: Form;
  num: number | null;
  unit: string | null;
  direction: Direction | null;
}

const normUnit = (u: string | null | undefined): string | null =>
  u ? (u === '％' ? '%' : u) : null;

function readTarget(i: Indicator): TargetReading {
  const t: Value = i.target.value;
  const b = i.baseline.value;
  const baseNum =
    b.kind === 'number' || b.kind === 'approx' || b.kind === 'bound'
      ? b.num.value
      : b.kind === 'sum'
        ? b.total
        : null;
  const unit = normUnit(i.unit);
  switch (t.kind) {
    case 'number':
    case 'approx':
    case 'sum': {
      const num = t.kind === 'sum' ? t.total : t.num.value;
      const direction: Direction | null =
        baseNum === null ? null : num > baseNum ? 'increase' : num < baseNum ? 'decrease' : 'hold';
      return { form: 'level', num, unit: unit ?? normUnit(t.unit), direction };
    }
    case 'bound':
      return {
        form: 'level',
        num: t.num.value,
        unit: unit ?? normUnit(t.unit),
        direction: t.op === 'ge' || t.op === 'gt' ? 'increase' : 'decrease',
      };
    case 'hold':
      if (t.level) {
        const op = t.level.op;
        return {
          form: 'level',
          num: t.level.num.value,
          unit: unit ?? normUnit(t.level.unit),
          direction: op === 'ge' || op === 'gt' ? 'increase' : 'decrease',
        };
      }
      return { form: 'hold', num: baseNum, unit, direction: 'hold' };
    case 'cumulative':
      return {
        form: 'cumulative',
        num: t.inner.num.value,
        unit: unit ?? normUnit(t.inner.unit),
        direction: 'increase',
      };
    case 'growth':
      return {
        form: 'growth',
        num: t.num.value,
        unit: '%',
        direction: t.num.value > 0 ? 'increase' : t.num.value < 0 ? 'decrease' : 'hold',
      };
    case 'allCovered':
      return { form: 'allCovered', num: 100, unit: '%', direction: 'hold' };
    case 'range':
      return { form: 'range', num: null, unit, direction: null };
    case 'none':
      return { form: 'none', num: null, unit, direction: null };
  }
}

/**
 * Rates, ratios, per-capita figures, ages and years compare across levels; counts do not (a
 * county's 万人 is not a province's).
 */
function isIntensive(i: Indicator, unit: string | null): boolean {
  if (unit === '%' || unit === '‰' || unit === '岁' || unit === '年') return true;
  const canonical = i.canonicalKey ? CANONICAL_INDICATORS[i.canonicalKey].name : '';
  return /每[千万百]|人均|占比|率|比例/.test(`${i.name} ${canonical}`);
}

const FORM_ZH: Record<Form, string> = {
  level: '水平值',
  cumulative: '五年累计值',
  growth: '年均增速',
  allCovered: '应保尽保',
  hold: '保持稳定',
  range: '区间',
  none: '无目标',
};

/** Sets a plan against the nearest plan above it: indicators, natures, targets, services. */
export function alignPlans(lower: Plan, upper: Plan): Alignment {
  const rows: AlignmentRow[] = [];
  alignIndicators(lower, upper, rows);
  alignServices(lower, upper, rows);
  // What needs acting on first; the sort is stable, so each side keeps its plan's order.
  rows.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const counts = {} as Record<AlignmentRowKind, number>;
  for (const k of ALIGNMENT_ROW_KINDS) counts[k] = 0;
  for (const r of rows) counts[r.kind]++;
  return { lowerPlanId: lower.id, upperPlanId: upper.id, rows, counts };
}

function byCanonical(plan: Plan): Map<string, Indicator> {
  const out = new Map<string, Indicator>();
  for (const i of plan.indicators) {
    if (i.canonicalKey && !out.has(i.canonicalKey)) out.set(i.canonicalKey, i);
  }
  return out;
}

function alignIndicators(lower: Plan, upper: Plan, rows: AlignmentRow[]): void {
  const below = byCanonical(lower);
  const above = byCanonical(upper);
  for (const [key, u] of above) {
    const l = below.get(key);
    const name = u.name;
    const upperSide = { id: u.id, where: u.source };
    if (!l) {
      const binding = u.nature === 'binding';
      rows.push({
        kind: binding ? 'binding_missing_below' : 'indicator_missing_below',
        severity: binding ? 'error' : 'warning',
        message: {
          zh: `上级${binding ? '约束性' : ''}指标“${name}”（目标${u.target.raw || '—'}）在本规划中缺失`,
          en: `the upper plan's ${binding ? 'binding ' : ''}indicator "${name}" (target ${u.target.raw || '—'}) is missing below`,
        },
        canonicalKey: key,
        lower: { id: null, where: null },
        upper: upperSide,
      });
      continue;
    }
    const lowerSide = { id: l.id, where: l.source };
    if (u.nature === 'binding' && l.nature !== 'binding') {
      const as = l.nature === 'expected' ? '为预期性' : '未标明属性';
      rows.push({
        kind: 'binding_only_expected_below',
        severity: 'warning',
        message: {
          zh: `“${name}”在上级为约束性，本规划${as}`,
          en: `"${name}" is binding above but ${l.nature === 'expected' ? 'only expected' : 'of no stated nature'} below`,
        },
        canonicalKey: key,
        lower: lowerSide,
        upper: upperSide,
      });
    }
    rows.push(compareTargets(key, l, u, lowerSide, upperSide));
  }
  for (const [key, l] of below) {
    if (above.has(key)) continue;
    rows.push({
      kind: 'indicator_only_below',
      severity: 'info',
      message: {
        zh: `“${l.name}”仅见于本规划（上级规划未设）`,
        en: `"${l.name}" appears only below (the upper plan does not set it)`,
      },
      canonicalKey: key,
      lower: { id: l.id, where: l.source },
      upper: { id: null, where: null },
    });
  }
}

function compareTargets(
  key: string,
  l: Indicator,
  u: Indicator,
  lowerSide: AlignmentRow['lower'],
  upperSide: AlignmentRow['upper'],
): AlignmentRow {
  const lt = readTarget(l);
  const ut = readTarget(u);
  const name = u.name;
  const pair = `本级${l.target.raw || '—'}，上级${u.target.raw || '—'}`;
  const pairEn = `below ${l.target.raw || '—'}, above ${u.target.raw || '—'}`;
  const row = (
    kind: AlignmentRowKind,
    severity: AlignmentRow['severity'],
    zh: string,
    en: string,
  ): AlignmentRow => ({
    kind,
    severity,
    message: { zh: `“${name}”：${zh}（${pair}）`, en: `"${name}": ${en} (${pairEn})` },
    canonicalKey: key,
    lower: lowerSide,
    upper: upperSide,
  });
  const notComparable = (zh: string, en: string) =>
    row('target_not_comparable', 'info', `目标无法比较：${zh}`, `targets not comparable: ${en}`);

  if (lt.form === 'none' || ut.form === 'none') {
    return notComparable('一方未设目标', 'one side sets no target');
  }
  if (lt.form !== ut.form) {
    return notComparable(
      `形式不同（${FORM_ZH[lt.form]}与${FORM_ZH[ut.form]}）`,
      `different forms (${lt.form} and ${ut.form})`,
    );
  }
  if (lt.unit && ut.unit && lt.unit !== ut.unit) {
    return notComparable(
      `单位不同（${lt.unit}与${ut.unit}）`,
      `different units (${lt.unit} and ${ut.unit})`,
    );
  }
  if (!isIntensive(u, ut.unit ?? lt.unit) && ut.form !== 'growth' && ut.form !== 'allCovered') {
    return notComparable(
      '总量指标，县、市、省的总量不可直接比较',
      'a count: totals of different levels do not compare',
    );
  }
  if (lt.form === 'allCovered' || lt.form === 'hold') {
    return row('target_equal', 'info', `均为${FORM_ZH[lt.form]}`, `both ${lt.form}`);
  }
  const direction =
    ut.direction && ut.direction !== 'hold'
      ? ut.direction
      : lt.direction && lt.direction !== 'hold'
        ? lt.direction
        : null;
  const a = lt.num;
  const b = ut.num;
  if (a === null || b === null) return notComparable('缺少数值', 'a number is missing');
  if (a === b) return row('target_equal', 'info', '目标相同', 'the same target');
  if (direction === null) {
    return notComparable(
      '目标与基期相同，无法判断方向',
      'both targets equal their baselines: the direction is unknown',
    );
  }
  const more = direction === 'increase' ? a > b : a < b;
  return more
    ? row('target_more_ambitious', 'info', '本级目标高于上级', 'more ambitious below')
    : row('target_less_ambitious', 'warning', '本级目标低于上级', 'less ambitious below');
}

/** A service name for matching: full-width folded, spaces, punctuation and brackets removed. */
export function normalizeServiceName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Dice coefficient of the names' character bigrams: 1 for the same name, 0 for nothing shared. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

function alignServices(lower: Plan, upper: Plan, rows: AlignmentRow[]): void {
  if (upper.services.length > 0 || lower.services.length > 0) {
    const declared = (p: Plan) =>
      p.declaredServiceCount === null ? '未声明项数' : `声明${p.declaredServiceCount}项`;
    const declaredEn = (p: Plan) =>
      p.declaredServiceCount === null ? 'declares no count' : `declares ${p.declaredServiceCount}`;
    const fewer = lower.services.length < upper.services.length;
    rows.push({
      kind: 'service_count',
      severity: fewer || lower.declaredServiceCount !== lower.services.length ? 'warning' : 'info',
      message: {
        zh: `服务清单：本规划${declared(lower)}、列出${lower.services.length}项；上级${declared(upper)}、列出${upper.services.length}项`,
        en: `service list: below ${declaredEn(lower)} and lists ${lower.services.length}; above ${declaredEn(upper)} and lists ${upper.services.length}`,
      },
      canonicalKey: null,
      lower: { id: null, where: lower.services[0]?.source ?? null },
      upper: { id: null, where: upper.services[0]?.source ?? null },
    });
  }
  if (upper.services.length === 0) return;
  const lowerLeft = new Map<string, ServiceItem[]>();
  for (const s of lower.services) {
    const k = normalizeServiceName(s.name);
    const list = lowerLeft.get(k) ?? [];
    list.push(s);
    lowerLeft.set(k, list);
  }
  const upperLeft: ServiceItem[] = [];
  for (const s of upper.services) {
    const list = lowerLeft.get(normalizeServiceName(s.name));
    if (list && list.length > 0) {
      list.shift();
    } else {
      upperLeft.push(s);
    }
  }
  const lowerRest = [...lowerLeft.values()].flat();
  // Renamed: the most similar pairs first, each item used once.
  const pairs: Array<{ u: ServiceItem; l: ServiceItem; sim: number }> = [];
  for (const u of upperLeft) {
    const un = normalizeServiceName(u.name);
    for (const l of lowerRest) {
      const sim = nameSimilarity(un, normalizeServiceName(l.name));
      if (sim >= RENAME_SIMILARITY) pairs.push({ u, l, sim });
    }
  }
  pairs.sort((a, b) => b.sim - a.sim);
  const usedU = new Set<ServiceItem>();
  const usedL = new Set<ServiceItem>();
  for (const { u, l, sim } of pairs) {
    if (usedU.has(u) || usedL.has(l)) continue;
    usedU.add(u);
    usedL.add(l);
    rows.push({
      kind: 'service_renamed',
      severity: 'info',
      message: {
        zh: `上级服务“${u.name}”在本规划中疑似改称“${l.name}”（相似度${sim.toFixed(2)}）`,
        en: `the upper plan's service "${u.name}" appears renamed "${l.name}" below (similarity ${sim.toFixed(2)})`,
      },
      canonicalKey: null,
      lower: { id: l.id, where: l.source },
      upper: { id: u.id, where: u.source },
      similarity: Math.round(sim * 1000) / 1000,
    });
  }
  for (const u of upperLeft) {
    if (usedU.has(u)) continue;
    rows.push({
      kind: 'service_missing_below',
      severity: 'warning',
      message: {
        zh: `上级服务项目“${u.name}”（${u.field.label}）在本规划中缺失`,
        en: `the upper plan's service "${u.name}" (${u.field.label}) is missing below`,
      },
      canonicalKey: null,
      lower: { id: null, where: null },
      upper: { id: u.id, where: u.source },
    });
  }
  for (const l of lowerRest) {
    if (usedL.has(l)) continue;
    rows.push({
      kind: 'service_added_below',
      severity: 'info',
      message: {
        zh: `本规划增列服务项目“${l.name}”（${l.field.label}）`,
        en: `service "${l.name}" (${l.field.label}) is added below`,
      },
      canonicalKey: null,
      lower: { id: l.id, where: l.source },
      upper: { id: null, where: null },
    });
  }
}
