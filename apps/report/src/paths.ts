import { isAbsolute, resolve } from 'node:path';

/** Resolves a path the user typed: `pnpm minsheng` runs in the repo root, not where they typed it. */
export function userPath(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
