import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useServerPaging } from '../shared/paging';
import { api } from '../api';
import type { ListEntry, ListEntryPage } from '../shared/types';
import { ErrorView } from '../shared/QueryState';
import { ENTRY_ACTION_LABELS, ENTRY_STATE_LABELS, label } from '../shared/labels';
import { formatDate } from '../shared/format';
import { canPropose } from './access';
import { DeadlineText, EntryStateTag, useListKinds } from './listShared';
import { useDepartmentNames } from './lookups';
import { PageTitle } from './PageTitle';
import { useUser } from './userContext';

/** 名单认定: the department's designation procedures (the credit office and auditors see all), newest first. */
export default function ListEntriesPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const kind = params.get('kind') ?? '';
  const subjectId = params.get('subjectId') ?? '';
  const { page, pageSize, pagination, resetPage } = useServerPaging();
  const kinds = useListKinds();
  const kindNames = new Map((kinds.data ?? []).map((k) => [k.code, k.name]));
  const crossDepartment = user.role === 'office_admin' || user.role === 'auditor';
  const departments = useDepartmentNames(crossDepartment);

  const entries = useQuery({
    queryKey: ['list-entries', state, kind, subjectId, page, pageSize],
    queryFn: ({ signal }) => api.get<ListEntryPage>('/lists/entries', { state, kind, subjectId, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
    resetPage();
  };
  const open = (r: ListEntry) => navigate(`/console/lists/entries/${encodeURIComponent(r.id)}`);

  return (
    <>
      <PageTitle
        title="名单认定"
        extra={
          <Space>
            {canPropose(user.role) ? (
              <Link to="/console/lists/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  发起认定
                </Button>
              </Link>
            ) : null}
            <Button icon={<ReloadOutlined />} loading={entries.isFetching} onClick={() => void entries.refetch()}>
              刷新
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        {crossDepartment ? '全部部门' : (user.department?.name ?? '本部门')}
        的信用名单认定。认定按“提出申请 → 送达告知书 → 陈述申辩（或期满）→ 认定决定 → 公示 → 移出”办理，期限按工作日计算；“可办理”列出您现在可以办理的步骤。
      </Typography.Paragraph>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label="名单类型"
            value={kind}
            onChange={(v) => setFilter('kind', v)}
            style={{ width: 200 }}
            loading={kinds.isPending}
            options={[{ value: '', label: '全部名单类型' }, ...(kinds.data ?? []).map((k) => ({ value: k.code, label: k.name }))]}
          />
          <Select
            aria-label="办理状态"
            value={state}
            onChange={(v) => setFilter('state', v)}
            style={{ width: 200 }}
            options={[{ value: '', label: '全部状态' }, ...Object.entries(ENTRY_STATE_LABELS).map(([value, l]) => ({ value, label: l }))]}
          />
          {subjectId ? (
            <Tag closable onClose={() => setFilter('subjectId', '')} color="blue">
              仅显示一个主体{entries.data?.items[0]?.subjectName ? `：${entries.data.items[0].subjectName}` : ''}
            </Tag>
          ) : null}
        </Space>
        {entries.error ? (
          <ErrorView error={entries.error} onRetry={() => void entries.refetch()} />
        ) : (
          <Table<ListEntry>
            rowKey="id"
            size="small"
            className="list-entries-table"
            loading={entries.isFetching}
            dataSource={entries.data?.items ?? []}
            scroll={{ x: crossDepartment ? 1260 : 1100 }}
            locale={{ emptyText: '暂无名单认定记录' }}
            pagination={pagination(entries.data?.total)}
            onRow={(r) => ({ onDoubleClick: () => open(r) })}
            columns={[
              {
                title: '被认定主体',
                dataIndex: 'subjectName',
                width: 220,
                fixed: 'left',
                ellipsis: true,
                render: (v: string, r) => (
                  <Link to={`/console/lists/entries/${encodeURIComponent(r.id)}`} title={v}>
                    {v || '（未知主体）'}
                  </Link>
                ),
              },
              { title: '名单类型', dataIndex: 'listKind', width: 140, render: (v: string) => kindNames.get(v) ?? v },
              { title: '办理状态', dataIndex: 'state', width: 160, render: (v: string, r) => <EntryStateTag state={v} text={r.stateLabel} /> },
              { title: '当前期限', key: 'deadline', width: 200, render: (_: unknown, r) => <DeadlineText entry={r} /> },
              {
                title: '可办理',
                dataIndex: 'allowedActions',
                width: 200,
                render: (v: string[]) =>
                  v.length === 0 ? (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ) : (
                    <Space size={[4, 4]} wrap>
                      {v.map((a) => (
                        <Tag key={a} color="gold" style={{ marginInlineEnd: 0 }}>
                          {label(ENTRY_ACTION_LABELS, a)}
                        </Tag>
                      ))}
                    </Space>
                  ),
              },
              ...(crossDepartment
                ? [{ title: '认定部门', dataIndex: 'departmentId', width: 160, ellipsis: true, render: (v: string) => departments.get(v) ?? '—' }]
                : []),
              { title: '提出日期', dataIndex: 'createdAt', width: 110, render: (v: string) => formatDate(v) },
              { title: '操作', key: 'op', width: 70, fixed: 'right', render: (_: unknown, r) => <Link to={`/console/lists/entries/${encodeURIComponent(r.id)}`}>{r.allowedActions.length ? '办理' : '查看'}</Link> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
