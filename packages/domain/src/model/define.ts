import { z } from 'zod';
import { type RegionPackage, type RegionPackageInput, RegionPackageSchema } from './plan.ts';

/** Thrown when data does not fit its schema; the message lists every field at fault. */
export class DomainValidationError extends Error {
  override readonly name = 'DomainValidationError';
  constructor(
    readonly what: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`${what} is not valid:\n${z.prettifyError(new z.ZodError(issues))}`);
  }
}

/**
 * Checks a region package's data against the domain schemas and gives back the typed result
 * (every cell read by the value grammar). A region package's index calls this on its data.
 */
export function defineRegionPackage(input: RegionPackageInput): RegionPackage {
  const result = RegionPackageSchema.safeParse(input);
  if (!result.success) {
    const code = (input as { region?: { code?: string } }).region?.code ?? '?';
    throw new DomainValidationError(`region package ${code}`, result.error.issues);
  }
  return result.data;
}
