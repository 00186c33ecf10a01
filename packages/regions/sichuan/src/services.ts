import type { FieldRef, ServiceField, ServiceItemInput } from '@minsheng/domain';
import { F } from './fields.ts';
import { restorations } from './restore.ts';

/** An item as written, or [as the seed has it, restored, what was restored]. */
type Item = string | readonly [original: string, restored: string, what: string];

interface Block {
  field: FieldRef;
  /** Line of the field's label in the first column. */
  line: number;
  contentAndGoal: Item;
  contentLine: number;
  declaredCount: number;
  /** Line where the list starts; an item broken across lines gives its own start line. */
  itemsLine: number;
  items: readonly (Item | { item: Item; line: number })[];
}

// 表2 四川省基本公共服务项目清单 (lines 322–454). Commas, semicolons and brackets are the
// document's own half-width ones; only the spaces the PDF inserted are gone.
const BLOCKS: Block[] = [
  {
    field: F.childcare,
    line: 338,
    // 优生优生殖 is damaged too, but what is missing is not obvious: kept, see the remark note.
    contentAndGoal:
      '为城乡居民提供优生优生殖健康服务,保障城乡育龄人群身心健康;为儿童提供关爱和基本生活保障服务,保障儿童健康成长',
    contentLine: 340,
    declaredCount: 9,
    itemsLine: 342,
    items: [
      '农村免费孕前优生健康检查',
      '孕产妇健康服务',
      ['基避孕服务', '基本避孕服务', '本'],
      '生育保险',
      '预防接种',
      '儿童健康管理',
      ['特殊儿童群体基生活保', '特殊儿童群体基本生活保障', '本, 障'],
      '困境儿童保障',
      ['农村留守儿童关爱保', '农村留守儿童关爱保护', '护'],
    ],
  },
  {
    field: F.education,
    line: 350,
    contentAndGoal: [
      '为适龄儿童少年提供免费九年义务教育,提供教育资助服务,保障适龄儿少年享有平等受教育权利',
      '为适龄儿童少年提供免费九年义务教育,提供教育资助服务,保障适龄儿童少年享有平等受教育权利',
      '童',
    ],
    contentLine: 354,
    declaredCount: 11,
    itemsLine: 356,
    items: [
      '学前教育幼儿资助',
      '义务教育阶段免除学杂费',
      '义务教育阶段免费提供教科书',
      // 作业本 (exercise books), the 本 dropped like everywhere else.
      ['义务教育免费提供作业', '义务教育免费提供作业本', '本'],
      '义务教育家庭经济困难学生生活补助',
      '试点区域学生营养膳食补助',
      '普通高中国家助学金',
      '普通高中免学杂费',
      '中等职业教育国家助学金',
      '中等职业教育免除学费',
      '民族自治地区普通高中免费提供教科书',
    ],
  },
  {
    field: F.employment,
    line: 364,
    contentAndGoal: [
      '为全体劳动者就业创造必要条件,加强劳动保护,改善劳动环境,保障合法权,促进充分就业,构建和谐劳动关系',
      '为全体劳动者就业创造必要条件,加强劳动保护,改善劳动环境,保障合法权益,促进充分就业,构建和谐劳动关系',
      '益',
    ],
    contentLine: 368,
    declaredCount: 12,
    itemsLine: 370,
    items: [
      '就业信息服务',
      '职业介绍职业指导和创业开业指导',
      '就业登记与失业登记',
      '流动人员人事档案管理服务',
      '就业见习服务',
      ['就业援', '就业援助', '助'],
      '职业技能培训鉴定和生活费补贴',
      '“12333”人力资源和社会保障电话服务',
      '劳动关系协调',
      '劳动用工保障',
      '失业保险',
      '工伤保险',
    ],
  },
  {
    field: F.health,
    line: 392,
    contentAndGoal: [
      '为城乡居民提供安全方便价廉的基公共卫生和医疗服务,切实保障人民群众身体健康',
      '为城乡居民提供安全方便价廉的基本公共卫生和医疗服务,切实保障人民群众身体健康',
      '本',
    ],
    contentLine: 400,
    declaredCount: 17,
    itemsLine: 402,
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
      ['基药物供应保障服务', '基本药物供应保障服务', '本'],
      '食品药品安全保障',
      ['职工基医疗保险', '职工基本医疗保险', '本'],
      ['城乡居民基医疗保险', '城乡居民基本医疗保险', '本'],
      '农村符合条件的计划生育家庭奖励扶助',
      '计划生育家庭特别扶助',
      '计划生育特殊家庭住院护理保险补贴',
    ],
  },
  {
    field: F.elderly,
    line: 406,
    contentAndGoal: [
      '为老年人提供基养老服,保障老年人安享晚年生活',
      '为老年人提供基本养老服务,保障老年人安享晚年生活',
      '本, 务',
    ],
    contentLine: 408,
    declaredCount: 4,
    itemsLine: 410,
    items: [
      '老年人健康管理',
      '老年人福利补贴',
      // Broken by the PDF: 职工基 (line 410) / 养老保险 (line 412).
      ['职工基养老保险', '职工基本养老保险', '本'],
      { item: ['城乡居民基养老保险', '城乡居民基本养老保险', '本'], line: 412 },
    ],
  },
  {
    field: F.housing,
    line: 418,
    contentAndGoal: [
      '保障公民居住权利,逐步满足城乡居民基住房需,实现住有所居',
      '保障公民居住权利,逐步满足城乡居民基本住房需求,实现住有所居',
      '本, 求',
    ],
    contentLine: 420,
    declaredCount: 3,
    itemsLine: 422,
    items: ['公租房保障', '城镇棚户区改造', ['农村危房改', '农村危房改造', '造']],
  },
  {
    field: F.assistance,
    line: 432,
    contentAndGoal: [
      '为城乡居民特别是困难群体的基生活提供物质帮,保障残疾人等特殊群体有尊严地生活和平等参与社会发展',
      '为城乡居民特别是困难群体的基本生活提供物质帮助,保障残疾人等特殊群体有尊严地生活和平等参与社会发展',
      '本, 助',
    ],
    contentLine: 436,
    declaredCount: 14,
    itemsLine: 438,
    items: [
      '最低生活保障',
      '特困人员救助供养',
      ['医疗救', '医疗救助', '助'],
      '临时救助',
      '受灾人员救助',
      '法律援助',
      ['困难残疾人生活补贴和重度残疾人护理补', '困难残疾人生活补贴和重度残疾人护理补贴', '贴'],
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
    field: F.veterans,
    line: 442,
    contentAndGoal: '提供优待抚恤集中供养等服务,保障退役军人合法权益',
    contentLine: 444,
    declaredCount: 4,
    itemsLine: 446,
    items: ['优待抚恤', '退役军人安置', '退役军人就业创业服务', '特殊群体集中供养'],
  },
  {
    field: F.culture_sports,
    line: 450,
    contentAndGoal: '为城乡居民提供多样化文化体育服务,保障人民群众参加大众文化活动和体育健身等权益',
    contentLine: 452,
    declaredCount: 9,
    itemsLine: 454,
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
];

/** The total the text states before 表2: 向全民提供83项基本公共服务 (line 320). */
export const DECLARED_SERVICE_COUNT = 83;
export const DECLARED_SERVICE_COUNT_LINE = 320;

function resolve(item: Item, where: { section: string; item?: number; line: number }): string {
  if (typeof item === 'string') return item;
  const [original, restored, what] = item;
  return restorations.fix(where, what, original, restored);
}

export const serviceFields: ServiceField[] = BLOCKS.map((b) => ({
  field: b.field,
  contentAndGoal: resolve(b.contentAndGoal, {
    section: `表2 ${b.field.label} 服务内容与目标`,
    line: b.contentLine,
  }),
  declaredCount: b.declaredCount,
  source: { section: '表2', line: b.line },
}));

let position = 0;
export const services: ServiceItemInput[] = BLOCKS.flatMap((b) =>
  b.items.map((entry, i) => {
    position += 1;
    const item = typeof entry === 'object' && 'item' in entry ? entry.item : entry;
    const line = typeof entry === 'object' && 'item' in entry ? entry.line : b.itemsLine;
    const where = { section: '表2', item: position, line };
    return {
      id: `s-${b.field.key.replaceAll('_', '-')}-${String(i + 1).padStart(2, '0')}`,
      field: b.field,
      name: resolve(item, where),
      source: where,
    };
  }),
);
