import { describe, expect, it } from 'vitest';
import {
  applyPaste,
  dirtyRows,
  type GridRowInput,
  gridErrors,
  initialValues,
  isBlock,
  nextFocus,
  parseClipboard,
  validateCell,
} from './grid.ts';

const empty = { value: '', source: '', note: '' };
const row = (id: string, locked = false, initial = empty): GridRowInput => ({
  id,
  name: `指标${id}`,
  initial: { ...initial },
  locked,
});

describe('validateCell', () => {
  it('accepts the forms the plans write', () => {
    for (const text of ['98.5', '≥95', '95%以上', '约1.2', '【5】', '6.5*', '应保尽保', '']) {
      expect(validateCell('value', text), text).toBeNull();
    }
  });

  it('names the text and the reason in Chinese', () => {
    const msg = validateCell('value', '九十五');
    expect(msg).toContain('九十五');
    expect(msg).toMatch(/^无法识别/);
  });

  it('refuses a no-value mark, which is not an observation', () => {
    expect(validateCell('value', '——')).toContain('观测值需要填写一个数值');
  });

  it('limits the length of source and note', () => {
    expect(validateCell('source', 'x'.repeat(500))).toBeNull();
    expect(validateCell('source', 'x'.repeat(501))).toBe('数据来源最多500个字符');
  });
});

describe('parseClipboard', () => {
  it('reads an Excel block with its trailing newline', () => {
    expect(parseClipboard('98\t统计年鉴\n97.5\t公报\r\n')).toEqual([
      ['98', '统计年鉴'],
      ['97.5', '公报'],
    ]);
  });

  it('keeps empty cells in place', () => {
    expect(parseClipboard('1\t\t备注\n\t来源\t')).toEqual([
      ['1', '', '备注'],
      ['', '来源', ''],
    ]);
  });

  it('reads quoted cells with newlines and doubled quotes inside', () => {
    expect(parseClipboard('"第一行\n第二行"\t"说""明"\n2\tx')).toEqual([
      ['第一行\n第二行', '说"明'],
      ['2', 'x'],
    ]);
  });

  it('keeps a value that only starts with a quote as written', () => {
    expect(parseClipboard('"约"5\t1')).toEqual([['"约"5', '1']]);
  });

  it('tells a block from a single value', () => {
    expect(isBlock('98.5')).toBe(false);
    expect(isBlock('98.5\n')).toBe(false);
    expect(isBlock('98.5\n97')).toBe(true);
    expect(isBlock('98.5\t统计局')).toBe(true);
  });
});

describe('applyPaste', () => {
  const rows = [row('a'), row('b', true), row('c'), row('d')];

  it('lays the block from the focused cell, stepping over locked rows', () => {
    const values = initialValues(rows);
    const res = applyPaste(rows, values, { row: 0, col: 0 }, [
      ['1', 's1'],
      ['2', 's2'],
      ['3', 's3'],
    ]);
    expect(res.values.a).toEqual({ value: '1', source: 's1', note: '' });
    expect(res.values.b).toEqual(values.b);
    expect(res.values.c).toEqual({ value: '2', source: 's2', note: '' });
    expect(res.values.d).toEqual({ value: '3', source: 's3', note: '' });
    expect(res.written.map((p) => p.row)).toEqual([0, 0, 2, 2, 3, 3]);
    expect(res.skipped).toBe(0);
  });

  it('counts what falls outside the grid and leaves the input untouched', () => {
    const values = initialValues(rows);
    const res = applyPaste(rows, values, { row: 3, col: 1 }, [
      ['s', 'n', 'extra'],
      ['more', 'rows'],
    ]);
    expect(res.values.d).toEqual({ value: '', source: 's', note: 'n' });
    expect(res.skipped).toBe(3);
    expect(values.d).toEqual(empty);
  });

  it('pasted values are validated like typed ones', () => {
    const res = applyPaste(rows, initialValues(rows), { row: 0, col: 0 }, [['abc'], ['95']]);
    const errors = gridErrors(rows, res.values);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ id: 'a', column: 'value' });
    expect(errors[0]?.message).toContain('abc');
  });
});

describe('dirtyRows', () => {
  it('lists changed editable rows only, ignoring surrounding spaces', () => {
    const rows = [row('a', false, { value: '5', source: '', note: '' }), row('b'), row('c', true)];
    const values = initialValues(rows);
    values.a = { value: ' 5 ', source: '', note: '' };
    values.b = { value: '7', source: '', note: '' };
    values.c = { value: '9', source: '', note: '' };
    expect(dirtyRows(rows, values).map((r) => r.id)).toEqual(['b']);
  });
});

describe('nextFocus', () => {
  const size = { rows: 3, cols: 3 };
  const at = (
    key: string,
    extra: Partial<{ caret: number; end: number; length: number; shift: boolean }>,
  ) => ({
    key,
    shift: extra.shift ?? false,
    ctrl: false,
    caret: extra.caret ?? 0,
    selectionEnd: extra.end ?? extra.caret ?? 0,
    length: extra.length ?? 0,
  });

  it('moves down and up, stopping at the edges', () => {
    expect(nextFocus({ row: 0, col: 1 }, at('ArrowDown', {}), size)).toEqual({ row: 1, col: 1 });
    expect(nextFocus({ row: 2, col: 1 }, at('Enter', {}), size)).toEqual({ row: 2, col: 1 });
    expect(nextFocus({ row: 1, col: 1 }, at('Enter', { shift: true }), size)).toEqual({
      row: 0,
      col: 1,
    });
    expect(nextFocus({ row: 0, col: 0 }, at('ArrowUp', {}), size)).toEqual({ row: 0, col: 0 });
  });

  it('leaves a cell sideways only from the edge of its text', () => {
    expect(nextFocus({ row: 0, col: 1 }, at('ArrowLeft', { caret: 2, length: 3 }), size)).toBe(
      null,
    );
    expect(nextFocus({ row: 0, col: 1 }, at('ArrowLeft', { caret: 0, length: 3 }), size)).toEqual({
      row: 0,
      col: 0,
    });
    expect(nextFocus({ row: 0, col: 1 }, at('ArrowRight', { caret: 3, length: 3 }), size)).toEqual({
      row: 0,
      col: 2,
    });
    expect(nextFocus({ row: 0, col: 2 }, at('ArrowRight', { caret: 3, length: 3 }), size)).toBe(
      null,
    );
  });

  it('leaves a cell whose whole text is selected, but not a partial selection', () => {
    const all = { caret: 0, end: 3, length: 3 };
    expect(nextFocus({ row: 1, col: 1 }, at('ArrowRight', all), size)).toEqual({ row: 1, col: 2 });
    expect(nextFocus({ row: 1, col: 1 }, at('ArrowLeft', all), size)).toEqual({ row: 1, col: 0 });
    const part = { caret: 1, end: 3, length: 3 };
    expect(nextFocus({ row: 1, col: 1 }, at('ArrowRight', part), size)).toBe(null);
  });
});
