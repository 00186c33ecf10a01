import { describe, expect, it } from 'vitest';
import { GrammarError, numericValue, parseValue, printValue } from './grammar.ts';

/** Every form the five seed plans use, with what it must read as. */
const FORMS: Array<[string, unknown]> = [
  ['0.27', { kind: 'number', num: { value: 0.27, text: '0.27' } }],
  ['5.0', { kind: 'number', num: { value: 5, text: '5.0' } }],
  ['13,000', { kind: 'number', num: { value: 13000, text: '13,000' } }],
  ['4%', { kind: 'number', num: { value: 4, text: '4' }, unit: '%' }],
  ['99％', { kind: 'number', num: { value: 99, text: '99' }, unit: '％' }],
  ['2200元/人', { kind: 'number', num: { value: 2200, text: '2200' }, unit: '元/人' }],
  [
    '≤4',
    {
      kind: 'bound',
      op: 'le',
      num: { value: 4, text: '4' },
      style: { position: 'prefix', symbol: '≤' },
    },
  ],
  [
    '≥2.6',
    {
      kind: 'bound',
      op: 'ge',
      num: { value: 2.6, text: '2.6' },
      style: { position: 'prefix', symbol: '≥' },
    },
  ],
  [
    '>45',
    {
      kind: 'bound',
      op: 'gt',
      num: { value: 45, text: '45' },
      style: { position: 'prefix', symbol: '>' },
    },
  ],
  [
    '＞9200',
    {
      kind: 'bound',
      op: 'gt',
      num: { value: 9200, text: '9200' },
      style: { position: 'prefix', symbol: '＞' },
    },
  ],
  [
    '＜6',
    {
      kind: 'bound',
      op: 'lt',
      num: { value: 6, text: '6' },
      style: { position: 'prefix', symbol: '＜' },
    },
  ],
  [
    '<4',
    {
      kind: 'bound',
      op: 'lt',
      num: { value: 4, text: '4' },
      style: { position: 'prefix', symbol: '<' },
    },
  ],
  [
    '>=90',
    {
      kind: 'bound',
      op: 'ge',
      num: { value: 90, text: '90' },
      style: { position: 'prefix', symbol: '>=' },
    },
  ],
  [
    '98以上',
    {
      kind: 'bound',
      op: 'ge',
      num: { value: 98, text: '98' },
      style: { position: 'suffix', word: '以上' },
    },
  ],
  [
    '95%以上',
    {
      kind: 'bound',
      op: 'ge',
      num: { value: 95, text: '95' },
      unit: '%',
      style: { position: 'suffix', word: '以上' },
    },
  ],
  [
    '3以下',
    {
      kind: 'bound',
      op: 'le',
      num: { value: 3, text: '3' },
      style: { position: 'suffix', word: '以下' },
    },
  ],
  [
    '不低于70',
    {
      kind: 'bound',
      op: 'ge',
      num: { value: 70, text: '70' },
      style: { position: 'words', word: '不低于' },
    },
  ],
  // 达55%: a floor in words, as bulletins and the national plan write it.
  [
    '达55%',
    {
      kind: 'bound',
      op: 'ge',
      num: { value: 55, text: '55' },
      unit: '%',
      style: { position: 'words', word: '达' },
    },
  ],
  [
    '达到11.3年',
    {
      kind: 'bound',
      op: 'ge',
      num: { value: 11.3, text: '11.3' },
      unit: '年',
      style: { position: 'words', word: '达到' },
    },
  ],
  [
    '大于90',
    {
      kind: 'bound',
      op: 'gt',
      num: { value: 90, text: '90' },
      style: { position: 'words', word: '大于' },
    },
  ],
  [
    '小于5',
    {
      kind: 'bound',
      op: 'lt',
      num: { value: 5, text: '5' },
      style: { position: 'words', word: '小于' },
    },
  ],
  // Full-width digits, as an IME types them: read as numbers, printed back as written.
  ['９５．５%', { kind: 'number', num: { value: 95.5, text: '９５．５' }, unit: '%' }],
  ['约30', { kind: 'approx', num: { value: 30, text: '30' } }],
  [
    '1000-3000',
    {
      kind: 'range',
      min: { value: 1000, text: '1000' },
      max: { value: 3000, text: '3000' },
      separator: '-',
    },
  ],
  [
    '1000-3000元/生年',
    {
      kind: 'range',
      min: { value: 1000, text: '1000' },
      max: { value: 3000, text: '3000' },
      separator: '-',
      unit: '元/生年',
    },
  ],
  [
    '【0.88】',
    {
      kind: 'cumulative',
      style: '【】',
      inner: { kind: 'number', num: { value: 0.88, text: '0.88' } },
    },
  ],
  [
    '[5.4]',
    {
      kind: 'cumulative',
      style: '[]',
      inner: { kind: 'number', num: { value: 5.4, text: '5.4' } },
    },
  ],
  [
    '1500（累计）',
    {
      kind: 'cumulative',
      style: '（累计）',
      inner: { kind: 'number', num: { value: 1500, text: '1500' } },
    },
  ],
  ['4*', { kind: 'growth', num: { value: 4, text: '4' } }],
  [
    '6.4+18+1.424（社保居保机保）',
    {
      kind: 'sum',
      parts: [
        { value: 6.4, text: '6.4' },
        { value: 18, text: '18' },
        { value: 1.424, text: '1.424' },
      ],
      total: 25.824,
      gloss: { text: '社保居保机保', fullWidth: true },
    },
  ],
  ['应保尽保', { kind: 'allCovered' }],
  ['保持稳定', { kind: 'hold' }],
  [
    '稳定在98以上',
    {
      kind: 'hold',
      word: '稳定在',
      level: {
        kind: 'bound',
        op: 'ge',
        num: { value: 98, text: '98' },
        style: { position: 'suffix', word: '以上' },
      },
    },
  ],
  [
    '保持在70%以上',
    {
      kind: 'hold',
      word: '保持在',
      level: {
        kind: 'bound',
        op: 'ge',
        num: { value: 70, text: '70' },
        unit: '%',
        style: { position: 'suffix', word: '以上' },
      },
    },
  ],
  [
    '4.2%以内',
    {
      kind: 'bound',
      op: 'le',
      num: { value: 4.2, text: '4.2' },
      unit: '%',
      style: { position: 'suffix', word: '以内' },
    },
  ],
  [
    '20/10万以下',
    {
      kind: 'bound',
      op: 'le',
      num: { value: 20, text: '20' },
      unit: '/10万',
      style: { position: 'suffix', word: '以下' },
    },
  ],
  ['', { kind: 'none', mark: '' }],
  ['-', { kind: 'none', mark: '-' }],
  ['——', { kind: 'none', mark: '——' }],
  ['/', { kind: 'none', mark: '/' }],
];

describe('the value grammar', () => {
  it.each(FORMS)('reads %j', (text, expected) => {
    expect(parseValue(text)).toEqual(expected);
  });

  it.each(FORMS.map(([text]) => [text]))('prints %j back as written', (text) => {
    expect(printValue(parseValue(text))).toBe(text);
  });

  it('ignores whitespace around a cell, and only there', () => {
    expect(printValue(parseValue('  2.5\t'))).toBe('2.5');
    expect(() => parseValue('1 5')).toThrow(GrammarError);
  });

  it('gives the single number a value stands for', () => {
    expect(numericValue(parseValue('3.9%'))).toBe(3.9);
    expect(numericValue(parseValue('6.6+18.8（社保居保）'))).toBe(25.4);
    expect(numericValue(parseValue('≥4'))).toBeNull();
  });

  // The Sichuan PDF lost its decimal points: "1 5" must never be read as 15 or 1.5 by guessing.
  it.each([
    ['1 5', 'unexpected_text'],
    ['abc', 'expected_number'],
    ['≥', 'expected_number'],
    ['【】', 'expected_number'],
    ['【1-2】', 'bad_cumulative'],
    ['稳定在98', 'bad_hold'],
    ['4*5*', 'bad_growth'],
    ['1e5', 'unexpected_text'],
    ['9'.repeat(400), 'too_long'],
    ['99999999999999999999', 'number_out_of_range'],
  ])('refuses %j with an error naming the text (%s)', (text, code) => {
    try {
      parseValue(text);
      expect.unreachable(`"${text}" was accepted`);
    } catch (e) {
      expect(e).toBeInstanceOf(GrammarError);
      const err = e as GrammarError;
      expect(err.code).toBe(code);
      expect(err.message).toContain(text.slice(0, 20));
      expect(err.messageZh).toMatch(/^无法识别/);
    }
  });
});
