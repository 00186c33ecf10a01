import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context.ts';
import { databaseUnavailable, isDatabaseUnavailable, retryAfterOf, showValue } from './errors.ts';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** One line per problem, each naming the field and the value it got. */
export function describeZodError(error: ZodError, input: unknown): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
      const value = valueAt(input, issue.path);
      const got = value === undefined ? 'missing' : showValue(value);
      return `${field}: ${issue.message} (got ${got})`;
    })
    .join('; ');
}

const t = initTRPC.context<Context>().create({
  // Never a stack trace in a response, in development or not.
  isDev: false,
  errorFormatter({ shape, error, input }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    let message = shape.message;
    if (zod) message = describeZodError(zod, input);
    else if (error.code === 'INTERNAL_SERVER_ERROR') {
      // SQL, driver messages and stacks stay in the server's log.
      message = 'internal error: the server could not complete the request';
    }
    const retryAfterSeconds = retryAfterOf(error);
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        ...(retryAfterSeconds !== null ? { retryAfterSeconds } : {}),
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        ...(zod
          ? {
              fields: zod.issues.map((i) => ({
                path: i.path.map(String).join('.'),
                message: i.message,
              })),
            }
          : {}),
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// With the u flag a whole pair is one code point above U+FFFF, so only a lone half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Deeper than any input of the router (an import batch is four levels): anything deeper is
 * refused before validation, whose error messages recurse and would overflow the stack.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * PostgreSQL text holds neither NUL nor half a UTF-16 surrogate pair: PGlite fails the query
 * (a 500) and pg silently turns the half pair into U+FFFD (not what was sent). Refused up front,
 * as is nesting deeper than MAX_INPUT_DEPTH.
 * Iterative, because a deeply nested input must not overflow the stack here.
 */
function unstorableText(input: unknown): string | null {
  const stack: [unknown, string, number][] = [[input, '', 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop() as [unknown, string, number];
    if (depth > MAX_INPUT_DEPTH) {
      return `input: nested deeper than ${MAX_INPUT_DEPTH} levels (arrays or objects inside each other); refused unread`;
    }
    if (typeof value === 'string') {
      const field = path || 'input';
      if (LONE_SURROGATE.test(value))
        return `${field}: text has a broken character (half a surrogate pair)`;
      if (value.includes('\u0000')) return `${field}: text may not contain the NUL character`;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value))
        stack.push([child, path ? `${path}.${key}` : key, depth + 1]);
    }
  }
  return null;
}

/**
 * Input errors get their readable message here, not only in the HTTP error formatter, so a
 * server-side caller (the CLI, tests) reads the same "field: problem (got value)" text.
 */
export const publicProcedure = t.procedure.use(async ({ next, getRawInput }) => {
  const bad = unstorableText(await getRawInput().catch(() => undefined));
  if (bad) throw new TRPCError({ code: 'BAD_REQUEST', message: bad });
  const result = await next();
  if (
    !result.ok &&
    result.error.code === 'INTERNAL_SERVER_ERROR' &&
    isDatabaseUnavailable(result.error.cause)
  ) {
    throw databaseUnavailable(result.error.cause);
  }
  if (!result.ok && result.error.cause instanceof ZodError && result.error.code === 'BAD_REQUEST') {
    const raw = await getRawInput().catch(() => undefined);
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: describeZodError(result.error.cause, raw),
      cause: result.error.cause,
    });
  }
  return result;
});

/** Everything but signing in needs a signed-in user. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in first' });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});
