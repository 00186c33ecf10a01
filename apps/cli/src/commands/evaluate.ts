import { readFile } from 'node:fs/promises';
import {
  evaluatePlan,
  ObservationFileSchema,
  ObservationYearSchema,
  type ObservedPoint,
  type Plan,
  PlanSchema,
  RegionPackageSchema,
  summarizePlan,
} from '@minsheng/domain';
import type { Command } from 'commander';
import { CliError } from '../errors.ts';

/** The part of a validation issue a message needs (zod's issues have this shape). */
interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly expected?: unknown;
  readonly values?: readonly unknown[];
  readonly params?: { readonly zh?: unknown };
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  array: '列表',
  object: '对象',
  boolean: '是/否',
};

/** The reason in Chinese, for the officials who read these messages. */
function reasonZh(issue: Issue): string {
  if (typeof issue.params?.zh === 'string') return issue.params.zh;
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_ZH[String(issue.expected)] ?? String(issue.expected)}`;
    case 'invalid_value':
      if (issue.path[issue.path.length - 1] === 'nature') return '应为“约束性”或“预期性”';
      return `应为以下之一：${(issue.values ?? []).map((v) => String(v)).join('、')}`;
    case 'too_small':
      return '内容过少或为空';
    case 'too_big':
      return '内容过多或过长';
    case 'invalid_format':
      return '格式不对';
    default:
      return '内容无效';
  }
}

/** One line per issue, naming the field by its path and the reason in Chinese and English. */
export function formatIssues(issues: readonly Issue[], limit = 8): string {
  const lines = issues.slice(0, limit).map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join('');
    return `  ${path || '(top level)'}: ${reasonZh(issue)} / ${issue.message}`;
  });
  if (issues.length > limit) lines.push(`  … and ${issues.length - limit} more`);
  return lines.join('\n');
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`cannot read "${file}": no such file`);
    if (code === 'EISDIR') throw new CliError(`cannot read "${file}": it is a directory`);
    throw new CliError(`cannot read "${file}": ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`"${file}" is not valid JSON: ${(error as Error).message}`);
  }
}

function parseYear(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const year = Number(raw);
  const ok = ObservationYearSchema.safeParse(year);
  if (!/^\d{4}$/.test(raw) || !ok.success) {
    throw new CliError(`--year must be a year between 1990 and 2100, not "${raw}"`);
  }
  return year;
}

const NATURE_WORDS: Record<string, string> = { 约束性: 'binding', 预期性: 'expected' };
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const asText = (v: unknown): unknown => (typeof v === 'number' ? String(v) : v);

/**
 * What a person writes by hand, made into what the schemas read: numbers for values, baselines
 * and targets (printed back as the number's text), a null baseline, no baselineYear where there
 * is no baseline (the year before the period), 约束性 / 预期性, no services or projects. Anything
 * else is left for the schemas to name.
 */
function acceptHandWritten(data: Record<string, unknown>): Record<string, unknown> {
  const plan = (p: unknown): unknown => {
    if (!isRecord(p)) return p;
    const start = isRecord(p.period) ? p.period.start : undefined;
    const indicators = Array.isArray(p.indicators)
      ? p.indicators.map((ind) => {
          if (!isRecord(ind)) return ind;
          const baseline = ind.baseline === null || ind.baseline === undefined ? '' : ind.baseline;
          const out: Record<string, unknown> = {
            ...ind,
            baseline: asText(baseline),
            target: asText(ind.target),
          };
          if (typeof ind.nature === 'string' && ind.nature in NATURE_WORDS) {
            out.nature = NATURE_WORDS[ind.nature];
          }
          if (out.baselineYear === undefined && baseline === '' && typeof start === 'number') {
            out.baselineYear = start - 1;
          }
          return out;
        })
      : p.indicators;
    return { services: [], projects: [], ...p, indicators };
  };
  const out: Record<string, unknown> = Array.isArray(data.plans)
    ? { ...data, plans: data.plans.map(plan) }
    : (plan(data) as Record<string, unknown>);
  if (Array.isArray(data.observations)) {
    out.observations = data.observations.map((o) =>
      isRecord(o) ? { ...o, value: asText(o.value) } : o,
    );
  }
  return out;
}

export interface EvaluationInput {
  region: { code: string; name: string } | null;
  plans: Plan[];
  points: Map<string, ObservedPoint[]>;
}

/** Reads a region package (as `region show --json` prints it) or one plan, plus observations. */
export function readEvaluationInput(given: unknown, file: string): EvaluationInput {
  if (!isRecord(given)) {
    throw new CliError(
      `"${file}" 应为一个对象：地区包（{region, plans}）或一个规划，附 observations / must hold an object: a region package ({region, plans}) or a plan, with observations`,
    );
  }
  const data = acceptHandWritten(given);
  const shape = ObservationFileSchema.safeParse(data);
  if (!shape.success) {
    throw new CliError(
      `"${file}": 观测值无效 / the observations are not valid:\n${formatIssues(shape.error.issues)}`,
    );
  }
  let region: EvaluationInput['region'] = null;
  let plans: Plan[];
  if ('plans' in data) {
    const pkg = RegionPackageSchema.safeParse(data);
    if (!pkg.success) {
      throw new CliError(
        `"${file}" 不是有效的地区包 / is not a valid region package:\n${formatIssues(pkg.error.issues)}`,
      );
    }
    region = { code: pkg.data.region.code, name: pkg.data.region.name };
    plans = pkg.data.plans;
  } else {
    const plan = PlanSchema.safeParse(data);
    if (!plan.success) {
      throw new CliError(
        `"${file}" 不是有效的规划 / is not a valid plan:\n${formatIssues(plan.error.issues)}`,
      );
    }
    plans = [plan.data];
  }
  if (plans.length === 0)
    throw new CliError(`"${file}" 没有可评估的规划 / holds no plan to evaluate`);

  const points = new Map<string, ObservedPoint[]>(plans.map((p) => [p.id, []]));
  shape.data.observations.forEach((o, i) => {
    const at = `observations[${i}]`;
    let candidates = plans;
    if (o.plan !== undefined) {
      candidates = plans.filter((p) => p.id === o.plan);
      if (candidates.length === 0) {
        throw new CliError(
          `${at}.plan: 没有规划“${o.plan}” / no plan "${o.plan}" in "${file}" (plans: ${plans.map((p) => p.id).join(', ')})`,
        );
      }
    }
    const owners = candidates.filter((p) => p.indicators.some((ind) => ind.id === o.indicator));
    if (owners.length === 0) {
      throw new CliError(
        `${at}.indicator: 没有指标“${o.indicator}” / no indicator "${o.indicator}" in ${o.plan ? `plan "${o.plan}"` : `"${file}"`}`,
      );
    }
    if (owners.length > 1) {
      throw new CliError(
        `${at}.indicator: 指标“${o.indicator}”在多个规划中，请注明 plan / "${o.indicator}" is in several plans (${owners.map((p) => p.id).join(', ')}); add "plan"`,
      );
    }
    const owner = owners[0] as Plan;
    points.get(owner.id)?.push({ indicatorId: o.indicator, year: o.year, value: o.value });
  });
  return { region, plans, points };
}

export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate <file>')
    .description(
      'evaluate a plan against observations: a JSON file shaped like `region show --json` (or one plan) plus "observations": [{indicator, year, value}]',
    )
    .option('--year <year>', 'the year to evaluate (default: the latest observed year)')
    .action(async (file: string, opts: { year?: string }) => {
      const year = parseYear(opts.year);
      const input = readEvaluationInput(await readJson(file), file);
      const plans = input.plans.map((plan) => {
        const points = input.points.get(plan.id) ?? [];
        const latest = points.reduce<number | null>(
          (m, p) => (m === null || p.year > m ? p.year : m),
          null,
        );
        const y = year ?? latest ?? plan.period.end;
        const evaluations = evaluatePlan(plan, points, y);
        return {
          planId: plan.id,
          title: plan.title,
          year: y,
          summary: summarizePlan(plan, evaluations),
          evaluations,
        };
      });
      process.stdout.write(`${JSON.stringify({ region: input.region, plans }, null, 2)}\n`);
    });
}
