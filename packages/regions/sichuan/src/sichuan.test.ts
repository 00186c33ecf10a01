import { readFileSync } from 'node:fs';
import {
  type Indicator,
  NATURE_LABELS,
  numericValue,
  type Plan,
  type RegionPackage,
  RegionPackageSchema,
} from '@minsheng/domain';
import { describe, expect, it } from 'vitest';
import sichuan from './index.ts';
import { restorations } from './restore.ts';

const seed = readFileSync(
  new URL('../source/001_a3a07023c0597fe1.txt', import.meta.url),
  'utf8',
).split('\n');

/** The PDF inserted spaces everywhere; comparisons ignore whitespace. */
const strip = (s: string) => s.replace(/\s+/g, '');
const seedLine = (line: number) => strip(seed[line - 1] ?? '');
/** A line and the few after it, whitespace removed: cells the PDF broke over several lines. */
const seedFrom = (line: number, count = 12) =>
  strip(seed.slice(line - 1, line - 1 + count).join(''));

const pkg: RegionPackage = sichuan;
const plan = pkg.plans[0] as Plan;

function indicator(id: string): Indicator {
  const found = plan.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}
function service(id: string) {
  const found = plan.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}
function project(id: string) {
  const found = plan.projects.find((p) => p.id === id);
  if (!found) throw new Error(`no project ${id}`);
  return found;
}
/** The text as the seed has it where we restored it, else the text itself. */
function asInSeed(section: string, line: number | undefined, text: string): string {
  const r = restorations.list.find(
    (x) => x.restored === text && x.where.line === line && x.where.section.startsWith(section),
  );
  return r ? r.original : text;
}
const countBy = <T>(list: T[], key: (t: T) => string) =>
  list.reduce<Record<string, number>>((acc, t) => {
    acc[key(t)] = (acc[key(t)] ?? 0) + 1;
    return acc;
  }, {});

describe('四川省“十四五”公共服务规划', () => {
  it('parses with RegionPackageSchema', () => {
    expect(RegionPackageSchema.parse(sichuan)).toEqual(sichuan);
    expect(pkg.region).toEqual({
      code: '510000',
      name: '四川省',
      level: 'province',
      parentCode: '100000',
    });
    expect(pkg.plans).toHaveLength(1);
  });

  it('has the header the notice gives (lines 8–60)', () => {
    expect(plan).toMatchObject({
      id: 'sichuan-14th',
      regionCode: '510000',
      title: '四川省“十四五”公共服务规划',
      kind: 'five_year',
      period: { start: 2021, end: 2025 },
      issuer: '四川省人民政府',
      documentNumber: '川府发〔2021〕47号',
      issueDate: '2021-12-28',
      basis: [
        '“十四五”公共服务规划',
        '四川省国民经济和社会发展第十四个五年规划和2035年远景目标纲要',
      ],
      source: { file: '001_a3a07023c0597fe1.txt', url: null },
      indicatorTable: { title: '“十四五”时期四川省公共服务重点领域主要发展指标', footnote: null },
    });
    expect(seedLine(124)).toContain(strip(plan.indicatorTable?.title ?? '?'));
  });

  describe('counts, by hand from the seed', () => {
    it('表1 has 15 rows: 幼有所育 2, 学有所教 4, 劳有所得 1, 病有所医 4, 老有所养 4 (lines 152–298)', () => {
      expect(plan.indicators).toHaveLength(15);
      expect(countBy(plan.indicators, (i) => i.field.label)).toEqual({
        幼有所育: 2,
        学有所教: 4,
        劳有所得: 1,
        病有所医: 4,
        老有所养: 4,
      });
      expect(plan.indicators.filter((i) => i.nature === 'binding')).toHaveLength(5);
    });

    it('表2 lists 83 services in 9 fields, each with its (共N项) (lines 338–454)', () => {
      const expected = {
        幼有所育: 9,
        学有所教: 11,
        劳有所得: 12,
        病有所医: 17,
        老有所养: 4,
        住有所居: 3,
        弱有所扶: 14,
        优军服务保障: 4,
        文体服务保障: 9,
      };
      expect(countBy(plan.services, (s) => s.field.label)).toEqual(expected);
      expect(plan.services).toHaveLength(83);
      expect(
        Object.fromEntries(plan.serviceFields.map((f) => [f.field.label, f.declaredCount])),
      ).toEqual(expected);
      // 向全民提供 83 项基公共服务 (line 320): the declared total, which the list matches.
      expect(plan.declaredServiceCount).toBe(83);
      expect(seedLine(320)).toContain('83项');
    });

    it('专栏1–9 hold 3, 4, 4, 5, 4, 1, 3, 2, 6 projects (lines 527–865)', () => {
      expect(countBy(plan.projects, (p) => p.box)).toEqual({
        '专栏1 幼有善育工程': 3,
        '专栏2 学有优教工程': 4,
        '专栏3 劳有应得工程': 4,
        '专栏4 病有良医工程': 5,
        '专栏5 老有颐养工程': 4,
        '专栏6 住有宜居工程': 1,
        '专栏7 弱有众扶工程': 3,
        '专栏8 优军优抚工程': 2,
        '专栏9 文化体育工程': 6,
      });
      expect(plan.projects.every((p) => p.kind === 'project')).toBe(true);
    });

    it('has 43 notes: 17 lost decimals in 表1, 1 for 本, 18 other lost characters, 1 truncation, 6 remarks', () => {
      expect(plan.notes).toHaveLength(43);
      expect(countBy(plan.notes, (n) => n.kind)).toEqual({
        restoration: 36,
        truncation: 1,
        remark: 6,
      });
      // 表1 cells written "1 5", "90 93"…: 17 of the 30 cells (lines 156–294).
      expect(
        plan.notes.filter((n) => n.kind === 'restoration' && n.where.section === '表1'),
      ).toHaveLength(17);
      // 本 restored in 8 service names, 4 服务内容与目标 and 专栏9 文化惠民工程.
      const ben = plan.notes.find((n) => n.text.includes('drops the character 本'));
      expect(ben?.text.split('; ')).toHaveLength(13);
      expect(plan.notes.filter((n) => n.kind === 'contradiction')).toEqual([]);
    });
  });

  describe('spot checks against the seed', () => {
    it('reads the 托位数 row with its decimals restored (lines 154–160)', () => {
      const i = indicator('nursery-places-per-1000');
      expect(i).toMatchObject({
        name: '每千人口3岁以下婴幼儿托位数(个)',
        unit: '个',
        baselineYear: 2020,
        targetYear: 2025,
        nature: 'expected',
        canonicalKey: 'nursery_places_per_1000',
        source: { section: '表1', item: 1, line: 154 },
      });
      expect(i.baseline).toEqual({
        raw: '1.5',
        value: { kind: 'number', num: { value: 1.5, text: '1.5' } },
      });
      expect(numericValue(i.target.value)).toBe(4.5);
      expect(plan.notes).toContainEqual(
        expect.objectContaining({ original: '4 5', where: { section: '表1', item: 1, line: 158 } }),
      );
    });

    it('keeps —— and 应保尽保 for the orphans row, and the empty 2025 cell of the 达标率 row', () => {
      const orphan = indicator('orphan-care-coverage');
      expect(orphan.baseline.value).toEqual({ kind: 'none', mark: '——' });
      expect(orphan.target).toEqual({ raw: '应保尽保', value: { kind: 'allCovered' } });
      expect(orphan.nature).toBe('binding');
      const facilities = indicator('elderly-facilities-compliance');
      expect(facilities.name).toBe('新建城区居住(小)区配套建设养老服务设施达标率');
      expect(facilities.target).toEqual({ raw: '', value: { kind: 'none', mark: '' } });
      expect(numericValue(facilities.baseline.value)).toBe(100);
    });

    it('reads the other restored cells: 92 09, 10 16, 415 7, 78 2', () => {
      expect(indicator('preschool-gross-enrolment').target.raw).toBe('92.09');
      expect(numericValue(indicator('preschool-gross-enrolment').target.value)).toBe(92.09);
      expect(indicator('working-age-schooling-years')).toMatchObject({
        unit: '年',
        nature: 'binding',
      });
      expect(numericValue(indicator('working-age-schooling-years').baseline.value)).toBe(10.16);
      const training = indicator('subsidised-skills-training');
      expect(training).toMatchObject({
        unit: '万人次',
        canonicalKey: 'subsidised_skills_training',
      });
      expect(training.baseline.raw).toBe('415.7');
      expect(training.target.raw).toBe('300');
      expect(indicator('life-expectancy').target.raw).toBe('78.2');
      expect(indicator('pension-insurance-coverage')).toMatchObject({
        name: '养老保险参保率',
        canonicalKey: 'pension_insurance_coverage',
      });
    });

    it('names services exactly, 本 and lost endings restored', () => {
      expect(service('s-childcare-03').name).toBe('基本避孕服务');
      expect(service('s-childcare-07').name).toBe('特殊儿童群体基本生活保障');
      expect(service('s-education-04').name).toBe('义务教育免费提供作业本');
      expect(service('s-employment-08').name).toBe('“12333”人力资源和社会保障电话服务');
      expect(service('s-elderly-03')).toMatchObject({
        name: '职工基本养老保险',
        source: { line: 410 },
      });
      expect(service('s-elderly-04')).toMatchObject({
        name: '城乡居民基本养老保险',
        source: { line: 412 },
      });
      expect(service('s-assistance-14').name).toBe('残疾人和老年人无障碍环境建设');
      expect(service('s-culture-sports-09')).toMatchObject({
        name: '全民健身服务',
        field: { key: 'culture_sports', label: '文体服务保障' },
        source: { section: '表2', item: 83 },
      });
    });

    it('keeps each field block’s 服务内容与目标', () => {
      const veterans = plan.serviceFields.find((f) => f.field.key === 'veterans');
      expect(veterans?.contentAndGoal).toBe('提供优待抚恤集中供养等服务,保障退役军人合法权益');
      const elderly = plan.serviceFields.find((f) => f.field.key === 'elderly');
      expect(elderly?.contentAndGoal).toBe('为老年人提供基本养老服务,保障老年人安享晚年生活');
    });

    it('reads projects and their quantities', () => {
      expect(project('p-2-02').quantities).toEqual([
        {
          metric: '新建改扩建校舍',
          value: 1000,
          unit: '万平方米',
          text: '新建改扩建校舍1000万平方米',
        },
      ]);
      expect(project('p-6-01')).toMatchObject({
        box: '专栏6 住有宜居工程',
        name: '城镇老旧小区改造计划',
        text: '累计改造城镇老旧小区房屋250万套',
        field: { key: 'housing', label: '住有宜居' },
        source: { section: '专栏6', item: 1, line: 745 },
      });
      expect(project('p-6-01').quantities.map((q) => [q.value, q.unit])).toEqual([[250, '万套']]);
      expect(project('p-4-03').text.endsWith('每万人精神科床位数达到5.3')).toBe(true);
      expect(project('p-4-03').quantities).toEqual([
        { metric: '每万人精神科床位数', value: 5.3, unit: '', text: '每万人精神科床位数达到5.3' },
      ]);
      expect(project('p-3-01').quantities.map((q) => [q.value, q.unit])).toEqual([
        [100, ''],
        [15, ''],
      ]);
      expect(project('p-5-01').text).toContain('每个县(市)至少建有1个智慧养老院');
      expect(project('p-9-06').quantities.map((q) => q.value)).toEqual([2200, 200]);
    });
  });

  it('uses each canonical key once (no contradiction note explains a repeat)', () => {
    const keys = plan.indicators.flatMap((i) => (i.canonicalKey ? [i.canonicalKey] : []));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(15);
  });

  it('derives indicator ids from canonical keys', () => {
    for (const i of plan.indicators) {
      if (i.canonicalKey) expect(i.id).toBe(i.canonicalKey.replaceAll('_', '-'));
    }
  });

  describe('every source line points at its item in the seed', () => {
    it('indicators: the name on its line, the cells two and four lines below as the seed writes them', () => {
      for (const i of plan.indicators) {
        const line = i.source.line ?? 0;
        expect(seedLine(line), i.id).toBe(strip(i.name));
        for (const [cell, offset] of [
          [i.baseline.raw, 2],
          [i.target.raw, 4],
        ] as const) {
          const note = plan.notes.find(
            (n) => n.where.section === '表1' && n.where.line === line + offset,
          );
          expect(seedLine(line + offset), `${i.id} +${offset}`).toBe(strip(note?.original ?? cell));
        }
      }
    });

    it('indicators: the nature after the cells, the field label above the row', () => {
      const labels = ['幼有所育', '学有所教', '劳有所得', '病有所医', '老有所养'];
      for (const i of plan.indicators) {
        const line = i.source.line ?? 0;
        const nature = seed
          .slice(line + 4)
          .map(strip)
          .find((l) => l !== '');
        expect(nature, i.id).toBe(i.nature ? NATURE_LABELS[i.nature] : '?');
        const label = seed
          .slice(0, line - 1)
          .map(strip)
          .findLast((l) => labels.includes(l));
        expect(label, i.id).toBe(i.field.label);
      }
    });

    it('services: each name starts on its line', () => {
      for (const s of plan.services) {
        const line = s.source.line ?? 0;
        const name = strip(asInSeed('表2', line, s.name));
        const at = seedFrom(line, 4).indexOf(name);
        expect(at, s.id).toBeGreaterThanOrEqual(0);
        expect(at, s.id).toBeLessThan(seedLine(line).length);
      }
    });

    it('services: the listed items are the whole list of each field, and its (共N项)', () => {
      for (const f of plan.serviceFields) {
        expect(seedLine(f.source.line ?? 0)).toBe(f.field.label);
        const items = plan.services.filter((s) => s.field.key === f.field.key);
        const first = items[0]?.source.line ?? 0;
        const written = seedFrom(first, 5);
        const m = /^(.*?)\(共(\d+)\)/.exec(written);
        expect(m, f.field.label).not.toBeNull();
        expect(Number(m?.[2])).toBe(f.declaredCount);
        const ours = items.map((s) => strip(asInSeed('表2', s.source.line, s.name))).join(',');
        expect(ours).toBe(m?.[1]);
        const restored = restorations.list.find((r) => r.restored === f.contentAndGoal);
        expect(seedFrom(f.source.line ?? 0, 10)).toContain(
          strip(restored ? restored.original : (f.contentAndGoal ?? '?')),
        );
      }
    });

    it('projects: the name on its line, the text in the lines after it as the seed writes it', () => {
      for (const [i, p] of plan.projects.entries()) {
        const line = p.source.line ?? 0;
        expect(seedLine(line), p.id).toContain(strip(p.name ?? '?'));
        const text = strip(asInSeed(p.source.section, line, p.text));
        const after = seedFrom(line + 1, 40);
        expect(after.startsWith(text), p.id).toBe(true);
        // Nothing of the cell is left out: what follows is the next item or the next section.
        const next = plan.projects[i + 1];
        const rest = after.slice(text.length);
        if (next && next.box === p.box) {
          expect(rest.replace(/^\d+/, '').startsWith(strip(next.name ?? '?')), p.id).toBe(true);
        } else {
          expect(rest.startsWith('第'), p.id).toBe(true);
        }
      }
      // Each item stands after its own box heading and before the next box's.
      const headings = [...new Set(plan.projects.map((p) => p.box))].map((box) =>
        seed.findIndex((l) => strip(l) === strip(box)),
      );
      expect(headings.every((h, k) => h > 0 && (k === 0 || h > (headings[k - 1] ?? 0)))).toBe(true);
      for (const p of plan.projects) {
        const k = Number(p.source.section.replace('专栏', '')) - 1;
        expect(p.source.line ?? 0, p.id).toBeGreaterThan(headings[k] ?? Infinity);
        expect(p.source.line ?? 0, p.id).toBeLessThan(headings[k + 1] ?? seed.length);
      }
    });

    it('notes: each restoration’s original stands where the note says', () => {
      for (const r of restorations.list) {
        expect(seedFrom(r.where.line ?? 0, 14), r.original).toContain(strip(r.original));
      }
    });
  });

  it('reads every quantity from its own project’s text', () => {
    for (const p of plan.projects) {
      for (const q of p.quantities) {
        expect(p.text, p.id).toContain(q.text);
        expect(q.text, p.id).toContain(String(q.value));
      }
    }
  });
});
