import {
  CanonicalKeySchema,
  evaluateIndicator,
  FieldKeySchema,
  type Indicator,
  type IndicatorEvaluation,
  NatureSchema,
  type ObservedPoint,
  prepareObservations,
  type SourceRef,
} from '@minsheng/domain';
import { useQuery } from '@tanstack/react-query';
import { type Out, trpc } from './trpc.ts';

export type PlanInfo = Out<typeof trpc.plans.get.query>;
export type IndicatorRow = Out<typeof trpc.indicators.list.query>[number];

export function usePlan(planId: string | null) {
  return useQuery({
    queryKey: ['plan', planId],
    queryFn: () => trpc.plans.get.query({ planId: planId ?? '' }),
    enabled: planId !== null,
  });
}

export function useIndicators(planId: string | null) {
  return useQuery({
    queryKey: ['indicators', planId],
    queryFn: () => trpc.indicators.list.query({ planId: planId ?? '' }),
    enabled: planId !== null,
  });
}

/** The API's indicator row read back as the domain's Indicator, which the evaluation takes. */
export function toDomainIndicator(row: IndicatorRow): Indicator {
  const canonical = CanonicalKeySchema.safeParse(row.canonicalKey);
  return {
    id: row.id,
    field: { key: FieldKeySchema.catch('general').parse(row.field.key), label: row.field.label },
    name: row.name,
    unit: row.unit,
    baselineYear: row.baselineYear,
    baseline: row.baseline,
    targetYear: row.targetYear,
    target: row.target,
    nature: row.nature === null ? null : NatureSchema.catch('expected').parse(row.nature),
    canonicalKey: canonical.success ? canonical.data : null,
    source: row.source as SourceRef,
    ...(row.note ? { note: row.note } : {}),
  };
}

/** Approved values as the evaluation reads them: the latest of each indicator. */
export function latestApprovedPoints(rows: readonly IndicatorRow[]): ObservedPoint[] {
  const out: ObservedPoint[] = [];
  for (const r of rows) {
    if (r.latestApproved) {
      out.push({ indicatorId: r.id, year: r.latestApproved.year, value: r.latestApproved.raw });
    }
  }
  return out;
}

/**
 * The year a plan is looked at by default: the latest year with an approved value, else the
 * last finished year inside the plan's period.
 */
export function defaultYear(period: { start: number; end: number }, points: ObservedPoint[]) {
  const latest = Math.max(...points.map((p) => p.year), Number.NEGATIVE_INFINITY);
  if (Number.isFinite(latest)) return latest;
  const lastFinished = new Date().getFullYear() - 1;
  return Math.min(Math.max(lastFinished, period.start), period.end);
}

/**
 * Evaluates every indicator with the domain's own rules (docs/method.md), the same functions
 * the reports use, on the approved values the API returns.
 */
export function evaluateRows(
  rows: readonly IndicatorRow[],
  points: readonly ObservedPoint[],
  year: number,
  period: { start: number; end: number },
): Map<string, IndicatorEvaluation> {
  const prepared = prepareObservations(points);
  const out = new Map<string, IndicatorEvaluation>();
  for (const row of rows) {
    const e = evaluateIndicator(toDomainIndicator(row), prepared.get(row.id) ?? [], {
      year,
      period,
    });
    out.set(row.id, e);
  }
  return out;
}

export function yearsOf(period: { start: number; end: number }): number[] {
  const out: number[] = [];
  for (let y = period.start; y <= period.end; y++) out.push(y);
  return out;
}
