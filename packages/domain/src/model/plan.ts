import { z } from 'zod';
import { CanonicalKeySchema } from './canonical.ts';
import { CellSchema } from './cell.ts';
import { FieldRefSchema } from './field.ts';
import { QuantityMentionSchema } from './quantities.ts';
import { RegionCodeSchema, RegionSchema } from './region.ts';
import { DocumentNoteSchema, SourceRefSchema } from './source.ts';

const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and "-", e.g. cangxi-2021');
/**
 * Ids as the router takes them, a plan's and any stored record's (an indicator, an observation,
 * a project): one rule for every procedure; an unknown id is answered by the procedure itself.
 */
export const PlanIdSchema = z.string().min(1).max(100);
export const RecordIdSchema = z.string().min(1).max(100);

const YearSchema = z.number().int().min(1949).max(2100);
const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD');

export const NatureSchema = z.enum(['binding', 'expected']);
export type Nature = z.infer<typeof NatureSchema>;
export const NATURE_LABELS: Record<Nature, string> = { binding: '约束性', expected: '预期性' };

export const IndicatorSchema = z.object({
  /** Unique within its plan; stable across re-imports, since observations refer to it. */
  id: IdSchema,
  field: FieldRefSchema,
  /** The indicator's name exactly as the plan's table writes it, unit in brackets included. */
  name: z.string().min(1),
  /** The unit, read from the name or the cells; null where the plan gives none. */
  unit: z.string().min(1).nullable(),
  baselineYear: YearSchema,
  baseline: CellSchema,
  targetYear: YearSchema,
  target: CellSchema,
  /** 约束性 / 预期性; null where the plan's table has no nature column. */
  nature: NatureSchema.nullable(),
  canonicalKey: CanonicalKeySchema.nullable(),
  source: SourceRefSchema,
  note: z.string().optional(),
});
export type Indicator = z.output<typeof IndicatorSchema>;
export type IndicatorInput = z.input<typeof IndicatorSchema>;

export const FundingLevelSchema = z.enum(['central', 'province', 'city', 'county']);
export type FundingLevel = z.infer<typeof FundingLevelSchema>;
export const FUNDING_LEVEL_LABELS: Record<FundingLevel, string> = {
  central: '中央',
  province: '省',
  city: '市',
  county: '县',
};

/**
 * A basic public service (基本公共服务项目) and, where the plan sets one, its standard: who it
 * serves, what it pays or provides, who funds it, how far it reaches.
 */
export const ServiceItemSchema = z.object({
  id: IdSchema,
  field: FieldRefSchema,
  name: z.string().min(1),
  /** 服务内容 / 内容与目标 of this item, where the plan gives one per item. */
  content: z.string().optional(),
  targetGroup: z.string().optional(),
  /** 保障标准 as written. */
  standard: z.string().optional(),
  /** The amounts the standard names (小学650元/生年 → 650 元/生年). */
  standardAmounts: z.array(QuantityMentionSchema).default([]),
  /** 支出责任 as written. */
  funding: z.string().optional(),
  fundingLevels: z.array(FundingLevelSchema).default([]),
  /** 覆盖水平 as written. */
  coverage: z.string().optional(),
  leadDepartment: z.string().optional(),
  /** The table the item stands in, where the plan has several (旺苍县's 基本标准 tables). */
  table: z.string().optional(),
  source: SourceRefSchema,
  note: z.string().optional(),
});
export type ServiceItem = z.output<typeof ServiceItemSchema>;
export type ServiceItemInput = z.input<typeof ServiceItemSchema>;

/** A field's block in the service list: its 服务内容与目标 and the count the plan declares. */
export const ServiceFieldSchema = z.object({
  field: FieldRefSchema,
  contentAndGoal: z.string().optional(),
  /** （共N项） as the plan states it; null where it states none. */
  declaredCount: z.number().int().nonnegative().nullable(),
  source: SourceRefSchema,
});
export type ServiceField = z.output<typeof ServiceFieldSchema>;
export type ServiceFieldInput = z.input<typeof ServiceFieldSchema>;

/** A 专栏 project, a 重点项目 or a numbered task (达州's 1.–31.). */
export const ProjectSchema = z.object({
  id: IdSchema,
  kind: z.enum(['project', 'task']),
  /** The box or group heading as written: 专栏1 幼有善育工程, （一）基本公共教育. */
  box: z.string().min(1),
  field: FieldRefSchema,
  /** A heading inside the box, where it has them. */
  group: z.string().optional(),
  /** The task's number in the plan (达州's 14.), where numbered. */
  number: z.number().int().positive().optional(),
  /** A short name, where the text has one before its body (托育服务能力建设：…). */
  name: z.string().optional(),
  text: z.string().min(1),
  quantities: z.array(QuantityMentionSchema).default([]),
  /** 责任单位 / 牵头单位, one department a string. */
  responsible: z.array(z.string().min(1)).default([]),
  source: SourceRefSchema,
});
export type Project = z.output<typeof ProjectSchema>;

/** How far a project or task has got, as the responsible office reports it each year. */
export const PROJECT_STATUSES = ['not_started', 'in_progress', 'completed', 'suspended'] as const;
export const ProjectStatusSchema = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ProjectStatusSchema>;
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  not_started: '未开始',
  in_progress: '进行中',
  completed: '已完成',
  suspended: '暂停',
};
export type ProjectInput = z.input<typeof ProjectSchema>;

export const PlanKindSchema = z.enum(['five_year', 'implementation']);
export type PlanKind = z.infer<typeof PlanKindSchema>;
export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  five_year: '五年规划',
  implementation: '实施计划',
};

const planHeadShape = {
  id: IdSchema,
  regionCode: RegionCodeSchema,
  title: z.string().min(1),
  kind: PlanKindSchema,
  period: z.object({ start: YearSchema, end: YearSchema }),
  issuer: z.string().min(1),
  documentNumber: z.string().nullable(),
  issueDate: IsoDateSchema.nullable(),
  /** Titles of the plans it is written against (本规划依据《…》). */
  basis: z.array(z.string().min(1)),
  source: z.object({
    /** The source text's file name (a seed's is in its region's source/), or where it came from. */
    file: z.string().min(1),
    url: z.string().nullable().default(null),
  }),
  indicatorTable: z
    .object({ title: z.string().min(1), footnote: z.string().nullable() })
    .nullable()
    .default(null),
  /** The plan's own statement of how many basic public services it lists, if any. */
  declaredServiceCount: z.number().int().nonnegative().nullable().default(null),
  serviceFields: z.array(ServiceFieldSchema).default([]),
  notes: z.array(DocumentNoteSchema).default([]),
};

/** A plan without its lists: what a plan's page header shows. */
export const PlanHeadSchema = z.object(planHeadShape);
export type PlanHead = z.output<typeof PlanHeadSchema>;

// The lists sit where they always did among the head's fields: the seed's hash reads the parsed
// plan's JSON, and a new key order would reseed every database for nothing.
const { declaredServiceCount, serviceFields, notes, ...headFirst } = planHeadShape;

export const PlanSchema = z
  .object({
    ...headFirst,
    indicators: z.array(IndicatorSchema),
    declaredServiceCount,
    serviceFields,
    services: z.array(ServiceItemSchema),
    projects: z.array(ProjectSchema),
    notes,
  })
  .superRefine((plan, ctx) => {
    if (plan.period.end < plan.period.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['period'],
        message: 'the period ends before it starts',
      });
    }
    for (const [key, list] of [
      ['indicators', plan.indicators],
      ['services', plan.services],
      ['projects', plan.projects],
    ] as const) {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        if (seen.has(item.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [key, i, 'id'],
            message: `duplicate id "${item.id}" in ${key}`,
          });
        }
        seen.add(item.id);
      });
    }
  });
export type Plan = z.output<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;

/** What a region package exports: the region and its plans (none for 广元市). */
export const RegionPackageSchema = z.object({
  region: RegionSchema,
  plans: z.array(PlanSchema),
});
export type RegionPackage = z.output<typeof RegionPackageSchema>;
export type RegionPackageInput = z.input<typeof RegionPackageSchema>;
