import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** The lock file's name inside a PGlite data folder. */
export const LOCK_FILE = 'minsheng.lock';

/** Who holds a data folder: written by the holder, read by whoever finds the folder taken. */
export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  /** What the holder runs (`node …/main.ts serve`), to tell the user who it is. */
  command: string;
  /** The holder's tRPC endpoint once a server announces it: other processes write through it. */
  api?: string | undefined;
}

/**
 * A PGlite data folder opened by a second process. PGlite is a single-process database: two
 * processes on one folder each keep their own copy of the pages in memory and overwrite each
 * other's files, so the second one's writes are silently lost (or worse) when the first exits.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holder: LockHolder,
  ) {
    const api = holder.api ? `, serving ${holder.api}` : '';
    super(
      `the data folder ${dataDir} is in use by process ${holder.pid} on ${holder.hostname}${api} ` +
        `(${holder.command}); if no such process runs, delete ${lockFile}`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly file: string;
  /** Records the holder's API address, so others can write through it. */
  announce(api: string): void;
  release(): void;
}

/** The holder's command line for messages, without secrets given as options (`--token T`). */
function commandLine(argv: readonly string[]): string {
  return argv
    .map((a, i) =>
      /^--?[\w-]*(token|password|secret|url)$/i.test(argv[i - 1] ?? '')
        ? '…'
        : a.replace(/^(--?[\w-]*(?:token|password|secret|url))=.*/i, '$1=…'),
    )
    .join(' ');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' ? (parsed as LockHolder) : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data folder's lock file, created exclusively (O_EXCL) with this process's id. A lock
 * left by a process that is gone (killed, crashed) on this machine is taken over; one whose
 * process still runs — in this process too — is refused with a DataDirLockedError.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    command: commandLine(process.argv.slice(1)),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(holder));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
      const other = readHolder(file);
      // A file being written this instant reads as empty: look again before judging it.
      if (other === null && attempt === 0) continue;
      if (other && (other.hostname !== holder.hostname || alive(other.pid))) {
        throw new DataDirLockedError(dataDir, file, other);
      }
      try {
        unlinkSync(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
  }
  let held = true;
  return {
    file,
    announce(api) {
      if (held) writeFileSync(file, JSON.stringify({ ...holder, api }), { mode: 0o600 });
    },
    release() {
      if (!held) return;
      held = false;
      // Only our own lock: a folder deleted meanwhile, or a lock taken over, is not ours.
      if (readHolder(file)?.pid === process.pid) unlinkSync(file);
    },
  };
}

/** Who holds the data folder, or null when nobody does (no lock, or its process is gone). */
export function dataDirHolder(dataDir: string): LockHolder | null {
  const holder = readHolder(path.join(dataDir, LOCK_FILE));
  if (!holder) return null;
  return holder.hostname !== hostname() || alive(holder.pid) ? holder : null;
}
