import { type AlignmentRow, type AlignmentRowKind, describeRef } from '@minsheng/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { SeverityTag } from '../lib/severity.tsx';
import { trpc } from '../lib/trpc.ts';
import { NeedPlan, Pending } from './common.tsx';

const KIND_LABELS: Record<AlignmentRowKind, string> = {
  binding_missing_below: '上级约束性指标缺失',
  indicator_missing_below: '上级指标缺失',
  indicator_only_below: '本级新增指标',
  binding_only_expected_below: '上级约束性、本级仅预期性',
  target_less_ambitious: '目标低于上级',
  target_more_ambitious: '目标高于上级',
  target_equal: '目标与上级一致',
  target_not_comparable: '目标不可直接比较',
  service_missing_below: '上级服务项目缺失',
  service_added_below: '本级新增服务项目',
  service_renamed: '服务项目更名',
  service_count: '服务项目数',
};

export default function AlignmentPage() {
  return <NeedPlan>{(planId) => <Alignment planId={planId} />}</NeedPlan>;
}

function Alignment({ planId }: { planId: string }) {
  // The plan above and the alignment both come from the router (the domain's planAbove and
  // alignPlans): the same pair the reports and `minsheng region check` use.
  const result = useQuery(trpc.evaluation.alignment.queryOptions({ planId }));
  const [kind, setKind] = useState<AlignmentRowKind | null>(null);

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        上级对标
      </Typography.Title>
      <Pending queries={[result]}>
        {() => {
          const data = result.data;
          if (!data?.upper || !data.alignment) {
            return (
              <Alert
                type="info"
                showIcon
                title="没有可对标的上级规划"
                description={data?.reason?.zh}
              />
            );
          }
          const rows = data.alignment.rows.filter((r) => kind === null || r.kind === kind);
          return (
            <>
              <Space wrap style={{ marginBottom: 12 }}>
                <Typography.Text>
                  对标规划：{data.upper.region.name}《{data.upper.title}》
                </Typography.Text>
                <label htmlFor="align-kind">类型</label>
                <Select
                  id="align-kind"
                  allowClear
                  placeholder="全部"
                  style={{ width: 220 }}
                  value={kind}
                  onChange={(v) => setKind(v ?? null)}
                  options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Space>
              <Table<AlignmentRow>
                rowKey={(r) => `${r.kind}-${r.lower.id}-${r.upper.id}-${r.message.en}`}
                size="small"
                pagination={{ pageSize: 50, showSizeChanger: false }}
                dataSource={rows}
                columns={[
                  {
                    title: '级别',
                    key: 'severity',
                    width: 90,
                    render: (_, r) => <SeverityTag severity={r.severity} />,
                  },
                  {
                    title: '类型',
                    key: 'kind',
                    width: 190,
                    render: (_, r) => KIND_LABELS[r.kind],
                  },
                  { title: '说明', key: 'message', render: (_, r) => r.message.zh },
                  {
                    title: '本级位置',
                    key: 'lower',
                    width: 160,
                    render: (_, r) => (r.lower.where ? describeRef(r.lower.where) : '—'),
                  },
                  {
                    title: '上级位置',
                    key: 'upper',
                    width: 160,
                    render: (_, r) => (r.upper.where ? describeRef(r.upper.where) : '—'),
                  },
                ]}
              />
            </>
          );
        }}
      </Pending>
    </div>
  );
}
