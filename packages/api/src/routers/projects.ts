import type { ProjectRow } from '@minsheng/db';
import { iso } from '@minsheng/db';
import {
  PlanIdSchema,
  ProjectOutSchema,
  ProjectStatusSchema,
  RecordIdSchema,
} from '@minsheng/domain';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { badInput, conflict } from '../errors.ts';
import { planFor } from '../plan-access.ts';
import { authedProcedure, router } from '../trpc.ts';

// The domain has no project status yet; this is the API's until it does.

function toProject(row: ProjectRow & { status_updated_by_name: string | null }) {
  return {
    planId: row.plan_id,
    id: row.id,
    kind: row.kind,
    box: row.box,
    field: { key: row.field_key, label: row.field_label },
    group: row.group_name,
    number: row.number,
    name: row.name,
    text: row.text,
    quantities: row.quantities,
    responsible: row.responsible,
    source: row.source,
    status: ProjectStatusSchema.parse(row.status),
    progress: row.progress,
    statusNote: row.status_note,
    statusUpdatedBy: row.status_updated_by_name,
    statusUpdatedAt: row.status_updated_at ? iso(row.status_updated_at) : null,
    version: row.version,
    inPackage: row.in_package,
  };
}

export const projectsRouter = router({
  list: authedProcedure
    .input(z.object({ planId: PlanIdSchema }))
    .output(z.array(ProjectOutSchema))
    .query(async ({ ctx, input }) => {
      await planFor(ctx, ctx.user, input.planId, 'read');
      const rows = await ctx.db
        .selectFrom('projects')
        .leftJoin('users', 'users.id', 'projects.status_updated_by')
        .selectAll('projects')
        .select('users.username as status_updated_by_name')
        .where('plan_id', '=', input.planId)
        .orderBy('in_package', 'desc')
        .orderBy('position')
        .execute();
      return rows.map(toProject);
    }),

  updateStatus: authedProcedure
    .input(
      z.object({
        planId: PlanIdSchema,
        projectId: RecordIdSchema,
        status: ProjectStatusSchema,
        progress: z.number().int().min(0).max(100),
        note: z.string().max(2000).nullable().default(null),
        expectedVersion: z.number().int().positive(),
      }),
    )
    .output(ProjectOutSchema)
    .mutation(async ({ ctx, input }) => {
      const plan = await planFor(ctx, ctx.user, input.planId, 'write');
      if (input.status === 'completed' && input.progress !== 100) {
        throw badInput('progress', input.progress, 'must be 100 for a completed project');
      }
      return ctx.db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('projects')
          .leftJoin('users', 'users.id', 'projects.status_updated_by')
          .selectAll('projects')
          .select('users.username as status_updated_by_name')
          .where('plan_id', '=', input.planId)
          .where('projects.id', '=', input.projectId)
          .forUpdate('projects')
          .executeTakeFirst();
        if (!before)
          throw badInput('projectId', input.projectId, `is not a project of ${input.planId}`);
        if (before.version !== input.expectedVersion) {
          throw conflict(
            `project ${input.projectId} was changed by ${before.status_updated_by_name ?? 'seeding'} at ${
              before.status_updated_at ? iso(before.status_updated_at) : 'an earlier time'
            } (now version ${before.version}, you read version ${input.expectedVersion}): reload and try again`,
          );
        }
        const now = ctx.now();
        await trx
          .updateTable('projects')
          .set({
            status: input.status,
            progress: input.progress,
            status_note: input.note,
            status_updated_by: ctx.user.id,
            status_updated_at: now,
            version: before.version + 1,
          })
          .where('plan_id', '=', input.planId)
          .where('id', '=', input.projectId)
          .execute();
        const after = toProject({
          ...before,
          status: input.status,
          progress: input.progress,
          status_note: input.note,
          status_updated_by: ctx.user.id,
          status_updated_by_name: ctx.user.username,
          status_updated_at: now,
          version: before.version + 1,
        });
        const pick = (p: ReturnType<typeof toProject>) => ({
          status: p.status,
          progress: p.progress,
          note: p.statusNote,
          version: p.version,
        });
        await audit(trx, {
          actor: ctx.user,
          action: 'update_status',
          entity: 'project',
          entityId: `${input.planId}/${input.projectId}`,
          regionCode: plan.region_code,
          before: pick(toProject(before)),
          after: pick(after),
        });
        return after;
      });
    }),
});
