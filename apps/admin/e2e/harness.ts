import { type ChildProcess, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppRouter } from '@minsheng/api';
import { createTRPCClient, httpLink } from '@trpc/client';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';

export const adminRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(adminRoot, '../..');
export const outputDir = join(adminRoot, 'test-output');

/** The newest modification time of the files below `path` (or of the file itself). */
function newestChange(path: string): number {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/**
 * Builds the console into apps/admin/dist, where the API server serves it from, as `pnpm build`
 * does. The e2e files run side by side and each calls this: a build empties dist/ while another
 * file's server may be serving it, so one build at a time (a lock directory), skipped when this
 * function's last build is newer than every source it is built from.
 */
export async function buildConsole(): Promise<void> {
  const lock = join(adminRoot, 'node_modules', '.e2e-build-lock');
  const stamp = join(adminRoot, 'node_modules', '.e2e-build-stamp');
  const deadline = Date.now() + 300_000;
  while (true) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed run: no build takes five minutes.
      if (Date.now() - newestChange(lock) > 300_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lock} was not released within 300 s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    const sources = [
      'src',
      'index.html',
      'vite.config.ts',
      'package.json',
      '../../packages/domain/src',
    ]
      .map((p) => newestChange(join(adminRoot, p)))
      .concat(newestChange(join(repoRoot, 'pnpm-lock.yaml')));
    const built = existsSync(join(adminRoot, 'dist', 'index.html')) ? newestChange(stamp) : 0;
    if (built > Math.max(...sources)) return;
    // Vite takes NODE_ENV over the mode, and vitest sets it to "test": the bundle would take
    // React's and antd's test branches (every antd useId is "test-id"), not what users get.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        root: adminRoot,
        configFile: join(adminRoot, 'vite.config.ts'),
        mode: 'production',
        logLevel: 'warn',
      });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    writeFileSync(stamp, new Date().toISOString());
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
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

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium from the system (Debian's package), and the screenshot folder. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium)`,
    );
  }
  mkdirSync(outputDir, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page in a context of its own (own cookies and storage), as a desktop browser in zh-CN. */
export async function openPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    baseURL,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('button', { name: /退出登录/ }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /退出登录/ }).click();
  await page.getByLabel('用户名').waitFor();
}
