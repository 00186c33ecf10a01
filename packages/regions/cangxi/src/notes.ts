import type { DocumentNote } from '@minsheng/domain';

/**
 * What a reader of this plan must know about the document itself. Every number stays as the
 * document writes it; these notes say where it disagrees with itself or where text was restored.
 */
export const notes: DocumentNote[] = [
  {
    kind: 'remark',
    where: { section: '标题', line: 5 },
    text: 'The issue date is the 发布时间 of the web release (2022-05-27) by 发布机构 苍溪县发展和改革局; the text gives no document number (文号) and no date of adoption.',
  },
  {
    kind: 'contradiction',
    where: { section: '表1', item: 3, line: 179 },
    text: '学前教育毛入园率: 表1 gives 90 for 2020, while 第一章第一节 (line 102) says 学前三年毛入园率达92%. Both kept as written.',
  },
  {
    kind: 'contradiction',
    where: { section: '专栏2', item: 1, line: 625 },
    text: '学前教育提质扩容工程 aims at 学前三年教育毛入学率达100% by 2025, while 表1 sets 98 as the 2025 target of 学前教育毛入园率 (line 183). Both kept as written.',
  },
  {
    kind: 'contradiction',
    where: { section: '表1', item: 26, line: 365 },
    text: '养老机构床位中护理型床位占比: 表1 gives 30 for 2020, while 第一章第一节 (line 102) says 护理型床位比例达到13.4%. Both kept as written.',
  },
  {
    kind: 'contradiction',
    where: { section: '专栏3', item: 2, line: 653 },
    text: '基层医疗卫生服务体系提质工程 plans 4个 county sub-centres (县域医疗次中心) to 二级综合医院 standard, while 第四章第三节 (line 641) plans 歧坪、东溪、龙山3个县域医疗卫生次中心 to the same standard. Both kept as written.',
  },
  {
    kind: 'contradiction',
    where: { section: '专栏8', item: 1, line: 745 },
    text: '文化惠民工程: 新增3-5个青少年体育训练基地和传统体育项目学校, while 第四章第八节 (line 741) plans 青少年体育训练基地学校1-2个和传统体育项目学校2-4个 (3-6 together). Both kept as written.',
  },
  {
    kind: 'contradiction',
    where: { section: '专栏8', item: 2, line: 747 },
    text: '文化遗产保护利用传承工程: 新增2-3个省级非遗保护项目和生产性保护示范基地, while 第四章第八节 (line 737) says 新增1-2个 of the same. Both kept as written.',
  },
  {
    kind: 'restoration',
    where: { section: '专栏8', item: 4, line: 751 },
    text: 'The extraction turned a separator into "?" in 九龙山?三溪口森林康养旅游示范带; restored as the middle dot the same sentence uses in 云台山·武当山.',
    original: '九龙山?三溪口森林康养旅游示范带',
  },
  {
    kind: 'remark',
    where: { section: '专栏4', item: 1, line: 673 },
    text: '至少建有1个社区要养老服务综合体: the 要 reads as a slip for 社区养老服务综合体; the text is kept as written.',
  },
  {
    kind: 'remark',
    where: { section: '表2', item: 76, line: 551 },
    text: "法律服务's 服务项目 cell separates its items with both '、' and ','; read so, it lists the six items its (共计6项) declares: 法律咨询, 法律援助, 法律顾问, 矛盾纠纷化解, 法治宣传, 其他法律服务.",
  },
  {
    kind: 'remark',
    where: { section: '表2', item: 77, line: 551 },
    text: '法律援助 is listed twice in 表2: under 弱有所扶 (item 56) and under 法律服务 (item 77). Both count towards the 81 items the plan declares.',
  },
];
