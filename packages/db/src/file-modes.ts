import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The data folder and the backup hold password hashes, session-token hashes and client
 * addresses: only the account the server runs as may read them.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) owner-only, and narrows it if it existed wider. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Narrows every folder below `dir` to 0700 and every file to 0600. PGlite writes its files 0666
 * whatever the umask (measured: 968 of 973 files of a fresh folder), so they are narrowed after
 * it opens and again when it closes; between the two, the 0700 folder keeps others out.
 * Iterative, and symbolic links are left alone (their modes are not theirs).
 */
export function restrictTree(dir: string): void {
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        chmodSync(full, PRIVATE_DIR_MODE);
        pending.push(full);
      } else if (entry.isFile()) {
        chmodSync(full, PRIVATE_FILE_MODE);
      }
    }
  }
  if (lstatSync(dir).isDirectory()) chmodSync(dir, PRIVATE_DIR_MODE);
}
