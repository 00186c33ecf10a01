import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { queryClient, type RouterOutputs, trpc } from './trpc.ts';

// The console computes no verdict, summary, alignment or check of its own: it shows what the
// router answers (evaluation.*), so a page and a report can never disagree.

export type PlanInfo = RouterOutputs['plans']['get'];
export type IndicatorRow = RouterOutputs['indicators']['list'][number];
export type ObservationRow = RouterOutputs['observations']['list'][number];
export type PlanEvaluation = RouterOutputs['evaluation']['plan'];
export type IndicatorEvaluation = PlanEvaluation['evaluations'][number];

export function usePlan(planId: string) {
  return useQuery(trpc.plans.get.queryOptions({ planId }));
}

export function useIndicators(planId: string) {
  return useQuery(trpc.indicators.list.queryOptions({ planId }));
}

/** The router's verdict on every indicator of a plan in a year, and the plan's counts. */
export function useEvaluation(planId: string, year: number) {
  return useQuery({
    ...trpc.evaluation.plan.queryOptions({ planId, year }),
    // Another year keeps the last answer on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

/**
 * After a value is saved, submitted, approved or returned: everything read from values is asked
 * again. Verdicts are dropped rather than marked stale, so no page shows the counts from before
 * the change while the new ones load.
 */
export function refreshObservations(): Promise<unknown> {
  queryClient.removeQueries(trpc.evaluation.pathFilter());
  return Promise.all([
    queryClient.invalidateQueries(trpc.observations.pathFilter()),
    queryClient.invalidateQueries(trpc.indicators.pathFilter()),
  ]);
}

/**
 * The year a plan is looked at by default: the latest year with an approved value, else the
 * last finished year; either kept inside the plan's period.
 */
export function defaultYear(period: { start: number; end: number }, approvedYears: number[]) {
  const latest = Math.max(...approvedYears, Number.NEGATIVE_INFINITY);
  const year = Number.isFinite(latest) ? latest : new Date().getFullYear() - 1;
  return Math.min(Math.max(year, period.start), period.end);
}

/** The years with an approved value, from the indicator list's latest approved values. */
export function approvedYears(rows: readonly IndicatorRow[]): number[] {
  return rows.flatMap((r) => (r.latestApproved ? [r.latestApproved.year] : []));
}

export function yearsOf(period: { start: number; end: number }): number[] {
  const out: number[] = [];
  for (let y = period.start; y <= period.end; y++) out.push(y);
  return out;
}

/**
 * The year a page evaluates, kept in the address (?year=2023) so a link or a reload shows the
 * same year; `fallback` where the address names none inside the period.
 */
export function useYearParam(
  period: { start: number; end: number },
  fallback: number,
): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year =
    Number.isInteger(asked) && asked >= period.start && asked <= period.end ? asked : fallback;
  const setYear = (y: number) =>
    setParams(
      (p) => {
        p.set('year', String(y));
        return p;
      },
      { replace: true },
    );
  return [year, setYear];
}
