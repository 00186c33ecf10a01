import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_initial.ts';
import * as m0002 from './0002_scope_indexes.ts';
import * as m0003 from './0003_plan_changes.ts';
import * as m0004 from './0004_username_ignore_case.ts';

/**
 * Every migration, by name, in order. A static list rather than a folder scan: Node 20 in
 * production cannot import .ts files by path, and a bundler can see these imports.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_scope_indexes': m0002,
  '0003_plan_changes': m0003,
  '0004_username_ignore_case': m0004,
};
