import { readFileSync } from 'node:fs';
import { findRegionPackage } from '@minsheng/catalog';
import { type Indicator, type Plan, PlanSchema } from '@minsheng/domain';
import { describe, expect, it } from 'vitest';
import { importPlanText } from './index.ts';

const seed = (file: string) =>
  readFileSync(new URL(`../../../../shared/seeds/${file}`, import.meta.url), 'utf8');

const SEEDS = [
  { file: '000_9f04399c66dd38d8.txt', code: '510824', name: 'cangxi' },
  { file: '001_a3a07023c0597fe1.txt', code: '510000', name: 'sichuan' },
  { file: '002_4220245da55fa599.txt', code: '510821', name: 'wangcang' },
  { file: '003_c5d318e940598444.txt', code: '510802', name: 'lizhou' },
  { file: '004_04a0b744133b98ae.txt', code: '511700', name: 'dazhou' },
] as const;

function handPlan(code: string): Plan {
  const plan = findRegionPackage(code)?.plans[0];
  if (!plan) throw new Error(`no hand-checked plan for ${code}`);
  return plan;
}

// Spaces and the symbol-font characters PDF extraction leaves are not part of a name.
const squeeze = (s: string) => s.replace(/[\s\p{Co}]/gu, '');
const unitOf = (u: string | null) => (u === '％' ? '%' : u);

/** The hand-checked package's indicators that come from the plan's table (not its prose). */
function tableIndicators(plan: Plan): Indicator[] {
  return plan.indicators.filter((i) => /^表/.test(i.source.section));
}

describe.each(SEEDS)('importing $name ($code) from its text', ({ file, code, name }) => {
  const result = importPlanText(seed(file), { regionCode: code, name, fileName: file });
  const plan = PlanSchema.parse(result.plan);
  const hand = handPlan(code);

  it('gives a draft plan the domain accepts', () => {
    expect(plan.regionCode).toBe(code);
    expect(plan.period).toEqual(hand.period);
    expect(plan.kind).toBe(hand.kind);
  });

  it('reads every indicator of the table, cell by cell, as the hand-checked package has it', () => {
    const expected = tableIndicators(hand);
    const byLine = new Map(plan.indicators.map((i) => [i.source.line, i]));
    expect(plan.indicators).toHaveLength(expected.length);
    // A row with one value is a guess the importer flags for a person; there the two cells
    // must hold the same values, in either column.
    const guessed = result.warnings.filter((w) => /has one value/.test(w.why)).map((w) => w.why);
    const cells = (i: Indicator, guess: boolean) =>
      guess ? [i.baseline.raw, i.target.raw].sort() : [i.baseline.raw, i.target.raw];
    for (const h of expected) {
      const got = byLine.get(h.source.line);
      expect(got, `${h.name} (line ${h.source.line})`).toBeDefined();
      if (!got) continue;
      const guess = guessed.some((why) => why.includes(`"${got.name}"`));
      expect({
        name: squeeze(got.name),
        field: got.field.key,
        cells: cells(got, guess),
        nature: got.nature,
        years: [got.baselineYear, got.targetYear],
      }).toEqual({
        name: squeeze(h.name),
        field: h.field.key,
        cells: cells(h, guess),
        nature: h.nature,
        years: [h.baselineYear, h.targetYear],
      });
      if (got.unit !== null && h.unit !== null) expect(unitOf(got.unit)).toBe(unitOf(h.unit));
    }
  });

  it('never names a canonical indicator the hand-checked package does not', () => {
    const byLine = new Map(plan.indicators.map((i) => [i.source.line, i]));
    for (const h of tableIndicators(hand)) {
      const guess = byLine.get(h.source.line)?.canonicalKey ?? null;
      if (guess !== null) expect(guess, h.name).toBe(h.canonicalKey);
    }
  });
});

describe('canonical keys guessed from wording', () => {
  it('finds most of those the hand-checked packages name', () => {
    let named = 0;
    let found = 0;
    for (const { file, code, name } of SEEDS) {
      const plan = importPlanText(seed(file), { regionCode: code, name, fileName: file }).plan;
      const byLine = new Map(plan.indicators.map((i) => [i.source.line, i]));
      for (const h of tableIndicators(handPlan(code)).filter((i) => i.canonicalKey)) {
        named++;
        if (byLine.get(h.source.line)?.canonicalKey === h.canonicalKey) found++;
      }
    }
    // A guess for the developer to confirm: most are found, the rest are set by hand.
    expect(named).toBeGreaterThan(90);
    expect(found / named).toBeGreaterThanOrEqual(0.9);
  });
});
