// Consumers reach kysely's types through this package, so the whole workspace shares one kysely.
export type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
export { sql } from 'kysely';
// Nesting rows as JSON works on PostgreSQL and PGlite alike; one kysely serves both.
export { jsonArrayFrom } from 'kysely/helpers/postgres';
export * from './audit.ts';
export * from './backup/index.ts';
export * from './connection.ts';
export { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './file-modes.ts';
export * from './lock.ts';
export { migrateToLatest } from './migrate.ts';
export { migrations } from './migrations/index.ts';
export * from './queries/index.ts';
export { indicatorRow, planRow, projectRow, serviceRow } from './rows.ts';
export * from './schema.ts';
export { catalogHash, type SeedResult, seedCatalog } from './seed.ts';
