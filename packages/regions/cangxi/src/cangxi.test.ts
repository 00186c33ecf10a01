import { readFileSync } from 'node:fs';
import {
  type FieldKey,
  type Indicator,
  type Plan,
  type Project,
  RegionPackageSchema,
  type ServiceItem,
} from '@minsheng/domain';
import { describe, expect, it } from 'vitest';
import cangxi from './index.ts';
import { BOX } from './projects.ts';

const seedLines = readFileSync(
  new URL('../source/000_9f04399c66dd38d8.txt', import.meta.url),
  'utf8',
).split('\n');
/** The seed file's line `n` (1-based), trimmed. */
const line = (n: number | undefined): string => seedLines[(n ?? 0) - 1]?.trim() ?? '';

const plan = cangxi.plans[0] as Plan;

function indicator(name: string): Indicator {
  const found = plan.indicators.find((i) => i.name === name);
  if (!found) throw new Error(`no indicator named ${name}`);
  return found;
}
function service(id: string): ServiceItem {
  const found = plan.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}
function project(id: string): Project {
  const found = plan.projects.find((p) => p.id === id);
  if (!found) throw new Error(`no project ${id}`);
  return found;
}
function countBy<T>(list: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of list) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

describe('苍溪县 region package', () => {
  it('parses with RegionPackageSchema and holds one plan', () => {
    expect(RegionPackageSchema.parse(cangxi)).toEqual(cangxi);
    expect(cangxi.region).toEqual({
      code: '510824',
      name: '苍溪县',
      level: 'county',
      parentCode: '510800',
    });
    expect(cangxi.plans).toHaveLength(1);
  });

  it('has the plan header as the document gives it', () => {
    expect(plan.id).toBe('cangxi-14th');
    expect(plan.title).toBe('苍溪县“十四五”公共服务和就业促进规划');
    expect(line(3)).toBe(plan.title);
    expect(plan.kind).toBe('five_year');
    expect(plan.period).toEqual({ start: 2021, end: 2025 });
    // Line 5: 发布机构:苍溪县发展和改革局 发布时间: 2022-05-27
    expect(line(5)).toContain(`发布机构:${plan.issuer}`);
    expect(line(5)).toContain(`发布时间: ${plan.issueDate}`);
    expect(plan.documentNumber).toBeNull();
    expect(plan.basis).toHaveLength(4);
    for (const title of plan.basis) expect(line(90)).toContain(`《${title}》`);
    expect(plan.source).toEqual({ file: '000_9f04399c66dd38d8.txt', url: null });
    expect(plan.indicatorTable).toEqual({
      title: '表1\u2003苍溪县“十四五”公共服务重点领域主要发展指标',
      footnote: '注:【】内为5年累计数,带*为年均增速。',
    });
    expect(line(143)).toBe(plan.indicatorTable?.title);
    expect(line(467)).toBe(plan.indicatorTable?.footnote);
  });
});

describe('表1 indicators', () => {
  it('has every row of the table, by field', () => {
    // Counted by hand from 表1 (lines 143–467): 37 rows under ten 领域.
    expect(plan.indicators).toHaveLength(37);
    expect(countBy(plan.indicators, (i) => i.field.label)).toEqual({
      幼有所育: 2,
      学有所教: 4,
      劳有所得: 11,
      病有所医: 7,
      老有所养: 3,
      住有所居: 3,
      弱有所扶: 1,
      优军服务保障: 2,
      文体服务保障: 3,
      法律服务: 1,
    });
    // 约束性 rows counted by hand: 孤儿, 失业保险, 工伤保险, 注册护士, 基本医保, 护理型床位,
    // 养老服务设施, 公租房, 农村住房安全, 安置率, 参训率, 公共文化设施, 体育场地.
    expect(plan.indicators.filter((i) => i.nature === 'binding')).toHaveLength(13);
  });

  it('keeps every row in table order, with the cells the seed file has after its name', () => {
    plan.indicators.forEach((ind, i) => {
      expect(ind.source).toMatchObject({ section: '表1', item: i + 1 });
      expect(line(ind.source.line)).toBe(ind.name);
      // The extraction writes one cell a line and drops empty cells; read up to the 性质 cell.
      const cells: string[] = [];
      let n = (ind.source.line ?? 0) + 1;
      while (!['预期性', '约束性'].includes(line(n))) {
        if (line(n)) cells.push(line(n));
        n++;
      }
      expect(cells, ind.name).toEqual([ind.baseline.raw, ind.target.raw].filter((c) => c !== ''));
      expect(ind.nature).toBe(line(n) === '约束性' ? 'binding' : 'expected');
      expect(ind.baselineYear).toBe(2020);
      expect(ind.targetYear).toBe(2025);
    });
    const lines = plan.indicators.map((i) => i.source.line ?? 0);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('reads 城镇登记失业率 ≤4 as an upper bound', () => {
    const i = indicator('城镇登记失业率(%)');
    expect(i.baseline).toEqual({
      raw: '3.8',
      value: { kind: 'number', num: { value: 3.8, text: '3.8' } },
    });
    expect(i.target.raw).toBe('≤4');
    expect(i.target.value).toMatchObject({ kind: 'bound', op: 'le', num: { value: 4 } });
    expect(i.unit).toBe('%');
    expect(i.canonicalKey).toBe('urban_registered_unemployment');
  });

  it('places a lone 应保尽保 in the 2025 column, leaving 2020 empty', () => {
    const i = indicator('孤儿和事实无人抚养儿童保障覆盖率(%)');
    expect(i.baseline).toEqual({ raw: '', value: { kind: 'none', mark: '' } });
    expect(i.target).toEqual({ raw: '应保尽保', value: { kind: 'allCovered' } });
    expect(i.nature).toBe('binding');
    expect(i.note).toMatch(/2020 cell is read as empty/);
  });

  it('reads the lone >45, 4* and >30 as 2025 targets', () => {
    const share = indicator('城镇就业占比(%)');
    expect(share.baseline.value.kind).toBe('none');
    expect(share.target.value).toMatchObject({ kind: 'bound', op: 'gt', num: { value: 45 } });
    const wage = indicator('城镇全部单位就业人员平均工资增长(%)');
    expect(wage.baseline.raw).toBe('');
    expect(wage.target.value).toMatchObject({ kind: 'growth', num: { value: 4 } });
    const space = indicator('每百户居民拥有社区综合服务设施面积(平方米)');
    expect(space.unit).toBe('平方米');
    expect(space.target.value).toMatchObject({ kind: 'bound', op: 'gt', num: { value: 30 } });
  });

  it('reads 【】 cells as five-year totals', () => {
    const i = indicator('开展补贴性职业技能培训人数(万人次)');
    expect(i.unit).toBe('万人次');
    expect(i.baseline.value).toMatchObject({
      kind: 'cumulative',
      style: '【】',
      inner: { kind: 'number', num: { value: 0.88 } },
    });
    expect(i.target.raw).toBe('【0.5】');
    const sub = indicator('其中:农民工参加职业培训人次(万人次)');
    expect(sub.canonicalKey).toBe('migrant_worker_training');
    expect(sub.target.value).toMatchObject({ kind: 'cumulative', inner: { num: { value: 0.42 } } });
  });

  it('reads 98以上 and 稳定在98以上 and 保持稳定', () => {
    const i = indicator('基本医疗保险参保率(%)');
    expect(i.baseline.value).toMatchObject({
      kind: 'bound',
      op: 'ge',
      num: { value: 98 },
      style: { position: 'suffix', word: '以上' },
    });
    expect(i.target.value).toMatchObject({ kind: 'hold', level: { op: 'ge', num: { value: 98 } } });
    const employee = indicator('职工医保政策范围内住院报销比例(%)');
    expect(employee.target).toEqual({ raw: '保持稳定', value: { kind: 'hold' } });
  });

  it('leaves the unit null where the name gives none', () => {
    expect(indicator('居民医保政策范围内住院报销比例(含大病保险)').unit).toBeNull();
    expect(indicator('重点救助对象符合规定的医疗费用住院救助比例').unit).toBeNull();
    expect(plan.indicators.filter((i) => i.unit === null)).toHaveLength(2);
    expect(indicator('每千人口拥有执业(助理)医师数(人)').unit).toBe('人');
  });

  it('keeps the other single-cell row, 养老服务设施达标率 70, as a binding 2025 target', () => {
    const i = indicator('新建城区、居住(小)区配套建设养老服务设施达标率(%)');
    expect(i.baseline.raw).toBe('');
    expect(i.target.value).toMatchObject({ kind: 'number', num: { value: 70 } });
    expect(i.nature).toBe('binding');
    expect(i.note).toMatch(/2025 target/);
  });

  it('keeps plain numbers and ≥ bounds as written', () => {
    const housing = indicator('城镇老旧小区累计改造(户)');
    expect([housing.baseline.raw, housing.target.raw]).toEqual(['1361', '13000']);
    expect(housing.target.value).toMatchObject({ kind: 'number', num: { value: 13000 } });
    const sports = indicator('人均体育场地面积(平方米)');
    expect(sports.target.value).toMatchObject({ kind: 'bound', op: 'ge', num: { value: 2.6 } });
    const visits = indicator('每万人接受公共文化设施服务次数(次)');
    expect([visits.baseline.raw, visits.target.raw]).toEqual(['8696', '>9000']);
  });

  it('uses each canonical key once, and ids derived from it', () => {
    const keys = plan.indicators.map((i) => i.canonicalKey);
    expect(keys.every((k) => k !== null)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of plan.indicators) expect(i.id).toBe(i.canonicalKey?.replaceAll('_', '-'));
    expect(indicator('养老机构床位中护理型床位占比(%)').id).toBe('nursing-beds-share');
  });
});

describe('表2 services', () => {
  const declared: [FieldKey, string, number][] = [
    // (共计N项) as 表2 writes it at the end of each field's 服务项目 cell (lines 496–551).
    ['childcare', '幼有所育', 9],
    ['education', '学有所教', 11],
    ['employment', '劳有所得', 12],
    ['health', '病有所医', 11],
    ['elderly', '老有所养', 4],
    ['housing', '住有所居', 3],
    ['assistance', '弱有所扶', 13],
    ['veterans', '优军服务保障', 4],
    ['culture_sports', '文体服务保障', 8],
    ['legal', '法律服务', 6],
  ];

  it('lists 81 items, as 第三章第二节 declares, and each field as many as its (共计N项)', () => {
    // Line 482: 向全民提供81项基本公共服务; counted by hand, the lists hold 81 items.
    expect(plan.declaredServiceCount).toBe(81);
    expect(plan.services).toHaveLength(81);
    expect(plan.serviceFields.map((f) => [f.field.key, f.field.label, f.declaredCount])).toEqual(
      declared,
    );
    const listed = countBy(plan.services, (s) => s.field.key);
    for (const [key, , count] of declared) expect(listed[key], key).toBe(count);
  });

  it('takes every name from the 服务项目 cell of its field, in order', () => {
    expect(line(484)).toBe('表2\u2003苍溪县“十四五”基本公共服务项目清单');
    plan.services.forEach((s, i) => {
      expect(s.table).toBe(line(484));
      expect(s.source).toMatchObject({ section: '表2', item: i + 1 });
      expect(line(s.source.line)).toContain(s.name);
      expect(line(s.source.line)).toMatch(/\(共计\d+项\)$/);
    });
    // The cell's text, without its (共计N项), is the names joined by their separators.
    for (const [key] of declared) {
      const items = plan.services.filter((s) => s.field.key === key);
      const cell = line(items[0]?.source.line).replace(/。\(共计\d+项\)$/, '');
      expect(cell.split(key === 'legal' ? /[,、]/ : ',')).toEqual(items.map((s) => s.name));
    }
  });

  it('keeps the names exactly as written', () => {
    expect(service('s-employment-08').name).toBe('“12333”(已并入“12345”)热线电话咨询服务');
    expect(service('s-employment-02').name).toBe('职业介绍、职业指导和创业开业指导');
    expect(service('s-culture-sports-06').name).toBe('中小学生暑期免费游泳培训');
    expect(service('s-legal-06').name).toBe('其他法律服务');
    expect(service('s-health-07').name).toBe('提升公共卫生服务体系和基层医疗卫生服务体系提质工程');
  });

  it('gives each field its 服务内容与目标 cell', () => {
    for (const f of plan.serviceFields) {
      expect(line(f.source.line)).toBe(f.field.label);
      expect(seedLines.map((l) => l.trim())).toContain(f.contentAndGoal);
    }
    const legal = plan.serviceFields.find((f) => f.field.key === 'legal');
    expect(legal?.contentAndGoal).toMatch(/^为城乡居民提供法治宣传、法律咨询,.*化解矛盾纠纷$/);
  });
});

describe('专栏 projects', () => {
  it('has every item of every box', () => {
    // Counted by hand from 专栏1–专栏10 (lines 596–845).
    expect(countBy(plan.projects, (p) => p.source.section)).toEqual({
      专栏1: 3,
      专栏2: 6,
      专栏3: 5,
      专栏4: 3,
      专栏5: 3,
      专栏6: 2,
      专栏7: 3,
      专栏8: 5,
      专栏9: 3,
      专栏10: 7,
    });
    expect(plan.projects).toHaveLength(40);
    for (const heading of Object.values(BOX)) {
      expect(seedLines.map((l) => l.trim())).toContain(heading);
    }
  });

  it('keeps each item text as the seed line has it, restorations aside', () => {
    const restored = plan.notes.filter((n) => n.kind === 'restoration');
    for (const p of plan.projects) {
      expect(p.kind).toBe('project');
      expect(p.text.startsWith(`${p.name}。`), p.id).toBe(true);
      const restoration = restored.find(
        (n) => n.where.section === p.source.section && n.where.item === p.source.item,
      );
      if (restoration?.original) {
        expect(line(p.source.line)).toContain(restoration.original);
        expect(p.text).not.toBe(line(p.source.line));
      } else {
        expect(p.text, p.id).toBe(line(p.source.line));
      }
    }
  });

  it('restores 九龙山·三溪口 and says so', () => {
    const p = project('p-8-04');
    expect(p.text).toContain('九龙山·三溪口森林康养旅游示范带');
    expect(line(p.source.line)).toContain('九龙山?三溪口森林康养旅游示范带');
  });

  it('reads quantities from each text', () => {
    for (const p of plan.projects) {
      for (const q of p.quantities) {
        expect(p.text, `${p.id} ${q.text}`).toContain(q.text);
        expect(q.text).toContain(String(q.value));
        expect(q.text).toContain(q.unit);
      }
    }
    expect(project('p-1-02').quantities).toContainEqual({
      metric: '新增托位',
      value: 1250,
      unit: '个',
      text: '新增托位1250个',
    });
    expect(project('p-5-01').quantities.map((q) => [q.value, q.unit])).toEqual([
      [249, '个'],
      [300, '台'],
    ]);
    expect(project('p-10-01').quantities).toContainEqual({
      metric: '5年累计开展各类职业技能培训',
      value: 1,
      unit: '万人次',
      text: '5年累计开展各类职业技能培训1万人次',
    });
    expect(project('p-8-04').quantities).toHaveLength(6);
    // Items with no number in them commit to no quantity.
    expect(project('p-3-04').quantities).toEqual([]);
  });

  it('keeps the box headings and fields as written', () => {
    expect(project('p-1-01').box).toBe('专栏1: 幼有善育工程');
    expect(project('p-2-06').name).toBe('“四名”工程');
    expect(project('p-10-07').field).toEqual({ key: 'employment', label: '就业促进' });
    expect(project('p-7-03').name).toBe('军休、优抚服务体系提质工程');
  });
});

describe('document notes', () => {
  it('records the contradictions, the restoration and the remarks', () => {
    // Written by hand while reading the seed: 6 contradictions, 1 restoration, 4 remarks.
    expect(countBy(plan.notes, (n) => n.kind)).toEqual({
      contradiction: 6,
      restoration: 1,
      remark: 4,
    });
  });

  it('points every note at a line of the seed file that bears it out', () => {
    for (const n of plan.notes) {
      expect(line(n.where.line), n.text).not.toBe('');
      if (n.original) expect(line(n.where.line)).toContain(n.original);
    }
    // The 学前教育毛入园率 pair: table 90 and 98, text 92% and 100%.
    expect(line(102)).toContain('学前三年毛入园率达92%');
    expect(line(625)).toContain('学前三年教育毛入学率达100%');
    expect(indicator('学前教育毛入园率(%)').baseline.raw).toBe('90');
    expect(indicator('学前教育毛入园率(%)').target.raw).toBe('98');
  });
});
