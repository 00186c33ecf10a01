import { alignPlans, ancestorCodes, type Plan } from '@minsheng/domain';
import { describe, expect, it } from 'vitest';
import { findRegionPackage, regionPackages, regions } from './index.ts';

const planOf = (code: string): Plan => findRegionPackage(code)?.plans[0] as Plan;

describe('the region catalogue', () => {
  it('lists parents before children, the country first', () => {
    expect(regionPackages[0]?.region.code).toBe('100000');
    const seen = new Set<string>();
    for (const { region } of regionPackages) {
      if (region.parentCode) expect(seen.has(region.parentCode), region.code).toBe(true);
      seen.add(region.code);
    }
  });

  it('chains 县 → 广元市 → 四川省 → 国家', () => {
    expect(ancestorCodes('510824', regions)).toEqual(['510800', '510000', '100000']);
  });

  it('aligns the province plan with the national one (510000 against 100000)', () => {
    const a = alignPlans(planOf('510000'), planOf('100000'));
    const row = (name: string) =>
      a.rows.find((r) => r.kind.startsWith('target_') && r.message.zh.includes(`“${name}”`));
    // 四川省 78.2 against the nation's 78.3岁; 2.85 physicians against 3.2人: less ambitious.
    expect(row('人均预期寿命')?.kind).toBe('target_less_ambitious');
    expect(row('每千人口拥有执业(助理)医师')?.kind).toBe('target_less_ambitious');
    expect(row('每千人口拥有3岁以下婴幼儿托位数')?.kind).toBe('target_equal');
    // Counts are not compared across levels.
    expect(row('养老服务床位总量')?.kind).toBe('target_not_comparable');
    // National rows the province plan does not carry.
    const missing = a.rows.filter((r) => r.kind === 'indicator_missing_below');
    expect(missing.length).toBe(7);
    expect(missing.map((r) => r.message.zh).join('\n')).toContain('人均体育场地面积');
  });
});
