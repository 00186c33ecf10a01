import type { ProjectOut } from '@minsheng/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database, ProjectRow } from '../schema.ts';
import { type ProjectWithNames, toProjectOut } from './map.ts';

function selectProjects(db: Kysely<Database>, planId: string) {
  return db
    .selectFrom('projects')
    .leftJoin('users', 'users.id', 'projects.status_updated_by')
    .selectAll('projects')
    .select('users.username as status_updated_by_name')
    .where('plan_id', '=', planId);
}

/** A plan's projects and tasks, those still in its package first, in table order. */
export async function projectsOf(db: Kysely<Database>, planId: string): Promise<ProjectOut[]> {
  const rows = await selectProjects(db, planId)
    .orderBy('in_package', 'desc')
    .orderBy('position')
    .execute();
  return rows.map(toProjectOut);
}

/** One project, locked until the transaction ends, with who last reported on it. */
export function lockProject(
  trx: Transaction<Database>,
  planId: string,
  projectId: string,
): Promise<ProjectWithNames | undefined> {
  return selectProjects(trx, planId)
    .where('projects.id', '=', projectId)
    .forUpdate('projects')
    .executeTakeFirst();
}

export type ProjectStatusChange = Pick<
  ProjectRow,
  'status' | 'progress' | 'status_note' | 'status_updated_by' | 'status_updated_at' | 'version'
>;

/** Writes a project's reported status. */
export async function setProjectStatus(
  trx: Transaction<Database>,
  planId: string,
  projectId: string,
  change: ProjectStatusChange,
): Promise<void> {
  await trx
    .updateTable('projects')
    .set(change)
    .where('plan_id', '=', planId)
    .where('id', '=', projectId)
    .execute();
}
