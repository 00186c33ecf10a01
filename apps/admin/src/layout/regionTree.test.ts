import { describe, expect, it } from 'vitest';
import { regionTree } from './regionTree.ts';

describe('regionTree', () => {
  it('nests counties under their city under the province, in the given order', () => {
    const tree = regionTree([
      { code: '510000', name: '四川省', parentCode: null },
      { code: '510800', name: '广元市', parentCode: '510000' },
      { code: '510802', name: '利州区', parentCode: '510800' },
      { code: '510824', name: '苍溪县', parentCode: '510800' },
      { code: '511700', name: '达州市', parentCode: '510000' },
    ]);
    expect(tree).toHaveLength(1);
    const [province] = tree;
    expect(province?.children.map((c) => c.title)).toEqual(['广元市', '达州市']);
    expect(province?.children[0]?.children.map((c) => c.key)).toEqual(['510802', '510824']);
  });

  it('makes a region whose parent is not listed a root', () => {
    const tree = regionTree([
      { code: '510824', name: '苍溪县', parentCode: '510800' },
      { code: '510802', name: '利州区', parentCode: '510800' },
    ]);
    expect(tree.map((n) => n.title)).toEqual(['苍溪县', '利州区']);
  });
});
