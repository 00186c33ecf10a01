import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface TempPostgres {
  url: string;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
  /** Stops the server (fast shutdown), keeping its data, as an operator restarting it would. */
  halt(): Promise<void>;
  /** Starts the halted server again on the same data and port; resolves once it answers. */
  resume(): Promise<void>;
  /**
   * SIGSTOP to the server and every backend: connections are still taken by the kernel and
   * queries sent, but nothing answers, as with a hung host or a stalled disk.
   */
  freeze(): void;
  /** SIGCONT to the same processes. */
  thaw(): void;
  /** Creates an empty database on the server and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** A plain connection to one of its databases, for what kysely does not say (locks, catalogs). */
  connect(database?: string): Promise<SqlSession>;
}

export interface SqlSession {
  query<R = Record<string, unknown>>(text: string): Promise<R[]>;
  end(): Promise<void>;
}

/** The URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The folder of the installed PostgreSQL server binaries (initdb, postgres), if any. */
export function findPostgresBinDir(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // pg_config is not installed; look in the usual places.
  }
  for (const root of ['/usr/lib/postgresql', '/usr/local/pgsql']) {
    if (!existsSync(root)) continue;
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(root, v, 'bin')), path.join(root, 'bin'));
  }
  return (
    candidates.find(
      (dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres')),
    ) ?? null
  );
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user when there is one. */
function runAs(): { uid: number; gid: number } | null | 'impossible' {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : 'impossible';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the temporary PostgreSQL exited:\n${log()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      if (Date.now() > deadline)
        throw new Error(`the temporary PostgreSQL never answered:\n${log()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/**
 * Starts a throw-away PostgreSQL from the installed binaries: a fresh cluster in a temp folder,
 * trust authentication, listening on a free loopback port only. Null when no binaries are found.
 */
export async function startTempPostgres(): Promise<TempPostgres | null> {
  const bin = findPostgresBinDir();
  const user = runAs();
  if (!bin || user === 'impossible') return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'minsheng-pg-'));
  const data = path.join(dir, 'data');
  if (user) chownSync(dir, user.uid, user.gid);
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  execFileSync(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
    { ...as, stdio: 'ignore' },
  );
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | null = null;
  let output = '';
  const launch = async () => {
    output = '';
    const started = spawn(
      path.join(bin, 'postgres'),
      [
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
      ],
      { ...as, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    started.stderr?.on('data', (c) => {
      output += c;
    });
    child = started;
    await waitUntilAnswering(url, started, () => output);
  };
  const halt = async () => {
    const running = child;
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((r) => running.once('exit', r));
      running.kill('SIGINT'); // fast shutdown
      await exited;
    }
    child = null;
  };
  const stop = async () => {
    await halt();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await launch();
  } catch (error) {
    await stop();
    throw error;
  }
  const connect = async (database = 'postgres'): Promise<SqlSession> => {
    const client = new pg.Client({ connectionString: withDatabase(url, database) });
    // A halted server ends the connection; the test sees that on its next query instead.
    client.on('error', () => {});
    await client.connect();
    return {
      query: async <R>(text: string) => (await client.query(text)).rows as R[],
      end: () => client.end(),
    };
  };
  /** The postmaster and its children (the backends), from /proc. */
  const processes = (): number[] => {
    const root = child?.pid;
    if (!root) throw new Error('the temporary PostgreSQL is not running');
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === root;
        } catch {
          return false; // gone meanwhile
        }
      })
      .map(Number);
    return [root, ...children];
  };
  const signalAll = (signal: NodeJS.Signals) => {
    for (const pid of processes()) {
      try {
        process.kill(pid, signal);
      } catch {
        // A backend that ended meanwhile.
      }
    }
  };
  return {
    url,
    stop: async () => {
      if (child?.pid) signalAll('SIGCONT'); // a frozen server cannot shut down
      await stop();
    },
    halt,
    connect,
    freeze: () => signalAll('SIGSTOP'),
    thaw: () => signalAll('SIGCONT'),
    createDatabase: async (name) => {
      const session = await connect();
      try {
        await session.query(`create database "${name}"`);
      } finally {
        await session.end();
      }
      return withDatabase(url, name);
    },
    resume: async () => {
      if (child?.exitCode === null) throw new Error('the temporary PostgreSQL is running already');
      await launch();
    },
  };
}
