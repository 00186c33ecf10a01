import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRegionPackage } from '@minsheng/catalog';
import { type ImportResult, importPlanFile, importPlanText } from '../src/index.ts';
import { type Seed, seedText } from '../src/testing/seeds.ts';
import type { ExpectedIndicator, ExpectedService } from './plans.ts';

/**
 * Cell-exact scoring of the import corpus: each expected indicator's eight cells (field, name,
 * unit, years, baseline, target, nature) against what the importer read, in order. An indicator
 * read that the file does not hold counts as eight wrong cells, so reading more is no gain.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_FILES = path.join(here, 'files');
const EXPECTED = path.join(here, 'expected');

export const CELLS = [
  'field',
  'name',
  'unit',
  'baselineYear',
  'baseline',
  'targetYear',
  'target',
  'nature',
] as const;

export const SERVICE_CELLS = [
  'field',
  'name',
  'targetGroup',
  'content',
  'standard',
  'funding',
  'leadDepartment',
] as const;

export interface FileScore {
  file: string;
  layout: string;
  format: string;
  exact: number;
  total: number;
  /** Each cell that differs: row, cell, expected, read. */
  misses: Array<{ row: number; cell: string; expected: unknown; read: unknown }>;
  result: ImportResult | null;
  error: string | null;
}

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_FILES).sort();
}

function readCells(result: ImportResult): Array<Record<(typeof CELLS)[number], unknown>> {
  return result.plan.indicators.map((i) => ({
    field: i.field.label,
    name: i.name,
    unit: i.unit,
    baselineYear: i.baselineYear,
    baseline: typeof i.baseline === 'string' ? i.baseline : i.baseline.raw,
    targetYear: i.targetYear,
    target: typeof i.target === 'string' ? i.target : i.target.raw,
    nature: i.nature,
  }));
}

export { SEEDS } from '../src/testing/seeds.ts';

export async function scoreFile(file: string): Promise<FileScore> {
  const want = JSON.parse(readFileSync(path.join(EXPECTED, `${file}.json`), 'utf8')) as {
    layout: string;
    indicators: ExpectedIndicator[];
    services?: ExpectedService[];
  };
  const bytes = new Uint8Array(readFileSync(path.join(CORPUS_FILES, file)));
  const wantServices = want.services ?? [];
  const total = want.indicators.length * CELLS.length + wantServices.length * SERVICE_CELLS.length;
  let result: ImportResult;
  try {
    result = await importPlanFile(bytes, { regionCode: '510000', name: 'corpus', fileName: file });
  } catch (error) {
    return {
      file,
      layout: want.layout,
      format: '?',
      exact: 0,
      total,
      misses: [],
      result: null,
      error: (error as Error).message,
    };
  }
  const got = readCells(result);
  const misses: FileScore['misses'] = [];
  let exact = 0;
  want.indicators.forEach((w, row) => {
    for (const cell of CELLS) {
      const read = got[row]?.[cell];
      if (read === w[cell]) exact++;
      else misses.push({ row: row + 1, cell, expected: w[cell], read });
    }
  });
  const extra = Math.max(0, got.length - want.indicators.length);
  for (let k = 0; k < extra; k++) {
    misses.push({
      row: want.indicators.length + k + 1,
      cell: 'row',
      expected: null,
      read: got[want.indicators.length + k]?.name,
    });
  }
  // Services only where the file's reading lists them: a file of indicators alone is not
  // scored on services it may also hold.
  const services = want.services ? result.plan.services : [];
  wantServices.forEach((w, row) => {
    const s = services[row];
    const read: Record<(typeof SERVICE_CELLS)[number], unknown> = {
      field: s?.field.label,
      name: s?.name,
      targetGroup: s?.targetGroup,
      content: s?.content,
      standard: s?.standard,
      funding: s?.funding,
      leadDepartment: s?.leadDepartment,
    };
    for (const cell of SERVICE_CELLS) {
      if (read[cell] === w[cell]) exact++;
      else
        misses.push({ row: row + 1, cell: `service ${cell}`, expected: w[cell], read: read[cell] });
    }
  });
  const extraServices = Math.max(0, services.length - wantServices.length);
  return {
    file,
    layout: want.layout,
    format: result.format,
    exact,
    total: total + extra * CELLS.length + extraServices * SERVICE_CELLS.length,
    misses,
    result,
    error: null,
  };
}

// ---------------------------------------------------------------- the five seeds

const squeeze = (s: string) => s.replace(/[\s\p{Co}]/gu, '');

/**
 * A seed plan's indicator table against its hand-checked region package, cell by cell (field,
 * name less spaces, years, baseline, target, nature), rows matched by their line in the text.
 */
export function scoreSeed(seed: Seed): FileScore {
  const result = importPlanText(seedText(seed), {
    regionCode: seed.code,
    name: seed.name,
    fileName: seed.file,
  });
  const hand = findRegionPackage(seed.code)?.plans[0];
  const want = (hand?.indicators ?? []).filter((i) => /^表/.test(i.source.section));
  const byLine = new Map(result.plan.indicators.map((i) => [i.source.line, i]));
  const misses: FileScore['misses'] = [];
  let exact = 0;
  const raw = (c: string | { raw: string } | undefined) => (typeof c === 'string' ? c : c?.raw);
  want.forEach((h, row) => {
    const got = byLine.get(h.source.line);
    const pairs: Array<[string, unknown, unknown]> = [
      ['field', h.field.key, got?.field.key],
      ['name', squeeze(h.name), got ? squeeze(got.name) : undefined],
      ['baselineYear', h.baselineYear, got?.baselineYear],
      ['baseline', h.baseline.raw, raw(got?.baseline)],
      ['targetYear', h.targetYear, got?.targetYear],
      ['target', h.target.raw, raw(got?.target)],
      ['nature', h.nature, got?.nature],
    ];
    for (const [cell, expected, read] of pairs) {
      if (expected === read) exact++;
      else misses.push({ row: row + 1, cell, expected, read });
    }
  });
  const extra = Math.max(0, result.plan.indicators.length - want.length);
  return {
    file: `seed ${seed.name} (${seed.file})`,
    layout: 'seed text against its hand-checked region package',
    format: result.format,
    exact,
    total: (want.length + extra) * 7,
    misses,
    result,
    error: null,
  };
}
