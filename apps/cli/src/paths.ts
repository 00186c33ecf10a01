import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { CliError } from './errors.ts';

/** Resolves a path the user typed: `pnpm minsheng` runs in the repo root, not where they typed it. */
export function userPath(p: string): string {
  return path.isAbsolute(p) ? p : path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

/** Fails before any work when the file could not be written. */
export function assertWritable(file: string): void {
  const dir = path.dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliError(`cannot write ${file}: the folder ${dir} does not exist`);
  }
  try {
    accessSync(dir, constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK);
  } catch {
    throw new CliError(`cannot write ${file}: permission denied`);
  }
}
