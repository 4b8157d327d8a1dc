import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useServerPaging } from '../shared/paging';
import { api } from '../api';
import type { CheckPage, CheckRow } from '../shared/types';
import { ErrorView } from '../shared/QueryState';
import { formatDate, formatDateTime } from '../shared/format';
import { canSee } from './access';
import { TreatmentTag, useMatterLabel } from './CheckResultView';
import { useDepartmentNames } from './lookups';
import { PageTitle } from './PageTitle';
import { useUser } from './userContext';

/** 逾期未反馈核查: checks the daily sweep flagged because their feedback is past due (GET /checks/overdue). */
export default function OverdueChecksPage() {
  const user = useUser();
  const navigate = useNavigate();
  const matterLabel = useMatterLabel();
  const departments = useDepartmentNames();
  const crossDepartment = user.role === 'office_admin' || user.role === 'auditor';
  const opensDetail = canSee(user.role, 'checks');
  const { page, pageSize, pagination } = useServerPaging();
  const overdue = useQuery({
    queryKey: ['checks', 'overdue', page, pageSize],
    queryFn: ({ signal }) => api.get<CheckPage>('/checks/overdue', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const detail = (r: CheckRow, text: string) => (opensDetail ? <Link to={`/console/checks/${encodeURIComponent(r.id)}`}>{text}</Link> : text);

  return (
    <>
      <PageTitle
        title="逾期未反馈核查"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} loading={overdue.isFetching} onClick={() => void overdue.refetch()}>
              刷新
            </Button>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/checks/stats')}>
              返回核查统计
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        {crossDepartment ? '各部门' : (user.department?.name ?? '本部门')}
        超过反馈期限仍未反馈措施实施情况的信用核查（平台每日标记，报信用办）。{opensDetail ? '打开核查即可补报反馈。' : ''}
      </Typography.Paragraph>
      <Card size="small">
        {overdue.error ? (
          <ErrorView error={overdue.error} onRetry={() => void overdue.refetch()} />
        ) : (
          <Table<CheckRow>
            rowKey="id"
            size="small"
            className="overdue-checks-table"
            loading={overdue.isFetching}
            dataSource={overdue.data?.items ?? []}
            scroll={{ x: 1250 }}
            locale={{ emptyText: '没有逾期未反馈的核查' }}
            pagination={pagination(overdue.data?.total)}
            columns={[
              { title: '反馈期限', dataIndex: 'feedbackDue', width: 110, render: (v: string | null) => <Typography.Text type="danger">{formatDate(v)}</Typography.Text> },
              { title: '核查时间', dataIndex: 'createdAt', width: 170, render: (v: string, r) => detail(r, formatDateTime(v)) },
              ...(crossDepartment ? [{ title: '核查部门', dataIndex: 'departmentId', width: 170, ellipsis: true, render: (v: string) => departments.get(v) ?? '—' }] : []),
              { title: '核查对象', key: 'subject', width: 220, ellipsis: true, render: (_: unknown, r) => r.result?.subject?.name ?? '—' },
              { title: '行政事项', dataIndex: 'matterCode', width: 170, ellipsis: true, render: (v: string) => matterLabel(v) },
              { title: '处理建议', dataIndex: 'treatment', width: 100, render: (v: string) => <TreatmentTag treatment={v} /> },
              { title: '标记逾期', dataIndex: 'flaggedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
              { title: '核查人', dataIndex: 'actorLabel', width: 150, ellipsis: true },
              ...(opensDetail ? [{ title: '操作', key: 'op', width: 80, fixed: 'right' as const, render: (_: unknown, r: CheckRow) => <Link to={`/console/checks/${encodeURIComponent(r.id)}`}>{r.departmentId === user.department?.id ? '去反馈' : '查看'}</Link> }] : []),
            ]}
          />
        )}
      </Card>
    </>
  );
}
