import { planById, planRegionAndStamp } from '@minsheng/db';
import type { User } from '@minsheng/domain';
import { type Ability, can, refuseRecord } from './access.ts';
import type { Context } from './context.ts';

/**
 * Loads a plan's row for a procedure and checks the user may act on its region. A plan out of
 * reach and a plan that does not exist are refused alike.
 */
export async function planFor(ctx: Context, user: User, planId: string, ability: Ability) {
  const plan = await planById(ctx.db, planId);
  if (plan && (await can(ctx, user, ability, plan.region_code))) return plan;
  return refuseRecord(ctx, user, ability, `plan "${planId}"`);
}

/**
 * The access check of `planFor` for a read that may be served from a cache: instead of the
 * plan's row it returns the plan's change counter (see stamped-cache.ts), in the same query.
 */
export async function planStampFor(
  ctx: Context,
  user: User,
  planId: string,
  ability: Ability,
): Promise<string> {
  const plan = await planRegionAndStamp(ctx.db, planId);
  if (plan && (await can(ctx, user, ability, plan.regionCode))) return plan.stamp;
  return refuseRecord(ctx, user, ability, `plan "${planId}"`);
}
