import {
  BOUND_SYMBOLS,
  BOUND_WORDS,
  type BoundOp,
  type BoundStyle,
  type Gloss,
  type Level,
  NO_VALUE_MARKS,
  type Num,
  RANGE_SEPARATORS,
  type Value,
} from './value.ts';

/** Longer cells are prose, not values; refusing them keeps a pasted paragraph out of a number. */
export const MAX_CELL_LENGTH = 120;

export type GrammarErrorCode =
  | 'too_long'
  | 'expected_number'
  | 'unexpected_text'
  | 'number_out_of_range'
  | 'bad_cumulative'
  | 'bad_hold'
  | 'bad_growth';

const ZH_REASONS: Record<GrammarErrorCode, string> = {
  too_long: `内容过长（超过${MAX_CELL_LENGTH}个字符）`,
  expected_number: '此处应为数字',
  unexpected_text: '有无法识别的内容',
  number_out_of_range: '数字超出可表示范围',
  bad_cumulative: '累计值括号内应为一个数值',
  bad_hold: '“稳定在”“保持在”之后应为“N以上”或“N以下”',
  bad_growth: '年均增速（带*）应为一个数字',
};

/** The one error the grammar throws: it names the text, where it went wrong and why. */
export class GrammarError extends Error {
  override readonly name = 'GrammarError';
  readonly reasonZh: string;
  constructor(
    readonly text: string,
    readonly code: GrammarErrorCode,
    readonly reason: string,
    readonly at: number,
  ) {
    super(`cannot read "${clip(text)}" as a value: ${reason}`);
    this.reasonZh = ZH_REASONS[code];
  }
  /** The message for Chinese-language users (the console). */
  get messageZh(): string {
    return `无法识别“${clip(this.text)}”：${this.reasonZh}`;
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

// Full-width digits and point (９５．５) are read as digits: an IME writes them, and the text keeps
// them, so the cell still prints back as written.
const NUM_RE = /^-?(?:[0-9０-９]{1,3}(?:,[0-9０-９]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?/;
const halfWidth = (text: string): string =>
  text.replace(/[０-９．]/g, (c) =>
    c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
// Units are words and measure symbols (元/生年, 万人次, %, ‰, 平方米), never digits or brackets.
const UNIT_RE =
  /^(?:[%％‰²㎡A-Za-z\p{Script=Han}]|\/\d+[万千百\p{Script=Han}])[%％‰²㎡A-Za-z/·\p{Script=Han}]*/u;
const WORD_OPS: Record<(typeof BOUND_WORDS)[number], BoundOp> = {
  不低于: 'ge',
  不少于: 'ge',
  不高于: 'le',
  不超过: 'le',
  达到: 'ge',
  达: 'ge',
  大于: 'gt',
  小于: 'lt',
};
const SYMBOL_OPS: Record<(typeof BOUND_SYMBOLS)[number], BoundOp> = {
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
};

// Two-character symbols first, so ">=" is not read as ">" followed by "=".
const SYMBOLS_LONGEST_FIRST = [...BOUND_SYMBOLS].sort((a, b) => b.length - a.length);

/** A cursor over one cell's text. */
class Reader {
  pos = 0;
  constructor(readonly text: string) {}
  get rest(): string {
    return this.text.slice(this.pos);
  }
  get done(): boolean {
    return this.pos >= this.text.length;
  }
  fail(code: GrammarErrorCode, reason: string): never {
    throw new GrammarError(this.text, code, reason, this.pos);
  }
  eat(token: string): boolean {
    if (this.rest.startsWith(token)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }
  num(): Num {
    const m = NUM_RE.exec(this.rest);
    if (!m) {
      const found = this.done ? 'the end of the text' : `"${this.rest.slice(0, 10)}"`;
      this.fail('expected_number', `expected a number at position ${this.pos + 1}, found ${found}`);
    }
    const text = m[0];
    const value = Number(halfWidth(text).replace(/,/g, ''));
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      this.fail('number_out_of_range', `the number ${clip(text)} is too large`);
    }
    this.pos += text.length;
    // -0 would not print back as written; keep the sign in the text only.
    return { value: value === 0 ? 0 : value, text };
  }
  unit(): string | undefined {
    const m = UNIT_RE.exec(this.rest);
    if (!m) return undefined;
    let unit = m[0];
    // 98以上, 98%以上, 4.2%以内: the bound word belongs to the bound, not the unit.
    for (const word of ['以上', '以下', '以内']) {
      const i = unit.indexOf(word);
      if (i >= 0) unit = unit.slice(0, i);
    }
    if (!unit) return undefined;
    this.pos += unit.length;
    return unit;
  }
  gloss(): Gloss | undefined {
    for (const [open, close, fullWidth] of [
      ['（', '）', true],
      ['(', ')', false],
    ] as const) {
      if (this.rest.startsWith(open) && this.rest.endsWith(close)) {
        const text = this.rest.slice(open.length, this.rest.length - close.length);
        if (!/[()（）]/.test(text)) {
          this.pos = this.text.length;
          return { text, fullWidth };
        }
      }
    }
    return undefined;
  }
  end(): void {
    if (!this.done) {
      this.fail(
        'unexpected_text',
        `unexpected "${clip(this.rest)}" after "${clip(this.text.slice(0, this.pos))}"`,
      );
    }
  }
}

function parseLevel(r: Reader): Level {
  if (r.eat('约')) {
    const num = r.num();
    return withUnit({ kind: 'approx', num }, r.unit());
  }
  // 达到 before 达: BOUND_WORDS lists the longer word first.
  for (const word of BOUND_WORDS) {
    if (r.eat(word)) {
      const num = r.num();
      const style: BoundStyle = { position: 'words', word };
      const op = WORD_OPS[word];
      return withUnit({ kind: 'bound', op, num, style }, r.unit());
    }
  }
  for (const symbol of SYMBOLS_LONGEST_FIRST) {
    if (r.eat(symbol)) {
      const num = r.num();
      return withUnit(
        { kind: 'bound', op: SYMBOL_OPS[symbol], num, style: { position: 'prefix', symbol } },
        r.unit(),
      );
    }
  }
  const first = r.num();
  if (r.rest.startsWith('+')) {
    const parts = [first];
    while (r.eat('+')) parts.push(r.num());
    const decimals = Math.max(...parts.map((p) => halfWidth(p.text).split('.')[1]?.length ?? 0));
    const total = Number(parts.reduce((s, p) => s + p.value, 0).toFixed(decimals));
    const unit = r.unit();
    const gloss = r.gloss();
    return { kind: 'sum', parts, total, ...(unit ? { unit } : {}), ...(gloss ? { gloss } : {}) };
  }
  for (const separator of RANGE_SEPARATORS) {
    if (r.rest.startsWith(separator) && NUM_RE.test(r.rest.slice(separator.length))) {
      r.eat(separator);
      const max = r.num();
      return withUnit({ kind: 'range', min: first, max, separator }, r.unit());
    }
  }
  const unit = r.unit();
  for (const word of ['以上', '以下', '以内'] as const) {
    if (r.eat(word)) {
      return withUnit(
        {
          kind: 'bound',
          op: word === '以上' ? 'ge' : 'le',
          num: first,
          style: { position: 'suffix', word },
        },
        unit,
      );
    }
  }
  const gloss = r.gloss();
  return { kind: 'number', num: first, ...(unit ? { unit } : {}), ...(gloss ? { gloss } : {}) };
}

function withUnit<T extends object>(value: T, unit: string | undefined): T & { unit?: string } {
  return unit ? { ...value, unit } : value;
}

const CUMULATIVE_WRAPS = [
  ['【', '】', '【】'],
  ['[', ']', '[]'],
] as const;
const CUMULATIVE_GLOSSES = ['（累计）', '(累计)'] as const;

/**
 * Reads one cell of a plan's table (a baseline, a target or an observed value) into a structured
 * value. Whitespace around the cell is not part of it. Throws {@link GrammarError}, and nothing
 * else, for text it cannot read.
 */
export function parseValue(input: string): Value {
  if (typeof input !== 'string') {
    throw new GrammarError(String(input), 'unexpected_text', 'a value must be text', 0);
  }
  const text = input.trim();
  if (text.length > MAX_CELL_LENGTH) {
    throw new GrammarError(text, 'too_long', `longer than ${MAX_CELL_LENGTH} characters`, 0);
  }
  const mark = NO_VALUE_MARKS.find((m) => m === text);
  if (mark !== undefined) return { kind: 'none', mark };
  if (text === '应保尽保') return { kind: 'allCovered' };
  if (text === '保持稳定') return { kind: 'hold' };
  for (const word of ['稳定在', '保持在'] as const) {
    if (!text.startsWith(word)) continue;
    const r = new Reader(text);
    r.eat(word);
    const level = parseLevel(r);
    r.end();
    if (level.kind === 'bound' && level.style.position === 'suffix')
      return { kind: 'hold', level, word };
    r.fail('bad_hold', `after ${word} a level such as 98以上 is expected`);
  }
  for (const [open, close, style] of CUMULATIVE_WRAPS) {
    if (text.startsWith(open) && text.endsWith(close) && text.length > 2) {
      return { kind: 'cumulative', inner: cumulativeInner(text, open.length, close.length), style };
    }
  }
  for (const style of CUMULATIVE_GLOSSES) {
    if (text.endsWith(style) && text.length > style.length) {
      return { kind: 'cumulative', inner: cumulativeInner(text, 0, style.length), style };
    }
  }
  if (text.endsWith('*')) {
    const r = new Reader(text.slice(0, -1));
    const num = r.num();
    const unit = r.unit();
    if (!r.done) {
      throw new GrammarError(text, 'bad_growth', 'a growth rate x* must be one number', r.pos);
    }
    return { kind: 'growth', num, ...(unit ? { unit } : {}) };
  }
  const r = new Reader(text);
  const level = parseLevel(r);
  r.end();
  return level;
}

function cumulativeInner(text: string, head: number, tail: number) {
  const inner = text.slice(head, text.length - tail);
  const r = new Reader(inner);
  let level: Level;
  try {
    level = parseLevel(r);
    r.end();
  } catch (e) {
    if (e instanceof GrammarError) {
      throw new GrammarError(text, e.code, e.reason, e.at + head);
    }
    throw e;
  }
  if (level.kind === 'number' || level.kind === 'bound' || level.kind === 'approx') return level;
  throw new GrammarError(
    text,
    'bad_cumulative',
    'a cumulative total must be a single number',
    head,
  );
}

/** Like {@link parseValue}, returning the error instead of throwing it. */
export function safeParseValue(
  input: string,
): { ok: true; value: Value } | { ok: false; error: GrammarError } {
  try {
    return { ok: true, value: parseValue(input) };
  } catch (error) {
    if (error instanceof GrammarError) return { ok: false, error };
    throw error;
  }
}

function printGloss(g: Gloss | undefined): string {
  if (!g) return '';
  return g.fullWidth ? `（${g.text}）` : `(${g.text})`;
}

function printLevel(v: Level): string {
  const unit = v.unit ?? '';
  switch (v.kind) {
    case 'number':
      return v.num.text + unit + printGloss(v.gloss);
    case 'sum':
      return v.parts.map((p) => p.text).join('+') + unit + printGloss(v.gloss);
    case 'approx':
      return `约${v.num.text}${unit}`;
    case 'range':
      return v.min.text + v.separator + v.max.text + unit;
    case 'bound':
      switch (v.style.position) {
        case 'prefix':
          return v.style.symbol + v.num.text + unit;
        case 'suffix':
          return v.num.text + unit + v.style.word;
        case 'words':
          return v.style.word + v.num.text + unit;
      }
  }
}

/** Prints a value exactly as the plan wrote it: `printValue(parseValue(s)) === s.trim()`. */
export function printValue(v: Value): string {
  switch (v.kind) {
    case 'none':
      return v.mark;
    case 'allCovered':
      return '应保尽保';
    case 'hold':
      return v.level ? `${v.word ?? '稳定在'}${printLevel(v.level)}` : '保持稳定';
    case 'growth':
      return `${v.num.text}${v.unit ?? ''}*`;
    case 'cumulative': {
      const inner = printLevel(v.inner);
      if (v.style === '【】') return `【${inner}】`;
      if (v.style === '[]') return `[${inner}]`;
      return inner + v.style;
    }
    default:
      return printLevel(v);
  }
}

/** The single number a value stands for, where it has one (a level, a sum, an approximation). */
export function numericValue(v: Value): number | null {
  switch (v.kind) {
    case 'number':
    case 'approx':
      return v.num.value;
    case 'sum':
      return v.total;
    default:
      return null;
  }
}

/** True where the unit written in the cell (or the indicator's unit) is a percentage. */
export function isPercentUnit(unit: string | null | undefined): boolean {
  return unit === '%' || unit === '％';
}
