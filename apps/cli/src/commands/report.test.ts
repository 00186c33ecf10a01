import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRegionPackage } from '@minsheng/catalog';
import { afterAll, describe, expect, it } from 'vitest';

// The command as a user runs it: a fresh process, a fresh embedded database (created, migrated
// and seeded on first use), the PDF read back with pdftotext.

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/minsheng.js');
const work = mkdtempSync(path.join(tmpdir(), 'minsheng-report-'));
const dataDir = path.join(work, 'data');

afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MINSHENG_DATA_DIR: dataDir,
    CI: 'true',
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', cwd: work });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );

const cangxi = findRegionPackage('510824')?.plans[0];

describe('minsheng report', () => {
  it('writes the monitoring report of a county, readable back', () => {
    const file = path.join(work, 'cangxi.pdf');
    const r = run(['report', 'monitoring', '--region', '510824', '--year', '2023', '-o', file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(file);
    const text = pdfText(file);
    expect(text).toContain('苍溪县2023年度基本公共服务规划监测报告');
    for (const i of cangxi?.indicators ?? []) expect(text).toContain(i.name.replace(/\s+/g, ''));
    expect(text).not.toMatch(/[□〓\uFFFD]/);
  }, 300_000);

  it('names the file itself in the caller’s folder (INIT_CWD) when -o is missing', () => {
    const r = run(['report', 'standards', '--region', '510821'], { INIT_CWD: work });
    expect(r.status).toBe(0);
    expect(existsSync(path.join(work, 'standards-510821.pdf'))).toBe(true);
    expect(pdfText(path.join(work, 'standards-510821.pdf'))).toContain(
      '旺苍县基本公共服务项目及标准清单',
    );
  }, 300_000);

  it('makes one report per region below a region, in parallel', () => {
    const out = path.join(work, 'batch');
    execFileSync('mkdir', ['-p', out]);
    const r = run(['report', 'midterm', '--under', '510800', '--year', '2023', '--out-dir', out]);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'midterm-510802-2023.pdf',
      'midterm-510821-2023.pdf',
      'midterm-510824-2023.pdf',
    ]);
    // Plain progress lines when not on a terminal, one per region.
    expect(r.stderr.trim().split('\n')).toHaveLength(3);
    expect(r.stdout).toContain('3 中期评估报告 written');
  }, 300_000);

  it('reports a failing region and still makes the others, exiting 1', () => {
    const out = path.join(work, 'batch-all');
    execFileSync('mkdir', ['-p', out]);
    const r = run([
      'report',
      'monitoring',
      '--under',
      '510000',
      '--year',
      '2023',
      '--out-dir',
      out,
    ]);
    expect(r.status).toBe(1);
    // 达州市's plan is the 2017 implementation plan: 2023 is outside it.
    expect(r.stdout).toMatch(/failed: 511700 达州市: year 2023 is outside/);
    expect(readdirSync(out).sort()).toEqual([
      'monitoring-510802-2023.pdf',
      'monitoring-510821-2023.pdf',
      'monitoring-510824-2023.pdf',
    ]);
  }, 300_000);

  it.each([
    [
      ['report', 'monitoring', '--region', '999999', '--year', '2023'],
      /unknown region code "999999"/,
    ],
    [['report', 'monitoring', '--region', '510800', '--year', '2023'], /广元市 has no plan/],
    [['report', 'monitoring', '--region', '510824', '--year', '2030'], /year 2030 is outside/],
    [['report', 'midterm', '--region', '510824'], /needs --year/],
    [['report', 'standards', '--region', '510824', '-o', '/no/such/dir/x.pdf'], /cannot write/],
  ])(
    'refuses bad input in one line, without a stack: %s',
    (args, message) => {
      const r = run(args);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    },
    300_000,
  );
});

describe('minsheng report --api', () => {
  const API_DIR = path.resolve(path.dirname(BIN), '../../api');
  const serverData = path.join(work, 'server-data');
  const password = 'report-test-password-1';
  let server: ChildProcess | null = null;

  afterAll(async () => {
    if (!server) return;
    const exited = new Promise((resolve) => server?.on('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  });

  it('reads through a running server with a session token', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      MINSHENG_DATA_DIR: serverData,
      MINSHENG_ADMIN_PASSWORD: password,
    };
    delete env.DATABASE_URL;
    // The server as `pnpm start` runs it (apps/api), in a process of its own.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: API_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
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
        reject(new Error(`the server exited (${code}):\n${out}`));
      });
    });
    const signIn = await fetch(`${url}trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
    expect(token).not.toBe('');

    const file = path.join(work, 'remote.pdf');
    const r = run([
      'report',
      'standards',
      '--region',
      '510824',
      '--api',
      `${url}trpc`,
      '--token',
      token,
      '-o',
      file,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = pdfText(file);
    expect(text).toContain('苍溪县基本公共服务项目及标准清单');
    for (const s of findRegionPackage('510824')?.plans[0]?.services ?? []) {
      expect(text).toContain(s.name.replace(/\s+/g, ''));
    }

    const refused = run([
      'report',
      'standards',
      '--region',
      '510824',
      '--api',
      `${url}trpc`,
      '--token',
      'nope',
    ]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/refused: sign in first/);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  }, 300_000);
});
