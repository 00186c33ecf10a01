import type { FieldRef } from '@minsheng/domain';

/**
 * The plan's own words for each field. 表1 and 表2 use the national 幼有所育… labels; the 专栏
 * headings use their own (幼有善育工程, 学有优教工程…), so a box's projects carry the box's wording.
 */
export const F = {
  childcare: { key: 'childcare', label: '幼有所育' },
  education: { key: 'education', label: '学有所教' },
  employment: { key: 'employment', label: '劳有所得' },
  health: { key: 'health', label: '病有所医' },
  elderly: { key: 'elderly', label: '老有所养' },
  housing: { key: 'housing', label: '住有所居' },
  assistance: { key: 'assistance', label: '弱有所扶' },
  veterans: { key: 'veterans', label: '优军服务保障' },
  culture_sports: { key: 'culture_sports', label: '文体服务保障' },
} as const satisfies Record<string, FieldRef>;

export const BOX_FIELDS = {
  1: { key: 'childcare', label: '幼有善育' },
  2: { key: 'education', label: '学有优教' },
  3: { key: 'employment', label: '劳有应得' },
  4: { key: 'health', label: '病有良医' },
  5: { key: 'elderly', label: '老有颐养' },
  6: { key: 'housing', label: '住有宜居' },
  7: { key: 'assistance', label: '弱有众扶' },
  8: { key: 'veterans', label: '优军优抚' },
  9: { key: 'culture_sports', label: '文化体育' },
} as const satisfies Record<number, FieldRef>;
