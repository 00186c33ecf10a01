import type { PlanInput } from '@minsheng/domain';
import { indicators } from './indicators.ts';
import { notes } from './notes.ts';
import { projects } from './projects.ts';
import { region } from './region.ts';
import { DECLARED_SERVICE_COUNT, serviceFields, services } from './services.ts';

/** 四川省“十四五”公共服务规划 (川府发〔2021〕47号), seed 001_a3a07023c0597fe1.txt. */
export const plan: PlanInput = {
  id: 'sichuan-14th',
  regionCode: region.code,
  title: '四川省“十四五”公共服务规划',
  kind: 'five_year',
  period: { start: 2021, end: 2025 },
  issuer: '四川省人民政府',
  documentNumber: '川府发〔2021〕47号',
  issueDate: '2021-12-28',
  basis: ['“十四五”公共服务规划', '四川省国民经济和社会发展第十四个五年规划和2035年远景目标纲要'],
  source: { file: '001_a3a07023c0597fe1.txt', url: null },
  indicatorTable: {
    title: '“十四五”时期四川省公共服务重点领域主要发展指标',
    footnote: null,
  },
  indicators,
  declaredServiceCount: DECLARED_SERVICE_COUNT,
  serviceFields,
  services,
  projects,
  notes,
};
