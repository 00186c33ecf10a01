import type { Indicator, Plan, Project, ServiceItem } from '@minsheng/domain';
import {
  json,
  type NewIndicator,
  type NewPlan,
  type NewProject,
  type NewServiceItem,
} from './schema.ts';

/**
 * Domain records as table rows: one mapping, used by seeding from the region packages and by
 * the synthetic demo loader alike, so both store a plan the same way.
 */
export function planRow(plan: Plan, position: number): NewPlan {
  return {
    id: plan.id,
    region_code: plan.regionCode,
    title: plan.title,
    kind: plan.kind,
    period_start: plan.period.start,
    period_end: plan.period.end,
    issuer: plan.issuer,
    document_number: plan.documentNumber,
    issue_date: plan.issueDate,
    basis: json(plan.basis),
    source: json(plan.source),
    indicator_table: json(plan.indicatorTable),
    declared_service_count: plan.declaredServiceCount,
    service_fields: json(plan.serviceFields),
    notes: json(plan.notes),
    in_package: true,
    position,
  };
}

export function indicatorRow(planId: string, ind: Indicator, position: number): NewIndicator {
  return {
    plan_id: planId,
    id: ind.id,
    position,
    field_key: ind.field.key,
    field_label: ind.field.label,
    name: ind.name,
    unit: ind.unit,
    baseline_year: ind.baselineYear,
    baseline_raw: ind.baseline.raw,
    baseline_value: json(ind.baseline.value),
    target_year: ind.targetYear,
    target_raw: ind.target.raw,
    target_value: json(ind.target.value),
    nature: ind.nature,
    canonical_key: ind.canonicalKey,
    source: json(ind.source),
    note: ind.note ?? null,
    in_package: true,
  };
}

export function serviceRow(planId: string, s: ServiceItem, position: number): NewServiceItem {
  return {
    plan_id: planId,
    id: s.id,
    position,
    field_key: s.field.key,
    field_label: s.field.label,
    name: s.name,
    content: s.content ?? null,
    target_group: s.targetGroup ?? null,
    standard: s.standard ?? null,
    standard_amounts: json(s.standardAmounts),
    funding: s.funding ?? null,
    funding_levels: json(s.fundingLevels),
    coverage: s.coverage ?? null,
    lead_department: s.leadDepartment ?? null,
    table_name: s.table ?? null,
    source: json(s.source),
    note: s.note ?? null,
  };
}

export function projectRow(planId: string, p: Project, position: number): NewProject {
  return {
    plan_id: planId,
    id: p.id,
    position,
    kind: p.kind,
    box: p.box,
    field_key: p.field.key,
    field_label: p.field.label,
    group_name: p.group ?? null,
    number: p.number ?? null,
    name: p.name ?? null,
    text: p.text,
    quantities: json(p.quantities),
    responsible: json(p.responsible),
    source: json(p.source),
    in_package: true,
  };
}
