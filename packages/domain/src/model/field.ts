import { z } from 'zod';

/**
 * The livelihood areas (领域) every plan is organised by. Plans word them differently
 * (幼有善育, 幼有所育, 教育服务); the key is what makes them comparable.
 */
export const FIELD_KEYS = [
  'childcare',
  'education',
  'employment',
  'social_insurance',
  'health',
  'elderly',
  'housing',
  'assistance',
  'disability',
  'veterans',
  'culture_sports',
  'legal',
  'general',
] as const;
export const FieldKeySchema = z.enum(FIELD_KEYS);
export type FieldKey = z.infer<typeof FieldKeySchema>;

/** The canonical Chinese name of each field, as the national plan words it. */
export const FIELD_LABELS: Record<FieldKey, string> = {
  childcare: '幼有所育',
  education: '学有所教',
  employment: '劳有所得',
  social_insurance: '社会保险',
  health: '病有所医',
  elderly: '老有所养',
  housing: '住有所居',
  assistance: '弱有所扶',
  disability: '残疾人服务',
  veterans: '优军服务保障',
  culture_sports: '文体服务保障',
  legal: '法律服务',
  general: '综合',
};

/** A plan's own words for a field, with the canonical key it stands for. */
export const FieldRefSchema = z.object({
  key: FieldKeySchema,
  label: z.string().min(1),
});
export type FieldRef = z.infer<typeof FieldRefSchema>;

/**
 * Words plans use for each field, matched as a part of the label: 幼有善育, 学有优教, 教育服务,
 * 医疗和卫生健康服务, 退役军人保障. Order matters: the first match wins, so the narrower words
 * (残疾人, 社会保险) come before the broader ones (社会服务, 保障).
 */
const FIELD_WORDS: Array<[FieldKey, RegExp]> = [
  ['childcare', /幼有|托育|婴幼儿|妇幼/],
  ['disability', /残疾人/],
  ['social_insurance', /社会保险|社保/],
  ['veterans', /优军|退役军人|双拥|优抚/],
  ['education', /学有|教育/],
  ['employment', /劳有|就业|劳动/],
  ['health', /病有|医疗|卫生|健康/],
  ['elderly', /老有|养老/],
  ['housing', /住有|住房/],
  ['assistance', /弱有|社会服务|社会救助|救助/],
  ['culture_sports', /文体|文化|体育/],
  ['legal', /法律/],
];

/** The field a plan's own label stands for, or null when the words say nothing we know. */
export function fieldKeyOf(label: string): FieldKey | null {
  const text = label.replace(/\s+/g, '');
  for (const [key, re] of FIELD_WORDS) if (re.test(text)) return key;
  return null;
}
