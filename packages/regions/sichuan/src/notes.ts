import type { DocumentNote } from '@minsheng/domain';
import { decimalNotes } from './indicators.ts';
import { projects } from './projects.ts';
import { onlyBen, restorations } from './restore.ts';
import { services } from './services.ts';

// The data modules fill `restorations` as they are evaluated; touching their exports makes the
// dependency explicit rather than an accident of import order.
void services.length;
void projects.length;

function countBen(s: string): number {
  return [...s].filter((c) => c === '本').length;
}

// In the order of the document, whatever order the modules filled the list in.
const byLine = [...restorations.list].sort((a, b) => (a.where.line ?? 0) - (b.where.line ?? 0));
const benFixes = byLine.filter((r) => countBen(r.restored) > countBen(r.original));
const otherFixes = byLine.filter((r) => !onlyBen(r.original, r.restored));

/** 本 is dropped all through the extracted text (基公共服务); noted once, listing every place. */
const benNote: DocumentNote = {
  kind: 'restoration',
  where: { section: benFixes[0]?.where.section ?? '表2', line: benFixes[0]?.where.line ?? 342 },
  text:
    'The extraction drops the character 本 (基公共服务 for 基本公共服务), restored in: ' +
    benFixes
      .map(
        (r) =>
          `${r.where.section}${r.where.item ? ` item ${r.where.item}` : ''} line ${r.where.line} ${r.restored}`,
      )
      .join('; '),
  original: benFixes.map((r) => r.original).join('；'),
};

/** Other lost characters, one note per place: each is a different word. */
const otherNotes: DocumentNote[] = otherFixes.map((r) => ({
  kind: 'restoration',
  where: r.where,
  text: `Restored what the extraction lost (${r.what}): ${r.restored}`,
  original: r.original,
}));

const remarks: DocumentNote[] = [
  {
    kind: 'truncation',
    where: { section: '表1', line: 298 },
    text: '表1 stops after 老有所养 (its last row, 养老服务床位总量, ends at line 298; 第三章 follows). The text has no rows for 住有所居, 弱有所扶, 优军服务保障 or 文体服务保障, although 表2 and 第四章 cover those fields. The 15 rows that are there are kept.',
  },
  {
    kind: 'remark',
    where: { section: '表1', item: 13, line: 280 },
    text: '新建城区居住(小)区配套建设养老服务设施达标率: the 2025 target cell is empty in the text; kept empty.',
  },
  {
    kind: 'remark',
    where: { section: '表2', line: 340 },
    text: '幼有所育 服务内容与目标 reads 优生优生殖健康服务: something is lost (优生优育和生殖…?) but not obviously what; kept as written.',
  },
  {
    kind: 'remark',
    where: { section: '专栏3', line: 615 },
    text: 'The extraction lost the measure word after several numbers in the 专栏: 专栏3 items 1–2 (工作室100 公共实训基地15, 产业园10…), 专栏4 item 3 (床位数达到5 3), 专栏5 item 4 (公墓200), 专栏9 items 1, 4 and 6 (各100, 创作30以上, 场地设施2200). Kept as written; their quantities are read by hand with an empty unit.',
  },
  {
    kind: 'remark',
    where: { section: '专栏9', item: 5, line: 859 },
    text: '文旅品牌建设工程 reads 造绵竹熊猫谷和玫瑰谷: a character before 造 is lost (打造?); kept as written.',
  },
  {
    kind: 'remark',
    where: { section: '专栏2', item: 4, line: 596 },
    text: '产教融合发展工程 ends with ”。 that has no opening quote; 专栏7 item 3 (line 777) has the same stray ”. Kept as written.',
  },
  {
    kind: 'remark',
    where: { section: '表2', line: 322 },
    text: 'The PDF extraction inserts spaces everywhere (每千人口 3 岁以下…( 个)) and drops the 、 between list members (职业介绍职业指导…). Spaces are removed, except one kept in 专栏 texts where it stands for a lost separator between clauses; lost 、 are not restored.',
  },
];

export const notes: DocumentNote[] = [...decimalNotes, benNote, ...otherNotes, ...remarks];
