import { TRPCError } from '@trpc/server';

/** Shortens a value for an error message: enough to recognise it, never a whole payload. */
export function showValue(value: unknown): string {
  let text: string;
  try {
    text =
      typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? 'undefined');
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…" (${text.length} characters)` : text;
}

/** Input that is well-formed but wrong here: an unknown id, a year outside the plan's period. */
export function badInput(field: string, value: unknown, why: string): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message: `${field}: ${showValue(value)} ${why}` });
}

export function forbidden(message: string): TRPCError {
  return new TRPCError({ code: 'FORBIDDEN', message });
}

export function notFound(message: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message });
}

/** A save over a version someone else wrote: refused, naming who and when. */
export function conflict(message: string): TRPCError {
  return new TRPCError({ code: 'CONFLICT', message });
}

/** A step the record's state does not allow (approving a draft, editing an approved value). */
export function wrongState(message: string): TRPCError {
  return new TRPCError({ code: 'PRECONDITION_FAILED', message });
}

/** PostgreSQL's unique_violation, from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
