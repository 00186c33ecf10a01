import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { EntryGrid, type EntryGridRow } from './EntryGrid.tsx';
import { dirtyRows, initialValues, type Values } from './grid.ts';

afterEach(cleanup);

const rows: EntryGridRow[] = [
  {
    id: 'preschool',
    name: '学前教育毛入园率',
    unit: '%',
    field: '幼有所育',
    baseline: '88',
    target: '≥92',
    initial: { value: '', source: '', note: '' },
    locked: false,
    stateLabel: null,
    returnReason: null,
  },
  {
    id: 'beds',
    name: '每千人口医疗卫生机构床位数',
    unit: '张',
    field: '病有所医',
    baseline: '6.4',
    target: '7.2',
    initial: { value: '6.8', source: '统计公报', note: '' },
    locked: true,
    stateLabel: '已审核',
    returnReason: null,
  },
  {
    id: 'jobs',
    name: '城镇新增就业',
    unit: '万人',
    field: '劳有所得',
    baseline: '【1.2】',
    target: '【1.5】',
    initial: { value: '0.3', source: '', note: '' },
    locked: false,
    stateLabel: '已退回',
    returnReason: '与人社局数据不符',
  },
];

let latest: Values = {};
function Harness() {
  const [values, setValues] = useState(() => initialValues(rows));
  latest = values;
  return <EntryGrid rows={rows} year={2023} values={values} onChange={setValues} />;
}

const cell = (name: string, column = '本年数值') =>
  screen.getByRole('textbox', { name: `${name} 2023年${column}` });

describe('EntryGrid', () => {
  it('labels every cell with its indicator and year', () => {
    render(<Harness />);
    expect(screen.getAllByRole('textbox')).toHaveLength(rows.length * 3);
    expect(cell('学前教育毛入园率')).toHaveProperty('value', '');
    expect(cell('每千人口医疗卫生机构床位数')).toHaveProperty('readOnly', true);
    expect(screen.getByText('退回原因：与人社局数据不符')).toBeTruthy();
  });

  it('shows the grammar error in Chinese on the cell, and clears it when fixed', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = cell('学前教育毛入园率');
    await user.type(input, '九十');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const errorId = input.getAttribute('aria-describedby');
    expect(errorId).toBeTruthy();
    const error = document.getElementById(errorId ?? '');
    expect(error?.textContent).toContain('无法识别“九十”');
    expect(error?.closest('td')).toBe(input.closest('td'));

    await user.clear(input);
    await user.type(input, '≥93.5');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(dirtyRows(rows, latest).map((r) => r.id)).toEqual(['preschool']);
  });

  it('pastes a block from Excel across rows and columns, stepping over the locked row', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(cell('学前教育毛入园率'));
    await user.paste('93.1\t教育局年报\n【0.9】\t人社局\tabc\n');
    expect(cell('学前教育毛入园率')).toHaveProperty('value', '93.1');
    expect(cell('学前教育毛入园率', '数据来源')).toHaveProperty('value', '教育局年报');
    expect(cell('每千人口医疗卫生机构床位数')).toHaveProperty('value', '6.8');
    expect(cell('城镇新增就业')).toHaveProperty('value', '【0.9】');
    expect(cell('城镇新增就业', '数据来源')).toHaveProperty('value', '人社局');
    expect(cell('城镇新增就业', '备注')).toHaveProperty('value', 'abc');
    expect(screen.getByRole('status').textContent).toBe('已粘贴 5 个单元格');
    expect(dirtyRows(rows, latest).map((r) => r.id)).toEqual(['preschool', 'jobs']);
  });

  it('marks pasted values the grammar cannot read', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(cell('学前教育毛入园率'));
    await user.paste('93\n很好\n');
    const bad = cell('城镇新增就业');
    expect(bad.getAttribute('aria-invalid')).toBe('true');
    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(1);
    expect(within(bad.closest('td')!).getByRole('alert').textContent).toContain('“很好”');
  });

  it('moves with the keyboard and Esc restores the cell', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(cell('学前教育毛入园率'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell('每千人口医疗卫生机构床位数'));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cell('城镇新增就业'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell('城镇新增就业', '数据来源'));
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(cell('学前教育毛入园率', '数据来源'));

    await user.click(cell('城镇新增就业'));
    await user.keyboard('{Control>}a{/Control}5');
    expect(cell('城镇新增就业')).toHaveProperty('value', '5');
    await user.keyboard('{Escape}');
    expect(cell('城镇新增就业')).toHaveProperty('value', '0.3');
  });
});
