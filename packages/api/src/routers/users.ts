import { randomUUID } from 'node:crypto';
import {
  allUsers,
  endSessionsOf,
  insertUser,
  setPasswordHash,
  takenUsername,
  updateUser,
  userById,
} from '@minsheng/db';
import {
  isWithin,
  OkSchema,
  PasswordSchema,
  RegionCodeSchema,
  RoleSchema,
  type User,
  UserIdSchema,
  UsernameSchema,
  UserSchema,
} from '@minsheng/domain';
import { z } from 'zod';
import { assertCan, can, refuseRecord } from '../access.ts';
import { audit } from '../audit.ts';
import { hashPassword } from '../auth.ts';
import type { Context } from '../context.ts';
import { badInput, conflict, forbidden, isUniqueViolation } from '../errors.ts';
import { authedProcedure, router } from '../trpc.ts';

type Authed = Context & { user: User };

async function targetUser(ctx: Authed, id: string): Promise<User> {
  const user = await userById(ctx.db, id);
  // Out of reach and not there at all look alike: ids of other regions stay unknown.
  if (!user || !(await can(ctx, ctx.user, 'manageUsers', user.regionCode))) {
    return refuseRecord(ctx, ctx.user, 'manageUsers', `user "${id}"`);
  }
  // Admins of one scope are peers: one of them alone must not disable the others or take over
  // their accounts. Only an admin above them may (for the top scope: the CLI on the server).
  if (user.role === 'admin' && user.id !== ctx.user.id && user.regionCode === ctx.user.regionCode) {
    throw forbidden(
      `${ctx.user.username} 与 ${user.username} 是同一辖区的管理员，只有更上级辖区的管理员才能管理他（an admin of the same scope may not manage admin ${user.username}: only an admin of a wider scope may）`,
    );
  }
  return user;
}

function nameTaken(username: string, taken: string): never {
  throw conflict(
    `username: 用户名 "${username}" 已被用户 "${taken}" 使用（用户名不区分大小写）; "${username}" is taken by another user ("${taken}"; user names ignore case)`,
  );
}

async function assertRegionExists(ctx: Authed, code: string): Promise<void> {
  const regions = await ctx.regions();
  if (!regions.some((r) => r.code === code)) throw badInput('regionCode', code, 'is not a region');
}

export const usersRouter = router({
  /** The users of a region and below (default: the admin's own scope). */
  list: authedProcedure
    .input(z.object({ regionCode: RegionCodeSchema.optional() }).default({}))
    .output(z.array(UserSchema))
    .query(async ({ ctx, input }) => {
      const scope = input.regionCode ?? ctx.user.regionCode;
      await assertCan(ctx, ctx.user, 'manageUsers', scope);
      const regions = await ctx.regions();
      return (await allUsers(ctx.db)).filter((u) => isWithin(u.regionCode, scope, regions));
    }),

  create: authedProcedure
    .input(
      z.object({
        username: UsernameSchema,
        displayName: z.string().trim().min(1).max(60),
        role: RoleSchema,
        regionCode: RegionCodeSchema,
        password: PasswordSchema,
      }),
    )
    .output(UserSchema)
    .mutation(async ({ ctx, input }) => {
      await assertRegionExists(ctx, input.regionCode);
      // An admin creates users only within their own scope: no one can widen a scope.
      await assertCan(ctx, ctx.user, 'manageUsers', input.regionCode);
      const taken = await takenUsername(ctx.db, input.username);
      if (taken !== null) nameTaken(input.username, taken);
      const hash = await hashPassword(input.password);
      const id = randomUUID();
      try {
        return await ctx.db.transaction().execute(async (trx) => {
          const user = await insertUser(trx, {
            id,
            username: input.username,
            displayName: input.displayName,
            passwordHash: hash,
            role: input.role,
            regionCode: input.regionCode,
          });
          await audit(trx, {
            actor: ctx.user,
            action: 'create',
            entity: 'user',
            entityId: id,
            regionCode: user.regionCode,
            after: user,
          });
          return user;
        });
      } catch (error) {
        // Two creations of one name at once: the unique index on lower(username) decides.
        if (isUniqueViolation(error))
          nameTaken(
            input.username,
            (await takenUsername(ctx.db, input.username)) ?? input.username,
          );
        throw error;
      }
    }),

  /** Changes a user's name, role, scope or standing. Not one's own: no one raises themselves. */
  update: authedProcedure
    .input(
      z.object({
        id: UserIdSchema,
        displayName: z.string().trim().min(1).max(60).optional(),
        role: RoleSchema.optional(),
        regionCode: RegionCodeSchema.optional(),
        disabled: z.boolean().optional(),
      }),
    )
    .output(UserSchema)
    .mutation(async ({ ctx, input }) => {
      const before = await targetUser(ctx, input.id);
      const changesAccess =
        input.role !== undefined || input.regionCode !== undefined || input.disabled !== undefined;
      if (before.id === ctx.user.id && changesAccess) {
        throw forbidden('no one may change their own role, region or standing');
      }
      if (input.regionCode !== undefined) {
        await assertRegionExists(ctx, input.regionCode);
        await assertCan(ctx, ctx.user, 'manageUsers', input.regionCode);
      }
      return ctx.db.transaction().execute(async (trx) => {
        const after = await updateUser(
          trx,
          input.id,
          {
            displayName: input.displayName,
            role: input.role,
            regionCode: input.regionCode,
            disabled: input.disabled,
          },
          ctx.now(),
        );
        // New rights take effect at once: the user signs in again under them.
        if (changesAccess) await endSessionsOf(trx, input.id);
        await audit(trx, {
          actor: ctx.user,
          action: 'update',
          entity: 'user',
          entityId: input.id,
          regionCode: after.regionCode,
          before,
          after,
        });
        return after;
      });
    }),

  resetPassword: authedProcedure
    .input(z.object({ id: UserIdSchema, password: PasswordSchema }))
    .output(OkSchema)
    .mutation(async ({ ctx, input }) => {
      const user = await targetUser(ctx, input.id);
      const hash = await hashPassword(input.password);
      await ctx.db.transaction().execute(async (trx) => {
        await setPasswordHash(trx, user.id, hash, ctx.now());
        await endSessionsOf(trx, user.id);
        await audit(trx, {
          actor: ctx.user,
          action: 'reset_password',
          entity: 'user',
          entityId: user.id,
          regionCode: user.regionCode,
        });
      });
      return { ok: true as const };
    }),
});
