import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExportOrigin } from '@minsheng/reports/spreadsheet/layout';
import type { Command } from 'commander';
import { CliError } from '../errors.ts';
import { assertWritable, userPath } from '../paths.ts';
import { importGroup } from './import.ts';

const FORMATS = ['json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

interface SourceOptions {
  api?: string;
  token?: string;
}

function parseYear(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{4}$/.test(raw)) throw new CliError(`--year must be a four-digit year, got "${raw}"`);
  return Number(raw);
}

// The database and the spreadsheet library load only when these commands run.
async function withSource<T>(
  opts: SourceOptions,
  body: (s: import('../data/source.ts').ReportSource) => Promise<T>,
) {
  const { openSource } = await import('../data/source.ts');
  const source = await openSource(opts);
  try {
    return await body(source);
  } finally {
    await source.close();
  }
}

export function registerSpreadsheetCommands(program: Command): void {
  program
    .command('export')
    .description("a region's plan, indicators, approved values and statuses as JSON, CSV or Excel")
    .requiredOption('--region <code>', 'the region (GB/T 2260 code)')
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'xlsx')
    .option('--year <N>', 'the year evaluated (default: the last year of the plan up to now)')
    .option(
      '-o, --output <file>',
      'where to write (default <code>-<year>.<format>; "-" for stdout)',
    )
    .option('--api <url>', "a running server's tRPC endpoint instead of the local database")
    .option('--token <token>', 'with --api: a session token (or MINSHENG_TOKEN)')
    .action(
      async (
        opts: SourceOptions & { region: string; format: string; year?: string; output?: string },
      ) => {
        if (!FORMATS.includes(opts.format as Format)) {
          throw new CliError(`--format must be one of ${FORMATS.join(', ')}, got "${opts.format}"`);
        }
        const format = opts.format as Format;
        const asked = parseYear(opts.year);
        const out =
          opts.output === '-'
            ? null
            : userPath(opts.output ?? `${opts.region}-${asked ?? 'latest'}.${format}`);
        if (out) assertWritable(out);
        const [{ loadReportData }, xl] = await Promise.all([
          import('../data/source.ts'),
          import('@minsheng/reports/spreadsheet/export'),
        ]);
        await withSource(opts, async (source) => {
          const data = await loadReportData(source, opts.region, { year: asked });
          const year = asked ?? Math.min(new Date().getFullYear(), data.plan.period.end);
          const input = {
            region: data.region,
            plan: data.plan,
            year,
            observations: data.observations,
            // The router's verdicts for the year: the export computes none of its own.
            evaluations: (await source.evaluation(data.plan.id, year)).evaluations,
          };
          const bytes =
            format === 'xlsx'
              ? await xl.exportXlsx(input)
              : format === 'csv'
                ? xl.exportCsv(input)
                : xl.exportJson(input);
          if (!out) {
            if (format === 'xlsx')
              throw new CliError('an Excel file cannot go to stdout: give -o <file>');
            process.stdout.write(bytes);
            return;
          }
          const file = opts.output ? out : out.replace('-latest.', `-${year}.`);
          writeFileSync(file, bytes);
          process.stderr.write(
            `wrote ${file}: ${data.plan.indicators.length} indicators of ${data.plan.title}, ${year}\n`,
          );
        });
      },
    );

  importGroup(program)
    .command('observations <file>')
    .description(
      'a year of values from a spreadsheet in the layout `export` writes; all or nothing',
    )
    .requiredOption('--region <code>', 'the region (GB/T 2260 code)')
    .requiredOption('--year <N>', 'the year the values are for')
    .option('--api <url>', "a running server's tRPC endpoint instead of the local database")
    .option('--token <token>', 'with --api: a session token (or MINSHENG_TOKEN)')
    .action(async (file: string, opts: SourceOptions & { region: string; year: string }) => {
      const year = parseYear(opts.year) as number;
      const path = userPath(file);
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        throw new CliError(`cannot read ${path}`);
      }
      const [{ loadReportData }, { readSpreadsheet, readValues }] = await Promise.all([
        import('../data/source.ts'),
        import('@minsheng/reports/spreadsheet/import'),
      ]);
      let sheet: Awaited<ReturnType<typeof readSpreadsheet>>;
      try {
        sheet = await readSpreadsheet(basename(path), bytes);
      } catch (error) {
        throw new CliError(
          `cannot read ${basename(path)} as a spreadsheet: ${(error as Error).message}`,
        );
      }
      await withSource(opts, async (source) => {
        const data = await loadReportData(source, opts.region, { year });
        const target = {
          regionCode: data.region.code,
          regionName: data.region.name,
          planId: data.plan.id,
          year,
        };
        const { origin } = sheet;
        if (!origin) {
          // Exports from before the stamp: taken as before, checked by indicator ids only.
          process.stderr.write(
            `note: ${basename(path)} does not say which region, plan and year it was exported for ` +
              `(an older export, or a file made by hand): its indicator ids were checked against ` +
              `${data.region.name}'s plan ${data.plan.id} only\n`,
          );
        } else if (
          origin.regionCode !== target.regionCode ||
          origin.planId !== target.planId ||
          origin.year !== target.year
        ) {
          throw new CliError(wrongFile(basename(path), origin, target));
        }
        const { values, problems } = readValues(sheet.tables, data.plan, year);
        if (problems.length) {
          const lines = problems.map(
            (p) => `  ${p.sheet} row ${p.row}, ${p.column}: "${p.value}" — ${p.why}`,
          );
          throw new CliError(
            `nothing imported: ${problems.length} problem(s) in ${basename(path)}\n${lines.join('\n')}`,
          );
        }
        try {
          const r = await source.importBatch({ planId: data.plan.id, year, values });
          process.stdout.write(
            `imported ${r.imported} value(s) for ${year} into ${data.plan.title}: submitted, awaiting approval\n`,
          );
        } catch (error) {
          throw new CliError(`nothing imported: ${(error as Error).message}`);
        }
      });
    });
}

/** A file exported for one region, plan and year, offered to another: both named, twice. */
function wrongFile(file: string, from: ExportOrigin, to: ExportOrigin): string {
  const zh = (o: ExportOrigin) => `${o.regionName}（${o.regionCode}）规划 ${o.planId} ${o.year} 年`;
  const en = (o: ExportOrigin) =>
    `${o.regionCode} ${o.regionName}, plan ${o.planId}, year ${o.year}`;
  return [
    `未导入：${file} 是${zh(from)}的导出文件，不能导入${zh(to)}。`,
    `nothing imported: ${file} was exported for ${en(from)}, not for ${en(to)}.`,
    `If the values are ${from.regionName}'s, import them with --region ${from.regionCode} --year ${from.year}; ` +
      `else export ${to.regionName}'s file (minsheng export --region ${to.regionCode} --year ${to.year}) and fill that in.`,
  ].join('\n');
}
