import type {
  AuditEntry,
  Indicator,
  IndicatorOut,
  ObservationOut,
  PlanHead,
  PlanListItem,
  Project,
  ProjectOut,
  Region,
  ServiceItem,
  StandardsOut,
  User,
} from '@minsheng/domain';
import { ProjectStatusSchema } from '@minsheng/domain';
import type {
  AuditLogRow,
  IndicatorRow,
  ObservationRow,
  PlanRow,
  ProjectRow,
  RegionRow,
  ServiceItemRow,
  UserRow,
} from '../schema.ts';

// Rows to domain objects: the one place that does it (rows.ts does the way back). The database
// only holds what the domain schemas accepted on the way in, so these read rather than
// re-validate.

export function iso(date: Date | string): string {
  return (date instanceof Date ? date : new Date(date)).toISOString();
}

export function toRegion(row: RegionRow): Region {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parent_code,
  };
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    regionCode: row.region_code,
    disabled: row.disabled,
  };
}

/** The plan's head as the domain knows it, from its row. */
export function planHeadOf(row: PlanRow): PlanHead {
  return {
    id: row.id,
    regionCode: row.region_code,
    title: row.title,
    kind: row.kind,
    period: { start: row.period_start, end: row.period_end },
    issuer: row.issuer,
    documentNumber: row.document_number,
    issueDate: row.issue_date,
    basis: row.basis,
    source: row.source,
    indicatorTable: row.indicator_table,
    declaredServiceCount: row.declared_service_count,
    serviceFields: row.service_fields,
    notes: row.notes,
  };
}

/** The columns of a plan list line. */
export const PLAN_LIST_COLUMNS = [
  'id',
  'region_code',
  'title',
  'kind',
  'period_start',
  'period_end',
  'issuer',
  'document_number',
  'issue_date',
  'in_package',
] as const satisfies readonly (keyof PlanRow)[];

export function toPlanListItem(
  row: Pick<PlanRow, (typeof PLAN_LIST_COLUMNS)[number]>,
): PlanListItem {
  return {
    id: row.id,
    regionCode: row.region_code,
    title: row.title,
    kind: row.kind,
    period: { start: row.period_start, end: row.period_end },
    issuer: row.issuer,
    documentNumber: row.document_number,
    issueDate: row.issue_date,
    inPackage: row.in_package,
  };
}

/**
 * The domain's Indicator from its row. The cells were read by the grammar when the plan was
 * seeded and are stored with their reading, so nothing is parsed again here: evaluating a
 * province's plans must not re-read tens of thousands of cells per request.
 */
export function indicatorOf(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    field: { key: row.field_key, label: row.field_label },
    name: row.name,
    unit: row.unit,
    baselineYear: row.baseline_year,
    baseline: { raw: row.baseline_raw, value: row.baseline_value },
    targetYear: row.target_year,
    target: { raw: row.target_raw, value: row.target_value },
    nature: row.nature,
    canonicalKey: row.canonical_key,
    source: row.source,
    ...(row.note ? { note: row.note } : {}),
  };
}

/** An indicator row with its latest approved observation's columns (null when there is none). */
export type IndicatorWithLatest = IndicatorRow & {
  latest_year: number | null;
  latest_raw: string | null;
  latest_value: IndicatorOut['baseline']['value'] | null;
  latest_reviewed_at: Date | string | null;
};

/** The domain's indicator as the API sends it: with its plan, an explicit null note, in-package. */
export function toIndicatorOut(row: IndicatorWithLatest): IndicatorOut {
  return {
    planId: row.plan_id,
    ...indicatorOf(row),
    note: row.note,
    inPackage: row.in_package,
    latestApproved:
      row.latest_year === null || row.latest_raw === null || row.latest_value === null
        ? null
        : {
            year: row.latest_year,
            raw: row.latest_raw,
            value: row.latest_value,
            approvedAt: row.latest_reviewed_at ? iso(row.latest_reviewed_at) : null,
          },
  };
}

/** A service item as the domain knows it: absent texts left out. */
export function serviceItemOf(s: ServiceItemRow): ServiceItem {
  return {
    id: s.id,
    field: { key: s.field_key, label: s.field_label },
    name: s.name,
    ...(s.content ? { content: s.content } : {}),
    ...(s.target_group ? { targetGroup: s.target_group } : {}),
    ...(s.standard ? { standard: s.standard } : {}),
    standardAmounts: s.standard_amounts,
    ...(s.funding ? { funding: s.funding } : {}),
    fundingLevels: s.funding_levels,
    ...(s.coverage ? { coverage: s.coverage } : {}),
    ...(s.lead_department ? { leadDepartment: s.lead_department } : {}),
    ...(s.table_name ? { table: s.table_name } : {}),
    source: s.source,
    ...(s.note ? { note: s.note } : {}),
  };
}

/** A service item as the API's service list sends it: absent texts as null. */
export function toStandardsItem(r: ServiceItemRow): StandardsOut['items'][number] {
  return {
    id: r.id,
    field: { key: r.field_key, label: r.field_label },
    name: r.name,
    content: r.content,
    targetGroup: r.target_group,
    standard: r.standard,
    standardAmounts: r.standard_amounts,
    funding: r.funding,
    fundingLevels: r.funding_levels,
    coverage: r.coverage,
    leadDepartment: r.lead_department,
    table: r.table_name,
    source: r.source,
    note: r.note,
  };
}

/** A project as the domain's plan holds it: absent parts left out. */
export function projectOf(p: ProjectRow): Project {
  return {
    id: p.id,
    kind: p.kind,
    box: p.box,
    field: { key: p.field_key, label: p.field_label },
    ...(p.group_name ? { group: p.group_name } : {}),
    ...(p.number !== null ? { number: p.number } : {}),
    ...(p.name ? { name: p.name } : {}),
    text: p.text,
    quantities: p.quantities,
    responsible: p.responsible,
    source: p.source,
  };
}

export type ProjectWithNames = ProjectRow & { status_updated_by_name: string | null };

/** A project with its reported progress, as the API sends it. */
export function toProjectOut(row: ProjectWithNames): ProjectOut {
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
    // The column takes any text on the way in: checked against the domain's statuses here.
    status: ProjectStatusSchema.parse(row.status),
    progress: row.progress,
    statusNote: row.status_note,
    statusUpdatedBy: row.status_updated_by_name,
    statusUpdatedAt: row.status_updated_at ? iso(row.status_updated_at) : null,
    version: row.version,
    inPackage: row.in_package,
  };
}

export type ObservationWithNames = ObservationRow & {
  entered_by_name: string;
  reviewed_by_name: string | null;
  updated_by_name: string;
  submitted_by_name: string | null;
};

export function toObservation(row: ObservationWithNames): ObservationOut {
  return {
    id: row.id,
    planId: row.plan_id,
    indicatorId: row.indicator_id,
    year: row.year,
    raw: row.raw,
    value: row.value,
    source: row.source,
    note: row.note,
    state: row.state,
    returnReason: row.return_reason,
    enteredBy: row.entered_by_name,
    enteredAt: iso(row.entered_at),
    reviewedBy: row.reviewed_by_name,
    reviewedAt: row.reviewed_at ? iso(row.reviewed_at) : null,
    submittedBy: row.submitted_by_name,
    submittedAt: row.submitted_at ? iso(row.submitted_at) : null,
    updatedBy: row.updated_by_name,
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}

/** An audit log entry with its sequence number, for paging. */
export function toAuditEntry(r: AuditLogRow): AuditEntry & { seq: number } {
  return {
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
  };
}
