import { createDb, type Db } from '@minsheng/db';
import {
  bulkLoadUrl,
  clearDemo,
  DEMO_SCALES,
  type DemoScale,
  type LoadResult,
  loadDemo,
} from '@minsheng/demo';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { CliError } from '../errors.ts';

interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
}

interface GenerateOptions extends DatabaseOptions {
  scale: string;
  seed: string;
  concurrency?: string;
  json?: boolean;
}

function openDb(opts: DatabaseOptions, bulk = false): Db {
  const databaseUrl = opts.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  return createDb({
    databaseUrl: databaseUrl && bulk ? bulkLoadUrl(databaseUrl) : databaseUrl,
    dataDir: opts.dataDir,
  });
}

function parseScale(raw: string): DemoScale {
  if (!(DEMO_SCALES as readonly string[]).includes(raw)) {
    throw new CliError(`--scale must be ${DEMO_SCALES.join(' or ')}, not "${raw}"`);
  }
  return raw as DemoScale;
}

function parseInteger(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min) {
    throw new CliError(`${name} must be a whole number of at least ${min}, not "${raw}"`);
  }
  return n;
}

/** A bar on a terminal; plain lines every tenth in logs and CI, where a bar is noise. */
function progress(label: string): { update(done: number, total: number): void; stop(): void } {
  if (process.stderr.isTTY && process.env.CI !== 'true') {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: `${label} [{bar}] {value}/{total} regions · {eta}s left` },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    update(done, total) {
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${label}: ${done}/${total} regions\n`);
      }
    },
    stop: () => {},
  };
}

function summary(result: LoadResult, location: string): string {
  const c = result.counts;
  return [
    `loaded into ${location}:`,
    `  ${c.regions} regions, ${c.plans} plans, ${c.indicators} indicators, ${c.services} services, ${c.projects} projects, ${c.observations} observations, ${c.users} users`,
    `  ${result.rows.toLocaleString('en')} rows in ${result.loadSeconds.toFixed(1)} s (${result.rowsPerSecond.toLocaleString('en')} rows/s); ${result.seconds.toFixed(1)} s with migration, seeding and clearing`,
  ].join('\n');
}

export function registerDemoCommand(program: Command): void {
  const demo = program
    .command('demo')
    .description(
      'a synthetic province or country of plans and observations, for load and benchmarks',
    );

  demo
    .command('generate')
    .description(
      'write the synthetic set into the database (replacing any previous one); the real plans are never touched',
    )
    .requiredOption(
      '--scale <scale>',
      'province (1 province, 21 cities, 183 counties) or country (30 provinces, 330 cities, 2,850 counties)',
    )
    .option('--seed <n>', 'the generator seed: the same seed writes the same set', '1')
    .option(
      '--database-url <url>',
      'PostgreSQL connection string (default: DATABASE_URL, else the PGlite folder)',
    )
    .option(
      '--data-dir <dir>',
      'PGlite data folder (default: MINSHENG_DATA_DIR, else <repo>/.data/pglite)',
    )
    .option('--concurrency <n>', 'regions loaded at once on PostgreSQL', '4')
    .option('--json', 'print the figures as JSON on stdout')
    .action(async (opts: GenerateOptions) => {
      const scale = parseScale(opts.scale);
      const seed = parseInteger('--seed', opts.seed, 0);
      const concurrency = parseInteger('--concurrency', opts.concurrency ?? '4', 1);
      // The demo users' password: never on the command line, where `ps` shows it to everyone.
      const password = process.env.MINSHENG_DEMO_PASSWORD || undefined;
      const db = openDb(opts, true);
      const bar = progress(`demo ${scale}`);
      try {
        const result = await loadDemo(db, {
          scale,
          seed,
          password,
          concurrency,
          onProgress: (done, total) => bar.update(done, total),
        });
        bar.stop();
        if (result.firstAdminPassword) {
          process.stderr.write(
            `first admin created: sign in as admin with ${result.firstAdminPassword}\n`,
          );
        }
        if (!password) {
          process.stderr.write(
            'demo users are disabled: set MINSHENG_DEMO_PASSWORD to sign in as demo-<province>-admin\n',
          );
        }
        if (opts.json)
          process.stdout.write(
            `${JSON.stringify({ scale, seed, dialect: db.dialect, ...result })}\n`,
          );
        else process.stdout.write(`${summary(result, db.location)}\n`);
      } finally {
        bar.stop();
        await db.close();
      }
    });

  demo
    .command('clear')
    .description(
      'remove the synthetic set (demo plans, their observations, demo users and regions)',
    )
    .option(
      '--database-url <url>',
      'PostgreSQL connection string (default: DATABASE_URL, else the PGlite folder)',
    )
    .option('--data-dir <dir>', 'PGlite data folder')
    .action(async (opts: DatabaseOptions) => {
      const db = openDb(opts);
      try {
        const r = await clearDemo(db.kysely);
        process.stdout.write(
          `removed ${r.plans} plans, ${r.observations} observations, ${r.users} users, ${r.regions} regions from ${db.location}\n`,
        );
      } finally {
        await db.close();
      }
    });
}
