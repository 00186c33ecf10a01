/**
 * The plans of the import corpus: invented counties' indicator tables, written the ways real
 * plans write them. Each corpus file sets one of them out in one layout and format; what the
 * importer must read from it follows from these rows, not from the importer.
 */

export interface PlanRow {
  field: string;
  name: string;
  /** The 单位 column's cell; null where the table has no such column (the unit is in the name). */
  unit: string | null;
  baseline: string;
  target: string;
  nature: '约束性' | '预期性';
}

export interface CorpusPlan {
  /** The plan's title line: its period follows from 十四五. */
  title: string;
  issuer: string;
  rows: PlanRow[];
}

const r = (
  field: string,
  name: string,
  unit: string | null,
  baseline: string,
  target: string,
  nature: PlanRow['nature'],
): PlanRow => ({ field, name, unit, baseline, target, nature });

/** 青岭县: a 单位 column, fields the national plan's words. */
export const QINGLING: CorpusPlan = {
  title: '青岭县“十四五”基本公共服务规划',
  issuer: '青岭县人民政府',
  rows: [
    r('幼有所育', '每千人口拥有3岁以下婴幼儿托位数', '个', '0.8', '4.5', '预期性'),
    r('幼有所育', '孕产妇死亡率', '1/10万', '12.5', '＜12', '约束性'),
    r('学有所教', '学前教育毛入园率', '%', '88', '＞92', '预期性'),
    r('学有所教', '九年义务教育巩固率', '%', '95.1', '≥96', '约束性'),
    r('学有所教', '劳动年龄人口平均受教育年限', '年', '10.2', '10.8', '约束性'),
    r('劳有所得', '城镇新增就业人数', '万人', '0.42', '【2.1】', '预期性'),
    r('劳有所得', '城镇调查失业率', '%', '—', '＜5.5', '预期性'),
    r('病有所医', '每千人口执业（助理）医师数', '人', '2.3', '3.1', '预期性'),
    r('病有所医', '人均预期寿命', '岁', '76.8', '77.5', '预期性'),
    r('老有所养', '养老机构护理型床位占比', '%', '32', '大于55', '约束性'),
    r('老有所养', '基本养老保险参保率', '%', '90.5', '95', '预期性'),
    r('弱有所扶', '困难残疾人生活补贴覆盖率', '%', '100', '应保尽保', '约束性'),
  ],
};

/** 白河市: units inside the names, fields in the city's own words, 现状值/目标值. */
export const BAIHE: CorpusPlan = {
  title: '白河市“十四五”公共服务发展规划',
  issuer: '白河市人民政府',
  rows: [
    r('托育服务', '每千人口拥有托位数（个）', null, '１．２', '４．５', '预期性'),
    r('托育服务', '婴儿死亡率（‰）', null, '4.1', '＜5', '约束性'),
    r('教育服务', '普惠性幼儿园覆盖率（%）', null, '81', '＞85', '约束性'),
    r('教育服务', '高中阶段教育毛入学率（%）', null, '92.3', '大于95', '预期性'),
    r('就业服务', '城乡劳动者职业技能培训人次（万人次）', null, '1.6', '【8】', '预期性'),
    r('医疗卫生', '每万人口全科医生数（人）', null, '2.6', '3.8', '预期性'),
    r('养老服务', '社区养老服务设施覆盖率（%）', null, '70', '100', '约束性'),
    r('社会救助', '城乡低保标准年均增长（%）', null, '—', '≥6', '预期性'),
    r('文化体育', '人均体育场地面积（平方米）', null, '1.9', '2.6', '预期性'),
    r('文化体育', '公共图书馆人均藏书（册）', null, '０．９', '1.2', '预期性'),
  ],
};

/** 松溪区: long names (they wrap), a 单位 column, and enough rows to run over two pages. */
export const SONGXI: CorpusPlan = {
  title: '松溪区“十四五”公共服务规划',
  issuer: '松溪区人民政府',
  rows: [
    r('幼有所育', '每千人口拥有3岁以下婴幼儿托位数', '个', '1.1', '4.5', '预期性'),
    r('幼有所育', '普惠性托育服务机构覆盖乡镇（街道）比例', '%', '35', '≥80', '预期性'),
    r('学有所教', '义务教育学校达到基本办学条件标准比例', '%', '93', '100', '约束性'),
    r('学有所教', '特殊教育适龄残疾儿童少年入学率', '%', '95', '≥97', '约束性'),
    r('学有所教', '高中阶段教育毛入学率', '%', '91.2', '＞93', '预期性'),
    r('劳有所得', '城镇新增就业人数', '万人', '0.65', '【3.2】', '预期性'),
    r('劳有所得', '农村劳动力转移就业培训人次', '万人次', '0.8', '【4】', '预期性'),
    r('病有所医', '每千人口拥有医疗卫生机构床位数', '张', '6.3', '7.2', '预期性'),
    r('病有所医', '县域内住院率', '%', '86', '大于90', '预期性'),
    r('病有所医', '居民电子健康档案建档率', '%', '91', '≥95', '约束性'),
    r('老有所养', '乡镇（街道）区域养老服务中心覆盖率', '%', '40', '100', '约束性'),
    r('老有所养', '养老机构护理型床位占比', '%', '38', '≥55', '约束性'),
    r('住有所居', '城镇棚户区改造（套）', '套', '1200', '【3500】', '预期性'),
    r('弱有所扶', '残疾人基本康复服务覆盖率', '%', '80', '85', '约束性'),
    r('优军服务保障', '退役军人服务站建成率', '%', '95', '100', '约束性'),
    r('文体服务保障', '人均体育场地面积', '平方米', '1.7', '2.6', '预期性'),
  ],
};

/** 金川县: a spreadsheet's own table — 类别 first, then 序号; shares typed as percentages. */
export const JINCHUAN: CorpusPlan = {
  title: '金川县“十四五”公共服务主要指标',
  issuer: '金川县人民政府',
  rows: [
    r('病有所医', '人均预期寿命', '岁', '77.2', '78', '预期性'),
    r('病有所医', '每千人口执业（助理）医师数', '人', '2.6', '3.2', '预期性'),
    r('病有所医', '孕产妇死亡率', '1/10万', '9.8', '≤12', '约束性'),
    r('老有所养', '养老机构护理型床位占比', '%', '40%', '55%', '约束性'),
  ],
};

/** What a file's reading must give: the rows in order, cell by cell. */
export interface ExpectedIndicator {
  field: string;
  name: string;
  unit: string | null;
  baselineYear: number;
  baseline: string;
  targetYear: number;
  target: string;
  nature: 'binding' | 'expected' | null;
}

const NATURE = { 约束性: 'binding', 预期性: 'expected' } as const;

/** The unit a name's last brackets give, the way a person reads it. */
const unitInName = (name: string) => /[（(]([^（）()]+)[）)]$/.exec(name)?.[1] ?? null;

/** The reading a file must give; `unitColumn` false where the file leaves the 单位 column out. */
export function expected(plan: CorpusPlan, unitColumn = true): ExpectedIndicator[] {
  return plan.rows.map((row) => ({
    field: row.field,
    name: row.name,
    unit: (unitColumn ? row.unit : null) ?? unitInName(row.name),
    baselineYear: 2020,
    baseline: row.baseline,
    targetYear: 2025,
    target: row.target,
    nature: NATURE[row.nature],
  }));
}

/** A 基本公共服务实施标准 table: one row a service, its field written once over its rows. */
export interface ServiceRow {
  field: string;
  name: string;
  target: string;
  content: string;
  standard: string;
  funding: string;
  lead: string;
}

const s = (
  field: string,
  name: string,
  target: string,
  content: string,
  standard: string,
  funding: string,
  lead: string,
): ServiceRow => ({ field, name, target, content, standard, funding, lead });

export const SONGXI_SERVICES: ServiceRow[] = [
  s(
    '幼有所育',
    '儿童健康管理服务',
    '0—6岁儿童',
    '新生儿访视、儿童健康检查',
    '按照国家基本公共卫生服务规范执行',
    '中央与地方共同财政事权',
    '区卫生健康局',
  ),
  s(
    '幼有所育',
    '预防接种',
    '0—6岁儿童和其他重点人群',
    '接种免疫规划疫苗',
    '免疫规划疫苗接种率保持在90%以上',
    '中央与地方共同财政事权',
    '区卫生健康局',
  ),
  s(
    '学有所教',
    '学前教育幼儿资助',
    '经济困难家庭幼儿、孤儿和残疾儿童',
    '减免保育教育费，补助伙食费',
    '每生每年不低于1000元',
    '中央、省、区按比例分担',
    '区教育局',
  ),
  s(
    '学有所教',
    '义务教育免除学杂费',
    '义务教育阶段学生',
    '免除学杂费',
    '小学每生每年650元，初中每生每年850元',
    '中央与地方按比例分担',
    '区教育局',
  ),
  s(
    '劳有所得',
    '就业创业服务',
    '劳动年龄内有劳动能力和就业愿望的城乡劳动者',
    '职业介绍、职业指导和创业开业指导',
    '免费提供',
    '地方财政事权，中央给予补助',
    '区人力资源社会保障局',
  ),
  s(
    '老有所养',
    '老年人健康管理',
    '65岁及以上老年人',
    '每年1次健康管理服务',
    '按照国家基本公共卫生服务规范执行',
    '中央与地方共同财政事权',
    '区卫生健康局',
  ),
];

export interface ExpectedService {
  field: string;
  name: string;
  targetGroup: string;
  content: string;
  standard: string;
  funding: string;
  leadDepartment: string;
}

export const expectedServices = (rows: ServiceRow[]): ExpectedService[] =>
  rows.map((r) => ({
    field: r.field,
    name: r.name,
    targetGroup: r.target,
    content: r.content,
    standard: r.standard,
    funding: r.funding,
    leadDepartment: r.lead,
  }));
