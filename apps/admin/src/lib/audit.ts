import {
  OBSERVATION_STATE_LABELS,
  type ObservationState,
  PROJECT_STATUS_LABELS,
} from '@minsheng/domain';

/** The audit log's actions in the words of the console. */
export const ACTION_LABELS: Record<string, string> = {
  create_draft: '新建草稿',
  update_draft: '修改草稿',
  submit: '提交审核',
  approve: '审核通过',
  return: '退回',
  update_status: '更新进度',
  create: '新建',
  update: '修改',
  reset_password: '重置密码',
  change_password: '修改密码',
  sign_in: '登录',
  sign_out: '退出登录',
  sign_in_failed: '登录失败',
};

export const ENTITY_LABELS: Record<string, string> = {
  observation: '填报数值',
  project: '项目任务',
  user: '用户',
};

const STATUS_WORDS: Record<string, string> = PROJECT_STATUS_LABELS;

/** An audit snapshot in one line, as a person reads it; unknown shapes as compact JSON. */
export function brief(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof o.year === 'number') parts.push(`${o.year}年`);
  if (typeof o.raw === 'string') parts.push(o.raw);
  if (typeof o.state === 'string') {
    parts.push(`（${OBSERVATION_STATE_LABELS[o.state as ObservationState] ?? o.state}）`);
  }
  if (typeof o.returnReason === 'string') parts.push(`退回原因：${o.returnReason}`);
  if (typeof o.status === 'string') parts.push(STATUS_WORDS[o.status] ?? o.status);
  if (typeof o.progress === 'number') parts.push(`${o.progress}%`);
  if (typeof o.role === 'string') parts.push(`角色 ${o.role}`);
  if (parts.length > 0) return parts.join(' ');
  const json = JSON.stringify(v);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}
