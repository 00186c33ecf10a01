import {
  EVALUATION_STATUS_LABELS,
  FIELD_LABELS,
  type IndicatorEvaluation,
  NATURE_LABELS,
  type ObservedPoint,
  type Plan,
} from '@minsheng/domain';

/**
 * One table a planner reads and fills in: a row per indicator, a column per year of the plan.
 * `export` writes it; `import observations` reads the same columns back, so a file can make the
 * round trip through Excel.
 */
export const COLUMNS = {
  id: '指标编号',
  field: '领域',
  name: '指标名称',
  unit: '单位',
  nature: '指标性质',
  baseline: '基期值',
  target: '目标值',
  source: '数据来源',
  note: '备注',
  status: '评估状态',
  reason: '评估说明',
} as const;

export const yearColumn = (year: number) => `${year}年实际值`;

export interface SheetRow {
  fieldKey: string;
  fieldLabel: string;
  cells: Record<string, string>;
}

export function planYears(plan: Plan): number[] {
  const years: number[] = [];
  for (let y = plan.period.start; y <= plan.period.end; y++) years.push(y);
  return years;
}

export function headerRow(plan: Plan): string[] {
  return [
    COLUMNS.id,
    COLUMNS.field,
    COLUMNS.name,
    COLUMNS.unit,
    COLUMNS.nature,
    `${COLUMNS.baseline}（${plan.indicators[0]?.baselineYear ?? plan.period.start - 1}）`,
    `${COLUMNS.target}（${plan.indicators[0]?.targetYear ?? plan.period.end}）`,
    ...planYears(plan).map(yearColumn),
    COLUMNS.source,
    COLUMNS.note,
    COLUMNS.status,
    COLUMNS.reason,
  ];
}

/** The plan's indicators as rows, with the approved values and the year's evaluation. */
export function planRows(
  plan: Plan,
  observations: readonly ObservedPoint[],
  evaluations: readonly IndicatorEvaluation[],
): { header: string[]; rows: SheetRow[] } {
  const header = headerRow(plan);
  const byIndicator = new Map<string, Map<number, string>>();
  for (const o of observations) {
    const m = byIndicator.get(o.indicatorId) ?? new Map<number, string>();
    m.set(o.year, o.value);
    byIndicator.set(o.indicatorId, m);
  }
  const evaluation = new Map(evaluations.map((e) => [e.indicatorId, e]));
  const rows = plan.indicators.map((i) => {
    const values = byIndicator.get(i.id);
    const e = evaluation.get(i.id);
    const cells: Record<string, string> = {
      [COLUMNS.id]: i.id,
      [COLUMNS.field]: i.field.label,
      [COLUMNS.name]: i.name,
      [COLUMNS.unit]: i.unit ?? '',
      [COLUMNS.nature]: i.nature ? NATURE_LABELS[i.nature] : '',
      [header[5]!]: i.baseline.raw,
      [header[6]!]: i.target.raw,
      [COLUMNS.source]: '',
      [COLUMNS.note]: '',
      [COLUMNS.status]: e ? EVALUATION_STATUS_LABELS[e.status] : '',
      [COLUMNS.reason]: e?.reason.zh ?? '',
    };
    for (const y of planYears(plan)) cells[yearColumn(y)] = values?.get(y) ?? '';
    return { fieldKey: i.field.key, fieldLabel: i.field.label || FIELD_LABELS[i.field.key], cells };
  });
  return { header, rows };
}
