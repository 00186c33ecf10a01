import type { FieldRef, ServiceField, ServiceItemInput } from '@minsheng/domain';

/** One field's row of 表2: its 服务内容与目标 and the items of its 服务项目 cell, in order. */
interface ServiceBlock {
  field: FieldRef;
  /** Line of the field's name (服务领域) in the seed file. */
  labelLine: number;
  contentAndGoal: string;
  /** Line of the 服务项目 cell, which lists every item of the field. */
  listLine: number;
  /** （共计N项） as the cell states it. */
  declaredCount: number;
  /** The 服务项目 cell split at its ， separators, each name as written. */
  items: readonly string[];
}

/** 表2's title as written (an em space after 表2, as in the seed). */
export const SERVICE_TABLE = '表2\u2003广元市利州区“十四五”基本公共服务项目清单';

/** 表2 row by row (lines 516–582 of the seed file). */
export const serviceBlocks: readonly ServiceBlock[] = [
  {
    field: { key: 'childcare', label: '幼有所育' },
    labelLine: 524,
    contentAndGoal:
      '为城乡居民提供优生优育、生殖健康服务，保障城乡育龄人群身心健康；为儿童提供关爱和基本生活保障服务；保障儿童健康成长。',
    listLine: 528,
    declaredCount: 9,
    items: [
      '农村免费孕前优生健康检查',
      '孕产妇健康服务',
      '基本避孕服务',
      '生育保险',
      '预防接种',
      '儿童健康管理',
      '特殊儿童群体基本生活保障',
      '困境儿童保障',
      '农村留守儿童关爱保护',
    ],
  },
  {
    field: { key: 'education', label: '学有所教' },
    labelLine: 530,
    contentAndGoal:
      '为适龄儿童、少年提供免费九年义务教育，提供教育资助服务，保障适龄儿童、少年享有平等受教育权利。',
    listLine: 534,
    declaredCount: 11,
    items: [
      '学前教育幼儿资助',
      '义务教育阶段免除学杂费',
      '义务教育阶段免费提供教科书',
      '义务教育阶段免费提供作业本',
      '义务教育家庭经济困难学生生活补助',
      '农村学生营养膳食补助',
      '普通高中国家助学金',
      '普通高中免学杂费',
      '中等职业教育国家助学金',
      '中等职业教育免除学费',
      '学生体质健康监测',
    ],
  },
  {
    field: { key: 'employment', label: '劳有所得' },
    labelLine: 536,
    contentAndGoal:
      '为全体劳动者就业创造必要条件，加强劳动保护，改善劳动环境，保障合法权益，促进充分就业和构建和谐劳动关系。',
    listLine: 540,
    declaredCount: 12,
    items: [
      '就业信息服务',
      '职业介绍、职业指导和创业开业指导',
      '就业登记与失业登记',
      '流动人员人事档案管理服务',
      '就业见习服务',
      '就业援助',
      '职业技能培训、鉴定和生活费补贴',
      '“12333”（已并入“12345”）热线电话咨询服务',
      '劳动关系协调',
      '劳动用工保障',
      '失业保险',
      '工伤保险',
    ],
  },
  {
    field: { key: 'health', label: '病有所医' },
    labelLine: 542,
    contentAndGoal:
      '为城乡居民提供安全、有效、方便、价廉的基本公共卫生和医疗服务，切实保障人民群众身体健康。',
    listLine: 546,
    declaredCount: 20,
    items: [
      '建立居民健康档案',
      '健康教育与健康素养促进',
      '传染病及突发公共卫生事件报告和处理',
      '卫生监督协管服务',
      '慢性病患者健康管理',
      '地方病患者健康管理',
      '严重精神障碍患者健康管理',
      '结核病患者健康管理',
      '艾滋病病毒感染者和病人随访管理',
      '社区易感染艾滋病高危行为人群干预',
      '基本药物供应保障服务',
      '食品药品安全保障',
      '农村符合条件的计划生育家庭奖励扶助',
      '计划生育家庭特别扶助',
      '职工基本医疗保险',
      '城乡居民基本医疗保险',
      '大病保险',
      '生育保险',
      '医疗救助',
      '计划生育特殊家庭住院护理保险补贴',
    ],
  },
  {
    field: { key: 'elderly', label: '老有所养' },
    labelLine: 548,
    contentAndGoal: '为老年人提供基本养老服务，保障老年人安享晚年。',
    listLine: 552,
    declaredCount: 4,
    items: ['老年人健康管理', '老年人福利补贴', '职工基本养老保险', '城乡居民基本养老保险'],
  },
  {
    field: { key: 'housing', label: '住有所居' },
    labelLine: 554,
    contentAndGoal: '大力发展保障性租赁住房，保障公民居住权利，逐步满足城乡居民基本住房需求',
    listLine: 558,
    declaredCount: 3,
    items: ['公租房保障', '城镇棚户区改造', '农村危房改造'],
  },
  {
    field: { key: 'assistance', label: '弱有所扶' },
    labelLine: 560,
    contentAndGoal:
      '为城乡居民特别是困难群体的基本生活提供物质帮助，保障残疾人等特殊群体有尊严地生活和平等参与社会发展。',
    listLine: 564,
    declaredCount: 14,
    items: [
      '最低生活保障',
      '特困人员救助供养',
      '医疗救助',
      '临时救助',
      '受灾人员救助',
      '法律援助',
      '困难残疾人生活补贴和重度残疾人护理补贴',
      '无业重度残疾人最低生活保障',
      '残疾人托养服务',
      '残疾人康复服务',
      '残疾儿童及青少年教育',
      '残疾人职业培训和就业服务',
      '残疾人文化体育服务',
      '残疾人和老年人无障碍环境建设',
    ],
  },
  {
    field: { key: 'veterans', label: '退役军人服务' },
    labelLine: 566,
    contentAndGoal: '提供优待抚恤、集中供养等服务，保障退役军人合法权益。',
    listLine: 570,
    declaredCount: 4,
    items: ['优待抚恤', '退役军人安置', '退役军人就业创业服务', '集中供养'],
  },
  {
    field: { key: 'culture_sports', label: '文体服务保障' },
    labelLine: 572,
    contentAndGoal: '为城乡居民提供多样化文化体育服务，保障人民群众参加文化活动和体育健身等权益。',
    listLine: 576,
    declaredCount: 9,
    items: [
      '公共文化设施免费开放',
      '送戏曲下乡',
      '收听广播',
      '观看电视',
      '观赏电影',
      '读书看报',
      '少数民族文化服务',
      '公共体育设施开放',
      '全民健身服务',
    ],
  },
  {
    field: { key: 'legal', label: '法律服务' },
    labelLine: 578,
    contentAndGoal:
      '为城乡居民提供法治宣传、法律咨询，依法为经济困难群众、符合规定的特殊案件当事人及农民工、残疾人、未成年人、老年人、妇女等特殊群体提供法律咨询、代理、刑事辩护等法律援助。依法开展人民调解工作，化解矛盾纠纷。',
    listLine: 582,
    declaredCount: 5,
    items: [
      '推广法律援助',
      '法律法规和案例检索服务',
      '法律服务机构信息查询',
      '法律服务人员信息查询',
      '法律咨询',
    ],
  },
];

export const serviceFields: ServiceField[] = serviceBlocks.map((b, i) => ({
  field: b.field,
  contentAndGoal: b.contentAndGoal,
  declaredCount: b.declaredCount,
  source: { section: '表2', item: i + 1, line: b.labelLine },
}));

/**
 * One service per listed item, numbered within its field for the id and through the whole
 * table for `source.item`. The table gives content and goal per field, not per item, so the
 * items carry none of their own.
 */
export const services: ServiceItemInput[] = serviceBlocks.flatMap((b, blockIndex) => {
  const before = serviceBlocks.slice(0, blockIndex).reduce((n, x) => n + x.items.length, 0);
  return b.items.map((name, i) => ({
    id: `s-${b.field.key.replaceAll('_', '-')}-${String(i + 1).padStart(2, '0')}`,
    field: b.field,
    name,
    table: SERVICE_TABLE,
    source: { section: '表2', item: before + i + 1, line: b.listLine },
  }));
});
