import {
  EVALUATION_STATUS_LABELS,
  EVALUATION_STATUSES,
  type EvaluationStatus,
} from '@minsheng/domain';
import { formatNumber } from './format.ts';
import { COLORS, CONTENT_WIDTH, PAGE, type ReportDocument } from './layout.ts';
import type { IndicatorChart, StatusSummary } from './model.ts';

export const STATUS_COLORS: Record<EvaluationStatus, string> = {
  achieved: '#1b7f3b',
  ahead: '#5aa469',
  on_track: '#2f6db5',
  lagging: '#e08a1e',
  seriously_lagging: '#c0392b',
  no_data: '#a0a0a0',
  not_assessable: '#d3d3d3',
};

/** Round axis steps (1, 2, 5 × 10^n) so the grid reads like a printed chart. */
function niceStep(span: number, ticks: number): number {
  const raw = span / ticks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const n = raw / pow;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * pow;
}

export const LINE_CHART_HEIGHT = 190;

/**
 * One lagging indicator: the straight path from the baseline to the target (dashed), the
 * approved observations (solid, with dots) and the value expected in the evaluated year.
 */
export function drawLineChart(rd: ReportDocument, chart: IndicatorChart): void {
  const doc = rd.doc;
  rd.ensureSpace(LINE_CHART_HEIGHT + 10);
  const top = doc.y;
  // Table names often carry their unit already: 每万人…次数(次).
  const unit = chart.unit && !chart.title.includes(chart.unit) ? `（${chart.unit}）` : '';
  rd.text(`${chart.title}${unit} — ${chart.statusLabel}`, { size: 9.5, bold: true });

  const plot = { x: PAGE.left + 44, y: doc.y + 6, w: CONTENT_WIDTH - 180, h: 120 };
  const points = [...chart.path, ...chart.observed, ...(chart.expected ? [chart.expected] : [])];
  const years = points.map((p) => p.year);
  const values = points.map((p) => p.value);
  const y0 = Math.min(...years);
  const y1 = Math.max(...years, y0 + 1);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    hi += Math.abs(hi) * 0.1 || 1;
    lo -= Math.abs(lo) * 0.1 || 1;
  }
  const step = niceStep(hi - lo, 4);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const px = (year: number) => plot.x + ((year - y0) / (y1 - y0)) * plot.w;
  const py = (v: number) => plot.y + plot.h - ((v - lo) / (hi - lo)) * plot.h;

  // Grid and axes.
  doc.lineWidth(0.3).strokeColor('#dddddd');
  rd.setFont(7);
  doc.fillColor(COLORS.muted);
  for (let v = lo; v <= hi + step / 2; v += step) {
    doc
      .moveTo(plot.x, py(v))
      .lineTo(plot.x + plot.w, py(v))
      .stroke();
    doc.text(formatNumber(v), PAGE.left, py(v) - 4, {
      width: 40,
      align: 'right',
      lineBreak: false,
    });
  }
  for (let year = y0; year <= y1; year++) {
    doc.text(String(year), px(year) - 15, plot.y + plot.h + 4, {
      width: 30,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.lineWidth(0.6).strokeColor(COLORS.rule);
  doc
    .moveTo(plot.x, plot.y)
    .lineTo(plot.x, plot.y + plot.h)
    .lineTo(plot.x + plot.w, plot.y + plot.h)
    .stroke();

  // The required path.
  const [a, b] = chart.path;
  if (a && b) {
    doc.lineWidth(1.2).strokeColor(COLORS.accent).dash(4, { space: 3 });
    doc.moveTo(px(a.year), py(a.value)).lineTo(px(b.year), py(b.value)).stroke();
    doc.undash();
  }
  for (const p of chart.path) doc.circle(px(p.year), py(p.value), 2.2).fill(COLORS.accent);

  // What was observed.
  const obs = chart.observed;
  const red = STATUS_COLORS.seriously_lagging;
  if (obs.length > 1) {
    doc.lineWidth(1.4).strokeColor(red);
    obs.forEach((p, i) => {
      if (i === 0) doc.moveTo(px(p.year), py(p.value));
      else doc.lineTo(px(p.year), py(p.value));
    });
    doc.stroke();
  }
  for (const p of obs) doc.circle(px(p.year), py(p.value), 2.6).fill(red);
  if (chart.expected) {
    doc
      .lineWidth(1)
      .strokeColor(COLORS.accent)
      .circle(px(chart.expected.year), py(chart.expected.value), 4)
      .stroke();
  }

  // Legend, right of the plot.
  const lx = plot.x + plot.w + 14;
  let ly = plot.y + 4;
  const legend = (draw: () => void, label: string) => {
    draw();
    rd.setFont(7.5);
    doc.fillColor(COLORS.text).text(rd.safe(label), lx + 22, ly - 4, { width: 110 });
    ly += 22;
  };
  legend(() => {
    doc.lineWidth(1.2).strokeColor(COLORS.accent).dash(4, { space: 3 });
    doc
      .moveTo(lx, ly)
      .lineTo(lx + 16, ly)
      .stroke();
    doc.undash();
  }, '规划路径（基期→目标）');
  legend(() => {
    doc
      .lineWidth(1.4)
      .strokeColor(red)
      .moveTo(lx, ly)
      .lineTo(lx + 16, ly)
      .stroke();
    doc.circle(lx + 8, ly, 2.6).fill(red);
  }, '已审核实际值');
  if (chart.expected) {
    const e = chart.expected;
    legend(
      () =>
        doc
          .lineWidth(1)
          .strokeColor(COLORS.accent)
          .circle(lx + 8, ly, 4)
          .stroke(),
      `${e.year}年预期值 ${formatNumber(e.value)}`,
    );
  }
  doc.fillColor(COLORS.text);
  doc.x = PAGE.left;
  doc.y = Math.max(top + LINE_CHART_HEIGHT, plot.y + plot.h + 24);
}

/** Statuses by field: one stacked horizontal bar per field, a legend below. */
export function drawStatusBars(rd: ReportDocument, byField: StatusSummary['byField']): void {
  const doc = rd.doc;
  const barH = 11;
  const gap = 6;
  const labelW = 110;
  const height = byField.length * (barH + gap) + 50;
  rd.ensureSpace(height);
  const top = doc.y + 4;
  const maxTotal = Math.max(1, ...byField.map((f) => f.total));
  const plotW = CONTENT_WIDTH - labelW - 30;
  byField.forEach((f, i) => {
    const y = top + i * (barH + gap);
    rd.setFont(8);
    doc.fillColor(COLORS.text).text(rd.safe(f.label), PAGE.left, y + 1, {
      width: labelW - 6,
      align: 'right',
      lineBreak: false,
      ellipsis: true,
    });
    let x = PAGE.left + labelW;
    for (const s of EVALUATION_STATUSES) {
      const n = f.byStatus[s] ?? 0;
      if (n === 0) continue;
      const w = (n / maxTotal) * plotW;
      doc.rect(x, y, w, barH).fill(STATUS_COLORS[s]);
      if (w >= 10) {
        rd.setFont(7);
        doc.fillColor('#ffffff').text(String(n), x, y + 2, {
          width: w,
          align: 'center',
          lineBreak: false,
        });
      }
      x += w;
    }
    rd.setFont(7);
    doc.fillColor(COLORS.muted).text(String(f.total), x + 3, y + 2, { lineBreak: false });
  });
  // Legend.
  let lx = PAGE.left + labelW;
  const ly = top + byField.length * (barH + gap) + 8;
  for (const s of EVALUATION_STATUSES) {
    const label = rd.safe(EVALUATION_STATUS_LABELS[s]);
    rd.setFont(7.5);
    const w = doc.widthOfString(label) + 22;
    if (lx + w > PAGE.width - PAGE.right) break;
    doc.rect(lx, ly, 9, 9).fill(STATUS_COLORS[s]);
    doc.fillColor(COLORS.text).text(label, lx + 12, ly + 0.5, { lineBreak: false });
    lx += w;
  }
  doc.fillColor(COLORS.text);
  doc.x = PAGE.left;
  doc.y = ly + 20;
}
