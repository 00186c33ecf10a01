import type { User } from '@minsheng/domain';
import { type Ability, assertCan } from './access.ts';
import type { Context } from './context.ts';
import { badInput } from './errors.ts';

/** Loads a plan's row for a procedure and checks the user may act on its region. */
export async function planFor(ctx: Context, user: User, planId: string, ability: Ability) {
  const plan = await ctx.db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw badInput('planId', planId, 'is not a plan');
  await assertCan(ctx, user, ability, plan.region_code);
  return plan;
}
