import {
  DocumentNoteSchema,
  FieldKeySchema,
  FundingLevelSchema,
  type Plan,
  PlanKindSchema,
  QuantityMentionSchema,
  ServiceFieldSchema,
  SourceRefSchema,
} from '@minsheng/domain';
import { toDomainIndicator } from './plan-data.ts';
import { trpc } from './trpc.ts';

const fieldRef = (f: { key: string; label: string }) => ({
  key: FieldKeySchema.catch('general').parse(f.key),
  label: f.label,
});
const sourceRef = (v: unknown) => SourceRefSchema.catch({ section: '—' }).parse(v);

/**
 * A plan as the domain's checks and alignment read it, put together from the API's plan,
 * indicators, standards and projects. The JSON the API returns for stored documents (service
 * fields, notes, quantities) is read back through the domain's own schemas, not cast.
 */
export async function loadDomainPlan(planId: string): Promise<Plan> {
  const [info, indicators, standards, projects] = await Promise.all([
    trpc.plans.get.query({ planId }),
    trpc.indicators.list.query({ planId }),
    trpc.standards.list.query({ planId }),
    trpc.projects.list.query({ planId }),
  ]);
  return {
    id: info.id,
    regionCode: info.regionCode,
    title: info.title,
    kind: PlanKindSchema.catch('five_year').parse(info.kind),
    period: info.period,
    issuer: info.issuer,
    documentNumber: info.documentNumber,
    issueDate: info.issueDate,
    basis: info.basis,
    source: info.source,
    indicatorTable: info.indicatorTable,
    indicators: indicators.filter((i) => i.inPackage).map(toDomainIndicator),
    declaredServiceCount: standards.declaredServiceCount,
    serviceFields: ServiceFieldSchema.array().parse(standards.fields),
    services: standards.items.map((s) => ({
      id: s.id,
      field: fieldRef(s.field),
      name: s.name,
      ...(s.content ? { content: s.content } : {}),
      ...(s.targetGroup ? { targetGroup: s.targetGroup } : {}),
      ...(s.standard ? { standard: s.standard } : {}),
      standardAmounts: QuantityMentionSchema.array().parse(s.standardAmounts),
      ...(s.funding ? { funding: s.funding } : {}),
      fundingLevels: FundingLevelSchema.array().parse(s.fundingLevels),
      ...(s.coverage ? { coverage: s.coverage } : {}),
      ...(s.leadDepartment ? { leadDepartment: s.leadDepartment } : {}),
      ...(s.table ? { table: s.table } : {}),
      source: sourceRef(s.source),
      ...(s.note ? { note: s.note } : {}),
    })),
    projects: projects
      .filter((p) => p.inPackage)
      .map((p) => ({
        id: p.id,
        kind: p.kind === 'task' ? ('task' as const) : ('project' as const),
        box: p.box,
        field: fieldRef(p.field),
        ...(p.group ? { group: p.group } : {}),
        ...(p.number ? { number: p.number } : {}),
        ...(p.name ? { name: p.name } : {}),
        text: p.text,
        quantities: QuantityMentionSchema.array().parse(p.quantities),
        responsible: p.responsible,
        source: sourceRef(p.source),
      })),
    notes: DocumentNoteSchema.array().parse(info.notes),
  };
}
