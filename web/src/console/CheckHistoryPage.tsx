import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Typography } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useServerPaging } from '../shared/paging';
import { api } from '../api';
import type { CheckPage, CheckRow } from '../shared/types';
import { ErrorView } from '../shared/QueryState';
import { formatDate, formatDateTime } from '../shared/format';
import { FeedbackStatusTag, TreatmentTag, useMatterLabel } from './CheckResultView';
import { PageTitle } from './PageTitle';
import { useUser } from './userContext';

/** 核查记录: the department's credit checks (the credit office sees all), newest first. */
export default function CheckHistoryPage() {
  const user = useUser();
  const matterLabel = useMatterLabel();
  const { page, pageSize, pagination } = useServerPaging();
  const checks = useQuery({
    queryKey: ['checks', page, pageSize],
    queryFn: ({ signal }) => api.get<CheckPage>('/checks', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageTitle
        title="核查记录"
        extra={
          <Space>
            <Link to="/console/checks">
              <Button type="primary" icon={<SafetyCertificateOutlined />}>
                信用核查
              </Button>
            </Link>
            <Button icon={<ReloadOutlined />} loading={checks.isFetching} onClick={() => void checks.refetch()}>
              刷新
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        {user.role === 'office_admin' ? '全部部门' : (user.department?.name ?? '本部门')}的信用核查记录。需要反馈的核查应在反馈期限内反馈措施实施情况，逾期的报信用办。
      </Typography.Paragraph>
      <Card size="small">
        {checks.error ? (
          <ErrorView error={checks.error} onRetry={() => void checks.refetch()} />
        ) : (
          <Table<CheckRow>
            rowKey="id"
            size="small"
            loading={checks.isFetching}
            dataSource={checks.data?.items ?? []}
            scroll={{ x: 1300 }}
            locale={{ emptyText: '暂无核查记录' }}
            pagination={pagination(checks.data?.total)}
            columns={[
              { title: '核查时间', dataIndex: 'createdAt', width: 170, render: (v: string, r) => <Link to={`/console/checks/${encodeURIComponent(r.id)}`}>{formatDateTime(v)}</Link> },
              { title: '核查对象', key: 'subject', width: 220, ellipsis: true, render: (_: unknown, r) => r.result?.subject?.name ?? '—' },
              { title: '行政事项', dataIndex: 'matterCode', width: 180, ellipsis: true, render: (v: string) => matterLabel(v) },
              { title: '查询用途', dataIndex: 'purpose', width: 220, ellipsis: true },
              { title: '处理建议', dataIndex: 'treatment', width: 100, render: (v: string) => <TreatmentTag treatment={v} /> },
              { title: '反馈状态', key: 'feedback', width: 90, render: (_: unknown, r) => <FeedbackStatusTag row={r} /> },
              { title: '反馈期限', dataIndex: 'feedbackDue', width: 110, render: (v: string | null) => formatDate(v) },
              { title: '核查人', dataIndex: 'actorLabel', width: 120, ellipsis: true },
              { title: '操作', key: 'op', width: 70, fixed: 'right', render: (_: unknown, r) => <Link to={`/console/checks/${encodeURIComponent(r.id)}`}>查看</Link> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
