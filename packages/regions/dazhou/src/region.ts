export const region = {
  code: '511700',
  name: '达州市',
  level: 'prefecture',
  parentCode: '510000',
} as const;
