import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { findRegionPackage } from '@minsheng/catalog';
import { RegionCodeSchema } from '@minsheng/domain';
import { type ImportResult, importPlanText } from '@minsheng/importer';
import type { Command } from 'commander';
import { CliError } from '../errors.ts';
import { userPath } from '../paths.ts';
import { PACKAGE_NAME, regionPackageFiles } from '../scaffold/files.ts';
import { buildRegion, levelOfName } from '../scaffold/region.ts';
import { addToCatalog, workspaceRoot, writeFiles } from '../scaffold/workspace.ts';

/** The `import` command group, shared by `import plan` and `import observations`. */
export function importGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('bring a plan or a year of values into the system')
  );
}

export function registerImportPlanCommand(program: Command): void {
  importGroup(program)
    .command('plan <text-file>')
    .description(
      "draft a region package from a plan's plain text, reporting every line it could not place",
    )
    .requiredOption('--region <code>', 'the region the plan belongs to (GB/T 2260 code)')
    .requiredOption('--name <pkg>', 'the package name: @minsheng/region-<pkg>')
    .option(
      '--region-name <name>',
      "the region's Chinese name (read from the plan's title if left out)",
    )
    .option('--parent <code>', 'the parent region (derived from the code if left out)')
    .option('--out <dir>', 'where to write the package (default packages/regions/<pkg>)')
    .option('--force', 'overwrite plan.ts and the report in an existing package')
    .option(
      '--json',
      'print the draft as JSON (the shape of `region show --json`) instead of writing files',
    )
    .action((file: string, opts: ImportPlanOptions) => importPlan(file, opts));
}

interface ImportPlanOptions {
  region: string;
  name: string;
  regionName?: string;
  parent?: string;
  out?: string;
  force?: boolean;
  json?: boolean;
}

function importPlan(file: string, opts: ImportPlanOptions): void {
  if (!RegionCodeSchema.safeParse(opts.region).success) {
    throw new CliError(`--region "${opts.region}" is not a six-digit region code`);
  }
  if (!PACKAGE_NAME.test(opts.name)) {
    throw new CliError(
      `--name "${opts.name}" must be lower-case letters, digits and "-" (e.g. cangxi)`,
    );
  }
  const path = userPath(file);
  if (!existsSync(path)) throw new CliError(`no such file: ${path}`);
  const text = readFileSync(path, 'utf8');
  let result: ImportResult;
  try {
    result = importPlanText(text, {
      regionCode: opts.region,
      name: opts.name,
      fileName: basename(path),
    });
  } catch (error) {
    throw new CliError(`cannot read ${basename(path)} as a plan: ${(error as Error).message}`);
  }
  const region = buildRegion({
    code: opts.region,
    name:
      opts.regionName ??
      findRegionPackage(opts.region)?.region.name ??
      regionNameFromTitle(result.plan.title),
    parent: opts.parent,
  });

  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ region, plans: [result.plan] }, null, 2)}\n`);
    printSummary(result, process.stderr);
    return;
  }
  const root = workspaceRoot();
  const dir = opts.out ? userPath(opts.out) : join(root, 'packages/regions', opts.name);
  const files = regionPackageFiles({
    name: opts.name,
    region,
    plan: result.plan,
    importReport: importReport(result, basename(path)),
  });
  const exists = existsSync(join(dir, 'package.json'));
  // A package fresh from `region new` lists no plans: its index is ours to replace.
  const scaffolded = (rel: string) =>
    rel === 'src/index.ts' && readFileSync(join(dir, rel), 'utf8').includes('plans: []');
  const planIsNew = !existsSync(join(dir, 'src/plan.ts'));
  const written = writeFiles(
    dir,
    files,
    (rel) =>
      scaffolded(rel) ||
      (rel === 'IMPORT-REPORT.md' && planIsNew) ||
      (Boolean(opts.force) && ['src/plan.ts', 'IMPORT-REPORT.md', 'src/index.ts'].includes(rel)),
  );
  printSummary(result, process.stdout);
  for (const w of written) process.stdout.write(`wrote ${relative(root, w)}\n`);
  if (exists && !opts.force && !written.some((w) => w.endsWith('plan.ts'))) {
    process.stdout.write(
      `${relative(root, join(dir, 'src/plan.ts'))} exists: kept it (use --force to replace it)\n`,
    );
  }
  if (!opts.out && addToCatalog(root, opts.name)) {
    process.stdout.write('added to packages/catalog: run `pnpm install` to link the new package\n');
  }
}

function regionNameFromTitle(title: string): string {
  const m = /^(.{2,12}?(?:省|自治区|市|州|盟|县|区|旗))/.exec(
    title.replace(/^.*?(?=\p{Script=Han})/u, ''),
  );
  const name = m?.[1] ?? '';
  if (!name || !levelOfName(name)) {
    throw new CliError(
      "cannot tell the region's name from the plan title: give it with --region-name",
    );
  }
  return name;
}

function printSummary(r: ImportResult, out: NodeJS.WritableStream): void {
  const c = r.counts;
  out.write(
    `extracted: ${c.indicators} indicators, ${c.services} services, ${c.standards} standards, ` +
      `${c.projects} projects, ${c.tasks} tasks, ${c.notes} restorations\n`,
  );
  if (r.unplaced.length) out.write(`could not place ${r.unplaced.length} line(s):\n`);
  for (const u of r.unplaced) out.write(`  line ${u.line}: ${u.text.slice(0, 50)} — ${u.why}\n`);
  if (r.warnings.length) out.write(`check ${r.warnings.length} guess(es):\n`);
  for (const w of r.warnings) out.write(`  line ${w.line}: ${w.why}\n`);
}

function importReport(r: ImportResult, file: string): string {
  const rows = (list: ImportResult['unplaced']) =>
    list.length
      ? list
          .map(
            (e) =>
              `| ${e.line} | ${e.text.slice(0, 40).replace(/\|/g, '\\|')} | ${e.why.replace(/\|/g, '\\|')} |`,
          )
          .join('\n')
      : '| – | – | none |';
  return `# Import report: ${file}

Extracted ${r.counts.indicators} indicators, ${r.counts.services} services, ${r.counts.standards} standards,
${r.counts.projects} 专栏 projects and ${r.counts.tasks} tasks. Check each against the document.

## Lines not placed

| line | text | why |
| --- | --- | --- |
${rows(r.unplaced)}

## Guesses to check

| line | text | why |
| --- | --- | --- |
${rows(r.warnings)}

## Restorations (recorded as notes in the plan)

| line | text | why |
| --- | --- | --- |
${rows(r.restorations)}
`;
}
