import type { FieldRef, ServiceField, ServiceItemInput } from '@minsheng/domain';

// 表2 words the fields as the national list does (幼有所育…, not the 幼有善育 of the chapters).
const F = {
  childcare: { key: 'childcare', label: '幼有所育' },
  education: { key: 'education', label: '学有所教' },
  employment: { key: 'employment', label: '劳有所得' },
  health: { key: 'health', label: '病有所医' },
  elderly: { key: 'elderly', label: '老有所养' },
  housing: { key: 'housing', label: '住有所居' },
  assistance: { key: 'assistance', label: '弱有所扶' },
  veterans: { key: 'veterans', label: '优军服务保障' },
  culture_sports: { key: 'culture_sports', label: '文体服务保障' },
  legal: { key: 'legal', label: '法律服务' },
} as const satisfies Record<string, FieldRef>;

/** As written on line 484, with the em space (U+2003) after 表2. */
export const SERVICE_TABLE_TITLE = '表2\u2003苍溪县“十四五”基本公共服务项目清单';

/** 第三章第二节: 向全民提供81项基本公共服务. */
export const DECLARED_SERVICE_COUNT = 81;

/** 表2's 服务内容与目标 per field, with the (共计N项) its 服务项目 cell ends with; line = the field's cell. */
export const serviceFields: ServiceField[] = [
  {
    field: F.childcare,
    contentAndGoal:
      '为城乡居民提供优生优育、生殖健康服务,保障城乡育龄人群身心健康;为儿童提供关爱和基本生活保障服务,保障儿童健康成长',
    declaredCount: 9,
    source: { section: '表2', item: 1, line: 492 },
  },
  {
    field: F.education,
    contentAndGoal:
      '为适龄儿童、少年提供免费九年义务教育,提供教育资助服务,保障适龄儿童、少年享有平等受教育权利',
    declaredCount: 11,
    source: { section: '表2', item: 2, line: 498 },
  },
  {
    field: F.employment,
    contentAndGoal:
      '为全体劳动者就业创造必要条件,加强劳动保护,改善劳动环境,保障合法权益,促进充分就业和构建和谐劳动关系',
    declaredCount: 12,
    source: { section: '表2', item: 3, line: 504 },
  },
  {
    field: F.health,
    contentAndGoal:
      '为城乡居民提供安全、有效、方便、价廉的基本公共卫生和医疗服务,为符合条件0-12岁残疾儿童提供抢救性康复救助,切实保障人民群众身体健康',
    declaredCount: 11,
    source: { section: '表2', item: 4, line: 511 },
  },
  {
    field: F.elderly,
    contentAndGoal: '为老年人提供基本养老服务,保障老年人安享晚年',
    declaredCount: 4,
    source: { section: '表2', item: 5, line: 517 },
  },
  {
    field: F.housing,
    contentAndGoal: '大力发展保障性租赁住房,保障公民居住权利,逐步满足城乡居民基本住房需求',
    declaredCount: 3,
    source: { section: '表2', item: 6, line: 523 },
  },
  {
    field: F.assistance,
    contentAndGoal:
      '为城乡居民特别是困难群体的基本生活提供物质帮助,实施困难残疾人家庭无障碍改造,便利残疾人出行,帮助残疾人更加便捷地参与社会生活',
    declaredCount: 13,
    source: { section: '表2', item: 7, line: 529 },
  },
  {
    field: F.veterans,
    contentAndGoal: '提供优待抚恤、集中供养等服务,保障退役军人合法权益',
    declaredCount: 4,
    source: { section: '表2', item: 8, line: 535 },
  },
  {
    field: F.culture_sports,
    contentAndGoal:
      '完善公共文化体育服务体系,提高公共文化体育服务供给能力,保障人民群众文化体育服务权益,为人民生活提供文化滋养,为经济社会发展夯实产业基础',
    declaredCount: 8,
    source: { section: '表2', item: 9, line: 541 },
  },
  {
    field: F.legal,
    contentAndGoal:
      '为城乡居民提供法治宣传、法律咨询,依法为经济困难群众、符合规定的特殊案件当事人及农民工、残疾人、未成年人、老年人、妇女等特殊群体提供法律咨询、代理、刑事辩护等法律援助。依法开展人民调解工作,化解矛盾纠纷',
    declaredCount: 6,
    source: { section: '表2', item: 10, line: 547 },
  },
];

/**
 * 表2's 服务项目 cells: one line per field, items separated by ',' and closed by 。(共计N项).
 * 法律服务 alone separates its items with both '、' and ','; split that way it lists the six
 * items its (共计6项) declares (elsewhere '、' joins the parts of one item, e.g. 职业介绍、职业指导
 * 和创业开业指导). The names are exactly as written; line = the line holding the 服务项目 cell.
 */
const LISTS: { field: (typeof F)[keyof typeof F]; line: number; names: string[] }[] = [
  {
    field: F.childcare,
    line: 496,
    names: [
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
    field: F.education,
    line: 502,
    names: [
      '学前教育幼儿资助',
      '义务教育阶段免除学杂费',
      '义务教育阶段免费提供教科书',
      '义务教育免费提供作业本',
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
    field: F.employment,
    line: 509,
    names: [
      '就业信息服务',
      '职业介绍、职业指导和创业开业指导',
      '就业登记与失业登记',
      '流动人员人事档案管理服务',
      '就业见习服务',
      '就业援助',
      '职业技能培训、鉴定和生活费补贴',
      '“12333”(已并入“12345”)热线电话咨询服务',
      '劳动关系协调',
      '劳动用工保障',
      '失业保险',
      '工伤保险',
    ],
  },
  {
    field: F.health,
    line: 515,
    names: [
      '建立居民健康档案',
      '健康教育与健康素养促进',
      '残疾预防宣传',
      '残疾人辅具适配、矫治手术、康复训练',
      '高质量发展公立医院',
      '加强名医建设及中医药传承创新工程',
      '提升公共卫生服务体系和基层医疗卫生服务体系提质工程',
      '基本药物供应保障服务',
      '食品药品安全保障',
      '农村符合条件的计划生育家庭奖励扶助',
      '计划生育家庭特别扶助',
    ],
  },
  {
    field: F.elderly,
    line: 521,
    names: ['老年人健康管理', '老年人福利补贴', '职工基本养老保险', '城乡居民基本养老保险'],
  },
  {
    field: F.housing,
    line: 527,
    names: ['公租房保障', '城镇老旧小区改造', '农村危房改造'],
  },
  {
    field: F.assistance,
    line: 533,
    names: [
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
      '残疾人职业培训和就业服务',
      '残疾人文化体育服务',
      '残疾人和老年人无障碍环境建设',
    ],
  },
  {
    field: F.veterans,
    line: 539,
    names: ['优待抚恤', '退役军人安置', '退役军人就业创业服务', '特殊群体供养'],
  },
  {
    field: F.culture_sports,
    line: 545,
    names: [
      '公共文化设施免费开放',
      '举办广场文化活动',
      '公益性文艺演出',
      '优秀电影展映',
      '优化广播电视服务',
      '中小学生暑期免费游泳培训',
      '公共体育设施免费开放',
      '开展全民健身活动',
    ],
  },
  {
    field: F.legal,
    line: 551,
    names: ['法律咨询', '法律援助', '法律顾问', '矛盾纠纷化解', '法治宣传', '其他法律服务'],
  },
];

export const services: ServiceItemInput[] = LISTS.flatMap(({ field, line, names }) =>
  names.map((name, i) => ({ field, name, line, i })),
).map(({ field, name, line, i }, position) => ({
  id: `s-${field.key.replace('_', '-')}-${String(i + 1).padStart(2, '0')}`,
  field,
  name,
  // The plan has one service table; its title is kept with each item since the plan has no slot for it.
  table: SERVICE_TABLE_TITLE,
  source: { section: '表2', item: position + 1, line },
}));
