import { describe, expect, it } from 'vitest';
import { PlanSchema } from '../model/plan.ts';
import { parseValue } from '../value/grammar.ts';
import { prepareObservations } from './observations.ts';
import { evaluatePlan, summarizePlan } from './summary.ts';

const plan = PlanSchema.parse({
  id: 'demo-2021',
  regionCode: '510824',
  title: '示例规划',
  kind: 'five_year',
  period: { start: 2021, end: 2025 },
  issuer: '示例县人民政府',
  documentNumber: null,
  issueDate: null,
  basis: [],
  source: { file: 'demo.txt' },
  indicators: [
    ['a', 'childcare', '幼有所育', '0.27', '2.5', 'expected'],
    ['b', 'health', '病有所医', '1.91', '≥2.6', 'binding'],
    ['c', 'health', '病有所医', '', '应保尽保', 'binding'],
    ['d', 'health', '病有所医', '85', '保持稳定', null],
  ].map(([id, key, label, baseline, target, nature], i) => ({
    id,
    field: { key, label },
    name: `指标${id}`,
    unit: null,
    baselineYear: 2020,
    baseline,
    targetYear: 2025,
    target,
    nature,
    canonicalKey: null,
    source: { section: '表1', item: i + 1 },
  })),
  services: [],
  projects: [],
});

describe('summarizePlan', () => {
  it('counts by status, field and nature, and lists flagged binding indicators', () => {
    const evaluations = evaluatePlan(
      plan,
      [
        { indicatorId: 'a', year: 2023, value: '1.2' },
        { indicatorId: 'b', year: 2023, value: '1.95' },
        { indicatorId: 'c', year: 2023, value: '97' },
      ],
      2023,
    );
    expect(evaluations.map((e) => e.status)).toEqual([
      'on_track',
      'seriously_lagging',
      'lagging',
      'no_data',
    ]);
    const s = summarizePlan(plan, evaluations);
    expect(s.total).toBe(4);
    expect(s.byStatus.on_track).toBe(1);
    expect(s.byStatus.no_data).toBe(1);
    expect(s.byField.map((f) => [f.field, f.label, f.total])).toEqual([
      ['childcare', '幼有所育', 1],
      ['health', '病有所医', 3],
    ]);
    expect(s.byNature.binding.seriously_lagging).toBe(1);
    expect(s.byNature.binding.lagging).toBe(1);
    expect(s.byNature.unspecified.no_data).toBe(1);
    expect(s.flagged.map((f) => f.indicatorId)).toEqual(['b', 'c']);
  });

  it('without reasons gives the same statuses and figures, and empty reasons', () => {
    const points = [
      { indicatorId: 'a', year: 2022, value: '0.8' },
      { indicatorId: 'b', year: 2022, value: '1' },
      { indicatorId: 'c', year: 2021, value: '2' },
    ];
    const full = evaluatePlan(plan, points, 2023);
    const bare = evaluatePlan(plan, points, 2023, { explain: false });
    expect(bare.map(({ reason, ...e }) => e)).toEqual(full.map(({ reason, ...e }) => e));
    expect(full.every((e) => e.reason.zh !== '')).toBe(true);
    expect(bare.every((e) => e.reason.zh === '' && e.reason.en === '')).toBe(true);
  });

  it('prepared observations give the same result as raw points', () => {
    const points = [{ indicatorId: 'a', year: 2022, value: '0.8' }];
    expect(evaluatePlan(plan, prepareObservations(points), 2022)).toEqual(
      evaluatePlan(plan, points, 2022),
    );
  });
});

describe('prepareObservations', () => {
  it('sorts by year and lets a later point for the same year win', () => {
    const m = prepareObservations([
      { indicatorId: 'a', year: 2023, value: '3' },
      { indicatorId: 'a', year: 2021, value: '1' },
      { indicatorId: 'a', year: 2023, value: '4' },
    ]);
    expect(m.get('a')?.map((o) => [o.year, o.num])).toEqual([
      [2021, 1],
      [2023, 4],
    ]);
  });
  it('takes a stored reading as it is, and gives what parsing the text would', () => {
    const texts = ['0.8', '≥95', '98以上', '约3.5', '【12】', '应保尽保', '是', '12-15', '——'];
    const parsed = prepareObservations(
      texts.map((value, i) => ({ indicatorId: 'a', year: 2021 + i, value })),
    );
    const stored = prepareObservations(
      texts.map((value, i) => ({
        indicatorId: 'a',
        year: 2021 + i,
        value,
        reading: parseValue(value.trim() === '是' ? '应保尽保' : value),
      })),
    );
    expect(stored).toEqual(parsed);
    // The reading is trusted: the text is not parsed again.
    const trusted = prepareObservations([
      { indicatorId: 'a', year: 2023, value: '很多', reading: parseValue('3') },
    ]);
    expect(trusted.get('a')?.[0]?.num).toBe(3);
  });
  it('refuses text the grammar cannot read', () => {
    expect(() => prepareObservations([{ indicatorId: 'a', year: 2023, value: '很多' }])).toThrow(
      /cannot read/,
    );
  });
});
