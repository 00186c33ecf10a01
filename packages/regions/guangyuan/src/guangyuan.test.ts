import { RegionPackageSchema } from '@minsheng/domain';
import { describe, expect, it } from 'vitest';
import guangyuan from './index.ts';

describe('广元市', () => {
  it('is a prefecture of 四川省 with no plan of its own', () => {
    expect(RegionPackageSchema.parse(guangyuan)).toEqual(guangyuan);
    expect(guangyuan.region).toEqual({
      code: '510800',
      name: '广元市',
      level: 'prefecture',
      parentCode: '510000',
    });
    expect(guangyuan.plans).toEqual([]);
  });
});
