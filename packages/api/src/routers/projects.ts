import { iso, lockProject, projectsOf, setProjectStatus, toProjectOut } from '@minsheng/db';
import {
  PlanIdSchema,
  type ProjectOut,
  ProjectOutSchema,
  ProjectStatusSchema,
  RecordIdSchema,
} from '@minsheng/domain';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { badInput, conflict } from '../errors.ts';
import { planFor } from '../plan-access.ts';
import { authedProcedure, router } from '../trpc.ts';

export const projectsRouter = router({
  list: authedProcedure
    .input(z.object({ planId: PlanIdSchema }))
    .output(z.array(ProjectOutSchema))
    .query(async ({ ctx, input }) => {
      await planFor(ctx, ctx.user, input.planId, 'read');
      return projectsOf(ctx.db, input.planId);
    }),

  updateStatus: authedProcedure
    .input(
      z.object({
        planId: PlanIdSchema,
        projectId: RecordIdSchema,
        status: ProjectStatusSchema,
        progress: z.number().int().min(0).max(100),
        note: z.string().max(2000).nullable().default(null),
        expectedVersion: z.number().int().positive().max(2_147_483_647),
      }),
    )
    .output(ProjectOutSchema)
    .mutation(async ({ ctx, input }) => {
      const plan = await planFor(ctx, ctx.user, input.planId, 'write');
      if (input.status === 'completed' && input.progress !== 100) {
        throw badInput('progress', input.progress, 'must be 100 for a completed project');
      }
      return ctx.db.transaction().execute(async (trx) => {
        const before = await lockProject(trx, input.planId, input.projectId);
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
        const change = {
          status: input.status,
          progress: input.progress,
          status_note: input.note,
          status_updated_by: ctx.user.id,
          status_updated_at: now,
          version: before.version + 1,
        };
        await setProjectStatus(trx, input.planId, input.projectId, change);
        const after = toProjectOut({
          ...before,
          ...change,
          status_updated_by_name: ctx.user.username,
        });
        const pick = (p: ProjectOut) => ({
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
          before: pick(toProjectOut(before)),
          after: pick(after),
        });
        return after;
      });
    }),
});
