// The SQL the router runs, by area, and the one mapping of rows to domain objects. Each query
// takes a Kysely or a Transaction, so the caller owns the transaction (and the audit record
// written in it).
export * from './audit-log.ts';
export * from './indicators.ts';
export * from './map.ts';
export * from './observations.ts';
export * from './plans.ts';
export * from './projects.ts';
export * from './regions.ts';
export * from './standards.ts';
export * from './summary.ts';
export * from './users.ts';
