import { ObservedValueTextSchema, type Plan } from '@minsheng/domain';
import ExcelJS from 'exceljs';
import { parseCsv } from './csv.ts';
import { COLUMNS, yearColumn } from './layout.ts';

/** One cell the import cannot take, named the way a planner finds it in the file. */
export interface CellProblem {
  sheet: string;
  row: number;
  column: string;
  value: string;
  why: string;
}

export interface ImportedValue {
  indicatorId: string;
  value: string;
  source: string | null;
  note: string | null;
}

export interface ImportOutcome {
  values: ImportedValue[];
  problems: CellProblem[];
}

interface Table {
  sheet: string;
  rows: string[][];
}

export async function readTables(file: string, bytes: Buffer): Promise<Table[]> {
  if (/\.csv$/i.test(file)) return [{ sheet: 'CSV', rows: parseCsv(bytes.toString('utf8')) }];
  if (!/\.xlsx$/i.test(file)) throw new Error('a spreadsheet is .xlsx or .csv');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(row.getCell(c).text ?? '');
      rows[n - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { sheet: ws.name, rows };
  });
}

/**
 * Reads the year's values out of tables laid out as `export` writes them. All or nothing: every
 * problem is collected, and a caller writes nothing unless the list is empty.
 */
export function readValues(tables: readonly Table[], plan: Plan, year: number): ImportOutcome {
  const problems: CellProblem[] = [];
  const values: ImportedValue[] = [];
  const known = new Set(plan.indicators.map((i) => i.id));
  const seen = new Map<string, string>();
  const column = yearColumn(year);
  if (year < plan.period.start || year > plan.period.end) {
    problems.push({
      sheet: '-',
      row: 0,
      column,
      value: String(year),
      why: `${year} is outside the plan period ${plan.period.start}–${plan.period.end}`,
    });
    return { values, problems };
  }
  let sheetsWithHeader = 0;
  for (const { sheet, rows } of tables) {
    const h = rows.findIndex((r) => r.some((c) => c.trim() === COLUMNS.id));
    if (h < 0) continue;
    sheetsWithHeader++;
    const header = rows[h]!.map((c) => c.trim());
    const at = (name: string) => header.indexOf(name);
    const idCol = at(COLUMNS.id);
    const valueCol = at(column);
    if (valueCol < 0) {
      problems.push({
        sheet,
        row: h + 1,
        column,
        value: '',
        why: `no column "${column}" in the header`,
      });
      continue;
    }
    for (let r = h + 1; r < rows.length; r++) {
      const cells = rows[r] ?? [];
      const id = (cells[idCol] ?? '').trim();
      const raw = (cells[valueCol] ?? '').trim();
      if (!id && !raw) continue;
      const where = { sheet, row: r + 1 };
      if (!known.has(id)) {
        problems.push({
          ...where,
          column: COLUMNS.id,
          value: id,
          why: id ? `not an indicator of plan ${plan.id}` : 'a value with no indicator',
        });
        continue;
      }
      if (!raw) continue;
      const earlier = seen.get(id);
      if (earlier) {
        problems.push({
          ...where,
          column: COLUMNS.id,
          value: id,
          why: `the same indicator again (first at ${earlier})`,
        });
        continue;
      }
      seen.set(id, `${sheet} row ${r + 1}`);
      const parsed = ObservedValueTextSchema.safeParse(raw);
      if (!parsed.success) {
        problems.push({
          ...where,
          column,
          value: raw,
          why: parsed.error.issues[0]?.message ?? 'not a value',
        });
        continue;
      }
      const text = (name: string) => {
        const i = at(name);
        const v = i >= 0 ? (cells[i] ?? '').trim() : '';
        return v ? v : null;
      };
      values.push({
        indicatorId: id,
        value: raw,
        source: text(COLUMNS.source),
        note: text(COLUMNS.note),
      });
    }
  }
  if (sheetsWithHeader === 0) {
    problems.push({
      sheet: '-',
      row: 0,
      column: COLUMNS.id,
      value: '',
      why: `no sheet has a "${COLUMNS.id}" header: use the layout \`minsheng export\` writes`,
    });
  } else if (values.length === 0 && problems.length === 0) {
    problems.push({
      sheet: '-',
      row: 0,
      column,
      value: '',
      why: `no values for ${year} in the file`,
    });
  }
  return { values, problems };
}
