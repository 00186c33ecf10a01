import { z } from 'zod';

/** A GB/T 2260 administrative division code: six digits, 510824 for 苍溪县. */
export const RegionCodeSchema = z
  .string()
  .regex(/^[1-9]\d{5}$/, 'a region code is six digits (GB/T 2260), e.g. 510824');
export type RegionCode = z.infer<typeof RegionCodeSchema>;

/** national (国家, 100000) sits above the provinces: a province plan is aligned with it. */
export const RegionLevelSchema = z.enum(['national', 'province', 'prefecture', 'county']);
export type RegionLevel = z.infer<typeof RegionLevelSchema>;

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  national: '国家级',
  province: '省级',
  prefecture: '市级',
  county: '县级',
};

export const RegionSchema = z.object({
  code: RegionCodeSchema,
  name: z.string().min(1),
  level: RegionLevelSchema,
  parentCode: RegionCodeSchema.nullable(),
});
export type Region = z.infer<typeof RegionSchema>;

// Built once per list of regions: a server checks scope many times a request against the
// same (cached) list, and a country holds thousands of regions.
const indexes = new WeakMap<readonly Region[], Map<RegionCode, Region>>();
function indexOf(regions: readonly Region[]): Map<RegionCode, Region> {
  let index = indexes.get(regions);
  if (!index) {
    index = new Map(regions.map((r) => [r.code, r]));
    indexes.set(regions, index);
  }
  return index;
}

/**
 * The codes of a region and every region above it, nearest first, read from a list of regions.
 * A region whose parent is not in the list ends the chain there.
 */
export function ancestorCodes(code: RegionCode, regions: readonly Region[]): RegionCode[] {
  const byCode = indexOf(regions);
  const out: RegionCode[] = [];
  let parent = byCode.get(code)?.parentCode ?? null;
  while (parent && !out.includes(parent)) {
    out.push(parent);
    parent = byCode.get(parent)?.parentCode ?? null;
  }
  return out;
}

/** True when `code` is `scope` itself or lies below it. */
export function isWithin(code: RegionCode, scope: RegionCode, regions: readonly Region[]): boolean {
  if (code === scope) return true;
  const byCode = indexOf(regions);
  let parent = byCode.get(code)?.parentCode ?? null;
  for (let depth = 0; parent && depth < 16; depth++) {
    if (parent === scope) return true;
    parent = byCode.get(parent)?.parentCode ?? null;
  }
  return false;
}
