import type { CanonicalKey, DocumentNote, FieldRef, IndicatorInput } from '@minsheng/domain';
import { F } from './fields.ts';

/** One row of 表1 with its cells exactly as the extracted text has them (decimal points lost). */
interface Row {
  id: string;
  field: FieldRef;
  name: string;
  unit: string | null;
  baseline: string;
  target: string;
  nature: 'binding' | 'expected';
  canonicalKey: CanonicalKey | null;
  /** Line of the name in the seed; the 2020 cell stands two lines below it, the 2025 cell four. */
  line: number;
}

// Cells as the seed writes them; `restoreDecimal` puts the lost decimal point back and notes it.
const ROWS: Row[] = [
  {
    id: 'nursery-places-per-1000',
    field: F.childcare,
    name: '每千人口3岁以下婴幼儿托位数(个)',
    unit: '个',
    baseline: '1 5',
    target: '4 5',
    nature: 'expected',
    canonicalKey: 'nursery_places_per_1000',
    line: 154,
  },
  {
    id: 'orphan-care-coverage',
    field: F.childcare,
    name: '孤儿和事实无人抚养儿童保障覆盖率',
    unit: null,
    baseline: '——',
    target: '应保尽保',
    nature: 'binding',
    canonicalKey: 'orphan_care_coverage',
    line: 162,
  },
  {
    id: 'preschool-gross-enrolment',
    field: F.education,
    name: '学前教育毛入园率',
    unit: null,
    baseline: '90 93',
    target: '92 09',
    nature: 'expected',
    canonicalKey: 'preschool_gross_enrolment',
    line: 176,
  },
  {
    id: 'compulsory-education-retention',
    field: F.education,
    name: '九年义务教育巩固率',
    unit: null,
    baseline: '95 86',
    target: '96',
    nature: 'binding',
    canonicalKey: 'compulsory_education_retention',
    line: 184,
  },
  {
    id: 'high-school-gross-enrolment',
    field: F.education,
    name: '高中阶段教育毛入学率',
    unit: null,
    baseline: '93 1',
    target: '96',
    nature: 'expected',
    canonicalKey: 'high_school_gross_enrolment',
    line: 192,
  },
  {
    id: 'working-age-schooling-years',
    field: F.education,
    name: '劳动年龄人口平均受教育年限(年)',
    unit: '年',
    baseline: '10 16',
    target: '10 51',
    nature: 'binding',
    canonicalKey: 'working_age_schooling_years',
    line: 200,
  },
  {
    // The national plan's 开展补贴性职业技能培训人数: the same count, worded 参加各类….
    id: 'subsidised-skills-training',
    field: F.employment,
    name: '参加各类补贴性职业技能培训人数(万人次)',
    unit: '万人次',
    baseline: '415 7',
    target: '300',
    nature: 'expected',
    canonicalKey: 'subsidised_skills_training',
    line: 212,
  },
  {
    id: 'life-expectancy',
    field: F.health,
    name: '人均预期寿命',
    unit: null,
    baseline: '77 56',
    target: '78 2',
    nature: 'expected',
    canonicalKey: 'life_expectancy',
    line: 228,
  },
  {
    id: 'doctors-per-1000',
    field: F.health,
    name: '每千人口拥有执业(助理)医师数(人)',
    unit: '人',
    baseline: '2 81',
    target: '2 85',
    nature: 'expected',
    canonicalKey: 'doctors_per_1000',
    line: 236,
  },
  {
    id: 'nurses-per-1000',
    field: F.health,
    name: '每千人口拥有注册护士数(人)',
    unit: '人',
    baseline: '3 41',
    target: '3 8',
    nature: 'expected',
    canonicalKey: 'nurses_per_1000',
    line: 244,
  },
  {
    id: 'basic-medical-insurance-coverage',
    field: F.health,
    name: '基本医疗保险参保率',
    unit: null,
    baseline: '95',
    target: '95',
    nature: 'expected',
    canonicalKey: 'basic_medical_insurance_coverage',
    line: 252,
  },
  {
    id: 'nursing-beds-share',
    field: F.elderly,
    name: '养老机构护理型床位占比',
    unit: null,
    baseline: '30',
    target: '55',
    nature: 'binding',
    canonicalKey: 'nursing_beds_share',
    line: 268,
  },
  {
    // The 2025 cell is empty in the text (see the remark in notes.ts).
    id: 'elderly-facilities-compliance',
    field: F.elderly,
    name: '新建城区居住(小)区配套建设养老服务设施达标率',
    unit: null,
    baseline: '100',
    target: '',
    nature: 'binding',
    canonicalKey: 'elderly_facilities_compliance',
    line: 276,
  },
  {
    // 91.5 is the 基本养老保险参保率 the text gives for 2020 (line 74): the national indicator.
    id: 'pension-insurance-coverage',
    field: F.elderly,
    name: '养老保险参保率',
    unit: null,
    baseline: '91 5',
    target: '95',
    nature: 'expected',
    canonicalKey: 'pension_insurance_coverage',
    line: 284,
  },
  {
    id: 'elderly-care-beds-total',
    field: F.elderly,
    name: '养老服务床位总量(万张)',
    unit: '万张',
    baseline: '50 7',
    target: '55',
    nature: 'expected',
    canonicalKey: 'elderly_care_beds_total',
    line: 292,
  },
];

/** A number split by a space where the PDF lost its decimal point: "90 93" is 90.93. */
const LOST_DECIMAL = /^(\d+) (\d+)$/;

export const decimalNotes: DocumentNote[] = [];

function restoreDecimal(cell: string, row: Row, item: number, column: '2020' | '2025'): string {
  const m = LOST_DECIMAL.exec(cell);
  if (!m) return cell;
  const restored = `${m[1]}.${m[2]}`;
  decimalNotes.push({
    kind: 'restoration',
    where: { section: '表1', item, line: row.line + (column === '2020' ? 2 : 4) },
    text: `${row.name} ${column}: decimal point lost in the extraction, restored as ${restored}`,
    original: cell,
  });
  return restored;
}

export const indicators: IndicatorInput[] = ROWS.map((row, i) => ({
  id: row.id,
  field: row.field,
  name: row.name,
  unit: row.unit,
  baselineYear: 2020,
  baseline: restoreDecimal(row.baseline, row, i + 1, '2020'),
  targetYear: 2025,
  target: restoreDecimal(row.target, row, i + 1, '2025'),
  nature: row.nature,
  canonicalKey: row.canonicalKey,
  source: { section: '表1', item: i + 1, line: row.line },
}));
