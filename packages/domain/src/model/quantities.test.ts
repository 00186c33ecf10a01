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
      { metric: '覆盖率达', value: 95, unit: '%', text: '覆盖率达95%' },
    ]);
  });
});
