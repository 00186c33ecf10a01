export const region = {
  code: '510000',
  name: '四川省',
  level: 'province',
  // Its plan is written against the national one (packages/regions/national).
  parentCode: '100000',
} as const;
