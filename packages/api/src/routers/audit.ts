import { auditEntries } from '@minsheng/db';
import { AuditOutSchema, isWithin, RegionCodeSchema } from '@minsheng/domain';
import { z } from 'zod';
import { assertCan } from '../access.ts';
import { authedProcedure, router } from '../trpc.ts';

export const auditRouter = router({
  /** Newest first, within the user's scope; page with `beforeSeq`. */
  list: authedProcedure
    .input(
      z
        .object({
          regionCode: RegionCodeSchema.optional(),
          entity: z.string().max(40).optional(),
          entityId: z.string().max(200).optional(),
          limit: z.number().int().min(1).max(500).default(100),
          // audit_log.seq is a PostgreSQL integer: a larger number would fail in the database (500).
          beforeSeq: z.number().int().positive().max(2_147_483_647).optional(),
        })
        .default({ limit: 100 }),
    )
    .output(z.array(AuditOutSchema))
    .query(async ({ ctx, input }) => {
      const scope = input.regionCode ?? ctx.user.regionCode;
      await assertCan(ctx, ctx.user, 'readAudit', scope);
      const regions = await ctx.regions();
      const codes = regions.filter((r) => isWithin(r.code, scope, regions)).map((r) => r.code);
      return auditEntries(ctx.db, {
        regionCodes: codes.length > 0 ? codes : [scope],
        entity: input.entity,
        entityId: input.entityId,
        beforeSeq: input.beforeSeq,
        limit: input.limit,
      });
    }),
});
