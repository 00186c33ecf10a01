import type { Plan, Region, RegionPackage } from '@minsheng/domain';
import cangxi from '@minsheng/region-cangxi';
import dazhou from '@minsheng/region-dazhou';
import guangyuan from '@minsheng/region-guangyuan';
import lizhou from '@minsheng/region-lizhou';
import national from '@minsheng/region-national';
import sichuan from '@minsheng/region-sichuan';
import wangcang from '@minsheng/region-wangcang';

/**
 * Every region package the system ships, parents before children (the order seeding needs).
 * `minsheng region new` adds a line here and a dependency in package.json.
 */
export const regionPackages: readonly RegionPackage[] = [
  national,
  sichuan,
  guangyuan,
  dazhou,
  lizhou,
  wangcang,
  cangxi,
];

export const regions: readonly Region[] = regionPackages.map((p) => p.region);
export const plans: readonly Plan[] = regionPackages.flatMap((p) => p.plans);

export function findRegionPackage(code: string): RegionPackage | undefined {
  return regionPackages.find((p) => p.region.code === code);
}
