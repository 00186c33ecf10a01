import {
  type DocumentNote,
  extractQuantities,
  type FieldRef,
  type FundingLevel,
  type QuantityMention,
  type ServiceField,
  type ServiceItemInput,
} from '@minsheng/domain';

/** One row of a 基本标准 table, each cell as written, a cell broken across lines joined. */
interface StandardRow {
  /** Line of the 服务项目 cell (its first line where it is broken) in the seed file. */
  line: number;
  name: string;
  targetGroup: string;
  /** 保障标准 (保障标准及措施); absent where the table has no such column (文化体育). */
  standard?: string;
  /** 支出责任 as written, whatever the column holds. */
  funding: string;
  /**
   * The levels the 支出责任 cell names as paying (中央, 省/省级, 市/市级, 县/县级/县区); none
   * where it names no level (地方政府负责, 医改目标任务, measures written in the column).
   */
  fundingLevels: FundingLevel[];
  coverage: string;
  /** Written by hand where extractQuantities misreads the standard. */
  amounts?: QuantityMention[];
}

/** A category row of a table (基本公共卫生服务) with the rows under it, or a whole table that has none. */
interface StandardBlock {
  /** The category as written, or the chapter's name for a table with no category rows. */
  field: FieldRef;
  /** Line of the category row, or of the table's title. */
  line: number;
  rows: StandardRow[];
}

interface StandardTable {
  /** The title as written above the table. */
  title: string;
  line: number;
  blocks: StandardBlock[];
}

/**
 * The nine 基本标准 tables of chapters 4–12, row by row. 同上 (same as above) is kept here as the
 * table writes it and resolved in {@link buildServices}. The 备注 row under the veterans table is
 * not a service; it is a note (see notes.ts).
 */
export const SERVICE_TABLES: readonly StandardTable[] = [
  {
    title: '旺苍县“十四五”公共教育服务基本标准',
    line: 279,
    blocks: [
      {
        field: { key: 'education', label: '教育服务' },
        line: 279,
        rows: [
          {
            line: 286,
            name: '义务教育阶段生均公用免费',
            targetGroup: '适龄儿童、少年',
            standard: '小学650元/生年，初中850元/生年',
            funding: '中央、省、县',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '目标人群覆盖100%，九年义务教育巩固率达到99.5%。',
          },
          {
            line: 294,
            name: '寄宿生活补助',
            targetGroup: '义务教育阶段农村家庭经济困难寄宿学生',
            standard: '小学1000元/生年，初中1250元/生年',
            funding: '中央、省、县',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '目标人群覆盖率50%。',
          },
          {
            line: 302,
            name: '农村义务教育学生营养改善',
            targetGroup: '贫困地区农村义务教育学生',
            standard: '5元/生天',
            funding: '中央',
            fundingLevels: ['central'],
            coverage: '目标人群覆盖率100%。',
          },
          {
            line: 314,
            name: '中等职业教育免费',
            targetGroup: '农村、城镇家庭经济困难在校学生',
            standard: '2000',
            funding: '中央、省',
            fundingLevels: ['central', 'province'],
            // The cell is a bare number; the table gives no unit for it.
            amounts: [amount('', 2000, '', '2000')],
            coverage: '目标人群覆盖率100%，高中阶段教育毛入学率达到87%。',
          },
          {
            line: 320,
            name: '中等职业教育国家助学金',
            targetGroup: '全日制在校农村学生及城市家庭经济困难学生',
            standard: '1000-3000元/生年',
            funding: '中央、省',
            fundingLevels: ['central', 'province'],
            amounts: range(1000, 3000, '元/生年', '1000-3000元/生年'),
            coverage: '目标人群覆盖率100%。',
          },
          {
            line: 328,
            name: '普通高中国家助学金',
            targetGroup: '家庭经济困难学生',
            standard: '1000-3000元/生年',
            funding: '中央、省、县',
            fundingLevels: ['central', 'province', 'county'],
            amounts: range(1000, 3000, '元/生年', '1000-3000元/生年'),
            coverage: '目标人群覆盖率40%。',
          },
          {
            line: 336,
            name: '学前教育公用经费',
            targetGroup: '在校幼儿',
            standard: '500元/生年',
            funding: '省、县',
            fundingLevels: ['province', 'county'],
            coverage: '目标人群覆盖100%，公办幼儿园、普惠性民办幼儿园。',
          },
          {
            line: 342,
            name: '学前保教费减免',
            targetGroup: '家庭经济困难儿童、孤儿和残疾儿童。',
            standard: '1000元/生年',
            funding: '中央、省、县',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '目标人群覆盖20%，普及学前一年教育。',
          },
        ],
      },
    ],
  },
  {
    title: '旺苍县“十四五”劳动就业基本服务标准',
    line: 391,
    blocks: [
      {
        field: { key: 'employment', label: '劳动就业服务' },
        line: 391,
        rows: [
          {
            line: 398,
            name: '就业服务和管理',
            targetGroup: '有就业需求的劳动年龄人口',
            standard: '提供技能培训、职业介绍、创业扶持、就业援助',
            funding: '中央、省级财政',
            fundingLevels: ['central', 'province'],
            coverage: '目标人群覆盖率达到95%以上。',
          },
          {
            line: 406,
            name: '创业服务',
            targetGroup: '有创业需求的劳动年龄人口',
            standard: '提供创业指导、创业培训1000元/人次、贴息贷款15万元/人',
            funding: '中央、省级财政',
            fundingLevels: ['central', 'province'],
            coverage: '为0.15万人次以上提供创业培训。',
          },
          {
            line: 412,
            name: '就业援助',
            targetGroup: '零就业家庭和符合条件的就业困难人员',
            standard: '给予免费培训、公益性岗位安排1000元/月/人补贴',
            funding: '中央、省级财政',
            fundingLevels: ['central', 'province'],
            coverage: '帮助0.15万人次就业困难人员就业和再就业。',
          },
          {
            line: 418,
            name: '职业技能培训和技能鉴定',
            targetGroup: '失业人员、农村转移就业劳动力、残疾人、新成长劳动力',
            standard: '提供不低于400元/人/次培训补贴',
            funding: '中央、省级财政',
            fundingLevels: ['central', 'province'],
            amounts: [amount('培训补贴', 400, '元/人/次', '不低于400元/人/次培训补贴')],
            coverage: '为1万人次提供各类职业技能培训，培训后就业率不低于60%。',
          },
          {
            line: 426,
            name: '劳动关系协调',
            targetGroup: '存在劳动人事关系的就业人员',
            standard:
              '建立劳动关系，应当订立书面劳动合同。企业职工一方与用人单位通过平等协商，可以订立集体合同',
            funding: '地方政府负责',
            fundingLevels: [],
            coverage: '集体合同签订率达到90%。',
          },
          {
            line: 432,
            name: '劳动保障监察',
            targetGroup: '存在劳动人事关系的就业人员',
            standard: '劳动保障行政机构依法纠正和查处违反劳动保障法律、法规和规章的行为',
            funding: '地方政府负责',
            fundingLevels: [],
            coverage: '监察案件结案率达到95%以上。',
          },
          {
            line: 438,
            name: '劳动人事争议调解仲裁',
            targetGroup: '存在劳动人事关系的就业人员',
            standard:
              '享有相关政策法规资讯、劳动人事争议调解和劳动人事争议仲裁，公正及时解决劳动人事争议，保护当事人合法权益',
            funding: '地方政府负责',
            fundingLevels: [],
            coverage: '劳动人事争议仲裁结案率达到100%；60%以上案件在基层调解组织解决。',
          },
          {
            line: 446,
            name: '劳动关系协调',
            targetGroup: '用人单位及所有劳动者',
            standard:
              '提供劳动合同、集体合同示范文本和薪酬分配指引。定期发布有关工资信息。免费提供企业工资指导线等信息。',
            funding: '地方政府负责',
            fundingLevels: [],
            coverage: '用人单位及所有劳动者',
          },
        ],
      },
    ],
  },
  {
    title: '旺苍县“十四五”社会保险服务基本标准',
    line: 482,
    blocks: [
      {
        field: { key: 'social_insurance', label: '基本养老保险' },
        line: 489,
        rows: [
          {
            line: 491,
            name: '职工基本养老保险',
            targetGroup: '职工、无雇工的个体工商户、灵活就业人员',
            standard:
              '对符合享受基本养老金条件的参保人员发放基本养老金，包括基础养老金和个人账户养老金。按国家、省统一规定建立基本养老金正常调整机制。',
            funding:
              '用人单位缴纳一般不超过工资总额的16%，职工缴纳本人工资的8%，社会保险基金通过预算实现收支平衡。 县级以上人民政府在社会保险基金出现支付不足时，给予补贴。',
            fundingLevels: ['county'],
            coverage: '参保人数6.6万人。',
          },
          {
            line: 499,
            name: '城乡居民社会养老保险',
            targetGroup:
              '年满16周岁(不含在校学生)，非国家机关和事业单位工作人员及不属于职工基本养老保险制度覆盖范围的城乡居民',
            standard:
              '保障标准：参加城乡居民基本养老保险，个人缴费选择200元，300元，400元，500元，600元，700元，800元，900元，1000元，1500元，2000元，3000元，4000元缴费档次按年缴费，政府按相应的缴费档次给予40元，45元，50元，60元，65元，70元，75元，80元，100元，120元，160元，200元的缴费补贴。措施：以乡村振兴为契机，大力推进全民参保进程，基本实现社会保险法定人群参保全覆盖。',
            funding: '按月足额发放养老金，养老金社会化发放率达到100%。',
            fundingLevels: [],
            amounts: [
              ...[200, 300, 400, 500, 600, 700, 800, 900, 1000, 1500, 2000, 3000, 4000].map((v) =>
                amount('个人缴费档次', v, '元', `${v}元`),
              ),
              ...[40, 45, 50, 60, 65, 70, 75, 80, 100, 120, 160, 200].map((v) =>
                amount('政府缴费补贴', v, '元', `${v}元`),
              ),
            ],
            coverage: '参保人数18万人',
          },
        ],
      },
      {
        field: { key: 'social_insurance', label: '基本医疗保险' },
        line: 509,
        rows: [
          {
            line: 511,
            name: '职工基本医疗保险',
            targetGroup: '职工、无雇工的个体工商户、灵活就业人员',
            standard: '住院费用支付比例达到75%以上，最高支付限额为上年度全市职工平均工资的7倍。',
            funding:
              '用人单位以统账结合征缴规则参加基本医疗保险，缴费基数为四川省城镇全部单位就业人员平均工资90%-300%；用人单位以单建统筹征缴规则参加基本医疗保险，缴费基数为四川省城镇全部单位就业人员平均工资70%-300%。基金支出超预算控制数的部分由县区风险调剂金中调剂或由当地财政弥补。',
            fundingLevels: ['county'],
            coverage: '参保率达到98%以上。',
          },
          {
            line: 517,
            name: '城乡居民基本医疗保险',
            targetGroup: '城乡非从业居民',
            standard:
              '政策范围内住院费用支付比例达到70%以上，最高支付限额为上上年全市城乡居民人均可支配收入的7倍。',
            funding:
              '各级财政的补助标准提高到年人均不低于550元，基金支出超预算控制数的部分由县区风险调剂金中调剂或由当地财政弥补。',
            fundingLevels: ['county'],
            coverage: '参保率稳定在98%以上。',
          },
        ],
      },
      {
        field: { key: 'social_insurance', label: '失业、工伤和生育保险' },
        line: 523,
        rows: [
          {
            line: 525,
            name: '失业保险',
            targetGroup: '职工',
            standard:
              '支付失业保险金、基本医疗保险费、丧葬补助金、抚恤金以及职业培训和职业介绍补贴等。',
            funding:
              '社会保险基金通过预算实现收支平衡。 县级以上人民政府在社会保险基金出现支付不足时，给予补贴。',
            fundingLevels: ['county'],
            coverage: '参保率稳定在98%以上。',
          },
          {
            line: 531,
            name: '工伤保险',
            targetGroup: '职工',
            standard: '基金支付工伤医疗和康复、伤残、护理及工亡等待遇。',
            funding:
              '个人不缴费，由用人单位缴纳。社会保险基金通过预算实现收支平衡。 县级以上人民政府在社会保险基金出现支付不足时，给予补贴。',
            fundingLevels: ['county'],
            coverage: '参保率稳定在98%以上。',
          },
          {
            line: 537,
            name: '生育保险',
            targetGroup: '职工',
            standard: '基金支付生育医疗费用和生育津贴，生育津贴按生育保险规定的产假天数计算。',
            funding:
              '个人不缴费，由用人单位缴纳。社会保险基金通过预算实现收支平衡。县区当期生育保险基金出现收支缺口时，其缺口由留存在县区的生育保险市级统筹结余基金弥补，县区留存的市级统筹基金不足弥补缺口时，由市级生育保险基金统筹解决，市级统筹生育保险基金不足时，在储备金中开支，同时按“以支定收、收支平衡”原则适时调整生育保险费率。',
            fundingLevels: ['city', 'county'],
            coverage: '参保率稳定在98%以上。',
          },
        ],
      },
    ],
  },
  {
    title: '旺苍县“十四五”基本医疗卫生计生服务基本标准',
    line: 586,
    blocks: [
      {
        field: { key: 'health', label: '基本公共卫生服务' },
        line: 593,
        rows: [
          {
            line: 595,
            name: '居民健康档案',
            targetGroup: '城乡居民',
            standard: '基本公共卫生服务项目（12项）2021-2025每年递增5元',
            funding: '中央、省、县',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '规范化电子建档率达到75%以上。',
          },
          {
            line: 601,
            name: '健康教育',
            targetGroup: '城乡居民',
            standard: '同上',
            funding: '同上',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '城乡居民具备健康素养的人数达到总人数95%。',
          },
          {
            line: 607,
            name: '预防接种',
            targetGroup: '0—6岁儿童和其他重点人群',
            standard: '同上',
            funding: '同上',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '以街道（乡镇）为单位适龄儿童免疫规划疫苗接种率达到90%以上。',
          },
          {
            line: 613,
            name: '传染病防治',
            targetGroup: '法定传染病病人、疑似病人、密切接触者及相关人群',
            standard: '同上',
            funding: '同上',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '传染病报告率和报告及时率达到100%；突发公共卫生事件相关信息报告率达到100%。',
          },
          {
            line: 619,
            name: '儿童保健',
            targetGroup: '0—6岁儿童',
            standard: '同上',
            funding: '同上',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '儿童系统管理率达87%以上。',
          },
          {
            line: 625,
            name: '孕产妇保健',
            targetGroup: '孕产妇',
            standard: '同上',
            funding: '同上',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '孕产妇系统管理率达到87%以上。',
          },
          {
            line: 631,
            name: '老年人保健',
            targetGroup: '65岁及以上老年人',
            standard: '同上',
            funding: '同上',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '老年居民健康管理率达到69%。',
          },
          {
            line: 637,
            name: '慢性病管理',
            targetGroup: '高血压、糖尿病等慢性病高危人群',
            standard: '同上',
            funding: '同上',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '高血压和糖尿病患者规范化管理率达到65%以上。',
          },
          {
            line: 643,
            name: '重性精神疾病管理',
            targetGroup: '重性精神疾病患者',
            standard: '同上',
            funding: '同上',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '重性精神疾病患者管理率达到95%。',
          },
          {
            line: 649,
            name: '卫生监督协管',
            targetGroup: '城乡居民',
            standard: '同上',
            funding: '同上',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '目标人群覆盖率达到100%以上。',
          },
        ],
      },
      {
        field: { key: 'health', label: '药品供应和安全保障' },
        line: 655,
        rows: [
          {
            line: 657,
            name: '基本药物制度',
            targetGroup: '城乡居民',
            standard: '三级不低于25%至35%，二级45%至50%，乡镇55%，村65%。',
            funding: '医改目标任务',
            fundingLevels: [],
            amounts: [
              amount('三级', 25, '%', '三级不低于25%至35%'),
              amount('三级', 35, '%', '三级不低于25%至35%'),
              amount('二级', 45, '%', '二级45%至50%'),
              amount('二级', 50, '%', '二级45%至50%'),
              amount('乡镇', 55, '%', '乡镇55%'),
              amount('村', 65, '%', '村65%'),
            ],
            coverage: '覆盖所有政府办基层医疗卫生机构和村卫生室。（23个乡镇，220个村）',
          },
          {
            line: 663,
            name: '药品安全保障',
            targetGroup: '城乡居民',
            standard: '省集中招标',
            funding: '医改目标任务',
            fundingLevels: [],
            coverage: '药品出厂检验合格率达到100%。',
          },
        ],
      },
    ],
  },
  {
    title: '旺苍县“十四五”基本社会服务基本标准',
    line: 719,
    blocks: [
      {
        field: { key: 'assistance', label: '社会救助' },
        line: 726,
        rows: [
          {
            line: 728,
            name: '最低生活保障',
            targetGroup: '家庭人均收入低于当地最低生活保障标准的城乡居民',
            standard: '城乡低保按当年当地最低生活保障线与家庭人均收入差额补助。',
            funding: '符合条件的程序低保对象“应保尽保，应退尽退”，进一步加强困难群众基本生活保障。',
            fundingLevels: [],
            coverage: '目标人群覆盖率100%。',
          },
          {
            line: 736,
            name: '流浪乞讨人员生活救助',
            targetGroup: '城市生活无着的流浪乞讨人员',
            standard: '根据当年当地基本生活标准按策保障，按策救助。',
            funding:
              '为符合符合条件人员落实好社会保障政策，切实保障流浪乞讨人员人身安全和基本生活。',
            fundingLevels: [],
            coverage: '目标人群覆盖率100%，城区均设有标准的救助机构。',
          },
          {
            line: 746,
            name: '流浪未成年人救助保护',
            targetGroup: '流浪未成年人',
            standard: '根据当年当地基本生活保障标准，提供相应、全面救助。',
            funding:
              '为符合符合条件人员落实好社会保障政策，切实保障流浪乞讨未成年人员人身安全和基本生活。',
            fundingLevels: [],
            coverage: '目标人群覆盖率100%，城区均设有标准的救助机构。',
          },
        ],
      },
      {
        field: { key: 'assistance', label: '社会福利' },
        line: 754,
        rows: [
          {
            line: 756,
            name: '孤儿养育保障',
            targetGroup: '失去父母、查找不到生父母的未成年人',
            standard: '集中供养每月1400元/人，分散供养每月900元/人。',
            funding:
              '集中供养：中央补助400元，省级补助400元，地方补助600元。分散供养：中央补助400元，省级补助200元，地方补助300元。',
            fundingLevels: ['central', 'province'],
            coverage: '目标人群覆盖率100%，新增孤儿养育床80张。',
          },
          {
            line: 766,
            name: '农村特困人员供养',
            targetGroup:
              '无劳动能力、无生活来源又无法定赡养、抚养、扶养义务人，或者法定赡养、抚养、扶养义务人无赡养、抚养、扶养能力的老年、残疾或者未满16周岁的村民',
            standard:
              '满足基本所需，依照全省城乡最低生活标准低限制定并适时调整，原则上不得低于当地城乡低保标准的1.3倍。',
            funding:
              '切实做好城乡特困人员的衣、食、住、医、葬全面保障，进一步提供城乡特困人员保障水平。',
            fundingLevels: [],
            coverage: '目标人群覆盖率100%，集中供养能力达到60%以上。',
          },
          {
            line: 772,
            name: '殡葬补贴',
            targetGroup: '推行火葬地区不保留骨灰者和低收入家庭身故者的家庭',
            standard: '绿色惠民殡葬服务补贴500元/具，困难群众殡葬救助1500元/具。',
            funding: '绿色惠民殡葬省级补贴500元。困难群众殡葬救助地方补助1500元',
            fundingLevels: ['province'],
            coverage: '使火化率提高至100%。',
          },
        ],
      },
      {
        field: { key: 'elderly', label: '基本养老服务' },
        line: 778,
        rows: [
          {
            line: 780,
            name: '基本养老服务补贴',
            targetGroup: '家庭经济困难且生活难以自理的失能半失能65岁及以上城乡居民',
            standard:
              '加强养老服务体系建设，加大敬老院适老化改造，为更多失能、半失能困难老人提供养老服务和养老床位.加强农村日间照料中心建设，为更多老人提供日间照料.3、继续推进居家养老服务。',
            funding: '完善居家为基础、社区为依托、机构为补充、医养相结合的养老服务体系',
            fundingLevels: [],
            coverage: '目标人群覆盖率100%。',
          },
        ],
      },
    ],
  },
  {
    title: '旺苍县“十四五”基本住房保障服务基本标准',
    line: 830,
    blocks: [
      {
        field: { key: 'housing', label: '住房保障服务' },
        line: 830,
        rows: [
          {
            line: 837,
            name: '住房租赁补贴',
            targetGroup: '城镇中低收入住房困难家庭',
            standard:
              '享有货币配租的，人均住房建筑面积10㎡左右，租赁补贴标准由县政府根据当地经济发展水平、市场平均租金、家庭经济承受能力等因素确定。',
            funding: '县政府负责，省级政府给予资金支持，中央给予资金补助。',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '发放租赁补贴6000户（每年1200户）。',
          },
          {
            line: 847,
            name: '公共租赁住房',
            targetGroup: '城镇中等偏下收入住房困难家庭、新就业无房职工、城镇稳定就业的外来务工人员',
            standard: '实行实物保障和货币补贴并举，并逐步加大租赁补贴发放力度。',
            funding: '县政府负责，引导社会资金投入，省级政府给予资金支持，中央给予资金补助。',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '增加公共租赁住房700套。',
          },
          {
            line: 853,
            name: '棚户区改造',
            targetGroup: '符合条件的棚户区居民',
            standard:
              '棚户区改造按照“政府主导、市场运作”的原则实施。棚户区改造安置标准普遍达到了户均45㎡以上，保证了实施改造后群众居住水平都能明显提高。',
            funding: '政府给予适当补助，企业安排一定的资金，住户承担一部分住房改善费用。',
            fundingLevels: [],
            coverage: '改造棚户区居民住房1000户。',
          },
          {
            line: 863,
            name: '老旧小区改造',
            targetGroup: '全县居民，保障基础民生',
            standard: '通过改造，提升居住环境，提高生活质量',
            funding:
              '县人民政府负总责，中央财政安排补助资金，省级财政给予资金支持、地方财政给予资金支持、企业及个人自筹等相结合。',
            fundingLevels: ['central', 'province', 'county'],
            coverage: '84个老旧小区及周边基础配套设施',
          },
          {
            line: 869,
            name: '农村危房改造',
            targetGroup: '居住在危房中的农村分散供养特困人员、低保户、贫困残疾人家庭和其他贫困户',
            standard: '补助标准2万元/户。',
            funding:
              '省级政府负总责，中央财政安排补助资金、省级财政给予资金支持、个人自筹等相结合。',
            fundingLevels: ['central', 'province'],
            coverage: '累计改造农村危房1500户。',
          },
        ],
      },
    ],
  },
  {
    title: '旺苍县“十四五”文化体育服务基本标准',
    line: 914,
    blocks: [
      {
        field: { key: 'culture_sports', label: '文化体育服务' },
        line: 921,
        rows: [
          {
            line: 923,
            name: '公共文化场馆开放',
            targetGroup: '城乡居民',
            funding: '中央、省',
            fundingLevels: ['central', 'province'],
            coverage: '目标人群覆盖率100%',
          },
          {
            line: 928,
            name: '公益性流动文化服务',
            targetGroup: '城乡居民',
            funding: '中央、省',
            fundingLevels: ['central', 'province'],
            coverage: '目标人群覆盖率100%',
          },
        ],
      },
      {
        field: { key: 'culture_sports', label: '广播影视' },
        line: 933,
        rows: [
          {
            line: 935,
            name: '农村广播电视',
            targetGroup: '农村居民为主',
            funding: '中央、省',
            fundingLevels: ['central', 'province'],
            coverage: '目标人群覆盖率100%',
          },
          {
            line: 940,
            name: '农村电影放映',
            targetGroup: '农村居民',
            funding: '中央、省',
            fundingLevels: ['central', 'province'],
            coverage: '每年放映3084场公益电影。',
          },
          {
            line: 945,
            name: '应急广播',
            targetGroup: '城乡居民',
            funding: '中央、省',
            fundingLevels: ['central', 'province'],
            coverage: '实现全覆盖（延伸到社）',
          },
        ],
      },
      {
        field: { key: 'culture_sports', label: '新闻出版' },
        line: 950,
        rows: [
          {
            line: 952,
            name: '公共阅读服务',
            targetGroup: '城乡居民',
            funding: '中央、省',
            fundingLevels: ['central', 'province'],
            coverage: '基本实现行政村村村有农家书屋，新增城乡公共阅报栏（屏）50个。',
          },
        ],
      },
      {
        field: { key: 'culture_sports', label: '文化遗产展示' },
        line: 957,
        rows: [
          {
            line: 959,
            name: '文化遗产展示门票减免',
            targetGroup: '未成年人、老年人、现役军人、残疾人和低收入人群',
            funding: '中央、省',
            fundingLevels: ['central', 'province'],
            coverage: '目标人群覆盖率100%。',
          },
        ],
      },
      {
        field: { key: 'culture_sports', label: '群众体育' },
        line: 964,
        rows: [
          {
            line: 966,
            name: '体育场馆开放',
            targetGroup: '城乡居民',
            funding: '中央、省',
            fundingLevels: ['central', 'province'],
            coverage: '目标人群覆盖率100%',
          },
          {
            line: 971,
            name: '全民健身服务',
            targetGroup: '城乡居民',
            funding: '中央、省',
            fundingLevels: ['central', 'province'],
            coverage: '经常参加体育锻炼人数比率达到41.5%以上。',
          },
          {
            line: 976,
            name: '社区书屋',
            targetGroup: '社区居民',
            funding: '中央、省',
            fundingLevels: ['central', 'province'],
            coverage: '目标人群覆盖率100%。',
          },
        ],
      },
    ],
  },
  {
    title: '旺苍县“十四五”残疾人社会保障服务基本标准',
    line: 1017,
    blocks: [
      {
        field: { key: 'disability', label: '残疾人社会保障服务' },
        line: 1024,
        rows: [
          {
            line: 1026,
            name: '社会保险保费补贴',
            targetGroup: '重度和贫困残疾人',
            standard: '100元/人',
            funding: '县级',
            fundingLevels: ['county'],
            coverage: '目标人群覆盖率100%。',
          },
          {
            line: 1036,
            name: '基本医疗保障医疗康复项目',
            targetGroup: '参保残疾人',
            standard: '按政策标准',
            funding: '县级',
            fundingLevels: ['county'],
            coverage: '目标人群覆盖率95%。',
          },
        ],
      },
      {
        field: { key: 'disability', label: '残疾人基本服务' },
        line: 1042,
        rows: [
          {
            line: 1044,
            name: '残疾儿童康复救助',
            targetGroup: '符合救助条件的残疾儿童',
            standard: '不超出2万元/人/年',
            funding: '省级、县级',
            fundingLevels: ['province', 'county'],
            amounts: [amount('', 2, '万元/人/年', '不超出2万元/人/年')],
            coverage: '覆盖100人（次）左右目标人群。',
          },
          {
            line: 1052,
            name: '残疾人就业及产业发展服务',
            targetGroup: '城乡有就业愿望的残疾人',
            standard: '1000元/人',
            funding: '省级、县级',
            fundingLevels: ['province', 'county'],
            coverage:
              '实现城乡新增居家灵活就业残疾人人数达到1000人次左右，为1000位农村贫困残疾人提供实用技术培训。',
          },
          {
            line: 1060,
            name: '残疾人文化艺术服务',
            targetGroup: '残疾人',
            standard: '无',
            funding: '',
            fundingLevels: [],
            coverage: '各级公共图书馆设立盲人阅览室，配置盲文图书及有关阅读设备。',
          },
          {
            line: 1068,
            name: '残疾人体育健身服务',
            targetGroup: '残疾人',
            standard: '10万/个',
            funding: '省级',
            fundingLevels: ['province'],
            coverage:
              '结合“残疾人之家”，建立5个残疾人体育健身示范点，经常参加体育健身的残疾人比率达到90%以上。',
          },
        ],
      },
    ],
  },
  {
    title: '旺苍县“十四五”退役军人服务基本标准',
    line: 1125,
    blocks: [
      {
        field: { key: 'veterans', label: '退役军人服务' },
        line: 1132,
        rows: [
          {
            line: 1134,
            name: '一次性地方经济补助费',
            targetGroup: '自主就业退役士兵',
            standard: '按照服役年限，义务兵6000元/人/年，士官7000元/人/年',
            funding: '县级',
            fundingLevels: ['county'],
            coverage: '自主就业退役士兵覆盖率100%。',
          },
          {
            line: 1140,
            name: '职业技能培训生活补助费',
            targetGroup: '职业技能参训人员',
            standard: '2200元/人',
            funding: '县级',
            fundingLevels: ['county'],
            coverage: '培训合格覆盖率100%。',
          },
          {
            line: 1146,
            name: '待安期生活补助费',
            targetGroup: '政府安排工作退役士兵',
            standard: '1650元/人/月',
            funding: '县级',
            fundingLevels: ['county'],
            coverage: '政府安排工作退役士兵覆盖率100%',
          },
          {
            line: 1152,
            name: '在乡复员、退役军人生活补助',
            targetGroup: '在乡老复员人员',
            standard: '1806元/人/月',
            funding: '省市县',
            fundingLevels: ['province', 'city', 'county'],
            coverage:
              '所需资金由中央和地方财政共同负担，中央财政补助标准为每人每年19262元。地方财政负担部分，省级财政对扩权县补助50％。',
          },
          {
            line: 1158,
            name: '在乡复员、退役军人生活补助',
            targetGroup: '带病回乡退伍军人',
            standard: '731元/人/月',
            funding: '省市县',
            fundingLevels: ['province', 'city', 'county'],
            coverage:
              '所需资金由中央和地方财政共同负担，中央财政补助标准为每人每年560元。地方财政负担部分，省级财政对扩权县补助50％。',
          },
          {
            line: 1164,
            name: '在乡复员、退役军人生活补助',
            targetGroup: '“两参”退役人员',
            standard: '751元/人/月',
            funding: '省市县',
            fundingLevels: ['province', 'city', 'county'],
            coverage:
              '所需资金由中央和地方财政共同负担，中央财政补助标准为每人每年600元。地方财政负担部分，省级财政对扩权县补助50％。',
          },
          {
            line: 1170,
            name: '伤残抚恤',
            targetGroup: '伤残军人，伤残国家机关工作人员，伤残人民警察，伤残民兵民工',
            standard: '',
            funding: '中央',
            fundingLevels: ['central'],
            coverage: '抚恤金额根据伤残性质及伤残等级而定，所需资金由中央财政全额负担。',
          },
          {
            line: 1176,
            name: '60岁农村籍退役',
            targetGroup: '60岁农村籍退役',
            standard: '',
            funding: '中央',
            fundingLevels: ['central'],
            coverage: '每服一年义务兵役每人每月补助50元，所需资金由中央财政全额负担。',
          },
          {
            line: 1182,
            name: '死亡抚恤',
            targetGroup: '烈士遗属，因公牺牲军人遗属，病故军人遗属，部分烈士子女',
            standard: '',
            funding: '中央',
            fundingLevels: ['central'],
            coverage:
              '抚恤金额根据“三属”性质而定，部分烈士子女每人每月提高50元。所需资金由中央财政全额负担。',
          },
          {
            line: 1188,
            name: '其他',
            targetGroup: '1--4级伤残护理人员，二战遗属，见义勇为公民遗属',
            standard: '',
            funding: '县级',
            fundingLevels: ['county'],
            coverage:
              '1-2级残疾护理费为当地职工月平均工资的50％，调整后为每人每月2708元，3-4级残疾护理费为当地职工月平均工资的40％，调整后为每人每月2166元。二战遗属每人每月163元，见义勇为公民遗属参照“三属”中的“因公牺牲军人遗属”标准执行。所需资金由地方全额负担。5-6级因患精神病初级士官和义务兵为当地职工月平均工资的25%，调整后为每人每月1354元。',
          },
        ],
      },
    ],
  },
];

const SAME_AS_ABOVE = '同上';

// extractQuantities stops at 元 or 万; the per-unit after it (元/生年, 元/人/月) is part of the
// standard's amount, as the domain's own example reads 小学650元/生年 as 650 元/生年.
const PER_UNIT = /^(?:\/(?:生年|生天|人次|人|月|年|具|户|个|次))+/u;

function standardAmounts(standard: string): QuantityMention[] {
  let from = 0;
  return extractQuantities(standard).map((m) => {
    const at = standard.indexOf(m.text, from);
    if (at < 0 || !m.text.endsWith(m.unit)) return m;
    const end = at + m.text.length;
    from = end;
    const per = PER_UNIT.exec(standard.slice(end))?.[0];
    return per ? { ...m, unit: m.unit + per, text: m.text + per } : m;
  });
}

function amount(metric: string, value: number, unit: string, text: string): QuantityMention {
  return { metric, value, unit, text };
}

/** Both ends of a range (1000-3000元/生年), which extractQuantities reads as its upper end only. */
function range(min: number, max: number, unit: string, text: string): QuantityMention[] {
  return [amount('', min, unit, text), amount('', max, unit, text)];
}

function idPart(key: string): string {
  return key.replace(/_/g, '-');
}

/**
 * The tables as ServiceItems (ids s-<field>-<nn>, numbered per field across tables), one
 * ServiceField per block, and a resolution note for every row whose 同上 was resolved.
 */
export function buildServices(): {
  services: ServiceItemInput[];
  serviceFields: ServiceField[];
  notes: DocumentNote[];
} {
  const services: ServiceItemInput[] = [];
  const serviceFields: ServiceField[] = [];
  const notes: DocumentNote[] = [];
  const perField = new Map<string, number>();
  for (const table of SERVICE_TABLES) {
    let item = 0;
    let above: { standard?: string; funding: string } | undefined;
    for (const block of table.blocks) {
      serviceFields.push({
        field: block.field,
        declaredCount: null,
        source: { section: table.title, line: block.line },
      });
      for (const row of block.rows) {
        item += 1;
        const resolved: string[] = [];
        let standard = row.standard;
        let funding = row.funding;
        if (standard === SAME_AS_ABOVE && above?.standard !== undefined) {
          standard = above.standard;
          resolved.push(`保障标准 = ${standard}`);
        }
        if (funding === SAME_AS_ABOVE && above) {
          funding = above.funding;
          resolved.push(`支出责任 = ${funding}`);
        }
        above = { ...(standard === undefined ? {} : { standard }), funding };
        const n = (perField.get(block.field.key) ?? 0) + 1;
        perField.set(block.field.key, n);
        const source = { section: table.title, item, line: row.line };
        services.push({
          id: `s-${idPart(block.field.key)}-${String(n).padStart(2, '0')}`,
          field: block.field,
          name: row.name,
          targetGroup: row.targetGroup,
          ...(standard === undefined
            ? {}
            : { standard, standardAmounts: row.amounts ?? standardAmounts(standard) }),
          funding,
          fundingLevels: row.fundingLevels,
          coverage: row.coverage,
          table: table.title,
          source,
        });
        if (resolved.length > 0) {
          notes.push({
            kind: 'resolution',
            where: source,
            text: `${row.name}: the table writes 同上 (same as above); resolved to the row above: ${resolved.join('; ')}.`,
            original: SAME_AS_ABOVE,
          });
        }
      }
    }
  }
  return { services, serviceFields, notes };
}
