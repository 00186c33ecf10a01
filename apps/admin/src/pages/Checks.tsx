import { describeRef, type PlanFinding, type PlanFindingKind } from '@minsheng/domain';
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { SeverityTag } from '../lib/severity.tsx';
import { trpc } from '../lib/trpc.ts';
import { NeedPlan, Pending } from './common.tsx';

export const FINDING_KIND_LABELS: Record<PlanFindingKind, string> = {
  field_count_mismatch: '领域项目数与声明不符',
  service_count_mismatch: '服务项目总数与声明不符',
  field_counts_vs_total: '各领域声明数与总数不符',
  duplicate_target: '同一指标两个目标',
  conflicting_text_target: '正文与表格目标不一致',
  target_behind_baseline: '目标落后于基期',
  missing_unit: '缺少单位',
  missing_nature: '缺少指标属性',
  unexplained_marker: '标记未在表注中说明',
};

export default function ChecksPage() {
  return <NeedPlan>{(planId) => <Checks planId={planId} />}</NeedPlan>;
}

function Checks({ planId }: { planId: string }) {
  // The router's checks (the domain's checkPlan on the stored plan): the same findings
  // `minsheng region check` prints.
  const findings = useQuery(trpc.evaluation.checks.queryOptions({ planId }));
  const [kind, setKind] = useState<PlanFindingKind | null>(null);
  return (
    <div>
      <Typography.Title level={3} className="page-title">
        规划检查
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        对本规划文本自身的核对：声明的项目数与实际列出的是否一致、同一指标是否有两个目标、目标是否落后于基期、单位和属性是否缺失、表中标记是否有说明。每条都指明在原文中的位置。
      </Typography.Paragraph>
      <Pending queries={[findings]}>
        {() => {
          const list = findings.data ?? [];
          const kinds = [...new Set(list.map((f) => f.kind))];
          const shown = list.filter((f) => kind === null || f.kind === kind);
          return (
            <>
              <Space style={{ marginBottom: 12 }}>
                <label htmlFor="check-kind">问题类型</label>
                <Select
                  id="check-kind"
                  allowClear
                  placeholder="全部"
                  style={{ width: 220 }}
                  value={kind}
                  onChange={(v) => setKind(v ?? null)}
                  options={kinds.map((k) => ({ value: k, label: FINDING_KIND_LABELS[k] }))}
                />
                <Typography.Text>共 {list.length} 条</Typography.Text>
              </Space>
              <Table<PlanFinding>
                rowKey={(f) => `${f.kind}-${f.message.zh}`}
                size="small"
                pagination={false}
                locale={{ emptyText: '未发现问题' }}
                dataSource={shown}
                columns={[
                  {
                    title: '级别',
                    key: 'severity',
                    width: 90,
                    render: (_, f) => <SeverityTag severity={f.severity} />,
                  },
                  {
                    title: '类型',
                    key: 'kind',
                    width: 180,
                    render: (_, f) => FINDING_KIND_LABELS[f.kind],
                  },
                  { title: '说明', key: 'message', render: (_, f) => f.message.zh },
                  {
                    title: '原文位置',
                    key: 'where',
                    width: 220,
                    render: (_, f) => f.where.map(describeRef).join('；'),
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
