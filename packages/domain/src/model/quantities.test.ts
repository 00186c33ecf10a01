import { describe, expect, it } from 'vitest';
import { extractQuantities } from './quantities.ts';

describe('extractQuantities', () => {
  it('reads the metric before a count', () => {
    expect(extractQuantities('新增托位1250个')).toEqual([
      { metric: '新增托位', value: 1250, unit: '个', text: '新增托位1250个' },
    ]);
  });

  it('reads the thing counted after a bare verb', () => {
    expect(extractQuantities('建设308个贫困村文化室。')).toEqual([
      { metric: '贫困村文化室', value: 308, unit: '个', text: '建设308个贫困村文化室' },
    ]);
  });

  it('reads several counts, decimals and spaced PDF text', () => {
    const q = extractQuantities(
      '新增民办公办养老机构床位0.276万张、维修改造公办养老机构床位0.275万张;支持 135 个县级妇幼保健机构',
    );
    expect(q.map((x) => [x.metric, x.value, x.unit])).toEqual([
      ['新增民办公办养老机构床位', 0.276, '万张'],
      ['维修改造公办养老机构床位', 0.275, '万张'],
      ['县级妇幼保健机构', 135, '个'],
    ]);
  });

  it('does not take years for counts', () => {
    expect(extractQuantities('到2025年，覆盖率达95%以上')).toEqual([
      { metric: '覆盖率', value: 95, unit: '%', text: '覆盖率达95%' },
    ]);
  });

  it('keeps a range as its two ends', () => {
    expect(extractQuantities('新增3-5所体育学校')).toEqual([
      { metric: '体育学校', value: 3, max: 5, unit: '所', text: '新增3-5所体育学校' },
    ]);
  });

  it("does not take hedges, verbs or another number's unit for the metric", () => {
    expect(extractQuantities('力争完成800户').map((q) => q.metric)).toEqual(['']);
    expect(extractQuantities('建成至少2个示范中心').map((q) => q.metric)).toEqual(['示范中心']);
    expect(extractQuantities('5年累计培训3万人次').map((q) => q.metric)).toEqual(['累计培训']);
    expect(extractQuantities('开展1轮评估').map((q) => [q.value, q.unit])).toEqual([[1, '轮']]);
  });
});

describe('extractQuantities on standards', () => {
  it('keeps a per-unit rate whole', () => {
    expect(
      extractQuantities('小学650元/生年，初中850元/生年').map((q) => [q.metric, q.value, q.unit]),
    ).toEqual([
      ['小学', 650, '元/生年'],
      ['初中', 850, '元/生年'],
    ]);
    expect(extractQuantities('1000-3000元/生年')).toEqual([
      { metric: '', value: 1000, max: 3000, unit: '元/生年', text: '1000-3000元/生年' },
    ]);
  });
});
