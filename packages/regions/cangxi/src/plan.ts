import type { PlanInput } from '@minsheng/domain';
import { indicators } from './indicators.ts';
import { notes } from './notes.ts';
import { projects } from './projects.ts';
import { region } from './region.ts';
import { DECLARED_SERVICE_COUNT, serviceFields, services } from './services.ts';

export const SEED_FILE = '000_9f04399c66dd38d8.txt';

/** 苍溪县“十四五”公共服务和就业促进规划 as published on 2022-05-27. */
export const plan: PlanInput = {
  id: 'cangxi-14th',
  regionCode: region.code,
  title: '苍溪县“十四五”公共服务和就业促进规划',
  kind: 'five_year',
  // 规划期限为2021—2025年.
  period: { start: 2021, end: 2025 },
  issuer: '苍溪县发展和改革局',
  documentNumber: null,
  issueDate: '2022-05-27',
  basis: [
    '四川省“十四五”公共服务规划',
    '四川省“十四五”就业促进规划',
    '广元市“十四五”公共服务和就业促进规划',
    '苍溪县国民经济和社会发展第十四个五年规划和二○三五年远景目标纲要',
  ],
  source: { file: SEED_FILE, url: null },
  indicatorTable: {
    // The extraction keeps the em space (U+2003) the page sets after 表1.
    title: '表1\u2003苍溪县“十四五”公共服务重点领域主要发展指标',
    footnote: '注:【】内为5年累计数,带*为年均增速。',
  },
  indicators,
  declaredServiceCount: DECLARED_SERVICE_COUNT,
  serviceFields,
  services,
  projects,
  notes,
};
