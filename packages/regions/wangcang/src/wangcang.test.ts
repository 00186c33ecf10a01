import { readFileSync } from 'node:fs';
import {
  extractQuantities,
  type Plan,
  printValue,
  type RegionPackage,
  RegionPackageSchema,
} from '@minsheng/domain';
import { describe, expect, it } from 'vitest';
import pkg from './index.ts';
import { BOXES } from './projects.ts';

const seed = readFileSync(new URL('../source/002_4220245da55fa599.txt', import.meta.url), 'utf8');
const lines = seed.split('\n');
const lineAt = (n: number): string => lines[n - 1] ?? '';
// The extraction left U+F020 (a symbol-font space) in three indicator names; the package drops
// it and says so in a restoration note, so lines are compared without it.
const PUA_SPACE = /\uF020/g;

const typed: RegionPackage = pkg;
const plan: Plan = typed.plans[0] as Plan;

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
const countBy = <T>(items: readonly T[], key: (t: T) => string) => {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
};

describe('旺苍县 region package', () => {
  it('parses with RegionPackageSchema and holds one plan', () => {
    const parsed = RegionPackageSchema.parse(JSON.parse(JSON.stringify(typed)));
    expect(parsed.region.code).toBe('510821');
    expect(typed.plans).toHaveLength(1);
    expect(plan.id).toBe('wangcang-14th');
    expect(plan.title).toBe('旺苍县“十四五”公共服务规划');
    expect(plan.period).toEqual({ start: 2021, end: 2025 });
    expect(plan.basis).toHaveLength(4);
    expect(plan.indicatorTable?.title).toBe('“十四五”公共服务各领域主要发展指标');
  });
});

describe('counts, from the seed file by hand', () => {
  it('indicators: 24 rows of the table (lines 72–190) and 17 targets from the prose', () => {
    expect(plan.indicators.filter((i) => i.source.section === '表1')).toHaveLength(24);
    expect(plan.indicators.filter((i) => i.source.section !== '表1')).toHaveLength(17);
    expect(plan.indicators.every((i) => i.nature === null)).toBe(true);
  });

  it('services: the rows of the nine 基本标准 tables', () => {
    // Rows counted in each table: 教育 8 (lines 286–346), 劳动就业 8 (398–450),
    // 社会保险 7 (491–541), 医疗卫生 12 (595–667), 社会服务 6 + 1 养老 (728–788),
    // 住房 5 (837–873), 文化体育 10 (923–979), 残疾人 6 (1026–1074), 退役军人 10 (1134–1192).
    expect(countBy(plan.services, (s) => s.field.key)).toEqual({
      education: 8,
      employment: 8,
      social_insurance: 7,
      health: 12,
      assistance: 6,
      elderly: 1,
      housing: 5,
      culture_sports: 10,
      disability: 6,
      veterans: 10,
    });
    expect(plan.services).toHaveLength(73);
    expect(new Set(plan.services.map((s) => s.table)).size).toBe(9);
    // 3 tables without category rows + 3 + 2 + 3 + 5 + 2 + 1 category rows.
    expect(plan.serviceFields).toHaveLength(19);
    expect(plan.declaredServiceCount).toBeNull();
  });

  it('projects: every item of 专栏1–7', () => {
    // 专栏1: 学前教育 17, 义务教育 19, 普通高中 2, 职业教育 3, 特殊教育 1, 其他 5 (lines 262–272);
    // 专栏2: 12 (580); 专栏3: 26 (712); 专栏4: 4 + 3 (821–823); 专栏5: 17 + 7 + 19 (904–908);
    // 专栏6: 1 (1011); 专栏7: 5 (1118).
    expect(countBy(plan.projects, (p) => p.source.section)).toEqual({
      专栏1: 47,
      专栏2: 12,
      专栏3: 26,
      专栏4: 7,
      专栏5: 43,
      专栏6: 1,
      专栏7: 5,
    });
  });

  it('notes: 6 contradictions, 4 restorations, 9 同上 resolutions, 8 remarks', () => {
    // Resolutions: the 9 rows under 居民健康档案 (lines 601–653) write 同上 for 保障标准 and 支出责任.
    expect(countBy(plan.notes, (n) => n.kind)).toEqual({
      contradiction: 6,
      restoration: 4,
      resolution: 9,
      remark: 8,
    });
  });
});

describe('spot checks against the document', () => {
  it('reads indicator cells as written', () => {
    const unemployment = indicator('urban-registered-unemployment');
    expect(unemployment.name).toBe('城镇登记失业率%');
    expect(unemployment.baseline.raw).toBe('4%');
    expect(unemployment.target.value).toMatchObject({
      kind: 'number',
      num: { value: 3.9 },
      unit: '%',
    });

    const pension = indicator('pension-insured-persons');
    expect(pension.baseline.raw).toBe('6.4+18+1.424（社保居保机保）');
    expect(pension.baseline.value).toMatchObject({ kind: 'sum', total: 25.824 });
    expect(pension.target.value).toMatchObject({ kind: 'sum', total: 25.4 });
    expect(pension.unit).toBe('万人');

    expect(indicator('employee-medical-insured').target.value).toEqual({ kind: 'none', mark: '/' });

    const renovation = indicator('rural-dilapidated-housing-renovated');
    expect(renovation.target.value).toMatchObject({
      kind: 'cumulative',
      style: '（累计）',
      inner: { kind: 'number', num: { value: 1500 } },
    });
    expect(renovation.unit).toBe('户/年');

    const beds = indicator('hospital-beds-per-1000');
    expect(printValue(beds.target.value)).toBe('5.0');
    expect(beds.canonicalKey).toBe('hospital_beds_per_1000');
  });

  it('keeps names exactly as written', () => {
    expect(indicator('disabled-employment-services').name).toBe('残疾人就业服务 （人次）');
    expect(indicator('prepregnancy-checkup-coverage').name).toBe(
      '开展免费孕前优生健康检查的覆盖率(%）',
    );
    expect(indicator('public-health-funding-per-capita').unit).toBeNull();
    expect(indicator('rural-labour-transfer-new').field).toEqual({
      key: 'employment',
      label: '劳动就业',
    });
  });

  it('reads prose targets as bounds and levels', () => {
    const highSkilled = indicator('high-skilled-talent-total');
    expect(highSkilled.target.value).toMatchObject({
      kind: 'bound',
      op: 'ge',
      num: { value: 1000 },
      unit: '人',
    });
    expect(highSkilled.source.section).toBe('第五章 劳动就业服务');
    expect(highSkilled.note).toMatch(/prose/);
    expect(indicator('skilled-workers-total').canonicalKey).toBe('skilled_workers_total');
    expect(indicator('elderly-health-management-rate').target.raw).toBe('80%以上');
  });

  it('joins service cells broken across lines', () => {
    const first = service('s-education-01');
    expect(first.name).toBe('义务教育阶段生均公用免费');
    expect(first.table).toBe('旺苍县“十四五”公共教育服务基本标准');
    expect(first.coverage).toBe('目标人群覆盖100%，九年义务教育巩固率达到99.5%。');
    expect(first.fundingLevels).toEqual(['central', 'province', 'county']);
    expect(first.standardAmounts.map((q) => [q.metric, q.value, q.unit])).toEqual([
      ['小学', 650, '元/生年'],
      ['初中', 850, '元/生年'],
    ]);
    expect(service('s-housing-01').coverage).toBe('发放租赁补贴6000户（每年1200户）。');
    expect(service('s-disability-02').name).toBe('基本医疗保障医疗康复项目');
    expect(service('s-assistance-04').targetGroup).toBe('失去父母、查找不到生父母的未成年人');
  });

  it('resolves 同上 and notes it', () => {
    const education = service('s-health-02');
    expect(education.name).toBe('健康教育');
    expect(education.standard).toBe('基本公共卫生服务项目（12项）2021-2025每年递增5元');
    expect(education.funding).toBe('中央、省、县');
    const note = plan.notes.find((n) => n.kind === 'resolution' && n.where.line === 601);
    expect(note?.original).toBe('同上');
    expect(plan.services.some((s) => s.standard === '同上' || s.funding === '同上')).toBe(false);
  });

  it('keeps empty and odd cells as written', () => {
    const arts = service('s-disability-05');
    expect(arts.standard).toBe('无');
    expect(arts.funding).toBe('');
    expect(service('s-veterans-07').standard).toBe('');
    expect(service('s-veterans-10').coverage).toContain('调整后为每人每月2708元');
    expect(service('s-culture-sports-01').standard).toBeUndefined();
    expect(service('s-social-insurance-07').fundingLevels).toEqual(['city', 'county']);
    const tiers = service('s-social-insurance-02').standardAmounts;
    expect(tiers.filter((q) => q.metric === '个人缴费档次')).toHaveLength(13);
    expect(tiers.filter((q) => q.metric === '政府缴费补贴')).toHaveLength(12);
  });

  it('splits 专栏 lists into projects', () => {
    expect(project('p-1-01')).toMatchObject({ text: '旺苍县机关幼儿园', group: '学前教育' });
    expect(project('p-1-01').box).toBe('专栏1 “十四五”教育服务重点项目');
    expect(project('p-1-41').text).toBe(
      '旺苍职业中学产教融合家政（含养老、托幼）实训培训基地建设项目',
    );
    expect(project('p-7-03').text).toBe(
      '旺苍县县、乡镇、村（社区）三级退役军人应急指挥视频应用平台建设项目',
    );
    expect(project('p-6-01').name).toBe('残疾人之家工程');
    expect(project('p-3-07').field.key).toBe('assistance');
    expect(project('p-3-08').field.key).toBe('elderly');
    const restored = plan.notes.find(
      (n) => n.kind === 'restoration' && n.where.section === '专栏4',
    );
    expect(restored?.original).toBe(`${project('p-4-03').text}${project('p-4-04').text}`);
  });

  it('reads no quantity into a project name that has none', () => {
    // 东河镇2020老旧小区改造项目: 2020 is a year, not a count.
    expect(project('p-4-04').quantities).toEqual([]);
    for (const p of plan.projects) expect(p.quantities).toEqual(extractQuantities(p.text));
  });
});

describe('consistency', () => {
  it('uses each canonical key once unless a contradiction note explains it', () => {
    const keys = plan.indicators.flatMap((i) => (i.canonicalKey ? [i.canonicalKey] : []));
    const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(repeated).toEqual([]);
    expect(keys.length).toBeGreaterThanOrEqual(11);
  });

  it('points every source line at the item in the seed file', () => {
    const named = [
      ...plan.indicators.map((i) => ({ id: i.id, text: i.name, line: i.source.line })),
      ...plan.services.map((s) => ({ id: s.id, text: s.name, line: s.source.line })),
      ...plan.projects.map((p) => ({ id: p.id, text: p.text, line: p.source.line })),
    ];
    for (const { id, text, line } of named) {
      expect(line, id).toBeDefined();
      const written = lineAt(line ?? 0)
        .replace(PUA_SPACE, '')
        .trim();
      // A name broken across lines starts on the line it points at.
      const found = written.includes(text) || (written.length > 1 && text.startsWith(written));
      expect(found, `${id}: "${text}" at line ${line}: "${written}"`).toBe(true);
    }
    for (const table of new Set(plan.services.map((s) => s.table))) {
      expect(seed).toContain(table);
    }
  });

  it('leaves nothing of a 专栏 list out', () => {
    for (const box of BOXES) {
      expect(lineAt(box.line).trim()).toBe(box.box);
      for (const group of box.groups) {
        const written = lineAt(group.line).trim();
        const body = group.group ? written.slice(group.group.length + 1) : written;
        const items = group.items.map((i) => i.text);
        if (items.length === 1 && items[0] === written) continue;
        // The list without its 、 separators and closing mark is the items' texts run together.
        expect(items.join('').replace(/、/g, '')).toBe(
          body.replace(/、/g, '').replace(/[。、]$/, ''),
        );
      }
    }
  });

  it('notes every name restored from a damaged line', () => {
    let restored = 0;
    for (const i of plan.indicators) {
      const written = lineAt(i.source.line ?? 0).trim();
      if (!written.includes('\uF020')) continue;
      restored += 1;
      const note = plan.notes.find(
        (n) => n.kind === 'restoration' && n.where.line === i.source.line,
      );
      expect(note?.original, i.id).toBe(written);
      expect(i.name).toBe(written.replace(PUA_SPACE, ''));
    }
    // Lines 143, 148 and 153.
    expect(restored).toBe(3);
    expect(plan.indicators.some((i) => i.name.includes('\uF020'))).toBe(false);
  });

  it('reads every indicator cell of the table from its row', () => {
    for (const i of plan.indicators.filter((x) => x.source.section === '表1')) {
      const at = i.source.line ?? 0;
      expect(lineAt(at + 1).trim(), i.id).toBe(i.baseline.raw);
      expect(lineAt(at + 2).trim(), i.id).toBe(i.target.raw);
    }
  });
});
