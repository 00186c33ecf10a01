import {
  CANONICAL_INDICATORS,
  type CanonicalKey,
  type Cell,
  FIELD_LABELS,
  type FieldKey,
  type FieldRef,
  fieldKeyOf,
  type Indicator,
  type Nature,
  type Plan,
  type Project,
  parseValue,
  type Region,
  type ServiceField,
  type ServiceItem,
  type Value,
} from '@minsheng/domain';
import { between, intBetween, pick, type Random, regionRandom, weighted } from './random.ts';

/** Synthetic plans are told apart from the real ones by this id prefix (never used by a package). */
export const DEMO_PLAN_PREFIX = 'demo-';
export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

export function demoPlanId(regionCode: string): string {
  return `${DEMO_PLAN_PREFIX}${regionCode}-2021`;
}

/** What the grammar reads a target as: every kind it has appears in the synthetic plans. */
export type TargetKind =
  | 'number'
  | 'sum'
  | 'bound'
  | 'approx'
  | 'range'
  | 'cumulative'
  | 'growth'
  | 'allCovered'
  | 'hold'
  | 'none';

/** One indicator's cells and how its yearly observations are drawn from a pace. */
interface Shape {
  baseline: string;
  target: string;
  unit?: string;
  /** The observed text for year k (1 = 2021) at pace r (1 = exactly on the straight path). */
  observe(k: number, r: number): string;
}

const fmt = (n: number, decimals: number): string => {
  const v = Math.max(0, n);
  return decimals === 0
    ? String(Math.round(v))
    : String(Math.round(v * 10 ** decimals) / 10 ** decimals);
};

/**
 * Target forms in roughly the proportions of the seed plans' 表1 (plain numbers most, then
 * bounds, cumulative 【】 totals, qualitative targets, growth x*, ranges and sums rarely), with
 * the raw spellings the seeds use: '0.27'→'2.5', '≤4', '>45', '98以上', '【0.88】', '4*', '应保尽保',
 * '稳定在98以上', '保持稳定', empty and '——' baselines.
 */
const SHAPES: ReadonlyArray<readonly [number, (random: Random) => Shape]> = [
  [
    30,
    (random) => {
      const d = pick(random, [0, 1, 2]);
      const b = between(random, 0.2, 100);
      const t = b * between(random, 1.05, 1.6);
      const baseline = random() < 0.06 ? '' : fmt(b, d);
      return { baseline, target: fmt(t, d), observe: (k, r) => fmt(b + (t - b) * (k / 5) * r, d) };
    },
  ],
  [
    6,
    (random) => {
      const d = pick(random, [1, 2]);
      const b = between(random, 2, 20);
      const t = b * between(random, 0.7, 0.95);
      return {
        baseline: fmt(b, d),
        target: fmt(t, d),
        observe: (k, r) => fmt(b - (b - t) * (k / 5) * r, d),
      };
    },
  ],
  [
    10,
    (random) => {
      const t = pick(random, [85, 90, 92, 95, 96, 97, 98]);
      const b = t - between(random, 0.5, 6);
      return {
        baseline: fmt(b, 1),
        target: `≥${t}`,
        unit: '%',
        observe: (k, r) => fmt(Math.min(100, b + (t - b) * (k / 5) * r), 1),
      };
    },
  ],
  [
    6,
    (random) => {
      const t = pick(random, [90, 95, 98]);
      const b = t - between(random, 0.5, 5);
      return {
        baseline: random() < 0.5 ? `${t}以上` : fmt(b, 1),
        target: `${t}以上`,
        unit: '%',
        observe: (k, r) => fmt(Math.min(100, b + (t - b) * (k / 5) * r), 1),
      };
    },
  ],
  [
    5,
    (random) => {
      const t = pick(random, [4, 4.5, 5.5]);
      const b = t * between(random, 0.75, 0.95);
      return {
        baseline: fmt(b, 1),
        target: `≤${t}`,
        unit: '%',
        // On pace stays under the cap; the slower the pace, the further over it.
        observe: (_k, r) => fmt(t * (0.88 + 0.35 * (1 - r)), 2),
      };
    },
  ],
  [
    2,
    (random) => {
      const t = pick(random, [45, 60, 80]);
      const b = t - between(random, 2, 8);
      return {
        baseline: fmt(b, 0),
        target: `>${t}`,
        observe: (k, r) => fmt(b + (t + 1 - b) * (k / 5) * r, 1),
      };
    },
  ],
  [
    3,
    (random) => {
      const b = between(random, 60, 80);
      const t = Math.round(b + between(random, 3, 10));
      return {
        baseline: fmt(b, 1),
        target: `约${t}`,
        observe: (k, r) => fmt(b + (t - b) * (k / 5) * r, 1),
      };
    },
  ],
  [
    2,
    (random) => {
      const lo = pick(random, [1000, 1500, 2000]);
      const hi = lo * 3;
      const b = lo * between(random, 0.6, 0.9);
      return {
        baseline: fmt(b, 0),
        target: `${lo}-${hi}`,
        observe: (k, r) => fmt(b + ((lo + hi) / 2 - b) * (k / 5) * r, 0),
      };
    },
  ],
  [
    8,
    (random) => {
      const d = pick(random, [1, 2]);
      const total = between(random, 0.5, 12);
      const baseline = random() < 0.5 ? `【${fmt(total * between(random, 0.8, 1.2), d)}】` : '——';
      return {
        baseline,
        target: `【${fmt(total, d)}】`,
        // Each year's own amount: a fifth of the total at pace 1.
        observe: (_k, r) => fmt((total / 5) * r, d + 1),
      };
    },
  ],
  [
    4,
    (random) => {
      const g = pick(random, [4, 5, 6, 6.5, 7, 8]);
      return {
        baseline: random() < 0.5 ? '' : `${fmt(g + between(random, -1, 1), 1)}*`,
        target: `${g}*`,
        unit: '%',
        observe: (_k, r) => fmt(g * r, 1),
      };
    },
  ],
  [
    4,
    (random) => ({
      baseline: random() < 0.5 ? '应保尽保' : '100',
      target: '应保尽保',
      // What a statistician enters: the share covered (the API takes no yes/no answers).
      observe: (_k, r) => (r >= 0.9 ? '100' : fmt(85 + 15 * r, 1)),
    }),
  ],
  [
    2,
    (random) => {
      const b = between(random, 70, 95);
      return {
        baseline: fmt(b, 1),
        target: '保持稳定',
        observe: (k, r) => fmt(b * (1 - Math.max(0, 1 - r) * 0.08 * k), 1),
      };
    },
  ],
  [
    3,
    (random) => {
      const t = pick(random, [95, 98]);
      const b = t + between(random, 0.2, 1.5);
      return {
        baseline: fmt(b, 1),
        target: `稳定在${t}以上`,
        unit: '%',
        observe: (_k, r) => fmt(Math.min(100, t + (r - 0.8) * 5), 1),
      };
    },
  ],
  [
    1,
    (random) => {
      const parts = [between(random, 1, 10), between(random, 5, 20), between(random, 0.5, 3)];
      const total = parts.reduce((s, x) => s + x, 0);
      return {
        baseline: parts.map((p) => fmt(p * 0.9, 1)).join('+'),
        target: parts.map((p) => fmt(p, 1)).join('+'),
        observe: (k, r) => fmt(total * (0.9 + 0.1 * (k / 5) * r), 1),
      };
    },
  ],
  [
    3,
    (random) => {
      const b = between(random, 10, 60);
      return {
        baseline: fmt(b, 0),
        target: random() < 0.5 ? '——' : '-',
        observe: (k) => fmt(b + k, 0),
      };
    },
  ],
];

/** How a series runs: its pace against the straight path, or no data at all. */
const PACES: ReadonlyArray<readonly [number, readonly [number, number] | null]> = [
  [15, [1.1, 1.4]], // ahead
  [45, [0.92, 1.08]], // on track
  [22, [0.55, 0.85]], // lagging
  [10, [0.05, 0.45]], // seriously lagging
  [8, null], // no approved data
];

const CANONICAL_KEYS = Object.keys(CANONICAL_INDICATORS) as CanonicalKey[];

// A few canonical names carry no word the field matcher knows; their field is given here.
const FIELD_OVERRIDES: Partial<Record<CanonicalKey, FieldKey>> = {
  life_expectancy: 'health',
  orphan_care_coverage: 'assistance',
  working_age_schooling_years: 'education',
  community_service_space_per_100_households: 'assistance',
  prepregnancy_checkup_coverage: 'childcare',
};

function fieldOf(key: CanonicalKey): FieldRef {
  const name = CANONICAL_INDICATORS[key].name;
  const field = FIELD_OVERRIDES[key] ?? fieldKeyOf(name) ?? 'general';
  return { key: field, label: FIELD_LABELS[field] };
}

const PLAIN_NUMBER = /^(0|[1-9]\d*)(\.\d+)?$/;

/**
 * What the grammar reads a text as. Most synthetic cells and observations are plain decimals,
 * which the grammar reads as `{kind: 'number', num: {value, text}}`; building that directly
 * instead of running the parser half a million times is most of what makes a country load
 * fast (a test holds the shortcut to the parser's own reading). Anything else is parsed.
 */
export function readValue(raw: string): Value {
  const text = raw.trim();
  if (PLAIN_NUMBER.test(text)) return { kind: 'number', num: { value: Number(text), text } };
  return parseValue(text);
}

// The qualitative and bound cells recur across plans: read each once.
const cellCache = new Map<string, Cell>();
function cell(raw: string): Cell {
  let c = cellCache.get(raw);
  if (!c) {
    c = { raw: raw.trim(), value: readValue(raw) };
    if (cellCache.size < 50_000) cellCache.set(raw, c);
  }
  return c;
}

const SERVICE_NAMES: ReadonlyArray<readonly [FieldKey, string, string]> = [
  ['childcare', '婴幼儿照护服务', '0-3岁婴幼儿家庭'],
  ['childcare', '孕产妇健康服务', '孕产妇'],
  ['education', '学前教育幼儿资助', '家庭经济困难儿童'],
  ['education', '义务教育阶段免除学杂费', '义务教育阶段学生'],
  ['education', '普惠性学前教育', '适龄儿童'],
  ['employment', '就业创业服务', '劳动年龄人口'],
  ['employment', '职业技能培训', '城乡各类劳动者'],
  ['social_insurance', '城乡居民基本养老保险', '符合条件的城乡居民'],
  ['health', '健康教育与健康素养促进', '城乡居民'],
  ['health', '预防接种', '0-6岁儿童'],
  ['elderly', '老年人健康管理', '65岁及以上老年人'],
  ['elderly', '老年人福利补贴', '经济困难的高龄、失能老年人'],
  ['housing', '公租房保障', '城镇住房、收入困难家庭'],
  ['assistance', '最低生活保障', '符合条件的城乡困难家庭'],
  ['assistance', '特困人员救助供养', '城乡特困人员'],
  ['disability', '困难残疾人生活补贴', '低保家庭中的残疾人'],
  ['veterans', '优待抚恤', '退役军人和其他优抚对象'],
  ['culture_sports', '公共文化设施免费开放', '城乡居民'],
  ['culture_sports', '全民健身服务', '城乡居民'],
  ['legal', '公共法律服务', '城乡居民'],
];

const PROJECT_SHAPES: ReadonlyArray<readonly [FieldKey, string, string, string]> = [
  ['childcare', '幼有善育工程', '新增托位', '个'],
  ['education', '学有优教工程', '新建幼儿园', '所'],
  ['employment', '就业促进工程', '开展职业技能培训', '万人次'],
  ['health', '健康保障工程', '新增床位', '张'],
  ['elderly', '养老服务工程', '新增养老床位', '张'],
  ['housing', '安居工程', '改造城镇老旧小区', '户'],
  ['culture_sports', '文体惠民工程', '新建社区健身场地', '个'],
  ['assistance', '兜底保障工程', '新建儿童之家', '个'],
];

export interface DemoObservation {
  indicatorId: string;
  year: number;
  raw: string;
}

export interface DemoPlan {
  plan: Plan;
  /** Approved observations, 2021–2025, in indicator then year order. */
  observations: DemoObservation[];
  /** The target form of each indicator, for tests and the summary. */
  kinds: TargetKind[];
}

const LEVEL_TITLES: Record<Region['level'], string> = {
  province: '省',
  prefecture: '市',
  county: '县',
};

/**
 * One region's plan, shaped like the seed plans: ~40 indicators across the fields, a service
 * list, 专栏 projects, and five years of approved observations. Drawn from a generator of the
 * region's own, so a region comes out the same whatever else is generated.
 */
export function demoPlan(region: Region, parent: Region | null, seed: number): DemoPlan {
  const random = regionRandom(seed, region.code);
  const id = demoPlanId(region.code);
  const count = intBetween(random, 36, 42);
  const keys = shuffle(random, CANONICAL_KEYS).slice(0, Math.min(count, CANONICAL_KEYS.length));
  keys.sort((a, b) => fieldOrder(fieldOf(a).key) - fieldOrder(fieldOf(b).key));

  const indicators: Indicator[] = [];
  const observations: DemoObservation[] = [];
  const kinds: TargetKind[] = [];
  keys.forEach((key, i) => {
    const shape = weighted(random, SHAPES)(random);
    const canonical = CANONICAL_INDICATORS[key];
    const unit = shape.unit ?? canonical.unit;
    const target = cell(shape.target);
    const indicatorId = `i${String(i + 1).padStart(2, '0')}`;
    indicators.push({
      id: indicatorId,
      field: fieldOf(key),
      name: `${canonical.name}（${unit}）`,
      unit,
      baselineYear: 2020,
      baseline: cell(shape.baseline),
      targetYear: 2025,
      target,
      nature: (random() < 0.3 ? 'binding' : 'expected') as Nature,
      canonicalKey: key,
      source: { section: '表1', item: i + 1 },
    });
    kinds.push(target.value.kind);
    const pace = weighted(random, PACES);
    if (!pace) return;
    const r = between(random, pace[0], pace[1]);
    // A tenth of the series have no 2025 figure yet: the last year is reported late.
    const lastYear = random() < 0.1 ? 2024 : 2025;
    for (const year of DEMO_YEARS) {
      if (year > lastYear) break;
      const noisy = r * between(random, 0.97, 1.03);
      observations.push({ indicatorId, year, raw: shape.observe(year - 2020, noisy) });
    }
  });

  const services: ServiceItem[] = [];
  const serviceCount = intBetween(random, 20, 40);
  for (let i = 0; i < serviceCount; i++) {
    const [fieldKey, name, group] = SERVICE_NAMES[
      i % SERVICE_NAMES.length
    ] as (typeof SERVICE_NAMES)[number];
    const amount = intBetween(random, 2, 80) * 10;
    services.push({
      id: `s${String(i + 1).padStart(2, '0')}`,
      field: { key: fieldKey, label: FIELD_LABELS[fieldKey] },
      name:
        i < SERVICE_NAMES.length ? name : `${name}（${Math.floor(i / SERVICE_NAMES.length) + 1}）`,
      targetGroup: group,
      standard: `按每人每年${amount}元标准执行`,
      standardAmounts: [
        { metric: '每人每年', value: amount, unit: '元', text: `每人每年${amount}元` },
      ],
      funding: '中央与地方按比例分担',
      fundingLevels: ['central', 'province', region.level === 'county' ? 'county' : 'city'],
      coverage: '应保尽保',
      leadDepartment: `${LEVEL_TITLES[region.level]}民政局`,
      source: { section: '表2', item: i + 1 },
    });
  }
  const serviceFields: ServiceField[] = [...new Set(services.map((s) => s.field.key))].map(
    (key) => ({
      field: { key, label: FIELD_LABELS[key] },
      contentAndGoal: `${FIELD_LABELS[key]}基本公共服务`,
      declaredCount: services.filter((s) => s.field.key === key).length,
      source: { section: '表2' },
    }),
  );

  const projects: Project[] = [];
  const projectCount = intBetween(random, 8, 16);
  for (let i = 0; i < projectCount; i++) {
    const box = i % PROJECT_SHAPES.length;
    const [fieldKey, boxName, metric, unit] = PROJECT_SHAPES[
      box
    ] as (typeof PROJECT_SHAPES)[number];
    const value = intBetween(random, 1, 200) * (unit === '户' || unit === '个' ? 10 : 1);
    const text = `${metric}${value}${unit}`;
    projects.push({
      id: `p${String(i + 1).padStart(2, '0')}`,
      kind: 'project',
      box: `专栏${box + 1} ${boxName}`,
      field: { key: fieldKey, label: FIELD_LABELS[fieldKey] },
      text,
      quantities: [{ metric, value, unit, text }],
      responsible: [`${LEVEL_TITLES[region.level]}发展改革委`],
      source: { section: `专栏${box + 1}`, item: Math.floor(i / PROJECT_SHAPES.length) + 1 },
    });
  }

  const plan: Plan = {
    id,
    regionCode: region.code,
    title: `${region.name}“十四五”公共服务规划`,
    kind: 'five_year',
    period: { start: 2021, end: 2025 },
    issuer: `${region.name}人民政府`,
    documentNumber: `演府发〔2021〕${intBetween(random, 1, 60)}号`,
    issueDate: `2021-${String(intBetween(random, 6, 12)).padStart(2, '0')}-${String(intBetween(random, 1, 28)).padStart(2, '0')}`,
    basis: [parent ? `${parent.name}“十四五”公共服务规划` : '国家“十四五”公共服务规划'],
    source: { file: 'synthetic (minsheng demo generate)', url: null },
    indicatorTable: {
      title: '表1 “十四五”时期公共服务主要指标',
      footnote: '注：【】内为5年累计数。',
    },
    indicators,
    declaredServiceCount: services.length,
    serviceFields,
    services,
    projects,
    notes: [],
  };
  return { plan, observations, kinds };
}

const FIELD_ORDER = Object.keys(FIELD_LABELS) as FieldKey[];
function fieldOrder(key: FieldKey): number {
  return FIELD_ORDER.indexOf(key);
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
