import { z } from 'zod';

/** Where in the source document something stands, so a finding can point a planner at it. */
export const SourceRefSchema = z.object({
  /** The table, box or section as the plan names it: 表1, 专栏3, 第四章第二节. */
  section: z.string().min(1),
  /** 1-based position within that section (row of a table, item of a list). */
  item: z.number().int().positive().optional(),
  /** 1-based line in the source text file, where known. */
  line: z.number().int().positive().optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/**
 * Something about the document itself that a reader must know: where it contradicts itself,
 * where we restored text the extraction damaged, where the text is cut short, where 同上 was
 * resolved. The source is never fixed silently; it is fixed and noted, or kept and noted.
 */
export const DocumentNoteSchema = z.object({
  kind: z.enum(['contradiction', 'restoration', 'truncation', 'resolution', 'remark']),
  where: SourceRefSchema,
  text: z.string().min(1),
  /** The text as the source has it, where we changed it. */
  original: z.string().optional(),
});
export type DocumentNote = z.infer<typeof DocumentNoteSchema>;
