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
}

/** One line per issue, naming the field by its path: plans[0].indicators[3].target: … */
export function formatIssues(issues: readonly Issue[], limit = 8): string {
  const lines = issues.slice(0, limit).map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join('');
    return `  ${path || '(top level)'}: ${issue.message}`;
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

export interface EvaluationInput {
  region: { code: string; name: string } | null;
  plans: Plan[];
  points: Map<string, ObservedPoint[]>;
}

/** Reads a region package (as `region show --json` prints it) or one plan, plus observations. */
export function readEvaluationInput(data: unknown, file: string): EvaluationInput {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CliError(
      `"${file}" must hold an object: a region package ({region, plans}) or a plan, with observations`,
    );
  }
  const shape = ObservationFileSchema.safeParse(data);
  if (!shape.success) {
    throw new CliError(
      `"${file}": the observations are not valid:\n${formatIssues(shape.error.issues)}`,
    );
  }
  let region: EvaluationInput['region'] = null;
  let plans: Plan[];
  if ('plans' in data) {
    const pkg = RegionPackageSchema.safeParse(data);
    if (!pkg.success) {
      throw new CliError(
        `"${file}" is not a valid region package:\n${formatIssues(pkg.error.issues)}`,
      );
    }
    region = { code: pkg.data.region.code, name: pkg.data.region.name };
    plans = pkg.data.plans;
  } else {
    const plan = PlanSchema.safeParse(data);
    if (!plan.success) {
      throw new CliError(`"${file}" is not a valid plan:\n${formatIssues(plan.error.issues)}`);
    }
    plans = [plan.data];
  }
  if (plans.length === 0) throw new CliError(`"${file}" holds no plan to evaluate`);

  const points = new Map<string, ObservedPoint[]>(plans.map((p) => [p.id, []]));
  shape.data.observations.forEach((o, i) => {
    const at = `observations[${i}]`;
    let candidates = plans;
    if (o.plan !== undefined) {
      candidates = plans.filter((p) => p.id === o.plan);
      if (candidates.length === 0) {
        throw new CliError(
          `${at}.plan: no plan "${o.plan}" in "${file}" (plans: ${plans.map((p) => p.id).join(', ')})`,
        );
      }
    }
    const owners = candidates.filter((p) => p.indicators.some((ind) => ind.id === o.indicator));
    if (owners.length === 0) {
      throw new CliError(
        `${at}.indicator: no indicator "${o.indicator}" in ${o.plan ? `plan "${o.plan}"` : `"${file}"`}`,
      );
    }
    if (owners.length > 1) {
      throw new CliError(
        `${at}.indicator: "${o.indicator}" is in several plans (${owners.map((p) => p.id).join(', ')}); add "plan"`,
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
