import type { Region } from '@minsheng/domain';
import { createRandom, type Random } from './random.ts';

export type DemoScale = 'province' | 'country';
export const DEMO_SCALES: readonly DemoScale[] = ['province', 'country'];

/** Every synthetic region's name starts with this, so `demo clear` can tell them apart. */
export const DEMO_NAME_PREFIX = '演示';

/**
 * The province codes GB/T 2260 uses (11 北京 … 65 新疆) except 51: 四川 is the real seeded
 * province, so the synthetic set never shares a code with a real region package. The first
 * province is the one the province scale generates, shaped like 四川 (21 cities, 183 counties).
 */
export const DEMO_PROVINCE_PREFIXES = [
  '13',
  '11',
  '12',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
] as const;

/** The shapes the issue gives: a province ~180 counties; the country ~330 cities, ~2,850 counties. */
export const FIRST_PROVINCE = { cities: 21, counties: 183 } as const;
export const COUNTRY = { cities: 330, counties: 2850 } as const;

/**
 * The region tree, parents before children. The first province is identical at both scales,
 * so a benchmark of its pages at province and at country scale touches the same rows and
 * differs only in what else the database holds.
 */
export function demoRegions(scale: DemoScale, seed: number): Region[] {
  const random = createRandom(seed);
  const prefixes =
    scale === 'province' ? DEMO_PROVINCE_PREFIXES.slice(0, 1) : DEMO_PROVINCE_PREFIXES;
  const others = prefixes.length - 1;
  // The first province is drawn first, so the country's other provinces cannot change it.
  const firstCounties = allocate(
    FIRST_PROVINCE.counties,
    weights(random, FIRST_PROVINCE.cities, 0.5, 1.5),
    3,
  );
  const cityCounts = [
    FIRST_PROVINCE.cities,
    ...allocate(COUNTRY.cities - FIRST_PROVINCE.cities, weights(random, others, 0.4, 1.6), 2),
  ];
  const countyTotal = COUNTRY.counties - FIRST_PROVINCE.counties;
  const otherCities = cityCounts.slice(1).reduce((s, n) => s + n, 0);
  const countyPerCity = allocate(countyTotal, weights(random, otherCities, 0.3, 1.7), 1);

  const out: Region[] = [];
  let nextCity = 0;
  prefixes.forEach((prefix, p) => {
    const provinceCode = `${prefix}0000`;
    out.push({
      code: provinceCode,
      name: `${DEMO_NAME_PREFIX}省${prefix}`,
      level: 'province',
      parentCode: null,
    });
    const cities = cityCounts[p] ?? 0;
    for (let c = 1; c <= cities; c++) {
      const cc = String(c).padStart(2, '0');
      const cityCode = `${prefix}${cc}00`;
      out.push({
        code: cityCode,
        name: `${DEMO_NAME_PREFIX}市${prefix}${cc}`,
        level: 'prefecture',
        parentCode: provinceCode,
      });
      const counties = p === 0 ? (firstCounties[c - 1] ?? 0) : (countyPerCity[nextCity++] ?? 0);
      for (let k = 1; k <= counties; k++) {
        // Districts are numbered from 01 and counties from 21 in GB/T 2260; half of each here.
        const district = k <= Math.ceil(counties / 2);
        const n = district ? k : 20 + k - Math.ceil(counties / 2);
        const code = `${prefix}${cc}${String(n).padStart(2, '0')}`;
        out.push({
          code,
          name: `${DEMO_NAME_PREFIX}${district ? '区' : '县'}${code}`,
          level: 'county',
          parentCode: cityCode,
        });
      }
    }
  });
  return out;
}

function weights(random: Random, n: number, min: number, max: number): number[] {
  return Array.from({ length: n }, () => min + (max - min) * random());
}

/** Splits `total` in proportion to `w`, each share at least `min` (largest remainder). */
function allocate(total: number, w: number[], min: number): number[] {
  if (w.length === 0) return [];
  const spare = total - min * w.length;
  const sum = w.reduce((s, x) => s + x, 0);
  const exact = w.map((x) => (spare * x) / sum);
  const out = exact.map((x) => min + Math.floor(x));
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}
