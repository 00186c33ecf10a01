import { ancestorCodes, isWithin, ROLE_ABILITIES, type User } from '@minsheng/domain';
import type { Context } from './context.ts';
import { forbidden } from './errors.ts';

export type Ability = 'read' | 'write' | 'approve' | 'manageUsers' | 'readAudit';

/**
 * What a user may do where. Writing, approving and managing users reach the user's region and
 * everything below it. Reading plan data reaches those too, and the regions above (a county
 * compares its targets with the plan above it), but not a neighbour's. The audit log is read by
 * those who can write, within their own scope.
 */
export async function can(
  ctx: Context,
  user: User,
  ability: Ability,
  regionCode: string,
): Promise<boolean> {
  const regions = await ctx.regions();
  const within = isWithin(regionCode, user.regionCode, regions);
  const abilities = ROLE_ABILITIES[user.role];
  switch (ability) {
    case 'read':
      return within || ancestorCodes(user.regionCode, regions).includes(regionCode);
    case 'readAudit':
      return within && abilities.write;
    default:
      return within && abilities[ability];
  }
}

const VERBS: Record<Ability, string> = {
  read: 'read',
  write: 'enter values for',
  approve: 'approve values of',
  manageUsers: 'manage users of',
  readAudit: 'read the audit log of',
};

export async function assertCan(
  ctx: Context,
  user: User,
  ability: Ability,
  regionCode: string,
): Promise<void> {
  if (await can(ctx, user, ability, regionCode)) return;
  const regions = await ctx.regions();
  const name = regions.find((r) => r.code === regionCode)?.name ?? regionCode;
  const scope = regions.find((r) => r.code === user.regionCode)?.name ?? user.regionCode;
  throw forbidden(
    `${user.username} (${user.role} of ${scope}) may not ${VERBS[ability]} ${name} (${regionCode})`,
  );
}

/**
 * The refusal of a record by id (a plan, an observation, a user): the same code and words
 * whether the record lies outside the user's scope or does not exist, so nobody learns which ids
 * exist in other regions.
 */
export async function refuseRecord(
  ctx: Context,
  user: User,
  ability: Ability,
  what: string,
): Promise<never> {
  const regions = await ctx.regions();
  const scope = regions.find((r) => r.code === user.regionCode)?.name ?? user.regionCode;
  throw forbidden(`${user.username} (${user.role} of ${scope}) may not ${VERBS[ability]} ${what}`);
}
