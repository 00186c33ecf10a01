import type { Role } from '@minsheng/domain';

/** A page of the console, who may open it, and where it sits in the menu. */
export interface PageDef {
  path: string;
  label: string;
  /** Roles that see the page; the API refuses the others anyway. */
  roles: readonly Role[];
  /** Pages reached from another page (an indicator's detail) stay out of the menu. */
  inMenu: boolean;
}

const ALL: readonly Role[] = ['admin', 'editor', 'viewer'];
const WRITERS: readonly Role[] = ['admin', 'editor'];

export const PAGES = {
  overview: { path: '/overview', label: '规划总览', roles: ALL, inMenu: true },
  indicators: { path: '/indicators', label: '指标监测', roles: ALL, inMenu: true },
  indicator: { path: '/indicators/:indicatorId', label: '指标详情', roles: ALL, inMenu: false },
  entry: { path: '/entry', label: '数据填报', roles: WRITERS, inMenu: true },
  approvals: { path: '/approvals', label: '审核队列', roles: WRITERS, inMenu: true },
  alignment: { path: '/alignment', label: '上级对标', roles: ALL, inMenu: true },
  checks: { path: '/checks', label: '规划检查', roles: ALL, inMenu: true },
  services: { path: '/services', label: '服务标准', roles: ALL, inMenu: true },
  projects: { path: '/projects', label: '项目任务', roles: ALL, inMenu: true },
  audit: { path: '/audit', label: '操作日志', roles: WRITERS, inMenu: true },
  users: { path: '/users', label: '用户与角色', roles: ['admin'], inMenu: true },
} as const satisfies Record<string, PageDef>;

export type PageKey = keyof typeof PAGES;

export function canOpen(page: PageDef, role: Role): boolean {
  return page.roles.includes(role);
}
