import { describe, expect, it } from 'vitest';
import type { CanonicalKey } from '../model/canonical.ts';
import { type Nature, type Plan, type PlanInput, PlanSchema } from '../model/plan.ts';
import { alignPlans, nameSimilarity, normalizeServiceName } from './align.ts';

type Row = [
  key: CanonicalKey,
  name: string,
  unit: string | null,
  baseline: string,
  target: string,
  nature: Nature | null,
];

function plan(
  id: string,
  rows: Row[],
  services: string[] = [],
  extra: Partial<PlanInput> = {},
): Plan {
  return PlanSchema.parse({
    id,
    regionCode: '510824',
    title: id,
    kind: 'five_year',
    period: { start: 2021, end: 2025 },
    issuer: 'x',
    documentNumber: null,
    issueDate: null,
    basis: [],
    source: { file: `${id}.txt` },
    indicators: rows.map(([canonicalKey, name, unit, baseline, target, nature], i) => ({
      id: `i${i + 1}`,
      field: { key: 'education', label: '学有所教' },
      name,
      unit,
      baselineYear: 2020,
      baseline,
      targetYear: 2025,
      target,
      nature,
      canonicalKey,
      source: { section: '表1', item: i + 1 },
    })),
    services: services.map((name, i) => ({
      id: `s${i + 1}`,
      field: { key: 'education', label: '学有所教' },
      name,
      source: { section: '表2', item: i + 1 },
    })),
    projects: [],
    ...extra,
  });
}

const kindsFor = (rows: ReturnType<typeof alignPlans>['rows'], key: string) =>
  rows.filter((r) => r.canonicalKey === key).map((r) => r.kind);

describe('alignPlans: indicators', () => {
  const upper = plan('province', [
    ['compulsory_education_retention', '九年义务教育巩固率', null, '95.86', '96', 'binding'],
    ['preschool_gross_enrolment', '学前教育毛入园率', '%', '90.93', '92.09', 'expected'],
    ['nursing_beds_share', '养老机构护理型床位占比', '%', '30', '55', 'binding'],
    ['orphan_care_coverage', '孤儿和事实无人抚养儿童保障覆盖率', null, '——', '应保尽保', 'binding'],
    [
      'subsidised_skills_training',
      '补贴性职业技能培训人数(万人次)',
      '万人次',
      '415.7',
      '300',
      'expected',
    ],
    ['urban_registered_unemployment', '城镇登记失业率', '%', '4.2', '4.0', 'expected'],
    ['elderly_care_beds_total', '养老服务床位总量(万张)', '万张', '50.7', '55', 'expected'],
    [
      'working_age_schooling_years',
      '劳动年龄人口平均受教育年限',
      '年',
      '10.16',
      '10.51',
      'binding',
    ],
  ]);
  const lower = plan('county', [
    ['compulsory_education_retention', '九年义务教育巩固率(%)', '%', '100', '100', 'expected'],
    ['preschool_gross_enrolment', '学前教育毛入园率(%)', '%', '90', '91', 'expected'],
    ['nursing_beds_share', '养老机构护理型床位占比(%)', '%', '30', '≥60', 'binding'],
    ['orphan_care_coverage', '孤儿和事实无人抚养儿童保障覆盖率(%)', '%', '', '应保尽保', 'binding'],
    [
      'subsidised_skills_training',
      '开展补贴性职业技能培训人数(万人次)',
      '万人次',
      '【0.88】',
      '【0.5】',
      'expected',
    ],
    ['urban_registered_unemployment', '城镇登记失业率(%)', '%', '3.8', '≤4.5', 'expected'],
    ['elderly_care_beds_total', '养老服务床位总量(张)', '张', '1000', '1200', 'expected'],
    ['urban_new_jobs', '城镇新增就业(万人)', '万人', '0.68', '0.7', 'expected'],
  ]);
  const a = alignPlans(lower, upper);

  it('binding above, only expected below; more ambitious given the direction', () => {
    expect(kindsFor(a.rows, 'compulsory_education_retention')).toEqual([
      'binding_only_expected_below',
      'target_more_ambitious',
    ]);
    expect(kindsFor(a.rows, 'nursing_beds_share')).toEqual(['target_more_ambitious']);
  });
  it('less ambitious: lower target for an increase, higher ceiling for a decrease', () => {
    expect(kindsFor(a.rows, 'preschool_gross_enrolment')).toEqual(['target_less_ambitious']);
    expect(kindsFor(a.rows, 'urban_registered_unemployment')).toEqual(['target_less_ambitious']);
    const row = a.rows.find((r) => r.canonicalKey === 'preschool_gross_enrolment');
    expect(row?.severity).toBe('warning');
    expect(row?.message.zh).toContain('本级91，上级92.09');
    expect(row?.lower.where).toEqual({ section: '表1', item: 2 });
    expect(row?.upper.where).toEqual({ section: '表1', item: 2 });
  });
  it('compares like with like only, and says why not', () => {
    const byKey = (k: string) =>
      a.rows.find((r) => r.canonicalKey === k && r.kind.startsWith('target'));
    expect(byKey('orphan_care_coverage')?.kind).toBe('target_equal');
    expect(byKey('subsidised_skills_training')?.message.en).toContain('different forms');
    expect(byKey('elderly_care_beds_total')?.message.en).toContain('different units');
  });
  it('counts are not compared across levels', () => {
    const up = plan('p', [['urban_new_jobs', '城镇新增就业', '万人', '50', '55', 'expected']]);
    const low = plan('c', [['urban_new_jobs', '城镇新增就业', '万人', '0.68', '0.7', 'expected']]);
    const row = alignPlans(low, up).rows[0];
    expect(row?.kind).toBe('target_not_comparable');
    expect(row?.message.en).toContain('a count');
  });
  it('missing below (binding: an error), only below; errors first', () => {
    expect(kindsFor(a.rows, 'working_age_schooling_years')).toEqual(['binding_missing_below']);
    expect(kindsFor(a.rows, 'urban_new_jobs')).toEqual(['indicator_only_below']);
    expect(a.rows[0]?.kind).toBe('binding_missing_below');
    expect(a.counts.binding_missing_below).toBe(1);
  });
});

describe('alignPlans: services', () => {
  it('same, renamed, missing and added items, and the counts', () => {
    const upper = plan(
      'p',
      [],
      ['预防接种', '公共体育设施开放', '试点区域学生营养膳食补助', '城镇棚户区改造'],
      {
        declaredServiceCount: 4,
      },
    );
    const lower = plan(
      'c',
      [],
      ['预防 接种', '公共体育设施免费开放', '农村学生营养膳食补助', '法律咨询'],
      {
        declaredServiceCount: 5,
      },
    );
    const rows = alignPlans(lower, upper).rows;
    expect(rows.map((r) => r.kind)).toEqual([
      'service_count',
      'service_missing_below',
      'service_renamed',
      'service_renamed',
      'service_added_below',
    ]);
    expect(rows[0]?.message.zh).toBe('服务清单：本规划声明5项、列出4项；上级声明4项、列出4项');
    expect(rows[1]?.message.zh).toContain('城镇棚户区改造');
    expect(rows[2]?.similarity).toBe(0.75);
    expect(rows[2]?.upper.id).toBe('s2');
    expect(rows[2]?.lower.id).toBe('s2');
    expect(rows[4]?.lower.where).toEqual({ section: '表2', item: 4 });
  });
  it('normalises names and measures bigram similarity', () => {
    expect(normalizeServiceName('职业介绍、职业指导和创业开业指导')).toBe(
      normalizeServiceName('职业介绍职业指导和创业开业指导'),
    );
    expect(normalizeServiceName('“12333”（电话）')).toBe('12333电话');
    expect(nameSimilarity('特殊群体集中供养', '特殊群体供养')).toBeCloseTo(8 / 12, 6);
    expect(nameSimilarity('法律咨询', '预防接种')).toBe(0);
  });
});
