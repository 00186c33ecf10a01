import {
  type Cell,
  type EvaluateOptions,
  evaluateIndicator,
  FIELD_KEYS,
  type Indicator,
  type ObservedPoint,
  type ObservedValue,
  parseValue,
  prepareObservations,
} from '@minsheng/domain';
import { type BenchSuite, heapUsedMiB, peakRssMiB } from '../suite.ts';

const PLANS = 3200;
const INDICATORS_PER_PLAN = 40;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const PERIOD = { start: 2021, end: 2025 };

/** Every target form of the grammar, with a baseline and how its observations are drawn. */
const TEMPLATES: Array<{
  baseline: string;
  target: string;
  observe: (k: number, r: number) => string;
}> = [
  { baseline: '0.27', target: '2.5', observe: (k, r) => fmt(0.27 + 2.23 * (k / 5) * r) },
  { baseline: '4.2', target: '3.8', observe: (k, r) => fmt(4.2 - 0.4 * (k / 5) * r) },
  { baseline: '100', target: '100', observe: (_k, r) => fmt(Math.min(100, 96 + 4 * r)) },
  { baseline: '', target: '70', observe: (k, r) => fmt(60 + 10 * (k / 5) * r) },
  { baseline: '1.91', target: '≥2.6', observe: (k, r) => fmt(1.91 + 0.69 * (k / 5) * r) },
  { baseline: '3.8', target: '≤4', observe: (_k, r) => fmt(3.5 + 0.6 * r) },
  { baseline: '800', target: '1000-3000', observe: (k, r) => fmt(800 + 300 * (k / 5) * r) },
  { baseline: '【0.88】', target: '【0.5】', observe: (_k, r) => fmt(0.1 * r) },
  { baseline: '', target: '4*', observe: (_k, r) => fmt(4 * r) },
  { baseline: '85', target: '保持稳定', observe: (_k, r) => fmt(82 + 4 * r) },
  { baseline: '98以上', target: '稳定在98以上', observe: (_k, r) => fmt(97 + 2 * r) },
  {
    baseline: '',
    target: '应保尽保',
    observe: (_k, r) => (r > 0.3 ? '100%' : r > 0.15 ? '97' : '否'),
  },
  { baseline: '30', target: '——', observe: (k, r) => fmt(30 + k * r) },
];

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** A small seeded generator, so every run measures the same set. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cell = (raw: string): Cell => ({ raw, value: parseValue(raw) });

interface SyntheticPlan {
  indicators: Indicator[];
  points: ObservedPoint[];
  series: Map<string, ObservedValue[]>;
}

function generate(): SyntheticPlan[] {
  const random = mulberry32(20211231);
  const cells = TEMPLATES.map((t) => ({ baseline: cell(t.baseline), target: cell(t.target) }));
  const plans: SyntheticPlan[] = [];
  for (let p = 0; p < PLANS; p++) {
    const indicators: Indicator[] = [];
    const points: ObservedPoint[] = [];
    for (let i = 0; i < INDICATORS_PER_PLAN; i++) {
      const which = (p + i) % TEMPLATES.length;
      const template = TEMPLATES[which] as (typeof TEMPLATES)[number];
      const c = cells[which] as (typeof cells)[number];
      const id = `i${i}`;
      indicators.push({
        id,
        field: {
          key: FIELD_KEYS[i % FIELD_KEYS.length] as (typeof FIELD_KEYS)[number],
          label: '领域',
        },
        name: `指标${i}`,
        unit: null,
        baselineYear: 2020,
        baseline: c.baseline,
        targetYear: 2025,
        target: c.target,
        nature: i % 3 === 0 ? 'binding' : 'expected',
        canonicalKey: null,
        source: { section: '表1', item: i + 1 },
      });
      YEARS.forEach((year, k) => {
        points.push({
          indicatorId: id,
          year,
          value: template.observe(k + 1, 0.5 + random() * 0.8),
        });
      });
    }
    plans.push({ indicators, points, series: new Map() });
  }
  return plans;
}

function evaluateAll(plans: readonly SyntheticPlan[], year: number, explain: boolean): number {
  const options: EvaluateOptions = { year, period: PERIOD, explain };
  let flagged = 0;
  const empty: ObservedValue[] = [];
  for (const plan of plans) {
    for (const indicator of plan.indicators) {
      const e = evaluateIndicator(indicator, plan.series.get(indicator.id) ?? empty, options);
      if (e.flagged) flagged++;
    }
  }
  return flagged;
}

interface Passes {
  /** Wall milliseconds of each pass. */
  wall: number[];
  /** CPU milliseconds of all passes (this process, every thread: the collector's too). */
  cpu: number;
  flagged: number;
}

/** One pass over the whole set per year of the period, after a pass to warm the JIT. */
function timePasses(plans: readonly SyntheticPlan[], explain: boolean): Passes {
  evaluateAll(plans, 2023, explain);
  const wall: number[] = [];
  let flagged = 0;
  // CPU time as well as wall time: on a shared machine the wall clock also counts other work.
  const cpu0 = process.cpuUsage();
  for (const year of YEARS) {
    const s = performance.now();
    flagged += evaluateAll(plans, year, explain);
    wall.push(performance.now() - s);
    if (process.env.BENCH_VERBOSE) {
      process.stdout.write(
        `  pass ${year}${explain ? '' : ' (figures only)'}: ${(performance.now() - s).toFixed(1)} ms\n`,
      );
    }
  }
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000, flagged };
}

export const evaluationSuite: BenchSuite = {
  name: 'evaluation',
  description: `${PLANS} plans × ${INDICATORS_PER_PLAN} indicators × ${YEARS.length} years of observations, every target form`,
  async run() {
    const t0 = performance.now();
    const plans = generate();
    const t1 = performance.now();
    for (const plan of plans) {
      plan.series = prepareObservations(plan.points);
      // The texts are read once; keeping them would only make every garbage collection slower.
      plan.points = [];
    }
    const t2 = performance.now();
    const perSet = PLANS * INDICATORS_PER_PLAN;
    const evaluations = perSet * YEARS.length;
    const full = timePasses(plans, true);
    const bare = timePasses(plans, false);
    if (bare.flagged !== full.flagged) throw new Error('figures-only evaluation disagrees');
    const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return {
      plans: PLANS,
      indicators: perSet,
      observations: evaluations,
      'generate ms': Math.round(t1 - t0),
      'parse observations (once) ms': Math.round(t2 - t1),
      'whole set, best pass ms': Math.round(Math.min(...full.wall) * 10) / 10,
      'evaluations/s, best pass': rate(perSet, Math.min(...full.wall)),
      'evaluations/s, 5 passes (wall)': rate(evaluations, sum(full.wall)),
      'evaluations/s, 5 passes (CPU)': rate(evaluations, full.cpu),
      'figures only: best pass ms': Math.round(Math.min(...bare.wall) * 10) / 10,
      'figures only: evaluations/s, best': rate(perSet, Math.min(...bare.wall)),
      'figures only: evaluations/s (CPU)': rate(evaluations, bare.cpu),
      'flagged binding (5 passes)': full.flagged,
      'heap used MiB': heapUsedMiB(),
      'peak RSS MiB': peakRssMiB(),
    };
  },
};
