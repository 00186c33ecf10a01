/** The country: above every province. 100000 is GB/T 2260's code for 中华人民共和国. */
export const region = {
  code: '100000',
  name: '国家',
  level: 'national',
  parentCode: null,
} as const;
