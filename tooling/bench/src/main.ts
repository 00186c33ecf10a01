import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suites } from './suites/index.ts';

// Results are kept at the repository root so every suite's latest figures sit in one file.
const RESULTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bench/results.json');

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !suites.some((s) => s.name === w));
if (unknown.length > 0) {
  process.stderr.write(
    `bench: unknown suite ${unknown.map((u) => `"${u}"`).join(', ')}; suites: ${suites.map((s) => s.name).join(', ')}\n`,
  );
  process.exit(1);
}
const chosen = wanted.length > 0 ? suites.filter((s) => wanted.includes(s.name)) : suites;

let previous: Record<string, unknown> = {};
try {
  previous = JSON.parse(await readFile(RESULTS, 'utf8')) as Record<string, unknown>;
} catch {
  // No results yet, or unreadable: start afresh.
}

for (const suite of chosen) {
  process.stdout.write(`\n== ${suite.name}: ${suite.description}\n`);
  let figures: Awaited<ReturnType<typeof suite.run>>;
  try {
    figures = await suite.run();
  } catch (error) {
    // A bad setting or a failed run: its message, not a stack (BENCH_DEBUG=1 shows it).
    process.stderr.write(
      `bench ${suite.name}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    if (process.env.BENCH_DEBUG) console.error(error);
    process.exit(1);
  }
  for (const [key, value] of Object.entries(figures)) {
    process.stdout.write(
      `  ${key.padEnd(34)} ${typeof value === 'number' ? value.toLocaleString('en') : value}\n`,
    );
  }
  previous[suite.name] = {
    ...figures,
    at: new Date().toISOString(),
    node: process.version,
  };
}

await mkdir(dirname(RESULTS), { recursive: true });
await writeFile(RESULTS, `${JSON.stringify(previous, null, 2)}\n`);
process.stdout.write(`\nresults merged into ${RESULTS}\n`);
