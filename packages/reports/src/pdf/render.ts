import {
  EVALUATION_STATUS_LABELS,
  EVALUATION_STATUSES,
  type EvaluationStatus,
} from '@minsheng/domain';
import { drawLineChart, drawStatusBars, STATUS_COLORS } from './charts.ts';
import { loadFonts } from './fonts.ts';
import {
  COLORS,
  CONTENT_WIDTH,
  type Column,
  PAGE,
  type RenderedPdf,
  ReportDocument,
  type TableRow,
} from './layout.ts';
import {
  type AlignmentReport,
  type AlignmentSection,
  type FieldSection,
  type IndicatorRow,
  type MidtermReport,
  type MonitoringReport,
  type ProjectSummary,
  REPORT_KIND_LABELS,
  type Report,
  type ReportBase,
  type StandardsReport,
  type StatusSummary,
} from './model.ts';

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const section = (i: number) => `${CN_NUMBERS[i] ?? String(i + 1)}、`;

/** Renders a report model to PDF bytes. Pure layout: every word comes from the model. */
export function renderReport(report: Report): Promise<RenderedPdf> {
  const rd = new ReportDocument(loadFonts(), {
    title: report.title,
    runningHeader: `${report.title}  ·  ${report.plan.title}`,
    subject: `${REPORT_KIND_LABELS[report.kind]} ${report.region.code} ${report.plan.id}`,
  });
  switch (report.kind) {
    case 'monitoring':
      renderMonitoring(rd, report);
      break;
    case 'midterm':
      renderMidterm(rd, report);
      break;
    case 'standards':
      renderStandards(rd, report);
      break;
    case 'alignment':
      renderAlignment(rd, report);
      break;
  }
  return rd.finish();
}

function cover(rd: ReportDocument, r: ReportBase, lines: [string, string][]): void {
  rd.doc.y = PAGE.top + 150;
  rd.text(r.regionPath, { size: 12, align: 'center', color: COLORS.muted, gap: 18 });
  rd.text(r.title, { size: 22, bold: true, align: 'center', gap: 36 });
  rd.doc
    .moveTo(PAGE.left + 60, rd.y)
    .lineTo(PAGE.width - PAGE.right - 60, rd.y)
    .lineWidth(1)
    .strokeColor(COLORS.accent)
    .stroke();
  rd.doc.y += 30;
  const p = r.plan;
  const rows: [string, string][] = [
    ['规划', p.title],
    ['规划类型', `${p.kindLabel}（${p.period.start}—${p.period.end}年）`],
    ['印发单位', p.issuer],
    ...(p.documentNumber ? [['文号', p.documentNumber] as [string, string]] : []),
    ...(p.issueDate ? [['印发日期', p.issueDate] as [string, string]] : []),
    ...lines,
    ['生成日期', r.generatedOn],
  ];
  for (const [k, v] of rows) {
    const y = rd.y;
    rd.setFont(11, true);
    rd.doc.text(rd.safe(k, true), PAGE.left + 60, y, { width: 80, align: 'right' });
    rd.setFont(11);
    rd.doc.text(rd.safe(v), PAGE.left + 160, y, { width: 260 });
    rd.doc.y = Math.max(rd.doc.y, y + 16) + 6;
  }
  rd.doc.y = PAGE.height - PAGE.bottom - 40;
  rd.text('Minsheng 民生 · 公共服务规划监测系统', {
    size: 9,
    align: 'center',
    color: COLORS.muted,
  });
  rd.newPage();
}

function countsSentence(s: StatusSummary): string {
  const parts = EVALUATION_STATUSES.filter((k) => s.byStatus[k] > 0).map(
    (k) => `${EVALUATION_STATUS_LABELS[k]}${s.byStatus[k]}项`,
  );
  return `纳入评价的指标共${s.total}项${parts.length ? `，其中${parts.join('，')}` : ''}。`;
}

const statusColumns = (): Column[] =>
  EVALUATION_STATUSES.map((s) => ({
    header: EVALUATION_STATUS_LABELS[s],
    width: 1,
    align: 'center',
  }));

function summaryTables(rd: ReportDocument, s: StatusSummary): void {
  rd.heading('（一）分领域评价结果', 3);
  const rows: TableRow[] = s.byField.map((f) => ({
    cells: [f.label, ...EVALUATION_STATUSES.map((k) => String(f.byStatus[k])), String(f.total)],
  }));
  rows.push({
    cells: ['合计', ...EVALUATION_STATUSES.map((k) => String(s.byStatus[k])), String(s.total)],
    bold: true,
  });
  rd.table(
    [
      { header: '领域', width: 1.8 },
      ...statusColumns(),
      { header: '合计', width: 0.8, align: 'center' },
    ],
    rows,
  );
  drawStatusBars(rd, s.byField);
  rd.heading('（二）按指标属性', 3);
  rd.table(
    [
      { header: '属性', width: 1.8 },
      ...statusColumns(),
      { header: '合计', width: 0.8, align: 'center' },
    ],
    s.byNature.map((n) => ({
      cells: [n.label, ...EVALUATION_STATUSES.map((k) => String(n.counts[k])), String(n.total)],
    })),
  );
}

function statusColor(s: EvaluationStatus): string | undefined {
  return s === 'lagging' || s === 'seriously_lagging' || s === 'achieved'
    ? STATUS_COLORS[s]
    : undefined;
}

function flaggedTable(rd: ReportDocument, rows: IndicatorRow[]): void {
  if (rows.length === 0) {
    rd.text('本年度无滞后的约束性指标。', { gap: 6 });
    return;
  }
  rd.text(`约束性指标中有${rows.length}项滞后，须重点关注：`, { gap: 4 });
  rd.table(
    [
      { header: '指标', width: 3 },
      { header: '目标值', width: 1.4 },
      { header: '实际值', width: 1.4 },
      { header: '评价', width: 1 },
      { header: '原因', width: 4 },
    ],
    rows.map((r) => ({
      cells: [r.name, r.target, r.observed, r.statusLabel, r.reason],
      colors: [undefined, undefined, undefined, statusColor(r.status)],
      fill: COLORS.flag,
    })),
  );
}

function fieldTables(rd: ReportDocument, fields: FieldSection[], midterm: boolean): void {
  fields.forEach((f, i) => {
    const columns: Column[] = midterm
      ? [
          { header: '指标', width: 2.6 },
          { header: '属性', width: 0.8, align: 'center' },
          { header: '基期值', width: 1.2 },
          { header: '目标值', width: 1.2 },
          { header: '实际值', width: 1.2 },
          { header: '预期值', width: 0.9, align: 'right' },
          { header: '进度比', width: 0.8, align: 'right' },
          { header: '剩余年均需', width: 0.9, align: 'right' },
          { header: '评价', width: 1, align: 'center' },
          { header: '说明', width: 2.6 },
        ]
      : [
          { header: '指标', width: 2.8 },
          { header: '属性', width: 0.8, align: 'center' },
          { header: '基期值', width: 1.3 },
          { header: '目标值', width: 1.3 },
          { header: '实际值', width: 1.3 },
          { header: '预期值', width: 1, align: 'right' },
          { header: '评价', width: 1, align: 'center' },
          { header: '说明', width: 3.2 },
        ];
    const rows = f.rows.map((r): TableRow => {
      const cells = midterm
        ? [
            r.name,
            r.natureLabel,
            r.baseline,
            r.target,
            r.observed,
            r.expected,
            r.ratio,
            r.neededPerYear,
            r.statusLabel,
            r.reason,
          ]
        : [
            r.name,
            r.natureLabel,
            r.baseline,
            r.target,
            r.observed,
            r.expected,
            r.statusLabel,
            r.reason,
          ];
      const colors: (string | undefined)[] = cells.map(() => undefined);
      colors[midterm ? 8 : 6] = statusColor(r.status);
      return { cells, colors, ...(r.flagged ? { fill: COLORS.flag } : {}) };
    });
    const options = { size: 7.5 };
    rd.heading(`（${CN_NUMBERS[i] ?? i + 1}）${f.label}`, 3, rd.tableStart(columns, rows, options));
    rd.table(columns, rows, options);
  });
}

function projectsSection(rd: ReportDocument, p: ProjectSummary): void {
  if (p.total === 0) {
    rd.text('本规划未列重点项目或任务。');
    return;
  }
  rd.text(
    `规划列出重点项目（任务）${p.total}项：${p.byStatus.map((s) => `${s.label}${s.count}项`).join('，')}。`,
    { gap: 4 },
  );
  const columns: Column[] = [
    { header: '项目', width: 1.6 },
    { header: '内容', width: 4.6 },
    { header: '量化内容', width: 1.8 },
    { header: '状态', width: 0.9, align: 'center' },
    { header: '进度', width: 0.7, align: 'right' },
  ];
  const options = { size: 7.5 };
  for (const box of p.boxes) {
    const rows = box.rows.map((r) => ({
      cells: [
        r.name,
        r.note ? `${r.text}\n（${r.note}）` : r.text,
        r.quantities,
        r.statusLabel,
        r.progress,
      ],
    }));
    rd.heading(box.box, 3, rd.tableStart(columns, rows, options));
    rd.table(columns, rows, options);
  }
}

function chartsSection(rd: ReportDocument, r: MonitoringReport | MidtermReport): void {
  if (r.charts.length === 0) {
    rd.text('本年度无可绘图的滞后指标（滞后指标的目标为水平值时绘制规划路径与实际值对比图）。');
    return;
  }
  rd.text('虚线为从基期值到目标值的规划路径，实线为已审核的实际值，空心圆为评价年度的预期值。', {
    size: 9,
    color: COLORS.muted,
    gap: 6,
  });
  for (const c of r.charts) drawLineChart(rd, c);
}

function dataNote(r: MonitoringReport | MidtermReport): string {
  return `评价年度为${r.year}年，仅计入已审核的监测数据（${r.observationCount}条）。各指标的评价方法见 docs/method.md：水平值目标按基期到目标的直线路径计算预期值，实际进度与所需进度之比≥0.95为基本符合预期，低于0.60为严重滞后。`;
}

function renderMonitoring(rd: ReportDocument, r: MonitoringReport): void {
  cover(rd, r, [
    ['监测年度', `${r.year}年`],
    ['指标数', `${r.summary.total}项`],
  ]);
  rd.heading(`${section(0)}总体情况`, 1);
  rd.text(countsSentence(r.summary), { gap: 4 });
  rd.text(dataNote(r), { size: 9, color: COLORS.muted, gap: 6 });
  summaryTables(rd, r.summary);
  rd.heading(`${section(1)}约束性指标预警`, 1);
  flaggedTable(rd, r.flagged);
  rd.heading(`${section(2)}分领域指标监测情况`, 1);
  fieldTables(rd, r.fields, false);
  rd.heading(`${section(3)}滞后指标走势`, 1);
  chartsSection(rd, r);
  rd.heading(`${section(4)}重点项目推进情况`, 1);
  projectsSection(rd, r.projects);
}

function alignmentBlock(rd: ReportDocument, a: AlignmentSection | null, lowerName: string): void {
  if (!a) {
    rd.text(`${lowerName}之上没有可对标的上级规划。`);
    return;
  }
  rd.text(
    `对标对象：${a.upperRegion.name}《${a.upperPlan.title}》（${a.upperPlan.period.start}—${a.upperPlan.period.end}年）。`,
    {
      gap: 4,
    },
  );
  rd.table(
    [
      { header: '对标结果', width: 3 },
      { header: '项数', width: 1, align: 'right' },
    ],
    a.counts.map((c) => ({ cells: [c.label, String(c.count)] })),
  );
  for (const g of a.groups) {
    rd.heading(`${g.label}（${g.rows.length}项）`, 3);
    rd.table(
      [
        { header: '程度', width: 0.8, align: 'center' },
        { header: '说明', width: 6 },
      ],
      g.rows.map((row) => ({
        cells: [row.severityLabel, row.message],
        ...(row.severity === 'error' ? { fill: COLORS.flag } : {}),
      })),
    );
  }
}

function renderMidterm(rd: ReportDocument, r: MidtermReport): void {
  cover(rd, r, [
    ['评估年度', `${r.year}年（规划期第${r.elapsedYears}年，共${r.totalYears}年）`],
    ['指标数', `${r.summary.total}项`],
  ]);
  rd.heading(`${section(0)}评估说明`, 1);
  rd.text(
    `本报告评估${r.plan.title}自${r.plan.period.start}年实施以来至${r.year}年的进展：规划期共${r.totalYears}年，已过${r.elapsedYears}年，尚余${r.remainingYears}年。“预期值”为按规划路径截至${r.year}年应达到的水平，“进度比”为实际进度与所需进度之比，“剩余年均需”为实现目标在剩余年份每年尚需增加的量（增速目标为每年尚需的增速）。`,
    { gap: 4 },
  );
  rd.text(dataNote(r), { size: 9, color: COLORS.muted, gap: 6 });
  rd.heading(`${section(1)}总体进展`, 1);
  rd.text(countsSentence(r.summary), { gap: 4 });
  summaryTables(rd, r.summary);
  rd.heading(`${section(2)}约束性指标`, 1);
  flaggedTable(rd, r.flagged);
  rd.heading(`${section(3)}分领域指标进展与剩余年份所需进度`, 1);
  fieldTables(rd, r.fields, true);
  rd.heading(`${section(4)}滞后指标走势`, 1);
  chartsSection(rd, r);
  rd.heading(`${section(5)}重点项目推进情况`, 1);
  projectsSection(rd, r.projects);
  rd.heading(`${section(6)}与上级规划的衔接`, 1);
  alignmentBlock(rd, r.alignment, r.region.name);
}

function renderStandards(rd: ReportDocument, r: StandardsReport): void {
  const declared = r.declaredCount !== null ? `（规划载明共${r.declaredCount}项）` : '';
  cover(rd, r, [['服务项目', `${r.itemCount}项${declared}`]]);
  // Columns the plan fills in somewhere; a plan without 覆盖水平 gets no empty column for it.
  const all = r.fields.flatMap((f) => f.items);
  const optional = (
    [
      ['content', '服务内容', 3],
      ['targetGroup', '服务对象', 2],
      ['standard', '服务标准', 3.4],
      ['funding', '支出责任', 1.6],
      ['coverage', '覆盖水平', 1.3],
      ['leadDepartment', '牵头单位', 1.3],
    ] as const
  ).filter(([key]) => all.some((i) => i[key] !== ''));
  const listed = optional.map(([, header]) => header).join('、');
  // The name takes the room of the columns this plan does not fill.
  const nameWidth = Math.max(1.8, 6 - optional.reduce((a, [, , w]) => a + w, 0));
  rd.heading(`${section(0)}说明`, 1);
  rd.text(
    `本清单依据${r.plan.title}整理，列出${r.region.name}基本公共服务项目${r.itemCount}项${declared}，按领域列示${listed ? `各项目的${listed}` : '各服务项目'}，内容以规划原文为准。`,
    { gap: 6 },
  );
  rd.heading(`${section(1)}基本公共服务项目及标准`, 1);
  r.fields.forEach((f, n) => {
    const count = f.declaredCount !== null ? `（共${f.declaredCount}项）` : '';
    const columns: Column[] = [
      { header: '序号', width: 0.6, align: 'center' },
      { header: '服务项目', width: nameWidth },
      ...optional.map(([, header, width]) => ({ header, width })),
    ];
    const rows = f.items.map((i) => ({
      cells: [String(i.number), i.name, ...optional.map(([key]) => i[key] || '—')],
    }));
    const options = { size: 7.5 };
    const intro = f.contentAndGoal ? rd.heightOf(f.contentAndGoal, CONTENT_WIDTH, 9.5) + 6 : 0;
    const table = rows.length ? rd.tableStart(columns, rows, options) : 0;
    rd.heading(`（${CN_NUMBERS[n] ?? n + 1}）${f.label}${count}`, 2, intro + table);
    if (f.contentAndGoal) rd.text(f.contentAndGoal, { size: 9.5, gap: 4 });
    if (rows.length === 0) return;
    rd.table(columns, rows, options);
  });
}

function renderAlignment(rd: ReportDocument, r: AlignmentReport): void {
  cover(rd, r, [
    [
      '对标对象',
      r.alignment
        ? `${r.alignment.upperRegion.name}《${r.alignment.upperPlan.title}》`
        : '无上级规划',
    ],
  ]);
  rd.heading(`${section(0)}与上级规划对标`, 1);
  alignmentBlock(rd, r.alignment, r.region.name);
  rd.heading(`${section(1)}规划文本自查`, 1);
  if (r.checks.length === 0) {
    rd.text('未发现规划文本内部不一致之处。');
    return;
  }
  rd.table(
    [
      { header: '程度', width: 0.8, align: 'center' },
      { header: '位置', width: 1.8 },
      { header: '说明', width: 5 },
    ],
    r.checks.map((c) => ({ cells: [c.severityLabel, c.where, c.message] })),
  );
}
