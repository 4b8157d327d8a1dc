import { useMemo } from 'react';
import { Tag } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import type { BatchStatus, CatalogItem } from '../shared/types';
import { BATCH_MODE_LABELS, BATCH_STATUS_COLORS, BATCH_STATUS_LABELS, label } from '../shared/labels';
import { useCatalog } from './useCatalog';

/** A batch still being read (its counts are not final yet). */
export function isRunning(status: BatchStatus | string | null | undefined): boolean {
  return status === 'queued' || status === 'processing';
}

export function BatchStatusTag({ status }: { status: BatchStatus | string | null | undefined }) {
  if (!status) return <>—</>;
  return (
    <Tag color={BATCH_STATUS_COLORS[status] ?? 'default'} icon={status === 'processing' ? <LoadingOutlined /> : undefined}>
      {label(BATCH_STATUS_LABELS, status)}
    </Tag>
  );
}

export function modeLabel(mode: string | null | undefined): string {
  return label(BATCH_MODE_LABELS, mode);
}

/** Catalog item code → item (empty while the catalog loads or when it cannot be read). */
export function useCatalogItems(): Map<string, CatalogItem> {
  const catalog = useCatalog();
  return useMemo(() => new Map((catalog.data?.items ?? []).map((i) => [i.code, i] as const)), [catalog.data]);
}

/** Whether a department (by code) may submit an item: no restriction, or the department is listed. */
export function maySubmitItem(item: CatalogItem, departmentCode: string | null | undefined): boolean {
  return item.submittingDepartments === null || item.submittingDepartments === undefined || (!!departmentCode && item.submittingDepartments.includes(departmentCode));
}
