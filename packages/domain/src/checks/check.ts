import { z } from 'zod';
import { levelNumber } from '../evaluation/evaluate.ts';
import { BilingualSchema } from '../evaluation/types.ts';
import type { Indicator, Plan } from '../model/plan.ts';
import { type SourceRef, SourceRefSchema } from '../model/source.ts';
import type { Value } from '../value/value.ts';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;
export const SEVERITY_LABELS: Record<Severity, string> = {
  error: '错误',
  warning: '警示',
  info: '提示',
};

export const PLAN_FINDING_KINDS = [
  'field_count_mismatch',
  'service_count_mismatch',
  'field_counts_vs_total',
  'duplicate_target',
  'conflicting_text_target',
  'target_behind_baseline',
  'missing_unit',
  'missing_nature',
  'unexplained_marker',
] as const;
export const PlanFindingKindSchema = z.enum(PLAN_FINDING_KINDS);
export type PlanFindingKind = z.infer<typeof PlanFindingKindSchema>;

export const PlanFindingSchema = z.object({
  kind: PlanFindingKindSchema,
  severity: SeveritySchema,
  planId: z.string(),
  message: BilingualSchema,
  /** Where in the plan: every place involved, the first being the main one. */
  where: z.array(SourceRefSchema).min(1),
  indicatorIds: z.array(z.string()).default([]),
});
export type PlanFinding = z.infer<typeof PlanFindingSchema>;

/** A SourceRef in words: 表1 第3项（第78行）. */
export function describeRef(ref: SourceRef): string {
  const item = ref.item ? ` 第${ref.item}项` : '';
  const line = ref.line ? `（第${ref.line}行）` : '';
  return `${ref.section}${item}${line}`;
}

/** The indicator's name without the unit the table appends: 九年义务教育巩固率(%) → 九年义务教育巩固率. */
export function coreName(name: string): string {
  return name
    .replace(/^其中[:：]/, '')
    .replace(/\s*[（(][^（()）]*[)）]\s*$/, '')
    .replace(/[%％]\s*$/, '')
    .trim();
}

/** Reads one plan on its own and reports what does not add up, each finding with its place. */
export function checkPlan(plan: Plan): PlanFinding[] {
  const out: PlanFinding[] = [];
  const add = (
    kind: PlanFindingKind,
    severity: Severity,
    zh: string,
    en: string,
    where: SourceRef[],
    indicatorIds: string[] = [],
  ) => {
    out.push({ kind, severity, planId: plan.id, message: { zh, en }, where, indicatorIds });
  };
  checkCounts(plan, add);
  checkDuplicates(plan, add);
  checkTextTargets(plan, add);
  checkBehind(plan, add);
  checkUnitsAndNatures(plan, add);
  checkMarkers(plan, add);
  return out;
}

type Add = (
  kind: PlanFindingKind,
  severity: Severity,
  zh: string,
  en: string,
  where: SourceRef[],
  indicatorIds?: string[],
) => void;

function checkCounts(plan: Plan, add: Add): void {
  let declaredSum = 0;
  let allDeclared = plan.serviceFields.length > 0;
  for (const sf of plan.serviceFields) {
    // Services carry the field's own label; fall back to the key where a plan relabels.
    let listed = plan.services.filter((s) => s.field.label === sf.field.label).length;
    if (listed === 0) listed = plan.services.filter((s) => s.field.key === sf.field.key).length;
    if (sf.declaredCount === null) {
      allDeclared = false;
      continue;
    }
    declaredSum += sf.declaredCount;
    if (sf.declaredCount !== listed) {
      add(
        'field_count_mismatch',
        'warning',
        `“${sf.field.label}”声明共${sf.declaredCount}项，实际列出${listed}项`,
        `"${sf.field.label}" declares ${sf.declaredCount} items but lists ${listed}`,
        [sf.source],
      );
    }
  }
  const firstService = plan.services[0]?.source ?? plan.serviceFields[0]?.source;
  if (plan.declaredServiceCount !== null && plan.declaredServiceCount !== plan.services.length) {
    add(
      'service_count_mismatch',
      'warning',
      `规划声明${plan.declaredServiceCount}项基本公共服务，服务清单实际列出${plan.services.length}项`,
      `the plan declares ${plan.declaredServiceCount} basic public services; its list has ${plan.services.length}`,
      [firstService ?? { section: plan.title }],
    );
  }
  if (
    allDeclared &&
    plan.declaredServiceCount !== null &&
    declaredSum !== plan.declaredServiceCount
  ) {
    add(
      'field_counts_vs_total',
      'warning',
      `各领域声明项数合计${declaredSum}项，与规划声明的${plan.declaredServiceCount}项不符`,
      `the fields' declared counts add up to ${declaredSum}, not the ${plan.declaredServiceCount} the plan declares`,
      plan.serviceFields.map((f) => f.source),
    );
  }
}

function checkDuplicates(plan: Plan, add: Add): void {
  const groups = new Map<string, Indicator[]>();
  for (const i of plan.indicators) {
    const key = i.canonicalKey ?? `name:${coreName(i.name)}`;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const targets = new Set(list.map((i) => i.target.raw));
    if (targets.size < 2) continue;
    const first = list[0] as Indicator;
    const values = list.map((i) => `${i.target.raw}（${describeRef(i.source)}）`).join('、');
    const valuesEn = list.map((i) => `${i.target.raw} (${describeRef(i.source)})`).join(', ');
    add(
      'duplicate_target',
      'error',
      `同一指标“${coreName(first.name)}”有不同目标值：${values}`,
      `the same indicator "${coreName(first.name)}" has different targets: ${valuesEn}`,
      list.map((i) => i.source),
      list.map((i) => i.id),
    );
  }
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The plan's prose restating an indicator's target with another number (旺苍县: 表1 sets
 * 九年义务教育巩固率 99.8, its standards table says 巩固率达到99.5%). Only names of four or more
 * characters are searched, so a short word does not match unrelated text.
 */
function checkTextTargets(plan: Plan, add: Add): void {
  // A text that is itself an indicator's source (达州's tasks) is covered by duplicate_target.
  const own = new Set(plan.indicators.map((i) => refKey(i.source)));
  const texts: Array<{ text: string; where: SourceRef }> = [];
  for (const s of plan.services) {
    if (own.has(refKey(s.source))) continue;
    for (const t of [s.content, s.standard, s.coverage])
      if (t) texts.push({ text: t, where: s.source });
  }
  for (const p of plan.projects) {
    if (!own.has(refKey(p.source))) texts.push({ text: p.text, where: p.source });
  }
  if (texts.length === 0) return;
  for (const i of plan.indicators) {
    const t = levelNumber(i.target.value);
    if (t === null || i.target.value.kind === 'growth' || i.target.value.kind === 'cumulative')
      continue;
    const name = coreName(i.name);
    if (name.length < 4) continue;
    const unit = i.unit ?? unitOfValue(i.target.value);
    const re = new RegExp(
      `${escapeRe(name)}(?:达到|达|为|保持在|稳定在|提高到|提升至|提高至|不低于)?\\s*(\\d+(?:\\.\\d+)?)(\\s*[%％]|[\\p{Script=Han}]{1,3})?`,
      'gu',
    );
    for (const { text, where } of texts) {
      for (const m of text.matchAll(re)) {
        const n = Number(m[1]);
        const after = (m[2] ?? '').trim();
        // 失业保险3年以上 is not a number of 万人: the words after the number must fit the unit.
        if (after && unit && !unitFits(after, unit)) continue;
        if (n === t) continue;
        add(
          'conflicting_text_target',
          'error',
          `“${name}”在表中目标为${i.target.raw}（${describeRef(i.source)}），而${describeRef(where)}写作“${m[0]}”`,
          `"${name}": the table's target is ${i.target.raw} (${describeRef(i.source)}) but ${describeRef(where)} says "${m[0]}"`,
          [i.source, where],
          [i.id],
        );
      }
    }
  }
}

const refKey = (r: SourceRef): string => `${r.section}|${r.item ?? ''}|${r.line ?? ''}`;

function unitFits(after: string, unit: string): boolean {
  const pct = (u: string) => u === '%' || u === '％';
  if (pct(unit)) return pct(after) || !/^\p{Script=Han}/u.test(after) || /^以[上下]/.test(after);
  if (pct(after)) return false;
  return after.startsWith(unit) || unit.startsWith(after) || /^以[上下]/.test(after);
}

function unitOfValue(v: Value): string | null {
  switch (v.kind) {
    case 'number':
    case 'sum':
    case 'bound':
    case 'approx':
    case 'range':
      return v.unit ?? null;
    default:
      return null;
  }
}

/**
 * Targets that permit falling back from where the region already stands. Only forms that fix
 * their own direction are judged: for a plain number the direction is whatever target and
 * baseline say, so it can never be "behind".
 */
function checkBehind(plan: Plan, add: Add): void {
  for (const i of plan.indicators) {
    const b = levelNumber(i.baseline.value);
    if (b === null) continue;
    const t: Value = i.target.value;
    let behind = false;
    let why = '';
    let whyEn = '';
    if (t.kind === 'bound') {
      const n = t.num.value;
      if ((t.op === 'ge' || t.op === 'gt') && n < b) {
        behind = true;
        why = `下限${t.num.text}低于基期值${i.baseline.raw}`;
        whyEn = `the floor ${t.num.text} is below the baseline ${i.baseline.raw}`;
      } else if ((t.op === 'le' || t.op === 'lt') && n > b) {
        behind = true;
        why = `上限${t.num.text}高于基期值${i.baseline.raw}`;
        whyEn = `the ceiling ${t.num.text} is above the baseline ${i.baseline.raw}`;
      }
    } else if (
      t.kind === 'cumulative' &&
      i.baseline.value.kind === 'cumulative' &&
      t.inner.num.value < b
    ) {
      behind = true;
      why = `五年累计目标${i.target.raw}低于上一时期的${i.baseline.raw}`;
      whyEn = `the five-year total ${i.target.raw} is below the previous period's ${i.baseline.raw}`;
    } else if (
      t.kind === 'hold' &&
      t.level &&
      t.level.num.value < b &&
      (t.level.op === 'ge' || t.level.op === 'gt')
    ) {
      behind = true;
      why = `保持水平${t.level.num.text}低于基期值${i.baseline.raw}`;
      whyEn = `the level held, ${t.level.num.text}, is below the baseline ${i.baseline.raw}`;
    }
    if (behind) {
      add(
        'target_behind_baseline',
        'warning',
        `“${coreName(i.name)}”的目标落后于基期：${why}`,
        `"${coreName(i.name)}": the target is behind its baseline: ${whyEn}`,
        [i.source],
        [i.id],
      );
    }
  }
}

const unitInValue = (v: Value): boolean => {
  switch (v.kind) {
    case 'number':
    case 'sum':
    case 'bound':
    case 'approx':
    case 'range':
    case 'growth':
      return Boolean(v.unit);
    case 'cumulative':
      return Boolean(v.inner.unit);
    default:
      return false;
  }
};

function checkUnitsAndNatures(plan: Plan, add: Add): void {
  const table = plan.indicatorTable?.title ?? '指标表';
  const noneHasNature =
    plan.indicators.length > 0 && plan.indicators.every((i) => i.nature === null);
  if (noneHasNature) {
    add(
      'missing_nature',
      'info',
      `“${table}”未标明任何指标的属性（约束性/预期性）`,
      `"${table}" gives no indicator a nature (binding/expected)`,
      [plan.indicators[0]?.source ?? { section: table }],
    );
  }
  for (const i of plan.indicators) {
    if (i.unit === null && !unitInValue(i.target.value) && !unitInValue(i.baseline.value)) {
      add(
        'missing_unit',
        'warning',
        `“${i.name}”未标明计量单位`,
        `"${i.name}" has no unit`,
        [i.source],
        [i.id],
      );
    }
    if (!noneHasNature && i.nature === null) {
      add(
        'missing_nature',
        'warning',
        `“${i.name}”未标明指标属性（约束性/预期性）`,
        `"${i.name}" has no nature (binding/expected)`,
        [i.source],
        [i.id],
      );
    }
  }
}

const MARKERS = [
  {
    style: '【】',
    test: (v: Value) => v.kind === 'cumulative' && v.style === '【】',
    explained: /【】/,
  },
  {
    style: '[]',
    test: (v: Value) => v.kind === 'cumulative' && v.style === '[]',
    explained: /\[\]/,
  },
  { style: '*', test: (v: Value) => v.kind === 'growth', explained: /\*|＊/ },
] as const;

function checkMarkers(plan: Plan, add: Add): void {
  const footnote = plan.indicatorTable?.footnote ?? '';
  for (const m of MARKERS) {
    if (m.explained.test(footnote)) continue;
    const using = plan.indicators.filter((i) => m.test(i.target.value) || m.test(i.baseline.value));
    if (using.length === 0) continue;
    const names = using.map((i) => coreName(i.name)).join('、');
    add(
      'unexplained_marker',
      'warning',
      `表中使用了${m.style}标记（${names}），但表注${footnote ? `“${footnote}”` : '缺失，'}未说明其含义`,
      `the table uses the ${m.style} marker (${using.length} indicators) but ${footnote ? 'its footnote does not explain it' : 'has no footnote'}`,
      using.map((i) => i.source),
      using.map((i) => i.id),
    );
  }
}
