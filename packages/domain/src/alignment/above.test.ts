import { describe, expect, it } from 'vitest';
import type { PlanKind } from '../model/plan.ts';
import type { Region } from '../model/region.ts';
import { planAbove } from './above.ts';

const regions: Region[] = [
  { code: '510000', name: '四川省', level: 'province', parentCode: null },
  { code: '510800', name: '广元市', level: 'prefecture', parentCode: '510000' },
  { code: '510824', name: '苍溪县', level: 'county', parentCode: '510800' },
  { code: '511700', name: '达州市', level: 'prefecture', parentCode: '510000' },
];
const plan = (id: string, kind: PlanKind, start: number, end: number) => ({
  id,
  kind,
  period: { start, end },
});

describe('planAbove', () => {
  it('skips a region above without a plan, and takes the five-year plan first', () => {
    const plans: Record<string, ReturnType<typeof plan>[]> = {
      '510000': [
        plan('sc-impl', 'implementation', 2021, 2025),
        plan('sc-14', 'five_year', 2021, 2025),
      ],
    };
    const above = planAbove(
      plan('cx', 'five_year', 2021, 2025),
      '510824',
      regions,
      (c) => plans[c] ?? [],
    );
    expect(above.region?.name).toBe('四川省');
    expect(above.plan?.id).toBe('sc-14');
  });

  it('walks past a region whose plans cover other years', () => {
    const plans: Record<string, ReturnType<typeof plan>[]> = {
      '510800': [plan('gy-13', 'five_year', 2016, 2020)],
      '510000': [plan('sc-14', 'five_year', 2021, 2025)],
    };
    const above = planAbove(
      plan('cx', 'five_year', 2021, 2025),
      '510824',
      regions,
      (c) => plans[c] ?? [],
    );
    expect(above.plan?.id).toBe('sc-14');
  });

  it('says why there is none: other years above, or no plan above at all', () => {
    const sc = { '510000': [plan('sc-14', 'five_year', 2021, 2025)] } as Record<
      string,
      ReturnType<typeof plan>[]
    >;
    const dazhou = planAbove(
      plan('dz', 'five_year', 2017, 2020),
      '511700',
      regions,
      (c) => sc[c] ?? [],
    );
    expect(dazhou).toEqual({
      region: regions[0],
      plan: null,
      reason: {
        zh: '四川省的规划期为2021–2025，与本规划（2017–2020）不重叠，无可对标',
        en: "四川省's plans cover 2021–2025, not 2017–2020: nothing to align with",
      },
    });
    const top = planAbove(plan('sc', 'five_year', 2021, 2025), '510000', regions, () => []);
    expect(top.plan).toBeNull();
    expect(top.reason?.en).toBe('no region above has a plan');
  });
});
