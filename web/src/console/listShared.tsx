import { useQuery } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { api } from '../api';
import type { LegalBasis, ListEntry, ListKind, User, UserRow } from '../shared/types';
import { ENTRY_STATE_COLORS, ENTRY_STATE_LABELS, LIST_KIND_KIND_COLORS, LIST_KIND_KIND_LABELS, label } from '../shared/labels';
import { formatDate } from '../shared/format';
import { useCatalog } from './useCatalog';

export const LIST_KINDS_QUERY_KEY = ['list-kinds'] as const;

/** The list kinds with their designation standards (every staff role reads them). */
export function useListKinds() {
  return useQuery({
    queryKey: LIST_KINDS_QUERY_KEY,
    queryFn: ({ signal }) => api.get<ListKind[]>('/lists/kinds', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * List kind code → name: the platform's list kinds, and the catalog's list_kind code table for lists kept
 * by others (失信被执行人名单, 经营异常名录) that measures may target.
 */
export function useListKindNames(): Map<string, string> {
  const kinds = useListKinds();
  const catalog = useCatalog();
  const names = new Map((catalog.data?.codeTables?.list_kind?.entries ?? []).map((e) => [e.code, e.label]));
  for (const k of kinds.data ?? []) names.set(k.code, k.name);
  return names;
}

export function EntryStateTag({ state, text }: { state: string; text?: string }) {
  return (
    <Tag color={ENTRY_STATE_COLORS[state] ?? 'default'} className="list-entry-state" style={{ marginInlineEnd: 0 }}>
      {text || label(ENTRY_STATE_LABELS, state)}
    </Tag>
  );
}

export function ListKindKindTag({ kind }: { kind: string }) {
  return <Tag color={LIST_KIND_KIND_COLORS[kind] ?? 'default'}>{label(LIST_KIND_KIND_LABELS, kind)}</Tag>;
}

export function basisText(b: LegalBasis): string {
  return `${b.document}${b.article ? ` ${b.article}` : ''}`;
}

/** Legal basis, one document per line. */
export function BasisLines({ basis, size = 13 }: { basis: LegalBasis[] | null | undefined; size?: number }) {
  if (!basis || basis.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {basis.map((b, i) => (
        <Typography.Text key={i} style={{ fontSize: size }}>
          {basisText(b)}
        </Typography.Text>
      ))}
    </Space>
  );
}

/**
 * The deadline the entry is waiting for, by state: the statement period, the decision, the validity.
 * (The 7-working-day publication deadline needs the calendar; the detail page asks for it.)
 */
export function currentDeadline(entry: Pick<ListEntry, 'state' | 'notice' | 'statement' | 'decision' | 'validUntil'>): { label: string; date: string } | null {
  switch (entry.state) {
    case 'noticed':
      return entry.notice ? { label: '陈述申辩期限至', date: entry.notice.statement_deadline } : null;
    case 'statement_received':
    case 'statement_expired':
      return entry.statement ? { label: '应于此日前作出决定', date: entry.statement.decision_due } : null;
    case 'decided':
      return entry.decision ? { label: '决定日期', date: entry.decision.decided_on } : null;
    case 'published':
      return entry.validUntil ? { label: '名单有效期至', date: entry.validUntil } : null;
    default:
      return null;
  }
}

export function DeadlineText({ entry }: { entry: Pick<ListEntry, 'state' | 'notice' | 'statement' | 'decision' | 'validUntil'> }) {
  const deadline = currentDeadline(entry);
  if (!deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {deadline.label}
      </Typography.Text>{' '}
      {formatDate(deadline.date)}
    </span>
  );
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who took a step: the procedure history stores user ids. The credit office and auditors may read the
 * user list and see names; a department user sees 本人 for itself and the role in the procedure otherwise.
 */
export function useActorName(user: User, entry: Pick<ListEntry, 'proposerId' | 'reviewerId'> | undefined): (actor: string) => string {
  const readsUsers = user.role === 'office_admin' || user.role === 'auditor';
  const users = useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => api.get<{ items: UserRow[] }>('/users', undefined, signal),
    enabled: readsUsers,
    staleTime: 5 * 60_000,
    retry: false,
  });
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, `${u.displayName}（${u.username}）`]));
  return (actor) => {
    if (!UUID_RE.test(actor)) return actor || '—';
    const known = names.get(actor);
    if (known) return known;
    if (actor === user.id) return `${user.displayName}（本人）`;
    if (entry && actor === entry.proposerId) return '认定申请经办人';
    if (entry && actor === entry.reviewerId) return '审核人';
    return '本部门工作人员';
  };
}
