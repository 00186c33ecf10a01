import type { Kysely } from 'kysely';

/**
 * Indexes for work that must cost what it touches, not the whole country: walking the region
 * tree, a region's plans, and deleting a user (whose rows the observations and projects name).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('regions_parent').on('regions').column('parent_code').execute();
  await db.schema.createIndex('plans_region').on('plans').column('region_code').execute();
  for (const column of ['entered_by', 'submitted_by', 'reviewed_by', 'updated_by']) {
    await db.schema
      .createIndex(`observations_${column}`)
      .on('observations')
      .column(column)
      .execute();
  }
  await db.schema
    .createIndex('projects_status_updated_by')
    .on('projects')
    .column('status_updated_by')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above.
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'regions_parent',
    'plans_region',
    'observations_entered_by',
    'observations_submitted_by',
    'observations_reviewed_by',
    'observations_updated_by',
    'projects_status_updated_by',
  ]) {
    await db.schema.dropIndex(name).execute();
  }
}
