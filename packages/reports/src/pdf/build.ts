import {
  ALIGNMENT_ROW_KINDS,
  type Alignment,
  type AlignmentRowKind,
  describeRef,
  EVALUATION_STATUS_LABELS,
  type IndicatorEvaluation,
  NATURE_LABELS,
  PLAN_KIND_LABELS,
  type Plan,
  type PlanSummary,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  SEVERITY_LABELS,
} from '@minsheng/domain';
import type { RegionPlan, ReportData } from '../types.ts';
import { formatNumber, formatRatio, isoDate, withYear } from './format.ts';
import {
  type AlignmentReport,
  type AlignmentSection,
  type FieldSection,
  type IndicatorChart,
  type IndicatorRow,
  type MidtermReport,
  type MonitoringReport,
  type PlanHeader,
  type ProjectSummary,
  REPORT_KIND_LABELS,
  type ReportBase,
  type ReportKind,
  type StandardsReport,
  type StatusSummary,
} from './model.ts';

// Model building is pure: data and a date in, a report model out. Everything a page says is
// decided here, so tests can check the words and numbers without reading a PDF.

export const ALIGNMENT_KIND_LABELS: Record<AlignmentRowKind, string> = {
  binding_missing_below: '上级约束性指标缺失',
  indicator_missing_below: '上级预期性指标缺失',
  indicator_only_below: '本级新增指标',
  binding_only_expected_below: '上级约束性、本级为预期性',
  target_less_ambitious: '目标低于上级',
  target_more_ambitious: '目标高于上级',
  target_equal: '目标与上级一致',
  target_not_comparable: '目标无法比较',
  service_missing_below: '上级服务项目缺失',
  service_added_below: '本级新增服务项目',
  service_renamed: '服务项目名称不同',
  service_count: '服务项目数量',
};

function planHeader(plan: Plan): PlanHeader {
  return {
    id: plan.id,
    title: plan.title,
    kind: plan.kind,
    kindLabel: PLAN_KIND_LABELS[plan.kind],
    period: { ...plan.period },
    issuer: plan.issuer,
    documentNumber: plan.documentNumber,
    issueDate: plan.issueDate,
  };
}

function base(kind: ReportKind, data: ReportData, now: Date): ReportBase {
  return {
    kind,
    title: `${data.region.name}${REPORT_KIND_LABELS[kind]}`,
    region: data.region,
    regionPath: [...data.ancestors, data.region].map((r) => r.name).join(' / '),
    plan: planHeader(data.plan),
    generatedOn: isoDate(now),
  };
}

/** Checks that a year can be evaluated against the plan; the message names both. */
export function assertYearInPeriod(plan: Plan, year: number): void {
  if (!Number.isInteger(year) || year < plan.period.start || year > plan.period.end) {
    throw new RangeError(
      `year ${year} is outside the period ${plan.period.start}–${plan.period.end} of plan ${plan.id} (${plan.title})`,
    );
  }
}

function indicatorRow(plan: Plan, e: IndicatorEvaluation): IndicatorRow {
  const indicator = plan.indicators.find((i) => i.id === e.indicatorId);
  if (!indicator) throw new Error(`evaluation of unknown indicator ${e.indicatorId}`);
  return {
    id: e.indicatorId,
    name: indicator.name,
    unit: indicator.unit,
    natureLabel: indicator.nature ? NATURE_LABELS[indicator.nature] : '—',
    binding: indicator.nature === 'binding',
    baseline: withYear(indicator.baselineYear, indicator.baseline.raw),
    target: withYear(indicator.targetYear, indicator.target.raw),
    observed: e.observed
      ? `${withYear(e.observed.year, e.observed.raw)}${e.stale ? '（数据滞后）' : ''}`
      : '—',
    expected: formatNumber(e.expected),
    status: e.status,
    statusLabel: EVALUATION_STATUS_LABELS[e.status],
    reason: e.reason.zh,
    flagged: e.flagged,
    ratio: formatRatio(e.ratio),
    neededPerYear: formatNumber(e.neededPerYear),
  };
}

function statusSummary(s: PlanSummary): StatusSummary {
  const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
  return {
    total: s.total,
    byStatus: s.byStatus,
    byField: s.byField,
    byNature: [
      {
        label: NATURE_LABELS.binding,
        counts: s.byNature.binding,
        total: total(s.byNature.binding),
      },
      {
        label: NATURE_LABELS.expected,
        counts: s.byNature.expected,
        total: total(s.byNature.expected),
      },
      {
        label: '未标注',
        counts: s.byNature.unspecified,
        total: total(s.byNature.unspecified),
      },
    ].filter((n) => n.total > 0),
  };
}

/** Fields in the plan's order; in each, binding indicators first, then the table's order. */
function fieldSections(plan: Plan, rows: IndicatorRow[]): FieldSection[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, FieldSection>();
  for (const i of plan.indicators) {
    const row = byId.get(i.id);
    if (!row) continue;
    let section = out.get(i.field.label);
    if (!section) {
      section = { key: i.field.key, label: i.field.label, rows: [] };
      out.set(i.field.label, section);
    }
    section.rows.push(row);
  }
  for (const section of out.values()) {
    // A stable sort keeps the table's order within each nature.
    section.rows.sort((a, b) => Number(b.binding) - Number(a.binding));
  }
  return [...out.values()];
}

const CHARTED_RULES = new Set(['level.path', 'bound.condition', 'level.no_baseline']);

/**
 * A chart for each lagging indicator whose target is a level: the straight path from the
 * baseline to the target against the approved observations. Cumulative and growth targets
 * are rates or shares, not levels on a path; their numbers stay in the table.
 */
function charts(
  plan: Plan,
  data: ReportData,
  evaluations: IndicatorEvaluation[],
): IndicatorChart[] {
  const out: IndicatorChart[] = [];
  for (const e of evaluations) {
    if (e.status !== 'lagging' && e.status !== 'seriously_lagging') continue;
    if (!CHARTED_RULES.has(e.rule) || e.target === null) continue;
    const indicator = plan.indicators.find((i) => i.id === e.indicatorId);
    if (!indicator) continue;
    const observed = data.observations
      .filter((o) => o.indicatorId === e.indicatorId && o.year <= e.year)
      .map((o) => ({ year: o.year, value: Number.parseFloat(o.value.replace(/[^\d.+-]/g, '')) }))
      .filter((o) => Number.isFinite(o.value))
      .sort((a, b) => a.year - b.year);
    const path =
      e.baseline !== null
        ? [
            { year: indicator.baselineYear, value: e.baseline },
            { year: indicator.targetYear, value: e.target },
          ]
        : [{ year: indicator.targetYear, value: e.target }];
    out.push({
      indicatorId: e.indicatorId,
      title: indicator.name,
      unit: indicator.unit,
      statusLabel: EVALUATION_STATUS_LABELS[e.status],
      path,
      observed,
      expected: e.expected !== null ? { year: e.year, value: e.expected } : null,
    });
  }
  return out;
}

function projectSummary(data: ReportData): ProjectSummary {
  const counts = new Map<string, number>();
  const boxes = new Map<string, ProjectSummary['boxes'][number]>();
  for (const p of data.plan.projects) {
    const progress = data.projectProgress[p.id];
    const status = progress?.status ?? null;
    counts.set(status ?? 'none', (counts.get(status ?? 'none') ?? 0) + 1);
    let box = boxes.get(p.box);
    if (!box) {
      box = { box: p.box, rows: [] };
      boxes.set(p.box, box);
    }
    const label = [p.number ? `${p.number}.` : '', p.name ?? p.group ?? ''].join(' ').trim();
    box.rows.push({
      id: p.id,
      box: p.box,
      name: label || '—',
      text: p.text,
      quantities: p.quantities.map((q) => q.text).join('；') || '—',
      responsible: p.responsible.join('、') || '—',
      status,
      statusLabel: status ? PROJECT_STATUS_LABELS[status] : '未报告',
      progress: progress ? `${progress.progress}%` : '—',
      note: progress?.note ?? '',
    });
  }
  return {
    total: data.plan.projects.length,
    byStatus: [
      ...PROJECT_STATUSES.map((s) => ({
        status: s,
        label: PROJECT_STATUS_LABELS[s],
        count: counts.get(s) ?? 0,
      })),
      { status: null, label: '未报告', count: counts.get('none') ?? 0 },
    ].filter((s) => s.count > 0),
    boxes: [...boxes.values()],
  };
}

function evaluated(data: ReportData, year: number) {
  assertYearInPeriod(data.plan, year);
  const evaluation = data.evaluations[year];
  if (!evaluation) {
    throw new RangeError(`no evaluation of plan ${data.plan.id} for ${year} was loaded`);
  }
  const { evaluations, summary } = evaluation;
  const rows = evaluations.map((e) => indicatorRow(data.plan, e));
  const flaggedIds = summary.flagged.map((f) => f.indicatorId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    evaluations,
    summary: statusSummary(summary),
    flagged: flaggedIds.map((id) => byId.get(id)).filter((r): r is IndicatorRow => !!r),
    fields: fieldSections(data.plan, rows),
    charts: charts(data.plan, data, evaluations),
    observationCount: data.observations.filter((o) => o.year <= year).length,
  };
}

export function buildMonitoringReport(data: ReportData, year: number, now: Date): MonitoringReport {
  const e = evaluated(data, year);
  return {
    ...base('monitoring', data, now),
    title: `${data.region.name}${year}年度基本公共服务规划监测报告`,
    kind: 'monitoring',
    year,
    observationCount: e.observationCount,
    summary: e.summary,
    flagged: e.flagged,
    fields: e.fields,
    charts: e.charts,
    projects: projectSummary(data),
  };
}

function alignmentSection(plan: Plan, upper: RegionPlan, a: Alignment): AlignmentSection {
  const lowerName = (id: string | null) =>
    id ? (plan.indicators.find((i) => i.id === id)?.id ?? id) : '—';
  return {
    upperRegion: upper.region,
    upperPlan: planHeader(upper.plan),
    counts: ALIGNMENT_ROW_KINDS.map((kind) => ({
      kind,
      label: ALIGNMENT_KIND_LABELS[kind],
      count: a.counts[kind] ?? 0,
    })).filter((c) => c.count > 0),
    groups: ALIGNMENT_ROW_KINDS.map((kind) => ({
      kind,
      label: ALIGNMENT_KIND_LABELS[kind],
      rows: a.rows
        .filter((r) => r.kind === kind)
        .map((r) => ({
          severity: r.severity,
          severityLabel: SEVERITY_LABELS[r.severity],
          message: r.message.zh,
          lowerId: lowerName(r.lower.id),
          upperId: r.upper.id ?? '—',
        })),
    }))
      .filter((g) => g.rows.length > 0)
      // What needs acting on first: groups with errors, then warnings, then information.
      .sort((a, b) => worst(a.rows) - worst(b.rows)),
  };
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
const worst = (rows: { severity: keyof typeof SEVERITY_RANK }[]): number =>
  Math.min(...rows.map((r) => SEVERITY_RANK[r.severity]));

export function buildMidtermReport(data: ReportData, year: number, now: Date): MidtermReport {
  const e = evaluated(data, year);
  const totalYears = data.plan.period.end - data.plan.period.start + 1;
  const elapsedYears = year - data.plan.period.start + 1;
  return {
    ...base('midterm', data, now),
    title: `${data.plan.title}中期评估报告`,
    kind: 'midterm',
    year,
    elapsedYears,
    totalYears,
    remainingYears: totalYears - elapsedYears,
    observationCount: e.observationCount,
    summary: e.summary,
    flagged: e.flagged,
    fields: e.fields,
    charts: e.charts,
    projects: projectSummary(data),
    alignment: alignmentOf(data),
  };
}

function alignmentOf(data: ReportData): AlignmentSection | null {
  return data.upper && data.alignment
    ? alignmentSection(data.plan, data.upper, data.alignment)
    : null;
}

export function buildStandardsReport(data: ReportData, now: Date): StandardsReport {
  const plan = data.plan;
  const fields = new Map<string, StandardsReport['fields'][number]>();
  for (const sf of plan.serviceFields) {
    fields.set(sf.field.label, {
      label: sf.field.label,
      contentAndGoal: sf.contentAndGoal ?? null,
      declaredCount: sf.declaredCount,
      items: [],
    });
  }
  let n = 0;
  for (const s of plan.services) {
    let field = fields.get(s.field.label);
    if (!field) {
      field = { label: s.field.label, contentAndGoal: null, declaredCount: null, items: [] };
      fields.set(s.field.label, field);
    }
    field.items.push({
      number: ++n,
      name: s.name,
      content: s.content ?? '',
      targetGroup: s.targetGroup ?? '',
      standard: s.standard ?? '',
      funding: s.funding ?? '',
      coverage: s.coverage ?? '',
      leadDepartment: s.leadDepartment ?? '',
    });
  }
  return {
    ...base('standards', data, now),
    title: `${data.region.name}基本公共服务项目及标准清单`,
    kind: 'standards',
    declaredCount: plan.declaredServiceCount,
    itemCount: plan.services.length,
    fields: [...fields.values()].filter((f) => f.items.length > 0 || f.contentAndGoal),
  };
}

export function buildAlignmentReport(data: ReportData, now: Date): AlignmentReport {
  return {
    ...base('alignment', data, now),
    title: `${data.region.name}规划对标报告`,
    kind: 'alignment',
    alignment: alignmentOf(data),
    checks: data.checks.map((f) => ({
      severityLabel: SEVERITY_LABELS[f.severity],
      where: f.where.map(describeRef).join('；'),
      message: f.message.zh,
    })),
  };
}
