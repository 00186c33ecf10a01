import type {
  AlignmentRowKind,
  EvaluationStatus,
  FieldKey,
  PlanKind,
  ProjectStatus,
  Region,
  Severity,
  StatusCounts,
} from '@minsheng/domain';

// The report models: what a page shows, already worded and formatted, so that rendering is
// layout only and the numbers can be tested without reading a PDF.

export type ReportKind = 'monitoring' | 'midterm' | 'standards' | 'alignment';

/** The kinds evaluated in a year, which need --year. */
export const YEAR_KINDS: readonly ReportKind[] = ['monitoring', 'midterm'];

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  monitoring: '年度监测报告',
  midterm: '中期评估报告',
  standards: '基本公共服务项目及标准清单',
  alignment: '规划对标报告',
};

export interface PlanHeader {
  id: string;
  title: string;
  kind: PlanKind;
  kindLabel: string;
  period: { start: number; end: number };
  issuer: string;
  documentNumber: string | null;
  issueDate: string | null;
}

export interface ReportBase {
  kind: ReportKind;
  /** The document's title, as on the cover. */
  title: string;
  region: Region;
  /** 四川省 / 广元市 / 苍溪县 */
  regionPath: string;
  plan: PlanHeader;
  /** YYYY-MM-DD: the day the report was generated. */
  generatedOn: string;
}

export interface IndicatorRow {
  id: string;
  name: string;
  unit: string | null;
  natureLabel: string;
  binding: boolean;
  /** 2020年：4.5 */
  baseline: string;
  /** The target as the plan writes it, with its year. */
  target: string;
  /** The latest approved value up to the year, as entered, with its year; '—' when none. */
  observed: string;
  /** Where the indicator should stand in the year; '—' where the rule has no such number. */
  expected: string;
  status: EvaluationStatus;
  statusLabel: string;
  reason: string;
  flagged: boolean;
  /** Actual over required pace, formatted; '—' when none. */
  ratio: string;
  /** What each remaining year must add (growth targets: grow by); '—' when none. */
  neededPerYear: string;
}

export interface FieldSection {
  key: FieldKey;
  label: string;
  rows: IndicatorRow[];
}

export interface StatusSummary {
  total: number;
  byStatus: StatusCounts;
  byField: { field: FieldKey; label: string; total: number; byStatus: StatusCounts }[];
  byNature: { label: string; counts: StatusCounts; total: number }[];
}

/** A lagging indicator's figures for a line chart: the straight path and what was observed. */
export interface IndicatorChart {
  indicatorId: string;
  title: string;
  unit: string | null;
  statusLabel: string;
  /** The straight path from the baseline to the target. */
  path: { year: number; value: number }[];
  observed: { year: number; value: number }[];
  /** The year evaluated and the value expected then, marked on the chart. */
  expected: { year: number; value: number } | null;
}

export interface ProjectRow {
  id: string;
  box: string;
  /** The number and short name (or group), where the plan gives them. */
  name: string;
  text: string;
  quantities: string;
  responsible: string;
  status: ProjectStatus | null;
  statusLabel: string;
  progress: string;
  note: string;
}

export interface ProjectSummary {
  total: number;
  byStatus: { status: ProjectStatus | null; label: string; count: number }[];
  boxes: { box: string; rows: ProjectRow[] }[];
}

export interface MonitoringReport extends ReportBase {
  kind: 'monitoring';
  year: number;
  observationCount: number;
  summary: StatusSummary;
  flagged: IndicatorRow[];
  fields: FieldSection[];
  charts: IndicatorChart[];
  projects: ProjectSummary;
}

export interface AlignmentSection {
  upperRegion: Region;
  upperPlan: PlanHeader;
  counts: { kind: AlignmentRowKind; label: string; count: number }[];
  groups: { kind: AlignmentRowKind; label: string; rows: AlignmentLine[] }[];
}

export interface AlignmentLine {
  severity: Severity;
  severityLabel: string;
  message: string;
  lowerId: string;
  upperId: string;
}

export interface MidtermReport extends ReportBase {
  kind: 'midterm';
  year: number;
  /** Years of the period elapsed by the end of `year`, and the period's length. */
  elapsedYears: number;
  totalYears: number;
  remainingYears: number;
  observationCount: number;
  summary: StatusSummary;
  flagged: IndicatorRow[];
  fields: FieldSection[];
  charts: IndicatorChart[];
  projects: ProjectSummary;
  /** Against the nearest plan above; null where there is none. */
  alignment: AlignmentSection | null;
}

export interface StandardItemRow {
  number: number;
  name: string;
  content: string;
  targetGroup: string;
  standard: string;
  funding: string;
  coverage: string;
  leadDepartment: string;
}

export interface StandardsReport extends ReportBase {
  kind: 'standards';
  declaredCount: number | null;
  itemCount: number;
  fields: {
    label: string;
    contentAndGoal: string | null;
    declaredCount: number | null;
    /** The plan's tables the items stand in, where it has several. */
    items: StandardItemRow[];
  }[];
}

export interface PlanCheckLine {
  severityLabel: string;
  where: string;
  message: string;
}

export interface AlignmentReport extends ReportBase {
  kind: 'alignment';
  alignment: AlignmentSection | null;
  /** Checks inside the plan itself (declared counts, duplicate targets, units, natures). */
  checks: PlanCheckLine[];
}

export type Report = MonitoringReport | MidtermReport | StandardsReport | AlignmentReport;
