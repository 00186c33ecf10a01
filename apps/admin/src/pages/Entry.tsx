import { OBSERVATION_STATE_LABELS } from '@minsheng/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { EntryGrid, type EntryGridRow } from '../entry/EntryGrid.tsx';
import { dirtyRows, gridErrors, initialValues, type Values } from '../entry/grid.ts';
import { useUnsavedGuard } from '../entry/useUnsavedGuard.ts';
import {
  type IndicatorRow,
  type ObservationRow,
  type PlanInfo,
  refreshObservations,
  useIndicators,
  usePlan,
  yearsOf,
} from '../lib/plan-data.ts';
import { errorMessage, trpc } from '../lib/trpc.ts';
import { NeedPlan, Pending, YearSelect } from './common.tsx';

export default function EntryPage() {
  return <NeedPlan>{(planId) => <Entry planId={planId} />}</NeedPlan>;
}

function Entry({ planId }: { planId: string }) {
  const plan = usePlan(planId);
  const indicators = useIndicators(planId);
  return (
    <Pending queries={[plan, indicators]}>
      {() =>
        plan.data && indicators.data && <YearEntry plan={plan.data} indicators={indicators.data} />
      }
    </Pending>
  );
}

function startYear(period: { start: number; end: number }) {
  const last = new Date().getFullYear() - 1;
  return Math.min(Math.max(last, period.start), period.end);
}

function YearEntry({ plan, indicators }: { plan: PlanInfo; indicators: IndicatorRow[] }) {
  const [year, setYear] = useState(() => startYear(plan.period));
  const observations = useQuery(trpc.observations.list.queryOptions({ planId: plan.id, year }));
  return (
    <div>
      <Typography.Title level={3} className="page-title">
        数据填报
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {plan.title}。填写{year}
        年各项指标的实际值，可先保存草稿，核对无误后提交审核；已提交或已审核的数值不能在此修改。
      </Typography.Paragraph>
      <Pending queries={[observations]}>
        {() =>
          observations.data && (
            <Sheet
              // A new year is a new sheet: nothing typed for one year carries into another.
              key={`${plan.id}-${year}`}
              plan={plan}
              year={year}
              onYear={setYear}
              indicators={indicators}
              observations={observations.data}
            />
          )
        }
      </Pending>
    </div>
  );
}

function Sheet({
  plan,
  year,
  onYear,
  indicators,
  observations,
}: {
  plan: PlanInfo;
  year: number;
  onYear: (y: number) => void;
  indicators: IndicatorRow[];
  observations: ObservationRow[];
}) {
  const byIndicator = useMemo(
    () => new Map(observations.map((o) => [o.indicatorId, o])),
    [observations],
  );
  const rows: EntryGridRow[] = useMemo(
    () =>
      indicators
        .filter((i) => i.inPackage)
        .map((i) => {
          const o = byIndicator.get(i.id);
          return {
            id: i.id,
            name: i.name,
            unit: i.unit,
            field: i.field.label,
            baseline: i.baseline.raw,
            target: i.target.raw,
            initial: { value: o?.raw ?? '', source: o?.source ?? '', note: o?.note ?? '' },
            locked: o?.state === 'submitted' || o?.state === 'approved',
            stateLabel: o ? OBSERVATION_STATE_LABELS[o.state] : null,
            returnReason: o?.state === 'returned' ? o.returnReason : null,
          };
        }),
    [indicators, byIndicator],
  );
  const [values, setValues] = useState<Values>(() => initialValues(rows));
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [pendingYear, setPendingYear] = useState<number | null>(null);

  const changes = dirtyRows(rows, values);
  const errors = gridErrors(rows, values);
  const blocker = useUnsavedGuard(changes.length > 0);
  const submittable = observations.filter((o) => o.state === 'draft' || o.state === 'returned');

  const save = useMutation(trpc.observations.saveSheet.mutationOptions());
  const busy = save.isPending;

  /**
   * The whole sheet in one call, one transaction: every changed row saved as a draft and, to
   * submit, submitted with the sheet's other drafts. The server takes all of it or none of it and
   * names each cell it refuses.
   */
  const run = async (submit: boolean) => {
    if (errors.length > 0) {
      setResult({
        type: 'error',
        text: `有 ${errors.length} 个单元格填写有误，请按单元格下的提示修改后再保存`,
      });
      return;
    }
    setResult(null);
    const changed = new Set(changes.map((c) => c.id));
    try {
      const done = await save.mutateAsync({
        planId: plan.id,
        year,
        mode: submit ? 'submit' : 'draft',
        cells: changes.map((c) => ({
          indicatorId: c.id,
          value: c.values.value.trim(),
          source: c.values.source.trim() || null,
          note: c.values.note.trim() || null,
          expectedVersion: byIndicator.get(c.id)?.version ?? null,
        })),
        submit: submit
          ? submittable
              .filter((o) => !changed.has(o.indicatorId))
              .map((o) => ({ indicatorId: o.indicatorId, expectedVersion: o.version }))
          : [],
      });
      await refreshObservations();
      setResult({
        type: 'success',
        text: submit
          ? `已保存 ${done.saved.length} 项，提交审核 ${done.submitted.length} 项`
          : `已保存草稿 ${done.saved.length} 项`,
      });
    } catch (error) {
      // Nothing was written: what was typed stays in the grid to be corrected.
      setResult({ type: 'error', text: errorMessage(error) });
    }
  };

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <YearSelect
          label="填报年度"
          years={yearsOf(plan.period)}
          value={year}
          onChange={(y) => (changes.length > 0 ? setPendingYear(y) : onYear(y))}
        />
        <Button onClick={() => run(false)} loading={busy} disabled={changes.length === 0}>
          保存草稿
        </Button>
        <Button
          type="primary"
          onClick={() => run(true)}
          loading={busy}
          disabled={changes.length === 0 && submittable.length === 0}
        >
          提交审核
        </Button>
        <Typography.Text type="secondary" aria-live="polite">
          {changes.length > 0 ? `${changes.length} 项未保存` : '没有未保存的修改'}
          {errors.length > 0 ? `，${errors.length} 处错误` : ''}
          {submittable.length > 0 ? `；${submittable.length} 项草稿待提交` : ''}
        </Typography.Text>
      </Space>
      {result ? (
        <Alert
          type={result.type}
          showIcon
          closable
          style={{ marginBottom: 12 }}
          title={result.text}
          onClose={() => setResult(null)}
        />
      ) : null}
      <EntryGrid rows={rows} year={year} values={values} onChange={setValues} />
      <Modal
        open={blocker.state === 'blocked' || pendingYear !== null}
        title="有未保存的修改"
        okText="放弃修改并离开"
        cancelText="留在本页"
        okButtonProps={{ danger: true }}
        onOk={() => {
          if (blocker.state === 'blocked') blocker.proceed();
          if (pendingYear !== null) {
            onYear(pendingYear);
            setPendingYear(null);
          }
        }}
        onCancel={() => {
          if (blocker.state === 'blocked') blocker.reset();
          setPendingYear(null);
        }}
      >
        本页有 {changes.length} 项修改尚未保存，离开后将丢失。
      </Modal>
    </div>
  );
}
