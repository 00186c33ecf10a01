import type { Database, IndicatorRow, Kysely, PlanRow } from '@minsheng/db';
import type { Indicator, ObservedPoint, Plan, PlanHead } from '@minsheng/domain';

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

/** A plan's indicators still in its region package, in table order: what evaluation reads. */
export function packageIndicators(db: Kysely<Database>, planId: string): Promise<IndicatorRow[]> {
  return db
    .selectFrom('indicators')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('in_package', '=', true)
    .orderBy('position')
    .execute();
}

/** A whole plan as the domain knows it (indicators still in the package only), for checks. */
export async function loadDomainPlan(db: Kysely<Database>, row: PlanRow): Promise<Plan> {
  const [indicators, services, projects] = await Promise.all([
    packageIndicators(db, row.id),
    db
      .selectFrom('service_items')
      .selectAll()
      .where('plan_id', '=', row.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('projects')
      .selectAll()
      .where('plan_id', '=', row.id)
      .where('in_package', '=', true)
      .orderBy('position')
      .execute(),
  ]);
  return {
    ...planHeadOf(row),
    indicators: indicators.map(indicatorOf),
    services: services.map((s) => ({
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
    })),
    projects: projects.map((p) => ({
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
    })),
  };
}

/** Only the indicators: what evaluation needs, without services and projects. */
export function indicatorPlan(row: PlanRow, indicators: IndicatorRow[]): Plan {
  return {
    ...planHeadOf(row),
    indicators: indicators.map(indicatorOf),
    services: [],
    projects: [],
  };
}

/** Approved observations of some plans up to a year, with their stored readings, by plan. */
export async function approvedPoints(
  db: Kysely<Database>,
  planIds: readonly string[],
  upToYear: number,
): Promise<Map<string, ObservedPoint[]>> {
  const out = new Map<string, ObservedPoint[]>();
  if (planIds.length === 0) return out;
  const rows = await db
    .selectFrom('observations')
    .select(['plan_id', 'indicator_id', 'year', 'raw', 'value'])
    .where('plan_id', 'in', planIds)
    .where('state', '=', 'approved')
    .where('year', '<=', upToYear)
    .execute();
  for (const r of rows) {
    const list = out.get(r.plan_id) ?? [];
    // The reading stored at saving time: nothing is parsed again.
    list.push({ indicatorId: r.indicator_id, year: r.year, value: r.raw, reading: r.value });
    out.set(r.plan_id, list);
  }
  return out;
}
