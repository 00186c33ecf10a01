import { defineRegionPackage, type RegionPackage, type RegionPackageInput } from '@minsheng/domain';

/**
 * A small world for tests: 四川省 over 广元市 over 利州区 and 苍溪县, each county with a plan.
 * Made up, but written in the grammar of the real plans (bounds, cumulative, qualitative).
 */
export function fixturePackages(
  change?: (packages: RegionPackageInput[]) => void,
): RegionPackage[] {
  const field = { key: 'childcare', label: '幼有所育' } as const;
  const source = { section: '表1' };
  const countyPlan = (id: string, regionCode: string, title: string) => ({
    id,
    regionCode,
    title,
    kind: 'five_year' as const,
    period: { start: 2021, end: 2025 },
    issuer: `${title}人民政府`,
    documentNumber: null,
    issueDate: '2022-01-10',
    basis: ['四川省“十四五”公共服务规划'],
    source: { file: `${id}.txt`, url: null },
    indicators: [
      {
        id: 'nursery-places',
        field,
        name: '每千人口拥有3岁以下婴幼儿托位数（个）',
        unit: '个',
        baselineYear: 2020,
        baseline: '1.5',
        targetYear: 2025,
        target: '4.5',
        nature: 'expected' as const,
        canonicalKey: 'nursery_places_per_1000' as const,
        source: { ...source, item: 1 },
      },
      {
        id: 'preschool-enrolment',
        field: { key: 'education', label: '学有所教' } as const,
        name: '学前教育毛入园率（%）',
        unit: '%',
        baselineYear: 2020,
        baseline: '88',
        targetYear: 2025,
        target: '≥90',
        nature: 'binding' as const,
        canonicalKey: 'preschool_gross_enrolment' as const,
        source: { ...source, item: 2 },
      },
      {
        id: 'new-jobs',
        field: { key: 'employment', label: '劳有所得' } as const,
        name: '城镇新增就业（万人）',
        unit: '万人',
        baselineYear: 2020,
        baseline: '——',
        targetYear: 2025,
        target: '【1.5】',
        nature: 'expected' as const,
        canonicalKey: 'urban_new_jobs' as const,
        source: { ...source, item: 3 },
      },
    ],
    serviceFields: [
      { field, contentAndGoal: '托育服务', declaredCount: 1, source: { section: '表2' } },
    ],
    services: [
      {
        id: 'childcare-guidance',
        field,
        name: '婴幼儿照护服务',
        targetGroup: '0-3岁婴幼儿家庭',
        standard: '提供指导服务',
        funding: '地方人民政府负责',
        fundingLevels: ['county' as const],
        source: { section: '表2', item: 1 },
      },
    ],
    projects: [
      {
        id: 'nursery-building',
        kind: 'project' as const,
        box: '专栏1 幼有善育工程',
        field,
        text: '新增托位1250个',
        quantities: [{ metric: '新增托位', value: 1250, unit: '个', text: '新增托位1250个' }],
        responsible: ['县卫健局'],
        source: { section: '专栏1', item: 1 },
      },
    ],
  });
  const packages: RegionPackageInput[] = [
    {
      region: { code: '510000', name: '四川省', level: 'province', parentCode: null },
      plans: [],
    },
    {
      region: { code: '510800', name: '广元市', level: 'prefecture', parentCode: '510000' },
      plans: [],
    },
    {
      region: { code: '510802', name: '利州区', level: 'county', parentCode: '510800' },
      plans: [countyPlan('lizhou-2021', '510802', '利州区')],
    },
    {
      region: { code: '510824', name: '苍溪县', level: 'county', parentCode: '510800' },
      plans: [countyPlan('cangxi-2021', '510824', '苍溪县')],
    },
  ];
  change?.(packages);
  return packages.map((p) => defineRegionPackage(p));
}
