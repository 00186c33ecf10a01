import { regionPackages } from '@minsheng/catalog';
import { demoPlan, demoRegions } from '@minsheng/demo';
import { planEvaluation, type Region } from '@minsheng/domain';
import { ancestorsOf, catalogReportData } from '@minsheng/reports/catalog';
import { makeReport, type ReportJob } from '@minsheng/reports/pdf';
import { renderMany } from '@minsheng/reports/pool';
import type { ReportData } from '@minsheng/reports/types';

// Measures report rendering and prints one JSON object: run by the `reports` suite in a process
// of its own, so the cold figure is a cold process's, or by hand:
//   cd tooling/bench && node --import tsx src/suites/reports-run.ts [counties]

const COUNTIES = Number(process.argv[2] ?? 200);
const YEAR = 2023;
const NOW = '2026-11-23';
const ms = (t: number) => Math.round(performance.now() - t);

// 1. One county in process: the first report pays for parsing the font and warming the JIT.
const cangxi = catalogReportData('510824', YEAR);
const job: ReportJob = { kind: 'monitoring', data: cangxi, year: YEAR, now: NOW };
let t = performance.now();
const first = await makeReport(job);
const coldMs = ms(t);
const times: number[] = [];
// CPU time as well as wall time: on a busy machine the wall clock measures the neighbours.
const cpu = process.cpuUsage();
for (let i = 0; i < 7; i++) {
  t = performance.now();
  await makeReport(job);
  times.push(ms(t));
}
const used = process.cpuUsage(cpu);
const cpuMs = Math.round((used.user + used.system) / 1000 / times.length);
times.sort((a, b) => a - b);

// 2. The seeded regions below 510000, through the worker pool (达州市's 2017 plan has no 2023).
const seeded = regionPackages
  .filter((p) => p.plans.length > 0 && p.region.parentCode !== null)
  .map((p) => p.region.code);
const seededJobs = seeded.map((code) => ({
  kind: 'monitoring' as const,
  data: catalogReportData(code, YEAR),
  year: YEAR,
  now: NOW,
}));
t = performance.now();
const seededResults = await renderMany(seededJobs, { concurrency: 2 });
const seededMs = ms(t);

// 3. COUNTIES county plans of the synthetic national set (minsheng demo), with its approved
// observations, rendered through the pool on this machine's cores.
const regions = demoRegions('country', 1);
const counties = regions.filter((r) => r.level === 'county').slice(0, COUNTIES);
const byCode = new Map<string, Region>(regions.map((r) => [r.code, r]));
const demoJobs: ReportJob[] = counties.map((region) => {
  const parent = region.parentCode ? (byCode.get(region.parentCode) ?? null) : null;
  const demo = demoPlan(region, parent, 1);
  const observations = demo.observations.map((o) => ({
    indicatorId: o.indicatorId,
    year: o.year,
    value: o.raw,
  }));
  // What the router would answer for the year; this suite times rendering, not the database.
  const data: ReportData = {
    region,
    ancestors: ancestorsOf(region.code, regions),
    plan: demo.plan,
    observations,
    projectProgress: {},
    upper: null,
    evaluations: { [YEAR]: planEvaluation(demo.plan, observations, YEAR) },
    alignment: null,
    checks: [],
  };
  return { kind: 'monitoring', data, year: YEAR, now: NOW };
});
t = performance.now();
const demoResults = await renderMany(demoJobs, { concurrency: 2 });
const demoMs = ms(t);
const sizes = demoResults.flatMap((r) => (r.ok ? [r.pdf.bytes.length] : []));

const kb = (n: number) => Math.round(n / 1024);
process.stdout.write(
  `${JSON.stringify({
    countyColdMs: coldMs,
    countyMedianMs: times[Math.floor(times.length / 2)] ?? 0,
    countyCpuMs: cpuMs,
    countyKB: kb(first.bytes.length),
    countyPages: first.pages,
    seededBatchRegions: seededJobs.length,
    seededBatchOk: seededResults.filter((r) => r.ok).length,
    seededBatchMs: seededMs,
    syntheticCounties: demoJobs.length,
    syntheticOk: sizes.length,
    syntheticFailed: demoResults.filter((r) => !r.ok).length,
    syntheticMs: demoMs,
    syntheticMsPerReport: Math.round(demoMs / Math.max(1, demoJobs.length)),
    syntheticMeanKB: kb(sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length)),
    syntheticMaxKB: kb(Math.max(0, ...sizes)),
  })}\n`,
);
