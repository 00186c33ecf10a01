import { OBSERVATION_STATE_LABELS } from '@minsheng/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { EntryGrid, type EntryGridRow } from '../entry/EntryGrid.tsx';
import { dirtyRows, gridErrors, initialValues, type Values } from '../entry/grid.ts';
import { useUnsavedGuard } from '../entry/useUnsavedGuard.ts';
import {
  type IndicatorRow,
  type PlanInfo,
  useIndicators,
  usePlan,
  yearsOf,
} from '../lib/plan-data.ts';
import { errorMessage, type Out, trpc } from '../lib/trpc.ts';
import { NeedPlan, Pending, YearSelect } from './common.tsx';

type ObservationRow = Out<typeof trpc.observations.list.query>[number];

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
  const observations = useQuery({
    queryKey: ['observations', plan.id, year],
    queryFn: () => trpc.observations.list.query({ planId: plan.id, year }),
  });
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
  const client = useQueryClient();
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
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [pendingYear, setPendingYear] = useState<number | null>(null);

  const changes = dirtyRows(rows, values);
  const errors = gridErrors(rows, values);
  const blocker = useUnsavedGuard(changes.length > 0);
  const submittable = observations.filter((o) => o.state === 'draft' || o.state === 'returned');

  /** Saves every changed row as a draft; gives the saved observations, or throws. */
  const saveChanges = async (): Promise<ObservationRow[]> => {
    const saved: ObservationRow[] = [];
    for (const change of changes) {
      const existing = byIndicator.get(change.id);
      if (change.values.value.trim() === '') {
        throw new Error(
          `“${rows.find((r) => r.id === change.id)?.name}”已有保存的数值，不能清空；如需更正请填写新数值`,
        );
      }
      const o = await trpc.observations.saveDraft.mutate({
        planId: plan.id,
        indicatorId: change.id,
        year,
        value: change.values.value.trim(),
        source: change.values.source.trim() || null,
        note: change.values.note.trim() || null,
        expectedVersion: existing?.version ?? null,
      });
      saved.push(o);
    }
    return saved;
  };

  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['observations', plan.id] });
    await client.invalidateQueries({ queryKey: ['indicators', plan.id] });
    await client.invalidateQueries({ queryKey: ['approvals'] });
  };

  const run = async (submit: boolean) => {
    if (errors.length > 0) {
      setResult({
        type: 'error',
        text: `有 ${errors.length} 个单元格填写有误，请按单元格下的提示修改后再保存`,
      });
      return;
    }
    setBusy(true);
    setResult(null);
    let savedCount = 0;
    try {
      const saved = await saveChanges();
      savedCount = saved.length;
      let submitted = 0;
      if (submit) {
        const latest = new Map(submittable.map((o) => [o.id, o]));
        for (const o of saved) latest.set(o.id, o);
        for (const o of latest.values()) {
          if (o.state !== 'draft' && o.state !== 'returned') continue;
          await trpc.observations.submit.mutate({ id: o.id, expectedVersion: o.version });
          submitted++;
        }
      }
      await refresh();
      setResult({
        type: 'success',
        text: submit
          ? `已保存 ${savedCount} 项，提交审核 ${submitted} 项`
          : `已保存草稿 ${savedCount} 项`,
      });
    } catch (error) {
      await refresh();
      setResult({
        type: 'error',
        text: `${savedCount > 0 ? `已保存 ${savedCount} 项；` : ''}${errorMessage(error)}`,
      });
    } finally {
      setBusy(false);
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
