import {
  type Alignment,
  type AlignmentRow,
  describeRef,
  type PlanFinding,
  REGION_LEVEL_LABELS,
  type Region,
  SEVERITY_LABELS,
  type SourceRef,
} from '@minsheng/domain';
import type { Command } from 'commander';
import type { Procedures } from '../data/source.ts';
import { CliError } from '../errors.ts';

interface SourceOptions {
  api?: string;
  token?: string;
}

interface PlanReport {
  planId: string;
  title: string;
  findings: PlanFinding[];
  alignment: (Alignment & { upperRegion: string; upperTitle: string }) | null;
  alignmentNote: { zh: string; en: string } | null;
}

/**
 * A region's plans with their checks and their alignment with the plan above, as the router
 * answers them (evaluation.checks, evaluation.alignment): the console's 规划检查 and 上级对标
 * pages show the same.
 */
export async function checkRegion(
  source: Procedures,
  code: string,
): Promise<{ region: Region; plans: PlanReport[] }> {
  const regions = await source.regions();
  const region = regions.find((r) => r.code === code);
  if (!region) {
    const known = regions.map((r) => `${r.code} ${r.name}`).join(', ');
    throw new CliError(`unknown region code "${code}"; known regions: ${known}`);
  }
  const own = (await source.plans(code)).filter((p) => p.regionCode === code && p.inPackage);
  const plans = await Promise.all(
    own.map(async (plan): Promise<PlanReport> => {
      const [findings, above] = await Promise.all([
        source.checks(plan.id),
        source.alignment(plan.id),
      ]);
      return {
        planId: plan.id,
        title: plan.title,
        findings,
        alignment:
          above.upper && above.alignment
            ? {
                ...above.alignment,
                upperRegion: above.upper.region.name,
                upperTitle: above.upper.title,
              }
            : null,
        alignmentNote: above.reason,
      };
    }),
  );
  return { region, plans };
}

const ref = (r: SourceRef | null): string => (r ? describeRef(r) : '—');

function printFinding(f: PlanFinding, lang: 'zh' | 'en'): string {
  return `  [${lang === 'zh' ? SEVERITY_LABELS[f.severity] : f.severity}] ${f.message[lang]}\n      @ ${f.where.map(describeRef).join('; ')}\n`;
}

function printRow(r: AlignmentRow, lang: 'zh' | 'en'): string {
  const where = [
    r.lower.where ? `${lang === 'zh' ? '本级' : 'below'} ${ref(r.lower.where)}` : null,
    r.upper.where ? `${lang === 'zh' ? '上级' : 'above'} ${ref(r.upper.where)}` : null,
  ]
    .filter(Boolean)
    .join('; ');
  const sev = lang === 'zh' ? SEVERITY_LABELS[r.severity] : r.severity;
  return `  [${sev}] ${r.message[lang]}${where ? `\n      @ ${where}` : ''}\n`;
}

export function registerCheckCommand(program: Command): void {
  const region =
    program.commands.find((c) => c.name() === 'region') ??
    program.command('region').description('the region packages and their plans');
  region
    .command('check <code>')
    .description(
      "check a region's plans (declared counts, duplicate targets, units, natures, footnote markers) and align each with the nearest plan above",
    )
    .option('--json', 'print JSON instead of text')
    .option('--lang <lang>', 'language of the text output: zh or en', 'zh')
    .option('--api <url>', "a running server's tRPC endpoint instead of the local database")
    .option('--token <token>', 'with --api: a session token (or MINSHENG_TOKEN)')
    .action(async (code: string, opts: { json?: boolean; lang: string } & SourceOptions) => {
      if (opts.lang !== 'zh' && opts.lang !== 'en') {
        throw new CliError(`--lang must be zh or en, not "${opts.lang}"`);
      }
      const lang = opts.lang;
      const { openSource } = await import('../data/source.ts');
      const source = await openSource(opts);
      let report: Awaited<ReturnType<typeof checkRegion>>;
      try {
        report = await checkRegion(source, code);
      } finally {
        await source.close();
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const r = report.region;
      let out = `${r.code} ${r.name}（${REGION_LEVEL_LABELS[r.level]}）\n`;
      if (report.plans.length === 0) {
        out +=
          lang === 'zh'
            ? '  本地区没有自己的规划，无可检查\n'
            : '  this region has no plan of its own: nothing to check\n';
      }
      for (const p of report.plans) {
        out += `\n${p.title} (${p.planId})\n`;
        out +=
          lang === 'zh'
            ? `规划自查：${p.findings.length}项发现\n`
            : `Plan checks: ${p.findings.length} findings\n`;
        for (const f of p.findings) out += printFinding(f, lang);
        if (p.alignment) {
          const a = p.alignment;
          const counts = Object.entries(a.counts)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ');
          out +=
            lang === 'zh'
              ? `\n对标上级：${a.upperRegion}《${a.upperTitle}》（${a.upperPlanId}），${a.rows.length}行\n`
              : `\nAlignment with ${a.upperRegion}: ${a.upperTitle} (${a.upperPlanId}), ${a.rows.length} rows\n`;
          out += `  ${counts}\n`;
          for (const row of a.rows) out += printRow(row, lang);
        } else {
          out +=
            lang === 'zh'
              ? `\n对标上级：无（${p.alignmentNote?.zh ?? ''}）\n`
              : `\nAlignment: none (${p.alignmentNote?.en ?? ''})\n`;
        }
      }
      process.stdout.write(out);
    });
}
