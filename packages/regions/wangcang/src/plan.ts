import type { PlanInput } from '@minsheng/domain';
import { indicators } from './indicators.ts';
import { documentNotes } from './notes.ts';
import { buildProjects } from './projects.ts';
import { buildServices } from './services.ts';

const { services, serviceFields, notes: resolutionNotes } = buildServices();

/** 旺苍县“十四五”公共服务规划, from source/002_4220245da55fa599.txt. */
export const plan: PlanInput = {
  id: 'wangcang-14th',
  regionCode: '510821',
  title: '旺苍县“十四五”公共服务规划',
  kind: 'five_year',
  period: { start: 2021, end: 2025 },
  issuer: '旺苍县人民政府',
  documentNumber: null,
  issueDate: null,
  // 本规划依据国家《 “十四五”公共服务规划》、…《关于建立健全基本公共服务标准体系的指导意见》有关要求，
  // 四川省“十四五”公共服务规划、广元市“十四五”公共服务和就业促进规划 (line 3); the last two
  // are named without 《》.
  basis: [
    '“十四五”公共服务规划',
    '关于建立健全基本公共服务标准体系的指导意见',
    '四川省“十四五”公共服务规划',
    '广元市“十四五”公共服务和就业促进规划',
  ],
  source: { file: '002_4220245da55fa599.txt', url: null },
  indicatorTable: { title: '“十四五”公共服务各领域主要发展指标', footnote: null },
  indicators,
  declaredServiceCount: null,
  serviceFields,
  services,
  projects: buildProjects(),
  notes: [...documentNotes, ...resolutionNotes],
};
