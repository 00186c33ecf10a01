export const region = {
  code: '510821',
  name: '旺苍县',
  level: 'county',
  parentCode: '510800',
} as const;
