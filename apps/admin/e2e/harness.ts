import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppRouter } from '@minsheng/api';
import { createTRPCClient, httpLink } from '@trpc/client';
import { build } from 'vite';

export const adminRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(adminRoot, '../..');
export const outputDir = join(adminRoot, 'test-output');

/** Builds the console into apps/admin/dist, where the API server serves it from. */
export async function buildConsole(): Promise<void> {
  await build({ root: adminRoot, configFile: join(adminRoot, 'vite.config.ts'), logLevel: 'warn' });
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  url: string;
  adminPassword: string;
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the real server (apps/api, as `pnpm start` does) on a free port with a fresh embedded
 * database in a temp folder. E2E_BASE_URL points the tests at a server already running instead.
 */
export async function startServer(): Promise<RunningServer> {
  const adminPassword = 'e2e-admin-password-1';
  const given = process.env.E2E_BASE_URL;
  if (given) {
    return {
      url: given.replace(/\/$/, ''),
      adminPassword: process.env.E2E_ADMIN_PASSWORD ?? adminPassword,
      log: () => '',
      stop: async () => {},
    };
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'minsheng-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'apps/api/src/main.ts')],
    {
      cwd: join(repoRoot, 'apps/api'),
      env: {
        ...process.env,
        PORT: String(port),
        MINSHENG_DATA_DIR: dataDir,
        MINSHENG_ADMIN_PASSWORD: adminPassword,
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (true) {
    if (child.exitCode !== null) {
      throw new Error(`the API server exited (${child.exitCode}) before answering:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API server did not answer /healthz within 180 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    adminPassword,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A tRPC client for the test's own setup calls, keeping the session cookie it is given. */
export function apiClient(baseUrl: string) {
  let cookie = '';
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/trpc`,
        fetch: async (input, init) => {
          const headers = new Headers(init?.headers);
          if (cookie) headers.set('cookie', cookie);
          const res = await fetch(input, { ...init, headers });
          const set = res.headers.getSetCookie?.() ?? [];
          for (const c of set) {
            const pair = c.split(';')[0] ?? '';
            if (pair.endsWith('=')) cookie = '';
            else cookie = pair;
          }
          return res;
        },
      }),
    ],
  });
}
