import type { Server } from 'node:http';
import { ensureFirstAdmin } from '@minsheng/api';
import { createDb, migrateToLatest, seedCatalog } from '@minsheng/db';
import { readServerEnv } from './env.ts';
import { createLogger, errorFields } from './log.ts';
import { createApiServer } from './server.ts';

const log = createLogger();

async function main(): Promise<void> {
  const env = readServerEnv();
  const port = env.PORT;
  const host = env.HOST;
  const db = createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.MINSHENG_DATA_DIR,
    timeoutMs: env.MINSHENG_DB_TIMEOUT_MS,
  });
  let server: Server | null = null;
  // Installed first, so a signal during start-up also closes the database cleanly.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    const closeDb = async () => {
      try {
        await db.close();
        log.info('stopped');
        process.exitCode = 0;
      } catch (error) {
        log.error('closing the database failed', errorFields(error));
        process.exitCode = 1;
      }
    };
    if (!server) {
      // Still starting: nothing is served yet; close the database (an unfinished seed rolls back).
      void closeDb().then(() => process.exit());
      return;
    }
    // Stop accepting, let requests in flight finish, then close the database.
    const force = setTimeout(() => server?.closeAllConnections(), 10_000);
    force.unref();
    server.close(() => void closeDb());
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  log.info('database', { dialect: db.dialect, location: db.location });
  const applied = await migrateToLatest(db.kysely);
  log.info('migrated', { applied });
  const seed = await seedCatalog(db.kysely);
  log.info('seeded', {
    changed: seed.changed,
    regions: seed.regions,
    plans: seed.plans,
    indicators: seed.indicators,
    services: seed.services,
    projects: seed.projects,
    kept: seed.kept,
    removed: seed.removed,
  });
  const first = await ensureFirstAdmin(db.kysely, {
    password: env.MINSHENG_ADMIN_PASSWORD,
  });

  const http = createApiServer({ db: db.kysely, log });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => resolve());
  });
  server = http;
  const address = http.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
  log.info('listening', { url });

  const lines = ['', `Minsheng is running at ${url}`];
  if (first.created && first.generated) {
    lines.push(
      `First start: user "${first.username}" (admin of 四川省) was created with the password`,
      '',
      `    ${first.password}`,
      '',
      'It is shown this once only: sign in and keep it safe (or set MINSHENG_ADMIN_PASSWORD before the first start).',
    );
  } else if (first.created) {
    lines.push(
      `First start: user "${first.username}" created with the password in MINSHENG_ADMIN_PASSWORD.`,
    );
  } else {
    lines.push(
      'Sign in with an existing account (the first admin was created on the first start).',
    );
  }
  lines.push(
    `Sign in from a shell: curl -c cookies.txt -H 'content-type: application/json' \\`,
    `  -d '{"username":"admin","password":"<password>"}' ${url}trpc/auth.signIn`,
    `then e.g.:            curl -b cookies.txt ${url}trpc/regions.tree`,
    '',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  log.error('start failed', errorFields(error));
  process.exitCode = 1;
});
