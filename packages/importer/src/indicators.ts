import {
  CANONICAL_INDICATORS,
  type CanonicalKey,
  type FieldKey,
  fieldKeyOf,
  type IndicatorInput,
  nameSimilarity,
  safeParseValue,
  type Value,
} from '@minsheng/domain';
import { isHeading, isProse, type Line, squeezeCjkSpaces } from './lines.ts';
import type { ImportLog } from './log.ts';

export interface IndicatorTable {
  title: string;
  footnote: string | null;
  indicators: IndicatorInput[];
  /** Lines of the table consumed, so the caller knows what was placed. */
  lines: Set<number>;
}

const HEADER_CELL =
  /^(领\s*域|类\s*别|指\s*标(\s*名\s*称)?|\d{4}\s*年?|情\s*况|目\s*标|(指\s*标\s*)?性\s*质|序号)$/;
const NATURES: Record<string, 'binding' | 'expected'> = { 约束性: 'binding', 预期性: 'expected' };
// Where a row has a single value, these forms can only be a target.
const TARGET_ONLY_KINDS = new Set<Value['kind']>(['bound', 'allCovered', 'hold', 'growth']);

/** A table heading: 表1 …主要发展指标, or a bare “…主要发展指标” line. */
function isIndicatorTableTitle(text: string): boolean {
  return text.length <= 60 && /指标$/.test(text.replace(/\s/g, '')) && !/[。，,]/.test(text);
}

interface Cell {
  line: Line;
  text: string;
  /** The cell as read, with PDF damage ("1 5") restored where that is the only reading. */
  value: string;
  kind: 'nature' | 'value' | 'text' | 'empty';
}

function classify(line: Line, log: ImportLog): Cell {
  const text = line.text;
  if (text === '') return { line, text, value: '', kind: 'empty' };
  if (NATURES[text.replace(/\s/g, '')])
    return { line, text, value: text.replace(/\s/g, ''), kind: 'nature' };
  const parsed = safeParseValue(text);
  if (parsed.ok) return { line, text, value: text, kind: 'value' };
  // PDF extraction drops decimal points and leaves a space: "1 5" is 1.5, "90 93" is 90.93.
  if (/^\d+\s\d+%?$/.test(text)) {
    const restored = text.replace(/\s/, '.');
    if (safeParseValue(restored).ok) {
      log.restored(line, text, restored, 'a decimal point lost by PDF extraction');
      return { line, text, value: restored, kind: 'value' };
    }
  }
  return { line, text, value: text, kind: 'text' };
}

/** Reads the unit an indicator's name gives in its last brackets, or after a trailing %. */
export function unitOfName(name: string): string | null {
  const m = /[（(]\s*([^（）()]{1,8}?)\s*[）)]\s*$/.exec(name);
  if (m?.[1] && /^(%|％|‰|[个人次岁年张户元万千平方米公里所家套名床位小时天月/]+)$/.test(m[1])) {
    return m[1] === '％' ? '%' : m[1];
  }
  if (/[%％]$/.test(name)) return '%';
  return null;
}

function normaliseName(name: string): string {
  return name
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/^其中[:：]/, '')
    .replace(/[\s、，,%％]/g, '')
    .replace(/拥有/g, '');
}

const CANONICAL_NAMES = Object.entries(CANONICAL_INDICATORS).map(
  ([key, { name }]) => [key as CanonicalKey, normaliseName(name)] as const,
);

const isPercent = (unit: string | null) => unit === '%' || unit === '％';

/**
 * The canonical indicator a name stands for: the same words but for brackets and spacing, or
 * close wording (Dice ≥ 0.75) measured in the same kind of unit. A guess, printed for review.
 */
export function canonicalKeyOf(name: string): CanonicalKey | null {
  const n = normaliseName(name);
  const unit = unitOfName(name);
  let best: { key: CanonicalKey; score: number } | null = null;
  for (const [key, canonical] of CANONICAL_NAMES) {
    if (n === canonical) return key;
    const canonicalUnit = CANONICAL_INDICATORS[key].unit;
    if (unit && isPercent(unit) !== isPercent(canonicalUnit)) continue;
    const score = nameSimilarity(n, canonical);
    if (score >= 0.75 && (!best || score > best.score)) best = { key, score };
  }
  return best?.key ?? null;
}

/**
 * Finds every indicator table in a plan's text and reads its rows. Two layouts occur: cells one
 * per line with empty cells left out (rows are found by what each cell is), and tab-indented
 * cells with empty cells kept and rows between blank lines (rows are read by position).
 */
export function readIndicatorTables(lines: Line[], log: ImportLog): IndicatorTable[] {
  const tables: IndicatorTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const title = lines[i]!;
    if (!isIndicatorTableTitle(title.text)) continue;
    // The header must follow within a few lines, or this is a sentence ending in 指标.
    const header: Cell[] = [];
    let j = i + 1;
    for (; j < lines.length && j < i + 40; j++) {
      const l = lines[j]!;
      if (l.text === '') continue;
      const cell = l.text.replace(/\s+/g, ' ');
      if (!HEADER_CELL.test(cell)) break;
      header.push({ line: l, text: l.text, value: l.text, kind: 'text' });
    }
    if (header.length < 3) continue;
    const years = header
      .map((h) => /^(\d{4})/.exec(h.text)?.[1])
      .filter(Boolean)
      .map(Number);
    const baselineYear = years[0] ?? 2020;
    const targetYear = years[1] ?? baselineYear + 5;
    const hasNature = header.some((h) => /性\s*质/.test(h.text));
    const used = new Set<number>([title.no, ...header.map((h) => h.line.no)]);

    // The body runs to the footnote, the next heading or the next paragraph.
    const body: Line[] = [];
    let footnote: string | null = null;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (/^注\s*[:：]/.test(l.text)) {
        footnote = l.text;
        used.add(l.no);
        break;
      }
      if (l.text && (isHeading(l.text) || isProse(l.text))) break;
      body.push(l);
    }
    const tabbed = body.filter((l) => l.text !== '').every((l) => l.tabbed || l.raw.trim() === '');
    const indicators = tabbed
      ? readPositional(body, { baselineYear, targetYear, hasNature }, log)
      : readByKind(body, { baselineYear, targetYear, hasNature }, log);
    for (const l of body) used.add(l.no);
    const section = /^表\s*(\d+)/.exec(title.text)?.[1];
    for (const ind of indicators) ind.source.section = section ? `表${section}` : title.text;
    tables.push({ title: title.text, footnote, indicators, lines: used });
    i = j;
  }
  return tables;
}

interface TableShape {
  baselineYear: number;
  targetYear: number;
  hasNature: boolean;
}

function makeIndicator(
  seq: number,
  field: { key: FieldKey; label: string },
  nameCell: Cell,
  baseline: string,
  target: string,
  nature: 'binding' | 'expected' | null,
  shape: TableShape,
): IndicatorInput {
  const name = nameCell.text;
  const canonicalKey = canonicalKeyOf(name);
  return {
    id: canonicalKey ? canonicalKey.replace(/_/g, '-') : `i-${String(seq).padStart(2, '0')}`,
    field,
    name,
    unit: unitOfName(name),
    baselineYear: shape.baselineYear,
    baseline,
    targetYear: shape.targetYear,
    target,
    nature,
    canonicalKey,
    source: { section: 'table', item: seq, line: nameCell.line.no },
  };
}

function fieldOf(label: string, line: Line, log: ImportLog): { key: FieldKey; label: string } {
  const clean = squeezeCjkSpaces(label);
  const key = fieldKeyOf(clean);
  if (!key) log.unplaced(line, `field "${clean}" is not one the system knows; filed under general`);
  return { key: key ?? 'general', label: clean };
}

function readByKind(body: Line[], shape: TableShape, log: ImportLog): IndicatorInput[] {
  const cells = body.map((l) => classify(l, log)).filter((c) => c.kind !== 'empty');
  const out: IndicatorInput[] = [];
  let field: { key: FieldKey; label: string } | null = null;
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!;
    if (cell.kind !== 'text') {
      log.unplaced(cell.line, `a ${cell.kind} cell with no indicator name before it`);
      continue;
    }
    // Two text cells in a row: the first names the field (领域) the following rows belong to.
    if (cells[k + 1]?.kind === 'text') {
      field = fieldOf(cell.text, cell.line, log);
      continue;
    }
    if (!field) {
      log.unplaced(cell.line, 'an indicator before any field heading');
      field = { key: 'general', label: '综合' };
    }
    const values: Cell[] = [];
    let nature: 'binding' | 'expected' | null = null;
    while (cells[k + 1]?.kind === 'value' && values.length < 2) values.push(cells[++k]!);
    if (cells[k + 1]?.kind === 'nature') nature = NATURES[cells[++k]!.value] ?? null;
    let baseline = '';
    let target = '';
    if (values.length === 2) {
      baseline = values[0]!.value;
      target = values[1]!.value;
    } else if (values.length === 1) {
      const v = values[0]!;
      const parsed = safeParseValue(v.value);
      target = v.value;
      if (!(parsed.ok && TARGET_ONLY_KINDS.has(parsed.value.kind))) {
        log.warn(
          v.line,
          `"${cell.text}" has one value, "${v.value}": read as its ${shape.targetYear} target; check it`,
        );
      }
    } else {
      log.warn(cell.line, `"${cell.text}" has no values`);
    }
    if (shape.hasNature && !nature) log.warn(cell.line, `"${cell.text}" has no 指标性质`);
    out.push(makeIndicator(out.length + 1, field, cell, baseline, target, nature, shape));
  }
  return out;
}

function readPositional(body: Line[], shape: TableShape, log: ImportLog): IndicatorInput[] {
  const rows: Line[][] = [];
  let row: Line[] = [];
  for (const l of body) {
    if (l.raw === '' || (!l.tabbed && l.text === '')) {
      if (row.length) rows.push(row);
      row = [];
    } else {
      row.push(l);
    }
  }
  if (row.length) rows.push(row);
  const width = shape.hasNature ? 5 : 4;
  const out: IndicatorInput[] = [];
  let field: { key: FieldKey; label: string } | null = null;
  for (const r of rows) {
    if (r.length !== width) {
      for (const l of r) log.unplaced(l, `a row of ${r.length} cells where the table has ${width}`);
      continue;
    }
    const [fieldCell, nameLine, b, t, n] = r as [Line, Line, Line, Line, Line | undefined];
    if (fieldCell.text) field = fieldOf(fieldCell.text, fieldCell, log);
    if (!field) {
      log.unplaced(nameLine, 'an indicator before any field heading');
      continue;
    }
    const nameCell = classify(nameLine, log);
    const baseline = classify(b, log);
    const target = classify(t, log);
    for (const c of [baseline, target]) {
      if (c.kind === 'text') log.unplaced(c.line, `"${c.text}" is not a value the grammar reads`);
    }
    const nature = n ? (NATURES[n.text] ?? null) : null;
    out.push(
      makeIndicator(
        out.length + 1,
        field,
        nameCell,
        baseline.kind === 'value' ? baseline.value : '',
        target.kind === 'value' ? target.value : '',
        nature,
        shape,
      ),
    );
  }
  return out;
}
