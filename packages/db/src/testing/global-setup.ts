import pg from 'pg';
import { startTempPostgres, type TempPostgres } from './temp-postgres.ts';

const LOCAL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

let temp: TempPostgres | null = null;

/**
 * vitest globalSetup of the projects with database suites. With no TEST_DATABASE_URL and no
 * server on 127.0.0.1:5432, starts one from the installed PostgreSQL binaries for the run and
 * hands its URL to the suites as TEST_DATABASE_URL. `MINSHENG_TEST_PG=temp` forces that path.
 */
export async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  if (process.env.MINSHENG_TEST_PG !== 'temp' && (await answers(LOCAL))) return;
  try {
    temp = await startTempPostgres();
  } catch (error) {
    console.warn(`*** could not start a temporary PostgreSQL: ${String(error)}`);
  }
  if (temp) process.env.TEST_DATABASE_URL = temp.url;
}

export async function teardown(): Promise<void> {
  await temp?.stop();
  temp = null;
}
