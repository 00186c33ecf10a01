import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPgliteDb } from './connection.ts';
import { DataDirLockedError, dataDirHolder, LOCK_FILE } from './lock.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'minsheng-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function writeLock(dir: string, pid: number) {
  writeFileSync(
    path.join(dir, LOCK_FILE),
    JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00Z', command: 'x' }),
  );
}

describe('the PGlite data folder lock', () => {
  it('refuses a second opening of a folder while the first is open, and allows it after', async () => {
    const dir = tempDir();
    const first = createPgliteDb(dir);
    expect(statSync(path.join(dir, LOCK_FILE)).mode & 0o777).toBe(0o600);
    expect(() => createPgliteDb(dir)).toThrow(DataDirLockedError);
    first.announce?.('http://127.0.0.1:3000/trpc');
    expect(dataDirHolder(dir)).toMatchObject({
      pid: process.pid,
      api: 'http://127.0.0.1:3000/trpc',
    });
    await first.close();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const second = createPgliteDb(dir);
    await second.close();
  });

  it('keeps secrets given on the command line out of the lock file', async () => {
    const dir = tempDir();
    const argv = process.argv;
    process.argv = [...argv, '--token', 'sekrit-1', '--database-url=postgres://u:sekrit-2@h/db'];
    try {
      const db = createPgliteDb(dir);
      const text = readFileSync(path.join(dir, LOCK_FILE), 'utf8');
      await db.close();
      expect(text).not.toContain('sekrit');
      expect(JSON.parse(text).command).toContain('--token … --database-url=…');
    } finally {
      process.argv = argv;
    }
  });

  it('refuses a folder whose lock belongs to another running process, naming it', async () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      const pid = other.pid ?? 0;
      writeLock(dir, pid);
      let error: unknown;
      try {
        createPgliteDb(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as Error).message).toContain(`process ${pid}`);
      expect((error as Error).message).toContain(path.join(dir, LOCK_FILE));
      // The holder's lock is left as it was.
      expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(pid);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that is gone (killed, crashed)', async () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    writeLock(dir, gone);
    expect(dataDirHolder(dir)).toBeNull();
    const db = createPgliteDb(dir);
    try {
      expect(dataDirHolder(dir)?.pid).toBe(process.pid);
    } finally {
      await db.close();
    }
  });
});
