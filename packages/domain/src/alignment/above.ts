import type { Bilingual } from '../evaluation/types.ts';
import type { PlanKind } from '../model/plan.ts';
import { ancestorCodes, type Region } from '../model/region.ts';

interface PlanLike {
  kind: PlanKind;
  period: { start: number; end: number };
}

/** The plan a plan is aligned with, or why there is none. */
export type PlanAbove<P> =
  | { region: Region; plan: P; reason: null }
  | { region: Region | null; plan: null; reason: Bilingual };

const overlaps = (a: PlanLike['period'], b: PlanLike['period']): boolean =>
  a.start <= b.end && b.start <= a.end;

/**
 * "The plan above", decided once for the router, the console and the reports: walk up the regions
 * (苍溪县 → 广元市, which has no plan → 四川省) to the first with a plan whose period overlaps this
 * plan's, and take that region's overlapping plan, a five-year plan first, else the first in the
 * region's order. Where no region above has one, the reason names the nearest region with plans
 * and the years they cover (达州市's 2017 plan against 四川省's 2021–2025).
 */
export function planAbove<P extends PlanLike>(
  plan: PlanLike,
  regionCode: string,
  regions: readonly Region[],
  plansOf: (regionCode: string) => readonly P[],
): PlanAbove<P> {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  let nearest: { region: Region; plans: readonly P[] } | null = null;
  for (const code of ancestorCodes(regionCode, regions)) {
    const region = byCode.get(code);
    const plans = plansOf(code);
    if (!region || plans.length === 0) continue;
    const fitting = plans.filter((p) => overlaps(p.period, plan.period));
    const chosen = fitting.find((p) => p.kind === 'five_year') ?? fitting[0];
    if (chosen) return { region, plan: chosen, reason: null };
    nearest ??= { region, plans };
  }
  if (!nearest) {
    return {
      region: null,
      plan: null,
      reason: { zh: '上级地区均无规划', en: 'no region above has a plan' },
    };
  }
  const { region, plans } = nearest;
  const periods = plans.map((p) => `${p.period.start}–${p.period.end}`).join(', ');
  const own = `${plan.period.start}–${plan.period.end}`;
  return {
    region,
    plan: null,
    reason: {
      zh: `${region.name}的规划期为${periods}，与本规划（${own}）不重叠，无可对标`,
      en: `${region.name}'s plans cover ${periods}, not ${own}: nothing to align with`,
    },
  };
}
