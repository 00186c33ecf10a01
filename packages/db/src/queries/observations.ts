import type { ObservationOut, ObservationState } from '@minsheng/domain';
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Database, NewObservation, ObservationTable } from '../schema.ts';
import { type ObservationWithNames, toObservation } from './map.ts';

// The observation workflow's reads and writes. The router decides (versions, states, four
// eyes) and owns the transaction and the audit record; these only read and write rows.

/** Observations with the names of who entered, last changed, submitted and reviewed them. */
function selectObservations(db: Kysely<Database>) {
  return db
    .selectFrom('observations as o')
    .innerJoin('users as e', 'e.id', 'o.entered_by')
    .innerJoin('users as u', 'u.id', 'o.updated_by')
    .leftJoin('users as s', 's.id', 'o.submitted_by')
    .leftJoin('users as r', 'r.id', 'o.reviewed_by')
    .selectAll('o')
    .select([
      'e.username as entered_by_name',
      'u.username as updated_by_name',
      's.username as submitted_by_name',
      'r.username as reviewed_by_name',
    ]);
}

export interface ObservationKey {
  plan_id: string;
  indicator_id: string;
  year: number;
}

export interface ObservationFilter {
  planId: string;
  indicatorId?: string | undefined;
  year?: number | undefined;
  state?: ObservationState | undefined;
}

/** A plan's observations, by indicator and year, narrowed by what the filter gives. */
export async function listObservations(
  db: Kysely<Database>,
  f: ObservationFilter,
): Promise<ObservationOut[]> {
  const { indicatorId, year, state } = f;
  const rows = await selectObservations(db)
    .where('o.plan_id', '=', f.planId)
    .$if(indicatorId !== undefined, (q) => q.where('o.indicator_id', '=', indicatorId ?? ''))
    .$if(year !== undefined, (q) => q.where('o.year', '=', year ?? 0))
    .$if(state !== undefined, (q) => q.where('o.state', '=', state as ObservationState))
    .orderBy('o.indicator_id')
    .orderBy('o.year')
    .execute();
  return rows.map(toObservation);
}

/** The plan an observation belongs to, if the observation exists. */
export async function planIdOfObservation(
  db: Kysely<Database>,
  id: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('observations')
    .select(['id', 'plan_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.plan_id;
}

/** An observation by id; with `lock`, locked until the transaction ends (it must exist). */
export function observationById(
  db: Kysely<Database>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ObservationWithNames> {
  return selectObservations(db)
    .where('o.id', '=', id)
    .$if(options.lock === true, (q) => q.forUpdate('o'))
    .executeTakeFirstOrThrow();
}

/** The observation of an indicator in a year, if entered; with `lock`, locked. */
export function observationAt(
  db: Kysely<Database>,
  key: ObservationKey,
  options: { lock?: boolean } = {},
): Promise<ObservationWithNames | undefined> {
  return selectObservations(db)
    .where('o.plan_id', '=', key.plan_id)
    .where('o.indicator_id', '=', key.indicator_id)
    .where('o.year', '=', key.year)
    .$if(options.lock === true, (q) => q.forUpdate('o'))
    .executeTakeFirst();
}

/** The entered observations of some indicators of a plan in a year, locked, by indicator. */
export async function lockObservationsOfYear(
  trx: Transaction<Database>,
  planId: string,
  year: number,
  indicatorIds: readonly string[],
): Promise<Map<string, ObservationWithNames>> {
  if (indicatorIds.length === 0) return new Map();
  const rows = await selectObservations(trx)
    .where('o.plan_id', '=', planId)
    .where('o.year', '=', year)
    .where('o.indicator_id', 'in', indicatorIds)
    .forUpdate('o')
    .execute();
  return new Map(rows.map((o) => [o.indicator_id, o]));
}

/** Changes an observation's columns. */
export async function updateObservation(
  trx: Transaction<Database>,
  id: string,
  change: Updateable<ObservationTable>,
): Promise<void> {
  await trx.updateTable('observations').set(change).where('id', '=', id).execute();
}

export async function insertObservation(
  trx: Transaction<Database>,
  row: NewObservation,
): Promise<void> {
  await trx.insertInto('observations').values(row).execute();
}

/** True when the audit log records the user taking one of these actions on the entity. */
export async function actedOn(
  trx: Transaction<Database>,
  q: { entity: string; entityId: string; actions: readonly string[]; actorId: string },
): Promise<boolean> {
  const row = await trx
    .selectFrom('audit_log')
    .select('seq')
    .where('entity', '=', q.entity)
    .where('entity_id', '=', q.entityId)
    .where('action', 'in', q.actions)
    .where('actor_id', '=', q.actorId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
