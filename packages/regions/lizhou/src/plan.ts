import type { DocumentNote, PlanInput } from '@minsheng/domain';
import { indicators } from './indicators.ts';
import { projects } from './projects.ts';
import { serviceFields, services } from './services.ts';

export const SEED_FILE = '003_c5d318e940598444.txt';

/**
 * What a reader of the data must know about the document itself. Nothing in the tables, the
 * list or the 专栏 was changed: the declared counts all match the list, so the notes are the
 * places where the plan disagrees with itself or looks wrong.
 */
export const notes: DocumentNote[] = [
  {
    kind: 'remark',
    where: { section: '表2', item: 50, line: 546 },
    text: '生育保险 is listed under both 幼有所育 (item 4) and 病有所医 (item 50) of 表2; the declared 91 项 counts it twice. Both entries are kept.',
  },
  {
    kind: 'remark',
    where: { section: '表2', item: 62, line: 564 },
    text: '医疗救助 is listed under both 病有所医 (item 51) and 弱有所扶 (item 62) of 表2; the declared 91 项 counts it twice. Both entries are kept, so the list names 89 distinct services.',
  },
  {
    kind: 'remark',
    where: { section: '表1', item: 6, line: 216 },
    text: '劳动年龄人口平均受教育年限 has target 13.8 (years) against a 2020 baseline of 10.21, a rise of more than 3.5 years in five years and far above the national 十四五 target of 11.3; it may be a misprint, but it is kept as written.',
  },
  {
    kind: 'contradiction',
    where: { section: '专栏2', item: 2, line: 676 },
    text: '第四章第二节 (line 660) says 新改扩建…25所学校 for compulsory education, while 专栏2 义务教育 says 新改扩建28所小学和14所中学，迁建1所. Both are kept as written.',
  },
  {
    kind: 'remark',
    where: { section: '专栏4', item: 1, line: 725 },
    text: '专栏4 老有所养工程 opens with a 全民健身 item (sports parks, 社会足球场, water-sports bases) whose projects recur in 专栏8 全民健身工程. It is kept in 专栏4 with the box’s field, as the plan places it.',
  },
];

export const plan: PlanInput = {
  id: 'lizhou-14th',
  regionCode: '510802',
  title: '广元市利州区“十四五”公共服务和就业促进规划',
  kind: 'five_year',
  period: { start: 2021, end: 2025 },
  issuer: '广元市利州区人民政府',
  documentNumber: '广利府发〔2022〕12号',
  issueDate: '2022-09-27',
  basis: [
    '广元市“十四五”公共服务和就业促进规划',
    '广元市利州区国民经济和社会发展第十四个五年规划和二○三五年远景目标纲要',
  ],
  source: { file: SEED_FILE, url: null },
  indicatorTable: {
    title: '表1\u2003广元市利州区“十四五”公共服务重点领域主要发展指标',
    footnote: '注：[]内为5年累计数，带*数据为年均增速',
  },
  indicators,
  // 第三章第二节: 向全民提供91项基本公共服务.
  declaredServiceCount: 91,
  serviceFields,
  services,
  projects,
  notes,
};
