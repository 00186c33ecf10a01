import { Alert, Empty, Select, Space, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useWorkspace } from '../lib/session.tsx';
import { errorMessage } from '../lib/trpc.ts';

/** Loading, failure and "no plan" in one place, so every page says them the same way. */
export function Pending({
  queries,
  children,
}: {
  queries: { isPending: boolean; isError: boolean; error: unknown; fetchStatus?: string }[];
  children: () => ReactNode;
}) {
  const failed = queries.find((q) => q.isError);
  if (failed) {
    return (
      <Alert type="error" showIcon title="加载失败" description={errorMessage(failed.error)} />
    );
  }
  if (queries.some((q) => q.isPending && q.fetchStatus !== 'idle')) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin size="large" />
        <div style={{ marginTop: 12 }}>加载中…</div>
      </div>
    );
  }
  return <>{children()}</>;
}

/** Shown where a page needs a plan and the selected region has none. */
export function NeedPlan({ children }: { children: (planId: string) => ReactNode }) {
  const { planId } = useWorkspace();
  if (!planId) {
    return (
      <Empty description="所选地区暂无规划，或不在您的查看范围内（可查看本地区、下级和上级地区）。请在左侧地区树中选择其他地区。" />
    );
  }
  return <>{children(planId)}</>;
}

export function YearSelect({
  years,
  value,
  onChange,
  label = '评估年度',
}: {
  years: number[];
  value: number;
  onChange: (y: number) => void;
  label?: string;
}) {
  return (
    <Space>
      <label htmlFor="year-select">{label}</label>
      <Select
        id="year-select"
        aria-label={label}
        value={value}
        style={{ width: 120 }}
        options={years.map((y) => ({ value: y, label: `${y}年` }))}
        onChange={onChange}
      />
    </Space>
  );
}
