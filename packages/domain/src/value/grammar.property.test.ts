import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GrammarError, parseValue, printValue } from './grammar.ts';
import { BOUND_SYMBOLS, type Level, type Num, RANGE_SEPARATORS, type Value } from './value.ts';

const numArb: fc.Arbitrary<Num> = fc
  .tuple(
    fc.boolean(),
    fc.nat({ max: 9_999_999 }),
    fc.option(fc.stringMatching(/^\d{1,3}$/), { nil: undefined }),
  )
  .map(([neg, int, frac]) => {
    const text = `${neg && int > 0 ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
    return { value: Number(text), text };
  });
const unitArb = fc.option(
  fc.constantFrom('%', '％', '‰', '万人', '元/生年', '平方米', '个', '张'),
  {
    nil: undefined,
  },
);
const glossArb = fc.option(
  fc.record({ text: fc.constantFrom('社保居保', '含大病保险', 'note'), fullWidth: fc.boolean() }),
  { nil: undefined },
);
const withOpt = <T extends object>(v: T, extra: Record<string, unknown>) => {
  const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  for (const [k, x] of Object.entries(extra)) if (x !== undefined) out[k] = x;
  return out as T;
};

const numberArb = fc
  .tuple(numArb, unitArb, glossArb)
  .map(([num, unit, gloss]) => withOpt({ kind: 'number' as const, num }, { unit, gloss }));
const boundArb = fc.oneof(
  fc.tuple(fc.constantFrom(...BOUND_SYMBOLS), numArb, unitArb).map(([symbol, num, unit]) =>
    withOpt(
      {
        kind: 'bound' as const,
        op: (
          {
            '≥': 'ge',
            '>=': 'ge',
            '≧': 'ge',
            '≤': 'le',
            '<=': 'le',
            '≦': 'le',
            '>': 'gt',
            '＞': 'gt',
            '<': 'lt',
            '＜': 'lt',
          } as const
        )[symbol],
        num,
        style: { position: 'prefix' as const, symbol },
      },
      { unit },
    ),
  ),
  fc
    .tuple(
      fc.constantFrom('以上', '以下', '以内') as fc.Arbitrary<'以上' | '以下' | '以内'>,
      numArb,
      unitArb,
    )
    .map(([word, num, unit]) =>
      withOpt(
        {
          kind: 'bound' as const,
          op: word === '以上' ? ('ge' as const) : ('le' as const),
          num,
          style: { position: 'suffix' as const, word },
        },
        { unit },
      ),
    ),
);
const approxArb = fc
  .tuple(numArb, unitArb)
  .map(([num, unit]) => withOpt({ kind: 'approx' as const, num }, { unit }));
const positive = numArb.filter((n) => !n.text.startsWith('-'));
const rangeArb = fc
  .tuple(positive, fc.constantFrom(...RANGE_SEPARATORS), positive, unitArb)
  .map(([min, separator, max, unit]) =>
    withOpt({ kind: 'range' as const, min, max, separator }, { unit }),
  );
const sumArb = fc
  .tuple(fc.array(positive, { minLength: 2, maxLength: 4 }), unitArb, glossArb)
  .map(([parts, unit, gloss]) => {
    const decimals = Math.max(...parts.map((p) => p.text.split('.')[1]?.length ?? 0));
    const total = Number(parts.reduce((s, p) => s + p.value, 0).toFixed(decimals));
    return withOpt({ kind: 'sum' as const, parts, total }, { unit, gloss });
  });
const levelArb: fc.Arbitrary<Level> = fc.oneof(numberArb, boundArb, approxArb, rangeArb, sumArb);

const valueArb: fc.Arbitrary<Value> = fc.oneof(
  levelArb,
  fc.constantFrom<Value>(
    { kind: 'allCovered' },
    { kind: 'hold' },
    { kind: 'none', mark: '' },
    { kind: 'none', mark: '——' },
    { kind: 'none', mark: '-' },
    { kind: 'none', mark: '/' },
  ),
  fc
    .tuple(
      fc.oneof(
        numberArb.map((n) => ({ ...n, gloss: undefined })).map(({ gloss: _g, ...n }) => n),
        boundArb,
        approxArb,
      ),
      fc.constantFrom('【】', '[]', '（累计）', '(累计)') as fc.Arbitrary<
        '【】' | '[]' | '（累计）' | '(累计)'
      >,
    )
    .map(([inner, style]) => ({ kind: 'cumulative' as const, inner, style })),
  fc
    .tuple(numArb, unitArb)
    .map(([num, unit]) => withOpt({ kind: 'growth' as const, num }, { unit })),
  boundArb
    .filter((b) => b.style.position === 'suffix')
    .chain((level) =>
      fc
        .constantFrom('稳定在' as const, '保持在' as const)
        .map((word) => ({ kind: 'hold' as const, level, word })),
    ),
);

// Thousands of generated inputs: seconds on a loaded 2-core machine, past vitest's 5 s default.
describe('the value grammar, by property', { timeout: 120_000 }, () => {
  it('reads back every value it prints (parse ∘ print is the identity)', () => {
    fc.assert(
      fc.property(valueArb, (v) => {
        expect(parseValue(printValue(v))).toEqual(v);
      }),
      { numRuns: 5000 },
    );
  });

  it('prints back every text it accepts, exactly', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789.,-+*%％≥≤><＞＜【】[]（）()约以上下稳定在保持应尽元人万个/ —'.split(''),
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 14 }).map((cs) => cs.join('')),
        (text) => {
          let v: Value;
          try {
            v = parseValue(text);
          } catch (e) {
            expect(e).toBeInstanceOf(GrammarError);
            return;
          }
          expect(printValue(v)).toBe(text.trim());
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('throws nothing but its own error on any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 60 }),
          fc.string({ unit: 'binary', maxLength: 60 }),
        ),
        (text) => {
          try {
            const v = parseValue(text);
            expect(printValue(v)).toBe(text.trim());
          } catch (e) {
            expect(e).toBeInstanceOf(GrammarError);
          }
        },
      ),
      { numRuns: 10000 },
    );
  });
});
