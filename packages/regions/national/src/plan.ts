import type { PlanInput } from '@minsheng/domain';
import { indicators, SOURCES } from './indicators.ts';
import { region } from './region.ts';

/**
 * 《“十四五”公共服务规划》, entered from two published releases recorded in source/SOURCES.md: the
 * 新华社 release (targets, issuer, publication day) and the 人民日报 report (22 indicators, 7
 * binding, 15 expected). What neither gives is left empty and said in the notes. Line numbers
 * below are lines of source/SOURCES.md.
 */
export const plan: PlanInput = {
  id: 'national-14th',
  regionCode: region.code,
  title: '“十四五”公共服务规划',
  kind: 'five_year',
  // 十四五: 2021–2025; the release gives every target "到2025年".
  period: { start: 2021, end: 2025 },
  // SOURCES.md line 29 (新华社): issued by 国家发展改革委 and 20 other departments.
  issuer: '国家发展改革委等21个部门',
  documentNumber: null,
  // SOURCES.md line 30 (新华社): published on 2022-01-10, the day the text was made public.
  issueDate: '2022-01-10',
  basis: [],
  // No URL: the releases are cited by publisher, date, reporter and page in the file.
  source: { file: SOURCES, url: null },
  indicatorTable: { title: '“十四五”社会发展与公共服务主要指标', footnote: null },
  indicators,
  declaredServiceCount: null,
  serviceFields: [],
  services: [],
  projects: [],
  notes: [
    {
      kind: 'remark',
      where: { section: '新华社2022-01-10', line: 31 },
      text: '指标表本身（含2020年值与逐项属性）未在已存来源中找到；22项的2025年目标取自新华社通稿，2020年值与属性留空。',
    },
    {
      kind: 'remark',
      where: { section: '人民日报2022-01-11', line: 32 },
      text: `人民日报（2022-01-11第03版，记者陆娅楠）报道：22项指标，其中约束性指标7项，预期性指标15项（${SOURCES} 第32—35行）；未逐项说明哪些为约束性。`,
    },
    {
      kind: 'remark',
      where: { section: '新华社2022-01-10', line: 30 },
      text: '印发文号与印发日期未见于已存来源；issueDate 为新华社所述发布日（10日发布，2022-01-10）。',
    },
    {
      kind: 'truncation',
      where: { section: '新华社2022-01-10' },
      text: '来源只给出主要指标；规划全文的基本公共服务项目与专栏未收录，services 与 projects 为空。',
    },
  ],
};
