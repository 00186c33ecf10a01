import {
  EVALUATION_STATUS_LABELS,
  EVALUATION_STATUSES,
  type EvaluationStatus,
  NATURE_LABELS,
} from '@minsheng/domain';
import { Card, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Sparkline, type TrendPoint } from '../charts/Sparkline.tsx';
import {
  approvedYears,
  defaultYear,
  type IndicatorEvaluation,
  type IndicatorRow,
  type PlanInfo,
  useEvaluation,
  useIndicators,
  usePlan,
  useYearParam,
  yearsOf,
} from '../lib/plan-data.ts';
import { StatusTag } from '../lib/status.tsx';
import { NeedPlan, Pending, YearSelect } from './common.tsx';

export default function IndicatorsPage() {
  return <NeedPlan>{(planId) => <Indicators planId={planId} />}</NeedPlan>;
}

function Indicators({ planId }: { planId: string }) {
  const plan = usePlan(planId);
  const indicators = useIndicators(planId);
  return (
    <Pending queries={[plan, indicators]}>
      {() => plan.data && indicators.data && <Body plan={plan.data} rows={indicators.data} />}
    </Pending>
  );
}

const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : String(Math.round(n * 100) / 100);

function trend(row: IndicatorRow, e: IndicatorEvaluation | undefined) {
  const path: TrendPoint[] = [];
  if (e?.baseline != null && e.target != null && e.rule === 'level.path') {
    path.push({ year: row.baselineYear, value: e.baseline });
    path.push({ year: row.targetYear, value: e.target });
  }
  const observed: TrendPoint[] = [];
  if (e?.baseline != null) observed.push({ year: row.baselineYear, value: e.baseline });
  if (e?.observed?.value != null) observed.push({ year: e.observed.year, value: e.observed.value });
  return { path, observed };
}

function Body({ plan, rows: all }: { plan: PlanInfo; rows: IndicatorRow[] }) {
  const [year, setYear] = useYearParam(plan.period, defaultYear(plan.period, approvedYears(all)));
  const [field, setField] = useState<string | null>(null);
  const [nature, setNature] = useState<string | null>(null);
  const [status, setStatus] = useState<EvaluationStatus | null>(null);
  const evaluation = useEvaluation(plan.id, year);
  const evals = useMemo(
    () => new Map((evaluation.data?.evaluations ?? []).map((e) => [e.indicatorId, e])),
    [evaluation.data],
  );
  // What the router evaluates: the indicators still in the plan's package.
  const rows = all.filter((r) => r.inPackage);

  const fields = [...new Set(rows.map((r) => r.field.label))];
  const shown = rows.filter(
    (r) =>
      (field === null || r.field.label === field) &&
      (nature === null || (r.nature ?? 'none') === nature) &&
      (status === null || evals.get(r.id)?.status === status),
  );
  const groups = fields
    .map((f) => ({ field: f, rows: shown.filter((r) => r.field.label === f) }))
    .filter((g) => g.rows.length > 0);

  const columns = [
    {
      title: '指标',
      key: 'name',
      render: (_: unknown, r: IndicatorRow) => (
        <Link to={`/indicators/${encodeURIComponent(r.id)}?year=${year}`}>{r.name}</Link>
      ),
    },
    {
      title: '属性',
      key: 'nature',
      width: 80,
      render: (_: unknown, r: IndicatorRow) =>
        r.nature === 'binding' || r.nature === 'expected' ? NATURE_LABELS[r.nature] : '—',
    },
    {
      title: '基期值',
      key: 'baseline',
      render: (_: unknown, r: IndicatorRow) => `${r.baseline.raw || '—'}（${r.baselineYear}）`,
    },
    {
      title: '目标值',
      key: 'target',
      render: (_: unknown, r: IndicatorRow) => `${r.target.raw || '—'}（${r.targetYear}）`,
    },
    {
      title: '最新审核值',
      key: 'latest',
      render: (_: unknown, r: IndicatorRow) =>
        r.latestApproved ? `${r.latestApproved.raw}（${r.latestApproved.year}）` : '—',
    },
    {
      title: `${year}年预期值`,
      key: 'expected',
      render: (_: unknown, r: IndicatorRow) => fmt(evals.get(r.id)?.expected),
    },
    {
      title: '状态及原因',
      key: 'status',
      render: (_: unknown, r: IndicatorRow) => {
        const e = evals.get(r.id);
        if (!e) return '—';
        return (
          <div>
            <StatusTag status={e.status} />
            <div style={{ fontSize: 12, color: '#595959' }}>{e.reason.zh}</div>
          </div>
        );
      },
    },
    {
      title: '趋势',
      key: 'trend',
      width: 140,
      render: (_: unknown, r: IndicatorRow) => {
        const e = evals.get(r.id);
        const t = trend(r, e);
        const words = [
          e?.baseline != null ? `基期${r.baselineYear}年${fmt(e.baseline)}` : '',
          e?.target != null ? `目标${r.targetYear}年${fmt(e.target)}` : '',
          e?.observed ? `${e.observed.year}年实际${e.observed.raw}` : '暂无审核值',
        ].filter(Boolean);
        return <Sparkline {...t} label={`${r.name}趋势：${words.join('，')}`} />;
      },
    },
  ];

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        指标监测
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <YearSelect years={yearsOf(plan.period)} value={year} onChange={setYear} />
        <label htmlFor="filter-field">领域</label>
        <Select
          id="filter-field"
          aria-label="按领域筛选"
          allowClear
          placeholder="全部领域"
          style={{ width: 180 }}
          value={field}
          onChange={(v) => setField(v ?? null)}
          options={fields.map((f) => ({ value: f, label: f }))}
        />
        <label htmlFor="filter-nature">属性</label>
        <Select
          id="filter-nature"
          aria-label="按属性筛选"
          allowClear
          placeholder="全部属性"
          style={{ width: 120 }}
          value={nature}
          onChange={(v) => setNature(v ?? null)}
          options={[
            { value: 'binding', label: NATURE_LABELS.binding },
            { value: 'expected', label: NATURE_LABELS.expected },
            { value: 'none', label: '未标注' },
          ]}
        />
        <label htmlFor="filter-status">状态</label>
        <Select
          id="filter-status"
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          style={{ width: 150 }}
          value={status}
          onChange={(v) => setStatus(v ?? null)}
          options={EVALUATION_STATUSES.map((s) => ({
            value: s,
            label: EVALUATION_STATUS_LABELS[s],
          }))}
        />
        <Typography.Text type="secondary">
          显示 {shown.length} / {rows.length} 项
        </Typography.Text>
      </Space>
      <Pending queries={[evaluation]}>
        {() =>
          groups.map((g) => (
            <Card key={g.field} title={g.field} size="small" style={{ marginBottom: 16 }}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                columns={columns}
                dataSource={g.rows}
              />
            </Card>
          ))
        }
      </Pending>
    </div>
  );
}
