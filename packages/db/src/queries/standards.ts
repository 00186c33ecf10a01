import type { StandardsOut } from '@minsheng/domain';
import type { Kysely } from 'kysely';
import type { Database, PlanRow } from '../schema.ts';
import { toStandardsItem } from './map.ts';

/** A plan's basic public service list: its declared count, field blocks and items in order. */
export async function standardsOf(
  db: Kysely<Database>,
  plan: Pick<PlanRow, 'id' | 'declared_service_count' | 'service_fields'>,
): Promise<StandardsOut> {
  const rows = await db
    .selectFrom('service_items')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .orderBy('position')
    .execute();
  return {
    declaredServiceCount: plan.declared_service_count,
    fields: plan.service_fields,
    items: rows.map(toStandardsItem),
  };
}
