export const region = {
  code: '510000',
  name: '四川省',
  level: 'province',
  parentCode: null,
} as const;
