import type { PlanInput } from '@minsheng/domain';
import { indicators, XINHUA } from './indicators.ts';
import { region } from './region.ts';

/**
 * 《“十四五”公共服务规划》, entered from the published releases stored in source/: the 新华社
 * release (targets, issuer, publication day) and the 人民日报 report (22 indicators, 7 binding,
 * 15 expected). What neither gives is left empty and said in the notes.
 */
export const plan: PlanInput = {
  id: 'national-14th',
  regionCode: region.code,
  title: '“十四五”公共服务规划',
  kind: 'five_year',
  // 十四五: 2021–2025; the release gives every target "到2025年".
  period: { start: 2021, end: 2025 },
  // 新华社 line 8: 这份由国家发展改革委等21个部门印发的规划.
  issuer: '国家发展改革委等21个部门',
  documentNumber: null,
  // 新华社 line 7: 10日发布 (2022-01-10), the day the text was made public.
  issueDate: '2022-01-10',
  basis: [],
  source: {
    file: XINHUA,
    url: 'https://m.folksfolks.com/news/2022-01/11/content_30934850.htm',
  },
  indicatorTable: { title: '“十四五”社会发展与公共服务主要指标', footnote: null },
  indicators,
  declaredServiceCount: null,
  serviceFields: [],
  services: [],
  projects: [],
  notes: [
    {
      kind: 'remark',
      where: { section: '新华社2022-01-10', line: 8 },
      text: '指标表本身（含2020年值与逐项属性）未在已存来源中找到；22项的2025年目标取自新华社通稿，2020年值与属性留空。',
    },
    {
      kind: 'remark',
      where: { section: '人民日报2022-01-11', line: 7 },
      text: '人民日报报道：《规划》设计了22项指标，其中约束性指标7项，预期性指标15项（source/people-daily-2022-01-11.txt 第7行）；未逐项说明哪些为约束性。',
    },
    {
      kind: 'remark',
      where: { section: '新华社2022-01-10', line: 7 },
      text: '印发文号与印发日期未见于已存来源；issueDate 为新华社所述发布日（10日发布，2022-01-10）。',
    },
    {
      kind: 'truncation',
      where: { section: '新华社2022-01-10' },
      text: '已存来源只有通稿的指标段落；规划全文的基本公共服务项目与专栏未收录，services 与 projects 为空。',
    },
  ],
};
