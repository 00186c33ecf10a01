import { z } from 'zod';
import { AlignmentSchema } from '../alignment/align.ts';
import { PlanFindingSchema } from '../checks/check.ts';
import { evaluatePlan, PlanSummarySchema, summarizePlan } from '../evaluation/summary.ts';
import { BilingualSchema, IndicatorEvaluationSchema } from '../evaluation/types.ts';
import { AuditEntrySchema } from '../model/access.ts';
import { CellOutputSchema } from '../model/cell.ts';
import {
  ObservationSchema,
  ObservationYearSchema,
  type ObservedPoint,
} from '../model/observation.ts';
import {
  IndicatorSchema,
  type Plan,
  PlanHeadSchema,
  ProjectSchema,
  ProjectStatusSchema,
  ServiceFieldSchema,
  ServiceItemSchema,
} from '../model/plan.ts';
import { RegionSchema } from '../model/region.ts';
import { ValueSchema } from '../value/value.ts';

// What the router answers, built from the domain's own schemas: each procedure declares one as
// its `.output()`, and every client (the console through RouterOutputs, the CLI in process or
// over HTTP) reads these shapes and nothing hand-written.

/** One line of a plan list. */
export const PlanListItemSchema = PlanHeadSchema.pick({
  id: true,
  regionCode: true,
  title: true,
  kind: true,
  period: true,
  issuer: true,
  documentNumber: true,
  issueDate: true,
}).extend({ inPackage: z.boolean() });
export type PlanListItem = z.output<typeof PlanListItemSchema>;

/** A plan's head as stored: still in its region package or kept for its history. */
export const PlanDetailSchema = PlanHeadSchema.extend({ inPackage: z.boolean() });
export type PlanDetail = z.output<typeof PlanDetailSchema>;

/**
 * A whole plan as the domain knows it (the indicators, services and projects still in its
 * package), its cells with the readings stored at seeding: what a report is made from.
 */
export const PlanOutSchema = PlanHeadSchema.extend({
  indicators: z.array(
    IndicatorSchema.extend({ baseline: CellOutputSchema, target: CellOutputSchema }),
  ),
  services: z.array(ServiceItemSchema),
  projects: z.array(ProjectSchema),
});

/** An indicator as stored (its cells with their readings) and its latest approved value. */
export const IndicatorOutSchema = IndicatorSchema.extend({
  planId: z.string(),
  baseline: CellOutputSchema,
  target: CellOutputSchema,
  note: z.string().nullable(),
  inPackage: z.boolean(),
  latestApproved: z
    .object({
      year: ObservationYearSchema,
      raw: z.string(),
      value: ValueSchema,
      approvedAt: z.string().nullable(),
    })
    .nullable(),
});
export type IndicatorOut = z.output<typeof IndicatorOutSchema>;

/** An observation with who last moved it along and when. */
export const ObservationOutSchema = ObservationSchema.extend({
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type ObservationOut = z.output<typeof ObservationOutSchema>;

/** A plan's service list: the field blocks and each item, absent texts as null. */
export const StandardsOutSchema = z.object({
  declaredServiceCount: z.number().int().nonnegative().nullable(),
  fields: z.array(ServiceFieldSchema),
  items: z.array(
    ServiceItemSchema.extend({
      content: z.string().nullable(),
      targetGroup: z.string().nullable(),
      standard: z.string().nullable(),
      funding: z.string().nullable(),
      coverage: z.string().nullable(),
      leadDepartment: z.string().nullable(),
      table: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type StandardsOut = z.output<typeof StandardsOutSchema>;

/** A project or task with its reported progress. */
export const ProjectOutSchema = ProjectSchema.extend({
  planId: z.string(),
  group: z.string().nullable(),
  number: z.number().int().positive().nullable(),
  name: z.string().nullable(),
  status: ProjectStatusSchema,
  progress: z.number().int().min(0).max(100),
  statusNote: z.string().nullable(),
  statusUpdatedBy: z.string().nullable(),
  statusUpdatedAt: z.string().nullable(),
  version: z.number().int().positive(),
  inPackage: z.boolean(),
});
export type ProjectOut = z.output<typeof ProjectOutSchema>;

export const AuditOutSchema = AuditEntrySchema.extend({ seq: z.number().int() });

/** Every indicator of a plan in a year with its verdict, and the plan's counts. */
export const PlanEvaluationSchema = z.object({
  planId: z.string(),
  year: z.number().int(),
  evaluations: z.array(IndicatorEvaluationSchema),
  summary: PlanSummarySchema,
});
export type PlanEvaluation = z.output<typeof PlanEvaluationSchema>;

/** A region and everything below it in one year: each plan's counts, and the totals. */
export const RegionSummarySchema = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  plans: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      planId: z.string(),
      title: z.string(),
      indicators: z.number().int().nonnegative(),
      byStatus: PlanSummarySchema.shape.byStatus,
      flagged: z.number().int().nonnegative(),
    }),
  ),
  totals: PlanSummarySchema.shape.byStatus,
});
export type RegionSummary = z.output<typeof RegionSummarySchema>;

export const PlanChecksSchema = z.array(PlanFindingSchema);

/** A plan set against the plan above it; where there is none, why (see planAbove). */
export const PlanAlignmentSchema = z.object({
  upper: z.object({ planId: z.string(), title: z.string(), region: RegionSchema }).nullable(),
  alignment: AlignmentSchema.nullable(),
  reason: BilingualSchema.nullable(),
});
export type PlanAlignment = z.output<typeof PlanAlignmentSchema>;

/** What one entry sheet's save wrote: the values saved as drafts, and those then submitted. */
export const SheetResultSchema = z.object({
  planId: z.string(),
  year: ObservationYearSchema,
  saved: z.array(ObservationOutSchema),
  submitted: z.array(ObservationOutSchema),
});
export type SheetResult = z.output<typeof SheetResultSchema>;

export const ImportBatchResultSchema = z.object({
  planId: z.string(),
  year: ObservationYearSchema,
  imported: z.number().int().nonnegative(),
  ids: z.array(z.string()),
});

/** A plan's verdicts in a year and its counts: what evaluation.plan answers. */
export function planEvaluation(
  plan: Plan,
  points: readonly ObservedPoint[],
  year: number,
): PlanEvaluation {
  const evaluations = evaluatePlan(plan, points, year);
  return { planId: plan.id, year, evaluations, summary: summarizePlan(plan, evaluations) };
}

/** What a procedure that only acts answers (sign-out, a password set). */
export const OkSchema = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof OkSchema>;
