import type { IndicatorEvaluation, ObservedPoint, Plan, Region } from '@minsheng/domain';
import ExcelJS from 'exceljs';
import { toCsv } from './csv.ts';
import { COLUMNS, planRows, type SheetRow, yearColumn } from './layout.ts';

export interface ExportInput {
  region: Region;
  plan: Plan;
  year: number;
  observations: readonly ObservedPoint[];
  evaluations: readonly IndicatorEvaluation[];
}

export function exportJson(input: ExportInput): string {
  const { region, plan, year, observations, evaluations } = input;
  const evaluation = new Map(evaluations.map((e) => [e.indicatorId, e]));
  return `${JSON.stringify(
    {
      region,
      plan: {
        id: plan.id,
        title: plan.title,
        period: plan.period,
        issuer: plan.issuer,
        documentNumber: plan.documentNumber,
      },
      year,
      indicators: plan.indicators.map((i) => ({
        id: i.id,
        field: i.field,
        name: i.name,
        unit: i.unit,
        nature: i.nature,
        baseline: { year: i.baselineYear, raw: i.baseline.raw },
        target: { year: i.targetYear, raw: i.target.raw },
        observations: observations
          .filter((o) => o.indicatorId === i.id)
          .map((o) => ({ year: o.year, value: o.value })),
        evaluation: evaluation.get(i.id) ?? null,
      })),
    },
    null,
    2,
  )}\n`;
}

export function exportCsv(input: ExportInput): string {
  const { header, rows } = planRows(input.plan, input.observations, input.evaluations);
  return toCsv([header, ...rows.map((r) => header.map((h) => r.cells[h] ?? ''))]);
}

// Sheet names: at most 31 characters, none of : \ / ? * [ ].
const sheetName = (label: string, taken: Set<string>) => {
  let name = label.replace(/[:\\/?*[\]]/g, '').slice(0, 28) || '指标';
  for (let n = 2; taken.has(name); n++) name = `${name.slice(0, 26)}(${n})`;
  taken.add(name);
  return name;
};

/** One sheet per field, formatted for people: frozen header, widths, the year to fill marked. */
export async function exportXlsx(input: ExportInput): Promise<Buffer> {
  const { plan, region, year } = input;
  const { header, rows } = planRows(plan, input.observations, input.evaluations);
  const book = new ExcelJS.Workbook();
  book.creator = 'Minsheng 民生';
  book.title = `${plan.title} ${year}年监测数据`;
  const byField = new Map<string, SheetRow[]>();
  for (const r of rows) {
    const list = byField.get(r.fieldLabel) ?? [];
    list.push(r);
    byField.set(r.fieldLabel, list);
  }
  const taken = new Set<string>();
  const fillColumn = header.indexOf(yearColumn(year)) + 1;
  for (const [label, list] of byField) {
    const sheet = book.addWorksheet(sheetName(label, taken), {
      views: [{ state: 'frozen', ySplit: 2, xSplit: 3 }],
    });
    sheet.addRow([`${region.name}　${plan.title}　${year}年监测数据（${label}）`]);
    sheet.mergeCells(1, 1, 1, header.length);
    sheet.getRow(1).font = { bold: true, size: 13 };
    const head = sheet.addRow(header);
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    head.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      c.border = { bottom: { style: 'thin' } };
    });
    for (const r of list) {
      const row = sheet.addRow(header.map((h) => r.cells[h] ?? ''));
      // Text, not numbers: 4.50 and ≤4 must reach the reader, and come back, as written.
      row.eachCell((c) => {
        c.numFmt = '@';
      });
    }
    header.forEach((h, i) => {
      const col = sheet.getColumn(i + 1);
      col.width = h === COLUMNS.name ? 40 : h === COLUMNS.reason ? 48 : h === COLUMNS.id ? 22 : 12;
      if (h === COLUMNS.name || h === COLUMNS.reason)
        col.alignment = { wrapText: true, vertical: 'top' };
    });
    if (fillColumn > 0) {
      sheet.getColumn(fillColumn).eachCell((c, n) => {
        if (n > 1) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7D6' } };
      });
    }
  }
  const out = await book.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
