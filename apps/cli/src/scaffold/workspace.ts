import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../errors.ts';

/** The workspace root: the folder holding pnpm-workspace.yaml above this file. */
export function workspaceRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new CliError('cannot find the workspace root (pnpm-workspace.yaml)');
    dir = up;
  }
  return dir;
}

/** Writes files under a folder; refuses to overwrite unless asked. Returns the paths written. */
export function writeFiles(
  dir: string,
  files: Record<string, string>,
  overwrite: (path: string) => boolean,
): string[] {
  const written: string[] = [];
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dir, rel);
    if (existsSync(path) && !overwrite(rel)) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    written.push(path);
  }
  return written;
}

const CATALOG = 'packages/catalog';

/**
 * Adds a region package to the catalog: the dependency in its package.json and the import and
 * list entry in its index, so seeding, the API and the CLI see the new region. Idempotent.
 */
export function addToCatalog(root: string, name: string): boolean {
  const pkgPath = join(root, CATALOG, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { dependencies: Record<string, string> };
  const dep = `@minsheng/region-${name}`;
  if (pkg.dependencies[dep]) return false;
  pkg.dependencies[dep] = 'workspace:*';
  pkg.dependencies = Object.fromEntries(
    Object.entries(pkg.dependencies).sort(([a], [b]) => a.localeCompare(b)),
  );
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);

  const indexPath = join(root, CATALOG, 'src/index.ts');
  let index = readFileSync(indexPath, 'utf8');
  const ident = name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const imports = [...index.matchAll(/^import \w+ from '@minsheng\/region-[^']+';$/gm)];
  const last = imports.at(-1);
  if (!last || last.index === undefined)
    throw new CliError(`cannot find the region imports in ${indexPath}`);
  const at = last.index + last[0].length;
  index = `${index.slice(0, at)}\nimport ${ident} from '${dep}';${index.slice(at)}`;
  index = index.replace(
    /(export const regionPackages: readonly RegionPackage\[\] = \[[\s\S]*?)(\n\];)/,
    (_, list: string, end: string) => `${list}\n  ${ident},${end}`,
  );
  writeFileSync(indexPath, index);
  return true;
}
