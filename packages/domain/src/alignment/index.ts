export * from './above.ts';
export * from './align.ts';
