import { Tag } from 'antd';
import { STATUS_COLORS, STATUS_LABELS, label } from '../shared/labels';

export function StatusTag({ status }: { status: string | null | undefined }) {
  if (!status) return <>—</>;
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{label(STATUS_LABELS, status)}</Tag>;
}
