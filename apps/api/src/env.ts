import { z } from 'zod';

// Every environment variable the server reads, read here only and checked once at start: a bad
// value stops it with the variable's name and the value, before anything is opened. Each is
// declared to turbo (turbo.json), so a cached task never runs under a changed environment.

const whole = (name: string, min: number, max: number, fallback: number, what: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name}: "${raw}" is not ${what}` });
        return z.NEVER;
      }
      return n;
    });

const optional = z
  .string()
  .optional()
  .transform((v) => v || undefined);

export const ServerEnvSchema = z.object({
  PORT: whole('PORT', 0, 65535, 3000, 'a port number (0-65535)'),
  HOST: optional.transform((v) => v ?? '127.0.0.1'),
  /**
   * How long a request waits for PostgreSQL (a connection, or a query's answer) before it is
   * answered 503: long enough for the heaviest request under load, short enough that a frozen
   * database does not hold every request open.
   */
  MINSHENG_DB_TIMEOUT_MS: whole(
    'MINSHENG_DB_TIMEOUT_MS',
    100,
    Number.MAX_SAFE_INTEGER,
    30_000,
    'a whole number of milliseconds >= 100',
  ),
  /** PostgreSQL; without it, PGlite in MINSHENG_DATA_DIR (default `<repo>/.data/pglite`). */
  DATABASE_URL: optional,
  MINSHENG_DATA_DIR: optional,
  /** The first admin's password on the first start; without it one is generated and printed. */
  MINSHENG_ADMIN_PASSWORD: optional,
});

export type ServerEnv = z.infer<typeof ServerEnvSchema>;

/** Reads the server's environment; throws an Error naming every bad variable and its value. */
export function readServerEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = ServerEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}
