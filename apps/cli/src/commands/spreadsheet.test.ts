import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFirstAdmin } from '@minsheng/api';
import { regionPackages } from '@minsheng/catalog';
import { createDb, migrateToLatest, seedCatalog } from '@minsheng/db';
import { COLUMNS, yearColumn } from '@minsheng/reports/spreadsheet/layout';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = new URL('../../bin/minsheng.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sheets-'));
const env = {
  ...process.env,
  MINSHENG_DATA_DIR: join(dir, 'data'),
  DATABASE_URL: '',
  INIT_CWD: dir,
};
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, cwd: dir });

/** Types a value into the 2023 column of one indicator's row, as a planner would in Excel. */
async function fill(file: string, out: string, values: Record<string, string>) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  for (const sheet of book.worksheets) {
    const header = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
    const col = header.indexOf(yearColumn(2023)) + 1;
    sheet.eachRow((row, n) => {
      const v = values[row.getCell(1).text];
      if (n > 2 && v !== undefined) row.getCell(col).value = v;
    });
  }
  await book.xlsx.writeFile(out);
}

// Each run starts the CLI and opens an embedded database: seconds, not milliseconds.
describe('minsheng export / import observations', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    // The server's first start creates the admin the CLI acts as; do that here.
    const db = createDb({ dataDir: env.MINSHENG_DATA_DIR });
    await migrateToLatest(db.kysely);
    await seedCatalog(db.kysely, regionPackages);
    await ensureFirstAdmin(db.kysely, { password: 'first admin password' });
    await db.close();
  }, 300_000);

  it('exports a county as Excel, and takes a filled copy back, all or nothing', async () => {
    const exported = run(
      'export',
      '--region',
      '510824',
      '--year',
      '2023',
      '--format',
      'xlsx',
      '-o',
      'cangxi.xlsx',
    );
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(
      /wrote .*cangxi.xlsx: 37 indicators of 苍溪县“十四五”公共服务和就业促进规划, 2023/,
    );

    await fill(join(dir, 'cangxi.xlsx'), join(dir, 'bad.xlsx'), {
      'nursery-places-per-1000': '1 2',
      'life-expectancy': '77.9',
    });
    const bad = run('import', 'observations', 'bad.xlsx', '--region', '510824', '--year', '2023');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('nothing imported: 1 problem(s) in bad.xlsx');
    expect(bad.stderr).toMatch(/幼有所育 row 3, 2023年实际值: "1 2" — cannot read "1 2"/);

    await fill(join(dir, 'cangxi.xlsx'), join(dir, 'good.xlsx'), {
      'nursery-places-per-1000': '1.20',
      'life-expectancy': '77.9',
    });
    const good = run('import', 'observations', 'good.xlsx', '--region', '510824', '--year', '2023');
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain('imported 2 value(s) for 2023');

    // Submitted values do not count until approved: the export still shows no 2023 value.
    const json = run(
      'export',
      '--region',
      '510824',
      '--year',
      '2023',
      '--format',
      'json',
      '-o',
      '-',
    );
    const nursery = JSON.parse(json.stdout).indicators.find(
      (i: { id: string }) => i.id === 'nursery-places-per-1000',
    );
    expect(nursery.observations).toEqual([]);
  });

  it('writes CSV a spreadsheet program opens, and refuses what it cannot do', () => {
    expect(
      run('export', '--region', '510824', '--format', 'csv', '--year', '2023', '-o', 'c.csv')
        .status,
    ).toBe(0);
    const csv = readFileSync(join(dir, 'c.csv'), 'utf8');
    expect(csv.startsWith(`\uFEFF${COLUMNS.id},`)).toBe(true);
    const wrong = run('export', '--region', '510824', '--format', 'pdf');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('--format must be one of json, csv, xlsx, got "pdf"');
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect(
      run('import', 'observations', 'notes.txt', '--region', '510824', '--year', '2023').stderr,
    ).toContain('cannot read notes.txt as a spreadsheet: a spreadsheet is .xlsx or .csv');
  });
});
