import { findRegionPackage } from '@minsheng/catalog';
import { evaluatePlan, type ObservedPoint } from '@minsheng/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv.ts';
import { exportCsv, exportJson, exportXlsx } from './export.ts';
import { readTables, readValues } from './import.ts';
import { COLUMNS, yearColumn } from './layout.ts';

const pkg = findRegionPackage('510824')!;
const plan = pkg.plans[0]!;
const observations: ObservedPoint[] = [
  { indicatorId: 'nursery-places-per-1000', year: 2022, value: '0.95' },
  { indicatorId: 'urban-registered-unemployment', year: 2022, value: '4.50' },
];
const input = {
  region: pkg.region,
  plan,
  year: 2023,
  observations,
  evaluations: evaluatePlan(plan, observations, 2023),
};

/** Fills the 2023 column of an exported workbook the way a planner would, then re-reads it. */
async function filled(edit: (sheet: ExcelJS.Worksheet, header: string[]) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await exportXlsx(input)) as unknown as ArrayBuffer);
  for (const sheet of book.worksheets) {
    const header = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
    edit(sheet, header);
  }
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('spreadsheets', () => {
  it('exports one sheet per field, with every indicator, values as text', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportXlsx(input)) as unknown as ArrayBuffer);
    const fields = new Set(plan.indicators.map((i) => i.field.label));
    expect(book.worksheets.map((s) => s.name)).toEqual([...fields]);
    const ids = book.worksheets.flatMap((s) => s.getColumn(1).values.slice(3).map(String));
    expect(ids).toEqual(plan.indicators.map((i) => i.id));
    const employment = book.worksheets.find((s) => s.name === '劳有所得')!;
    const header = (employment.getRow(2).values as unknown[]).slice(1).map(String);
    const row = employment
      .getRows(3, employment.rowCount - 2)!
      .find((r) => r.getCell(1).text === 'urban-registered-unemployment')!;
    expect(row.getCell(header.indexOf(yearColumn(2022)) + 1).text).toBe('4.50');
    expect(row.getCell(header.findIndex((h) => h.startsWith(COLUMNS.target)) + 1).text).toBe('≤4');
  });

  it('reads back what a planner typed into the year column, exactly as typed', async () => {
    const bytes = await filled((sheet, header) => {
      const col = header.indexOf(yearColumn(2023)) + 1;
      sheet.eachRow((row, n) => {
        if (n < 3) return;
        const id = row.getCell(1).text;
        if (id === 'nursery-places-per-1000') row.getCell(col).value = '1.20';
        if (id === 'orphan-care-coverage') row.getCell(col).value = '应保尽保';
      });
    });
    const outcome = readValues(await readTables('x.xlsx', bytes), plan, 2023);
    expect(outcome.problems).toEqual([]);
    expect(outcome.values).toEqual([
      { indicatorId: 'nursery-places-per-1000', value: '1.20', source: null, note: null },
      { indicatorId: 'orphan-care-coverage', value: '应保尽保', source: null, note: null },
    ]);
  });

  it('lists every bad cell with sheet, row, column, value and why', async () => {
    const bytes = await filled((sheet, header) => {
      const col = header.indexOf(yearColumn(2023)) + 1;
      if (sheet.name !== '幼有所育') return;
      sheet.getRow(3).getCell(col).value = '1 2';
      sheet.getRow(4).getCell(1).value = 'no-such-indicator';
      sheet.getRow(4).getCell(col).value = '5';
    });
    const { problems, values } = readValues(await readTables('x.xlsx', bytes), plan, 2023);
    expect(values).toEqual([]);
    expect(problems).toEqual([
      {
        sheet: '幼有所育',
        row: 3,
        column: yearColumn(2023),
        value: '1 2',
        why: expect.stringContaining('cannot read "1 2"'),
      },
      {
        sheet: '幼有所育',
        row: 4,
        column: COLUMNS.id,
        value: 'no-such-indicator',
        why: 'not an indicator of plan cangxi-14th',
      },
    ]);
  });

  it('refuses a year outside the plan period', () => {
    expect(readValues([], plan, 2030).problems[0]?.why).toBe(
      '2030 is outside the plan period 2021–2025',
    );
  });

  it('round-trips CSV text, quotes and Chinese', async () => {
    const csv = exportCsv(input);
    const rows = parseCsv(csv);
    expect(rows[0]).toContain(COLUMNS.id);
    expect(rows.slice(1).map((r) => r[0])).toEqual(plan.indicators.map((i) => i.id));
    const tricky = [['a,b', 'say "hi"', '4.50', ' 1 ', '≥2.6\n（注）']];
    expect(parseCsv(toCsv(tricky))).toEqual(tricky);
    expect(() => parseCsv('"open')).toThrow(/not closed/);
  });

  it("exports JSON with observations and the year's evaluation", () => {
    const json = JSON.parse(exportJson(input));
    const nursery = json.indicators.find((i: { id: string }) => i.id === 'nursery-places-per-1000');
    expect(nursery.observations).toEqual([{ year: 2022, value: '0.95' }]);
    expect(nursery.evaluation.year).toBe(2023);
    expect(json.indicators).toHaveLength(plan.indicators.length);
  });
});
