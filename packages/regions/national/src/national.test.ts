import { readFileSync } from 'node:fs';
import { type Indicator, type Plan, RegionPackageSchema } from '@minsheng/domain';
import { describe, expect, it } from 'vitest';
import national from './index.ts';
import { EMPTY_CELLS_NOTE } from './indicators.ts';

const read = (name: string): string[] =>
  readFileSync(new URL(`../source/${name}`, import.meta.url), 'utf8').split('\n');
const xinhua = read('xinhua-2022-01-10.txt');
const people = read('people-daily-2022-01-11.txt');
/** The stored release's line `n` (1-based). */
const line = (n: number | undefined): string => xinhua[(n ?? 0) - 1] ?? '';

const plan = national.plans[0] as Plan;
const byName = (name: string): Indicator => {
  const found = plan.indicators.find((i) => i.name === name);
  if (!found) throw new Error(`no indicator named ${name}`);
  return found;
};

describe('国家 region package', () => {
  it('parses, and sits above the provinces', () => {
    expect(RegionPackageSchema.parse(national)).toEqual(national);
    expect(national.region).toEqual({
      code: '100000',
      name: '国家',
      level: 'national',
      parentCode: null,
    });
    expect(plan.period).toEqual({ start: 2021, end: 2025 });
    expect(line(7)).toContain(`《${plan.title}》`);
    expect(line(7)).toContain('10日发布');
    expect(line(8)).toContain(`由${plan.issuer}印发`);
    expect(line(8)).toContain(plan.indicatorTable?.title ?? '?');
  });

  it('has the 22 indicators the 人民日报 report counts, by field as the 新华社 release groups them', () => {
    expect(people[6]).toContain('《规划》设计了22项指标,其中约束性指标7项,预期性指标15项');
    expect(plan.indicators).toHaveLength(22);
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
    // Each field's line of the release opens with its field: 在幼有所育方面 …
    for (const i of plan.indicators) expect(line(i.source.line)).toMatch(`在${i.field.label}方面`);
    expect(new Set(plan.indicators.map((i) => i.canonicalKey)).size).toBe(22);
  });

  it('cites, for every target, the release line that gives it, in the order it gives them', () => {
    let last = { line: 0, at: 0 };
    plan.indicators.forEach((ind, i) => {
      expect(ind.source).toMatchObject({ section: '新华社2022-01-10', item: i + 1 });
      const text = line(ind.source.line);
      // The name as the release writes it, then the target exactly as written after it. 注册护士
      // shares 每千人口拥有 with the row before it.
      const subject = ind.name === '每千人口拥有注册护士' ? '注册护士' : ind.name;
      const at = text.indexOf(subject);
      expect(at, ind.name).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(ind.target.raw, at), ind.name).toBeGreaterThan(at);
      if (ind.source.line === last.line) expect(at, ind.name).toBeGreaterThan(last.at);
      last = { line: ind.source.line ?? 0, at };
      expect(ind.note).toContain(`第${ind.source.line}行`);
    });
  });

  it('leaves the 2020 column and the natures empty, and says why', () => {
    for (const i of plan.indicators) {
      expect(i.baseline.raw).toBe('');
      expect(i.nature).toBeNull();
      expect(i.note).toContain(EMPTY_CELLS_NOTE);
    }
    expect(plan.notes.map((n) => n.text).join('\n')).toContain('约束性指标7项，预期性指标15项');
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
