import { RegionCodeSchema } from '@minsheng/domain';
import { FormatError, importPlanFile } from '@minsheng/importer';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { assertCan } from '../access.ts';
import { forbidden } from '../errors.ts';
import { authedProcedure, router } from '../trpc.ts';

/** The largest plan file taken, decoded: a county plan's PDF is well under this. */
export const MAX_PLAN_FILE_BYTES = 8 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_PLAN_FILE_BYTES / 3) * 4;

const ContentSchema = z.discriminatedUnion('encoding', [
  z.object({
    encoding: z.literal('base64'),
    data: z
      .string()
      .max(MAX_BASE64, `a plan file is at most ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MiB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'),
  }),
  z.object({
    encoding: z.literal('text'),
    data: z.string().max(MAX_PLAN_FILE_BYTES, 'a plan text is at most 8 MiB'),
  }),
]);

export const ImportDraftInputSchema = z.object({
  /** The file's name as the official has it: recorded as the plan's source. */
  fileName: z.string().trim().min(1).max(200),
  regionCode: RegionCodeSchema,
  /** The region package's name, from which the plan id is derived. */
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, 'is lower-case letters, digits and "-" (e.g. qingchuan)'),
  content: ContentSchema,
});

/** A region code's own prefix: 510000 → 51, 510800 → 5108, 510824 → 510824. */
const prefixOf = (code: string) => code.replace(/(00)+$/, '');

export const importerRouter = router({
  /**
   * A plan file (.txt, .pdf, .docx, .html or .xlsx, told apart by content) read into a draft
   * plan with the lines it could not place and its guesses. Reads only: nothing is stored.
   * Admins only, for a region within their scope (a region not yet in the system counts as
   * within it when its code falls under theirs).
   */
  draft: authedProcedure.input(ImportDraftInputSchema).mutation(async ({ ctx, input }) => {
    if (ctx.user.role !== 'admin') {
      throw forbidden(`${ctx.user.username} (${ctx.user.role}) may not import plans: admins only`);
    }
    const known = (await ctx.regions()).some((r) => r.code === input.regionCode);
    if (known) await assertCan(ctx, ctx.user, 'manageUsers', input.regionCode);
    else if (!input.regionCode.startsWith(prefixOf(ctx.user.regionCode))) {
      throw forbidden(
        `${ctx.user.username} (admin of ${ctx.user.regionCode}) may not import a plan for ${input.regionCode}`,
      );
    }
    const bytes =
      input.content.encoding === 'base64'
        ? new Uint8Array(Buffer.from(input.content.data, 'base64'))
        : new TextEncoder().encode(input.content.data);
    try {
      const result = await importPlanFile(bytes, {
        regionCode: input.regionCode,
        name: input.name,
        fileName: input.fileName,
      });
      return {
        format: result.format,
        plan: result.plan,
        counts: result.counts,
        unplaced: result.unplaced,
        warnings: result.warnings,
        restorations: result.restorations,
      };
    } catch (error) {
      if (error instanceof FormatError) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: `content: ${error.message}` });
      }
      throw error;
    }
  }),
});
