import type { CanonicalKey, FieldRef, IndicatorInput } from '@minsheng/domain';
import { groups } from './tasks.ts';

/**
 * The document has no indicator table. These are the targets its text states as explicit numbers
 * for 2017 (rates, ratios, the standard raised from 45元 to 50元, and the headcounts the
 * employment and social-insurance tables of other plans track), so the year can be monitored.
 * Counts of things built or people served stay with their task as quantities.
 *
 * name: the indicator's words as the sentence writes them; target: the value as written, the
 * verb (达到, 控制在, 下降至) left out. No baseline is given except 45元, so baseline is '' and
 * baselineYear the year before the plan (2016).
 *
 * Left out, and said so in the README: 婚检率较2016年提高3% (a rise, not a level: 3 points or 3 per
 * cent is not said) and 孕产妇死亡率下降至20/10万以下 (the value grammar cannot read "20/10万以下").
 */

const KEY_WORK = '二、重点工作';
const TASKS = '三、主要任务';
const keyWorkField: FieldRef = { key: 'general', label: '重点工作' };

interface Row {
  id: string;
  field: FieldRef;
  name: string;
  unit: string;
  baseline?: string;
  target: string;
  canonicalKey?: CanonicalKey;
  section: string;
  /** The task number, for indicators read from a numbered task. */
  item?: number;
  line: number;
  note?: string;
}

const rows: Row[] = [
  {
    id: 'livelihood-spending-share',
    field: keyWorkField,
    name: '全市民生支出占比',
    unit: '%',
    target: '70%以上',
    section: KEY_WORK,
    line: 5,
    note: '原文“继续保持在70%以上”：保持在某一水平之上',
  },
  {
    id: 'budget-livelihood-spending-share',
    field: keyWorkField,
    name: '一般公共预算民生支出比例',
    unit: '%',
    target: '不低于70%',
    section: KEY_WORK,
    line: 5,
  },
  {
    id: 'urban-new-jobs-key-work',
    field: groups.employment.field,
    name: '城镇新增就业',
    unit: '万人',
    target: '3.4万人',
    canonicalKey: 'urban_new_jobs',
    section: KEY_WORK,
    line: 5,
    note: '二、重点工作写3.4万人，任务6写3.35万人（见文档说明）',
  },
  {
    id: 'urban-new-jobs',
    field: groups.employment.field,
    name: '城镇新增就业',
    unit: '万人',
    target: '3.35万人',
    canonicalKey: 'urban_new_jobs',
    section: TASKS,
    item: 6,
    line: 15,
    note: '任务6写3.35万人，二、重点工作写3.4万人（见文档说明）',
  },
  {
    id: 'unemployed-reemployed',
    field: groups.employment.field,
    name: '失业人员再就业',
    unit: '万人',
    target: '0.8万人',
    section: TASKS,
    item: 6,
    line: 15,
  },
  {
    id: 'hard-to-employ-employed',
    field: groups.employment.field,
    name: '就业困难人员就业',
    unit: '万人',
    target: '0.25万人',
    section: TASKS,
    item: 6,
    line: 15,
  },
  {
    id: 'urban-registered-unemployment',
    field: groups.employment.field,
    name: '城镇登记失业率',
    unit: '%',
    target: '4.2%以内',
    canonicalKey: 'urban_registered_unemployment',
    section: TASKS,
    item: 6,
    line: 15,
    note: '原文“控制在4.2%以内”为上限；值语法不识别“以内”，读作数值4.2、单位“%以内”',
  },
  {
    id: 'resident-medical-insurance-coverage',
    field: groups.socialInsurance.field,
    name: '城乡居民参保率',
    unit: '%',
    target: '98%',
    section: TASKS,
    item: 10,
    line: 21,
    note: '任务10（基本医疗保险）中的城乡居民医保参保率',
  },
  {
    id: 'resident-medical-inpatient-reimbursement',
    field: groups.socialInsurance.field,
    name: '参保居民住院医疗费用政策范围内报销比例',
    unit: '%',
    target: '75%',
    canonicalKey: 'resident_medical_inpatient_reimbursement',
    section: TASKS,
    item: 10,
    line: 21,
  },
  {
    id: 'unemployment-insurance-insured',
    field: groups.socialInsurance.field,
    name: '参加失业保险',
    unit: '万人',
    target: '15.8万人',
    canonicalKey: 'unemployment_insurance_insured',
    section: TASKS,
    item: 11,
    line: 22,
  },
  {
    id: 'work-injury-insurance-insured',
    field: groups.socialInsurance.field,
    name: '参加工伤保险',
    unit: '万人',
    target: '21.2万人',
    canonicalKey: 'work_injury_insurance_insured',
    section: TASKS,
    item: 11,
    line: 22,
  },
  {
    id: 'maternity-insurance-insured',
    field: groups.socialInsurance.field,
    name: '参加生育保险',
    unit: '万人',
    target: '12.84万人',
    section: TASKS,
    item: 11,
    line: 22,
  },
  {
    id: 'public-health-service-coverage',
    field: groups.health.field,
    name: '目标人群基本公共卫生计生服务覆盖率',
    unit: '%',
    target: '90%',
    section: TASKS,
    item: 17,
    line: 32,
  },
  {
    id: 'public-health-funding-per-capita',
    field: groups.health.field,
    name: '人均基本公共卫生服务经费补助标准',
    unit: '元',
    baseline: '45元',
    target: '50元',
    section: TASKS,
    item: 17,
    line: 32,
    note: '原文“由45元提高到50元”：45元为提高前（2016年）的标准',
  },
  {
    id: 'health-record-e-filing-rate',
    field: groups.health.field,
    name: '居民健康档案电子建档率',
    unit: '%',
    target: '98%以上',
    section: TASKS,
    item: 18,
    line: 33,
    note: '以县(区、市)为单位',
  },
  {
    id: 'health-record-standard-e-filing-rate',
    field: groups.health.field,
    name: '规范化电子建档率',
    unit: '%',
    target: '75%以上',
    section: TASKS,
    item: 18,
    line: 33,
    note: '以县(区、市)为单位',
  },
  {
    id: 'poor-resident-health-record-e-filing-rate',
    field: groups.health.field,
    name: '贫困居民健康档案电子建档率',
    unit: '%',
    target: '100%',
    section: TASKS,
    item: 18,
    line: 33,
  },
  {
    id: 'prepregnancy-checkup-coverage',
    field: groups.health.field,
    name: '孕前优生健康检查项目城乡目标人群覆盖率',
    unit: '%',
    target: '95%以上',
    canonicalKey: 'prepregnancy_checkup_coverage',
    section: TASKS,
    item: 21,
    line: 36,
  },
  {
    id: 'infant-mortality',
    field: groups.health.field,
    name: '婴儿死亡率',
    unit: '‰',
    target: '5.9‰以下',
    section: TASKS,
    item: 21,
    line: 36,
  },
];

export const indicators: IndicatorInput[] = rows.map((r) => ({
  id: r.id,
  field: r.field,
  name: r.name,
  unit: r.unit,
  baselineYear: 2016,
  baseline: r.baseline ?? '',
  targetYear: 2017,
  target: r.target,
  // The document has no nature column and says 约束性/预期性 nowhere.
  nature: null,
  canonicalKey: r.canonicalKey ?? null,
  source: { section: r.section, ...(r.item === undefined ? {} : { item: r.item }), line: r.line },
  ...(r.note === undefined ? {} : { note: r.note }),
}));
