import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findRegionPackage, regionPackages } from '@minsheng/catalog';
import { FIELD_LABELS, PLAN_KIND_LABELS, REGION_LEVEL_LABELS } from '@minsheng/domain';
import type { Command } from 'commander';
import { CliError } from '../errors.ts';
import { PACKAGE_NAME, regionPackageFiles } from '../scaffold/files.ts';
import { buildRegion } from '../scaffold/region.ts';
import { addToCatalog, workspaceRoot, writeFiles } from '../scaffold/workspace.ts';

export function registerRegionCommands(program: Command): void {
  const region = program.command('region').description('the region packages and their plans');

  region
    .command('list')
    .description('list every region with its plans')
    .option('--json', 'print JSON instead of a table')
    .action((opts: { json?: boolean }) => {
      const rows = regionPackages.map((p) => ({
        code: p.region.code,
        name: p.region.name,
        level: p.region.level,
        parentCode: p.region.parentCode,
        plans: p.plans.map((plan) => ({
          id: plan.id,
          title: plan.title,
          kind: plan.kind,
          period: plan.period,
          indicators: plan.indicators.length,
          services: plan.services.length,
          projects: plan.projects.length,
        })),
      }));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const r of rows) {
        process.stdout.write(`${r.code}  ${r.name}（${REGION_LEVEL_LABELS[r.level]}）\n`);
        if (r.plans.length === 0) process.stdout.write('        (no plan of its own)\n');
        for (const p of r.plans) {
          process.stdout.write(
            `        ${p.id}  ${p.title}  [${PLAN_KIND_LABELS[p.kind]} ${p.period.start}–${p.period.end}]  ` +
              `${p.indicators} indicators, ${p.services} services, ${p.projects} projects/tasks\n`,
          );
        }
      }
    });

  region
    .command('show <code>')
    .description(
      'show a region package: its region, plans, indicators, services, projects and notes',
    )
    .option('--json', 'print the full content as JSON')
    .action((code: string, opts: { json?: boolean }) => {
      const pkg = findRegionPackage(code);
      if (!pkg) {
        const known = regionPackages.map((p) => `${p.region.code} ${p.region.name}`).join(', ');
        throw new CliError(`unknown region code "${code}"; known regions: ${known}`);
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(pkg, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `${pkg.region.code} ${pkg.region.name}（${REGION_LEVEL_LABELS[pkg.region.level]}）\n`,
      );
      for (const plan of pkg.plans) {
        process.stdout.write(
          `\n${plan.title}\n  ${plan.issuer}  ${plan.documentNumber ?? ''}  ${plan.issueDate ?? ''}\n`,
        );
        let field = '';
        for (const i of plan.indicators) {
          if (i.field.label !== field) {
            field = i.field.label;
            process.stdout.write(`  ${field}（${FIELD_LABELS[i.field.key]}）\n`);
          }
          process.stdout.write(
            `    ${i.name}  ${i.baseline.raw || '—'} → ${i.target.raw || '—'}\n`,
          );
        }
        process.stdout.write(
          `  ${plan.services.length} services, ${plan.projects.length} projects/tasks, ${plan.notes.length} notes\n`,
        );
      }
    });

  region
    .command('new <name>')
    .description(
      'scaffold a region package that passes its own tests, wired into the catalog and seeding',
    )
    .requiredOption('--code <code>', 'its GB/T 2260 code, e.g. 510822')
    .option('--parent <code>', 'the region above it (derived from the code if left out)')
    .option(
      '--region-name <name>',
      'its Chinese name, e.g. 青川县 (the package name until you set it)',
    )
    .action((name: string, opts: { code: string; parent?: string; regionName?: string }) => {
      if (!PACKAGE_NAME.test(name)) {
        throw new CliError(
          `package name "${name}" must be lower-case letters, digits and "-" (e.g. qingchuan)`,
        );
      }
      const taken = findRegionPackage(opts.code);
      if (taken)
        throw new CliError(`region ${opts.code} already has a package: ${taken.region.name}`);
      const region = buildRegion({
        code: opts.code,
        name: opts.regionName ?? name,
        parent: opts.parent,
      });
      if (region.parentCode && !findRegionPackage(region.parentCode)) {
        throw new CliError(
          `parent region ${region.parentCode} has no package: create it first, or pass --parent`,
        );
      }
      const root = workspaceRoot();
      const dir = join(root, 'packages/regions', name);
      if (existsSync(dir)) throw new CliError(`${relative(root, dir)} already exists`);
      for (const path of writeFiles(dir, regionPackageFiles({ name, region }), () => false)) {
        process.stdout.write(`wrote ${relative(root, path)}\n`);
      }
      addToCatalog(root, name);
      process.stdout.write(
        `added @minsheng/region-${name} to packages/catalog\nnext: pnpm install, then ` +
          `pnpm minsheng import plan <text-file> --region ${region.code} --name ${name}\n`,
      );
    });
}
