import { findRegionPackage } from '@minsheng/catalog';
import { ObservedValueTextSchema } from '@minsheng/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, toCsv } from './csv.ts';
import { readValues } from './import.ts';
import { COLUMNS, yearColumn } from './layout.ts';

/**
 * The spreadsheet reader under generated files: CSV text from nothing (`parseCsv` answers rows
 * or a CsvError, and reads back exactly what `toCsv` wrote), and tables shaped like an export
 * with hostile cells (`readValues` never throws; what it accepts is a known indicator with a
 * value the grammar takes, each once). FUZZ_RUNS sets the count per property (default 10,000).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

const plan = findRegionPackage('510824')?.plans[0];
if (!plan) throw new Error('the 苍溪县 package has no plan');
const ids = plan.indicators.map((i) => i.id);

const hostile = fc.oneof(
  fc.constantFrom(
    "'; drop table observations; --",
    '=cmd|" /C calc"!A0',
    '<script>alert(1)</script>',
    '\uD800',
    '\u0000',
    '1e309',
    'NaN',
    'Infinity',
    '-0',
    '99999999999999999999999',
    '≥85%',
    '约2.5万',
    '是',
    '',
    ' ',
    '"',
    '""',
    ',',
    '\r\n',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double().map(String),
  fc.constantFrom('1', '2.5', '4.50', '100%'),
);

const csvChars = fc.string({
  unit: fc.constantFrom('a', '1', ',', '"', '\n', '\r', ' ', '民', '\uFEFF', '\uD800'),
  maxLength: 200,
});

describe('spreadsheet reading under generated input', () => {
  it(`parseCsv answers ${RUNS} texts with rows or a CsvError`, () => {
    const tally = { texts: 0, rows: 0, refused: 0 };
    fc.assert(
      fc.property(fc.oneof(csvChars, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        tally.texts++;
        try {
          tally.rows += parseCsv(text).length;
        } catch (error) {
          expect(error).toBeInstanceOf(CsvError);
          tally.refused++;
        }
      }),
      { numRuns: RUNS },
    );
    console.log(
      `[fuzz csv] ${tally.texts} texts: ${tally.rows} rows read, ${tally.refused} refused (CsvError)`,
    );
    expect(tally.texts).toBe(RUNS);
  });

  it(`parseCsv reads back exactly what toCsv wrote (${RUNS} tables)`, () => {
    const cell = fc.oneof(hostile, fc.string({ unit: 'grapheme', maxLength: 20 }));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          expect(parseCsv(toCsv(rows))).toEqual(rows);
        },
      ),
      { numRuns: RUNS },
    );
    console.log(`[fuzz csv] ${RUNS} tables round-tripped through toCsv and parseCsv`);
  });

  it(`readValues answers ${RUNS} hostile tables without throwing, accepting only good values`, () => {
    const tally = { tables: 0, accepted: 0, problems: 0 };
    const header = fc.constantFrom(
      [COLUMNS.id, COLUMNS.name, yearColumn(2023), COLUMNS.source, COLUMNS.note],
      [COLUMNS.id, yearColumn(2024)],
      [COLUMNS.name, COLUMNS.id],
      [yearColumn(2023)],
    );
    const row = fc.array(fc.oneof(fc.constantFrom(...ids), hostile), { maxLength: 6 });
    const table = fc.record({
      sheet: fc.oneof(fc.constantFrom('幼有所育', 'CSV'), fc.string({ maxLength: 10 })),
      rows: fc
        .tuple(fc.array(row, { maxLength: 3 }), header, fc.array(row, { maxLength: 30 }))
        .map(([before, h, after]): string[][] => [...before, [...h], ...after]),
    });
    fc.assert(
      fc.property(
        fc.array(table, { minLength: 0, maxLength: 3 }),
        fc.oneof(fc.integer({ min: 2019, max: 2027 }), fc.integer()),
        (tables, year) => {
          tally.tables += tables.length;
          const { values, problems } = readValues(tables, plan, year);
          tally.accepted += values.length;
          tally.problems += problems.length;
          const once = new Set<string>();
          for (const v of values) {
            expect(ids).toContain(v.indicatorId);
            expect(ObservedValueTextSchema.safeParse(v.value).success).toBe(true);
            expect(once.has(v.indicatorId)).toBe(false);
            once.add(v.indicatorId);
          }
          if (year < plan.period.start || year > plan.period.end) expect(values).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
    console.log(
      `[fuzz spreadsheet] ${RUNS} inputs (${tally.tables} tables): ${tally.accepted} values accepted, ${tally.problems} problems named`,
    );
    expect(tally.accepted).toBeGreaterThan(0);
  });
});
