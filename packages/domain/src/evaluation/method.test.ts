import { describe, expect, it } from 'vitest';
import { type Indicator, IndicatorSchema, type Nature } from '../model/plan.ts';
import { evaluateIndicator } from './evaluate.ts';
import { readObservation } from './observations.ts';
import { IndicatorEvaluationSchema } from './types.ts';

/** The worked examples of docs/method.md, with the same numbers. */

function indicator(
  baseline: string,
  target: string,
  nature: Nature | null = 'expected',
  name = '指标',
): Indicator {
  return IndicatorSchema.parse({
    id: 'x',
    field: { key: 'health', label: '病有所医' },
    name,
    unit: null,
    baselineYear: 2020,
    baseline,
    targetYear: 2025,
    target,
    nature,
    canonicalKey: null,
    source: { section: '表1', item: 1 },
  });
}

const period = { start: 2021, end: 2025 };

function run(ind: Indicator, points: Array<[number, string]>, year = 2023) {
  const obs = points.map(([y, v]) => readObservation(y, v));
  const e = evaluateIndicator(ind, obs, { year, period });
  // Every result must fit the published schema.
  IndicatorEvaluationSchema.parse(e);
  return e;
}

describe('level.path', () => {
  it('increase: 托位数 0.27 → 2.5, 1.2 observed in 2023', () => {
    const e = run(indicator('0.27', '2.5'), [[2023, '1.2']]);
    expect(e.rule).toBe('level.path');
    expect(e.direction).toBe('increase');
    expect(e.expected).toBeCloseTo(1.608, 4);
    expect(e.ratio).toBeCloseTo(1.1488, 3);
    expect(e.status).toBe('on_track');
    expect(e.neededPerYear).toBeCloseTo(0.65, 4);
    // The sentence docs/method.md quotes.
    expect(e.reason.zh).toBe(
      '2023年实际值1.2，按期应达1.61；按年均增速比较（比较增速而非水平），实际增速为所需增速的1.15倍；2025年达到2.5还需每年增加0.65',
    );
    expect(e.reason.en).toBe(
      'observed 1.2 in 2023 against 1.61 expected; growth rate 1.15 of the rate required (rates compared, not levels); 0.65 a year needed to reach 2.5 by 2025',
    );
  });
  it('decrease: 4.2 → 3.8, 4.1 observed in 2022', () => {
    const e = run(indicator('4.2', '3.8'), [[2022, '4.1']], 2022);
    expect(e.direction).toBe('decrease');
    expect(e.expected).toBeCloseTo(4.04, 4);
    // Straight-line ratio (0.1/2)/(0.4/5) = 0.625, above the compound 0.6043.
    expect(e.ratio).toBeCloseTo(0.625, 4);
    expect(e.status).toBe('lagging');
    expect(e.neededPerYear).toBeCloseTo(-0.1, 4);
    expect(e.reason.zh).toContain('按直线进度比较，实际进度为要求进度的0.625倍');
    expect(e.reason.zh).toContain('还需每年减少0.1');
  });
  it('steep decrease: 100 → 10, 82 in 2021 is on the straight path and on track', () => {
    const e = run(indicator('100', '10'), [[2021, '82']], 2021);
    expect(e.expected).toBeCloseTo(82, 6);
    // Compound: 0.18 / (1 − 0.1^(1/5)) = 0.4880; straight line: (18/1)/(90/5) = 1.
    expect(e.ratio).toBeCloseTo(1, 6);
    expect(e.status).toBe('on_track');
  });
  it('decrease: 10 → 5, 7 in 2023 is on the straight path and on track', () => {
    const e = run(indicator('10', '5'), [[2023, '7']]);
    expect(e.expected).toBeCloseTo(7, 6);
    expect(e.ratio).toBeCloseTo(1, 6);
    expect(e.status).toBe('on_track');
    // Halfway below the path: (2/3)/(5/5) = 0.6667, lagging.
    expect(run(indicator('10', '5'), [[2023, '8']]).ratio).toBeCloseTo(0.6667, 4);
  });
  it('achieved once the target is passed in its direction, early', () => {
    expect(run(indicator('4.2', '3.8'), [[2022, '3.7']]).status).toBe('achieved');
    expect(run(indicator('0.27', '2.5'), [[2023, '2.6']]).status).toBe('achieved');
  });
  it('moving away from the target is seriously lagging', () => {
    const e = run(indicator('94', '97.5'), [[2022, '93']]);
    expect(e.ratio).toBeLessThan(0);
    expect(e.status).toBe('seriously_lagging');
  });
  it('ahead above R = 1.2', () => {
    const e = run(indicator('94', '97.5'), [[2022, '96.5']]);
    expect(e.ratio).toBeGreaterThan(1.2);
    expect(e.status).toBe('ahead');
  });
  it('uses the latest observation at or before the year, not later ones', () => {
    const e = run(indicator('94', '97.5'), [
      [2021, '94.5'],
      [2022, '95'],
      [2024, '97.5'],
    ]);
    expect(e.observed).toEqual({ year: 2022, value: 95, raw: '95' });
    expect(e.status).not.toBe('achieved');
  });
  it('no data without an observation; none from the base year alone', () => {
    expect(run(indicator('94', '97.5'), []).status).toBe('no_data');
    expect(run(indicator('94', '97.5'), [[2020, '94']]).status).toBe('no_data');
  });
  it('linear pace where the baseline is zero', () => {
    const e = run(indicator('0', '10'), [[2022, '2']]);
    // (2/2) / (10/5) = 0.5
    expect(e.ratio).toBeCloseTo(0.5, 6);
    expect(e.status).toBe('seriously_lagging');
  });
  it('a unit that differs from the target is not assessable', () => {
    const e = run(indicator('2.7', '3万人'), [[2022, '28000人']]);
    expect(e.status).toBe('not_assessable');
    // The indicator's unit stands in where the cell has none.
    const byName = IndicatorSchema.parse({ ...indicator('2.7', '3'), unit: '万人' });
    expect(run(byName, [[2022, '28000人']]).status).toBe('not_assessable');
    expect(run(byName, [[2022, '2.9万人']]).status).not.toBe('not_assessable');
    expect(run(byName, [[2022, '2.9']]).status).not.toBe('not_assessable');
  });
});

describe('level.hold', () => {
  it('100 → 100: 99.1 on track, 93 lagging, 80 seriously lagging', () => {
    const ind = indicator('100', '100');
    const a = run(ind, [[2022, '99.1']]);
    expect(a.rule).toBe('level.hold');
    expect(a.direction).toBe('hold');
    expect(a.status).toBe('on_track');
    expect(run(ind, [[2022, '93']]).status).toBe('lagging');
    expect(run(ind, [[2022, '80']]).status).toBe('seriously_lagging');
    expect(run(ind, [[2025, '100']], 2025).status).toBe('achieved');
  });
});

describe('level.no_baseline', () => {
  it('target 70, observed 60 (2021) and 64 (2023)', () => {
    const e = run(indicator('', '70'), [
      [2021, '60'],
      [2023, '64'],
    ]);
    expect(e.rule).toBe('level.no_baseline');
    expect(e.baseline).toBe(60);
    expect(e.expected).toBeCloseTo(65, 6);
    expect(e.ratio).toBeCloseTo(0.8347, 3);
    expect(e.status).toBe('lagging');
  });
  it('a single observation: not assessable, unless it equals the target', () => {
    expect(run(indicator('', '70'), [[2023, '64']]).status).toBe('not_assessable');
    expect(run(indicator('', '70'), [[2023, '70']]).status).toBe('achieved');
    // Started at the target: the level is to be held.
    const held = run(indicator('', '70'), [
      [2021, '70'],
      [2023, '60'],
    ]);
    expect([held.rule, held.status]).toEqual(['level.hold', 'seriously_lagging']);
  });
});

describe('bound.condition', () => {
  it('trend: 人均体育场地面积 1.91 → ≥2.6, 2.2 in 2023', () => {
    const e = run(indicator('1.91', '≥2.6'), [[2023, '2.2']]);
    expect(e.rule).toBe('bound.condition');
    expect(e.direction).toBe('increase');
    expect(e.expected).toBeCloseTo(2.324, 4);
    expect(e.ratio).toBeCloseTo(0.7583, 3);
    expect(e.status).toBe('lagging');
    expect(e.neededPerYear).toBeCloseTo(0.2, 4);
  });
  it('fallen back: 城镇登记失业率 3.8 → ≤4', () => {
    const ind = indicator('3.8', '≤4');
    expect(run(ind, [[2022, '3.9']]).status).toBe('achieved');
    const e = run(ind, [[2022, '4.1']]);
    expect(e.direction).toBe('decrease');
    expect(e.status).toBe('lagging');
    expect(e.reason.zh).toContain('相差2.5%');
    expect(run(ind, [[2022, '4.5']]).status).toBe('seriously_lagging');
  });
  it('a strict bound is not met by its own number', () => {
    expect(run(indicator('8696', '>9000'), [[2023, '9000']]).status).not.toBe('achieved');
    expect(run(indicator('8696', '>9000'), [[2023, '9001']]).status).toBe('achieved');
  });
});

describe('range.band', () => {
  it('800 → 1000-3000, 900 in 2022', () => {
    const e = run(indicator('800', '1000-3000'), [[2022, '900']], 2022);
    expect(e.rule).toBe('range.band');
    expect(e.expected).toBeCloseTo(880, 6);
    expect(e.ratio).toBeCloseTo(1.3291, 3);
    expect(e.status).toBe('ahead');
    expect(run(indicator('800', '1000-3000'), [[2022, '1500']]).status).toBe('achieved');
  });
});

describe('cumulative.share', () => {
  it('【0.5】 with 0.08, 0.09, 0.1 in 2021–2023', () => {
    const e = run(indicator('【0.88】', '【0.5】'), [
      [2021, '0.08'],
      [2022, '0.09'],
      [2023, '0.1'],
    ]);
    expect(e.rule).toBe('cumulative.share');
    expect(e.direction).toBe('increase');
    expect(e.observed?.value).toBeCloseTo(0.27, 6);
    expect(e.expected).toBeCloseTo(0.3, 6);
    expect(e.ratio).toBeCloseTo(0.9, 6);
    expect(e.status).toBe('lagging');
    expect(e.neededPerYear).toBeCloseTo(0.115, 6);
  });
  it('a 【s】 observation is the running total so far', () => {
    const e = run(indicator('', '[10]'), [
      [2021, '1'],
      [2022, '【5】'],
      [2023, '2'],
    ]);
    expect(e.observed?.value).toBe(7);
    expect(e.ratio).toBeCloseTo(7 / 6, 3);
  });
  it('achieved once the total is reached; a cap is broken once exceeded', () => {
    expect(run(indicator('', '【0.5】'), [[2022, '0.6']]).status).toBe('achieved');
    expect(run(indicator('', '【≤5】'), [[2022, '6']]).status).toBe('seriously_lagging');
    expect(run(indicator('', '【≤5】'), [[2022, '3']]).status).toBe('on_track');
  });
});

describe('growth.average', () => {
  it('4*: 5.0, 3.0, 2.5 in 2021–2023', () => {
    const e = run(indicator('', '4*'), [
      [2021, '5.0'],
      [2022, '3.0'],
      [2023, '2.5'],
    ]);
    expect(e.rule).toBe('growth.average');
    expect(e.observed?.value).toBeCloseTo(3.4944, 3);
    expect(e.ratio).toBeCloseTo(0.8736, 3);
    expect(e.status).toBe('lagging');
    expect(e.neededPerYear).toBeCloseTo(4.7631, 3);
  });
  it('achieved only at the end of the period', () => {
    const ahead = run(indicator('', '4*'), [[2021, '6']], 2021);
    expect(ahead.status).toBe('ahead');
    const done = run(indicator('', '4*'), [[2025, '4.2*']], 2025);
    expect(done.status).toBe('achieved');
  });
});

describe('hold.stable', () => {
  it('85 → 保持稳定, 84 in 2023', () => {
    const e = run(indicator('85', '保持稳定'), [[2023, '84']]);
    expect(e.rule).toBe('hold.stable');
    expect(e.status).toBe('on_track');
    expect(e.reason.zh).toContain('偏离1.18%');
  });
  it('without a baseline and with one observation: not assessable', () => {
    expect(run(indicator('', '保持稳定'), [[2023, '84']]).status).toBe('not_assessable');
  });
});

describe('hold.level', () => {
  it('98以上 → 稳定在98以上', () => {
    const ind = indicator('98以上', '稳定在98以上', 'binding');
    expect(run(ind, [[2023, '98.3']]).status).toBe('on_track');
    const e = run(ind, [[2023, '97.2']]);
    expect(e.rule).toBe('hold.level');
    expect(e.status).toBe('lagging');
    expect(e.flagged).toBe(true);
    expect(run(ind, [[2025, '98.3']], 2025).status).toBe('achieved');
  });
});

describe('all_covered', () => {
  it('应保尽保: 100% on track, 否 lagging and flagged, 92 seriously lagging', () => {
    const ind = indicator('', '应保尽保', 'binding');
    const ok = run(ind, [[2023, '100%']]);
    expect(ok.rule).toBe('all_covered');
    expect(ok.status).toBe('on_track');
    expect(ok.flagged).toBe(false);
    const no = run(ind, [[2023, '否']]);
    expect(no.status).toBe('lagging');
    expect(no.flagged).toBe(true);
    expect(run(ind, [[2023, '92']]).status).toBe('seriously_lagging');
    expect(run(ind, [[2023, '应保尽保']]).status).toBe('on_track');
  });
});

describe('none', () => {
  it('an empty target is not assessable', () => {
    const e = run(indicator('30', '——'), [[2023, '31']]);
    expect(e.rule).toBe('none');
    expect(e.status).toBe('not_assessable');
  });
});

describe('flagging', () => {
  it('flags binding indicators that lag, never expected ones', () => {
    const binding = run(indicator('1.91', '≥2.6', 'binding'), [[2023, '2.0']]);
    expect(binding.flagged).toBe(true);
    const expected = run(indicator('1.91', '≥2.6', 'expected'), [[2023, '2.0']]);
    expect(expected.flagged).toBe(false);
  });
});

describe('explain: false', () => {
  it('gives the same figures and status for every rule, with an empty reason', () => {
    const cases: Array<[string, string, Array<[number, string]>]> = [
      ['0.27', '2.5', [[2023, '1.2']]],
      ['4.2', '3.8', [[2022, '3.7']]],
      ['100', '100', [[2022, '93']]],
      [
        '',
        '70',
        [
          [2021, '60'],
          [2023, '64'],
        ],
      ],
      ['1.91', '≥2.6', [[2023, '2.2']]],
      ['3.8', '≤4', [[2022, '4.1']]],
      ['800', '1000-3000', [[2022, '900']]],
      [
        '【0.88】',
        '【0.5】',
        [
          [2021, '0.08'],
          [2022, '0.09'],
        ],
      ],
      [
        '',
        '4*',
        [
          [2021, '5.0'],
          [2022, '3.0'],
        ],
      ],
      ['85', '保持稳定', [[2023, '84']]],
      ['98以上', '稳定在98以上', [[2023, '97.2']]],
      ['', '应保尽保', [[2023, '92']]],
      ['30', '——', [[2023, '31']]],
      ['94', '97.5', []],
      ['94', '>95', [[2023, '95%以上']]],
      ['96', '>95', [[2023, '95%以上']]],
      ['94', '≥95', [[2023, '<95']]],
      ['', '应保尽保', [[2023, '3500人']]],
      [
        '0.27',
        '2.5',
        [
          [2019, '1'],
          [2021, '1.2'],
        ],
      ],
      ['', '达55%', [[2022, '58.9']]],
      ['800', '约1000', [[2023, '995']]],
    ];
    for (const [b, t, points] of cases) {
      const ind = indicator(b, t, 'binding');
      const obs = points.map(([y, v]) => readObservation(y, v));
      const full = evaluateIndicator(ind, obs, { year: 2023, period });
      const bare = evaluateIndicator(ind, obs, { year: 2023, period, explain: false });
      expect(full.reason.zh, t).not.toBe('');
      expect(full.reason.en, t).not.toBe('');
      expect(bare.reason).toEqual({ zh: '', en: '' });
      expect({ ...bare, reason: full.reason }).toEqual(full);
    }
  });
});

function canonical(baseline: string, target: string, key: Indicator['canonicalKey']): Indicator {
  return IndicatorSchema.parse({ ...indicator(baseline, target), canonicalKey: key });
}

describe('observed bounds', () => {
  it('>95 meets >95; 95%以上 does not surely meet >95; 稳定在95%以上 meets ≥95', () => {
    const strict = indicator('94', '>95');
    expect(run(strict, [[2023, '>95']]).status).toBe('achieved');
    // From 94 the pace is ahead, but 95%以上 may be exactly 95: the bound is still to pass.
    const floor = run(strict, [[2023, '95%以上']]);
    expect(floor.status).toBe('ahead');
    expect(floor.reason.zh).toContain('2023年实际值95%以上');
    expect(floor.reason.zh).toContain('2025年前须超过95');
    // From a baseline that met the bound: a miss of unknown size.
    const back = run(indicator('96', '>95'), [[2023, '95%以上']]);
    expect(back.status).toBe('lagging');
    expect(back.reason.zh).toContain('不能确定满足目标>95');
    expect(run(indicator('94', '≥95'), [[2023, '稳定在95%以上']]).status).toBe('achieved');
    expect(run(indicator('94', '≥95'), [[2023, '稳定在95%以上']]).observed?.value).toBe(95);
  });
  it('a held level 稳定在95以上 is kept by an observed 95%以上', () => {
    const e = run(indicator('95以上', '稳定在95以上'), [[2023, '95%以上']]);
    expect(e.status).toBe('on_track');
  });
  it('an observed ceiling against a floor says nothing of progress', () => {
    const e = run(indicator('94', '≥95'), [[2023, '<95']]);
    expect(e.status).toBe('not_assessable');
    expect(e.reason.zh).toContain('只给出上限');
  });
  it('an observed floor below a level target counts as its number', () => {
    // 94 → 97.5, 96以上 in 2023: read as 96 (the least it can be), not as reaching 97.5.
    const e = run(indicator('94', '97.5'), [[2023, '96以上']]);
    expect(e.status).not.toBe('achieved');
    expect(e.observed?.value).toBe(96);
  });
});

describe('floors in words and direction without a baseline', () => {
  it('达55%: one observation of 58.9 without a baseline is achieved', () => {
    const ind = canonical('', '达55%', 'nursing_beds_share');
    expect(run(ind, [[2023, '58.9']]).status).toBe('achieved');
    expect(
      run(ind, [
        [2022, '57'],
        [2023, '58.9'],
      ]).status,
    ).toBe('achieved');
  });
  it('a plain target without a baseline takes the canonical direction', () => {
    // 护理型床位占比 should rise: 57 then 56 against 55 has reached it, whatever the noise.
    const ind = canonical('', '55', 'nursing_beds_share');
    const e = run(ind, [
      [2022, '57'],
      [2023, '56'],
    ]);
    expect([e.direction, e.status]).toEqual(['increase', 'achieved']);
    // Past the target at first, below it now: a miss of 2/55 = 3.6 %, lagging, not a pace.
    const back = run(ind, [
      [2021, '60'],
      [2023, '53'],
    ]);
    expect([back.direction, back.status, back.ratio]).toEqual(['increase', 'lagging', null]);
    const one = run(ind, [[2023, '52']]);
    expect([one.direction, one.status]).toEqual(['increase', 'not_assessable']);
    expect(run(ind, [[2025, '52']], 2025).status).toBe('not_achieved');
  });
});

describe('the deadline', () => {
  it('2.4 against 2.5 in 2025 is not achieved, 2.5 achieved', () => {
    const ind = indicator('0.27', '2.5', 'binding');
    const e = run(ind, [[2025, '2.4']], 2025);
    expect(e.status).toBe('not_achieved');
    expect(e.flagged).toBe(true);
    expect(e.neededPerYear).toBeNull();
    expect(e.reason.zh).toBe('2025年实际值2.4，2025年目标2.5未完成');
    expect(run(ind, [[2025, '2.5']], 2025).status).toBe('achieved');
    expect(run(ind, [[2025, '2.4']], 2026).status).toBe('not_achieved');
  });
  it('a five-year total of 9.6 against 【10】 is not achieved', () => {
    const points: Array<[number, string]> = [
      [2021, '2'],
      [2022, '2'],
      [2023, '2'],
      [2024, '2'],
      [2025, '1.6'],
    ];
    const e = run(indicator('', '【10】'), points, 2025);
    expect(e.status).toBe('not_achieved');
    expect(e.reason.zh).toBe('2025年累计9.6，2025年目标【10】未完成');
  });
  it('growth and held levels at the target year', () => {
    expect(run(indicator('', '4*'), [[2025, '3.9*']], 2025).status).toBe('not_achieved');
    // Reported to 2024 only: still nothing "needed from now" once the period has ended.
    const growth = run(indicator('', '4*'), [[2024, '3.9*']], 2025);
    expect([growth.status, growth.neededPerYear]).toEqual(['not_achieved', null]);
    expect(growth.reason.zh).not.toContain('余下年份');
    const held = indicator('98以上', '稳定在98以上');
    expect(run(held, [[2025, '97']], 2025).status).toBe('not_achieved');
    expect(run(held, [[2024, '98.5']], 2025).status).toBe('achieved');
  });
});

describe('the plan period', () => {
  it('a 2026 value is not added to a 2021–2025 total, and the result says so', () => {
    const points: Array<[number, string]> = [
      [2021, '2'],
      [2022, '2'],
      [2023, '2'],
      [2024, '2'],
      [2025, '1.6'],
      [2026, '5'],
    ];
    const e = run(indicator('', '【10】'), points, 2026);
    expect(e.observed?.value).toBeCloseTo(9.6, 6);
    expect(e.status).toBe('not_achieved');
    expect(e.excluded).toEqual([{ year: 2026, raw: '5' }]);
    expect(e.reason.zh).toContain('规划期外的2026年数据未计入');
  });
  it('a 2019 value meeting the target is not the verdict of later years', () => {
    const e = run(indicator('94', '97.5'), [[2019, '98']]);
    expect(e.status).toBe('no_data');
    expect(e.excluded).toEqual([{ year: 2019, raw: '98' }]);
  });
});

describe('stale data', () => {
  it('a 2024 verdict on a 2021 value is flagged 数据滞后', () => {
    const e = run(indicator('0.27', '2.5'), [[2021, '1.2']], 2024);
    expect(e.observed?.year).toBe(2021);
    expect(e.stale).toBe(true);
    expect(e.reason.zh).toContain('（数据滞后：最新数据为2021年）');
    expect(run(indicator('0.27', '2.5'), [[2023, '1.2']], 2024).stale).toBe(false);
  });
});

describe('约 targets', () => {
  it('约1000 is reached within 2 %: 995 achieved, 979 not', () => {
    const ind = indicator('800', '约1000');
    expect(run(ind, [[2023, '995']]).status).toBe('achieved');
    expect(run(ind, [[2023, '979']]).status).not.toBe('achieved');
    expect(run(ind, [[2025, '979']], 2025).status).toBe('not_achieved');
  });
  it('【约21.9】 is reached at 21.5', () => {
    const e = run(indicator('', '【约21.9】'), [[2025, '【21.5】']], 2025);
    expect(e.status).toBe('achieved');
  });
});

describe('reasons that match the verdict', () => {
  it('a strict bound missed on its number prints no 相差0% and no 增加0', () => {
    const e = run(indicator('9100', '>9000'), [[2023, '9000']]);
    expect(e.reason.zh).toContain('等于界值9000');
    expect(e.reason.zh).not.toContain('相差0%');
    const paced = run(indicator('8696', '>9000'), [[2023, '9000']]);
    expect(paced.reason.zh).toContain('2025年前须超过9000');
    expect(paced.reason.zh).not.toContain('增加0');
  });
  it('a baseline on a strict bound did not meet it', () => {
    const e = run(indicator('9000', '>9000'), [[2023, '8990']]);
    expect(e.reason.zh).not.toContain('基期已满足');
  });
  it('a decrease target needs a decrease, and a tiny figure is not printed as 0', () => {
    const e = run(indicator('4.2', '3.8'), [[2022, '3.8004']], 2022);
    expect(e.reason.zh).toContain('还需每年减少0.0001');
  });
  it('0 held, 0.5 observed: off by 0.5, not by 50%', () => {
    const e = run(indicator('0', '0'), [[2023, '0.5']]);
    expect(e.reason.zh).toContain('偏离0.5）');
  });
  it('an observation is printed as written', () => {
    expect(run(indicator('2', '5'), [[2023, '4.00']]).reason.zh).toContain('实际值4.00');
  });
  it('a level below the straight path, on track by its rate, says rates are compared', () => {
    const e = run(indicator('0.27', '2.5'), [[2023, '1.6']]);
    expect(e.status).toBe('ahead');
    expect(e.reason.zh).toContain('实际值1.6，按期应达1.61；按年均增速比较（比较增速而非水平）');
  });
  it('应保尽保 is not met by a count', () => {
    const e = run(indicator('', '应保尽保'), [[2023, '3500人']]);
    expect(e.status).toBe('not_assessable');
    expect(run(indicator('', '应保尽保'), [[2023, '3500']]).status).toBe('not_assessable');
  });
});
