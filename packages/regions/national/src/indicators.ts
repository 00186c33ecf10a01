import type { CanonicalKey, IndicatorInput } from '@minsheng/domain';

const F = {
  childcare: { key: 'childcare', label: '幼有所育' },
  education: { key: 'education', label: '学有所教' },
  employment: { key: 'employment', label: '劳有所得' },
  health: { key: 'health', label: '病有所医' },
  elderly: { key: 'elderly', label: '老有所养' },
  housing: { key: 'housing', label: '住有所居' },
  assistance: { key: 'assistance', label: '弱有所扶' },
  culture_sports: { key: 'culture_sports', label: '文体服务保障' },
} as const;

/** The 新华社 release as stored in source/, the one source that gives the 2025 targets. */
export const XINHUA = 'source/xinhua-2022-01-10.txt';

/**
 * One indicator as the release states it: `name` is the release's words for it, `target` the
 * figure it gives for 2025 exactly as written (大于90%, 达55%, 约1000万张), `line` the line of
 * the stored release that says so.
 */
interface Row {
  field: IndicatorInput['field'];
  name: string;
  unit: string | null;
  target: string;
  canonicalKey: CanonicalKey;
  line: number;
  /** Where the release words an indicator differently from `name` (shared subjects). */
  remark?: string;
}

/**
 * The 22 indicators of 《“十四五”公共服务规划》's 社会发展与公共服务主要指标, in the order the release
 * lists them, field by field. No source found gives the table itself: its 2020 column and each
 * row's 约束性 / 预期性 are left empty, and every row's note says so.
 */
const ROWS: Row[] = [
  {
    field: F.childcare,
    name: '每千人口拥有3岁以下婴幼儿托位数',
    unit: '个',
    target: '4.5个',
    canonicalKey: 'nursery_places_per_1000',
    line: 9,
  },
  {
    field: F.childcare,
    name: '孤儿和事实无人抚养儿童',
    unit: null,
    target: '应保尽保',
    canonicalKey: 'orphan_care_coverage',
    line: 9,
    remark: '原文：孤儿和事实无人抚养儿童实现应保尽保。',
  },
  {
    field: F.education,
    name: '学前教育毛入园率',
    unit: '%',
    target: '大于90%',
    canonicalKey: 'preschool_gross_enrolment',
    line: 10,
  },
  {
    field: F.education,
    name: '九年义务教育巩固率',
    unit: '%',
    target: '96%',
    canonicalKey: 'compulsory_education_retention',
    line: 10,
  },
  {
    field: F.education,
    name: '高中阶段教育毛入学率',
    unit: '%',
    target: '大于92%',
    canonicalKey: 'high_school_gross_enrolment',
    line: 10,
  },
  {
    field: F.education,
    name: '劳动年龄人口平均受教育年限',
    unit: '年',
    target: '达11.3年',
    canonicalKey: 'working_age_schooling_years',
    line: 10,
  },
  {
    field: F.employment,
    name: '参加各类补贴性职业技能培训',
    unit: '万人次',
    target: '1500万人次',
    canonicalKey: 'subsidised_skills_training',
    line: 11,
    remark: '原文未说明1500万人次是年度数还是五年累计数，按原文记为一个数。',
  },
  {
    field: F.health,
    name: '人均预期寿命',
    unit: '岁',
    target: '78.3岁',
    canonicalKey: 'life_expectancy',
    line: 12,
  },
  {
    field: F.health,
    name: '每千人口拥有执业(助理)医师',
    unit: '人',
    target: '3.2人',
    canonicalKey: 'doctors_per_1000',
    line: 12,
  },
  {
    field: F.health,
    name: '每千人口拥有注册护士',
    unit: '人',
    target: '3.8人',
    canonicalKey: 'nurses_per_1000',
    line: 12,
    remark: '原文：每千人口拥有执业(助理)医师3.2人、注册护士3.8人；“每千人口拥有”为两项共用。',
  },
  {
    field: F.health,
    name: '基本医疗保险参保率',
    unit: '%',
    target: '大于95%',
    canonicalKey: 'basic_medical_insurance_coverage',
    line: 12,
  },
  {
    field: F.elderly,
    name: '养老机构护理型床位占比',
    unit: '%',
    target: '达55%',
    canonicalKey: 'nursing_beds_share',
    line: 13,
  },
  {
    field: F.elderly,
    name: '新建城区、居住(小)区配套建设养老服务设施达标率',
    unit: '%',
    target: '100%',
    canonicalKey: 'elderly_facilities_compliance',
    line: 13,
  },
  {
    field: F.elderly,
    name: '基本养老保险参保率',
    unit: '%',
    target: '达95%',
    canonicalKey: 'pension_insurance_coverage',
    line: 13,
  },
  {
    field: F.elderly,
    name: '养老服务床位总量',
    unit: '万张',
    target: '约1000万张',
    canonicalKey: 'elderly_care_beds_total',
    line: 13,
  },
  {
    field: F.housing,
    name: '城镇户籍低保、低收入家庭申请公租房',
    unit: null,
    target: '应保尽保',
    canonicalKey: 'public_rental_housing_coverage',
    line: 14,
    remark:
      '原文：城镇户籍低保、低收入家庭申请公租房和符合条件的农村低收入群体住房安全均实现应保尽保；两项共用“均实现应保尽保”。',
  },
  {
    field: F.housing,
    name: '符合条件的农村低收入群体住房安全',
    unit: null,
    target: '应保尽保',
    canonicalKey: 'rural_housing_safety',
    line: 14,
    remark: '与上一项共用“均实现应保尽保”。',
  },
  {
    field: F.housing,
    name: '城镇老旧小区改造',
    unit: '万个',
    target: '约21.9万个',
    canonicalKey: 'old_communities_renovated',
    line: 14,
    remark: '原文未说明是否为五年累计数，按原文记为一个数。',
  },
  {
    field: F.assistance,
    name: '困难残疾人生活补贴和重度残疾人护理补贴目标人群覆盖率',
    unit: '%',
    target: '达100%',
    canonicalKey: 'disability_subsidy_coverage',
    line: 15,
  },
  {
    field: F.culture_sports,
    name: '每万人接受公共文化设施服务',
    unit: '万次',
    target: '3.4万次',
    canonicalKey: 'cultural_facility_visits_per_10000',
    line: 16,
  },
  {
    field: F.culture_sports,
    name: '人均体育场地面积',
    unit: '平方米',
    target: '2.6平方米',
    canonicalKey: 'sports_area_per_capita',
    line: 16,
  },
  {
    field: F.culture_sports,
    name: '每百户居民拥有社区综合服务设施面积',
    unit: '平方米',
    target: '大于30平方米',
    canonicalKey: 'community_service_space_per_100_households',
    line: 16,
  },
];

const id = (key: CanonicalKey): string => key.replace(/_/g, '-');

/** Why a cell is empty: said once per row, since no source gives either. */
export const EMPTY_CELLS_NOTE =
  '2020年值：未找到给出该值的来源，留空。指标性质：来源只给出约束性7项、预期性15项的总数，未逐项列出，留空。';

export const indicators: IndicatorInput[] = ROWS.map((r, i) => ({
  id: id(r.canonicalKey),
  field: r.field,
  name: r.name,
  unit: r.unit,
  baselineYear: 2020,
  baseline: '',
  targetYear: 2025,
  target: r.target,
  nature: null,
  canonicalKey: r.canonicalKey,
  source: { section: '新华社2022-01-10', item: i + 1, line: r.line },
  note: `2025年目标：${XINHUA} 第${r.line}行。${r.remark ? `${r.remark}` : ''}${EMPTY_CELLS_NOTE}`,
}));
