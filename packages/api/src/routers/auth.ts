import {
  adminRegionCodes,
  dropExpiredSessions,
  endSession,
  endSessionsOf,
  passwordHashOf,
  setPasswordHash,
  toUser,
  type UserRow,
  userRowNamed,
} from '@minsheng/db';
import { ancestorCodes, OkSchema, PasswordSchema, UserSchema } from '@minsheng/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { audit } from '../audit.ts';
import {
  clearedSessionCookie,
  createSession,
  DUMMY_HASH,
  hashPassword,
  sessionCookie,
  verifyPassword,
} from '../auth.ts';
import type { Context } from '../context.ts';
import { sweepThrottle, throttledCheck } from '../throttle.ts';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';

/**
 * Where a failed sign-in under a name that is nobody's is audited: the scope of the widest admin
 * (the fewest regions above it; the earliest created among equals, the first admin), so the
 * root admin sees it. Not the top of the region tree: regions above every admin (国家 above
 * 四川省) are readable, but no admin's log reaches them.
 */
async function rootAdminScope(ctx: Context): Promise<string | null> {
  const regions = await ctx.regions();
  let widest: { code: string; depth: number } | null = null;
  for (const code of await adminRegionCodes(ctx.db)) {
    const depth = ancestorCodes(code, regions).length;
    if (!widest || depth < widest.depth) widest = { code, depth };
  }
  return widest?.code ?? null;
}

export const authRouter = router({
  signIn: publicProcedure
    .input(z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }))
    .output(z.object({ user: UserSchema, expiresAt: z.string() }))
    .mutation(async ({ ctx, input }) => {
      let row: UserRow | undefined;
      const ok = await throttledCheck(ctx, input.username, async () => {
        // `Admin` finds `admin`: one account, however the name is typed.
        row = await userRowNamed(ctx.db, input.username);
        // The hash is checked even for an unknown name, so timing does not tell names apart.
        const right = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
        return right && row !== undefined && !row.disabled;
      });
      const now = ctx.now();
      if (!ok || !row) {
        // A name that is nobody's is still an attack on someone: the root admin sees it.
        const regionCode = row?.region_code ?? (await rootAdminScope(ctx));
        await ctx.db.transaction().execute(async (trx) => {
          await audit(trx, {
            actor: null,
            action: 'sign_in_failed',
            entity: 'user',
            entityId: input.username,
            regionCode,
            after: { clientIp: ctx.meta.clientIp },
          });
        });
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'wrong user name or password' });
      }
      const user = toUser(row);
      const session = await ctx.db.transaction().execute(async (trx) => {
        // Expired sessions and forgotten counts are dead already; sign-ins sweep them.
        await dropExpiredSessions(trx, now);
        await sweepThrottle(trx, now);
        const s = await createSession(trx, user.id, now);
        await audit(trx, {
          actor: user,
          action: 'sign_in',
          entity: 'user',
          entityId: user.id,
          regionCode: user.regionCode,
          after: { clientIp: ctx.meta.clientIp },
        });
        return s;
      });
      ctx.setCookie(sessionCookie(session.token, ctx.meta.secure));
      return { user, expiresAt: session.expiresAt.toISOString() };
    }),

  signOut: authedProcedure.output(OkSchema).mutation(async ({ ctx }) => {
    const hash = ctx.sessionHash;
    await ctx.db.transaction().execute(async (trx) => {
      if (hash) await endSession(trx, hash);
      await audit(trx, {
        actor: ctx.user,
        action: 'sign_out',
        entity: 'user',
        entityId: ctx.user.id,
        regionCode: ctx.user.regionCode,
      });
    });
    ctx.setCookie(clearedSessionCookie(ctx.meta.secure));
    return { ok: true as const };
  }),

  /** The signed-in user, or null: the one procedure that answers without a session. */
  me: publicProcedure.output(UserSchema.nullable()).query(({ ctx }) => ctx.user),

  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(200), newPassword: PasswordSchema }))
    .output(OkSchema)
    .mutation(async ({ ctx, input }) => {
      const current = await passwordHashOf(ctx.db, ctx.user.id);
      // Guessing the current password through a stolen session is guessing a password.
      const right = await throttledCheck(ctx, ctx.user.username, () =>
        verifyPassword(input.currentPassword, current),
      );
      if (!right) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'currentPassword: wrong password' });
      }
      const hash = await hashPassword(input.newPassword);
      await ctx.db.transaction().execute(async (trx) => {
        await setPasswordHash(trx, ctx.user.id, hash, ctx.now());
        // Every other session of the user ends with the old password.
        await endSessionsOf(trx, ctx.user.id, ctx.sessionHash);
        await audit(trx, {
          actor: ctx.user,
          action: 'change_password',
          entity: 'user',
          entityId: ctx.user.id,
          regionCode: ctx.user.regionCode,
        });
      });
      return { ok: true as const };
    }),
});
