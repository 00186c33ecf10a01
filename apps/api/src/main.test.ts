import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Running {
  child: ChildProcess;
  output: () => string;
  url: string;
}

/** Starts `node --import tsx src/main.ts` (what `pnpm start` runs) and waits for its URL. */
async function start(dataDir: string): Promise<Running> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', MINSHENG_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.MINSHENG_ADMIN_PASSWORD;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: APP_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c) => {
    out += c;
  });
  child.stderr?.on('data', (c) => {
    out += c;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${out}`));
    });
  });
  return { child, output: () => out, url };
}

async function stop(running: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => running.child.on('exit', resolve));
  running.child.kill('SIGTERM');
  return exited;
}

describe('pnpm start (node --import tsx src/main.ts) on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'minsheng-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, seeds, prints the URL and a one-time admin password that signs in, stops on SIGTERM', async () => {
    const first = await start(dataDir);
    const password = /created with the password\s+(\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    expect((await fetch(`${first.url}healthz`)).status).toBe(200);
    const signIn = await fetch(`${first.url}trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const tree = await fetch(`${first.url}trpc/regions.tree`, { headers: { cookie } });
    const body = (await tree.json()) as { result: { data: { code: string }[] } };
    expect(body.result.data.map((r) => r.code)).toEqual(['510000']);
    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');
    // The password is printed once, and never in a log line.
    const logLines = first
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(logLines.join('\n')).not.toContain(password);

    // A second start on the same folder: the seed is a no-op, no new admin, no password.
    const second = await start(dataDir);
    expect(second.output()).toContain('"changed":false');
    expect(second.output()).toContain('Sign in with an existing account');
    expect(second.output()).not.toContain('created with the password');
    expect(await stop(second)).toBe(0);
  }, 300_000);
});
