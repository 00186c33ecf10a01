import { describe, expect, it } from 'vitest';
import { fieldKeyOf } from './field.ts';

describe('fieldKeyOf', () => {
  it.each([
    ['幼有善育', 'childcare'],
    ['幼有所育', 'childcare'],
    ['学有优教', 'education'],
    ['教育服务', 'education'],
    ['劳动就业', 'employment'],
    ['社会保险', 'social_insurance'],
    ['医疗和卫生健康服务', 'health'],
    ['老有颐养', 'elderly'],
    ['住房保障', 'housing'],
    ['弱有众扶', 'assistance'],
    ['社会服务', 'assistance'],
    ['残疾人社会保障服务', 'disability'],
    ['优军服务保障', 'veterans'],
    ['退役军人保障', 'veterans'],
    ['文体服务保障', 'culture_sports'],
    ['公共文化体育', 'culture_sports'],
    ['法律服务', 'legal'],
  ])('%s is %s', (label, key) => {
    expect(fieldKeyOf(label)).toBe(key);
  });

  it('says nothing for words it does not know', () => {
    expect(fieldKeyOf('城镇新增就业(万人)')).toBe('employment');
    expect(fieldKeyOf('规划背景')).toBeNull();
  });
});
