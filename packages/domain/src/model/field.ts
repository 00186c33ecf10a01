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
