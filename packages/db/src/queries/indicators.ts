import type { IndicatorOut } from '@minsheng/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { toIndicatorOut } from './map.ts';

/**
 * A plan's indicators, those still in its package first, in table order, each with its latest
 * approved observation. One query: the lateral join reads one reading per indicator through the
 * (plan, indicator, year) index instead of every year's.
 */
export async function indicatorsWithLatest(
  db: Kysely<Database>,
  planId: string,
): Promise<IndicatorOut[]> {
  const rows = await db
    .selectFrom('indicators')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('observations as o')
          .select([
            'o.year as latest_year',
            'o.raw as latest_raw',
            'o.value as latest_value',
            'o.reviewed_at as latest_reviewed_at',
          ])
          .whereRef('o.plan_id', '=', 'indicators.plan_id')
          .whereRef('o.indicator_id', '=', 'indicators.id')
          .where('o.state', '=', 'approved')
          .orderBy('o.year', 'desc')
          .limit(1)
          .as('latest'),
      (join) => join.onTrue(),
    )
    .selectAll('indicators')
    .select(['latest_year', 'latest_raw', 'latest_value', 'latest_reviewed_at'])
    .where('indicators.plan_id', '=', planId)
    .orderBy('indicators.in_package', 'desc')
    .orderBy('indicators.position')
    .execute();
  return rows.map(toIndicatorOut);
}

/** A plan's indicators (kept or not) by id, with their names and whether still in the package. */
export async function indicatorNames(
  db: Kysely<Database>,
  planId: string,
): Promise<Map<string, { id: string; name: string; in_package: boolean }>> {
  const rows = await db
    .selectFrom('indicators')
    .select(['id', 'name', 'in_package'])
    .where('plan_id', '=', planId)
    .execute();
  return new Map(rows.map((i) => [i.id, i]));
}

/** One indicator of a plan (kept or not), if there is one. */
export function indicatorOfPlan(
  db: Kysely<Database>,
  planId: string,
  id: string,
): Promise<{ id: string; in_package: boolean } | undefined> {
  return db
    .selectFrom('indicators')
    .select(['id', 'in_package'])
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
}
