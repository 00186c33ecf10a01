import { type FieldKey, fieldKeyOf, type IndicatorInput, safeParseValue } from '@minsheng/domain';
import { canonicalKeyOf, isIndicatorTableTitle, unitOfName } from './indicators.ts';
import {
  isHeading,
  isProse,
  type Line,
  NUMBERED_HEADING,
  type RowCell,
  squeezeCjkSpaces,
} from './lines.ts';
import type { ImportLog } from './log.ts';
import { isServiceHeader } from './service-table.ts';

/**
 * Indicator tables read by what their header cells say, whatever the layout: rows of cells (an
 * HTML, Word or spreadsheet table, a PDF page's lines, tab-separated text) or one cell a line.
 * The columns are found by their header words (序号, 领域/类别, 指标名称, 单位, 2020年/基期值,
 * 2025年/目标值, 属性/性质), so a table nobody here has seen is read the same way.
 */

export type Role = 'seq' | 'field' | 'name' | 'unit' | 'baseline' | 'target' | 'nature' | 'other';

const squash = (s: string) => s.replace(/[\s\u3000]/g, '');

const YEAR = /(\d{4})\s*年?/;
const ROLE_WORDS: Array<[Exclude<Role, 'baseline' | 'target'>, RegExp]> = [
  ['seq', /^(序号|编号|序)$/],
  ['field', /^(领域|类别|类型|分类|方面|重点领域|服务领域|指标类别|领域类别|指标领域)$/],
  ['name', /^(指标名称|指标|指标项|指标项目|具体指标|主要指标|指标内容|名称)$/],
  ['unit', /^(单位|计量单位|指标单位)$/],
  ['nature', /^(属性|指标属性|性质|指标性质|约束性\/预期性)$/],
  ['other', /^(备注|说明|责任单位|牵头单位|责任部门|年均增长|年均增速|年均增长率)$/],
];
const BASELINE =
  /^(\d{4}年?)?[(（]?(基期值|基期|现状值|现状|基准值|基数|情况|实际值|实际|完成值|完成)[)）]?(\(?（?\d{4}年?[)）]?)?$/;
const TARGET =
  /^(\d{4}年?)?[(（]?(目标值|目标|规划值|规划|预期值|预期|规划目标|预期目标)[)）]?(\(?（?\d{4}年?[)）]?)?$/;
const BARE_YEAR = /^\d{4}年?(\(?（?[^）)]{0,4}[)）]?)?$/;

interface HeaderCell {
  role: Role;
  year?: number;
}

function headerCell(text: string): HeaderCell | null {
  const t = squash(text);
  if (!t) return null;
  const exact = headerWords(t);
  if (exact) return exact;
  // 指标名称（单位）, 年均增长（%）: the words outside the brackets name the column.
  const bare = t.replace(/[（(][^（）()]*[)）]/g, '');
  if (bare && bare !== t) {
    const cell = headerWords(bare);
    if (cell && cell.role !== 'baseline' && cell.role !== 'target') return cell;
    if (cell) return { ...cell, year: cell.year ?? (Number(YEAR.exec(t)?.[1] ?? 0) || undefined) };
  }
  return null;
}

function headerWords(t: string): HeaderCell | null {
  for (const [role, re] of ROLE_WORDS) if (re.test(t)) return { role };
  const year = Number(YEAR.exec(t)?.[1] ?? 0) || undefined;
  if (BASELINE.test(t)) return { role: 'baseline', year };
  if (TARGET.test(t)) return { role: 'target', year };
  if (BARE_YEAR.test(t) && year && year >= 1990 && year <= 2100) return { role: 'target', year };
  return null;
}

/** How many of a row's cells are header words: 3 or more, a name among them, make a header. */
function headerScore(texts: string[]): { score: number; roles: Array<HeaderCell | null> } {
  const roles = texts.map(headerCell);
  const known = roles.filter((r) => r !== null);
  const hasName = known.some((r) => r.role === 'name');
  const hasValue = known.some((r) => r.role === 'baseline' || r.role === 'target');
  return { score: hasName && hasValue ? known.length : 0, roles };
}

/** Two year columns without words: the earlier is the baseline. */
function settleYears(roles: Array<HeaderCell | null>): void {
  const bare = roles.filter((r): r is HeaderCell => r?.role === 'target' && r.year !== undefined);
  const hasBaseline = roles.some((r) => r?.role === 'baseline');
  if (!hasBaseline && bare.length >= 2) {
    const first = bare.reduce((a, b) => ((a.year ?? 0) <= (b.year ?? 0) ? a : b));
    first.role = 'baseline';
  }
}

export interface Period {
  start: number;
  end: number;
}

interface Column {
  role: Role;
  /** The column in the grid, for cells that carry one. */
  col?: number;
  /** The header cell's centre on a PDF page. */
  centre?: number;
}

interface Shape {
  columns: Column[];
  baselineYear: number;
  targetYear: number;
  hasNature: boolean;
}

function shapeOf(roles: Array<HeaderCell | null>, cells: RowCell[], period: Period): Shape {
  settleYears(roles);
  const columns: Column[] = roles.map((r, i) => {
    const c = cells[i];
    return {
      role: r?.role ?? 'other',
      col: c?.col,
      centre: c?.x !== undefined ? c.x + (c.w ?? 0) / 2 : undefined,
    };
  });
  const yearOf = (role: Role) => roles.find((r) => r?.role === role && r.year)?.year;
  const targetYear = yearOf('target') ?? period.end;
  const baselineYear = yearOf('baseline') ?? Math.min(period.start - 1, targetYear - 1);
  return { columns, baselineYear, targetYear, hasNature: columns.some((c) => c.role === 'nature') };
}

type RowValues = Partial<Record<Role, string>>;

/** A body row's cells by role: by grid column, or by the nearest header centre on a PDF page. */
function rowByRole(cells: RowCell[], shape: Shape): RowValues {
  const out: RowValues = {};
  const put = (role: Role, text: string) => {
    if (!text || role === 'other') return;
    out[role] = out[role] ? `${out[role]}${text}` : text;
  };
  const placed = cells.filter((c) => c.text);
  if (
    shape.columns.every((c) => c.centre !== undefined) &&
    placed.every((c) => c.x !== undefined)
  ) {
    const columns = placedByCentre(placed, shape.columns);
    for (const [k, cell] of placed.entries()) put(shape.columns[columns[k]!]!.role, cell.text);
    return out;
  }
  for (const cell of placed) {
    const column = shape.columns.find((c) => c.col === cell.col);
    if (column) put(column.role, cell.text);
  }
  return out;
}

/**
 * Each run's column, left to right, nearest the header's centres in all: two runs share a column
 * only where that is much nearer than the next column (a cell set a little off its column's
 * centre does not push its neighbour's value into it).
 */
function placedByCentre(cells: RowCell[], columns: Column[]): number[] {
  const centres = columns.map((c) => c.centre!);
  const gaps = centres.slice(1).map((c, i) => Math.abs(c - centres[i]!));
  const shared = Math.min(...gaps, Number.POSITIVE_INFINITY) / 2;
  const centre = (c: RowCell) => c.x! + (c.w ?? 0) / 2;
  // cost[k][j]: the best placing of cells 0..k with cell k in column j (columns never go back).
  const cost: number[][] = [];
  const from: number[][] = [];
  cells.forEach((cell, k) => {
    cost[k] = [];
    from[k] = [];
    centres.forEach((c, j) => {
      const here = Math.abs(c - centre(cell));
      if (k === 0) {
        cost[k]![j] = here;
        from[k]![j] = -1;
        return;
      }
      let best = Number.POSITIVE_INFINITY;
      let arg = 0;
      for (let p = 0; p <= j; p++) {
        const v = cost[k - 1]![p]! + (p === j ? shared : 0);
        if (v < best) {
          best = v;
          arg = p;
        }
      }
      cost[k]![j] = best + here;
      from[k]![j] = arg;
    });
  });
  const last = cost[cells.length - 1] ?? [];
  let j = last.indexOf(Math.min(...last));
  const out: number[] = [];
  for (let k = cells.length - 1; k >= 0; k--) {
    out[k] = j;
    j = from[k]![j]!;
  }
  return out;
}

const NATURE_WORDS: Record<string, 'binding' | 'expected'> = {
  约束性: 'binding',
  约束: 'binding',
  约束性指标: 'binding',
  预期性: 'expected',
  预期: 'expected',
  预期性指标: 'expected',
};
const natureOf = (text: string) => NATURE_WORDS[squash(text)] ?? null;

const FOOTNOTE = /^(注|备注|说明|资料来源|数据来源)\s*\d*\s*[:：]|^[*＊※]/;
const PAGE_MARK = /^[-—－\s]*\d{1,3}[-—－\s]*$|^第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?$/;
const CONTINUED = /续表|[（(]续[)）]$/;
const UNIT_CELL =
  /^(%|％|‰|‰|[个人次岁年张户元万千百亿平方米公里所家套名床位小时天月册件项座处辆台册份间/·‰]+|元\/[\p{Script=Han}]+|[\p{Script=Han}]{0,2}\/[\p{Script=Han}]{1,4}|1\/\d*[万千百]+)$/u;

/** The numbering a field heading row carries: 一、 （一） 1. */
const stripNumbering = (s: string) =>
  s.replace(
    /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*/,
    '',
  );

export interface ReadTable {
  title: string;
  footnote: string | null;
  indicators: IndicatorInput[];
  lines: Set<number>;
}

interface Builder {
  seq?: string;
  field: { key: FieldKey; label: string };
  name: string;
  unit: string;
  baseline: string;
  target: string;
  nature: string;
  line: Line;
  lines: Line[];
  /** The name as each line gave it, where it wrapped. */
  parts: string[];
}

/**
 * Finds every indicator table that has a header row of cells (or a run of one-cell header
 * lines naming a 单位 or 序号 column, which the seeds' layouts never have) and reads it.
 */
export function readHeaderTables(lines: Line[], log: ImportLog, period: Period): ReadTable[] {
  alignSpacedTables(lines);
  const tables: ReadTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.cells) {
      let { score, roles } = headerScore(l.cells.map((c) => c.text));
      const below = lines[i + 1]?.cells;
      if (score < 3 && below && roles.some((r) => r?.role === 'name')) {
        // A two-row header: 指标值 over 2020年 and 2025年 in the row below.
        const merged = l.cells.map((c, k) =>
          headerCell(c.text) ? c.text : (below[k]?.text ?? ''),
        );
        ({ score } = headerScore(merged));
        if (score >= 3) roles = l.cells.map((c) => headerCell(c.text));
      }
      if (score < 3) continue;
      const table = readGrid(lines, i, roles, log, period);
      tables.push(table);
      const last = Math.max(...table.lines);
      i = lines.findIndex((x) => x.no > last) - 1;
      if (i < 0) break;
      continue;
    }
    // A run of one-cell header lines.
    const head: Line[] = [];
    let j = i;
    for (; j < lines.length && head.length < 12; j++) {
      const h = lines[j]!;
      if (h.text === '') continue;
      if (h.cells || !headerCell(h.text)) break;
      head.push(h);
    }
    const { score, roles } = headerScore(head.map((h) => h.text));
    if (score < 3) continue;
    const titled = lines.slice(Math.max(0, i - 3), i).some((t) => isIndicatorTableTitle(t.text));
    if (!roles.some((r) => r?.role === 'seq' || r?.role === 'unit') && titled) {
      // The seeds' one-cell-a-line and tab-indented tables, under a title ending in 指标: left
      // to their own reader.
      i = j - 1;
      continue;
    }
    const table = readStream(lines, i, j, head, roles, log, period);
    tables.push(table);
    const last = Math.max(...table.lines);
    i = lines.findIndex((x) => x.no > last) - 1;
    if (i < 0) break;
  }
  return tables;
}

/** A line's runs of text between two or more spaces, at their character offsets. */
function spacedRuns(raw: string): RowCell[] {
  const runs: RowCell[] = [];
  for (const m of raw.replace(/\t/g, '    ').matchAll(/\S+(?: \S+)*/g)) {
    runs.push({ text: m[0], x: [...raw.slice(0, m.index)].length, w: [...m[0]].length });
  }
  return runs;
}

/**
 * Text laid out with spaces (a PDF copied as text, pdftotext -layout): where a line's runs make
 * a header, it and the lines below it until the table ends take cells at their character
 * offsets, read like a PDF page's runs (a wrapped name is a run under the name column).
 */
function alignSpacedTables(lines: Line[]): void {
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    if (head.cells || head.text === '') continue;
    const runs = spacedRuns(head.raw);
    if (runs.length < 3 || headerScore(runs.map((r) => r.text)).score < 3) continue;
    head.cells = runs;
    let blanks = 0;
    for (let k = i + 1; k < lines.length; k++) {
      const l = lines[k]!;
      if (l.text === '') {
        if (++blanks > 2) break;
        continue;
      }
      blanks = 0;
      if (l.cells || isHeading(l.text) || isProse(l.text)) break;
      l.cells = spacedRuns(l.raw);
      i = k;
    }
  }
}

function titleBefore(lines: Line[], at: number, used: Set<number>): string {
  for (let k = at - 1; k >= 0 && k >= at - 4; k--) {
    const t = lines[k]!.text;
    if (!t) continue;
    if ((lines[k]!.cells?.length ?? 0) > 1 || t.length > 60 || /[。；]$/.test(t)) break;
    used.add(lines[k]!.no);
    return t;
  }
  return '主要指标';
}

/**
 * The texts of a header's second row under each cell of the first (by grid column, or by the
 * nearest centre on a PDF page), where every text in it is a header word or a piece of one;
 * null where it is a body row.
 */
function secondHeaderRow(head: RowCell[], row: RowCell[]): string[] | null {
  const filled = row.filter((c) => c.text);
  if (!filled.length) return null;
  const out: string[] = head.map(() => '');
  const centre = (c: RowCell) => (c.x ?? 0) + (c.w ?? 0) / 2;
  for (const cell of filled) {
    const idx =
      cell.x !== undefined && head.every((h) => h.x !== undefined)
        ? head.reduce(
            (best, h, i) =>
              Math.abs(centre(h) - centre(cell)) < Math.abs(centre(head[best]!) - centre(cell))
                ? i
                : best,
            0,
          )
        : head.findIndex((h) => h.col === cell.col);
    if (idx < 0) return null;
    out[idx] = out[idx] ? out[idx] + cell.text : cell.text;
  }
  const pieces = out.filter((t, i) => t && t !== head[i]!.text);
  const isPiece = (t: string, i: number) =>
    headerCell(t) !== null || headerCell(head[i]!.text + t) !== null;
  if (!pieces.length)
    return filled.length >= 2 && filled.every((c) => headerCell(c.text)) ? out : null;
  return out.every((t, i) => !t || t === head[i]!.text || isPiece(t, i)) ? out : null;
}

/** The span of a PDF table's header, to tell a paragraph line from a cell. */
function tableWidth(shape: Shape): number {
  const centres = shape.columns.map((c) => c.centre ?? 0);
  return Math.max(...centres) - Math.min(...centres) || Number.POSITIVE_INFINITY;
}

/** The end of a table body: a heading, running text, or a line that is plainly not a cell. */
function endsBody(l: Line): boolean {
  return !l.cells && l.text !== '' && (isHeading(l.text) || isProse(l.text));
}

function readGrid(
  lines: Line[],
  at: number,
  roles: Array<HeaderCell | null>,
  log: ImportLog,
  period: Period,
): ReadTable {
  const headerLine = lines[at]!;
  const used = new Set<number>([headerLine.no]);
  const title = titleBefore(lines, at, used);
  let shape = shapeOf(roles, headerLine.cells!, period);
  let rows: GridRow[] = [];
  let footnote: string | null = null;
  let k = at + 1;
  // A second header row completes the first: 年份 under 指标值, or the rest of a header cell
  // wrapped onto the next line (指标 / 属性, 2020年 / 基期值).
  const next = lines[k];
  const second = next?.cells ? secondHeaderRow(headerLine.cells!, next.cells) : null;
  if (next && second) {
    const texts = headerLine.cells!.map((c, idx) => {
      const below = second[idx] ?? '';
      if (!below || below === c.text) return c.text;
      if (headerCell(c.text + below)) return c.text + below;
      return headerCell(below) ? below : c.text;
    });
    shape = shapeOf(headerScore(texts).roles, headerLine.cells!, period);
    used.add(next.no);
    k++;
  }
  for (; k < lines.length; k++) {
    const l = lines[k]!;
    const text = l.text;
    if (text === '' && !l.cells) continue;
    if (FOOTNOTE.test(text)) {
      footnote = footnote ? `${footnote}\n${text}` : text;
      used.add(l.no);
      // Footnotes run on to the next blank line or heading.
      for (k++; k < lines.length; k++) {
        const f = lines[k]!;
        if (
          f.text === '' ||
          f.cells ||
          isHeading(f.text) ||
          (!FOOTNOTE.test(f.text) && f.text.length > 60)
        )
          break;
        footnote = `${footnote}\n${f.text}`;
        used.add(f.no);
      }
      break;
    }
    if (PAGE_MARK.test(text) || CONTINUED.test(text)) {
      used.add(l.no);
      continue;
    }
    if (l.cells) {
      const filled = l.cells.filter((c) => c.text);
      if (!filled.length) continue;
      if (isServiceHeader(l)) break;
      if (filled.length === 1) {
        const only = filled[0]!;
        if (NUMBERED_HEADING.test(only.text) && l.cells.length > 1) {
          // 一、托育服务 alone in a row of empty cells: the field of the rows below.
          rows.push({ line: l, field: only.text });
          used.add(l.no);
          continue;
        }
        const wide = only.w !== undefined && only.w > tableWidth(shape) * 0.6;
        // Running text or a heading after the table (a PDF line keeps its runs as cells).
        if (l.cells.length === 1 && (isHeading(only.text) || isProse(only.text) || wide)) break;
      }
      if (headerScore(l.cells.map((c) => c.text)).score >= 3) {
        // The header repeated where the table runs onto the next page.
        used.add(l.no);
        continue;
      }
      const texts = filled.map((c) => c.text);
      const grid = shape.columns.every((c) => c.col !== undefined);
      if (texts.length > 1 && texts.every((t) => t === texts[0]) && grid) {
        // A row spanning the table: a field heading.
        rows.push({ line: l, field: texts[0]! });
        used.add(l.no);
        continue;
      }
      const values = rowByRole(l.cells, shape);
      const roles = Object.keys(values) as Role[];
      if (
        roles.length === 1 &&
        (roles[0] === 'seq' || roles[0] === 'field') &&
        !/^\d+$/.test(squash(texts[0]!))
      ) {
        // One cell in the first columns, the rest empty: a field heading row.
        rows.push({ line: l, field: texts[0]! });
        used.add(l.no);
        continue;
      }
      rows.push({ line: l, values });
      used.add(l.no);
      continue;
    }
    if (endsBody(l)) break;
    if (text.length <= 20 && !/[。，；]/.test(text)) {
      // One cell alone on its line inside a table: a field heading spanning the row, or the
      // title of the table's next page.
      if (/指标|表\s*\d/.test(text) && !fieldKeyOf(text)) {
        used.add(l.no);
        continue;
      }
      rows.push({ line: l, field: text });
      used.add(l.no);
      continue;
    }
    break;
  }
  if (rows.length && rows.every((r) => r.line.y !== undefined)) rows = centredFields(rows, log);
  const indicators = buildIndicators(rows, shape, log, title);
  return { title, footnote, indicators, lines: used };
}

type GridRow = { line: Line; values: RowValues } | { line: Line; field: string };

const isStart = (r: GridRow): r is { line: Line; values: RowValues } =>
  'values' in r &&
  Boolean(
    r.values.name && (r.values.seq || r.values.baseline || r.values.target || r.values.nature),
  );
const isLabelOnly = (r: GridRow) =>
  'field' in r ||
  (Boolean(r.values.field) && !r.values.name && !r.values.baseline && !r.values.target);
const labelOf = (r: GridRow) => ('field' in r ? r.field : (r.values.field ?? ''));
/** Down the document: pages in order, then down each page (PDF y grows upwards). */
const downOf = (l: Line) => (l.page ?? 0) * 100_000 - (l.y ?? 0);

/**
 * A PDF of a Word table prints a merged 领域 cell at the middle of the rows it spans, not on
 * their first row. Where the first row bears no field, each field is given to the rows whose
 * middle it sits at, group after group from the top; a table whose first row bears its field
 * writes fields on first rows, read as they stand.
 */
function centredFields(rows: GridRow[], log: ImportLog): GridRow[] {
  const first = rows.find(isStart);
  if (!first || first.values.field || !rows.some((r) => labelOf(r))) return rows;
  // Each indicator's rows (its own and the wrapped lines below it), top and bottom.
  const starts: Array<{ row: GridRow; top: number; bottom: number }> = [];
  const labels: Array<{ text: string; at: number; line: Line; lines: number }> = [];
  for (const r of rows) {
    const text = labelOf(r);
    if (text) {
      const prev = labels[labels.length - 1];
      const lastStart = starts[starts.length - 1];
      // A field's name wrapped onto the next line, with no indicator begun between.
      if (prev && isLabelOnly(r) && (!lastStart || downOf(lastStart.row.line) < prev.at)) {
        prev.text += text;
        prev.at = (prev.at * prev.lines + downOf(r.line)) / (prev.lines + 1);
        prev.lines++;
      } else {
        labels.push({ text, at: downOf(r.line), line: r.line, lines: 1 });
      }
    }
    if (isStart(r)) starts.push({ row: r, top: downOf(r.line), bottom: downOf(r.line) });
    else if (!isLabelOnly(r) && starts.length) starts[starts.length - 1]!.bottom = downOf(r.line);
  }
  const fieldAt = new Map<GridRow, string>();
  let s = 0;
  labels.forEach((label, k) => {
    if (s >= starts.length) return;
    let e = s;
    if (k === labels.length - 1) e = starts.length - 1;
    else {
      let best = Number.POSITIVE_INFINITY;
      for (let c = s; c < starts.length; c++) {
        const miss = Math.abs((starts[s]!.top + starts[c]!.bottom) / 2 - label.at);
        if (miss < best) {
          best = miss;
          e = c;
        }
      }
    }
    fieldAt.set(starts[s]!.row, label.text);
    log.warn(
      label.line,
      `领域 "${label.text}" stands at the middle of rows ${s + 1}–${e + 1} of the table: given to those rows`,
    );
    s = e + 1;
  });
  const out: GridRow[] = [];
  for (const r of rows) {
    if (isLabelOnly(r)) continue;
    const field = fieldAt.get(r);
    if (field) out.push({ line: r.line, field });
    if ('values' in r) {
      const { field: _drop, ...values } = r.values;
      out.push({ line: r.line, values });
    } else out.push(r);
  }
  return out;
}

/** One cell a line: split the run into rows at each 序号, or at a name after values. */
function readStream(
  lines: Line[],
  start: number,
  after: number,
  head: Line[],
  roles: Array<HeaderCell | null>,
  log: ImportLog,
  period: Period,
): ReadTable {
  const used = new Set<number>(head.map((h) => h.no));
  const title = titleBefore(lines, start, used);
  const shape = shapeOf(roles, [], period);
  const hasSeq = shape.columns.some((c) => c.role === 'seq');
  const hasUnit = shape.columns.some((c) => c.role === 'unit');
  const hasField = shape.columns.some((c) => c.role === 'field');
  const valueColumns = shape.columns.filter((c) => c.role === 'baseline' || c.role === 'target');
  const cells: Line[] = [];
  let footnote: string | null = null;
  let k = after;
  for (; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.text === '') continue;
    if (FOOTNOTE.test(l.text)) {
      footnote = l.text;
      used.add(l.no);
      break;
    }
    if (PAGE_MARK.test(l.text) && !/^\d+$/.test(l.text)) {
      used.add(l.no);
      continue;
    }
    if (CONTINUED.test(l.text)) {
      used.add(l.no);
      continue;
    }
    if (headerCell(l.text) && !natureOf(l.text)) {
      // A repeated header on the next page: its cells are header words only.
      used.add(l.no);
      continue;
    }
    if (endsBody(l) || l.cells) break;
    cells.push(l);
    used.add(l.no);
  }
  // Group the cells into rows.
  const groups: Line[][] = [];
  let row: Line[] = [];
  let expected = 1;
  let seenValue = false;
  const kind = (l: Line) => {
    if (natureOf(l.text)) return 'nature';
    if (hasUnit && UNIT_CELL.test(squash(l.text))) return 'unit';
    const parsed = safeParseValue(l.text);
    if (parsed.ok && /[\d０-９]|应保尽保|保持|稳定|无|—|-|\//.test(l.text)) return 'value';
    return 'text';
  };
  const rowComplete = (r: Line[]) =>
    shape.hasNature
      ? r.some((c) => kind(c) === 'nature')
      : r.filter((c) => kind(c) === 'value').length >= valueColumns.length;
  for (const l of cells) {
    if (hasSeq) {
      const n = squash(l.text);
      // 序号 may start again at 1 under each field, once the row before is whole.
      if (n === String(expected) || (n === '1' && rowComplete(row))) {
        if (row.length) groups.push(row);
        row = [l];
        expected = Number(n) + 1;
        continue;
      }
      row.push(l);
      continue;
    }
    const kd = kind(l);
    if (kd === 'text' && seenValue) {
      groups.push(row);
      row = [];
      seenValue = false;
    }
    if (kd !== 'text') seenValue = true;
    row.push(l);
  }
  if (row.length) groups.push(row);

  const rows: Array<{ line: Line; values: RowValues }> = [];
  for (const g of groups) {
    const values: RowValues = {};
    let rest = [...g];
    if (hasSeq) values.seq = squash(rest.shift()!.text);
    if (shape.hasNature && rest.length && natureOf(rest[rest.length - 1]!.text)) {
      values.nature = rest.pop()!.text;
    }
    const vals: string[] = [];
    while (
      rest.length &&
      vals.length < valueColumns.length &&
      kind(rest[rest.length - 1]!) === 'value'
    ) {
      vals.unshift(rest.pop()!.text);
    }
    if (vals.length === valueColumns.length) {
      valueColumns.forEach((c, idx) => {
        values[c.role] = vals[idx]!;
      });
    } else if (vals.length) {
      // Fewer values than columns: the last is the target, a guess a person checks.
      values.target = vals[vals.length - 1]!;
      if (vals.length > 1) values.baseline = vals[0]!;
      log.warn(
        g[0]!,
        `row ${values.seq ?? ''} has ${vals.length} value(s) for ${valueColumns.length} columns: read the last as the target; check it`,
      );
    }
    if (hasUnit && rest.length > 1 && kind(rest[rest.length - 1]!) === 'unit') {
      values.unit = rest.pop()!.text;
    }
    rest = rest.filter((l) => l.text !== '');
    if (hasField && rest.length >= 2) {
      const first = rest[0]!.text;
      if (fieldKeyOf(first) || squash(first).length <= 6) {
        values.field = first;
        rest = rest.slice(1);
      }
    }
    values.name = rest.map((l) => l.text).join('');
    rows.push({ line: rest[0] ?? g[0]!, values });
  }
  const indicators = buildIndicators(rows, shape, log, title);
  return { title, footnote, indicators, lines: used };
}

function fieldRef(label: string, line: Line, log: ImportLog): { key: FieldKey; label: string } {
  const clean = stripNumbering(squeezeCjkSpaces(label));
  const key = fieldKeyOf(clean);
  if (!key) log.unplaced(line, `field "${clean}" is not one the system knows; filed under general`);
  return { key: key ?? 'general', label: clean };
}

const joinWrapped = (a: string, b: string) =>
  /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : `${a}${b}`;

function buildIndicators(
  rows: GridRow[],
  shape: Shape,
  log: ImportLog,
  title: string,
): IndicatorInput[] {
  const hasSeq = shape.columns.some((c) => c.role === 'seq');
  const built: Builder[] = [];
  let field: { key: FieldKey; label: string } | null = null;
  let fieldText = '';
  for (const row of rows) {
    if ('field' in row) {
      field = fieldRef(row.field, row.line, log);
      fieldText = row.field;
      continue;
    }
    const v = row.values;
    const prev = built[built.length - 1];
    const hasValues = Boolean(v.baseline || v.target || v.nature);
    if (v.field && !v.name && !hasValues && !v.unit && v.field !== fieldText) {
      // A field cell on a line of its own (a PDF centres it on its rows): the field from here.
      field = fieldRef(v.field, row.line, log);
      fieldText = v.field;
      continue;
    }
    const continuation = prev && (hasSeq ? !v.seq : !hasValues && !v.unit);
    if (continuation && prev) {
      // A wrapped row: each cell continues the one above.
      if (v.name) {
        prev.name = joinWrapped(prev.name, v.name);
        prev.parts.push(v.name);
      }
      if (v.unit) prev.unit += v.unit;
      if (v.baseline) prev.baseline += v.baseline;
      if (v.target) prev.target += v.target;
      if (v.nature) prev.nature += v.nature;
      prev.lines.push(row.line);
      continue;
    }
    if (v.field && v.field !== fieldText) {
      field = fieldRef(v.field, row.line, log);
      fieldText = v.field;
    }
    if (!v.name) {
      if (prev && !prev.baseline && !prev.target && hasValues) {
        // Values set level with the second line of a wrapped name.
        prev.baseline = v.baseline ?? '';
        prev.target = v.target ?? '';
        prev.nature = v.nature ?? prev.nature;
        continue;
      }
      log.unplaced(row.line, 'a table row with no indicator name');
      continue;
    }
    if (!field) {
      log.unplaced(row.line, 'an indicator before any field');
      field = { key: 'general', label: '综合' };
      fieldText = '综合';
    }
    built.push({
      seq: v.seq,
      field,
      name: v.name,
      unit: v.unit ?? '',
      baseline: v.baseline ?? '',
      target: v.target ?? '',
      nature: v.nature ?? '',
      line: row.line,
      lines: [row.line],
      parts: [v.name],
    });
  }
  const section = /^表\s*(\d+)/.exec(title)?.[1];
  return built.map((b, idx) => {
    const cell = (text: string, what: string) => {
      const t = text.trim();
      if (safeParseValue(t).ok) return t;
      log.unplaced(
        b.line,
        `${what} "${t}" of "${b.name}" is not a value the grammar reads: left empty`,
      );
      return '';
    };
    const nature = b.nature ? natureOf(b.nature) : null;
    if (b.nature && !nature)
      log.unplaced(b.line, `属性 "${b.nature}" is neither 约束性 nor 预期性`);
    if (shape.hasNature && !b.nature) log.warn(b.line, `"${b.name}" has no 指标属性`);
    if (!b.baseline && !b.target) log.warn(b.line, `"${b.name}" has no values`);
    if (b.lines.length > 1) {
      log.warn(
        b.line,
        `"${b.name}" joined from ${b.lines.length} lines: ${b.parts.map((p) => `"${p}"`).join(' + ')}`,
      );
    }
    const name = b.name;
    const canonicalKey = canonicalKeyOf(name);
    const seq = Number(b.seq) || idx + 1;
    return {
      id: canonicalKey ? canonicalKey.replace(/_/g, '-') : `i-${String(idx + 1).padStart(2, '0')}`,
      field: b.field,
      name,
      unit: b.unit || unitOfName(name),
      baselineYear: shape.baselineYear,
      baseline: cell(b.baseline, 'baseline'),
      targetYear: shape.targetYear,
      target: cell(b.target, 'target'),
      nature,
      canonicalKey,
      source: { section: section ? `表${section}` : title, item: seq, line: b.line.no },
    } satisfies IndicatorInput;
  });
}
