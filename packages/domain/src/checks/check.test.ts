import { describe, expect, it } from 'vitest';
import { type PlanInput, PlanSchema } from '../model/plan.ts';
import { checkPlan, coreName } from './check.ts';

type Row = [
  id: string,
  name: string,
  unit: string | null,
  baseline: string,
  target: string,
  nature: 'binding' | 'expected' | null,
  canonical?: string,
];

function plan(rows: Row[], extra: Partial<PlanInput> = {}) {
  return PlanSchema.parse({
    id: 'demo-2021',
    regionCode: '510824',
    title: '示例规划',
    kind: 'five_year',
    period: { start: 2021, end: 2025 },
    issuer: '示例县人民政府',
    documentNumber: null,
    issueDate: null,
    basis: [],
    source: { file: 'demo.txt' },
    indicatorTable: { title: '表1 主要指标', footnote: '注：【】内为5年累计数，带*为年均增速。' },
    indicators: rows.map(([id, name, unit, baseline, target, nature, canonicalKey], i) => ({
      id,
      field: { key: 'education', label: '学有所教' },
      name,
      unit,
      baselineYear: 2020,
      baseline,
      targetYear: 2025,
      target,
      nature,
      canonicalKey: canonicalKey ?? null,
      source: { section: '表1', item: i + 1, line: 100 + i },
    })),
    services: [],
    projects: [],
    ...extra,
  });
}

const kinds = (p: ReturnType<typeof plan>) => checkPlan(p).map((f) => f.kind);

describe('coreName', () => {
  it('drops the unit the table appends', () => {
    expect(coreName('九年义务教育巩固率%')).toBe('九年义务教育巩固率');
    expect(coreName('学前教育毛入园率(%)')).toBe('学前教育毛入园率');
    expect(coreName('其中:农民工参加职业培训人次(万人次)')).toBe('农民工参加职业培训人次');
  });
});

describe('checkPlan', () => {
  it('finds nothing in a clean plan', () => {
    expect(checkPlan(plan([['a', '学前教育毛入园率(%)', '%', '90', '98', 'expected']]))).toEqual(
      [],
    );
  });

  it('declared counts against the list, per field and in total', () => {
    const service = (id: string, label: string, item: number) => ({
      id,
      field: { key: 'education' as const, label },
      name: `服务${id}`,
      source: { section: '表2', item },
    });
    const p = plan([], {
      declaredServiceCount: 4,
      serviceFields: [
        {
          field: { key: 'education', label: '学有所教' },
          declaredCount: 2,
          source: { section: '表2', line: 5 },
        },
        {
          field: { key: 'health', label: '病有所医' },
          declaredCount: 1,
          source: { section: '表2', line: 9 },
        },
      ],
      services: [
        service('s1', '学有所教', 1),
        service('s2', '学有所教', 2),
        service('s3', '学有所教', 3),
      ],
    });
    const findings = checkPlan(p);
    expect(findings.map((f) => f.kind)).toEqual([
      'field_count_mismatch',
      'field_count_mismatch',
      'service_count_mismatch',
      'field_counts_vs_total',
    ]);
    expect(findings[0]?.message.zh).toBe('“学有所教”声明共2项，实际列出3项');
    expect(findings[0]?.where).toEqual([{ section: '表2', line: 5 }]);
    expect(findings[2]?.message.en).toContain('declares 4');
  });

  it('the same indicator with two different targets', () => {
    const findings = checkPlan(
      plan([
        ['a', '九年义务教育巩固率(%)', '%', '99.5', '99.8', null, 'compulsory_education_retention'],
        ['b', '义务教育巩固率(%)', '%', '99.5', '99.5', null, 'compulsory_education_retention'],
      ]),
    ).filter((f) => f.kind === 'duplicate_target');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.indicatorIds).toEqual(['a', 'b']);
    expect(findings[0]?.message.zh).toContain('99.8（表1 第1项（第100行））');
  });

  it('a target restated in the text with another number', () => {
    const p = plan([['a', '九年义务教育巩固率%', '%', '99.5', '99.8', null]], {
      services: [
        {
          id: 's1',
          field: { key: 'education', label: '教育服务' },
          name: '义务教育阶段生均公用免费',
          coverage: '目标人群覆盖100%，九年义务教育巩固率达到99.5%。',
          source: { section: '基本标准表（教育）', item: 1, line: 286 },
        },
        {
          id: 's2',
          field: { key: 'education', label: '教育服务' },
          name: '免费教科书',
          coverage: '九年义务教育巩固率达到99.8%',
          source: { section: '基本标准表（教育）', item: 2, line: 290 },
        },
      ],
    });
    const f = checkPlan(p).filter((x) => x.kind === 'conflicting_text_target');
    expect(f).toHaveLength(1);
    expect(f[0]?.where.map((w) => w.line)).toEqual([100, 286]);
    expect(f[0]?.message.zh).toContain('九年义务教育巩固率达到99.5%');
  });

  it('targets behind their own baseline', () => {
    const p = plan([
      ['a', '城镇登记失业率(%)', '%', '3.8', '≤4', 'expected'],
      ['b', '开展补贴性职业技能培训人数(万人次)', '万人次', '【0.88】', '【0.5】', 'expected'],
      ['c', '人均体育场地面积(平方米)', '平方米', '1.91', '≥2.6', 'binding'],
      ['d', '城镇新增就业(万人)', '万人', '0.8', '0.7', 'expected'],
      ['e', '参保率(%)', '%', '99', '稳定在98以上', 'binding'],
    ]);
    const behind = checkPlan(p).filter((f) => f.kind === 'target_behind_baseline');
    expect(behind.map((f) => f.indicatorIds[0])).toEqual(['a', 'b', 'e']);
    expect(behind[0]?.message.zh).toContain('上限4高于基期值3.8');
  });

  it('missing unit, missing nature; one finding when the table has no nature column', () => {
    expect(
      kinds(plan([['a', '居民医保住院报销比例', null, '70', '保持稳定', 'expected']])),
    ).toEqual(['missing_unit']);
    expect(
      kinds(
        plan([
          ['a', '学前教育毛入园率(%)', '%', '90', '98', 'expected'],
          ['b', '高中阶段教育毛入学率(%)', '%', '90', '95', null],
        ]),
      ),
    ).toEqual(['missing_nature']);
    const none = checkPlan(
      plan([
        ['a', '学前教育毛入园率(%)', '%', '90', '98', null],
        ['b', '高中阶段教育毛入学率(%)', '%', '90', '95', null],
      ]),
    );
    expect(none.map((f) => [f.kind, f.severity])).toEqual([['missing_nature', 'info']]);
  });

  it('markers the footnote does not explain', () => {
    const rows: Row[] = [
      ['a', '培训人数(万人次)', '万人次', '', '[0.5]', 'expected'],
      ['b', '平均工资增长(%)', '%', '', '4*', 'expected'],
    ];
    expect(kinds(plan(rows))).toEqual(['unexplained_marker']);
    expect(checkPlan(plan(rows))[0]?.message.zh).toContain('[]');
    const noFootnote = plan(rows, { indicatorTable: { title: '表1', footnote: null } });
    expect(kinds(noFootnote)).toEqual(['unexplained_marker', 'unexplained_marker']);
    const explained = plan(rows, {
      indicatorTable: { title: '表1', footnote: '注：[]内为5年累计数，带*数据为年均增速' },
    });
    expect(kinds(explained)).toEqual([]);
  });
});
