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

/** SQLSTATEs of a server that is going away or not back yet: admin, crash and start-up shutdowns. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03']);
/** The socket failing under `pg`: refused, reset, timed out, unresolvable. */
const UNAVAILABLE_SOCKET =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)$/;
/**
 * `pg`'s own errors for a connection lost or never made, or a query never answered within the
 * pool's timeout (a frozen server), which carry no code.
 */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Query read timeout)/;

/**
 * True when the error says the database cannot be reached right now (PostgreSQL stopped,
 * restarting or unreachable), as opposed to a query that failed: the request may be retried.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = 'code' in e ? String(e.code) : '';
    if (UNAVAILABLE_STATES.has(code) || code.startsWith('08') || UNAVAILABLE_SOCKET.test(code))
      return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
    if ('message' in e && UNAVAILABLE_MESSAGE.test(String(e.message))) return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}

/** A 503 naming the database, instead of a 500: nothing is wrong with the request itself. */
export function databaseUnavailable(cause: unknown): TRPCError {
  return new TRPCError({
    code: 'SERVICE_UNAVAILABLE',
    message: 'database unavailable: the server cannot reach its database; try again shortly',
    cause,
  });
}

/** The cause of a refusal that names when to come back: the error formatter and Retry-After read it. */
export class RetryAfter extends Error {
  constructor(readonly seconds: number) {
    super(`retry after ${seconds} s`);
    this.name = 'RetryAfter';
  }
}

/** Seconds to wait, when the error is a refusal that names them. */
export function retryAfterOf(error: unknown): number | null {
  const cause = error instanceof TRPCError ? error.cause : error;
  return cause instanceof RetryAfter ? cause.seconds : null;
}

/** Too many failed password attempts from this client: a 429 that says how long to wait. */
export function tooManyAttempts(seconds: number): TRPCError {
  return new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `密码错误次数过多，请 ${seconds} 秒后再试（too many failed sign-ins: try again in ${seconds} s）`,
    cause: new RetryAfter(seconds),
  });
}

/** This client already has its share of password checks under way: a 429. */
export function tooManyAtOnce(seconds: number): TRPCError {
  return new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `同一地址同时进行的登录过多，请 ${seconds} 秒后再试（too many sign-ins at once from your address: try again in ${seconds} s）`,
    cause: new RetryAfter(seconds),
  });
}

/** Every password-hashing slot is taken: a 503, nothing wrong with the request itself. */
export function serverBusy(seconds: number): TRPCError {
  return new TRPCError({
    code: 'SERVICE_UNAVAILABLE',
    message: `服务器正忙于校验其他登录，请 ${seconds} 秒后再试（server busy checking other sign-ins: try again in ${seconds} s）`,
    cause: new RetryAfter(seconds),
  });
}
