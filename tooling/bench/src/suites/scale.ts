import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSuite } from '../suite.ts';

// National scale (issue 7): the synthetic country loaded into PostgreSQL and PGlite, then the
// real API server under load from this process, at province and at country scale.
// Everything runs through the same commands a person would use: `minsheng demo generate`
// (apps/cli) to load, apps/api's main.ts to serve, autocannon over loopback to measure.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const CLI = path.join(ROOT, 'apps/cli/bin/minsheng.js');
const SERVER_DIR = path.join(ROOT, 'apps/api');

const CONNECTIONS = 32;
/** Seconds each read is measured for (after a short warm-up). */
const SECONDS = Number(process.env.BENCH_SCALE_SECONDS || 10);
/** Observation saves per scale: each a first save of a value not entered yet. */
const SAVES = Number(process.env.BENCH_SCALE_SAVES || 2000);
/** `country` (the figure), `province`, or `skip`: PGlite is much the slowest part. */
const PGLITE_SCALE = process.env.BENCH_SCALE_PGLITE || 'country';
/** `skip` leaves out the PostgreSQL load and the API measurements (to rerun PGlite alone). */
const POSTGRES = process.env.BENCH_SCALE_POSTGRES || 'run';
const SEED = 1;
/** The benched province and one of its counties: the same rows at both scales. */
const PROVINCE = '130000';
const COUNTY_PLAN = 'demo-130101-2021';
const DEMO_USER = 'demo-130000-admin';

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
interface AutocannonRequest {
  method: string;
  path: string;
  setupRequest?: (req: Record<string, unknown>) => Record<string, unknown>;
}
type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: AutocannonResult) => void,
) => void;

// autocannon ships no types and @types/autocannon is not installed: its shape is declared above.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function log(line: string): void {
  process.stderr.write(`  [scale] ${line}\n`);
}

// ---------------------------------------------------------------- PostgreSQL on loopback

// TEST_DATABASE_URL too: under vitest the soak's short form uses the server the tests use.
let adminUrl =
  process.env.BENCH_POSTGRES_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/postgres';

/** The maintenance database URL the bench creates and drops its databases through. */
export function postgresAdminUrl(): string {
  return adminUrl;
}

export function psql(url: string, text: string): { ok: boolean; out: string; err: string } {
  // Whole tables are read back through here (the soak's check): well past the 1 MB default.
  const r = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-Atc', text], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return {
    ok: r.status === 0,
    out: (r.stdout ?? '').trim(),
    err: (r.stderr ?? r.error?.message ?? '').trim(),
  };
}

function startClusters(): void {
  if (!existsSync('/etc/postgresql')) return;
  for (const version of readdirSync('/etc/postgresql')) {
    log(`starting the PostgreSQL ${version} cluster`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
      stdio: 'inherit',
    });
  }
}

/**
 * A PostgreSQL server on 127.0.0.1:5432: the one answering, else an installed cluster started,
 * else (as root, with apt) the Debian package installed and started, the postgres user given a
 * password for loopback connections. Returns why none could be had, or null.
 */
export function ensurePostgres(): string | null {
  if (psql(adminUrl, 'select 1').ok) return null;
  startClusters();
  if (psql(adminUrl, 'select 1').ok) return null;
  if (
    !existsSync('/etc/postgresql') &&
    process.getuid?.() === 0 &&
    existsSync('/usr/bin/apt-get')
  ) {
    log('PostgreSQL is not installed: apt-get install postgresql');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', 'postgresql'], { stdio: 'inherit', env });
    startClusters();
    // Debian's loopback connections ask for a password: give the bench one.
    const password = randomBytes(9).toString('hex');
    spawnSync(
      'runuser',
      ['-u', 'postgres', '--', 'psql', '-c', `alter user postgres password '${password}'`],
      {
        stdio: 'inherit',
      },
    );
    adminUrl = `postgres://postgres:${password}@127.0.0.1:5432/postgres`;
    if (psql(adminUrl, 'select 1').ok) return null;
  }
  const probe = psql(adminUrl, 'select 1');
  return probe.err || 'no PostgreSQL answers on 127.0.0.1:5432';
}

function databaseUrl(name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export function createDatabase(name: string): string {
  const r = psql(adminUrl, `create database "${name}"`);
  if (!r.ok) throw new Error(`create database ${name}: ${r.err}`);
  return databaseUrl(name);
}

export function dropDatabase(name: string): void {
  psql(adminUrl, `drop database if exists "${name}" with (force)`);
}

// ---------------------------------------------------------------- loading

interface LoadFigures {
  rows: number;
  loadSeconds: number;
  seconds: number;
  rowsPerSecond: number;
  loadCpuSeconds: number;
  counts: Record<string, number>;
  /** Wall time of the whole command, start-up included. */
  wallSeconds: number;
}

const DEMO_PASSWORD = `bench-${randomBytes(8).toString('hex')}`;

function runLoad(
  scale: string,
  target: { databaseUrl: string } | { dataDir: string },
): Promise<LoadFigures> {
  const where =
    'databaseUrl' in target
      ? ['--database-url', target.databaseUrl]
      : ['--data-dir', target.dataDir];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CLI, 'demo', 'generate', '--scale', scale, '--seed', String(SEED), '--json', ...where],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          CI: 'true',
          MINSHENG_DEMO_PASSWORD: DEMO_PASSWORD,
          DATABASE_URL: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d;
      const last = String(d).trim().split('\n').pop();
      if (last) log(last);
    });
    child.on('close', (code) => {
      if (code !== 0)
        return reject(
          new Error(`demo generate --scale ${scale} failed (${code}): ${err.slice(-2000)}`),
        );
      try {
        const r = JSON.parse(out.trim().split('\n').pop() ?? '') as Omit<
          LoadFigures,
          'wallSeconds'
        >;
        resolve({ ...r, wallSeconds: (performance.now() - started) / 1000 });
      } catch (error) {
        reject(new Error(`demo generate printed no figures: ${String(error)}: ${out.slice(-500)}`));
      }
    });
  });
}

// ---------------------------------------------------------------- the API server

export interface Server {
  url: string;
  child: ChildProcess;
  /** Peak resident memory so far (kernel high-water mark), MiB. */
  peakMiB(): number;
  stop(): Promise<void>;
}

export function startServer(
  databaseUrl: string,
  adminPassword = `admin-${randomBytes(8).toString('hex')}`,
): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      MINSHENG_ADMIN_PASSWORD: adminPassword,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  const peakMiB = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      return Math.round((kb / 1024) * 10) / 10;
    } catch {
      return Number.NaN;
    }
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    });
  return new Promise((resolve, reject) => {
    let seen = '';
    let err = '';
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(`the API server did not start in 180 s: ${err.slice(-1500)}${seen.slice(-1500)}`),
      );
    }, 180_000);
    // Request logs keep coming under load: they are read (so the pipe never blocks) and dropped.
    child.stdout.on('data', (d: Buffer) => {
      if (seen.length < 20_000) seen += d;
      const m = /Minsheng is running at (http:\/\/\S+)/.exec(seen);
      if (m?.[1] && timer) {
        clearTimeout(timer);
        seen = ' '.repeat(20_000);
        resolve({ url: m[1].replace(/\/?$/, '/'), child, peakMiB, stop });
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API server exited (${code}): ${err.slice(-1500)}${seen.slice(-1500)}`));
    });
  });
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: DEMO_USER, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('minsheng_session='));
  if (!res.ok || !cookie)
    throw new Error(`sign-in as ${DEMO_USER} failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0] as string;
}

function queryPath(procedure: string, input: unknown): string {
  return `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

async function trpcGet<T>(
  url: string,
  cookie: string,
  procedure: string,
  input: unknown,
): Promise<T> {
  const res = await fetch(new URL(queryPath(procedure, input).slice(1), url), {
    headers: { cookie },
  });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok || !body.result)
    throw new Error(`${procedure}: ${res.status} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

interface Measured {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  /** CPU the API process spent per request, ms: unlike latency, blind to other load on the host. */
  apiCpuMs: number;
  /** CPU the database's backends spent per request, ms. */
  dbCpuMs: number;
}

const TICKS_PER_SECOND = 100;

/** User + system CPU of a process so far, ms (from /proc; NaN where there is none). */
export function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** CPU of every backend connected to a database so far, ms. */
function databaseCpuMs(database: string): number {
  const r = psql(adminUrl, `select pid from pg_stat_activity where datname = '${database}'`);
  if (!r.ok) return Number.NaN;
  return r.out
    .split('\n')
    .filter(Boolean)
    .reduce((sum, pid) => sum + cpuMs(Number(pid)), 0);
}

function cannon(options: Record<string, unknown>): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, timeout: 30, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/**
 * Waits until the API process stops burning CPU: requests autocannon gave up on are still
 * being answered, and would otherwise be billed to the next measurement.
 */
async function waitIdle(pid: number | undefined, limitMs = 180_000): Promise<void> {
  const until = Date.now() + limitMs;
  let last = cpuMs(pid);
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuMs(pid);
    if (!(now - last > 25)) return;
    last = now;
  }
}

/** The median of a few requests one at a time: the latency of an unloaded server. */
async function idleLatency(url: string, path: string, cookie: string, n = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await fetch(new URL(path.slice(1), url), { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(n / 2)] ?? Number.NaN) * 10) / 10;
}

interface Target {
  url: string;
  pid: number | undefined;
  database: string;
}

async function measure(
  target: Target,
  options: Record<string, unknown>,
  warm = true,
): Promise<Measured> {
  if (warm) await cannon({ url: target.url, ...options, duration: 2, amount: undefined });
  await waitIdle(target.pid);
  const api = cpuMs(target.pid);
  const db = databaseCpuMs(target.database);
  const r = await cannon({ url: target.url, ...options });
  const requests = r['2xx'] + r.non2xx;
  await waitIdle(target.pid);
  const per = (ms: number) => Math.round((ms / Math.max(1, requests)) * 100) / 100;
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: Math.round(r.requests.average),
    requests,
    errors: r.errors + r.timeouts + r.non2xx,
    apiCpuMs: per(cpuMs(target.pid) - api),
    dbCpuMs: per(databaseCpuMs(target.database) - db),
  };
}

/** Values not entered yet in the benched province's county plans, for first saves. */
async function freeKeys(url: string, cookie: string, want: number, planIds?: string[]) {
  // Every demo region has one plan, demo-<code>-2021: the region list names them all.
  const regions = await trpcGet<Array<{ code: string; name: string }>>(
    url,
    cookie,
    'regions.list',
    {},
  );
  const mine =
    planIds ??
    regions
      .filter((r) => r.name.startsWith('演示') && r.code.startsWith(PROVINCE.slice(0, 2)))
      .map((r) => `demo-${r.code}-2021`);
  const keys: Array<{ planId: string; indicatorId: string; year: number }> = [];
  for (const planId of mine) {
    if (keys.length >= want) break;
    const indicators = await trpcGet<Array<{ id: string }>>(url, cookie, 'indicators.list', {
      planId,
    });
    const entered = await trpcGet<Array<{ indicatorId: string; year: number }>>(
      url,
      cookie,
      'observations.list',
      { planId },
    );
    const taken = new Set(entered.map((o) => `${o.indicatorId}/${o.year}`));
    for (const ind of indicators) {
      for (const year of [2021, 2022, 2023, 2024, 2025]) {
        if (!taken.has(`${ind.id}/${year}`)) keys.push({ planId, indicatorId: ind.id, year });
      }
    }
  }
  return keys.slice(0, want);
}

/**
 * The county page and the province summary are kept until a plan they cover changes: this is
 * what one costs right after a change, when it is computed afresh. Each round saves a draft
 * in the county's plan (which lies in the province), then times one request of each.
 */
async function afterChange(url: string, cookie: string, countyPath: string, summaryPath: string) {
  const keys = await freeKeys(url, cookie, 3, [COUNTY_PLAN]);
  if (keys.length === 0) throw new Error(`${COUNTY_PLAN} has no value left to enter`);
  const county: number[] = [];
  const summary: number[] = [];
  for (const key of keys) {
    const res = await fetch(`${url}trpc/observations.saveDraft`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...key,
        value: '7',
        source: 'bench',
        note: null,
        expectedVersion: null,
      }),
    });
    if (!res.ok) throw new Error(`saveDraft: ${res.status} ${await res.text()}`);
    county.push(await idleLatency(url, countyPath, cookie, 1));
    summary.push(await idleLatency(url, summaryPath, cookie, 1));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return { countyMs: median(county), summaryMs: median(summary) };
}

/** A province summary as one hand-written SQL statement without evaluation, for comparison (pgbench). */
const SUMMARY_SQL = `
with recursive below(code) as (
  select code from regions where code = '${PROVINCE}'
  union all select r.code from regions r join below b on r.parent_code = b.code
),
latest as (
  select distinct on (o.plan_id, o.indicator_id) o.plan_id, o.indicator_id, o.year
  from observations o join plans p on p.id = o.plan_id join below b on b.code = p.region_code
  where o.state = 'approved'
  order by o.plan_id, o.indicator_id, o.year desc
)
select p.region_code, count(*) as indicators, count(l.year) as observed, max(l.year) as latest_year
from plans p join below b on b.code = p.region_code
join indicators i on i.plan_id = p.id
left join latest l on l.plan_id = i.plan_id and l.indicator_id = i.id
group by p.region_code;
`;

function pgbench(url: string, script: string): { latencyMs: number; tps: number } | string {
  const dir = mkdtempSync(path.join(tmpdir(), 'minsheng-pgbench-'));
  try {
    const file = path.join(dir, 'summary.sql');
    writeFileSync(file, script.replace(/\n/g, ' ').trim());
    const r = spawnSync(
      'pgbench',
      ['-n', '-f', file, '-c', String(CONNECTIONS), '-j', '2', '-T', String(SECONDS), url],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0)
      return (r.stderr || r.error?.message || 'pgbench failed').trim().slice(0, 300);
    const latency = Number(/latency average = ([\d.]+) ms/.exec(r.stdout)?.[1]);
    const tps = Number(/tps = ([\d.]+)/.exec(r.stdout)?.[1]);
    return { latencyMs: latency, tps: Math.round(tps) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchApi(database: string, label: string, figures: Record<string, number | string>) {
  const server = await startServer(databaseUrl(database));
  const target: Target = { url: server.url, pid: server.child.pid, database };
  try {
    const cookie = await signIn(server.url);
    const headers = { cookie, 'content-type': 'application/json' };
    const countyPath = queryPath('indicators.list', { planId: COUNTY_PLAN });
    const listPath = queryPath('plans.list', {});
    // The province summary: every plan below the province evaluated for one year.
    const summaryPath = queryPath('evaluation.region', { regionCode: PROVINCE, year: 2024 });
    const countyIdle = await idleLatency(server.url, countyPath, cookie);
    const listIdle = await idleLatency(server.url, listPath, cookie, 3);
    log(`${label} one at a time: county page ${countyIdle} ms, province plan list ${listIdle} ms`);
    const county = await measure(target, {
      duration: SECONDS,
      headers,
      requests: [{ method: 'GET', path: countyPath }],
    });
    log(`${label} county page: p50 ${county.p50} ms, p99 ${county.p99} ms, ${county.rps} req/s`);
    // No procedure summarises a province: plans.list is what a province user's overview reads.
    // It costs seconds at country scale, so it is bounded by count: two rounds of 32.
    const province = await measure(
      target,
      {
        amount: CONNECTIONS * 2,
        timeout: 300,
        headers,
        requests: [{ method: 'GET', path: listPath }],
      },
      false,
    );
    log(
      `${label} province plan list: p50 ${province.p50} ms, p99 ${province.p99} ms, ${province.rps} req/s`,
    );

    const summaryIdle = await idleLatency(server.url, summaryPath, cookie, 3);
    // Kept until a plan in the province changes: measured like the county page, over time;
    // what one costs right after a change is measured apart (afterChange).
    const summary = await measure(target, {
      duration: SECONDS,
      headers,
      requests: [{ method: 'GET', path: summaryPath }],
    });
    log(
      `${label} province summary (evaluation.region): one alone ${summaryIdle} ms; p50 ${summary.p50} ms, p99 ${summary.p99} ms, ${summary.rps} req/s, ${summary.errors} errors`,
    );

    const cold = await afterChange(server.url, cookie, countyPath, summaryPath);
    log(
      `${label} right after a change (computed afresh): county page ${cold.countyMs} ms, province summary ${cold.summaryMs} ms`,
    );

    const keys = await freeKeys(server.url, cookie, SAVES);
    let next = 0;
    const save: AutocannonRequest = {
      method: 'POST',
      path: '/trpc/observations.saveDraft',
      setupRequest: (req) => {
        const key = keys[next++ % keys.length];
        return {
          ...req,
          body: JSON.stringify({
            ...key,
            value: '12.5',
            source: 'bench',
            note: null,
            expectedVersion: null,
          }),
        };
      },
    };
    const saves = await measure(target, { amount: keys.length, headers, requests: [save] }, false);
    log(
      `${label} save: p50 ${saves.p50} ms, p99 ${saves.p99} ms, ${saves.rps} req/s, ${saves.errors} errors`,
    );

    const sql = pgbench(databaseUrl(database), SUMMARY_SQL);
    const p = `${label}_`;
    Object.assign(figures, {
      [`${p}county_single_ms`]: countyIdle,
      [`${p}province_list_single_ms`]: listIdle,
      [`${p}county_p50_ms`]: county.p50,
      [`${p}county_p99_ms`]: county.p99,
      [`${p}county_rps`]: county.rps,
      [`${p}county_errors`]: county.errors,
      [`${p}county_api_cpu_ms`]: county.apiCpuMs,
      [`${p}county_db_cpu_ms`]: county.dbCpuMs,
      [`${p}province_list_p50_ms`]: province.p50,
      [`${p}province_list_p99_ms`]: province.p99,
      [`${p}province_list_rps`]: province.rps,
      [`${p}province_list_errors`]: province.errors,
      [`${p}province_list_api_cpu_ms`]: province.apiCpuMs,
      [`${p}province_list_db_cpu_ms`]: province.dbCpuMs,
      [`${p}province_summary_single_ms`]: summaryIdle,
      [`${p}province_summary_after_change_ms`]: cold.summaryMs,
      [`${p}county_after_change_ms`]: cold.countyMs,
      [`${p}province_summary_p50_ms`]: summary.p50,
      [`${p}province_summary_p99_ms`]: summary.p99,
      [`${p}province_summary_rps`]: summary.rps,
      [`${p}province_summary_errors`]: summary.errors,
      [`${p}save_p50_ms`]: saves.p50,
      [`${p}save_p99_ms`]: saves.p99,
      [`${p}save_rps`]: saves.rps,
      [`${p}save_requests`]: saves.requests,
      [`${p}save_errors`]: saves.errors,
      [`${p}save_api_cpu_ms`]: saves.apiCpuMs,
      [`${p}save_db_cpu_ms`]: saves.dbCpuMs,
      ...(typeof sql === 'string'
        ? { [`${p}summary_sql`]: `pgbench failed: ${sql}` }
        : { [`${p}summary_sql_avg_ms`]: sql.latencyMs, [`${p}summary_sql_tps`]: sql.tps }),
      [`${p}api_peak_rss_mib`]: server.peakMiB(),
    });
  } finally {
    await server.stop();
  }
}

function ratio(figures: Record<string, number | string>, key: string): number | string {
  const a = figures[`country_${key}`];
  const b = figures[`province_${key}`];
  return typeof a === 'number' && typeof b === 'number' && b > 0
    ? Math.round((a / b) * 100) / 100
    : 'n/a';
}

export const scaleSuite: BenchSuite = {
  name: 'scale',
  description: `synthetic country into PostgreSQL and PGlite; API at ${CONNECTIONS} connections, province vs country scale`,
  async run() {
    const figures: Record<string, number | string> = {
      load_average_at_start: loadavg()[0]?.toFixed(2) ?? 'n/a',
    };
    if (POSTGRES !== 'skip') await benchPostgres(figures);

    if (PGLITE_SCALE !== 'skip') {
      const dir = mkdtempSync(path.join(tmpdir(), 'minsheng-pglite-'));
      try {
        log(`loading the ${PGLITE_SCALE} set into PGlite`);
        const pglite = await runLoad(PGLITE_SCALE, { dataDir: dir });
        Object.assign(figures, {
          pglite_scale: PGLITE_SCALE,
          pglite_rows: pglite.rows,
          pglite_load_s: round(pglite.loadSeconds),
          pglite_rows_per_s: pglite.rowsPerSecond,
          pglite_loader_cpu_s: pglite.loadCpuSeconds,
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    figures.load_average_at_end = loadavg()[0]?.toFixed(2) ?? 'n/a';
    return figures;
  },
};

async function benchPostgres(figures: Record<string, number | string>): Promise<void> {
  const unavailable = ensurePostgres();
  if (unavailable) {
    figures.postgres = `unavailable: ${unavailable}`;
    return;
  }

  const tag = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const provinceDb = `minsheng_bench_province_${tag}`;
  const countryDb = `minsheng_bench_country_${tag}`;
  try {
    log('loading the province set into PostgreSQL');
    const province = await runLoad('province', { databaseUrl: createDatabase(provinceDb) });
    log('loading the country set into PostgreSQL');
    const country = await runLoad('country', { databaseUrl: createDatabase(countryDb) });
    Object.assign(figures, {
      province_pg_rows: province.rows,
      province_pg_load_s: round(province.loadSeconds),
      province_pg_rows_per_s: province.rowsPerSecond,
      country_pg_rows: country.rows,
      country_pg_load_s: round(country.loadSeconds),
      country_pg_total_s: round(country.seconds),
      country_pg_wall_s: round(country.wallSeconds),
      country_pg_rows_per_s: country.rowsPerSecond,
      country_pg_loader_cpu_s: country.loadCpuSeconds,
      country_observations: country.counts.observations ?? 0,
      country_plans: country.counts.plans ?? 0,
    });
    const size = psql(adminUrl, `select pg_database_size('${countryDb}') / 1048576`);
    if (size.ok) figures.country_pg_size_mib = Number(size.out);

    log('API at province scale');
    await benchApi(provinceDb, 'province', figures);
    log('API at country scale');
    await benchApi(countryDb, 'country', figures);
    for (const key of [
      'county_single_ms',
      'province_list_single_ms',
      'county_p50_ms',
      'county_p99_ms',
      'province_list_p99_ms',
      'province_summary_p99_ms',
      'province_summary_after_change_ms',
      'county_after_change_ms',
      'save_p99_ms',
      'summary_sql_avg_ms',
    ]) {
      figures[`growth_${key}`] = ratio(figures, key);
    }
  } finally {
    dropDatabase(provinceDb);
    dropDatabase(countryDb);
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
