import type { DocumentNote } from '@minsheng/domain';

export const EDUCATION_TABLE = '旺苍县“十四五”公共教育服务基本标准';
export const EMPLOYMENT_TABLE = '旺苍县“十四五”劳动就业基本服务标准';
export const SOCIAL_INSURANCE_TABLE = '旺苍县“十四五”社会保险服务基本标准';
export const HEALTH_TABLE = '旺苍县“十四五”基本医疗卫生计生服务基本标准';
export const SOCIAL_SERVICE_TABLE = '旺苍县“十四五”基本社会服务基本标准';
export const CULTURE_TABLE = '旺苍县“十四五”文化体育服务基本标准';
export const VETERANS_TABLE = '旺苍县“十四五”退役军人服务基本标准';

/**
 * What a reader of this plan must know about the document itself. The 同上 resolutions are made
 * with the services (services.ts); these are the rest. Line numbers are the seed file's.
 */
export const documentNotes: DocumentNote[] = [
  {
    kind: 'remark',
    where: { section: '前言', line: 1 },
    text: 'The text begins at 前言: it prints no title, issuer, document number or date. The title is the plan as it names itself (本规划是旺苍县“十四五”期间…, line 5; 旺苍县“十四五”公共服务规划); the issuer is taken as 旺苍县人民政府, the county government the plan reports to (及时向县政府报告进展情况, line 1218).',
  },
  {
    kind: 'contradiction',
    where: { section: '表1', item: 2, line: 78 },
    text: '九年义务教育巩固率: the indicator table sets 99.8 for 2025 (lines 78–80; 第四章 repeats 到2025年，九年义务教育巩固率达到99.8%, line 228), while the education standards table gives 九年义务教育巩固率达到99.5% as the coverage of 义务教育阶段生均公用免费 (line 292). Both are kept as written.',
  },
  {
    kind: 'contradiction',
    where: { section: '表1', item: 3, line: 83 },
    text: '高中阶段教育毛入学率: the indicator table sets 95 for 2025 (87 in 2020, lines 83–85), while the education standards table gives 高中阶段教育毛入学率达到87% as the coverage of 中等职业教育免费 (line 318). Both are kept as written.',
  },
  {
    kind: 'contradiction',
    where: { section: '表1', item: 7, line: 103 },
    text: '城乡居民养老保险参保人数: the indicator table sets 6.6+18.8（社保居保）万人 for 2025 (line 105), 18.8万 for 居保, while the social insurance standards table gives 参保人数18万人 for 城乡居民社会养老保险 (lines 505–507; its 6.6万人 for 职工基本养老保险 agrees). Both are kept as written.',
  },
  {
    kind: 'contradiction',
    where: { section: '第七章 医疗和卫生健康服务', line: 577 },
    text: '老年人健康管理率: 第七章 sets 65岁老年人健康管理率达80%以上 (line 577), while the health standards table gives 老年居民健康管理率达到69% for 老年人保健 (line 635). Both are kept as written.',
  },
  {
    kind: 'contradiction',
    where: { section: '表1', item: 16, line: 148 },
    text: '保障性住房覆盖率: the indicator table sets 城镇保障性住房覆盖率（%） at 45% in 2020 and 60% in 2025 (lines 148–150), while 第九章 aims at 人口保障性住房（含棚户区改造安置住房）覆盖率达23%以上 (line 810), below the table’s 2020 value if both measure the same coverage. Both are kept as written.',
  },
  {
    kind: 'remark',
    where: { section: '专栏1', line: 266 },
    text: 'The 普通高中 list of 专栏1 ends with 、 and no 。 (…旺苍中学公共停车场暨体育馆改建设项目、): a stray mark or a list cut short. The two projects it names are kept.',
  },
  {
    kind: 'restoration',
    where: { section: '表1', item: 15, line: 143 },
    text: 'The name carries a private-use character (U+F020, a symbol-font space left by the extraction) before its unit bracket; the name is kept without it: 开展免费孕前优生健康检查的覆盖率(%）.',
    original: '开展免费孕前优生健康检查的覆盖率\uF020(%）',
  },
  {
    kind: 'restoration',
    where: { section: '表1', item: 16, line: 148 },
    text: 'The name carries a private-use character (U+F020, a symbol-font space left by the extraction) before its unit bracket; the name is kept without it: 城镇保障性住房覆盖率（%）.',
    original: '城镇保障性住房覆盖率\uF020（%）',
  },
  {
    kind: 'restoration',
    where: { section: '表1', item: 17, line: 153 },
    text: 'The name carries a private-use character (U+F020, a symbol-font space left by the extraction) before its unit bracket; the name is kept without it: 农村危房改造数（户/年）.',
    original: '农村危房改造数\uF020（户/年）',
  },
  {
    kind: 'restoration',
    where: { section: '专栏4', item: 3, line: 821 },
    text: 'Two projects of the 城镇老旧小区改造 list run together without the 、 between them; they are kept as two projects, 原通用机械厂旧城区改造 and 东河镇2020老旧小区改造项目.',
    original: '原通用机械厂旧城区改造东河镇2020老旧小区改造项目',
  },
  {
    kind: 'remark',
    where: { section: EMPLOYMENT_TABLE, item: 8, line: 446 },
    text: 'The table has two rows named 劳动关系协调 (lines 426 and 446) with different 服务对象 and 保障标准; both are kept, as s-employment-05 and s-employment-08.',
  },
  {
    kind: 'contradiction',
    where: { section: SOCIAL_INSURANCE_TABLE, item: 2, line: 501 },
    text: 'The 保障标准 of 城乡居民社会养老保险 lists 13 个人缴费 tiers (200元 … 4000元) and says the government gives a subsidy 按相应的缴费档次, but lists 12 subsidies (40元 … 200元). Both lists are kept as written.',
  },
  {
    kind: 'remark',
    where: { section: HEALTH_TABLE, item: 1, line: 597 },
    text: 'The 保障标准 of the 基本公共卫生服务 rows names 基本公共卫生服务项目（12项）, the national programme; the table lists 10 rows under 基本公共卫生服务. The 12 is not a count of this table’s rows.',
  },
  {
    kind: 'remark',
    where: { section: SOCIAL_SERVICE_TABLE, line: 719 },
    text: 'In this table the 支出责任 column of most rows holds measures (符合条件的程序低保对象“应保尽保，应退尽退”…) rather than who pays; the cells are kept as written and name no funding level unless they say 中央/省级.',
  },
  {
    kind: 'remark',
    where: { section: SOCIAL_SERVICE_TABLE, item: 7, line: 782 },
    text: 'The 保障标准 of 基本养老服务补贴 has three paragraphs of which only the third is numbered (3、继续推进居家养老服务。); the 1、 and 2、 of the first two appear lost. The paragraphs are joined as written, no numbers added.',
  },
  {
    kind: 'remark',
    where: { section: CULTURE_TABLE, line: 914 },
    text: 'The culture and sports standards table has no 保障标准 column (服务项目, 服务对象, 支出责任, 覆盖水平); its services have no standard.',
  },
  {
    kind: 'remark',
    where: { section: VETERANS_TABLE, line: 1194 },
    text: 'The last row of the table is a 备注: 待遇发放标准随上级政策变化每年浮动，表中数据为现行标准。 The figures are current standards; the indicator table gives three of them (7000, 2200, 1650) as its 2025 values.',
  },
];
