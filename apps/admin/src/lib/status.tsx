import {
  CheckCircleFilled,
  CheckCircleOutlined,
  CloseCircleFilled,
  CloseSquareFilled,
  MinusCircleOutlined,
  QuestionCircleOutlined,
  RiseOutlined,
  WarningFilled,
} from '@ant-design/icons';
import {
  EVALUATION_STATUS_LABELS,
  type EvaluationStatus,
  OBSERVATION_STATE_LABELS,
  type ObservationState,
} from '@minsheng/domain';
import { Tag } from 'antd';
import type { ReactNode } from 'react';

// Each status has its own icon and words as well as a colour, so it reads without colour too.
const LOOK: Record<EvaluationStatus, { color: string; icon: ReactNode; chart: string }> = {
  achieved: { color: 'green', icon: <CheckCircleFilled />, chart: '#389e0d' },
  not_achieved: { color: 'magenta', icon: <CloseSquareFilled />, chart: '#9e1068' },
  ahead: { color: 'cyan', icon: <RiseOutlined />, chart: '#08979c' },
  on_track: { color: 'blue', icon: <CheckCircleOutlined />, chart: '#1677ff' },
  lagging: { color: 'orange', icon: <WarningFilled />, chart: '#d46b08' },
  seriously_lagging: { color: 'red', icon: <CloseCircleFilled />, chart: '#cf1322' },
  no_data: { color: 'default', icon: <MinusCircleOutlined />, chart: '#bfbfbf' },
  not_assessable: { color: 'default', icon: <QuestionCircleOutlined />, chart: '#8c8c8c' },
};

export const STATUS_CHART_COLORS = Object.fromEntries(
  Object.entries(LOOK).map(([k, v]) => [k, v.chart]),
) as Record<EvaluationStatus, string>;

export function StatusTag({ status }: { status: EvaluationStatus }) {
  const look = LOOK[status];
  return (
    <Tag color={look.color} icon={look.icon}>
      {EVALUATION_STATUS_LABELS[status]}
    </Tag>
  );
}

const STATE_COLORS: Record<ObservationState, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
};

export function StateTag({ state }: { state: ObservationState }) {
  return <Tag color={STATE_COLORS[state]}>{OBSERVATION_STATE_LABELS[state]}</Tag>;
}
