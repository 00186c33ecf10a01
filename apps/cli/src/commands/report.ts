import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Region } from '@minsheng/domain';
import type { ReportJob } from '@minsheng/reports/pdf';
import { isoDate } from '@minsheng/reports/pdf/format';
import { REPORT_KIND_LABELS, type ReportKind, YEAR_KINDS } from '@minsheng/reports/pdf/model';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { ReportSource } from '../data/source.ts';
import { CliError } from '../errors.ts';
import { assertWritable, userPath } from '../paths.ts';

interface ReportOptions {
  region?: string;
  under?: string;
  year?: string;
  output?: string;
  outDir?: string;
  plan?: string;
  api?: string;
  token?: string;
  jobs?: string;
}

function parseYear(kind: ReportKind, raw: string | undefined): number | null {
  if (raw === undefined) {
    if (YEAR_KINDS.includes(kind)) throw new CliError(`report ${kind} needs --year <N>`);
    return null;
  }
  if (!/^\d{4}$/.test(raw)) throw new CliError(`--year must be a four-digit year, got "${raw}"`);
  return Number(raw);
}

export function defaultFileName(kind: ReportKind, code: string, year: number | null): string {
  return year === null ? `${kind}-${code}.pdf` : `${kind}-${code}-${year}.pdf`;
}

// The database, the router and pdfkit load only when a report is made: the other commands
// of the CLI start without them.
async function openSource(opts: ReportOptions): Promise<ReportSource> {
  return (await import('../data/source.ts')).openSource(opts);
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

async function single(kind: ReportKind, opts: ReportOptions & { region: string }): Promise<void> {
  const year = parseYear(kind, opts.year);
  const file = userPath(opts.output ?? defaultFileName(kind, opts.region, year));
  assertWritable(file);
  const source = await openSource(opts);
  try {
    const { loadReportData } = await import('../data/source.ts');
    const { makeReport } = await import('@minsheng/reports/pdf');
    const data = await loadReportData(source, opts.region, {
      planId: opts.plan,
      year: year ?? undefined,
    });
    const pdf = await makeReport({ kind, data, year, now: isoDate(new Date()) });
    writeFileSync(file, pdf.bytes);
    if (pdf.missing.length) {
      process.stderr.write(
        `minsheng: warning: no glyph for ${pdf.missing.join(' ')}: drawn as 〓\n`,
      );
    }
    process.stdout.write(
      `${REPORT_KIND_LABELS[kind]} ${data.region.code} ${data.region.name}: ${file} (${pdf.pages} pages, ${kb(pdf.bytes.length)})\n`,
    );
  } finally {
    await source.close();
  }
}

interface Progress {
  tick(line: string): void;
  stop(): void;
}

function progress(total: number): Progress {
  if (process.stderr.isTTY && !process.env.CI) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: '{bar} {value}/{total} {last}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { last: '' });
    return { tick: (last) => bar.increment(1, { last }), stop: () => bar.stop() };
  }
  let n = 0;
  return {
    tick: (line) => process.stderr.write(`[${++n}/${total}] ${line}\n`),
    stop: () => {},
  };
}

async function batch(kind: ReportKind, opts: ReportOptions & { under: string }): Promise<void> {
  const year = parseYear(kind, opts.year);
  const dir = userPath(opts.outDir ?? '.');
  assertWritable(path.join(dir, defaultFileName(kind, opts.under, year)));
  const jobs = opts.jobs ? Number(opts.jobs) : undefined;
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) {
    throw new CliError(`--jobs must be a positive whole number, got "${opts.jobs}"`);
  }
  const source = await openSource(opts);
  const failures: { region: Region; error: string }[] = [];
  const written: string[] = [];
  try {
    const { loadReportData, regionsUnder } = await import('../data/source.ts');
    const { renderMany } = await import('@minsheng/reports/pool');
    const { regions, plans, below } = await regionsUnder(source, opts.under);
    if (below.length === 0) throw new CliError(`no region below ${opts.under} has a plan`);
    const bar = progress(below.length);
    // Reading is quick and the database is one connection: load in turn, render in parallel.
    const ready: { region: Region; job: ReportJob }[] = [];
    const now = isoDate(new Date());
    for (const region of below) {
      try {
        const data = await loadReportData(
          source,
          region.code,
          { year: year ?? undefined },
          { regions, plans },
        );
        ready.push({ region, job: { kind, data, year, now } });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failures.push({ region, error: message });
        bar.tick(`${region.code} ${region.name} failed: ${message}`);
      }
    }
    await renderMany(
      ready.map((r) => r.job),
      {
        ...(jobs !== undefined ? { concurrency: jobs } : {}),
        onResult: (i, result) => {
          const { region } = ready[i] as (typeof ready)[number];
          if (!result.ok) {
            failures.push({ region, error: result.error });
            bar.tick(`${region.code} ${region.name} failed: ${result.error}`);
            return;
          }
          const file = path.join(dir, defaultFileName(kind, region.code, year));
          try {
            writeFileSync(file, result.pdf.bytes);
            written.push(file);
            bar.tick(
              `${region.code} ${region.name} ${file} (${result.pdf.pages} pages, ${kb(result.pdf.bytes.length)})`,
            );
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            failures.push({ region, error: `cannot write ${file}: ${message}` });
            bar.tick(`${region.code} ${region.name} failed`);
          }
        },
      },
    );
    bar.stop();
  } finally {
    await source.close();
  }
  process.stdout.write(
    `${written.length} ${REPORT_KIND_LABELS[kind]} written to ${dir}, ${failures.length} failed\n`,
  );
  for (const f of failures)
    process.stdout.write(`  failed: ${f.region.code} ${f.region.name}: ${f.error}\n`);
  if (failures.length > 0) process.exitCode = 1;
}

/**
 * The router's refusals (not signed in, not allowed, bad input) and an unreachable server are
 * the user's to act on: one line, not an internal error.
 */
function refusal(error: unknown, opts: ReportOptions): unknown {
  if (!(error instanceof Error) || error instanceof CliError) return error;
  const name = error.constructor.name;
  if (name === 'TRPCClientError' || name === 'TRPCError') {
    const where = opts.api ? `the server at ${opts.api}` : 'the router';
    return new CliError(`${where} refused: ${error.message}`);
  }
  if (opts.api && /fetch failed|ECONNREFUSED/.test(error.message)) {
    return new CliError(`cannot reach ${opts.api}: ${error.message}`);
  }
  return error;
}

const KINDS: { kind: ReportKind; description: string; year: boolean }[] = [
  { kind: 'monitoring', description: 'the annual monitoring report (年度监测报告)', year: true },
  { kind: 'midterm', description: 'the mid-term evaluation (中期评估)', year: true },
  {
    kind: 'standards',
    description: 'the public list of basic public services and their standards',
    year: false,
  },
  {
    kind: 'alignment',
    description: "the alignment of a region's plan with the plan above it",
    year: false,
  },
];

export function registerReportCommands(program: Command): void {
  const report = program
    .command('report')
    .description('PDF reports from the plans, their observations and evaluation');
  for (const k of KINDS) {
    report
      .command(k.kind)
      .description(k.description)
      .option('--region <code>', 'the region to report on')
      .option('--under <code>', 'one report per region below this one that has a plan, in parallel')
      .option(
        '--year <N>',
        k.year ? 'the year evaluated (required)' : 'picks the plan whose period holds it',
      )
      .option('-o, --output <file>', 'the PDF to write (default <kind>-<code>[-<year>].pdf)')
      .option('--out-dir <dir>', 'with --under: the folder the PDFs go to (default .)')
      .option(
        '--plan <id>',
        'the plan, where the region has several (default: the one holding the year)',
      )
      .option('--api <url>', "a running server's tRPC endpoint instead of the local database")
      .option('--token <token>', 'with --api: a session token (or MINSHENG_TOKEN)')
      .option('--jobs <n>', 'with --under: worker threads (default: one per core)')
      .action(async (opts: ReportOptions) => {
        if (opts.region && opts.under) throw new CliError('give --region or --under, not both');
        try {
          if (opts.under) return await batch(k.kind, { ...opts, under: opts.under });
          if (opts.region) return await single(k.kind, { ...opts, region: opts.region });
        } catch (error) {
          throw refusal(error, opts);
        }
        throw new CliError(`report ${k.kind} needs --region <code> (or --under <code>)`);
      });
  }
}
