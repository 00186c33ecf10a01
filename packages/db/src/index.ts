export * from './connection.ts';
export { migrateToLatest } from './migrate.ts';
export { migrations } from './migrations/index.ts';
export * from './schema.ts';
export { catalogHash, type SeedResult, seedCatalog } from './seed.ts';
