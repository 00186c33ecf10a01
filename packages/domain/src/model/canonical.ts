import { z } from 'zod';

/**
 * Indicators that recur across plans and levels, each under one key, so a county's 每千人口3岁以下
 * 婴幼儿托位数 can be set against the province's. The names are the national plan's wording; a
 * plan may word it differently and still carry the key.
 */
export const CANONICAL_INDICATORS = {
  nursery_places_per_1000: { name: '每千人口拥有3岁以下婴幼儿托位数', unit: '个' },
  orphan_care_coverage: { name: '孤儿和事实无人抚养儿童保障覆盖率', unit: '%' },
  preschool_gross_enrolment: { name: '学前教育毛入园率', unit: '%' },
  compulsory_education_retention: { name: '九年义务教育巩固率', unit: '%' },
  high_school_gross_enrolment: { name: '高中阶段教育毛入学率', unit: '%' },
  working_age_schooling_years: { name: '劳动年龄人口平均受教育年限', unit: '年' },
  urban_new_jobs: { name: '城镇新增就业', unit: '万人' },
  urban_surveyed_unemployment: { name: '城镇调查失业率', unit: '%' },
  urban_registered_unemployment: { name: '城镇登记失业率', unit: '%' },
  urban_employment_share: { name: '城镇就业占比', unit: '%' },
  urban_wage_growth: { name: '城镇全部单位就业人员平均工资增长', unit: '%' },
  rural_labour_transfer: { name: '转移就业农村劳动力人数', unit: '万人' },
  subsidised_skills_training: { name: '开展补贴性职业技能培训人数', unit: '万人次' },
  migrant_worker_training: { name: '农民工参加职业培训人次', unit: '万人次' },
  skilled_workers_total: { name: '技能劳动者总量', unit: '万人' },
  unemployment_insurance_insured: { name: '失业保险参保人数', unit: '万人' },
  work_injury_insurance_insured: { name: '工伤保险参保人数', unit: '万人' },
  life_expectancy: { name: '人均预期寿命', unit: '岁' },
  doctors_per_1000: { name: '每千人口拥有执业（助理）医师数', unit: '人' },
  nurses_per_1000: { name: '每千人口拥有注册护士数', unit: '人' },
  hospital_beds_per_1000: { name: '每千人口医疗卫生机构床位数', unit: '张' },
  basic_medical_insurance_coverage: { name: '基本医疗保险参保率', unit: '%' },
  employee_medical_inpatient_reimbursement: { name: '职工医保政策范围内住院报销比例', unit: '%' },
  resident_medical_inpatient_reimbursement: { name: '居民医保政策范围内住院报销比例', unit: '%' },
  medical_assistance_inpatient_ratio: {
    name: '重点救助对象符合规定的医疗费用住院救助比例',
    unit: '%',
  },
  pension_insurance_coverage: { name: '基本养老保险参保率', unit: '%' },
  nursing_beds_share: { name: '养老机构护理型床位占比', unit: '%' },
  elderly_facilities_compliance: {
    name: '新建城区、居住（小）区配套建设养老服务设施达标率',
    unit: '%',
  },
  elderly_care_beds_total: { name: '养老服务床位总量', unit: '万张' },
  public_rental_housing_coverage: { name: '城镇户籍低保、低收入家庭申请公租房的保障率', unit: '%' },
  old_communities_renovated: { name: '城镇老旧小区累计改造', unit: '户' },
  rural_housing_safety: { name: '符合条件的农村低收入群体住房安全保障率', unit: '%' },
  disability_subsidy_coverage: { name: '困难残疾人生活补贴和重度残疾人护理补贴覆盖率', unit: '%' },
  veteran_placement_rate: { name: '转业军官和政府安排退役士兵安置率', unit: '%' },
  veteran_training_rate: { name: '退役军人适应性培训参训率', unit: '%' },
  cultural_facility_visits_per_10000: { name: '每万人接受公共文化设施服务次数', unit: '次' },
  community_service_space_per_100_households: {
    name: '每百户居民拥有社区综合服务设施面积',
    unit: '平方米',
  },
  sports_area_per_capita: { name: '人均体育场地面积', unit: '平方米' },
  legal_service_station_rate: { name: '依托乡镇司法所建立公共法律服务工作站建成率', unit: '%' },
  disabled_children_rehabilitation: { name: '0-6岁残疾儿童康复救助覆盖率', unit: '%' },
  prepregnancy_checkup_coverage: { name: '免费孕前优生健康检查目标人群覆盖率', unit: '%' },
} as const satisfies Record<string, { name: string; unit: string }>;

export type CanonicalKey = keyof typeof CANONICAL_INDICATORS;
export const CanonicalKeySchema = z.enum(
  Object.keys(CANONICAL_INDICATORS) as [CanonicalKey, ...CanonicalKey[]],
);
