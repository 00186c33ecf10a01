import { readFileSync } from 'node:fs';
import {
  CANONICAL_INDICATORS,
  extractQuantities,
  type Plan,
  type Project,
  type RegionPackage,
  RegionPackageSchema,
} from '@minsheng/domain';
import { describe, expect, it } from 'vitest';
import dazhou from './index.ts';
import { GUARANTEE_RESPONSIBLE, groups, QUANTITIES_BY_HAND, RESPONSIBLE_LINES } from './tasks.ts';

const seed = readFileSync(new URL('../source/004_04a0b744133b98ae.txt', import.meta.url), 'utf8');
const lines = seed.split('\n');
/** The seed's line n (1-based), as the plan's source refs count. */
const line = (n: number): string => lines[n - 1] ?? '';

const pkg: RegionPackage = dazhou;
const plan = pkg.plans[0] as Plan;
const projectById = (id: string): Project => {
  const p = plan.projects.find((x) => x.id === id);
  if (!p) throw new Error(`no project ${id}`);
  return p;
};
const indicatorById = (id: string) => {
  const i = plan.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`no indicator ${id}`);
  return i;
};

describe('达州市 2017 implementation plan', () => {
  it('parses with RegionPackageSchema and is the one plan of 511700', () => {
    expect(RegionPackageSchema.parse(pkg)).toEqual(pkg);
    expect(pkg.region.code).toBe('511700');
    expect(pkg.plans).toHaveLength(1);
    expect(plan).toMatchObject({
      id: 'dazhou-2017',
      regionCode: '511700',
      kind: 'implementation',
      period: { start: 2017, end: 2017 },
      issueDate: '2017-07-26',
      documentNumber: null,
      basis: ['达州市“十三五”基本公共服务均等化规划'],
      source: { file: '004_04a0b744133b98ae.txt', url: null },
      indicatorTable: null,
    });
  });

  it('has the counts the document has', () => {
    // 三、主要任务: 31 numbered tasks (1.–31.); 四、实施保障: (一)–(三); 一、工作思路 and 二、重点工作:
    // one paragraph each.
    expect(plan.projects).toHaveLength(36);
    expect(plan.projects.filter((p) => p.number !== undefined).map((p) => p.number)).toEqual(
      Array.from({ length: 31 }, (_, i) => i + 1),
    );
    expect(plan.projects.every((p) => p.kind === 'task')).toBe(true);
    // Tasks per group, counted in the seed: (一) 1–5, (二) 6–8, (三) 9–11, (四) 12–16,
    // (五) 17–22, (六) 23–25, (七) 26–29, (八) 30–31.
    const perBox = new Map<string, number>();
    for (const p of plan.projects) perBox.set(p.box, (perBox.get(p.box) ?? 0) + 1);
    expect(Object.fromEntries(perBox)).toEqual({
      '一、工作思路': 1,
      '二、重点工作': 1,
      '(一)基本公共教育': 5,
      '(二)劳动就业服务': 3,
      '(三)社会保险': 3,
      '(四)基本社会服务': 5,
      '(五)基本公共卫生计生服务': 6,
      '(六)基本住房保障': 3,
      '(七)公共文化体育': 4,
      '(八)残疾人基本公共服务': 2,
      '四、实施保障': 3,
    });
    // Explicit 2017 targets in the text: 3 in 二、重点工作 (line 5), 4 in task 6, 2 in task 10,
    // 3 in task 11, 2 in task 17, 3 in task 18, 2 in task 21 (孕产妇死亡率 left out).
    expect(plan.indicators).toHaveLength(19);
    // No service list, no 专栏 and no standards table in this document.
    expect(plan.services).toEqual([]);
    expect(plan.serviceFields).toEqual([]);
    expect(plan.declaredServiceCount).toBeNull();
    // Notes: title, 文号, line 61, no indicator table, 3.4 vs 3.35, four 等, the comma of
    // 实施保障, 人力资源和社会保障局.
    expect(plan.notes).toHaveLength(11);
    expect(plan.notes.filter((n) => n.kind === 'contradiction')).toHaveLength(1);
  });

  it('keeps every numbered task exactly as the seed writes it', () => {
    const numbered = lines
      .map((l, i) => ({ l, line: i + 1, m: /^(\d+)\.(.*)$/.exec(l) }))
      .filter((x) => x.m !== null);
    expect(numbered).toHaveLength(31);
    for (const { m, line: n } of numbered) {
      const [, num, text] = m as RegExpExecArray;
      const t = projectById(`t-${num}`);
      expect(t.number).toBe(Number(num));
      expect(t.text).toBe(text);
      expect(t.name).toBe(text?.slice(0, text.indexOf('。')));
      expect(t.source).toEqual({ section: '三、主要任务', item: Number(num), line: n });
    }
  });

  it('accounts for every line of the seed', () => {
    const boxes = new Set(plan.projects.map((p) => p.box));
    const sections = new Set([...plan.projects, ...plan.indicators].map((x) => x.source.section));
    const responsibleLines = new Set([...Object.values(RESPONSIBLE_LINES), 56, 58, 60]);
    lines.forEach((text, i) => {
      const n = i + 1;
      if (text.trim() === '') return;
      const placed =
        boxes.has(text) ||
        sections.has(text) ||
        plan.projects.some((p) => p.source.line === n && text.endsWith(p.text)) ||
        (responsibleLines.has(n) && text.startsWith('(责任单位:')) ||
        // Line 1 names the plan implemented (basis); 61 is noted junk; 62 is the issue date.
        (n === 1 &&
          text.includes(`${plan.basis[0]}的通知`) &&
          plan.notes.some((x) => x.where.line === 1 && x.text.includes(text))) ||
        (n === 61 && plan.notes.some((x) => x.where.line === 61 && x.original === text)) ||
        (n === 62 && text === '2017年7月26日' && plan.issueDate === '2017-07-26');
      expect(placed, `line ${n} not placed: ${text.slice(0, 30)}`).toBe(true);
    });
  });

  it('points every source.line at the line holding the item', () => {
    for (const p of plan.projects) {
      const at = line(p.source.line ?? 0);
      // The whole line is the task, less its 1. or (一) numbering.
      expect(at.replace(/^(\d+\.|\([一二三]\))/, ''), p.id).toBe(p.text);
      if (p.name) expect(at).toContain(p.name);
    }
    for (const i of plan.indicators) {
      const at = line(i.source.line ?? 0);
      expect(at, i.id).toContain(i.name);
      // The target and baseline cells are stretches of that same line, as written.
      expect(at, i.id).toContain(i.target.raw);
      expect(at, i.id).toContain(i.baseline.raw);
    }
    for (const note of plan.notes) {
      if (note.where.line !== undefined && note.original !== undefined) {
        expect(line(note.where.line)).toContain(note.original);
      }
    }
  });

  it('takes 责任单位 from each group’s closing line', () => {
    const split = (n: number) =>
      line(n)
        .replace(/^\(责任单位:/, '')
        .replace(/\)$/, '')
        // 实施保障 separates the county governments with a comma (noted).
        .replace(/,/g, '、')
        // A 、 inside 各县(市、区) belongs to the name.
        .split(/、(?![^()]*\))/)
        .map((s) => s.trim());
    for (const [key, n] of Object.entries(RESPONSIBLE_LINES)) {
      const group = groups[key as keyof typeof groups];
      const written = split(n);
      const last = written.at(-1) ?? '';
      if (last.endsWith('等')) {
        written[written.length - 1] = last.slice(0, -1);
        expect(plan.notes.some((x) => x.where.line === n && x.original === last)).toBe(true);
      }
      expect(group.responsible).toEqual(written);
      for (const p of plan.projects.filter((x) => x.box === group.box)) {
        expect(p.responsible).toEqual(written);
      }
    }
    for (const n of [56, 58, 60]) expect(split(n)).toEqual([...GUARANTEE_RESPONSIBLE]);
    expect(projectById('t-guarantee-2').responsible).toContain('各县(市、区)人民政府');
    expect(projectById('t-31').responsible).toContain('市人力资源和社会保障局');
    expect(projectById('t-approach').responsible).toEqual([]);
  });

  it('keeps hand-written quantities true to the task text', () => {
    for (const [num, qs] of Object.entries(QUANTITIES_BY_HAND)) {
      const t = projectById(`t-${num}`);
      expect(t.quantities).toEqual(qs);
      for (const q of qs) {
        expect(t.text, q.text).toContain(q.text);
        // The number and its unit stand in the stretch (1—2个 is read as its lower end, 1).
        expect(q.text).toContain(String(q.value));
        expect(q.text).toContain(q.unit);
      }
    }
    for (const q of projectById('t-key-work').quantities) {
      expect(projectById('t-key-work').text).toContain(q.text);
    }
    // The others are what extractQuantities reads.
    expect(projectById('t-26').quantities).toEqual(extractQuantities(projectById('t-26').text));
  });

  it('spot-checks items against the document', () => {
    // 1. Task names as written.
    expect(projectById('t-5').name).toBe('终生教育体系');
    expect(projectById('t-22').name).toBe('全面二孩政策实施');
    expect(projectById('t-8').name).toBe('劳动关系协调和劳动权益保护');
    expect(projectById('t-guarantee-3').name).toBe('完善机制,统筹推进');
    // 2. Boxes and fields.
    expect(projectById('t-14')).toMatchObject({
      box: '(四)基本社会服务',
      field: { key: 'elderly', label: '基本养老服务' },
    });
    expect(projectById('t-15').field.key).toBe('veterans');
    expect(projectById('t-16').field).toEqual({ key: 'assistance', label: '基本社会服务' });
    // 3. Quantities.
    expect(projectById('t-14').quantities[0]).toEqual({
      metric: '新增民办公办养老机构床位',
      value: 0.276,
      unit: '万张',
      text: '新增民办公办养老机构床位0.276万张',
    });
    expect(projectById('t-26').quantities).toContainEqual(
      expect.objectContaining({ metric: '贫困村文化室', value: 308, unit: '个' }),
    );
    expect(projectById('t-24').quantities).toEqual([
      expect.objectContaining({ value: 20185, unit: '套' }),
    ]);
    expect(projectById('t-31').quantities.map((q) => q.value)).toEqual([
      20, 15, 3.82, 0.74, 5, 380, 62, 500, 10488, 500,
    ]);
    expect(projectById('t-21').quantities).toContainEqual(
      expect.objectContaining({ metric: '孕产妇死亡率', value: 20, unit: '/10万' }),
    );
    // 4. Cells: raw as written, read by the value grammar.
    const jobs = indicatorById('urban-new-jobs');
    expect(jobs.target.raw).toBe('3.35万人');
    expect(jobs.target.value).toMatchObject({ kind: 'number', num: { value: 3.35 }, unit: '万人' });
    expect(jobs.baseline.value).toEqual({ kind: 'none', mark: '' });
    expect(indicatorById('urban-new-jobs-key-work').target.raw).toBe('3.4万人');
    expect(indicatorById('infant-mortality').target.value).toMatchObject({
      kind: 'bound',
      op: 'le',
      num: { value: 5.9 },
      unit: '‰',
    });
    expect(indicatorById('budget-livelihood-spending-share').target.value).toMatchObject({
      kind: 'bound',
      op: 'ge',
      num: { value: 70 },
      style: { position: 'words', word: '不低于' },
    });
    expect(indicatorById('prepregnancy-checkup-coverage').target.value).toMatchObject({
      kind: 'bound',
      op: 'ge',
      num: { value: 95 },
      unit: '%',
    });
    const funding = indicatorById('public-health-funding-per-capita');
    expect([funding.baseline.raw, funding.target.raw]).toEqual(['45元', '50元']);
    expect(funding.baseline.value).toMatchObject({ kind: 'number', num: { value: 45 } });
    expect(indicatorById('urban-registered-unemployment').target.raw).toBe('4.2%以内');
    expect(indicatorById('work-injury-insurance-insured')).toMatchObject({
      name: '参加工伤保险',
      unit: '万人',
      canonicalKey: 'work_injury_insurance_insured',
      source: { section: '三、主要任务', item: 11, line: 22 },
    });
    // 5. Indicators carry the 2017 target year and no nature (no nature column).
    expect(plan.indicators.every((i) => i.targetYear === 2017 && i.nature === null)).toBe(true);
  });

  it('uses each canonical key once unless a contradiction note explains it', () => {
    const byKey = new Map<string, string[]>();
    for (const i of plan.indicators) {
      if (i.canonicalKey === null) continue;
      expect(Object.keys(CANONICAL_INDICATORS)).toContain(i.canonicalKey);
      byKey.set(i.canonicalKey, [...(byKey.get(i.canonicalKey) ?? []), i.id]);
    }
    for (const ids of byKey.values()) {
      if (ids.length === 1) continue;
      const explained = plan.notes.some(
        (n) => n.kind === 'contradiction' && ids.every((id) => n.text.includes(id)),
      );
      expect(explained, ids.join(', ')).toBe(true);
    }
    expect(byKey.get('urban_new_jobs')).toEqual(['urban-new-jobs-key-work', 'urban-new-jobs']);
  });
});
