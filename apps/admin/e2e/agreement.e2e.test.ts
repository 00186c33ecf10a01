// @vitest-environment node
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '@minsheng/api';
import {
  EVALUATION_STATUS_LABELS,
  type EvaluationStatus,
  levelNumber,
  NATURE_LABELS,
  observedValueProblem,
} from '@minsheng/domain';
import { TRPCClientError } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  buildConsole,
  launchChromium,
  openPage,
  type RunningServer,
  repoRoot,
  signIn,
  startServer,
} from './harness.ts';

/**
 * One verdict everywhere. For every seed plan and every year 2021–2025 (达州市's plan covers 2017
 * only: its own year), with approved values generated for every indicator whatever its target
 * form, the status of each indicator is the same from the router (evaluation.plan), on the
 * console's 指标监测 list (every indicator) and 指标详情 page (two a plan-year), and in the text of
 * the monitoring PDF the CLI writes from the same server (`--api`).
 */

type Outputs = inferRouterOutputs<AppRouter>;
type Indicator = Outputs['indicators']['list'][number];
type Plan = Outputs['plans']['list'][number];

const YEARS = [2021, 2022, 2023, 2024, 2025];
const APPROVER = {
  username: 'agree-approver',
  displayName: '核对员',
  password: 'agree-password-1',
};
/** Pace along the path per indicator (null: no value at all, so 暂无数据 is covered too). */
const PACES = [1.3, 1, 0.8, 0.3, null, 0.97, 0.6] as const;

let server: RunningServer;
let browser: Browser;
let page: Page;
let token = '';
const work = mkdtempSync(join(tmpdir(), 'minsheng-agreement-'));
const plans: { plan: Plan; indicators: Indicator[]; years: number[] }[] = [];
/** planId → year → indicatorId → status, as the router answers. */
const router = new Map<string, Map<number, Map<string, EvaluationStatus>>>();

/** A value an official could type for `year`, moving at the indicator's pace, by target form. */
function generated(indicator: Indicator, i: number, year: number): string | null {
  const pace = PACES[i % PACES.length];
  if (pace === null || pace === undefined) return null;
  const target = indicator.target.value;
  if (target.kind === 'allCovered') return (i + year) % 3 === 0 ? '否' : '是';
  const t = levelNumber(target);
  if (t === null) {
    // A range, or a target without a number: the target's own text, where it is a value.
    const raw = indicator.target.raw;
    return raw && !observedValueProblem(raw) ? raw : '是';
  }
  const b = levelNumber(indicator.baseline.value) ?? t * 0.9;
  const span = Math.max(1, indicator.targetYear - indicator.baselineYear);
  const value = b + (t - b) * ((year - indicator.baselineYear) / span) * pace;
  const text = String(Math.round(value * 100) / 100);
  return observedValueProblem(text) ? null : text;
}

function runCli(args: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const env: NodeJS.ProcessEnv = { ...process.env, MINSHENG_DATA_DIR: join(work, 'data') };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [join(repoRoot, 'apps/cli/bin/minsheng.js'), ...args], {
      env,
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    child.on('exit', (code) =>
      code === 0 ? ok() : fail(new Error(`minsheng ${args.join(' ')} exited ${code}: ${err}`)),
    );
  });
}

beforeAll(async () => {
  await buildConsole();
  server = await startServer();
  const admin = apiClient(server.url);
  await admin.auth.signIn.mutate({ username: 'admin', password: server.adminPassword });
  await admin.users.create.mutate({ ...APPROVER, role: 'admin', regionCode: '510000' });
  const approver = apiClient(server.url);
  await approver.auth.signIn.mutate({ username: APPROVER.username, password: APPROVER.password });

  for (const plan of (await admin.plans.list.query({})).filter((p) => p.inPackage)) {
    const indicators = (await admin.indicators.list.query({ planId: plan.id })).filter(
      (i) => i.inPackage,
    );
    const inPeriod = YEARS.filter((y) => y >= plan.period.start && y <= plan.period.end);
    const years = inPeriod.length > 0 ? inPeriod : [plan.period.end];
    plans.push({ plan, indicators, years });
    // Every year of the period that the evaluated years can see gets its values — in the plans
    // the first admin (四川省) may write. The national plan above it is reference data here: no
    // user of this deployment may enter its values, so its verdicts are compared as they stand
    // (no data), which the list, the detail page and the PDF must still say alike.
    for (let year = plan.period.start; year <= Math.max(...years); year++) {
      const values = indicators.flatMap((indicator, i) => {
        if (year <= indicator.baselineYear) return [];
        const value = generated(indicator, i, year);
        return value === null ? [] : [{ indicatorId: indicator.id, value }];
      });
      if (values.length === 0) continue;
      try {
        await admin.observations.importBatch.mutate({ planId: plan.id, year, values });
      } catch (error) {
        if (!(error instanceof TRPCClientError) || error.data?.code !== 'FORBIDDEN') throw error;
        expect(plan.regionCode, `only the plan above the admin's scope is closed to entry`).toBe(
          '100000',
        );
        break;
      }
    }
    const submitted = await approver.observations.list.query({
      planId: plan.id,
      state: 'submitted',
    });
    for (let i = 0; i < submitted.length; i += 8) {
      await Promise.all(
        submitted
          .slice(i, i + 8)
          .map((o) =>
            approver.observations.approve.mutate({ id: o.id, expectedVersion: o.version }),
          ),
      );
    }
    const byYear = new Map<number, Map<string, EvaluationStatus>>();
    for (const year of years) {
      const answer = await admin.evaluation.plan.query({ planId: plan.id, year });
      byYear.set(year, new Map(answer.evaluations.map((e) => [e.indicatorId, e.status])));
    }
    router.set(plan.id, byYear);
  }

  // The CLI's session: the token the server sets as a cookie at sign-in.
  const res = await fetch(`${server.url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: server.adminPassword }),
  });
  const pair = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  token = decodeURIComponent(pair.slice(pair.indexOf('=') + 1));

  browser = await launchChromium();
  page = await openPage(browser, server.url);
  await signIn(page, 'admin', server.adminPassword);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}, 60_000);

const label = (s: EvaluationStatus | undefined) => (s ? EVALUATION_STATUS_LABELS[s] : undefined);
const statusOf = (planId: string, year: number) => router.get(planId)?.get(year) ?? new Map();

async function openPlan(plan: Plan, path: string) {
  await page.evaluate((ws) => localStorage.setItem('minsheng.workspace', JSON.stringify(ws)), {
    regionCode: plan.regionCode,
    planId: plan.id,
  });
  await page.goto(path);
}

describe('one verdict from the router, the console and the PDF', () => {
  it('generates values for every target form, and the router judges them', () => {
    expect(plans.length).toBeGreaterThanOrEqual(5);
    const seen = new Set<string>();
    for (const { plan, indicators, years } of plans) {
      for (const year of years) {
        const statuses = statusOf(plan.id, year);
        expect(statuses.size, `${plan.id} ${year}`).toBe(indicators.length);
        for (const s of statuses.values()) seen.add(s);
      }
      for (const i of indicators) seen.add(`form:${i.target.value.kind}`);
    }
    // Every verdict a plan can get from values, and the target forms of the seeds.
    for (const s of ['achieved', 'ahead', 'on_track', 'lagging', 'seriously_lagging', 'no_data'])
      expect(seen, s).toContain(s);
    for (const form of ['number', 'bound', 'allCovered', 'cumulative', 'growth'])
      expect(seen, form).toContain(`form:${form}`);
  });

  it("shows the router's verdict for every indicator on the 指标监测 list", async () => {
    for (const { plan, indicators, years } of plans) {
      for (const year of years) {
        await openPlan(plan, `/indicators?year=${year}`);
        await page.locator('.ant-table-row').first().waitFor({ timeout: 60_000 });
        const shown = await page.evaluate(() =>
          [...document.querySelectorAll('tr.ant-table-row')].map((tr) => {
            const href = tr.querySelector('a[href^="/indicators/"]')?.getAttribute('href') ?? '';
            const id = decodeURIComponent(href.replace(/^\/indicators\//, '').split('?')[0] ?? '');
            return [id, tr.querySelector('.ant-tag')?.textContent ?? ''] as const;
          }),
        );
        const statuses = statusOf(plan.id, year);
        expect(shown.length, `${plan.id} ${year}`).toBe(indicators.length);
        for (const [id, text] of shown) {
          expect(text, `${plan.id} ${year} ${id}`).toBe(label(statuses.get(id)));
        }
      }
    }
  }, 600_000);

  it("shows the router's verdict on the 指标详情 page (two indicators a plan-year)", async () => {
    for (const { plan, indicators, years } of plans) {
      for (const year of years) {
        const sample = [
          indicators[year % indicators.length],
          indicators[(year * 7) % indicators.length],
        ];
        for (const indicator of sample) {
          if (!indicator) continue;
          await openPlan(plan, `/indicators/${encodeURIComponent(indicator.id)}?year=${year}`);
          const tag = page.locator('.ant-descriptions .ant-tag').first();
          await tag.waitFor({ timeout: 60_000 });
          expect(await tag.textContent(), `${plan.id} ${year} ${indicator.id}`).toBe(
            label(statusOf(plan.id, year).get(indicator.id)),
          );
        }
      }
    }
  }, 600_000);

  it("prints the router's verdict for every indicator in the monitoring PDF", async () => {
    const jobs = plans.flatMap(({ plan, indicators, years }) =>
      years.map((year) => ({ plan, indicators, year })),
    );
    const files = new Map<(typeof jobs)[number], string>();
    // Three CLI processes at a time: each compiles the CLI and renders a PDF.
    for (let i = 0; i < jobs.length; i += 3) {
      await Promise.all(
        jobs.slice(i, i + 3).map(async (job) => {
          const file = join(work, `${job.plan.id}-${job.year}.pdf`);
          await runCli([
            'report',
            'monitoring',
            '--region',
            job.plan.regionCode,
            '--plan',
            job.plan.id,
            '--year',
            String(job.year),
            '-o',
            file,
            '--api',
            `${server.url}/trpc`,
            '--token',
            token,
          ]);
          files.set(job, file);
        }),
      );
    }
    const labels = Object.values(EVALUATION_STATUS_LABELS);
    for (const job of jobs) {
      const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', files.get(job) ?? '', '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, '');
      const names = job.indicators.map((i) => i.name.replace(/\s+/g, ''));
      const statuses = statusOf(job.plan.id, job.year);
      job.indicators.forEach((indicator, n) => {
        const name = names[n] ?? '';
        // The indicator's row in its field's table: its name, then its nature cell.
        const nature = indicator.nature ? NATURE_LABELS[indicator.nature] : '—';
        const longer = names.filter((other) => other !== name && other.endsWith(name));
        let at = -1;
        for (let p = text.indexOf(name + nature); p >= 0; p = text.indexOf(name + nature, p + 1)) {
          // Not the tail of a longer name that ends with this one.
          if (
            longer.some(
              (o) => text.slice(p - (o.length - name.length), p) === o.slice(0, -name.length),
            )
          )
            continue;
          at = p;
        }
        expect(
          at,
          `${job.plan.id} ${job.year}: ${indicator.name} in the PDF`,
        ).toBeGreaterThanOrEqual(0);
        const rest = text.slice(at + name.length + nature.length);
        const first = labels
          .map((l) => [l, rest.indexOf(l)] as const)
          .filter(([, p]) => p >= 0)
          .sort((a, b) => a[1] - b[1])[0]?.[0];
        expect(first, `${job.plan.id} ${job.year} ${indicator.id}`).toBe(
          label(statuses.get(indicator.id)),
        );
      });
    }
  }, 900_000);
});
