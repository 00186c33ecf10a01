import type { ObservedPoint, Plan } from '@minsheng/domain';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database, PlanRow } from '../schema.ts';
import { indicatorPlan, pointOf } from './plans.ts';

function plansIn(db: Kysely<Database>, regionCodes: readonly string[], year: number) {
  return db
    .selectFrom('plans')
    .where('plans.region_code', 'in', regionCodes)
    .where('plans.in_package', '=', true)
    .where('plans.period_start', '<=', year)
    .where('plans.period_end', '>=', year);
}

/**
 * A stamp of the change counters (migration 0003) of the plans in force in some regions in a
 * year: it moves with any change to those plans, their indicators or their observations.
 */
export async function plansInForceStamp(
  db: Kysely<Database>,
  regionCodes: readonly string[],
  year: number,
): Promise<string> {
  const row = await plansIn(db, regionCodes, year)
    .leftJoin('plan_changes', 'plan_changes.plan_id', 'plans.id')
    .select(
      sql<string>`md5(coalesce(string_agg(plans.id || ':' || coalesce(plan_changes.n, 0), ',' order by plans.id), ''))`.as(
        'stamp',
      ),
    )
    .executeTakeFirstOrThrow();
  return row.stamp;
}

export interface PlanInForce {
  row: PlanRow;
  /** The plan with its package's indicators only. */
  plan: Plan;
  /** Its approved values up to the year. */
  points: ObservedPoint[];
}

/**
 * The plans in force in some regions in a year, in catalog order, each with its indicators and
 * approved values up to the year. One query whatever the number of regions: each plan comes
 * with its indicators and approved values nested as JSON, which the driver reads far faster
 * than tens of thousands of rows; the stored readings are not parsed again.
 */
export async function plansInForce(
  db: Kysely<Database>,
  regionCodes: readonly string[],
  year: number,
): Promise<PlanInForce[]> {
  const plans = await plansIn(db, regionCodes, year)
    .selectAll('plans')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('indicators')
          .selectAll('indicators')
          .whereRef('indicators.plan_id', '=', 'plans.id')
          .where('indicators.in_package', '=', true)
          .orderBy('indicators.position'),
      ).as('indicator_rows'),
      jsonArrayFrom(
        eb
          .selectFrom('observations')
          .select(['indicator_id', 'year', 'raw', 'value'])
          .whereRef('observations.plan_id', '=', 'plans.id')
          .where('observations.state', '=', 'approved')
          .where('observations.year', '<=', year),
      ).as('approved'),
    ])
    .orderBy('plans.position')
    .execute();
  return plans.map(({ indicator_rows, approved, ...row }) => ({
    row,
    plan: indicatorPlan(row, indicator_rows),
    points: approved.map(pointOf),
  }));
}
