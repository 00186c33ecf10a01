import { readFileSync } from 'node:fs';
import { type Indicator, type Plan, RegionPackageSchema } from '@minsheng/domain';
import { describe, expect, it } from 'vitest';
import national from './index.ts';
import { EMPTY_CELLS_NOTE, SOURCES } from './indicators.ts';

const text = readFileSync(new URL(`../${SOURCES}`, import.meta.url), 'utf8');
/** The citation file's fact lines (plan | count | target …), by 1-based line number. */
const facts = new Map<number, string[]>();
text.split('\n').forEach((l, i) => {
  const cells = l.split(' | ');
  if (cells.length > 1 && ['plan', 'count', 'target'].includes(cells[0] ?? ''))
    facts.set(i + 1, cells);
});
/** The one fact line of `kind` and `key`: its line number and its value. */
const fact = (kind: string, key: string): { line: number; value: string } => {
  const found = [...facts].filter(([, c]) => c[0] === kind && c[1] === key);
  expect(found, `${kind} | ${key}`).toHaveLength(1);
  const [line, cells] = found[0] as [number, string[]];
  return { line, value: cells[2] ?? '' };
};

const plan = national.plans[0] as Plan;
const byName = (name: string): Indicator => {
  const found = plan.indicators.find((i) => i.name === name);
  if (!found) throw new Error(`no indicator named ${name}`);
  return found;
};

describe('国家 region package', () => {
  it('parses, sits above the provinces, and its header agrees with the citation file', () => {
    expect(RegionPackageSchema.parse(national)).toEqual(national);
    expect(national.region).toEqual({
      code: '100000',
      name: '国家',
      level: 'national',
      parentCode: null,
    });
    expect(plan.period).toEqual({ start: 2021, end: 2025 });
    expect(plan.source).toEqual({ file: SOURCES, url: null });
    expect(fact('plan', '标题').value).toBe(plan.title);
    expect(fact('plan', '印发').value).toBe(plan.issuer);
    expect(fact('plan', '发布日').value).toBe(plan.issueDate);
    expect(fact('plan', '指标表').value).toBe(plan.indicatorTable?.title);
    // Notes cite the fact line they rest on.
    const where = (line: number) => plan.notes.filter((n) => n.where.line === line);
    expect(where(fact('plan', '指标表').line)).toHaveLength(1);
    expect(where(fact('plan', '发布日').line)[0]?.text).toContain(plan.issueDate);
    // Our own record: publishers and dates, no copied pages, no links to copies.
    expect(text).toContain('新华社, Beijing, 2022-01-10, reporter 安蓓');
    expect(text).toContain('人民日报, 2022-01-11, 第03版, reporter 陆娅楠');
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('has the 22 indicators the 人民日报 report counts, by field as the 新华社 release groups them', () => {
    const total = Number(fact('count', '指标总数').value);
    const binding = Number(fact('count', '约束性').value);
    const expected = Number(fact('count', '预期性').value);
    expect([total, binding + expected]).toEqual([22, 22]);
    expect(plan.indicators).toHaveLength(total);
    const counted = plan.notes.find((n) => n.where.line === fact('count', '指标总数').line);
    expect(counted?.text).toContain(`约束性指标${binding}项，预期性指标${expected}项`);
    expect(counted?.text).toContain(`${SOURCES} 第${fact('count', '指标总数').line}—`);
    expect(fact('count', '逐项属性').value).toBe('未逐项列出');
    const fields: Record<string, number> = {};
    for (const i of plan.indicators) fields[i.field.label] = (fields[i.field.label] ?? 0) + 1;
    expect(fields).toEqual({
      幼有所育: 2,
      学有所教: 4,
      劳有所得: 1,
      病有所医: 4,
      老有所养: 4,
      住有所居: 3,
      弱有所扶: 1,
      文体服务保障: 3,
    });
    expect(new Set(plan.indicators.map((i) => i.canonicalKey)).size).toBe(22);
  });

  it('cites, for every cell, the target line of the citation file that records it, in its order', () => {
    const targets = [...facts].filter(([, c]) => c[0] === 'target');
    // Every target line is one cell and every cell one target line, in the same order.
    expect(targets.map(([line]) => line)).toEqual(plan.indicators.map((i) => i.source.line));
    plan.indicators.forEach((ind, i) => {
      expect(ind.source).toMatchObject({ section: '新华社2022-01-10', item: i + 1 });
      expect(facts.get(ind.source.line ?? 0), ind.name).toEqual([
        'target',
        ind.field.label,
        ind.name,
        ind.target.raw,
        'S1',
      ]);
      expect(ind.note).toContain(`${SOURCES} 第${ind.source.line}行`);
    });
  });

  it('leaves the 2020 column and the natures empty, and says why', () => {
    for (const i of plan.indicators) {
      expect(i.baseline.raw).toBe('');
      expect(i.nature).toBeNull();
      expect(i.note).toContain(EMPTY_CELLS_NOTE);
    }
    expect(plan.documentNumber).toBeNull();
    expect(plan.services).toEqual([]);
    expect(plan.projects).toEqual([]);
  });

  it('reads the targets as the release words them', () => {
    expect(byName('学前教育毛入园率').target.value).toMatchObject({
      kind: 'bound',
      op: 'gt',
      num: { value: 90 },
      unit: '%',
    });
    expect(byName('养老机构护理型床位占比').target.value).toMatchObject({
      kind: 'bound',
      op: 'ge',
      num: { value: 55 },
    });
    expect(byName('养老服务床位总量').target.value).toMatchObject({
      kind: 'approx',
      num: { value: 1000 },
      unit: '万张',
    });
    expect(byName('九年义务教育巩固率').target.value).toMatchObject({
      kind: 'number',
      num: { value: 96 },
    });
    expect(byName('符合条件的农村低收入群体住房安全').target.value).toEqual({ kind: 'allCovered' });
    expect(plan.indicators.filter((i) => i.target.value.kind === 'allCovered')).toHaveLength(3);
  });
});
