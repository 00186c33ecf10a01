import {
  EVALUATION_STATUS_LABELS,
  EVALUATION_STATUSES,
  type EvaluationStatus,
  type IndicatorEvaluation,
  NATURE_LABELS,
  PLAN_KIND_LABELS,
  type PlanKind,
} from '@minsheng/domain';
import { Card, Col, Descriptions, Empty, List, Row, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  defaultYear,
  evaluateRows,
  type IndicatorRow,
  latestApprovedPoints,
  type PlanInfo,
  useIndicators,
  usePlan,
  yearsOf,
} from '../lib/plan-data.ts';
import { STATUS_CHART_COLORS, StatusTag } from '../lib/status.tsx';
import { NeedPlan, Pending, YearSelect } from './common.tsx';

const EChart = lazy(() => import('../charts/EChart.tsx').then((m) => ({ default: m.EChart })));

type Counts = Record<EvaluationStatus, number>;
const zero = (): Counts =>
  Object.fromEntries(EVALUATION_STATUSES.map((s) => [s, 0])) as unknown as Counts;

export default function OverviewPage() {
  return <NeedPlan>{(planId) => <Overview planId={planId} />}</NeedPlan>;
}

function Overview({ planId }: { planId: string }) {
  const plan = usePlan(planId);
  const indicators = useIndicators(planId);
  return (
    <Pending queries={[plan, indicators]}>
      {() => plan.data && indicators.data && <Body plan={plan.data} rows={indicators.data} />}
    </Pending>
  );
}

function Body({ plan, rows }: { plan: PlanInfo; rows: IndicatorRow[] }) {
  const points = useMemo(() => latestApprovedPoints(rows), [rows]);
  const [year, setYear] = useState(() => defaultYear(plan.period, points));
  const evals = useMemo(
    () => evaluateRows(rows, points, year, plan.period),
    [rows, points, year, plan.period],
  );
  const list = [...evals.values()];

  const total = zero();
  const byField = new Map<string, { label: string; counts: Counts; n: number }>();
  const byNature = new Map<string, Counts>();
  for (const row of rows) {
    const e = evals.get(row.id);
    if (!e) continue;
    total[e.status]++;
    const f = byField.get(row.field.label) ?? { label: row.field.label, counts: zero(), n: 0 };
    f.counts[e.status]++;
    f.n++;
    byField.set(row.field.label, f);
    const natureKey = row.nature ?? 'none';
    const n = byNature.get(natureKey) ?? zero();
    n[e.status]++;
    byNature.set(natureKey, n);
  }
  // Binding indicators that lag come first: 严重滞后 before 滞后, then the plan's order.
  const flagged = list
    .filter((e) => e.flagged)
    .sort(
      (a, b) => Number(b.status === 'seriously_lagging') - Number(a.status === 'seriously_lagging'),
    );
  const otherLagging = list.filter(
    (e) => !e.flagged && (e.status === 'lagging' || e.status === 'seriously_lagging'),
  );

  const statusColumns = EVALUATION_STATUSES.map((s) => ({
    title: EVALUATION_STATUS_LABELS[s],
    dataIndex: s,
    key: s,
    align: 'right' as const,
  }));

  const chartOption = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        label: { formatter: '{b}：{c}' },
        data: EVALUATION_STATUSES.filter((s) => total[s] > 0).map((s) => ({
          name: EVALUATION_STATUS_LABELS[s],
          value: total[s],
          itemStyle: { color: STATUS_CHART_COLORS[s] },
        })),
      },
    ],
  };

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        {plan.title}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        styles={{ label: { whiteSpace: 'nowrap' } }}
        column={2}
        style={{ marginBottom: 16 }}
      >
        <Descriptions.Item label="发布机关">{plan.issuer}</Descriptions.Item>
        <Descriptions.Item label="文号">{plan.documentNumber ?? '（未标注）'}</Descriptions.Item>
        <Descriptions.Item label="规划期">
          {plan.period.start}—{plan.period.end}年
        </Descriptions.Item>
        <Descriptions.Item label="类型">
          {PLAN_KIND_LABELS[plan.kind as PlanKind] ?? plan.kind}
          {plan.issueDate ? `（${plan.issueDate}印发）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="编制依据" span={2}>
          {plan.basis.length > 0 ? plan.basis.map((b) => `《${b}》`).join('、') : '（未标注）'}
        </Descriptions.Item>
      </Descriptions>

      <div style={{ marginBottom: 16 }}>
        <YearSelect years={yearsOf(plan.period)} value={year} onChange={setYear} />
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          共 {rows.length} 项指标；评估只计已审核的数值。
        </Typography.Text>
      </div>

      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card
            title={`约束性指标预警（${year}年）`}
            size="small"
            style={{ marginBottom: 16 }}
            aria-label="约束性指标预警"
          >
            {flagged.length === 0 && otherLagging.length === 0 ? (
              <Empty description="暂无滞后指标" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                size="small"
                dataSource={[...flagged, ...otherLagging]}
                renderItem={(e: IndicatorEvaluation) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <span>
                          <StatusTag status={e.status} />
                          {e.nature ? `【${NATURE_LABELS[e.nature]}】` : ''}
                          <Link to={`/indicators/${encodeURIComponent(e.indicatorId)}`}>
                            {e.name}
                          </Link>
                        </span>
                      }
                      description={e.reason.zh}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card title="按领域统计" size="small" style={{ marginBottom: 16 }}>
            <Table
              size="small"
              pagination={false}
              rowKey="label"
              columns={[
                { title: '领域', dataIndex: 'label', key: 'label' },
                { title: '指标数', dataIndex: 'n', key: 'n', align: 'right' as const },
                ...statusColumns,
              ]}
              dataSource={[...byField.values()].map((f) => ({
                label: f.label,
                n: f.n,
                ...f.counts,
              }))}
            />
          </Card>
          <Card title="按指标属性统计" size="small">
            <Table
              size="small"
              pagination={false}
              rowKey="nature"
              columns={[{ title: '属性', dataIndex: 'nature', key: 'nature' }, ...statusColumns]}
              dataSource={[...byNature].map(([k, c]) => ({
                nature: k === 'binding' || k === 'expected' ? NATURE_LABELS[k] : '未标注',
                ...c,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={`指标状态分布（${year}年）`} size="small">
            <Suspense fallback={<div style={{ height: 320 }}>图表加载中…</div>}>
              <EChart
                option={chartOption}
                height={320}
                label={`${year}年指标状态分布：${EVALUATION_STATUSES.filter((s) => total[s] > 0)
                  .map((s) => `${EVALUATION_STATUS_LABELS[s]}${total[s]}项`)
                  .join('，')}`}
              />
            </Suspense>
            <ul aria-label="状态计数" style={{ listStyle: 'none', padding: 0 }}>
              {EVALUATION_STATUSES.map((s) => (
                <li key={s} style={{ margin: '4px 0' }}>
                  <StatusTag status={s} /> {total[s]} 项
                </li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
