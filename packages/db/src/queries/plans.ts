import type { ObservedPoint, Plan, PlanListItem, Value } from '@minsheng/domain';
import type { Kysely } from 'kysely';
import type { Database, IndicatorRow, PlanRow } from '../schema.ts';
import {
  indicatorOf,
  PLAN_LIST_COLUMNS,
  planHeadOf,
  projectOf,
  serviceItemOf,
  toPlanListItem,
} from './map.ts';

// Reads of plans. Each takes a Kysely or a Transaction: the caller owns the transaction.

/** A plan's row by id, if there is one. */
export function planById(db: Kysely<Database>, planId: string): Promise<PlanRow | undefined> {
  return db.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirst();
}

/**
 * A plan's region and its change counter (see migration 0003) in one query: what an access
 * check for a cached read needs instead of the plan's row.
 */
export async function planRegionAndStamp(
  db: Kysely<Database>,
  planId: string,
): Promise<{ regionCode: string; stamp: string } | undefined> {
  const row = await db
    .selectFrom('plans')
    .leftJoin('plan_changes', 'plan_changes.plan_id', 'plans.id')
    .select(['plans.region_code', 'plan_changes.n'])
    .where('plans.id', '=', planId)
    .executeTakeFirst();
  return row && { regionCode: row.region_code, stamp: String(row.n ?? 0) };
}

/** The plans of some regions (kept or not), as list lines, in catalog order. */
export async function plansOfRegions(
  db: Kysely<Database>,
  regionCodes: readonly string[],
): Promise<PlanListItem[]> {
  if (regionCodes.length === 0) return [];
  const rows = await db
    .selectFrom('plans')
    .select(PLAN_LIST_COLUMNS)
    .where('region_code', 'in', regionCodes)
    .orderBy('position')
    .execute();
  return rows.map(toPlanListItem);
}

/** The plans of some regions still in their region packages, whole rows, in catalog order. */
export function packagePlanRows(
  db: Kysely<Database>,
  regionCodes: readonly string[],
): Promise<PlanRow[]> {
  if (regionCodes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plans')
    .selectAll()
    .where('region_code', 'in', regionCodes)
    .where('in_package', '=', true)
    .orderBy('position')
    .execute();
}

/** A plan's indicators still in its region package, in table order: what evaluation reads. */
export function packageIndicators(db: Kysely<Database>, planId: string): Promise<IndicatorRow[]> {
  return db
    .selectFrom('indicators')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('in_package', '=', true)
    .orderBy('position')
    .execute();
}

/** A whole plan as the domain knows it (indicators still in the package only), for checks. */
export async function loadDomainPlan(db: Kysely<Database>, row: PlanRow): Promise<Plan> {
  const [indicators, services, projects] = await Promise.all([
    packageIndicators(db, row.id),
    db
      .selectFrom('service_items')
      .selectAll()
      .where('plan_id', '=', row.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('projects')
      .selectAll()
      .where('plan_id', '=', row.id)
      .where('in_package', '=', true)
      .orderBy('position')
      .execute(),
  ]);
  return {
    ...planHeadOf(row),
    indicators: indicators.map(indicatorOf),
    services: services.map(serviceItemOf),
    projects: projects.map(projectOf),
  };
}

/** Only the indicators: what evaluation needs, without services and projects. */
export function indicatorPlan(row: PlanRow, indicators: readonly IndicatorRow[]): Plan {
  return {
    ...planHeadOf(row),
    indicators: indicators.map(indicatorOf),
    services: [],
    projects: [],
  };
}

/** Approved observations of some plans up to a year, with their stored readings, by plan. */
export async function approvedPoints(
  db: Kysely<Database>,
  planIds: readonly string[],
  upToYear: number,
): Promise<Map<string, ObservedPoint[]>> {
  const out = new Map<string, ObservedPoint[]>();
  if (planIds.length === 0) return out;
  const rows = await db
    .selectFrom('observations')
    .select(['plan_id', 'indicator_id', 'year', 'raw', 'value'])
    .where('plan_id', 'in', planIds)
    .where('state', '=', 'approved')
    .where('year', '<=', upToYear)
    .execute();
  for (const r of rows) {
    const list = out.get(r.plan_id) ?? [];
    list.push(pointOf(r));
    out.set(r.plan_id, list);
  }
  return out;
}

/** An approved value as evaluation takes it: the reading stored at saving time, not re-parsed. */
export function pointOf(r: {
  indicator_id: string;
  year: number;
  raw: string;
  value: Value;
}): ObservedPoint {
  return { indicatorId: r.indicator_id, year: r.year, value: r.raw, reading: r.value };
}
