import {
  type AlignmentRow,
  type AlignmentRowKind,
  alignPlans,
  ancestorCodes,
  describeRef,
  type RegionCode,
} from '@minsheng/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { loadDomainPlan } from '../lib/domain-plan.ts';
import { usePlan } from '../lib/plan-data.ts';
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

/** The nearest region above with a plan of its own: 苍溪县 → 广元市 (none) → 四川省. */
async function planAbove(regionCode: RegionCode) {
  const regions = await trpc.regions.list.query();
  for (const code of ancestorCodes(regionCode, regions)) {
    const plans = await trpc.plans.list.query({ regionCode: code });
    if (plans.length > 0) return { region: regions.find((r) => r.code === code), plans };
  }
  return null;
}

function Alignment({ planId }: { planId: string }) {
  const plan = usePlan(planId);
  const above = useQuery({
    queryKey: ['plan-above', plan.data?.regionCode],
    enabled: plan.data !== undefined,
    queryFn: () => planAbove(plan.data?.regionCode ?? ''),
  });
  const [upperId, setUpperId] = useState<string | null>(null);
  const upper = upperId ?? above.data?.plans[0]?.id ?? null;
  const alignment = useQuery({
    queryKey: ['alignment', planId, upper],
    enabled: upper !== null,
    queryFn: async () => {
      const [lower, up] = await Promise.all([loadDomainPlan(planId), loadDomainPlan(upper ?? '')]);
      return alignPlans(lower, up);
    },
  });
  const [kind, setKind] = useState<AlignmentRowKind | null>(null);

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        上级对标
      </Typography.Title>
      <Pending queries={[plan, above]}>
        {() =>
          above.data === null ? (
            <Alert type="info" showIcon title="上级地区没有可对标的规划" />
          ) : (
            <>
              <Space wrap style={{ marginBottom: 12 }}>
                <label htmlFor="upper-plan">对标规划（{above.data?.region?.name}）</label>
                <Select
                  id="upper-plan"
                  style={{ width: 420 }}
                  value={upper}
                  onChange={setUpperId}
                  options={(above.data?.plans ?? []).map((p) => ({ value: p.id, label: p.title }))}
                />
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
              <Pending queries={[alignment]}>
                {() => {
                  const rows = (alignment.data?.rows ?? []).filter(
                    (r) => kind === null || r.kind === kind,
                  );
                  return (
                    <Table<AlignmentRow>
                      rowKey={(r, i) => `${r.kind}-${r.lower.id}-${r.upper.id}-${i}`}
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
                  );
                }}
              </Pending>
            </>
          )
        }
      </Pending>
    </div>
  );
}
