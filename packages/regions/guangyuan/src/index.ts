import { defineRegionPackage } from '@minsheng/domain';

/**
 * 广元市 has no public-service plan among the sources; it is here as the parent of 利州区, 旺苍县
 * and 苍溪县, whose plans are set against 四川省's until the city's own plan is added.
 */
export default defineRegionPackage({
  region: { code: '510800', name: '广元市', level: 'prefecture', parentCode: '510000' },
  plans: [],
});
