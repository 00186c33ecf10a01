export const region = {
  code: '510824',
  name: '苍溪县',
  level: 'county',
  parentCode: '510800',
} as const;
