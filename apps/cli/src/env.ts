import { z } from 'zod';

// Every environment variable the command line reads, read here only (declared to turbo in
// turbo.json). An empty value counts as unset, as a shell's `VAR= cmd` means.

const optional = z
  .string()
  .optional()
  .transform((v) => v || undefined);

export const CliEnvSchema = z.object({
  /** PostgreSQL; without it, PGlite in MINSHENG_DATA_DIR (default `<repo>/.data/pglite`). */
  DATABASE_URL: optional,
  MINSHENG_DATA_DIR: optional,
  /** The session token for `--api`, instead of `--token` (which `ps` would show). */
  MINSHENG_TOKEN: optional,
  /** The demo users' password (`demo generate`); without it they are created disabled. */
  MINSHENG_DEMO_PASSWORD: optional,
  /** The first admin's password when a command creates it; else one is generated and printed. */
  MINSHENG_ADMIN_PASSWORD: optional,
  /** Print the stack of an internal error. */
  MINSHENG_DEBUG: optional.transform((v) => v !== undefined),
  /** Progress as plain lines rather than a bar (CI logs). */
  CI: optional.transform((v) => v !== undefined && v !== 'false' && v !== '0'),
  /** Where the user typed the command: `pnpm minsheng` runs in the repository root. */
  INIT_CWD: optional,
});

export type CliEnv = z.infer<typeof CliEnvSchema>;

let cached: CliEnv | undefined;

/** The command line's environment, read once. */
export function cliEnv(): CliEnv {
  cached ??= CliEnvSchema.parse(process.env);
  return cached;
}

/** The database a command opens: its options first, then the environment. */
export function databaseOptions(opts: { databaseUrl?: string; dataDir?: string } = {}) {
  const env = cliEnv();
  return {
    databaseUrl: opts.databaseUrl ?? env.DATABASE_URL,
    dataDir: opts.dataDir ?? env.MINSHENG_DATA_DIR,
  };
}
