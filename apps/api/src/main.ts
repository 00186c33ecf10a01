import type { Server } from 'node:http';
import { ensureFirstAdmin } from '@minsheng/api';
import { createDb, migrateToLatest, seedCatalog } from '@minsheng/db';
import { createLogger, errorFields } from './log.ts';
import { createApiServer, installLastResort } from './server.ts';

const log = createLogger();
installLastResort(log);

function readPort(): number {
  const raw = process.env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT: "${raw}" is not a port number (0-65535)`);
  }
  return port;
}

/**
 * How long a request waits for PostgreSQL (a connection, or a query's answer) before it is
 * answered 503: long enough for the heaviest request under load, short enough that a frozen
 * database does not hold every request open.
 */
function readDbTimeout(): number {
  const raw = process.env.MINSHENG_DB_TIMEOUT_MS ?? '30000';
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100) {
    throw new Error(
      `MINSHENG_DB_TIMEOUT_MS: "${raw}" is not a whole number of milliseconds >= 100`,
    );
  }
  return ms;
}

async function main(): Promise<void> {
  const port = readPort();
  const host = process.env.HOST || '127.0.0.1';
  const db = createDb({ timeoutMs: readDbTimeout() });
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
    password: process.env.MINSHENG_ADMIN_PASSWORD,
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
  // Another process finding the PGlite folder taken (the CLI) reads here where to write instead.
  db.announce?.(`${url}trpc`);

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
