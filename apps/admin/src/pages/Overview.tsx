import {
  EVALUATION_STATUS_LABELS,
  EVALUATION_STATUSES,
  NATURE_LABELS,
  PLAN_KIND_LABELS,
} from '@minsheng/domain';
import { Card, Col, Descriptions, Empty, List, Row, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import {
  approvedYears,
  defaultYear,
  type IndicatorEvaluation,
  type PlanEvaluation,
  type PlanInfo,
  useEvaluation,
  useIndicators,
  usePlan,
  useYearParam,
  yearsOf,
} from '../lib/plan-data.ts';
import { STATUS_CHART_COLORS, StatusTag } from '../lib/status.tsx';
import { NeedPlan, Pending, YearSelect } from './common.tsx';

const EChart = lazy(() => import('../charts/EChart.tsx').then((m) => ({ default: m.EChart })));

export default function OverviewPage() {
  return <NeedPlan>{(planId) => <Overview planId={planId} />}</NeedPlan>;
}

function Overview({ planId }: { planId: string }) {
  const plan = usePlan(planId);
  const indicators = useIndicators(planId);
  return (
    <Pending queries={[plan, indicators]}>
      {() =>
        plan.data &&
        indicators.data && (
          <Body
            plan={plan.data}
            fallbackYear={defaultYear(plan.data.period, approvedYears(indicators.data))}
          />
        )
      }
    </Pending>
  );
}

function Body({ plan, fallbackYear }: { plan: PlanInfo; fallbackYear: number }) {
  const [year, setYear] = useYearParam(plan.period, fallbackYear);
  const evaluation = useEvaluation(plan.id, year);
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
          {PLAN_KIND_LABELS[plan.kind]}
          {plan.issueDate ? `（${plan.issueDate}印发）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="编制依据" span={2}>
          {plan.basis.length > 0 ? plan.basis.map((b) => `《${b}》`).join('、') : '（未标注）'}
        </Descriptions.Item>
      </Descriptions>

      <div style={{ marginBottom: 16 }}>
        <YearSelect years={yearsOf(plan.period)} value={year} onChange={setYear} />
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          {evaluation.data ? `共 ${evaluation.data.summary.total} 项指标；` : ''}
          评估只计已审核的数值。
        </Typography.Text>
      </div>
      <Pending queries={[evaluation]}>
        {() => evaluation.data && <Counts evaluation={evaluation.data} />}
      </Pending>
    </div>
  );
}

function Counts({ evaluation }: { evaluation: PlanEvaluation }) {
  const { summary, evaluations, year } = evaluation;
  const total = summary.byStatus;
  const byId = new Map(evaluations.map((e) => [e.indicatorId, e]));
  // The router's flagged list (binding and lagging, the seriously lagging first), then any
  // other lagging indicator in the plan's order.
  const flagged = summary.flagged.flatMap((f) => byId.get(f.indicatorId) ?? []);
  const flaggedIds = new Set(summary.flagged.map((f) => f.indicatorId));
  const otherLagging = evaluations.filter(
    (e) =>
      !flaggedIds.has(e.indicatorId) &&
      (e.status === 'lagging' || e.status === 'seriously_lagging'),
  );

  const statusColumns = EVALUATION_STATUSES.map((s) => ({
    title: EVALUATION_STATUS_LABELS[s],
    dataIndex: s,
    key: s,
    align: 'right' as const,
  }));
  const natureRows = [
    { nature: NATURE_LABELS.binding, ...summary.byNature.binding },
    { nature: NATURE_LABELS.expected, ...summary.byNature.expected },
    { nature: '未标注', ...summary.byNature.unspecified },
  ].filter((row) => EVALUATION_STATUSES.some((s) => row[s] > 0));

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
                        <Link to={`/indicators/${encodeURIComponent(e.indicatorId)}?year=${year}`}>
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
            dataSource={summary.byField.map((f) => ({ label: f.label, n: f.total, ...f.byStatus }))}
          />
        </Card>
        <Card title="按指标属性统计" size="small">
          <Table
            size="small"
            pagination={false}
            rowKey="nature"
            columns={[{ title: '属性', dataIndex: 'nature', key: 'nature' }, ...statusColumns]}
            dataSource={natureRows}
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
  );
}
