import { regionPackages } from '@minsheng/catalog';
import {
  alignPlans,
  ancestorCodes,
  checkPlan,
  levelNumber,
  type ObservedPoint,
  type Plan,
  type PlanEvaluation,
  planAbove,
  planEvaluation,
  type Region,
} from '@minsheng/domain';
import type { ReportData } from './types.ts';

// Report data straight from the region packages, without a database: for tests and the bench,
// with observations made up by a stated rule (never presented as real data).

const allRegions = (): Region[] => regionPackages.map((p) => p.region);

export function ancestorsOf(code: string, regions: readonly Region[]): Region[] {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  return ancestorCodes(code, regions)
    .map((c) => byCode.get(c))
    .filter((r): r is Region => !!r)
    .reverse();
}

/**
 * Made-up observations that exercise every status: indicator i moves along its straight path
 * at pace PACES[i % n] (1.3 = a third faster than required, 0 = not at all, null = nothing
 * entered). Only plain level targets get values; the others stay without data.
 */
export const SYNTHETIC_PACES = [1.3, 1, 0.8, 0.3, null, 0.97] as const;

export function syntheticObservations(plan: Plan, upToYear: number): ObservedPoint[] {
  const out: ObservedPoint[] = [];
  plan.indicators.forEach((indicator, i) => {
    const pace = SYNTHETIC_PACES[i % SYNTHETIC_PACES.length];
    const b = levelNumber(indicator.baseline.value);
    const t = levelNumber(indicator.target.value);
    const kind = indicator.target.value.kind;
    if (pace === null || pace === undefined || b === null || t === null) return;
    if (kind !== 'number' && kind !== 'bound' && kind !== 'approx') return;
    const span = indicator.targetYear - indicator.baselineYear;
    if (span <= 0) return;
    for (let year = indicator.baselineYear + 1; year <= upToYear; year++) {
      const share = (year - indicator.baselineYear) / span;
      const value = b + (t - b) * share * pace;
      out.push({ indicatorId: indicator.id, year, value: String(Math.round(value * 100) / 100) });
    }
  });
  return out;
}

/** A region's report data from the packages, with synthetic observations up to `year`. */
export function catalogReportData(code: string, year: number | null, planId?: string): ReportData {
  const regions = allRegions();
  const pkg = regionPackages.find((p) => p.region.code === code);
  if (!pkg) throw new RangeError(`unknown region code "${code}"`);
  const plan = planId ? pkg.plans.find((p) => p.id === planId) : pkg.plans[0];
  if (!plan) throw new RangeError(`region ${code} ${pkg.region.name} has no plan`);
  const observations = syntheticObservations(plan, year ?? plan.period.end);
  const above = planAbove(
    plan,
    code,
    regions,
    (c) => regionPackages.find((p) => p.region.code === c)?.plans ?? [],
  );
  // No database and no router here: the domain's functions run directly, as the router's
  // procedures would run them, for every year of the period.
  const evaluations: Record<number, PlanEvaluation> = {};
  for (let y = plan.period.start; y <= plan.period.end; y++) {
    evaluations[y] = planEvaluation(plan, observations, y);
  }
  return {
    region: pkg.region,
    ancestors: ancestorsOf(code, regions),
    plan,
    observations,
    projectProgress: Object.fromEntries(
      plan.projects.map((p, i) => [
        p.id,
        i % 3 === 0
          ? { status: 'completed' as const, progress: 100, note: null }
          : { status: 'in_progress' as const, progress: (i * 17) % 100, note: null },
      ]),
    ),
    upper: above.plan ? { region: above.region, plan: above.plan } : null,
    evaluations,
    alignment: above.plan ? alignPlans(plan, above.plan) : null,
    checks: checkPlan(plan),
  };
}
