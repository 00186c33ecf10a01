import { ensureFirstAdmin, hashPassword } from '@minsheng/api';
import { regionPackages } from '@minsheng/catalog';
import {
  type Database,
  type Db,
  indicatorRow,
  json,
  type Kysely,
  migrateToLatest,
  type NewObservation,
  planRow,
  projectRow,
  seedCatalog,
  serviceRow,
  type Transaction,
} from '@minsheng/db';
import type { Region } from '@minsheng/domain';
import { DEMO_PLAN_PREFIX, type DemoPlan, demoPlan, demoPlanId, readValue } from './generate.ts';
import { DEMO_NAME_PREFIX, type DemoScale, demoRegions } from './regions.ts';

/** Demo users are named `demo-<province code>-admin` / `-editor`: one pair per province. */
export const DEMO_USER_PREFIX = 'demo-';

export function demoUserName(provinceCode: string, role: 'admin' | 'editor'): string {
  return `${DEMO_USER_PREFIX}${provinceCode}-${role}`;
}

export interface LoadOptions {
  scale: DemoScale;
  seed: number;
  /**
   * The password of the demo users. Without one they are created disabled (observations need
   * someone who entered them, but nobody should sign in with a password nobody chose).
   */
  password?: string | undefined;
  /** Regions loaded at once; PGlite is one connection, so it always loads one at a time. */
  concurrency?: number;
  /** Only the first N regions of the tree (parents come first): a small set for tests. */
  maxRegions?: number | undefined;
  onProgress?: (done: number, total: number) => void;
}

export interface LoadCounts {
  regions: number;
  plans: number;
  indicators: number;
  services: number;
  projects: number;
  observations: number;
  users: number;
}

export interface LoadResult {
  counts: LoadCounts;
  rows: number;
  /** The whole run: migration, catalog seeding, clearing the previous demo set, loading. */
  seconds: number;
  /** Loading the regions alone, the figure rows per second is taken from. */
  loadSeconds: number;
  rowsPerSecond: number;
  /** CPU this process spent loading (user + system), s: the database's own CPU is not in it. */
  loadCpuSeconds: number;
  /** The first admin's generated password when this run created it (print it once). */
  firstAdminPassword: string | null;
}

/**
 * Writes the synthetic set into a database: migrates it, makes sure the real catalog is seeded
 * (so the server's own seeding on start finds nothing to do), removes any previous demo set,
 * then loads region by region, one transaction each, with multi-row inserts.
 */
/**
 * The connection string the loader should use: with `synchronous_commit=off`. The set is
 * regenerated from its seed at will, so a crash may lose the last few commits and nothing
 * else (PostgreSQL still writes its log in order, never corrupting); not waiting for a WAL
 * flush at each of thousands of small per-region commits is what makes the load fast.
 */
export function bulkLoadUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const options = url.searchParams.get('options');
  url.searchParams.set('options', `${options ? `${options} ` : ''}-c synchronous_commit=off`);
  return url.toString();
}

export async function loadDemo(db: Db, options: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  await migrateToLatest(db.kysely);
  await seedCatalog(db.kysely, regionPackages);
  const admin = await ensureFirstAdmin(db.kysely, {
    password: process.env.MINSHENG_ADMIN_PASSWORD,
  });
  await clearDemo(db.kysely);

  const regions = demoRegions(options.scale, options.seed).slice(0, options.maxRegions);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const counts: LoadCounts = {
    regions: regions.length,
    plans: 0,
    indicators: 0,
    services: 0,
    projects: 0,
    observations: 0,
    users: 0,
  };

  const loadStarted = performance.now();
  const cpuStarted = process.cpuUsage();
  const provinces = regions.filter((r) => r.level === 'province');
  const users = await insertRegionsAndUsers(db.kysely, regions, provinces, options.password);
  counts.users = provinces.length * 2;

  const concurrency = db.dialect === 'pglite' ? 1 : Math.max(1, options.concurrency ?? 4);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < regions.length) {
      const index = next++;
      const region = regions[index] as Region;
      const parent = region.parentCode ? (byCode.get(region.parentCode) ?? null) : null;
      const generated = demoPlan(region, parent, options.seed);
      const province = provinceOf(region);
      const who = users.get(province);
      if (!who) throw new Error(`no demo users for province ${province}`);
      await db.kysely.transaction().execute((trx) => insertPlan(trx, generated, index, who));
      counts.plans++;
      counts.indicators += generated.plan.indicators.length;
      counts.services += generated.plan.services.length;
      counts.projects += generated.plan.projects.length;
      counts.observations += generated.observations.length;
      options.onProgress?.(++done, regions.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  // Fresh statistics, or the planner guesses from an empty table for the first minutes after.
  await analyze(db.kysely);
  const end = performance.now();
  const cpu = process.cpuUsage(cpuStarted);
  const rows =
    counts.regions +
    counts.plans +
    counts.indicators +
    counts.services +
    counts.projects +
    counts.observations +
    counts.users;
  const loadSeconds = (end - loadStarted) / 1000;
  return {
    counts,
    rows,
    seconds: (end - started) / 1000,
    loadSeconds,
    rowsPerSecond: Math.round(rows / loadSeconds),
    loadCpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    firstAdminPassword: admin.created && admin.generated ? admin.password : null,
  };
}

type CompiledQuery = Parameters<Kysely<Database>['executeQuery']>[0];

/**
 * ANALYZE of the tables the load filled. The db package hands out kysely without its `sql`
 * tag, so the statement is built as the compiled form `sql.raw` would give.
 */
async function analyze(db: Kysely<Database>): Promise<void> {
  const text = 'analyze regions, plans, indicators, service_items, projects, observations, users';
  const query = {
    sql: text,
    parameters: [],
    query: { kind: 'RawNode', sqlFragments: [text], parameters: [] },
    queryId: { queryId: 'demo-analyze' },
  } as unknown as CompiledQuery;
  await db.executeQuery(query);
}

function provinceOf(region: Region): string {
  return `${region.code.slice(0, 2)}0000`;
}

interface DemoUsers {
  admin: string;
  editor: string;
}

async function insertRegionsAndUsers(
  db: Kysely<Database>,
  regions: Region[],
  provinces: Region[],
  password: string | undefined,
): Promise<Map<string, DemoUsers>> {
  // One hash for every demo user: scrypt is deliberately slow, and they share the password.
  const hash = password ? await hashPassword(password) : 'disabled';
  const out = new Map<string, DemoUsers>();
  await db.transaction().execute(async (trx) => {
    const base = await trx
      .selectFrom('regions')
      .select((eb) => eb.fn.max('position').as('max'))
      .executeTakeFirst();
    const offset = (base?.max ?? -1) + 1;
    const rows = regions.map((r, i) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      parent_code: r.parentCode,
      position: offset + i,
    }));
    for (const batch of chunks(rows, 2000)) await trx.insertInto('regions').values(batch).execute();
    const users = provinces.flatMap((p) =>
      (['admin', 'editor'] as const).map((role) => ({
        id: `${DEMO_USER_PREFIX}${p.code}-${role}`,
        username: demoUserName(p.code, role),
        display_name: `${p.name}${role === 'admin' ? '管理员' : '统计员'}`,
        password_hash: hash,
        role,
        region_code: p.code,
        disabled: !password,
      })),
    );
    await trx.insertInto('users').values(users).execute();
    for (const p of provinces) {
      out.set(p.code, {
        admin: `${DEMO_USER_PREFIX}${p.code}-admin`,
        editor: `${DEMO_USER_PREFIX}${p.code}-editor`,
      });
    }
  });
  return out;
}

async function insertPlan(
  trx: Transaction<Database>,
  generated: DemoPlan,
  position: number,
  who: DemoUsers,
) {
  const { plan } = generated;
  // After every real plan, which the catalog numbers from 0.
  await trx
    .insertInto('plans')
    .values(planRow(plan, 100_000 + position))
    .execute();

  const indicators = plan.indicators.map((ind, i) => indicatorRow(plan.id, ind, i));
  if (indicators.length > 0) await trx.insertInto('indicators').values(indicators).execute();

  const services = plan.services.map((s, i) => serviceRow(plan.id, s, i));
  if (services.length > 0) await trx.insertInto('service_items').values(services).execute();

  const projects = plan.projects.map((p, i) => projectRow(plan.id, p, i));
  if (projects.length > 0) await trx.insertInto('projects').values(projects).execute();

  // The same shape the API's workflow leaves behind: entered and submitted by the editor,
  // approved by the admin (a different user, as approval requires), version 3.
  const observations: NewObservation[] = generated.observations.map((o) => {
    // ISO text rather than Date: pg would format each of 1.7 million Dates on the way out.
    const entered = `${o.year + 1}-01-15T02:00:00.000Z`;
    const submitted = `${o.year + 1}-02-01T02:00:00.000Z`;
    const approved = `${o.year + 1}-03-01T02:00:00.000Z`;
    return {
      id: `${plan.id}-${o.indicatorId}-${o.year}`,
      plan_id: plan.id,
      indicator_id: o.indicatorId,
      year: o.year,
      raw: o.raw,
      value: json(readValue(o.raw)),
      source: '统计年鉴（演示数据）',
      note: null,
      state: 'approved',
      return_reason: null,
      entered_by: who.editor,
      entered_at: entered,
      submitted_by: who.editor,
      submitted_at: submitted,
      reviewed_by: who.admin,
      reviewed_at: approved,
      updated_by: who.admin,
      updated_at: approved,
      version: 3,
    };
  });
  for (const batch of chunks(observations, 2000)) {
    await trx.insertInto('observations').values(batch).execute();
  }
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export interface ClearResult {
  plans: number;
  observations: number;
  users: number;
  regions: number;
}

/**
 * Removes the synthetic set: demo plans (their indicators, services and projects go with them),
 * their observations, the demo users and the synthetic regions. Real plans, their observations
 * and the audit log are never touched.
 */
export async function clearDemo(db: Kysely<Database>): Promise<ClearResult> {
  return db.transaction().execute(async (trx) => {
    const like = `${DEMO_PLAN_PREFIX}%`;
    const observations = await trx
      .deleteFrom('observations')
      .where('plan_id', 'like', like)
      .executeTakeFirst();
    // Children before plans: cheaper than one cascade per plan row.
    await trx.deleteFrom('indicators').where('plan_id', 'like', like).execute();
    await trx.deleteFrom('service_items').where('plan_id', 'like', like).execute();
    await trx.deleteFrom('projects').where('plan_id', 'like', like).execute();
    const plans = await trx.deleteFrom('plans').where('id', 'like', like).executeTakeFirst();
    const demoUsers = trx
      .selectFrom('users')
      .select('id')
      .where('username', 'like', `${DEMO_USER_PREFIX}%`);
    await trx.deleteFrom('sessions').where('user_id', 'in', demoUsers).execute();
    const users = await trx
      .deleteFrom('users')
      .where('username', 'like', `${DEMO_USER_PREFIX}%`)
      .executeTakeFirst();
    // A synthetic region someone has since given a plan or a user of their own stays.
    const regions = await trx
      .deleteFrom('regions')
      .where('name', 'like', `${DEMO_NAME_PREFIX}%`)
      .where((eb) =>
        eb.and([
          eb.not(
            eb.exists(
              eb
                .selectFrom('plans')
                .select('id')
                .whereRef('plans.region_code', '=', 'regions.code'),
            ),
          ),
          eb.not(
            eb.exists(
              eb
                .selectFrom('users')
                .select('id')
                .whereRef('users.region_code', '=', 'regions.code'),
            ),
          ),
        ]),
      )
      .executeTakeFirst();
    return {
      plans: Number(plans.numDeletedRows),
      observations: Number(observations.numDeletedRows),
      users: Number(users.numDeletedRows),
      regions: Number(regions.numDeletedRows),
    };
  });
}

export { demoPlanId };
