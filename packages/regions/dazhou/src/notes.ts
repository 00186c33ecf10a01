import type { DocumentNote } from '@minsheng/domain';

/** The document's opening sentence, kept whole: it names the plan this one implements. */
export const LINE_1 =
  '根据《达州市人民政府办公室关于印发达州市“十三五”基本公共服务均等化规划的通知》(达市府办发〔2017〕34号)等要求,为推进规划实施,特制订本实施计划。';

// Each (责任单位:…) line that ends in 等: the last name is kept without it.
const trailingDeng: { box: string; line: number; last: string }[] = [
  { box: '(三)社会保险', line: 23, last: '市财政局' },
  { box: '(四)基本社会服务', line: 30, last: '市财政局' },
  { box: '(五)基本公共卫生计生服务', line: 38, last: '市妇联' },
  { box: '(六)基本住房保障', line: 43, last: '达州经开区管委会' },
];

/** What a reader of this plan must know about the document itself. */
export const notes: DocumentNote[] = [
  {
    kind: 'remark',
    where: { section: '标题', line: 1 },
    text: '原文无标题行。标题据第1行（为推进达州市“十三五”基本公共服务均等化规划实施而特制订本实施计划）与落款日期2017年7月26日拟定。',
  },
  {
    kind: 'remark',
    where: { section: '文号', line: 1 },
    text: `第1行原文：“${LINE_1}”达市府办发〔2017〕34号是所依据规划的印发通知的文号，不是本实施计划的文号；本计划的文号原文未载。`,
  },
  {
    kind: 'remark',
    where: { section: '落款', line: 61 },
    text: '第61行“bt365手机客户端”是网页抓取时混入的广告文字，不是文件内容，未收录。它位于落款单位的位置，发布机构因此原文未载，记为“达州市”。',
    original: 'bt365手机客户端',
  },
  {
    kind: 'remark',
    where: { section: '三、主要任务' },
    text: '原文无指标表。指标取自正文明确写出的2017年数值目标；原文除“由45元提高到50元”外未给基期值，基期年份记为2016年、基期值为空。',
  },
  {
    kind: 'contradiction',
    where: { section: '二、重点工作', line: 5 },
    text: '城镇新增就业目标两处不一：二、重点工作写“确保城镇新增就业3.4万人”，三、主要任务第6项（第15行）写“努力实现全年城镇新增就业3.35万人”。两者均保留（指标 urban-new-jobs-key-work 与 urban-new-jobs）。',
  },
  ...trailingDeng.map(
    (d): DocumentNote => ({
      kind: 'remark',
      where: { section: d.box, line: d.line },
      text: `${d.box}的责任单位以“等”结尾，末项记为“${d.last}”；“等”表示所列单位未尽。`,
      original: `${d.last}等`,
    }),
  ),
  {
    kind: 'remark',
    where: { section: '四、实施保障', line: 56 },
    text: '四、实施保障三条责任单位（第56、58、60行）在“市残联”与“各县(市、区)人民政府”之间用逗号“,”分隔，按“、”同样拆分；“各县(市、区)”中的“、”不拆。',
  },
  {
    kind: 'remark',
    where: { section: '(八)残疾人基本公共服务', line: 53 },
    text: '第53行写“市人力资源和社会保障局”，其他各处写“市人力资源社会保障局”，指同一部门，均按原文保留。',
  },
];
