import { findRegionPackage, regionPackages, regions } from '@minsheng/catalog';
import {
  type Alignment,
  type AlignmentRow,
  alignPlans,
  ancestorCodes,
  checkPlan,
  describeRef,
  type Plan,
  type PlanFinding,
  REGION_LEVEL_LABELS,
  type Region,
  SEVERITY_LABELS,
  type SourceRef,
} from '@minsheng/domain';
import type { Command } from 'commander';
import { CliError } from '../errors.ts';

/** The plan a plan is aligned with: the nearest region above with a plan, and why if none. */
export interface UpperPlan {
  region: Region | null;
  plan: Plan | null;
  /** Why there is no plan to align with, where there is none. */
  reason: { zh: string; en: string } | null;
}

const overlaps = (a: Plan, b: Plan): boolean =>
  a.period.start <= b.period.end && b.period.start <= a.period.end;

/**
 * Walks up the regions (苍溪县 → 广元市, which has no plan → 四川省) to the first with a plan, and
 * takes its plan whose period overlaps this plan's, a five-year plan first.
 */
export function nearestUpperPlan(plan: Plan, code: string): UpperPlan {
  for (const above of ancestorCodes(code, regions)) {
    const pkg = findRegionPackage(above);
    if (!pkg || pkg.plans.length === 0) continue;
    const fitting = pkg.plans
      .filter((p) => overlaps(p, plan))
      .sort((a, b) => Number(b.kind === 'five_year') - Number(a.kind === 'five_year'));
    const chosen = fitting[0];
    if (chosen) return { region: pkg.region, plan: chosen, reason: null };
    const periods = pkg.plans.map((p) => `${p.period.start}–${p.period.end}`).join(', ');
    const own = `${plan.period.start}–${plan.period.end}`;
    return {
      region: pkg.region,
      plan: null,
      reason: {
        zh: `${pkg.region.name}的规划期为${periods}，与本规划（${own}）不重叠，无可对标`,
        en: `${pkg.region.name}'s plans cover ${periods}, not ${own}: nothing to align with`,
      },
    };
  }
  return {
    region: null,
    plan: null,
    reason: { zh: '上级地区均无规划', en: 'no region above has a plan' },
  };
}

interface PlanReport {
  planId: string;
  title: string;
  findings: PlanFinding[];
  alignment: (Alignment & { upperRegion: string; upperTitle: string }) | null;
  alignmentNote: { zh: string; en: string } | null;
}

export function checkRegion(code: string): { region: Region; plans: PlanReport[] } {
  const pkg = findRegionPackage(code);
  if (!pkg) {
    const known = regionPackages.map((p) => `${p.region.code} ${p.region.name}`).join(', ');
    throw new CliError(`unknown region code "${code}"; known regions: ${known}`);
  }
  const plans = pkg.plans.map((plan): PlanReport => {
    const upper = nearestUpperPlan(plan, pkg.region.code);
    return {
      planId: plan.id,
      title: plan.title,
      findings: checkPlan(plan),
      alignment:
        upper.plan && upper.region
          ? {
              ...alignPlans(plan, upper.plan),
              upperRegion: upper.region.name,
              upperTitle: upper.plan.title,
            }
          : null,
      alignmentNote: upper.reason,
    };
  });
  return { region: pkg.region, plans };
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
    .action((code: string, opts: { json?: boolean; lang: string }) => {
      if (opts.lang !== 'zh' && opts.lang !== 'en') {
        throw new CliError(`--lang must be zh or en, not "${opts.lang}"`);
      }
      const lang = opts.lang;
      const report = checkRegion(code);
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
