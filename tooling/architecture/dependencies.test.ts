import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function manifests(): Array<{ dir: string; pkg: Manifest }> {
  const out: Array<{ dir: string; pkg: Manifest }> = [];
  for (const group of ['apps', 'packages', 'packages/regions', 'tooling']) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      try {
        const pkg = JSON.parse(readFileSync(join(root, group, entry.name, 'package.json'), 'utf8'));
        out.push({ dir: `${group}/${entry.name}`, pkg });
      } catch {
        // A folder without package.json (shared config) is not a package.
      }
    }
  }
  return out;
}

/**
 * The import directions (docs/architecture.md): domain ← regions ← catalog ← db ← api ← apps.
 * Each rule lists the workspace packages a package may depend on at run time. The importer and
 * the reports sit beside the chain: the importer takes the domain only; the reports take the
 * catalog as well, for `@minsheng/reports/catalog` (report data made from the region packages,
 * for the tests and the bench, without a database).
 */
const ALLOWED: Array<[RegExp, RegExp[]]> = [
  [/^@minsheng\/domain$/, []],
  [/^@minsheng\/region-/, [/^@minsheng\/domain$/]],
  [/^@minsheng\/catalog$/, [/^@minsheng\/domain$/, /^@minsheng\/region-/]],
  [/^@minsheng\/db$/, [/^@minsheng\/domain$/, /^@minsheng\/catalog$/]],
  [/^@minsheng\/api$/, [/^@minsheng\/domain$/, /^@minsheng\/db$/]],
  [/^@minsheng\/server$/, [/^@minsheng\/domain$/, /^@minsheng\/db$/, /^@minsheng\/api$/]],
  [/^@minsheng\/importer$/, [/^@minsheng\/domain$/]],
  [/^@minsheng\/reports$/, [/^@minsheng\/(domain|catalog)$/]],
  [/^@minsheng\/demo$/, [/^@minsheng\/(domain|catalog|db|api)$/]],
  [/^@minsheng\/cli$/, [/^@minsheng\/(domain|catalog|db|api|importer|reports|demo)$/]],
  // The console talks to the API over HTTP only: no server code in the browser bundle.
  [/^@minsheng\/admin$/, [/^@minsheng\/domain$/]],
  [/^@minsheng\/bench$/, [/^@minsheng\/(domain|catalog|db|api|reports|demo)$/]],
];
/** Dependencies allowed only for types or tests (devDependencies). */
const DEV_ALLOWED: Array<[RegExp, RegExp[]]> = [
  [/^@minsheng\/admin$/, [/^@minsheng\/api$/]],
  // The importer's tests read the seed texts against the hand-checked region packages.
  [/^@minsheng\/importer$/, [/^@minsheng\/catalog$/]],
];

/** Outside libraries the pure packages may use: domain and region data have no I/O. */
const EXTERNAL_ALLOWED: Array<[RegExp, RegExp[]]> = [
  [/^@minsheng\/domain$/, [/^zod$/]],
  [/^@minsheng\/region-/, []],
  [/^@minsheng\/catalog$/, []],
  [/^@minsheng\/importer$/, []],
];

function rulesFor(name: string, rules: Array<[RegExp, RegExp[]]>): RegExp[] | undefined {
  return rules.find(([re]) => re.test(name))?.[1];
}

describe('package dependencies follow the import directions', () => {
  const all = manifests();

  it('finds the workspace packages', () => {
    expect(all.map((m) => m.pkg.name)).toEqual(
      expect.arrayContaining([
        '@minsheng/domain',
        '@minsheng/db',
        '@minsheng/api',
        '@minsheng/importer',
        '@minsheng/reports',
        '@minsheng/demo',
        '@minsheng/cli',
      ]),
    );
  });

  it.each(all.map((m) => [m.pkg.name, m] as const))(
    '%s depends only on what it may',
    (name, { pkg }) => {
      const allowed = rulesFor(name, ALLOWED);
      expect(allowed, `${name} has no rule in tooling/architecture: add one`).toBeDefined();
      const devAllowed = [...(allowed ?? []), ...(rulesFor(name, DEV_ALLOWED) ?? [])];
      const bad = [
        ...Object.keys(pkg.dependencies ?? {})
          .filter((d) => d.startsWith('@minsheng/') && !allowed?.some((re) => re.test(d)))
          .map((d) => `dependencies: ${d}`),
        ...Object.keys(pkg.devDependencies ?? {})
          .filter((d) => d.startsWith('@minsheng/') && !devAllowed.some((re) => re.test(d)))
          .map((d) => `devDependencies: ${d}`),
      ];
      const external = rulesFor(name, EXTERNAL_ALLOWED);
      if (external) {
        bad.push(
          ...Object.keys(pkg.dependencies ?? {})
            .filter((d) => !d.startsWith('@minsheng/') && !external.some((re) => re.test(d)))
            .map((d) => `dependencies: ${d} (a pure package takes no outside library)`),
        );
      }
      expect(bad).toEqual([]);
    },
  );

  it('no app depends on another app', () => {
    const apps = all.filter((m) => m.dir.startsWith('apps/')).map((m) => m.pkg.name);
    for (const { dir, pkg } of all.filter((m) => m.dir.startsWith('apps/'))) {
      const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
      expect(
        deps.filter((d) => apps.includes(d)),
        dir,
      ).toEqual([]);
    }
  });

  it('the importer reads no file and opens no socket: text in, draft out', () => {
    const dir = join(root, 'packages/importer/src');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /from\s+'node:/.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the console imports the API only as a type', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'node_modules' && e.name !== 'dist') walk(p);
        } else if (/\.(ts|tsx)$/.test(e.name)) {
          const src = readFileSync(p, 'utf8');
          for (const m of src.matchAll(
            /^import\s+(type\s+)?[^;]*?from\s+'(@minsheng\/(?:api|db|server|cli|importer|reports|demo))'/gm,
          )) {
            if (!m[1]) offenders.push(`${relative(root, p)}: ${m[2]}`);
          }
        }
      }
    };
    walk(join(root, 'apps/admin'));
    expect(offenders).toEqual([]);
  });
});
