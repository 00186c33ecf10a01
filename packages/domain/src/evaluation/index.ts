export * from './evaluate.ts';
export * from './input.ts';
export * from './observations.ts';
export * from './summary.ts';
export * from './types.ts';
