import { evaluateIndicator, type Indicator, parseValue, readObservation } from '@minsheng/domain';
import type { BenchSuite } from '../suite.ts';

/** One indicator per target form with three years observed: where the time per rule goes. */
const FORMS: Array<[baseline: string, target: string, observed: string[]]> = [
  ['0.27', '2.5', ['0.8', '1.2', '1.6']],
  ['4.2', '3.8', ['4.1', '4.0', '3.95']],
  ['100', '100', ['99', '99.5', '99.1']],
  ['', '70', ['60', '62', '64']],
  ['1.91', '≥2.6', ['2.0', '2.1', '2.2']],
  ['3.8', '≤4', ['3.9', '4.1', '4.2']],
  ['800', '1000-3000', ['850', '900', '950']],
  ['【0.88】', '【0.5】', ['0.1', '0.09', '0.1']],
  ['', '4*', ['5', '3', '2.5']],
  ['85', '保持稳定', ['84', '85', '86']],
  ['98以上', '稳定在98以上', ['98.2', '98.1', '97.5']],
  ['', '应保尽保', ['100%', '97', '否']],
  ['30', '——', ['31', '32', '33']],
];

const ROUNDS = 300_000;

export const evaluationFormsSuite: BenchSuite = {
  name: 'evaluation-forms',
  description: `CPU nanoseconds per evaluation, one rule at a time (${ROUNDS.toLocaleString('en')} rounds each)`,
  async run() {
    const out: Record<string, number | string> = {};
    for (const [b, t, observed] of FORMS) {
      const indicator: Indicator = {
        id: 'x',
        field: { key: 'health', label: '病有所医' },
        name: '指标',
        unit: null,
        baselineYear: 2020,
        baseline: { raw: b, value: parseValue(b) },
        targetYear: 2025,
        target: { raw: t, value: parseValue(t) },
        nature: 'binding',
        canonicalKey: null,
        source: { section: '表1' },
      };
      const series = observed.map((v, i) => readObservation(2021 + i, v));
      const options = { year: 2023, period: { start: 2021, end: 2025 } };
      for (let i = 0; i < ROUNDS / 3; i++) evaluateIndicator(indicator, series, options);
      let flagged = 0;
      const c0 = process.cpuUsage();
      for (let i = 0; i < ROUNDS; i++) {
        if (evaluateIndicator(indicator, series, options).flagged) flagged++;
      }
      const c = process.cpuUsage(c0);
      const rule = evaluateIndicator(indicator, series, options).rule;
      out[`${rule} (${t}) ns`] = Math.round(((c.user + c.system) * 1000) / ROUNDS);
      if (flagged < 0) out.never = flagged;
    }
    return out;
  },
};
