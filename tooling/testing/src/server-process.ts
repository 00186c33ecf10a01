import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The server app, spawned by path: this package depends on no app, and no app on another.
const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../apps/api');

export interface ServerOptions {
  /** PGlite's folder (ignored when `databaseUrl` is given). */
  dataDir?: string;
  /** PostgreSQL; when given the server runs on it instead of PGlite. */
  databaseUrl?: string;
  /** `MINSHENG_ADMIN_PASSWORD`; without it the first start generates and prints one. */
  adminPassword?: string;
  /** `MINSHENG_DB_TIMEOUT_MS`: how long a request waits for PostgreSQL. */
  dbTimeoutMs?: number;
}

/** One `node --import tsx src/main.ts` process (what `pnpm start` runs), its output kept. */
export interface ServerProcess {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  /** Resolves with the first match once the output has it; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** SIGKILL, as a power cut or the OOM killer would: no handler runs. */
  kill(): Promise<void>;
  /** SIGTERM, the orderly stop; the exit code. */
  stop(): Promise<number | null>;
}

export interface RunningServer extends ServerProcess {
  /** `http://127.0.0.1:<port>/`, with the trailing slash. */
  url: string;
}

/** Spawns the server without waiting for it: a test can then kill it at any moment of start-up. */
export function spawnServer(options: ServerOptions): ServerProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
  delete env.DATABASE_URL;
  delete env.MINSHENG_DATA_DIR;
  delete env.MINSHENG_ADMIN_PASSWORD;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.dataDir) env.MINSHENG_DATA_DIR = options.dataDir;
  if (options.adminPassword) env.MINSHENG_ADMIN_PASSWORD = options.adminPassword;
  if (options.dbTimeoutMs) env.MINSHENG_DB_TIMEOUT_MS = String(options.dbTimeoutMs);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: APP_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters = new Set<() => void>();
  const append = (chunk: Buffer | string) => {
    out += chunk;
    for (const check of waiters) check();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      for (const check of waiters) check();
      resolve(code);
    });
  });

  const waitFor = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no ${pattern} in the server's output after ${timeoutMs} ms:\n${out}`));
      }, timeoutMs);
      function check() {
        const match = pattern.exec(out);
        if (match) {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(match);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          clearTimeout(timer);
          waiters.delete(check);
          reject(new Error(`the server exited before printing ${pattern}:\n${out}`));
        }
      }
      waiters.add(check);
      check();
    });

  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    return exited;
  };
  return {
    child,
    output: () => out,
    waitFor,
    kill: async () => {
      await signal('SIGKILL');
    },
    stop: () => signal('SIGTERM'),
  };
}

/** Starts the server and waits until it listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = spawnServer(options);
  try {
    const [, url] = await server.waitFor(/running at (http:\/\/\S+)/);
    return { ...server, url: url ?? '' };
  } catch (error) {
    await server.kill();
    throw error;
  }
}

/** The output's JSON log lines, parsed; the human-readable banner lines are left out. */
export function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export interface TrpcAnswer<T> {
  status: number;
  /** The procedure's result when it succeeded. */
  data?: T;
  error?: { message: string; code: number; data: { code: string; httpStatus: number } };
  /** `name=value` of the session cookie the answer set, if any. */
  cookie?: string;
}

/**
 * One tRPC call over plain HTTP, as curl would make it: a query is a GET with `?input=`, a
 * mutation a POST with the input as its JSON body.
 */
export async function callTrpc<T = unknown>(
  base: string,
  procedure: string,
  input: unknown,
  options: { cookie?: string; query?: boolean; signal?: AbortSignal } = {},
): Promise<TrpcAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.cookie) headers.cookie = options.cookie;
  const url = new URL(`trpc/${procedure}`, base);
  const init: RequestInit = { headers, ...(options.signal ? { signal: options.signal } : {}) };
  if (options.query) {
    if (input !== undefined) url.searchParams.set('input', JSON.stringify(input));
  } else {
    init.method = 'POST';
    init.body = JSON.stringify(input ?? null);
  }
  const res = await fetch(url, init);
  const body = (await res.json()) as { result?: { data: T }; error?: TrpcAnswer<T>['error'] };
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  return {
    status: res.status,
    ...(body.result ? { data: body.result.data } : {}),
    ...(body.error ? { error: body.error } : {}),
    ...(cookie ? { cookie } : {}),
  };
}

/** Signs in and returns the session cookie (`name=value`); throws on a refusal. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const answer = await callTrpc(base, 'auth.signIn', { username, password });
  if (answer.status !== 200 || !answer.cookie) {
    throw new Error(`sign-in of ${username} answered ${answer.status}: ${answer.error?.message}`);
  }
  return answer.cookie;
}
