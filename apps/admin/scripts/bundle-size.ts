/**
 * Builds the console and measures what a browser downloads before the first page shows: the
 * entry chunk and every chunk it imports statically, gzipped. Pages and charts loaded on demand
 * are listed apart. Exits 1 when the initial JavaScript is over the budget (300 kB gzipped), so
 * `pnpm bench` (and CI, if it runs this) notices a page that slipped into the first load.
 *
 *   node --import tsx apps/admin/scripts/bundle-size.ts [--json] [--no-build]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGET_KB = 300;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const args = new Set(process.argv.slice(2));
if (!args.has('--no-build')) {
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { manifest: true, outDir, emptyOutDir: true },
  });
}

const manifest = JSON.parse(
  readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'),
) as Manifest;
const gz = (file: string) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
const kb = (bytes: number) => Math.round((bytes / 1000) * 10) / 10;

const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
if (!entryKey) throw new Error('the build manifest has no entry chunk');

// The entry and everything it imports statically load before the first paint.
const initial = new Set<string>();
const initialCss = new Set<string>();
const visit = (key: string) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const css of chunk.css ?? []) initialCss.add(css);
  for (const dep of chunk.imports ?? []) visit(dep);
};
visit(entryKey);

const initialJs = [...initial].map((file) => ({ file, gzip: gz(file) }));
const initialBytes = initialJs.reduce((sum, c) => sum + c.gzip, 0);
const cssBytes = [...initialCss].reduce((sum, f) => sum + gz(f), 0);
const lazy = Object.values(manifest)
  .filter((c) => c.file.endsWith('.js') && !initial.has(c.file))
  .filter((c, i, all) => all.findIndex((d) => d.file === c.file) === i)
  .map((c) => ({ file: c.file, gzip: gz(c.file) }))
  .sort((a, b) => b.gzip - a.gzip);

const result = {
  budgetKB: BUDGET_KB,
  initialJsKB: kb(initialBytes),
  initialCssKB: kb(cssBytes),
  initialChunks: initialJs.map((c) => ({ file: c.file, gzipKB: kb(c.gzip) })),
  lazyChunks: lazy.length,
  lazyTotalKB: kb(lazy.reduce((s, c) => s + c.gzip, 0)),
  largestLazy: lazy.slice(0, 8).map((c) => ({ file: c.file, gzipKB: kb(c.gzip) })),
  withinBudget: initialBytes <= BUDGET_KB * 1000,
};

if (args.has('--json')) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`admin initial JS: ${result.initialJsKB} kB gzipped (budget ${BUDGET_KB} kB)`);
  for (const c of result.initialChunks) console.log(`  ${c.file}  ${c.gzipKB} kB`);
  console.log(`admin initial CSS: ${result.initialCssKB} kB gzipped`);
  console.log(
    `lazy chunks: ${result.lazyChunks}, ${result.lazyTotalKB} kB gzipped in all; largest:`,
  );
  for (const c of result.largestLazy) console.log(`  ${c.file}  ${c.gzipKB} kB`);
}
if (!result.withinBudget) {
  console.error(`initial JS ${result.initialJsKB} kB is over the ${BUDGET_KB} kB budget`);
  process.exit(1);
}
