import { createHash } from 'node:crypto';
import { regionPackages } from '@minsheng/catalog';
import type { Indicator, Plan, Project, RegionPackage, ServiceItem } from '@minsheng/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { migrations } from './migrations/index.ts';
import { indicatorRow, planRow, projectRow, serviceRow } from './rows.ts';
import type { Database } from './schema.ts';

export interface SeedResult {
  /** False when the catalog's content was already seeded (same hash): nothing was touched. */
  changed: boolean;
  hash: string;
  regions: number;
  plans: number;
  indicators: number;
  services: number;
  projects: number;
  /** Rows the packages no longer hold but kept, because observations or progress refer to them. */
  kept: { plans: string[]; indicators: string[]; projects: string[] };
  removed: { plans: number; indicators: number; services: number; projects: number };
}

const SEED_KEY = 'catalog';

/** A stable fingerprint of the packages' content: an unchanged catalog re-seeds as a no-op. */
export function catalogHash(packages: readonly RegionPackage[]): string {
  // The schema's version is part of it: a migration may add columns a re-seed has to fill.
  return createHash('sha256')
    .update(JSON.stringify({ schema: Object.keys(migrations), packages }))
    .digest('hex');
}

/**
 * Writes the region packages into the database, in one transaction. Plan data is upserted by
 * id; rows a package no longer holds are deleted unless something entered since refers to
 * them (an observation, a project's reported progress), in which case they stay, flagged
 * `in_package = false`. Observations are never touched. Default: every package of the catalog.
 */
export async function seedCatalog(
  db: Kysely<Database>,
  packages: readonly RegionPackage[] = regionPackages,
  options: { force?: boolean } = {},
): Promise<SeedResult> {
  const hash = catalogHash(packages);
  const result: SeedResult = {
    changed: false,
    hash,
    regions: packages.length,
    plans: 0,
    indicators: 0,
    services: 0,
    projects: 0,
    kept: { plans: [], indicators: [], projects: [] },
    removed: { plans: 0, indicators: 0, services: 0, projects: 0 },
  };
  for (const p of packages) {
    result.plans += p.plans.length;
    for (const plan of p.plans) {
      result.indicators += plan.indicators.length;
      result.services += plan.services.length;
      result.projects += plan.projects.length;
    }
  }

  return db.transaction().execute(async (trx) => {
    const state = await trx
      .selectFrom('seed_state')
      .select('hash')
      .where('key', '=', SEED_KEY)
      .executeTakeFirst();
    if (state?.hash === hash && !options.force) return result;

    await upsertRegions(trx, packages);
    const planIds: string[] = [];
    let position = 0;
    for (const pkg of packages) {
      for (const plan of pkg.plans) {
        planIds.push(plan.id);
        await upsertPlan(trx, plan, position++);
        await syncIndicators(trx, plan.id, plan.indicators, result);
        await syncServices(trx, plan.id, plan.services, result);
        await syncProjects(trx, plan.id, plan.projects, result);
      }
    }
    const regionCodes = packages.map((p) => p.region.code);
    await retirePlans(trx, regionCodes, planIds, result);

    await trx
      .insertInto('seed_state')
      .values({ key: SEED_KEY, hash, seeded_at: new Date() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ hash, seeded_at: new Date() }))
      .execute();
    result.changed = true;
    return result;
  });
}

async function upsertRegions(trx: Transaction<Database>, packages: readonly RegionPackage[]) {
  const rows = packages.map((p, position) => ({
    code: p.region.code,
    name: p.region.name,
    level: p.region.level,
    parent_code: p.region.parentCode,
    position,
  }));
  if (rows.length === 0) return;
  // Regions are never deleted: users and audit entries refer to them.
  await trx
    .insertInto('regions')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        level: eb.ref('excluded.level'),
        parent_code: eb.ref('excluded.parent_code'),
        position: eb.ref('excluded.position'),
      })),
    )
    .execute();
}

async function upsertPlan(trx: Transaction<Database>, plan: Plan, position: number) {
  const row = planRow(plan, position);
  const { id: _id, ...update } = row;
  await trx
    .insertInto('plans')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(update))
    .execute();
}

async function syncIndicators(
  trx: Transaction<Database>,
  planId: string,
  indicators: readonly Indicator[],
  result: SeedResult,
) {
  const rows = indicators.map((ind, position) => indicatorRow(planId, ind, position));
  for (const row of rows) {
    const { plan_id: _p, id: _i, ...update } = row;
    await trx
      .insertInto('indicators')
      .values(row)
      .onConflict((oc) => oc.columns(['plan_id', 'id']).doUpdateSet(update))
      .execute();
  }
  const ids = indicators.map((i) => i.id);
  const gone = await trx
    .selectFrom('indicators')
    .select(['id'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('observations as o')
            .select(sql`1`.as('one'))
            .whereRef('o.plan_id', '=', 'indicators.plan_id')
            .whereRef('o.indicator_id', '=', 'indicators.id'),
        )
        .as('observed'),
    )
    .where('plan_id', '=', planId)
    .$if(ids.length > 0, (q) => q.where('id', 'not in', ids))
    .execute();
  for (const ind of gone) {
    if (ind.observed) {
      await trx
        .updateTable('indicators')
        .set({ in_package: false })
        .where('plan_id', '=', planId)
        .where('id', '=', ind.id)
        .execute();
      result.kept.indicators.push(`${planId}/${ind.id}`);
    } else {
      await trx
        .deleteFrom('indicators')
        .where('plan_id', '=', planId)
        .where('id', '=', ind.id)
        .execute();
      result.removed.indicators++;
    }
  }
}

async function syncServices(
  trx: Transaction<Database>,
  planId: string,
  services: readonly ServiceItem[],
  result: SeedResult,
) {
  const rows = services.map((item, position) => serviceRow(planId, item, position));
  for (const row of rows) {
    const { plan_id: _p, id: _i, ...update } = row;
    await trx
      .insertInto('service_items')
      .values(row)
      .onConflict((oc) => oc.columns(['plan_id', 'id']).doUpdateSet(update))
      .execute();
  }
  const ids = services.map((s) => s.id);
  const deleted = await trx
    .deleteFrom('service_items')
    .where('plan_id', '=', planId)
    .$if(ids.length > 0, (q) => q.where('id', 'not in', ids))
    .executeTakeFirst();
  result.removed.services += Number(deleted.numDeletedRows);
}

async function syncProjects(
  trx: Transaction<Database>,
  planId: string,
  projects: readonly Project[],
  result: SeedResult,
) {
  const rows = projects.map((p, position) => projectRow(planId, p, position));
  for (const row of rows) {
    // Status and progress are entered by people, not by the package: an upsert leaves them be.
    const { plan_id: _p, id: _i, ...update } = row;
    await trx
      .insertInto('projects')
      .values(row)
      .onConflict((oc) => oc.columns(['plan_id', 'id']).doUpdateSet(update))
      .execute();
  }
  const ids = projects.map((p) => p.id);
  const gone = await trx
    .selectFrom('projects')
    .select(['id', 'version'])
    .where('plan_id', '=', planId)
    .$if(ids.length > 0, (q) => q.where('id', 'not in', ids))
    .execute();
  for (const p of gone) {
    if (p.version > 1) {
      await trx
        .updateTable('projects')
        .set({ in_package: false })
        .where('plan_id', '=', planId)
        .where('id', '=', p.id)
        .execute();
      result.kept.projects.push(`${planId}/${p.id}`);
    } else {
      await trx
        .deleteFrom('projects')
        .where('plan_id', '=', planId)
        .where('id', '=', p.id)
        .execute();
      result.removed.projects++;
    }
  }
}

/**
 * Plans of the packages' regions that the packages no longer hold. Plans of regions no package
 * declares (loaded by other means, such as the report's demo set) are not the catalog's to remove.
 */
async function retirePlans(
  trx: Transaction<Database>,
  regionCodes: string[],
  planIds: string[],
  result: SeedResult,
) {
  if (regionCodes.length === 0) return;
  const gone = await trx
    .selectFrom('plans')
    .select('id')
    .where('region_code', 'in', regionCodes)
    .$if(planIds.length > 0, (q) => q.where('id', 'not in', planIds))
    .execute();
  for (const { id } of gone) {
    const observed = await trx
      .selectFrom('observations')
      .select('id')
      .where('plan_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    const progressed = await trx
      .selectFrom('projects')
      .select('id')
      .where('plan_id', '=', id)
      .where('version', '>', 1)
      .limit(1)
      .executeTakeFirst();
    if (observed || progressed) {
      await trx.updateTable('plans').set({ in_package: false }).where('id', '=', id).execute();
      await syncIndicators(trx, id, [], result);
      await syncServices(trx, id, [], result);
      await syncProjects(trx, id, [], result);
      result.kept.plans.push(id);
    } else {
      await trx.deleteFrom('plans').where('id', '=', id).execute();
      result.removed.plans++;
    }
  }
}
