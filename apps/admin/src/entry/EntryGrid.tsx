import { type ClipboardEvent, type KeyboardEvent, useCallback, useRef, useState } from 'react';
import {
  applyPaste,
  type CellPos,
  GRID_COLUMN_LABELS,
  GRID_COLUMNS,
  type GridColumn,
  type GridRowInput,
  isBlock,
  nextFocus,
  parseClipboard,
  type Values,
  validateCell,
} from './grid.ts';

export interface EntryGridRow extends GridRowInput {
  field: string;
  unit: string | null;
  baseline: string;
  target: string;
  /** The saved observation's state in words (草稿, 待审核…), or null when none is saved. */
  stateLabel: string | null;
  returnReason: string | null;
}

export interface EntryGridProps {
  rows: readonly EntryGridRow[];
  year: number;
  values: Values;
  onChange: (values: Values) => void;
}

const cellId = (row: number, col: number) => `entry-cell-${row}-${col}`;

/**
 * The year's values as a spreadsheet: type, move with the arrow keys, Enter and Tab, paste a
 * block copied from Excel. Every cell is an input named for its indicator and year, and an
 * error is written under the cell it concerns (not only coloured).
 */
export function EntryGrid({ rows, year, values, onChange }: EntryGridProps) {
  const [announce, setAnnounce] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);
  const size = { rows: rows.length, cols: GRID_COLUMNS.length };

  const focusCell = useCallback((pos: CellPos) => {
    const el = tableRef.current?.querySelector<HTMLInputElement>(`#${cellId(pos.row, pos.col)}`);
    if (el) {
      el.focus();
      el.select();
    }
  }, []);

  const setCell = (row: GridRowInput, column: GridColumn, text: string) => {
    const current = values[row.id] ?? row.initial;
    onChange({ ...values, [row.id]: { ...current, [column]: text } });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, pos: CellPos, row: GridRowInput) => {
    if (e.key === 'Escape') {
      const column = GRID_COLUMNS[pos.col]!;
      setCell(row, column, row.initial[column]);
      e.preventDefault();
      return;
    }
    const input = e.currentTarget;
    const to = nextFocus(
      pos,
      {
        key: e.key,
        shift: e.shiftKey,
        ctrl: e.ctrlKey || e.metaKey,
        caret: input.selectionStart ?? 0,
        selectionEnd: input.selectionEnd ?? 0,
        length: input.value.length,
      },
      size,
    );
    if (to) {
      e.preventDefault();
      focusCell(to);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, pos: CellPos) => {
    const text = e.clipboardData.getData('text/plain');
    if (!isBlock(text)) return;
    e.preventDefault();
    const block = parseClipboard(text);
    const result = applyPaste(rows, values, pos, block);
    onChange(result.values);
    const parts = [`已粘贴 ${result.written.length} 个单元格`];
    if (result.skipped > 0) parts.push(`${result.skipped} 个超出表格或所在行已锁定，未粘贴`);
    setAnnounce(parts.join('；'));
  };

  return (
    <div className="entry-grid-wrap">
      <table
        ref={tableRef}
        className="entry-grid"
        aria-label={`${year}年指标数值填报表`}
        aria-describedby="entry-grid-help"
      >
        <thead>
          <tr>
            <th scope="col">领域</th>
            <th scope="col">指标</th>
            <th scope="col">基期值</th>
            <th scope="col">目标值</th>
            {GRID_COLUMNS.map((c) => (
              <th key={c} scope="col">
                {c === 'value' ? `${year}年数值` : GRID_COLUMN_LABELS[c]}
              </th>
            ))}
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => {
            const v = values[row.id] ?? row.initial;
            return (
              <tr key={row.id} className={row.locked ? 'locked' : undefined}>
                <td>{row.field}</td>
                <th scope="row" className="entry-name">
                  {row.name}
                  {row.unit && !row.name.includes(row.unit) ? (
                    <span className="entry-unit">（{row.unit}）</span>
                  ) : null}
                </th>
                <td>{row.baseline || '—'}</td>
                <td>{row.target || '—'}</td>
                {GRID_COLUMNS.map((column, c) => {
                  const text = v[column];
                  const error = validateCell(column, text);
                  const changed = !row.locked && text.trim() !== row.initial[column].trim();
                  const errorId = `${cellId(r, c)}-error`;
                  return (
                    <td
                      key={column}
                      className={`entry-cell${error ? ' has-error' : ''}${changed ? ' changed' : ''}`}
                    >
                      <input
                        id={cellId(r, c)}
                        type="text"
                        value={text}
                        readOnly={row.locked}
                        aria-readonly={row.locked || undefined}
                        aria-label={`${row.name} ${year}年${GRID_COLUMN_LABELS[column]}`}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        autoComplete="off"
                        spellCheck={false}
                        onChange={(e) => setCell(row, column, e.currentTarget.value)}
                        onKeyDown={(e) => onKeyDown(e, { row: r, col: c }, row)}
                        onPaste={(e) => onPaste(e, { row: r, col: c })}
                        onFocus={(e) => e.currentTarget.select()}
                      />
                      {changed ? (
                        <span className="entry-mark" title="已修改，未保存">
                          ✎<span className="sr-only">已修改</span>
                        </span>
                      ) : null}
                      {error ? (
                        <div id={errorId} className="entry-error" role="alert">
                          ⚠ {error}
                        </div>
                      ) : null}
                    </td>
                  );
                })}
                <td className="entry-state">
                  {row.stateLabel ?? '未填报'}
                  {row.locked ? '（已锁定）' : ''}
                  {row.returnReason ? (
                    <div className="entry-return">退回原因：{row.returnReason}</div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id="entry-grid-help" className="entry-help">
        方向键、回车、Tab 在单元格间移动；Esc 撤销本格修改；可从 Excel
        复制多行多列后在起始单元格粘贴。
      </p>
      <div className="entry-announce" role="status" aria-live="polite">
        {announce}
      </div>
    </div>
  );
}
