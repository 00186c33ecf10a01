import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import {
  type Indicator,
  isWithin,
  type Observation,
  ObservationSchema,
  type ObservationState,
  type Plan,
  type Region,
  type User,
  UserSchema,
} from '@minsheng/domain';
import type { BenchSuite } from '../suite.ts';
import {
  cpuMs,
  createDatabase,
  dropDatabase,
  ensurePostgres,
  postgresAdminUrl,
  psql,
  type Server,
  startServer,
} from './scale.ts';

// Soak (issue 8): many clients writing and reading observations through the real server on
// PostgreSQL for minutes, then the database read directly to prove that every write the server
// acknowledged is there. `pnpm bench soak` runs the full length; soak.test.ts the short form in CI.

/** Editors created per region with a plan: clients of a plan share them, each with a session. */
const EDITORS_PER_REGION = 2;
/** Every fifth visit to a value submits it, and the visit after returns it for another round. */
const SUBMIT_EVERY = 5;
/** The server's bound on password checks at once from one address. */
const SIGN_INS_AT_ONCE = 3;
const REQUEST_TIMEOUT_MS = 60_000;
/** "Flat": the RSS at the end at most this factor, and this many MiB, above the warm value. */
const RSS_FACTOR = 1.5;
const RSS_GROWTH_MIB = 100;

export interface SoakOptions {
  clients: number;
  seconds: number;
  /** Progress (phases, RSS samples) as it happens. */
  log?: (line: string) => void;
}

export interface RssSample {
  /** Seconds since the load started. */
  at: number;
  mib: number;
}

export interface SoakResult {
  clients: number;
  seconds: number;
  editors: number;
  /** Values (plan, indicator, year) the clients own between them. */
  keys: number;
  /** Writes (saveDraft, submit, return) the server answered 200 to. */
  acknowledged: number;
  /** Of those, found in the database with their version, value and state. */
  found: number;
  lost: number;
  /** Writes in the database that no client saw acknowledged (a request that failed in flight). */
  unacknowledged: number;
  /** Values whose row differs from the last write acknowledged for it. */
  finalMismatches: number;
  /** Observations whose audited versions are not exactly 1..version, each once. */
  versionGaps: number;
  reads: number;
  /** Read-backs of a value that did not show the client's last acknowledged write. */
  staleReads: number;
  statuses: Record<string, number>;
  status5xx: number;
  /** Requests answered with anything but 200, or not answered at all. */
  failed: number;
  /** Lines the server logged at level error. */
  serverErrors: number;
  serverAlive: boolean;
  requestsPerSecond: number;
  /** CPU the server spent per request under load, ms: steadier than latency on a shared host. */
  serverCpuMsPerRequest: number;
  /** The host's 1-minute load average at the start and the end of the load. */
  loadAverage: { start: number; end: number };
  writeP50Ms: number;
  writeP99Ms: number;
  readP50Ms: number;
  readP99Ms: number;
  rss: {
    samples: RssSample[];
    startMiB: number;
    warmMiB: number;
    warmAt: number;
    endMiB: number;
    peakMiB: number;
    flat: boolean;
  };
  /** The first few failed requests, in words. */
  failures: string[];
  /** Each condition of the issue that does not hold, in words; empty when the soak passed. */
  problems: string[];
}

type PlanSummary = Pick<Plan, 'id' | 'regionCode' | 'period'>;

interface Key {
  planId: string;
  indicatorId: string;
  year: number;
  /** What this client knows of the value: its last acknowledged write (after a failed one, a read). */
  id: string | null;
  version: number | null;
  raw: string | null;
  state: ObservationState | null;
  visits: number;
}

interface Ack {
  id: string;
  version: number;
  raw: string;
  state: ObservationState;
}

type Outcome = { ok: true; data: unknown; setCookie: string[] } | { ok: false; why: string };

/** The server's tRPC over loopback, every answer tallied by status. */
class Api {
  readonly statuses = new Map<string, number>();
  /** The first few refusals and breakdowns, in words, for the report. */
  readonly failures: string[] = [];
  readonly latency = { read: [] as number[], write: [] as number[] };
  /** Latencies are kept only under load: the set-up's sign-ins hash passwords on purpose. */
  measuring = false;

  constructor(private readonly base: string) {}

  async call(
    kind: 'read' | 'write',
    procedure: string,
    input: unknown,
    cookie: string | null,
  ): Promise<Outcome> {
    const url =
      kind === 'read'
        ? `${this.base}trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`
        : `${this.base}trpc/${procedure}`;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (cookie) headers.cookie = cookie;
    const started = performance.now();
    let status = 'network';
    try {
      const res = await fetch(url, {
        method: kind === 'read' ? 'GET' : 'POST',
        headers,
        ...(kind === 'write' ? { body: JSON.stringify(input) } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = String(res.status);
      const text = await res.text();
      if (this.measuring) this.latency[kind].push(performance.now() - started);
      if (!res.ok) return this.failed(`${procedure}: ${res.status} ${text.slice(0, 300)}`);
      const body = JSON.parse(text) as { result?: { data?: unknown } };
      return { ok: true, data: body.result?.data, setCookie: res.headers.getSetCookie() };
    } catch (error) {
      // A 200 whose body cannot be read is a failure too, not a success.
      if (status !== 'network') status = `${status} unreadable`;
      return this.failed(`${procedure}: ${status} ${String(error)}`);
    } finally {
      this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    }
  }

  private failed(why: string): Outcome {
    if (this.failures.length < 5) this.failures.push(why);
    return { ok: false, why };
  }

  /** A call the soak cannot go on without (setup): its failure ends the run. */
  async must(
    kind: 'read' | 'write',
    procedure: string,
    input: unknown,
    cookie: string | null,
  ): Promise<{ data: unknown; setCookie: string[] }> {
    const r = await this.call(kind, procedure, input, cookie);
    if (!r.ok) throw new Error(`soak setup failed: ${r.why}`);
    return r;
  }

  async signIn(username: string, password: string): Promise<string> {
    const r = await this.must('write', 'auth.signIn', { username, password }, null);
    const cookie = r.setCookie.find((c) => c.startsWith('minsheng_session='));
    if (!cookie) throw new Error(`soak setup failed: signing in as ${username} set no session`);
    return cookie.split(';')[0] as string;
  }
}

function statusMiB(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return Number.NaN;
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length));
  return Math.round((sorted[at] ?? Number.NaN) * 10) / 10;
}

/** Clients per plan in proportion to its values (largest remainder). */
function share(clients: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (clients * w) / total);
  const counts = exact.map((x) => Math.floor(x));
  const left = clients - counts.reduce((a, b) => a + b, 0);
  const byRest = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest);
  for (const { i } of byRest.slice(0, left)) counts[i] = (counts[i] ?? 0) + 1;
  return counts;
}

interface Client {
  index: number;
  planId: string;
  username: string;
  cookie: string;
  keys: Key[];
}

interface Shared {
  api: Api;
  acks: Ack[];
  nextValue: number;
  reads: number;
  staleReads: number;
  staleExamples: string[];
}

/** What a value's read-back must show after the client's last acknowledged write. */
function matches(key: Key, o: Observation | undefined): boolean {
  return (
    o !== undefined &&
    o.id === key.id &&
    o.version === key.version &&
    o.raw === key.raw &&
    o.state === key.state
  );
}

function remember(shared: Shared, key: Key, o: Observation, acknowledged: boolean): void {
  key.id = o.id;
  key.version = o.version;
  key.raw = o.raw;
  key.state = o.state;
  if (acknowledged) shared.acks.push({ id: o.id, version: o.version, raw: o.raw, state: o.state });
}

function parseList(data: unknown): Observation[] {
  return Array.isArray(data) ? data.map((o) => ObservationSchema.parse(o)) : [];
}

/** Reads the value back; a failed write is followed by one too, to learn where it stands. */
async function readBack(shared: Shared, client: Client, key: Key, resync: boolean) {
  const r = await shared.api.call(
    'read',
    'observations.list',
    { planId: key.planId, indicatorId: key.indicatorId, year: key.year },
    client.cookie,
  );
  if (!r.ok) return;
  shared.reads++;
  const [o] = parseList(r.data);
  if (resync) {
    if (o) remember(shared, key, o, false);
  } else if (key.version !== null && !matches(key, o)) {
    shared.staleReads++;
    if (shared.staleExamples.length < 5) {
      shared.staleExamples.push(
        `${key.planId}/${key.indicatorId}/${key.year}: wrote v${key.version} "${key.raw}" ${key.state}, read ${
          o ? `v${o.version} "${o.raw}" ${o.state}` : 'nothing'
        }`,
      );
    }
  }
}

/** One write to the value: the next draft, or a submission, or the return of a submission. */
async function write(shared: Shared, client: Client, key: Key): Promise<boolean> {
  key.visits++;
  let r: Outcome;
  if (key.state === 'submitted' && key.id && key.version) {
    r = await shared.api.call(
      'write',
      'observations.return',
      { id: key.id, expectedVersion: key.version, reason: `soak client ${client.index}: again` },
      client.cookie,
    );
  } else if (key.id && key.version && key.visits % SUBMIT_EVERY === 0) {
    r = await shared.api.call(
      'write',
      'observations.submit',
      { id: key.id, expectedVersion: key.version },
      client.cookie,
    );
  } else {
    // Every value written is distinct, so each acknowledged write can be told apart later.
    const raw = String(++shared.nextValue);
    r = await shared.api.call(
      'write',
      'observations.saveDraft',
      {
        planId: key.planId,
        indicatorId: key.indicatorId,
        year: key.year,
        value: raw,
        source: `soak client ${client.index}`,
        note: null,
        expectedVersion: key.version,
      },
      client.cookie,
    );
  }
  if (!r.ok) return false;
  remember(shared, key, ObservationSchema.parse(r.data), true);
  return true;
}

/** The lists a person filling in a plan keeps looking at: the indicators and every value. */
async function browse(shared: Shared, client: Client, round: number): Promise<void> {
  const procedure = round % 2 === 0 ? 'indicators.list' : 'observations.list';
  const r = await shared.api.call('read', procedure, { planId: client.planId }, client.cookie);
  if (r.ok) shared.reads++;
}

async function runClient(shared: Shared, client: Client, deadline: number, maxRounds: number) {
  for (let round = 0; round < maxRounds && Date.now() < deadline; round++) {
    const key = client.keys[round % Math.max(1, client.keys.length)];
    if (key) {
      const ok = await write(shared, client, key);
      await readBack(shared, client, key, !ok);
    }
    await browse(shared, client, round);
  }
}

/** Editors for every region with a plan, then the clients, each signed in on its own. */
async function setUp(api: Api, adminPassword: string, clients: number, log: (l: string) => void) {
  const admin = await api.signIn('admin', adminPassword);
  // The admin reads the plans above its scope too (国家's): editors go only where it may write.
  const me = UserSchema.parse((await api.must('read', 'auth.me', {}, admin)).data);
  const regions = (await api.must('read', 'regions.list', {}, admin)).data as Region[];
  const plans = ((await api.must('read', 'plans.list', {}, admin)).data as PlanSummary[]).filter(
    (p) => isWithin(p.regionCode, me.regionCode, regions),
  );
  const valuesOf = new Map<string, Key[]>();
  for (const plan of plans) {
    const indicators = (await api.must('read', 'indicators.list', { planId: plan.id }, admin))
      .data as Array<Pick<Indicator, 'id'> & { inPackage: boolean }>;
    const keys: Key[] = [];
    for (const ind of indicators.filter((i) => i.inPackage)) {
      for (let year = plan.period.start; year <= plan.period.end; year++) {
        keys.push({
          planId: plan.id,
          indicatorId: ind.id,
          year,
          id: null,
          version: null,
          raw: null,
          state: null,
          visits: 0,
        });
      }
    }
    valuesOf.set(plan.id, keys);
  }
  const password = `soak-${randomBytes(12).toString('hex')}`;
  const editors = new Map<string, User[]>();
  for (const code of new Set(plans.map((p) => p.regionCode))) {
    const made: User[] = [];
    for (let n = 1; n <= EDITORS_PER_REGION; n++) {
      const r = await api.must(
        'write',
        'users.create',
        {
          username: `soak-${code}-${n}`,
          displayName: `浸泡测试 ${code}-${n}`,
          role: 'editor',
          regionCode: code,
          password,
        },
        admin,
      );
      made.push(UserSchema.parse(r.data));
    }
    editors.set(code, made);
  }
  const perPlan = share(
    clients,
    plans.map((p) => valuesOf.get(p.id)?.length ?? 0),
  );
  const seats: Array<Omit<Client, 'cookie'>> = [];
  plans.forEach((plan, p) => {
    const n = perPlan[p] ?? 0;
    const keys = valuesOf.get(plan.id) ?? [];
    const users = editors.get(plan.regionCode) ?? [];
    for (let j = 0; j < n; j++) {
      seats.push({
        index: seats.length,
        planId: plan.id,
        username: users[j % users.length]?.username ?? 'admin',
        // A value belongs to one client, so its versions follow from that client's writes alone.
        keys: keys.filter((_, k) => k % n === j),
      });
    }
  });
  log(
    `${plans.length} plans, ${[...valuesOf.values()].reduce((a, k) => a + k.length, 0)} values, ${
      editors.size * EDITORS_PER_REGION
    } editors; signing in ${seats.length} clients`,
  );
  // Three at a time: the server checks at most three passwords at once for one address (the
  // sign-in throttle, docs/reliability.md) and answers 429 beyond, and every client is on loopback.
  const signedIn: Array<(typeof seats)[number] & { cookie: string }> = [];
  for (let i = 0; i < seats.length; i += SIGN_INS_AT_ONCE) {
    const chunk = seats.slice(i, i + SIGN_INS_AT_ONCE);
    signedIn.push(
      ...(await Promise.all(
        chunk.map(async (seat) => ({ ...seat, cookie: await api.signIn(seat.username, password) })),
      )),
    );
  }
  return {
    clients: signedIn,
    editors: editors.size * EDITORS_PER_REGION,
    keys: seats.reduce((a, s) => a + s.keys.length, 0),
  };
}

function rows(url: string, sql: string): string[][] {
  const r = psql(url, sql);
  if (!r.ok) throw new Error(`soak check failed: ${r.err}`);
  return r.out
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('|'));
}

/** The database read directly: every acknowledged write, the final rows, the version chains. */
function check(url: string, acks: Ack[], keys: Key[]) {
  const id = (a: { id: string; version: number; raw: string; state: string }) =>
    `${a.id}|${a.version}|${a.raw}|${a.state}`;
  // The audit row is written in the write's own transaction: it is there if and only if the
  // write was committed, with the version, value and state it left behind.
  const audited = rows(
    url,
    `select entity_id, after->>'version', after->>'raw', after->>'state' from audit_log
     where entity = 'observation' and action in ('create_draft', 'update_draft', 'submit', 'return')
     order by seq`,
  ).map(([entity = '', version = '', raw = '', state = '']) => ({
    id: entity,
    version: Number(version),
    raw,
    state,
  }));
  const inAudit = new Set(audited.map(id));
  const acknowledged = new Set(acks.map(id));
  const found = acks.filter((a) => inAudit.has(id(a))).length;
  const unacknowledged = audited.filter((a) => !acknowledged.has(id(a))).length;

  const versions = new Map<string, number[]>();
  for (const a of audited) versions.set(a.id, [...(versions.get(a.id) ?? []), a.version]);
  const stored = new Map(
    rows(url, 'select id, version, raw, state from observations').map(
      ([oid = '', version = '', raw = '', state = '']) => [
        oid,
        { id: oid, version: Number(version), raw, state },
      ],
    ),
  );
  let versionGaps = 0;
  // Both ways round: a row with no audited writes, and audited writes of a row that is gone.
  for (const oid of new Set([...versions.keys(), ...stored.keys()])) {
    const list = versions.get(oid) ?? [];
    const final = stored.get(oid)?.version ?? 0;
    if (list.length !== final || list.some((v, i) => v !== i + 1)) versionGaps++;
  }
  const written = keys.filter((k) => k.id !== null);
  let finalMismatches = Math.abs(stored.size - written.length);
  for (const k of written) {
    const row = stored.get(k.id ?? '');
    if (!row || id(row) !== `${k.id}|${k.version}|${k.raw}|${k.state}`) finalMismatches++;
  }
  return { found, unacknowledged, versionGaps, finalMismatches, auditRows: audited.length };
}

interface Load {
  elapsed: number;
  samples: RssSample[];
  warm: RssSample | undefined;
  peakMiB: number;
  serverCpuMs: number;
  loadAverage: { start: number; end: number };
}

/** The clients for `seconds`, the server's RSS sampled every 30 s (four times on a short run). */
async function load(
  shared: Shared,
  clients: Client[],
  pid: number | undefined,
  seconds: number,
  log: (line: string) => void,
): Promise<Load> {
  const every = Math.min(30, Math.max(1, Math.round(seconds / 4)));
  // Warm: after a minute of a long run, half-way through a short one.
  const warmAfter = Math.min(60, Math.max(1, Math.round(seconds / 2)));
  const started = Date.now();
  const cpuAtStart = cpuMs(pid);
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const samples: RssSample[] = [{ at: 0, mib: statusMiB(pid, 'VmRSS') }];
  log(`load for ${seconds} s, server RSS ${samples[0]?.mib} MiB at the start`);
  const sampler = setInterval(() => {
    const at = Math.round((Date.now() - started) / 1000);
    const mib = statusMiB(pid, 'VmRSS');
    samples.push({ at, mib });
    log(
      `${at} s: server RSS ${mib} MiB, ${shared.acks.length} writes acknowledged, ${shared.reads} reads`,
    );
  }, every * 1000);
  shared.api.measuring = true;
  // A bound on count besides the deadline: no client can do a round in under 10 ms.
  const maxRounds = Math.ceil(seconds * 100);
  try {
    await Promise.all(
      clients.map((c) => runClient(shared, c, started + seconds * 1000, maxRounds)),
    );
  } finally {
    clearInterval(sampler);
    shared.api.measuring = false;
  }
  const elapsed = (Date.now() - started) / 1000;
  samples.push({ at: Math.round(elapsed), mib: statusMiB(pid, 'VmRSS') });
  return {
    elapsed,
    samples,
    warm: samples.find((s) => s.at >= warmAfter) ?? samples[samples.length - 1],
    peakMiB: statusMiB(pid, 'VmHWM'),
    serverCpuMs: cpuMs(pid) - cpuAtStart,
    loadAverage: { start: round2(loadAtStart), end: round2(loadavg()[0] ?? Number.NaN) },
  };
}

/** Each condition of the issue the result breaks, in words. */
function problemsOf(r: Omit<SoakResult, 'problems'>, staleExamples: string[]): string[] {
  const problems: string[] = [];
  if (r.acknowledged === 0) problems.push('no write was acknowledged');
  if (r.lost > 0) problems.push(`${r.lost} acknowledged writes are not in the database`);
  if (r.finalMismatches > 0)
    problems.push(`${r.finalMismatches} values differ from their last acknowledged write`);
  if (r.versionGaps > 0)
    problems.push(`${r.versionGaps} observations have gaps or repeats in their versions`);
  if (r.staleReads > 0)
    problems.push(
      `${r.staleReads} read-backs missed the last acknowledged write: ${staleExamples.join('; ')}`,
    );
  if (r.status5xx > 0) problems.push(`${r.status5xx} answers were 5xx`);
  if (r.failed > 0)
    problems.push(
      `${r.failed} requests failed: ${JSON.stringify(r.statuses)}, e.g. ${r.failures.join(' | ')}`,
    );
  if (r.serverErrors > 0) problems.push(`the server logged ${r.serverErrors} errors`);
  if (!r.serverAlive) problems.push('the server exited during the soak');
  if (!r.rss.flat)
    problems.push(
      `RSS not flat: ${r.rss.endMiB} MiB at the end against ${r.rss.warmMiB} MiB after warm-up (bound: ×${RSS_FACTOR} and +${RSS_GROWTH_MIB} MiB)`,
    );
  return problems;
}

function sum(counts: Record<string, number>, which: (status: string) => boolean): number {
  return Object.entries(counts)
    .filter(([s]) => which(s))
    .reduce((a, [, n]) => a + n, 0);
}

/**
 * Runs the soak: a PostgreSQL database of its own, the API server as a child process, `clients`
 * editors writing and reading for `seconds`, then the check. The database is dropped after.
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => {});
  const name = `minsheng_soak_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = createDatabase(name);
  const adminPassword = `soak-admin-${randomBytes(8).toString('hex')}`;
  let server: Server | null = null;
  // Interrupted (Ctrl-C, a kill): the server and the database go too, not left behind.
  const interrupted = (signal: NodeJS.Signals) => {
    server?.child.kill('SIGKILL');
    dropDatabase(name);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    log(`database ${name} on ${new URL(postgresAdminUrl()).host}; starting the server`);
    let phase = performance.now();
    const took = () => {
      const s = ((performance.now() - phase) / 1000).toFixed(1);
      phase = performance.now();
      return s;
    };
    server = await startServer(url, adminPassword);
    const pid = server.child.pid;
    let serverErrors = 0;
    let pending = '';
    server.child.stdout?.on('data', (d: Buffer) => {
      const lines = (pending + d).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.includes('"level":"error"')) serverErrors++;
    });
    log(`server up (migrated and seeded) in ${took()} s`);

    const api = new Api(server.url);
    const set = await setUp(api, adminPassword, options.clients, log);
    log(`users created and clients signed in in ${took()} s`);
    const shared: Shared = {
      api,
      acks: [],
      nextValue: 0,
      reads: 0,
      staleReads: 0,
      staleExamples: [],
    };
    const run = await load(shared, set.clients, pid, options.seconds, log);
    const serverAlive = server.child.exitCode === null && server.child.signalCode === null;

    took();
    const db = check(
      url,
      shared.acks,
      set.clients.flatMap((c) => c.keys),
    );
    log(`database read back in ${took()} s: ${db.auditRows} audited writes`);

    const statuses = Object.fromEntries([...api.statuses].sort());
    const answered = api.latency.read.length + api.latency.write.length;
    const end = run.samples[run.samples.length - 1]?.mib ?? Number.NaN;
    const warmMiB = run.warm?.mib ?? Number.NaN;
    const result: Omit<SoakResult, 'problems'> = {
      clients: set.clients.length,
      seconds: Math.round(run.elapsed),
      editors: set.editors,
      keys: set.keys,
      acknowledged: shared.acks.length,
      found: db.found,
      lost: shared.acks.length - db.found,
      unacknowledged: db.unacknowledged,
      finalMismatches: db.finalMismatches,
      versionGaps: db.versionGaps,
      reads: shared.reads,
      staleReads: shared.staleReads,
      statuses,
      status5xx: sum(statuses, (s) => s.startsWith('5')),
      failed: sum(statuses, (s) => s !== '200'),
      failures: api.failures,
      serverErrors,
      serverAlive,
      requestsPerSecond: Math.round(answered / run.elapsed),
      serverCpuMsPerRequest: round2(run.serverCpuMs / Math.max(1, answered)),
      loadAverage: run.loadAverage,
      writeP50Ms: percentile(api.latency.write, 50),
      writeP99Ms: percentile(api.latency.write, 99),
      readP50Ms: percentile(api.latency.read, 50),
      readP99Ms: percentile(api.latency.read, 99),
      rss: {
        samples: run.samples,
        startMiB: run.samples[0]?.mib ?? Number.NaN,
        warmMiB,
        warmAt: run.warm?.at ?? 0,
        endMiB: end,
        peakMiB: run.peakMiB,
        flat: end <= warmMiB * RSS_FACTOR && end - warmMiB <= RSS_GROWTH_MIB,
      },
    };
    return { ...result, problems: problemsOf(result, shared.staleExamples) };
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await server?.stop();
    dropDatabase(name);
  }
}

/** The figures as printed by the bench and the test, the first line the issue's. */
export function soakLines(r: SoakResult): string[] {
  return [
    `[soak] clients=${r.clients} seconds=${r.seconds} writes acknowledged=${r.acknowledged} found=${r.found} lost=${r.lost} reads=${r.reads} 5xx=${r.status5xx} rss start=${r.rss.startMiB}MB end=${r.rss.endMiB}MB`,
    `[soak] ${r.editors} editors, ${r.keys} values; ${r.requestsPerSecond} requests/s, server CPU ${r.serverCpuMsPerRequest} ms per request, load average ${r.loadAverage.start} → ${r.loadAverage.end}; statuses ${JSON.stringify(r.statuses)}; write p50 ${r.writeP50Ms} ms p99 ${r.writeP99Ms} ms, read p50 ${r.readP50Ms} ms p99 ${r.readP99Ms} ms`,
    `[soak] database: unacknowledged writes=${r.unacknowledged} final rows differing=${r.finalMismatches} version chains broken=${r.versionGaps}; stale read-backs=${r.staleReads}; server errors logged=${r.serverErrors}`,
    `[soak] rss MiB: ${r.rss.samples.map((s) => `${s.at}s=${s.mib}`).join(' ')}; peak ${r.rss.peakMiB}`,
    `[soak] memory ${r.rss.flat ? 'flat' : 'NOT FLAT'}: end ${r.rss.endMiB} MiB against ${r.rss.warmMiB} MiB at ${r.rss.warmAt} s (bound ×${RSS_FACTOR} and +${RSS_GROWTH_MIB} MiB)`,
    `[soak] ${r.problems.length === 0 ? 'PASS' : `FAIL: ${r.problems.join('; ')}`}`,
  ];
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: "${raw}" is not a positive integer`);
  return n;
}

export const soakSuite: BenchSuite = {
  name: 'soak',
  description:
    'clients writing and reading observations through the server on PostgreSQL (SOAK_CLIENTS, default 100; SOAK_SECONDS, default 300); every acknowledged write checked in the database, 5xx and server RSS counted',
  async run() {
    const clients = positive('SOAK_CLIENTS', 100);
    const seconds = positive('SOAK_SECONDS', 300);
    const unavailable = ensurePostgres();
    if (unavailable) throw new Error(`soak: no PostgreSQL on loopback: ${unavailable}`);
    const r = await runSoak({
      clients,
      seconds,
      log: (line) => process.stderr.write(`  [soak] ${line}\n`),
    });
    for (const line of soakLines(r)) process.stdout.write(`${line}\n`);
    // The figures are still merged into the results; the exit status tells a script it failed.
    if (r.problems.length > 0) process.exitCode = 1;
    return {
      clients: r.clients,
      seconds: r.seconds,
      editors: r.editors,
      values: r.keys,
      writes_acknowledged: r.acknowledged,
      writes_found: r.found,
      writes_lost: r.lost,
      writes_unacknowledged: r.unacknowledged,
      final_rows_differing: r.finalMismatches,
      version_chains_broken: r.versionGaps,
      reads: r.reads,
      stale_read_backs: r.staleReads,
      status_5xx: r.status5xx,
      requests_failed: r.failed,
      statuses: JSON.stringify(r.statuses),
      server_errors_logged: r.serverErrors,
      requests_per_s: r.requestsPerSecond,
      server_cpu_ms_per_request: r.serverCpuMsPerRequest,
      load_average_at_start: r.loadAverage.start,
      load_average_at_end: r.loadAverage.end,
      write_p50_ms: r.writeP50Ms,
      write_p99_ms: r.writeP99Ms,
      read_p50_ms: r.readP50Ms,
      read_p99_ms: r.readP99Ms,
      rss_start_mib: r.rss.startMiB,
      rss_warm_mib: r.rss.warmMiB,
      rss_end_mib: r.rss.endMiB,
      rss_peak_mib: r.rss.peakMiB,
      rss_samples_mib: r.rss.samples.map((s) => `${s.at}s=${s.mib}`).join(' '),
      memory: r.rss.flat ? 'flat' : 'not flat',
      verdict: r.problems.length === 0 ? 'pass' : `FAIL: ${r.problems.join('; ')}`,
    };
  },
};
