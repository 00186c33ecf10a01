import { levelNumber, NATURE_LABELS, ROLE_ABILITIES } from '@minsheng/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { ACTION_LABELS, brief } from '../lib/audit.ts';
import {
  defaultYear,
  type IndicatorRow,
  type ObservationRow,
  type PlanInfo,
  useEvaluation,
  useIndicators,
  usePlan,
  useYearParam,
  yearsOf,
} from '../lib/plan-data.ts';
import { useWorkspace } from '../lib/session.tsx';
import { StateTag, StatusTag } from '../lib/status.tsx';
import { client, errorMessage, type RouterOutputs, trpc } from '../lib/trpc.ts';
import { NeedPlan, Pending, YearSelect } from './common.tsx';

const EChart = lazy(() => import('../charts/EChart.tsx').then((m) => ({ default: m.EChart })));

type AuditRow = RouterOutputs['audit']['list'][number];

export default function IndicatorDetailPage() {
  const { indicatorId = '' } = useParams();
  return <NeedPlan>{(planId) => <Detail planId={planId} indicatorId={indicatorId} />}</NeedPlan>;
}

function Detail({ planId, indicatorId }: { planId: string; indicatorId: string }) {
  const plan = usePlan(planId);
  const indicators = useIndicators(planId);
  const history = useQuery(trpc.observations.list.queryOptions({ planId, indicatorId }));
  return (
    <Pending queries={[plan, indicators, history]}>
      {() => {
        const row = indicators.data?.find((i) => i.id === indicatorId);
        if (!plan.data || !row) {
          return <Alert type="warning" showIcon title="本规划中没有这项指标" />;
        }
        return <Body plan={plan.data} row={row} history={history.data ?? []} />;
      }}
    </Pending>
  );
}

function Body({
  plan,
  row,
  history,
}: {
  plan: PlanInfo;
  row: IndicatorRow;
  history: ObservationRow[];
}) {
  const { user } = useWorkspace();
  const approved = history.filter((o) => o.state === 'approved');
  const [year, setYear] = useYearParam(
    plan.period,
    defaultYear(
      plan.period,
      approved.map((o) => o.year),
    ),
  );
  const evaluation = useEvaluation(plan.id, year);
  const e = evaluation.data?.evaluations.find((x) => x.indicatorId === row.id);
  const mayReadAudit = ROLE_ABILITIES[user.role].write;
  const audit = useQuery({
    // The key tRPC gives the audit list, with each observation's version: a new step, a new list.
    queryKey: [
      ...trpc.audit.list.queryKey({ entity: 'observation' }),
      history.map((o) => `${o.id}@${o.version}`),
    ],
    enabled: mayReadAudit && history.length > 0,
    queryFn: async () => {
      const lists = await Promise.all(
        history.map((o) => client.audit.list.query({ entity: 'observation', entityId: o.id })),
      );
      return lists.flat().sort((a, b) => b.seq - a.seq);
    },
  });

  const years: number[] = [];
  for (let y = row.baselineYear; y <= Math.max(row.targetYear, plan.period.end); y++) years.push(y);
  const pathData =
    e?.baseline != null && e.target != null && e.rule === 'level.path'
      ? years.map((y) => {
          const t = (y - row.baselineYear) / (row.targetYear - row.baselineYear || 1);
          return y <= row.targetYear
            ? Math.round((e.baseline! + (e.target! - e.baseline!) * t) * 1000) / 1000
            : null;
        })
      : [];
  const observedByYear = new Map<number, number>();
  if (e?.baseline != null) observedByYear.set(row.baselineYear, e.baseline);
  for (const o of approved) {
    // The reading stored with the value, not the text parsed again here.
    const n = levelNumber(o.value);
    if (n !== null) observedByYear.set(o.year, n);
  }
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 24, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', scale: true, name: row.unit ?? '' },
    series: [
      ...(pathData.length > 0
        ? [
            {
              name: '规划路径（基期→目标）',
              type: 'line',
              data: pathData,
              lineStyle: { type: 'dashed', color: '#8c8c8c' },
              itemStyle: { color: '#8c8c8c' },
              symbol: 'none',
            },
          ]
        : []),
      {
        name: '实际值（已审核）',
        type: 'line',
        connectNulls: true,
        data: years.map((y) => observedByYear.get(y) ?? null),
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { color: '#1677ff', width: 2 },
        itemStyle: { color: '#1677ff' },
      },
    ],
  };

  return (
    <div>
      <Typography.Paragraph>
        <Link to={`/indicators?year=${year}`}>← 返回指标列表</Link>
      </Typography.Paragraph>
      <Typography.Title level={3} className="page-title">
        {row.name}
      </Typography.Title>
      <div style={{ marginBottom: 16 }}>
        <YearSelect years={yearsOf(plan.period)} value={year} onChange={setYear} />
      </div>
      <Descriptions
        bordered
        size="small"
        styles={{ label: { whiteSpace: 'nowrap' } }}
        column={3}
        style={{ marginBottom: 16 }}
      >
        <Descriptions.Item label="领域">{row.field.label}</Descriptions.Item>
        <Descriptions.Item label="属性">
          {row.nature === 'binding' || row.nature === 'expected'
            ? NATURE_LABELS[row.nature]
            : '未标注'}
        </Descriptions.Item>
        <Descriptions.Item label="单位">{row.unit ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="基期值">
          {row.baseline.raw || '—'}（{row.baselineYear}年）
        </Descriptions.Item>
        <Descriptions.Item label="目标值">
          {row.target.raw || '—'}（{row.targetYear}年）
        </Descriptions.Item>
        <Descriptions.Item label={`${year}年状态`}>
          {e ? <StatusTag status={e.status} /> : evaluation.isError ? '加载失败' : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="评估说明" span={3}>
          {e?.reason.zh || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Card title="规划路径与实际值" size="small" style={{ marginBottom: 16 }}>
        <Suspense fallback={<div style={{ height: 300 }}>图表加载中…</div>}>
          <EChart
            option={option}
            height={300}
            label={`${row.name}：基期${row.baselineYear}年${row.baseline.raw}，目标${row.targetYear}年${row.target.raw}；已审核实际值${approved.map((o) => `${o.year}年${o.raw}`).join('，') || '暂无'}`}
          />
        </Suspense>
      </Card>
      <Card title="填报记录" size="small" style={{ marginBottom: 16 }}>
        <Table<ObservationRow>
          rowKey="id"
          size="small"
          pagination={false}
          locale={{ emptyText: '暂无填报记录' }}
          dataSource={history}
          columns={[
            { title: '年度', dataIndex: 'year', key: 'year' },
            { title: '数值', dataIndex: 'raw', key: 'raw' },
            { title: '来源', key: 'source', render: (_, o) => o.source ?? '—' },
            { title: '状态', key: 'state', render: (_, o) => <StateTag state={o.state} /> },
            { title: '填报人', dataIndex: 'enteredBy', key: 'enteredBy' },
            {
              title: '填报时间',
              key: 'enteredAt',
              render: (_, o) => new Date(o.enteredAt).toLocaleString('zh-CN'),
            },
            { title: '审核人', key: 'reviewedBy', render: (_, o) => o.reviewedBy ?? '—' },
            {
              title: '审核时间',
              key: 'reviewedAt',
              render: (_, o) =>
                o.reviewedAt ? new Date(o.reviewedAt).toLocaleString('zh-CN') : '—',
            },
            { title: '退回原因', key: 'returnReason', render: (_, o) => o.returnReason ?? '—' },
          ]}
        />
      </Card>
      <Card title="操作留痕" size="small">
        {!mayReadAudit ? (
          <Typography.Text type="secondary">查看者角色不能查看操作日志。</Typography.Text>
        ) : audit.isError ? (
          <Alert type="error" showIcon title={errorMessage(audit.error)} />
        ) : (
          <Table<AuditRow>
            rowKey="id"
            size="small"
            pagination={false}
            loading={audit.isLoading}
            locale={{ emptyText: '暂无记录' }}
            dataSource={audit.data ?? []}
            columns={[
              {
                title: '时间',
                key: 'at',
                render: (_, a) => new Date(a.at).toLocaleString('zh-CN'),
              },
              { title: '操作人', key: 'actor', render: (_, a) => a.actor ?? '系统' },
              {
                title: '操作',
                key: 'action',
                render: (_, a) => ACTION_LABELS[a.action] ?? a.action,
              },
              { title: '变更前', key: 'before', render: (_, a) => brief(a.before) },
              { title: '变更后', key: 'after', render: (_, a) => brief(a.after) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
