import { readFileSync } from 'node:fs';
import {
  CANONICAL_INDICATORS,
  type Plan,
  printValue,
  type RegionPackage,
  RegionPackageSchema,
} from '@minsheng/domain';
import { describe, expect, expectTypeOf, it } from 'vitest';
import pkg from './index.ts';
import { boxes } from './projects.ts';
import { serviceBlocks } from './services.ts';

const seed = readFileSync(new URL('../source/003_c5d318e940598444.txt', import.meta.url), 'utf8');
const lines = seed.split('\n');
/** The seed's line `n` (1-based), trimmed. */
const line = (n: number): string => (lines[n - 1] ?? '').trim();

const plan = pkg.plans[0] as Plan;
const indicator = (id: string) => {
  const found = plan.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};
const service = (id: string) => {
  const found = plan.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
};
const project = (id: string) => {
  const found = plan.projects.find((p) => p.id === id);
  if (!found) throw new Error(`no project ${id}`);
  return found;
};
const countBy = <T>(items: readonly T[], key: (t: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
};

describe('利州区 region package', () => {
  it('parses with RegionPackageSchema and is typed', () => {
    expectTypeOf(pkg).toEqualTypeOf<RegionPackage>();
    const parsed = RegionPackageSchema.parse(pkg);
    expect(parsed.region).toEqual({
      code: '510802',
      name: '利州区',
      level: 'county',
      parentCode: '510800',
    });
    expect(parsed.plans).toHaveLength(1);
  });

  it('carries the plan header as the document gives it', () => {
    expect(plan.id).toBe('lizhou-14th');
    // Line 22 is the plan's title; line 1 its document number; line 18 the date.
    expect(plan.title).toBe(line(22));
    expect(plan.documentNumber).toBe(line(1));
    expect(line(18)).toBe('2022年9月27日');
    expect(plan.issueDate).toBe('2022-09-27');
    expect(plan.issuer).toBe(line(4));
    expect(plan.period).toEqual({ start: 2021, end: 2025 });
    // Line 84: 根据《…》和《…》编制本规划.
    for (const title of plan.basis) expect(line(84)).toContain(`《${title}》`);
    expect(plan.basis).toHaveLength(2);
    expect(plan.indicatorTable?.title).toBe(line(154));
    expect(plan.indicatorTable?.footnote).toBe(line(496));
    for (const s of plan.services) expect(s.table).toBe(line(516));
  });
});

describe('表1 indicators', () => {
  it('has every row of the table, counted by hand per field', () => {
    // Counted from lines 172–494: 幼有所育 2, 学有所教 4, 劳有所得 11 (其中：农民工… is its own
    // row), 病有所医 7, 老有所养 4, 住有所居 3, 弱有所扶 1, 退役军人服务 2, 文体服务保障 3, 法律服务 1.
    expect(plan.indicators).toHaveLength(38);
    expect(countBy(plan.indicators, (i) => i.field.label)).toEqual({
      幼有所育: 2,
      学有所教: 4,
      劳有所得: 11,
      病有所医: 7,
      老有所养: 4,
      住有所居: 3,
      弱有所扶: 1,
      退役军人服务: 2,
      文体服务保障: 3,
      法律服务: 1,
    });
    expect(plan.indicators.map((i) => i.source.item)).toEqual(plan.indicators.map((_, n) => n + 1));
  });

  it('keeps each row exactly as the seed writes it: name, 2020, 2025, nature', () => {
    // Each row is four non-empty lines: name, 2020年情况, 2025年目标, 指标性质.
    for (const i of plan.indicators) {
      const line0 = i.source.line ?? 0;
      const row = lines
        .slice(line0 - 1, line0 + 8)
        .map((l) => l.trim())
        .filter(Boolean);
      expect(row.slice(0, 4), i.id).toEqual([
        i.name,
        i.baseline.raw,
        i.target.raw,
        i.nature === 'binding' ? '约束性' : '预期性',
      ]);
      expect(i.baselineYear).toBe(2020);
      expect(i.targetYear).toBe(2025);
    }
  });

  it('reads each unit from the bracket that ends the name', () => {
    for (const i of plan.indicators) {
      const bracket = /（([^（）]+)）$/.exec(i.name)?.[1];
      expect(i.unit, i.id).toBe(bracket === '％' ? '%' : bracket);
    }
  });

  it('prints every cell back as written', () => {
    for (const i of plan.indicators) {
      expect(printValue(i.baseline.value)).toBe(i.baseline.raw);
      expect(printValue(i.target.value)).toBe(i.target.raw);
    }
  });

  it('spot checks: cells read by the value grammar', () => {
    const nursery = indicator('nursery-places-per-1000');
    expect(nursery.name).toBe('每千人口3岁以下婴幼儿托位数（个）');
    expect(nursery.target).toEqual({
      raw: '5.0',
      value: { kind: 'number', num: { value: 5, text: '5.0' } },
    });
    expect(nursery.unit).toBe('个');

    const orphans = indicator('orphan-care-coverage');
    expect(orphans.baseline.value).toEqual({ kind: 'none', mark: '-' });
    expect(orphans.target.value).toEqual({ kind: 'allCovered' });
    expect(orphans.nature).toBe('binding');

    const jobs = indicator('urban-new-jobs');
    expect(jobs.target.raw).toBe('[5.4]');
    expect(jobs.target.value).toMatchObject({
      kind: 'cumulative',
      style: '[]',
      inner: { kind: 'number', num: { value: 5.4 } },
    });
    expect(jobs.unit).toBe('万人');

    const surveyed = indicator('urban-surveyed-unemployment');
    expect(surveyed.baseline.raw).toBe('＜6');
    expect(surveyed.target.value).toMatchObject({
      kind: 'bound',
      op: 'lt',
      num: { value: 6 },
      style: { position: 'prefix', symbol: '＜' },
    });

    const registered = indicator('urban-registered-unemployment');
    expect(registered.baseline.value).toMatchObject({ kind: 'bound', op: 'lt' });
    expect(registered.target.value).toMatchObject({ kind: 'bound', op: 'le', num: { value: 4 } });

    expect(indicator('urban-employment-share').target.value).toMatchObject({
      kind: 'bound',
      op: 'gt',
      num: { value: 45 },
    });
    expect(indicator('urban-wage-growth').target.value).toMatchObject({
      kind: 'growth',
      num: { value: 4, text: '4' },
    });
    expect(indicator('rural-labour-transfer').target.value).toMatchObject({
      kind: 'number',
      num: { value: 5.5, text: '5.50' },
    });

    const migrants = indicator('migrant-worker-training');
    expect(migrants.name).toBe('其中：农民工参加职业培训人次（万人次）');
    expect(migrants.unit).toBe('万人次');
    expect(migrants.baseline.value).toMatchObject({
      kind: 'cumulative',
      inner: { num: { value: 0.46 } },
    });

    const resident = indicator('resident-medical-inpatient-reimbursement');
    expect(resident.name).toBe('居民医保政策范围内住院报销比例（含大病保险）（％）');
    expect(resident.unit).toBe('%');
    expect(resident.target.value).toMatchObject({ kind: 'bound', op: 'ge', num: { value: 70 } });

    const beds = indicator('elderly-care-beds-total');
    expect(beds.unit).toBe('万张');
    expect(beds.baseline.raw).toBe('-');
    expect(beds.target.value).toMatchObject({ kind: 'number', num: { value: 0.3 } });

    const renovated = indicator('old-communities-renovated');
    expect(renovated.unit).toBe('户');
    expect(renovated.target.value).toMatchObject({
      kind: 'cumulative',
      inner: { num: { value: 61122 } },
    });

    expect(indicator('cultural-facility-visits-per-10000').target.value).toMatchObject({
      kind: 'bound',
      op: 'gt',
      num: { value: 9200 },
    });
    const sports = indicator('sports-area-per-capita');
    expect(sports.unit).toBe('平方米');
    expect(sports.target.value).toMatchObject({ kind: 'bound', op: 'ge', num: { value: 2.6 } });
    expect(indicator('working-age-schooling-years').target.raw).toBe('13.8');
  });

  it('uses canonical keys that exist, once each, and derives ids from them', () => {
    const keys = plan.indicators.map((i) => i.canonicalKey).filter((k) => k !== null);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of plan.indicators) {
      if (i.canonicalKey === null) continue;
      expect(Object.keys(CANONICAL_INDICATORS)).toContain(i.canonicalKey);
      expect(i.id).toBe(i.canonicalKey.replaceAll('_', '-'));
      expect(i.unit, i.id).toBe(CANONICAL_INDICATORS[i.canonicalKey].unit);
    }
  });
});

describe('表2 basic public services', () => {
  it('lists every item, counted by hand per field, and the counts the plan declares', () => {
    // Counted in the 服务项目 cells, lines 528–582; each cell ends with （共计N项）.
    const listed = {
      幼有所育: 9,
      学有所教: 11,
      劳有所得: 12,
      病有所医: 20,
      老有所养: 4,
      住有所居: 3,
      弱有所扶: 14,
      退役军人服务: 4,
      文体服务保障: 9,
      法律服务: 5,
    };
    expect(countBy(plan.services, (s) => s.field.label)).toEqual(listed);
    expect(plan.services).toHaveLength(91);
    // Line 514: 向全民提供91项基本公共服务.
    expect(line(514)).toContain(`${plan.declaredServiceCount}项基本公共服务`);
    expect(plan.declaredServiceCount).toBe(91);
    expect(plan.serviceFields).toHaveLength(10);
    for (const f of plan.serviceFields) {
      expect(f.declaredCount, f.field.label).toBe(listed[f.field.label as keyof typeof listed]);
    }
  });

  it('splits each 服务项目 cell into exactly its items, names as written', () => {
    for (const b of serviceBlocks) {
      const cell = line(b.listLine);
      const match = /^(.*?)。?（共计(\d+)项）$/.exec(cell);
      expect(match, cell).not.toBeNull();
      expect(b.items).toEqual(match?.[1]?.split('，'));
      expect(b.declaredCount).toBe(Number(match?.[2]));
      expect(b.field.label).toBe(line(b.labelLine));
      expect(b.contentAndGoal).toBe(line(b.labelLine + 2));
    }
  });

  it('spot checks: names, ids and content', () => {
    expect(service('s-employment-08').name).toBe('“12333”（已并入“12345”）热线电话咨询服务');
    expect(service('s-employment-02').name).toBe('职业介绍、职业指导和创业开业指导');
    expect(service('s-health-20').name).toBe('计划生育特殊家庭住院护理保险补贴');
    expect(service('s-culture-sports-02').name).toBe('送戏曲下乡');
    expect(service('s-legal-05')).toMatchObject({
      name: '法律咨询',
      field: { key: 'legal', label: '法律服务' },
      source: { section: '表2', item: 91, line: 582 },
    });
    const housing = plan.serviceFields.find((f) => f.field.key === 'housing');
    expect(housing?.contentAndGoal).toBe(
      '大力发展保障性租赁住房，保障公民居住权利，逐步满足城乡居民基本住房需求',
    );
  });
});

describe('专栏 projects', () => {
  it('has every item of every box, counted by hand', () => {
    // 专栏1 lines 646–650: 3; 专栏2 674–684: 6; 专栏3 710–714: 3; 专栏4 725–731: 4;
    // 专栏5 747–751: 3; 专栏6 767–769: 2; 专栏7 785–787: 2; 专栏8 807–815: 5;
    // 专栏9 831–835: 3; 专栏10 915–927: 7 (（一）–（七）).
    expect(countBy(plan.projects, (p) => p.source.section)).toEqual({
      专栏1: 3,
      专栏2: 6,
      专栏3: 3,
      专栏4: 4,
      专栏5: 3,
      专栏6: 2,
      专栏7: 2,
      专栏8: 5,
      专栏9: 3,
      专栏10: 7,
    });
    expect(plan.projects).toHaveLength(38);
  });

  it('takes every non-empty line under each box heading, up to the next heading', () => {
    for (const b of boxes) {
      expect(line(b.line)).toBe(b.box);
      const body: number[] = [];
      for (let n = b.line + 1; n <= lines.length; n++) {
        const text = line(n);
        if (/^第.[节章]/.test(text)) break;
        if (text) body.push(n);
      }
      expect(b.items.map((i) => i.line)).toEqual(body);
      for (const item of b.items) expect(item.text).toBe(line(item.line));
    }
  });

  it('names each item by the heading it opens with', () => {
    for (const p of plan.projects) {
      expect(p.text.replace(/^（[一二三四五六七]）/, '').startsWith(`${p.name}。`), p.id).toBe(
        true,
      );
    }
  });

  it('reads quantities that stand in the text', () => {
    for (const p of plan.projects) {
      for (const q of p.quantities) {
        expect(p.text, p.id).toContain(q.text);
        expect(q.text, p.id).toContain(`${q.value}${q.unit}`);
      }
    }
  });

  it('spot checks: boxes, numbering and quantities', () => {
    const nursery = project('p-1-02');
    expect(nursery.box).toBe('专栏1\u2003幼有所育工程');
    expect(nursery.name).toBe('托育服务扩容');
    expect(nursery.quantities.map((q) => [q.metric, q.value, q.unit])).toEqual([
      ['建成托育普惠机构', 33, '个'],
      ['新增托位', 1800, '个'],
      ['普惠托位', 600, '个'],
      ['非营利性托位', 600, '个'],
      ['营利性托位', 600, '个'],
      ['示范性托育服务机构', 1, '所'],
    ]);
    expect(project('p-2-02').quantities.find((q) => q.text === '14所中学')?.metric).toBe(
      '新改扩建中学',
    );
    expect(project('p-5-03').quantities).toEqual([
      { metric: '农村危房改造', value: 300, unit: '户', text: '力争完成300户农村危房改造' },
    ]);
    expect(project('p-7-01').quantities.map((q) => [q.value, q.unit])).toEqual([
      [1, '个'],
      [12, '个'],
    ]);
    expect(project('p-9-02').quantities.find((q) => q.unit === '轮')?.value).toBe(1);
    const last = project('p-10-07');
    expect(last).toMatchObject({
      box: '专栏10\u2003就业创业重点项目',
      number: 7,
      name: '公共就业创业服务能力提升工程',
      field: { key: 'employment' },
    });
    expect(last.quantities.map((q) => q.value)).toEqual([30, 20, 5, 80]);
    expect(project('p-4-01').field).toEqual({ key: 'elderly', label: '老有所养' });
    expect(project('p-8-05').quantities).toEqual([
      { metric: '社会足球场', value: 5, unit: '片', text: '5片社会足球场' },
    ]);
  });
});

describe('notes and sources', () => {
  it('notes the document’s own problems, counted by kind', () => {
    // Two services listed twice, one implausible target, one box overlap (remarks); 25 vs
    // 28+14 schools (contradiction). The text runs to the end of 第七章 (line 1021), so no
    // truncation note.
    expect(countBy(plan.notes, (n) => n.kind)).toEqual({ remark: 4, contradiction: 1 });
    expect(line(660)).toContain('25所学校');
    expect(line(676)).toContain('新改扩建28所小学和14所中学');
    const twice = (name: string) => plan.services.filter((s) => s.name === name).length;
    expect(twice('生育保险')).toBe(2);
    expect(twice('医疗救助')).toBe(2);
    for (const n of plan.notes.filter((x) => x.where.section === '表2')) {
      const s = plan.services.find((x) => x.source.item === n.where.item);
      expect(n.text, n.text).toContain(s?.name ?? '?');
    }
  });

  it('points every source line at a line that holds the item’s name', () => {
    for (const i of plan.indicators) expect(line(i.source.line ?? 0), i.id).toContain(i.name);
    for (const s of plan.services) expect(line(s.source.line ?? 0), s.id).toContain(s.name);
    for (const f of plan.serviceFields) expect(line(f.source.line ?? 0)).toBe(f.field.label);
    for (const p of plan.projects) {
      expect(line(p.source.line ?? 0), p.id).toContain(p.name ?? p.text);
    }
    for (const n of plan.notes) {
      expect(n.where.line, n.text).toBeLessThanOrEqual(lines.length);
      expect(line(n.where.line ?? 0), n.text).not.toBe('');
    }
  });
});
