import ExcelJS from 'exceljs';
import { parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import { type Line, type RowCell, splitLines } from './lines.ts';

/**
 * The files officials have — a plan's PDF, its Word file, the web page, a spreadsheet of the
 * indicator table, or plain text — read into numbered lines, table rows keeping their cells.
 * Pure over bytes: no file is read here and no program outside Node is run.
 */

export type Format = 'txt' | 'pdf' | 'docx' | 'html' | 'xlsx';

export interface ReadDocument {
  format: Format;
  lines: Line[];
}

/** Input that is no plan file: the message says what was expected. */
export class FormatError extends Error {
  constructor(
    message: string,
    readonly code: 'empty' | 'binary' | 'unsupported' | 'damaged' | 'no_plan',
  ) {
    super(message);
  }
}

const EXPECTED = '应为规划的 .txt、.pdf（含文字层）、.docx、.html 或 .xlsx 文件';

const startsWith = (bytes: Uint8Array, ascii: string) =>
  bytes.length >= ascii.length && [...ascii].every((c, i) => bytes[i] === c.charCodeAt(0));

function containsAscii(bytes: Uint8Array, ascii: string): boolean {
  const first = ascii.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < ascii.length; k++) if (bytes[i + k] !== ascii.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** Decodes text as UTF-8, else GB18030 (what Chinese Windows saves); null for binary. */
export function decodeText(bytes: Uint8Array): string | null {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
      // Control characters other than tab, line breaks and form feed do not occur in text.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
      const control = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
      if (control > Math.max(2, text.length / 1000)) return null;
      return text;
    } catch {
      // not this encoding
    }
  }
  return null;
}

/** What the bytes are, by their content first and the file name's extension second. */
export function detectFormat(bytes: Uint8Array, fileName = ''): Format {
  if (bytes.length === 0) throw new FormatError(`文件是空的：${EXPECTED}`, 'empty');
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    if (containsAscii(bytes, 'word/document')) return 'docx';
    if (containsAscii(bytes, 'xl/workbook')) return 'xlsx';
    throw new FormatError(
      `${fileName || '文件'}是 zip 压缩包，但既不是 Word（.docx）也不是 Excel（.xlsx）文件：${EXPECTED}`,
      'unsupported',
    );
  }
  if (startsWith(bytes, '\u00d0\u00cf\u0011\u00e0')) {
    throw new FormatError(
      `${fileName || '文件'}是旧版 Word/Excel（.doc/.xls）格式：请另存为 .docx 或 .xlsx 后再导入`,
      'unsupported',
    );
  }
  const text = decodeText(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  if (text === null) {
    throw new FormatError(
      `${fileName || '文件'}不是文本，也不是可识别的文件格式：${EXPECTED}`,
      'binary',
    );
  }
  if (
    /^\s*(<!doctype\s+html|<html|<\?xml[^>]*>\s*<html)/i.test(text) ||
    /<table[\s>]/i.test(text)
  ) {
    return 'html';
  }
  return 'txt';
}

/** Reads a plan file's bytes into lines, whatever its format. */
export async function readDocument(bytes: Uint8Array, fileName = ''): Promise<ReadDocument> {
  const format = detectFormat(bytes, fileName);
  try {
    switch (format) {
      case 'txt': {
        const text = decodeText(bytes);
        if (text === null) throw new FormatError(`${fileName} 不是文本：${EXPECTED}`, 'binary');
        return { format, lines: splitLines(text) };
      }
      case 'html':
        return { format, lines: htmlLines(decodeText(bytes) ?? '') };
      case 'docx':
        return { format, lines: await docxLines(bytes) };
      case 'xlsx':
        return { format, lines: await xlsxLines(bytes) };
      case 'pdf':
        return { format, lines: await pdfLines(bytes) };
    }
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError(
      `${fileName || '文件'}看起来是 ${format} 文件，但无法读取（${(error as Error).message}）：${EXPECTED}`,
      'damaged',
    );
  }
}

// ---------------------------------------------------------------- HTML and Word

interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'caption',
  'title',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'dt',
  'dd',
  'br',
  'tr',
  'ul',
  'ol',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head']);

function textOf(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.type !== 'tag' && node.type !== 'root') return '';
  if (node.name && SKIPPED.has(node.name)) return '';
  if (node.name === 'br') return '\n';
  const inner = (node.children ?? []).map(textOf).join('');
  return node.name && BLOCKS.has(node.name) ? `\n${inner}\n` : inner;
}

const cellText = (node: DomNode) =>
  textOf(node)
    .split('\n')
    .map((s) => s.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('');

const children = (node: DomNode, names: string[]): DomNode[] =>
  (node.children ?? []).flatMap((c) =>
    c.type === 'tag' && c.name && names.includes(c.name)
      ? [c]
      : c.type === 'tag' && ['thead', 'tbody', 'tfoot'].includes(c.name ?? '')
        ? children(c, names)
        : [],
  );

/**
 * A table as a grid: a cell spanning rows or columns is set in every place it covers, so a
 * 领域 written once over five rows reads as that field on each.
 */
function tableGrid(table: DomNode): string[][] {
  const grid: string[][] = [];
  children(table, ['tr']).forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of children(tr, ['td', 'th'])) {
      while (grid[r]![c] !== undefined) c++;
      const text = cellText(td);
      const rows = Math.max(1, Number(td.attribs?.rowspan) || 1);
      const cols = Math.max(1, Number(td.attribs?.colspan) || 1);
      for (let dr = 0; dr < rows; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cols; dc++) grid[r + dr]![c + dc] = text;
      }
      c += cols;
    }
  });
  return grid.map((row) => Array.from(row, (t) => t ?? ''));
}

/** A row's line: its cells, or a single line where one text spans the whole row. */
function rowLine(texts: string[], no: number, at?: string): Line {
  const filled = texts.filter(Boolean);
  const text = texts.join('\t').trim();
  const line: Line = { no, raw: texts.join('\t'), text, tabbed: false, ...(at ? { at } : {}) };
  if (filled.length === 0) return { ...line, text: '' };
  if (
    filled.every((t) => t === filled[0]) &&
    (filled.length === 1 || filled.length === texts.length)
  ) {
    // One text alone in the row, or one spanning every column: a title or a heading row.
    return { ...line, raw: filled[0]!, text: filled[0]! };
  }
  line.cells = texts.map((t, col) => ({ text: t, col }));
  return line;
}

export function htmlLines(html: string): Line[] {
  const doc = parseDocument(html, { decodeEntities: true }) as unknown as DomNode;
  const out: Line[] = [];
  const push = (text: string) => {
    for (const t of text.split('\n')) {
      const clean = t.replace(/[ \t\u00a0]+/g, ' ').trim();
      if (clean) out.push({ no: out.length + 1, raw: clean, text: clean, tabbed: false });
    }
  };
  let tables = 0;
  const walk = (node: DomNode) => {
    if (node.type === 'tag' && node.name === 'table') {
      // A row is found in the document by its table and row, which a Word user can count.
      const grid = tableGrid(node);
      if (grid.every((row) => row.length <= 1)) {
        // A one-column table is a box drawn round text (a 专栏 in Word): its paragraphs are
        // lines, and two blank lines close it.
        for (const c of node.children ?? []) walkBox(c);
        const blank = () => out.push({ no: out.length + 1, raw: '', text: '', tabbed: false });
        blank();
        blank();
        return;
      }
      const t = ++tables;
      grid.forEach((row, r) => {
        const line = rowLine(row, out.length + 1, `table ${t}, row ${r + 1}`);
        if (line.text) out.push(line);
      });
      return;
    }
    if (node.type === 'text') {
      push(node.data ?? '');
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    if (node.name && SKIPPED.has(node.name)) return;
    if (node.name && BLOCKS.has(node.name) && !hasTable(node)) {
      push(textOf(node));
      return;
    }
    for (const c of node.children ?? []) walk(c);
  };
  const walkBox = (node: DomNode) => {
    if (node.type === 'tag' && (node.name === 'td' || node.name === 'th')) push(textOf(node));
    else for (const c of node.children ?? []) walkBox(c);
  };
  walk(doc);
  return out;
}

function hasTable(node: DomNode): boolean {
  return (node.children ?? []).some((c) => (c.type === 'tag' && c.name === 'table') || hasTable(c));
}

async function docxLines(bytes: Uint8Array): Promise<Line[]> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return htmlLines(value);
}

// ---------------------------------------------------------------- spreadsheets

function cellString(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    const fmt = cell.numFmt ?? '';
    // A number shown with fixed decimals or as a percentage is written so in the sheet.
    const pct = /^0(\.(0+))?%$/.exec(fmt);
    if (pct) return `${(v * 100).toFixed(pct[2]?.length ?? 0)}%`;
    const fixed = /^0\.(0+)$/.exec(fmt);
    if (fixed) return v.toFixed(fixed[1]!.length);
    return String(v);
  }
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(cell.text ?? v);
}

async function xlsxLines(bytes: Uint8Array): Promise<Line[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const out: Line[] = [];
  book.eachSheet((sheet) => {
    const width = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const texts: string[] = [];
      for (let c = 1; c <= width; c++) {
        texts.push(
          cellString(row.getCell(c))
            .replace(/\s*\n\s*/g, '')
            .trim(),
        );
      }
      const line = rowLine(texts, out.length + 1, `sheet ${sheet.name} row ${r}`);
      out.push(line.text ? line : { ...line, text: '', raw: '' });
    }
    out.push({ no: out.length + 1, raw: '', text: '', tabbed: false });
  });
  return out;
}

// ---------------------------------------------------------------- PDF

interface TextRun {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

async function pdfLines(bytes: Uint8Array): Promise<Line[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes the buffer over: hand it a copy so the caller's bytes stay whole.
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const out: Line[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [, , , d, e, f] = item.transform as number[];
        runs.push({ str: item.str, x: e!, y: f!, w: item.width, h: item.height || Math.abs(d!) });
      }
      pdfPageLines(runs, p).forEach((line, k) => {
        out.push({ ...line, no: out.length + 1, at: `page ${p}, line ${k + 1}` });
      });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  if (!out.some((l) => l.text)) {
    throw new FormatError(
      'PDF 没有文字层（可能是扫描件）：请先做文字识别（OCR），或改用 Word/网页版本',
      'no_plan',
    );
  }
  return out;
}

/** Runs on one baseline make a line; runs apart by more than a character's width are cells. */
export function pdfPageLines(runs: TextRun[], page: number): Line[] {
  const rows: TextRun[][] = [];
  for (const run of [...runs].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - run.y) <= Math.max(2, run.h * 0.3));
    if (row) row.push(run);
    else rows.push([run]);
  }
  rows.sort((a, b) => b[0]!.y - a[0]!.y);
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const cells: RowCell[] = [];
    let last: TextRun | null = null;
    for (const run of row) {
      const gap = last ? run.x - (last.x + last.w) : Infinity;
      const prev = cells[cells.length - 1];
      if (prev && gap < Math.max(run.h, last?.h ?? 0) * 0.9) {
        prev.text += run.str;
        prev.w = run.x + run.w - (prev.x ?? run.x);
      } else {
        cells.push({ text: run.str, x: run.x, w: run.w });
      }
      last = run;
    }
    for (const c of cells) c.text = c.text.trim();
    const text = cells.map((c) => c.text).join('\t');
    // Every PDF line keeps its runs' places: a table row may hold a single cell (a wrapped name).
    return { no: 0, raw: text, text, tabbed: false, page, y: row[0]!.y, cells };
  });
}
