import { iso } from '@minsheng/db';
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
          beforeSeq: z.number().int().positive().optional(),
        })
        .default({ limit: 100 }),
    )
    .output(z.array(AuditOutSchema))
    .query(async ({ ctx, input }) => {
      const scope = input.regionCode ?? ctx.user.regionCode;
      await assertCan(ctx, ctx.user, 'readAudit', scope);
      const regions = await ctx.regions();
      const codes = regions.filter((r) => isWithin(r.code, scope, regions)).map((r) => r.code);
      const rows = await ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('region_code', 'in', codes.length > 0 ? codes : [scope])
        .$if(input.entity !== undefined, (q) => q.where('entity', '=', input.entity ?? ''))
        .$if(input.entityId !== undefined, (q) => q.where('entity_id', '=', input.entityId ?? ''))
        .$if(input.beforeSeq !== undefined, (q) => q.where('seq', '<', input.beforeSeq ?? 0))
        .orderBy('seq', 'desc')
        .limit(input.limit)
        .execute();
      return rows.map((r) => ({
        seq: r.seq,
        id: r.id,
        at: iso(r.at),
        actor: r.actor_name,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        regionCode: r.region_code,
        before: r.before,
        after: r.after,
      }));
    }),
});
