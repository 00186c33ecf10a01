import { observedValueProblem } from '@minsheng/domain';

/**
 * The data-entry grid's logic, kept apart from React so each rule (where a key moves the focus,
 * how a block pasted from Excel lands, what a cell's error says) is a plain function with tests.
 */

export const GRID_COLUMNS = ['value', 'source', 'note'] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];

export const GRID_COLUMN_LABELS: Record<GridColumn, string> = {
  value: '本年数值',
  source: '数据来源',
  note: '备注',
};

/** The limits the API's observation input applies, so the grid refuses what it would refuse. */
export const COLUMN_MAX_LENGTH: Record<Exclude<GridColumn, 'value'>, number> = {
  source: 500,
  note: 2000,
};

export interface GridRowInput {
  /** The indicator's id. */
  id: string;
  /** The indicator's name as the plan writes it; also names the cell for screen readers. */
  name: string;
  /** The values the grid opened with (the saved observation), empty strings where none. */
  initial: Record<GridColumn, string>;
  /** Approved or submitted values cannot be edited here; the approval queue handles them. */
  locked: boolean;
}

export interface CellPos {
  row: number;
  col: number;
}

export type Values = Record<string, Record<GridColumn, string>>;

export function initialValues(rows: readonly GridRowInput[]): Values {
  const out: Values = {};
  for (const r of rows) out[r.id] = { ...r.initial };
  return out;
}

/**
 * The Chinese error for one cell, or null when the text is acceptable. An empty value is not an
 * error: it means nothing is entered for that indicator this year.
 */
export function validateCell(column: GridColumn, text: string): string | null {
  if (column !== 'value') {
    const max = COLUMN_MAX_LENGTH[column];
    return text.length > max ? `${GRID_COLUMN_LABELS[column]}最多${max}个字符` : null;
  }
  if (text.trim() === '') return null;
  // The router's own check, so the grid refuses exactly what a save would refuse.
  return observedValueProblem(text)?.zh ?? null;
}

export interface RowChange {
  id: string;
  values: Record<GridColumn, string>;
}

/** Rows whose text differs from what the grid opened with (surrounding spaces do not count). */
export function dirtyRows(rows: readonly GridRowInput[], values: Values): RowChange[] {
  const out: RowChange[] = [];
  for (const r of rows) {
    const v = values[r.id];
    if (!v || r.locked) continue;
    if (GRID_COLUMNS.some((c) => v[c].trim() !== r.initial[c].trim())) {
      out.push({ id: r.id, values: v });
    }
  }
  return out;
}

export interface CellError {
  id: string;
  column: GridColumn;
  message: string;
}

export function gridErrors(rows: readonly GridRowInput[], values: Values): CellError[] {
  const out: CellError[] = [];
  for (const r of rows) {
    const v = values[r.id];
    if (!v) continue;
    for (const c of GRID_COLUMNS) {
      const message = validateCell(c, v[c]);
      if (message) out.push({ id: r.id, column: c, message });
    }
  }
  return out;
}

/**
 * Reads what Excel, WPS or a browser table puts on the clipboard: rows split by newlines, cells by
 * tabs, a cell with a tab, newline or quote inside written in double quotes ("" for a quote).
 * The one trailing newline Excel adds after the last row is not an extra row.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (atCellStart && ch === '"') {
      // A quoted cell: read to the closing quote, "" standing for one quote.
      let j = i + 1;
      let quoted = '';
      let closed = false;
      while (j < text.length) {
        const c = text[j]!;
        if (c === '"') {
          if (text[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        quoted += c;
        j++;
      }
      const next = text[j];
      if (closed && (next === undefined || next === '\t' || next === '\n' || next === '\r')) {
        cell = quoted;
        i = j;
        atCellStart = false;
        continue;
      }
      // Not a well-formed quoted cell (a value that merely starts with a quote): take it as text.
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** True when pasted text is a block of cells rather than text for the one cell. */
export function isBlock(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''));
}

export interface PasteResult {
  values: Values;
  /** Cells written, in row order. */
  written: CellPos[];
  /** Pasted cells that fell outside the grid or on a locked row, and were left out. */
  skipped: number;
}

/**
 * Lays a pasted block on the grid with its top-left cell at `origin`. Each row of the block goes
 * to the next editable row; locked rows (already submitted or approved) are stepped over, so
 * pasting a column copied from the spreadsheet still lines up with the indicators below.
 */
export function applyPaste(
  rows: readonly GridRowInput[],
  values: Values,
  origin: CellPos,
  block: readonly (readonly string[])[],
): PasteResult {
  const next: Values = { ...values };
  const written: CellPos[] = [];
  let skipped = 0;
  let r = origin.row;
  for (const line of block) {
    while (r < rows.length && rows[r]!.locked) r++;
    const row = rows[r];
    if (!row) {
      skipped += line.length;
      continue;
    }
    const current = { ...(next[row.id] ?? row.initial) };
    line.forEach((text, k) => {
      const col = origin.col + k;
      const column = GRID_COLUMNS[col];
      if (!column) {
        skipped++;
        return;
      }
      current[column] = text.trim();
      written.push({ row: r, col });
    });
    next[row.id] = current;
    r++;
  }
  return { values: next, written, skipped };
}

export type NavKey =
  | 'ArrowUp'
  | 'ArrowDown'
  | 'ArrowLeft'
  | 'ArrowRight'
  | 'Enter'
  | 'Home'
  | 'End'
  | 'PageUp'
  | 'PageDown';

export interface NavInput {
  key: string;
  shift: boolean;
  ctrl: boolean;
  /** Where the caret stands in the cell's text and how long the text is. */
  caret: number;
  selectionEnd: number;
  length: number;
}

const PAGE = 10;

/**
 * Where the focus goes for a key, or null to let the input have the key (moving the caret).
 * Up/Down and Enter always leave the cell, as in a spreadsheet; Left/Right leave it from the
 * text's edge or when the whole text is selected, so a value can still be corrected in place
 * once the caret is inside it; Ctrl+Home/End go to the corners.
 */
export function nextFocus(
  pos: CellPos,
  input: NavInput,
  size: { rows: number; cols: number },
): CellPos | null {
  const clampRow = (r: number) => Math.max(0, Math.min(size.rows - 1, r));
  const noSelection = input.caret === input.selectionEnd;
  // A cell entered by the keyboard has its whole text selected, as in a spreadsheet: arrows move on.
  const allSelected = input.caret === 0 && input.selectionEnd === input.length;
  switch (input.key) {
    case 'ArrowUp':
      return { row: clampRow(pos.row - 1), col: pos.col };
    case 'ArrowDown':
      return { row: clampRow(pos.row + 1), col: pos.col };
    case 'Enter':
      return { row: clampRow(pos.row + (input.shift ? -1 : 1)), col: pos.col };
    case 'PageUp':
      return { row: clampRow(pos.row - PAGE), col: pos.col };
    case 'PageDown':
      return { row: clampRow(pos.row + PAGE), col: pos.col };
    case 'ArrowLeft':
      if (pos.col === 0 || !(allSelected || (noSelection && input.caret === 0))) return null;
      return { row: pos.row, col: pos.col - 1 };
    case 'ArrowRight':
      if (pos.col === size.cols - 1) return null;
      if (!(allSelected || (noSelection && input.caret === input.length))) return null;
      return { row: pos.row, col: pos.col + 1 };
    case 'Home':
      return input.ctrl ? { row: 0, col: 0 } : null;
    case 'End':
      return input.ctrl ? { row: size.rows - 1, col: size.cols - 1 } : null;
    default:
      return null;
  }
}
