import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPlanText } from './index.ts';

/**
 * The plan-text importer under generated text: real plans cut, shuffled and salted with
 * fragments (SQL, script, malformed Unicode, huge numbers), and text from nothing. It either
 * answers with a draft, or refuses with its one documented error (an empty text).
 * FUZZ_RUNS sets the number of texts (default 10,000).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

const seeds = ['000_9f04399c66dd38d8.txt', '004_04a0b744133b98ae.txt'].map((f) =>
  readFileSync(new URL(`../../../../shared/seeds/${f}`, import.meta.url), 'utf8').split('\n'),
);

const FRAGMENTS = [
  "'; drop table plans; --",
  '<script>alert(1)</script>',
  '\uD800',
  '\uDFFF',
  '\u0000',
  '\u202E',
  '1e309',
  '99999999999999999999999999',
  'NaN',
  'Infinity',
  '-0',
  '表1 “十四五”主要指标',
  '专栏1',
  '（一）',
  '1.',
  '≥',
  '%',
  '万人',
  '\t\t\t',
  '\r',
  '|',
];

const fragment = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.double().map(String),
  fc.bigInt().map(String),
);

/** Lines of a real plan, a window of them, mutated line by line. */
const mutatedPlan = fc
  .record({
    seed: fc.constantFrom(...seeds.keys()),
    start: fc.nat(),
    length: fc.integer({ min: 1, max: 120 }),
    edits: fc.array(
      fc.record({
        at: fc.nat(),
        kind: fc.constantFrom('insert', 'replace', 'delete', 'append', 'duplicate'),
        text: fragment,
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ seed, start, length, edits }) => {
    const all = seeds[seed] as string[];
    const from = start % all.length;
    const lines = all.slice(from, from + length);
    for (const e of edits) {
      const i = lines.length ? e.at % lines.length : 0;
      if (e.kind === 'insert') lines.splice(i, 0, e.text);
      else if (e.kind === 'replace') lines[i] = e.text;
      else if (e.kind === 'delete') lines.splice(i, 1);
      else if (e.kind === 'append') lines[i] = `${lines[i] ?? ''}${e.text}`;
      else lines.splice(i, 0, lines[i] ?? '');
    }
    return lines.join('\n');
  });

const text = fc.oneof(
  { weight: 6, arbitrary: mutatedPlan },
  { weight: 2, arbitrary: fc.array(fragment, { maxLength: 40 }).map((xs) => xs.join('\n')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2000 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '\n\n\n', '   ', '\uFEFF') },
);

describe('importPlanText under generated text', () => {
  it(`answers ${RUNS} texts with a draft or its documented refusal`, () => {
    const tally = { texts: 0, drafts: 0, empty: 0, indicators: 0 };
    fc.assert(
      fc.property(text, (source) => {
        tally.texts++;
        let result: ReturnType<typeof importPlanText>;
        try {
          result = importPlanText(source, {
            regionCode: '510824',
            name: 'fuzz',
            fileName: 'f.txt',
          });
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toBe('the text is empty');
          // It is only said of a text with nothing in it.
          expect(source.trim().replace(/\uFEFF/g, '')).toBe('');
          tally.empty++;
          return;
        }
        tally.drafts++;
        tally.indicators += result.plan.indicators?.length ?? 0;
        // The draft is data: it survives JSON, with no undefined hiding a missing field.
        expect(() => JSON.stringify(result)).not.toThrow();
      }),
      { numRuns: RUNS },
    );
    console.log(
      `[fuzz importer] ${tally.texts} texts: ${tally.drafts} drafts (${tally.indicators} indicators read), ${tally.empty} refused as empty`,
    );
    expect(tally.texts).toBe(RUNS);
    expect(tally.indicators).toBeGreaterThan(0);
  }, 600_000);
});
