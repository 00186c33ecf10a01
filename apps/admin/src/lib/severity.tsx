import { CloseCircleFilled, InfoCircleOutlined, WarningFilled } from '@ant-design/icons';
import { SEVERITY_LABELS, type Severity } from '@minsheng/domain';
import { Tag } from 'antd';
import type { ReactNode } from 'react';

const LOOK: Record<Severity, { color: string; icon: ReactNode }> = {
  error: { color: 'red', icon: <CloseCircleFilled /> },
  warning: { color: 'orange', icon: <WarningFilled /> },
  info: { color: 'blue', icon: <InfoCircleOutlined /> },
};

/** Severity in words and icon as well as colour. */
export function SeverityTag({ severity }: { severity: Severity }) {
  return (
    <Tag color={LOOK[severity].color} icon={LOOK[severity].icon}>
      {SEVERITY_LABELS[severity]}
    </Tag>
  );
}
