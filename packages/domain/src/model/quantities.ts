import { z } from 'zod';

/** A number a project's text commits to: 新增托位1250个 → metric 新增托位, 1250, 个. */
export const QuantityMentionSchema = z.object({
  /** The words the number belongs to, as the text has them. */
  metric: z.string(),
  value: z.number().finite(),
  /** The upper end where the text gives a range (新增3-5个): value is then the lower end. */
  max: z.number().finite().optional(),
  unit: z.string(),
  /** The exact stretch of text the quantity was read from. */
  text: z.string().min(1),
});
export type QuantityMention = z.infer<typeof QuantityMentionSchema>;

// Measure words and units that follow a count in plan prose, longest first so 万人次 wins over 万.
const UNITS = [
  '万平方米',
  '平方米',
  '万人次',
  '万户',
  '万张',
  '万人',
  '万套',
  '万元',
  '亿元',
  '万名',
  '万个',
  '公里',
  '千米',
  '人次',
  '个',
  '所',
  '家',
  '张',
  '户',
  '套',
  '名',
  '人',
  '处',
  '座',
  '条',
  '项',
  '间',
  '支',
  '台',
  '辆',
  '场',
  '次',
  '期',
  '类',
  '轮',
  '万',
  '%',
  '％',
  '‰',
  '元',
  '亩',
  '平米',
  '床',
  '村',
  '镇',
  '县',
  '篇',
  '部',
  '件',
  '批',
  '队',
  '片',
  '栋',
].sort((a, b) => b.length - a.length);

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const UNIT_ALT = UNITS.join('|');
const QUANTITY_RE = new RegExp(
  String.raw`(${NUMBER})(?:\s*[-—~～至]\s*(${NUMBER}))?\s*((?:${UNIT_ALT})(?:/[\p{Script=Han}]{1,3})*)`,
  'gu',
);
const CLAUSE_BREAK = /[，,。；;：:、（）()“”《》\s]/u;
const HAN_RUN_END = /[\p{Script=Han}A-Za-z]+$/u;
const HAN_RUN_START = /^[\p{Script=Han}A-Za-z]+/u;

/**
 * Finds the counts a project or task commits to in its text. The metric is the words just before
 * the number (新增托位1250个) or, when there are none, the words after its unit (建设308个贫困村
 * 文化室). Years (2025年) are not quantities: 年 is not a unit here.
 */
export function extractQuantities(text: string): QuantityMention[] {
  const out: QuantityMention[] = [];
  for (const m of text.matchAll(QUANTITY_RE)) {
    const [whole, numText, maxText, unit] = m as unknown as [
      string,
      string,
      string | undefined,
      string,
    ];
    const start = m.index ?? 0;
    const end = start + whole.length;
    // A number glued to an earlier digit run or decimal point is part of another token.
    const prevChar = text[start - 1] ?? '';
    if (/[\d.]/.test(prevChar)) continue;
    const before = clauseBefore(text, start);
    const after = clauseAfter(text, end);
    let beforeWords = HAN_RUN_END.exec(before)?.[0] ?? '';
    // "5年累计培训…": the words right after another number start with that number's unit.
    if (/\d/.test(text[start - beforeWords.length - 1] ?? '')) beforeWords = beforeWords.slice(1);
    const afterWords = HAN_RUN_START.exec(after)?.[0] ?? '';
    const own = trimVerbs(beforeWords);
    const metric = own || afterWords.slice(0, 16);
    const from = start - beforeWords.length;
    const to = end + (own ? 0 : Math.min(afterWords.length, 16));
    out.push({
      metric,
      value: Number(numText),
      ...(maxText ? { max: Number(maxText) } : {}),
      unit,
      text: text.slice(from, to),
    });
  }
  return out;
}

function clauseBefore(text: string, index: number): string {
  let i = index;
  while (i > 0 && !CLAUSE_BREAK.test(text[i - 1] ?? '')) i--;
  return text.slice(i, index);
}

function clauseAfter(text: string, index: number): string {
  let i = index;
  while (i < text.length && !CLAUSE_BREAK.test(text[i] ?? '')) i++;
  return text.slice(index, i);
}

// Verbs and hedges alone are not a metric: 建设308个… reads better as the thing built, and
// 力争完成800户 says nothing of what the 800 are.
const VERBS = [
  '建设改造',
  '新建改扩建',
  '全面完成',
  '力争完成',
  '原则上',
  '改扩建',
  '建设',
  '新建',
  '改建',
  '扩建',
  '新增',
  '完成',
  '实施',
  '支持',
  '打造',
  '培育',
  '创建',
  '建成',
  '建有',
  '改造',
  '提供',
  '开展',

  '达到',
  '累计',
  '全年',
  '超过',
  '不少于',
  '不低于',
  '至少',
  '力争',
  '实现',
  '吸引',
  '扶持',
  '减免',
  '为',
  '对',
  '达',
  '共',
  '约',
  '各',
  '每',
  '等',
].sort((a, b) => b.length - a.length);

/** The words before a count, less the verbs and hedges at their end; '' when nothing is left. */
function trimVerbs(words: string): string {
  let w = words;
  let changed = true;
  while (changed && w) {
    changed = false;
    for (const verb of VERBS) {
      if (w.endsWith(verb)) {
        w = w.slice(0, -verb.length);
        changed = true;
        break;
      }
    }
  }
  return w;
}
