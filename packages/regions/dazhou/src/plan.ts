import type { PlanInput } from '@minsheng/domain';
import { indicators } from './indicators.ts';
import { notes } from './notes.ts';
import { region } from './region.ts';
import { tasks } from './tasks.ts';

/**
 * 达州市's 2017 implementation plan of its 十三五 basic-public-service equalization plan: the
 * guiding approach, the year's key work, 31 numbered tasks in eight groups with their 责任单位,
 * and three 实施保障 measures. No indicator table, no service list, no 专栏.
 */
export const plan: PlanInput = {
  id: 'dazhou-2017',
  regionCode: region.code,
  // The text has no title line (see notes); this is what its first line says it is.
  title: '达州市“十三五”基本公共服务均等化规划2017年实施计划',
  kind: 'implementation',
  period: { start: 2017, end: 2017 },
  // The signature line is lost in the source (see notes): only the city is certain.
  issuer: '达州市',
  documentNumber: null,
  issueDate: '2017-07-26',
  // Line 1: 根据《达州市人民政府办公室关于印发达州市“十三五”基本公共服务均等化规划的通知》
  // (达市府办发〔2017〕34号)等要求 — the plan the notice issues is what this one implements.
  basis: ['达州市“十三五”基本公共服务均等化规划'],
  source: { file: '004_04a0b744133b98ae.txt', url: null },
  indicatorTable: null,
  indicators,
  declaredServiceCount: null,
  serviceFields: [],
  services: [],
  projects: tasks,
  notes,
};
