export * from './align.ts';
