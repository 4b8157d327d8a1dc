import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import type { Department, RecordDetail, RecordVersion } from '../shared/types';

/** The departments (GET /departments), shared by every page and form that lists or names them. */
export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => api.get<{ items: Department[] }>('/departments', undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Department id → name, for API answers that carry only departmentId. Empty if the list is not readable. */
export function useDepartmentNames(enabled = true): Map<string, string> {
  const departments = useDepartments(enabled);
  return new Map((departments.data?.items ?? []).map((d) => [d.id, d.name]));
}

/** 行政事项 code → label, from the server's measure list module. */
export function useMatterTypes(): Map<string, string> {
  const matters = useQuery({
    queryKey: ['matter-types'],
    queryFn: ({ signal }) => api.get<{ items: { code: string; label: string }[] }>('/measures/matter-types', undefined, signal),
    staleTime: Infinity,
  });
  return new Map((matters.data?.items ?? []).map((m) => [m.code, m.label]));
}

/** A record as the server stores it (GET /records?subjectId= items, and `record` of GET /records/:id). */
export interface RecordRow {
  id: string;
  subjectId: string;
  departmentId?: string;
  itemCode: string;
  documentNumber: string;
  decisionDate: string;
  receivedAt?: string;
  status: string;
  severity?: string;
  currentVersion?: number;
}

/**
 * GET /records/:id answers either the flat shape or `{ record, itemName, subjectName?, departmentName?, versions }`
 * (the names may also sit on `record`): make it flat. A missing name stays '' so the page looks it up.
 */
export function normalizeRecord(
  data:
    | RecordDetail
    | {
        record: RecordRow & { subjectName?: string | null; departmentName?: string | null };
        itemName?: string;
        subjectName?: string | null;
        departmentName?: string | null;
        versions: RecordVersion[];
      },
): RecordDetail & { departmentId?: string } {
  if ('record' in data && data.record) {
    const r = data.record;
    return {
      id: r.id,
      subjectId: r.subjectId,
      subjectName: data.subjectName || r.subjectName || '',
      itemCode: r.itemCode,
      itemName: data.itemName ?? r.itemCode,
      departmentName: data.departmentName || r.departmentName || '',
      departmentId: r.departmentId,
      documentNumber: r.documentNumber,
      decisionDate: r.decisionDate,
      status: r.status,
      versions: data.versions ?? [],
    };
  }
  return data as RecordDetail;
}
