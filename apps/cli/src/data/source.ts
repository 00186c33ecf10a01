import {
  type AppRouter,
  type Context,
  createCaller,
  createContext,
  FIRST_ADMIN,
  SESSION_COOKIE,
} from '@minsheng/api';
import { regionPackages } from '@minsheng/catalog';
import { createDb, DataDirLockedError, type Db, migrateToLatest, seedCatalog } from '@minsheng/db';
import {
  type ObservedPoint,
  type Plan,
  PROJECT_STATUSES,
  type ProjectStatus,
  type Region,
  type User,
} from '@minsheng/domain';
import { ancestorsOf } from '@minsheng/reports/catalog';
import type { ProjectProgress, ReportData } from '@minsheng/reports/types';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { cliEnv, databaseOptions } from '../env.ts';
import { CliError } from '../errors.ts';
import { lockedMessage } from './locked.ts';

type Caller = ReturnType<typeof createCaller>;
type PlanSummary = Awaited<ReturnType<Caller['plans']['list']>>[number];

/**
 * The router procedures a report reads, whichever way they are reached: in process through
 * createCaller, or over HTTP with the tRPC client. Both return the same shapes.
 */
export interface Procedures {
  regions(): Promise<Region[]>;
  plans(regionCode?: string): Promise<PlanSummary[]>;
  plan(planId: string): Promise<Awaited<ReturnType<Caller['plans']['get']>>>;
  full(planId: string): Promise<Awaited<ReturnType<Caller['plans']['full']>>>;
  indicators(planId: string): Promise<Awaited<ReturnType<Caller['indicators']['list']>>>;
  standards(planId: string): Promise<Awaited<ReturnType<Caller['standards']['list']>>>;
  projects(planId: string): Promise<Awaited<ReturnType<Caller['projects']['list']>>>;
  approved(planId: string): Promise<Awaited<ReturnType<Caller['observations']['list']>>>;
  /** The router's verdicts and counts: reports show these, and compute none. */
  evaluation(
    planId: string,
    year: number,
  ): Promise<Awaited<ReturnType<Caller['evaluation']['plan']>>>;
  alignment(planId: string): Promise<Awaited<ReturnType<Caller['evaluation']['alignment']>>>;
  checks(planId: string): Promise<Awaited<ReturnType<Caller['evaluation']['checks']>>>;
  /** The one write the CLI makes: a year of values from a spreadsheet, all or nothing. */
  importBatch(
    input: Parameters<Caller['observations']['importBatch']>[0],
  ): Promise<Awaited<ReturnType<Caller['observations']['importBatch']>>>;
}

export interface ReportSource extends Procedures {
  /** Where the data comes from, for messages. */
  readonly location: string;
  close(): Promise<void>;
}

export function fromCaller(caller: Caller): Procedures {
  return {
    regions: () => caller.regions.list(),
    plans: (regionCode) => caller.plans.list(regionCode ? { regionCode } : {}),
    plan: (planId) => caller.plans.get({ planId }),
    full: (planId) => caller.plans.full({ planId }),
    indicators: (planId) => caller.indicators.list({ planId }),
    standards: (planId) => caller.standards.list({ planId }),
    projects: (planId) => caller.projects.list({ planId }),
    approved: (planId) => caller.observations.list({ planId, state: 'approved' }),
    evaluation: (planId, year) => caller.evaluation.plan({ planId, year }),
    alignment: (planId) => caller.evaluation.alignment({ planId }),
    checks: (planId) => caller.evaluation.checks({ planId }),
    importBatch: (input) => caller.observations.importBatch(input),
  };
}

/**
 * The operator of a local CLI. The API has no notion of a trusted local user, so reads run as
 * an admin over the top region, or over the first admin's region (the server's first start
 * creates it); otherwise (a fresh database, or admins only over lower regions) as a read-only viewer
 * over the top region that exists only in this process and is never written anywhere: reports
 * only read, and a report on any region must be possible from the machine holding the data.
 */
async function localOperator(ctx: Context): Promise<User> {
  const top = (await ctx.regions()).find((r) => r.parentCode === null);
  if (!top) throw new CliError('the database holds no region: nothing to report on');
  // The admin over the top region, else the first admin's (四川省, below 国家): a local import
  // must still write where the server's first start put its admin.
  const admins = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'admin')
    .where('disabled', '=', false)
    .where('region_code', 'in', [top.code, FIRST_ADMIN.regionCode])
    .orderBy('created_at')
    .execute();
  const admin = admins.find((a) => a.region_code === top.code) ?? admins[0];
  if (admin) {
    return {
      id: admin.id,
      username: admin.username,
      displayName: admin.display_name,
      role: 'admin',
      regionCode: admin.region_code,
      disabled: false,
    };
  }
  return {
    id: 'local-cli',
    username: 'local-cli',
    displayName: '本地命令行',
    role: 'viewer',
    regionCode: top.code,
    disabled: false,
  };
}

/**
 * Opens the database the way the server does (DATABASE_URL, else PGlite in MINSHENG_DATA_DIR),
 * migrates and seeds it from the region packages (a no-op when unchanged), and reads through
 * the router in process.
 */
export async function openLocalSource(db: Db = createDb(databaseOptions())): Promise<ReportSource> {
  try {
    await migrateToLatest(db.kysely);
    await seedCatalog(db.kysely, regionPackages);
    const base = await createContext({ db: db.kysely });
    const user = await localOperator(base);
    const caller = createCaller({ ...base, user });
    return { ...fromCaller(caller), location: db.location, close: () => db.close() };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Reads from a running server: `url` is its tRPC endpoint, `token` a session token. */
export function openRemoteSource(url: string, token: string | undefined): ReportSource {
  const client = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url,
        headers: () => (token ? { cookie: `${SESSION_COOKIE}=${encodeURIComponent(token)}` } : {}),
      }),
    ],
  });
  return {
    location: url,
    close: async () => {},
    regions: () => client.regions.list.query(),
    plans: (regionCode) => client.plans.list.query(regionCode ? { regionCode } : {}),
    plan: (planId) => client.plans.get.query({ planId }),
    full: (planId) => client.plans.full.query({ planId }),
    indicators: (planId) => client.indicators.list.query({ planId }),
    standards: (planId) => client.standards.list.query({ planId }),
    projects: (planId) => client.projects.list.query({ planId }),
    approved: (planId) => client.observations.list.query({ planId, state: 'approved' }),
    evaluation: (planId, year) => client.evaluation.plan.query({ planId, year }),
    alignment: (planId) => client.evaluation.alignment.query({ planId }),
    checks: (planId) => client.evaluation.checks.query({ planId }),
    importBatch: (input) => client.observations.importBatch.mutate(input),
  };
}

/** A plan as the domain knows it, as the router maps it from its rows (plans.full). */
export function loadPlan(source: Procedures, planId: string): Promise<Plan> {
  return source.full(planId);
}

function isStatus(s: string): s is ProjectStatus {
  return (PROJECT_STATUSES as readonly string[]).includes(s);
}

export interface PlanChoice {
  /** A plan id; else the region's plan whose period holds `year`, five-year plans first. */
  planId?: string | undefined;
  year?: number | undefined;
}

/** Picks the plan a report is about, or says plainly why there is none. */
export function choosePlan(region: Region, plans: PlanSummary[], choice: PlanChoice): PlanSummary {
  const own = plans.filter((p) => p.regionCode === region.code);
  if (choice.planId) {
    const plan = own.find((p) => p.id === choice.planId);
    if (!plan) {
      throw new CliError(
        `region ${region.code} ${region.name} has no plan "${choice.planId}"` +
          (own.length ? `; its plans: ${own.map((p) => p.id).join(', ')}` : ''),
      );
    }
    return plan;
  }
  if (own.length === 0) {
    throw new CliError(`region ${region.code} ${region.name} has no plan of its own to report on`);
  }
  const year = choice.year;
  if (year === undefined) {
    return own.find((p) => p.kind === 'five_year') ?? (own[0] as PlanSummary);
  }
  const holding = own.filter((p) => p.period.start <= year && year <= p.period.end);
  const plan = holding.find((p) => p.kind === 'five_year') ?? holding[0];
  if (!plan) {
    const periods = own.map((p) => `${p.id} ${p.period.start}–${p.period.end}`).join(', ');
    throw new CliError(
      `year ${year} is outside the period of every plan of ${region.code} ${region.name} (${periods})`,
    );
  }
  return plan;
}

/** Everything one report on one region needs, read through the router. */
export async function loadReportData(
  source: Procedures,
  code: string,
  choice: PlanChoice,
  shared?: { regions: Region[]; plans: PlanSummary[] },
): Promise<ReportData> {
  const regions = shared?.regions ?? (await source.regions());
  const region = regions.find((r) => r.code === code);
  if (!region) {
    const known = regions.map((r) => `${r.code} ${r.name}`).join(', ');
    throw new CliError(`unknown region code "${code}"; known regions: ${known}`);
  }
  const plans = shared?.plans ?? (await source.plans());
  const summary = choosePlan(region, plans, choice);
  const year = choice.year;
  const [plan, approved, projects, evaluation, alignment, checks] = await Promise.all([
    loadPlan(source, summary.id),
    source.approved(summary.id),
    source.projects(summary.id),
    year === undefined ? null : source.evaluation(summary.id, year),
    source.alignment(summary.id),
    source.checks(summary.id),
  ]);
  const observations: ObservedPoint[] = approved
    .filter((o) => o.state === 'approved')
    .map((o) => ({ indicatorId: o.indicatorId, year: o.year, value: o.raw }));
  const projectProgress: Record<string, ProjectProgress> = {};
  for (const p of projects) {
    // A project nobody has reported on yet stays out: the report says 未报告, not 未开始.
    if (!p.statusUpdatedAt || !isStatus(p.status)) continue;
    projectProgress[p.id] = { status: p.status, progress: p.progress, note: p.statusNote };
  }
  // The plan above is the router's choice (the domain's planAbove), loaded for its header.
  const upper = alignment.upper
    ? { region: alignment.upper.region, plan: await loadPlan(source, alignment.upper.planId) }
    : null;
  return {
    region,
    ancestors: ancestorsOf(code, regions),
    plan,
    observations,
    projectProgress,
    upper,
    evaluations: evaluation ? { [evaluation.year]: evaluation } : {},
    alignment: alignment.alignment,
    checks,
  };
}

/** The regions below `code` (not itself) that have a plan, in the tree's order. */
export async function regionsUnder(
  source: Procedures,
  code: string,
): Promise<{ regions: Region[]; plans: PlanSummary[]; below: Region[] }> {
  const [regions, plans] = await Promise.all([source.regions(), source.plans()]);
  if (!regions.some((r) => r.code === code)) {
    throw new CliError(`unknown region code "${code}"`);
  }
  const withPlan = new Set(plans.map((p) => p.regionCode));
  const below = regions.filter(
    (r) =>
      r.code !== code &&
      withPlan.has(r.code) &&
      ancestorsOf(r.code, regions).some((a) => a.code === code),
  );
  return { regions, plans, below };
}

/**
 * The router the command line reads through: a running server's with `api` (and a session token,
 * from `token` or MINSHENG_TOKEN), else the local database in process.
 */
export async function openSource(opts: {
  api?: string | undefined;
  token?: string | undefined;
}): Promise<ReportSource> {
  const token = opts.token ?? cliEnv().MINSHENG_TOKEN;
  if (opts.api) {
    if (!token) throw new CliError('--api needs a session token: --token <T> or MINSHENG_TOKEN');
    return openRemoteSource(opts.api, token);
  }
  let db: Db;
  try {
    db = createDb(databaseOptions());
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    // A server holds the folder: its API is the only safe way in, and a token opens it.
    if (error.holder.api && token) {
      process.stderr.write(
        `${error.dataDir} is in use by the server at ${error.holder.api}: going through it\n`,
      );
      return openRemoteSource(error.holder.api, token);
    }
    throw new CliError(lockedMessage(error, true));
  }
  return openLocalSource(db);
}
