import { ROLE_LABELS } from '@minsheng/domain';
import { Result, Spin } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { canOpen, type PageDef } from '../lib/routes.ts';
import { useWorkspace } from '../lib/session.tsx';

export function Loading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin size="large" />
      <div style={{ marginTop: 12 }}>加载中…</div>
    </div>
  );
}

/** The page if the signed-in user's role may open it; otherwise a refusal, never a blank. */
export default function Guard({ page, children }: { page: PageDef; children: ReactNode }) {
  const { user } = useWorkspace();
  if (!canOpen(page, user.role)) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle={`“${page.label}”不在${ROLE_LABELS[user.role]}的权限范围内，请联系管理员。`}
      />
    );
  }
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

export function NotFound() {
  return <Result status="404" title="页面不存在" subTitle="请从左侧菜单选择页面。" />;
}
