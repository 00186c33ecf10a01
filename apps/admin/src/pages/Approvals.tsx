import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type IndicatorRow,
  type ObservationRow,
  refreshObservations,
  useIndicators,
} from '../lib/plan-data.ts';
import { useWorkspace } from '../lib/session.tsx';
import { StateTag } from '../lib/status.tsx';
import { errorMessage, trpc } from '../lib/trpc.ts';
import { NeedPlan, Pending } from './common.tsx';

export default function ApprovalsPage() {
  return <NeedPlan>{(planId) => <Approvals planId={planId} />}</NeedPlan>;
}

function Approvals({ planId }: { planId: string }) {
  const { user } = useWorkspace();
  const indicators = useIndicators(planId);
  const queue = useQuery(trpc.observations.list.queryOptions({ planId, state: 'submitted' }));
  // Approved values are the "before" of each submission: what the reports count today.
  const approved = useQuery(trpc.observations.list.queryOptions({ planId, state: 'approved' }));
  const [returning, setReturning] = useState<ObservationRow | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const approve = useMutation(
    trpc.observations.approve.mutationOptions({
      onSuccess: async (o) => {
        setNotice({ type: 'success', text: `已审核通过：${name(o)} ${o.year}年 ${o.raw}` });
        await refreshObservations();
      },
      onError: async (e) => {
        setNotice({ type: 'error', text: errorMessage(e) });
        await refreshObservations();
      },
    }),
  );
  const sendBack = useMutation(
    trpc.observations.return.mutationOptions({
      onSuccess: async (o) => {
        setNotice({ type: 'success', text: `已退回：${name(o)} ${o.year}年` });
        setReturning(null);
        setReason('');
        await refreshObservations();
      },
      onError: (e) => setNotice({ type: 'error', text: errorMessage(e) }),
    }),
  );

  const byId = new Map<string, IndicatorRow>((indicators.data ?? []).map((i) => [i.id, i]));
  const name = (o: ObservationRow) => byId.get(o.indicatorId)?.name ?? o.indicatorId;
  const before = (o: ObservationRow) => {
    const prior = (approved.data ?? [])
      .filter((a) => a.indicatorId === o.indicatorId && a.year <= o.year)
      .sort((a, b) => b.year - a.year)[0];
    return prior ? `${prior.raw}（${prior.year}年）` : '无';
  };

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        审核队列
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        待审核的填报数值。审核通过后计入评估；退回时须写明原因，填报人修改后可再次提交。本人提交的数值须由其他用户审核。
      </Typography.Paragraph>
      {notice ? (
        <Alert
          type={notice.type}
          showIcon
          closable
          title={notice.text}
          style={{ marginBottom: 12 }}
          onClose={() => setNotice(null)}
        />
      ) : null}
      <Pending queries={[indicators, queue, approved]}>
        {() => (
          <Table<ObservationRow>
            rowKey="id"
            size="small"
            pagination={false}
            locale={{ emptyText: '没有待审核的数值' }}
            dataSource={queue.data ?? []}
            columns={[
              {
                title: '指标',
                key: 'indicator',
                render: (_, o) => (
                  <Link to={`/indicators/${encodeURIComponent(o.indicatorId)}`}>{name(o)}</Link>
                ),
              },
              { title: '年度', dataIndex: 'year', key: 'year', width: 70 },
              { title: '原值（已审核）', key: 'before', render: (_, o) => before(o) },
              {
                title: '新值（待审核）',
                key: 'after',
                render: (_, o) => (
                  <div>
                    <strong>{o.raw}</strong>
                    {o.source ? <div style={{ fontSize: 12 }}>来源：{o.source}</div> : null}
                    {o.note ? <div style={{ fontSize: 12 }}>备注：{o.note}</div> : null}
                  </div>
                ),
              },
              {
                title: '提交人',
                key: 'by',
                render: (_, o) => (
                  <span>
                    {o.submittedBy ?? o.enteredBy}
                    <div style={{ fontSize: 12, color: '#595959' }}>
                      {o.submittedAt ? new Date(o.submittedAt).toLocaleString('zh-CN') : ''}
                    </div>
                  </span>
                ),
              },
              { title: '状态', key: 'state', render: (_, o) => <StateTag state={o.state} /> },
              {
                title: '操作',
                key: 'actions',
                render: (_, o) => {
                  const own = o.submittedBy === user.username;
                  return (
                    <Space>
                      <Button
                        type="primary"
                        size="small"
                        icon={<CheckOutlined />}
                        disabled={own}
                        title={own ? '本人提交的数值须由其他用户审核' : undefined}
                        loading={approve.isPending && approve.variables?.id === o.id}
                        onClick={() => approve.mutate({ id: o.id, expectedVersion: o.version })}
                        aria-label={`审核通过 ${name(o)} ${o.year}年`}
                      >
                        通过
                      </Button>
                      <Button
                        size="small"
                        danger
                        icon={<RollbackOutlined />}
                        disabled={own}
                        onClick={() => setReturning(o)}
                        aria-label={`退回 ${name(o)} ${o.year}年`}
                      >
                        退回
                      </Button>
                      {own ? <Typography.Text type="secondary">本人提交</Typography.Text> : null}
                    </Space>
                  );
                },
              },
            ]}
          />
        )}
      </Pending>
      <Modal
        open={returning !== null}
        title={returning ? `退回：${name(returning)} ${returning.year}年` : ''}
        okText="退回"
        cancelText="取消"
        okButtonProps={{
          danger: true,
          disabled: reason.trim() === '',
          loading: sendBack.isPending,
        }}
        onOk={() =>
          returning &&
          sendBack.mutate({
            id: returning.id,
            expectedVersion: returning.version,
            reason: reason.trim(),
          })
        }
        onCancel={() => {
          setReturning(null);
          setReason('');
        }}
      >
        <label htmlFor="return-reason">退回原因（必填）</label>
        <Input.TextArea
          id="return-reason"
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </div>
  );
}
