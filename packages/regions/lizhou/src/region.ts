export const region = {
  code: '510802',
  name: '利州区',
  level: 'county',
  parentCode: '510800',
} as const;
