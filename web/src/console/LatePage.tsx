import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useServerPaging } from '../shared/paging';
import { api } from '../api';
import type { LateList, LateRecord } from '../shared/types';
import { ErrorView } from '../shared/QueryState';
import { formatDate, formatDateTime } from '../shared/format';
import { PageTitle } from './PageTitle';
import { useUser } from './userContext';

const DEFAULT_LIMIT = 7;

/** 超时报送: records that reached the platform more than 7 working days after their decision. */
export default function LatePage() {
  const user = useUser();
  const { page, pageSize, pagination } = useServerPaging();
  const allDepartments = user.role === 'office_admin' || user.role === 'auditor';

  const late = useQuery({
    queryKey: ['disclosure-late', page, pageSize],
    queryFn: ({ signal }) => api.get<LateList>('/disclosure/late', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const limit = late.data?.limitWorkingDays ?? DEFAULT_LIMIT;

  return (
    <>
      <PageTitle
        title="超时报送"
        extra={
          <Button icon={<ReloadOutlined />} loading={late.isFetching} onClick={() => void late.refetch()}>
            刷新
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        信用信息应自作出决定之日起 {limit} 个工作日内归集到平台。以下是超过时限才到达平台的记录，按到达时间从新到旧排列
        {allDepartments ? '（全部部门）' : `（${user.department?.name ?? '本部门'}）`}。
      </Typography.Paragraph>
      <Card size="small">
        {late.error ? (
          <ErrorView error={late.error} onRetry={() => void late.refetch()} />
        ) : (
          <Table<LateRecord>
            rowKey="recordId"
            size="small"
            loading={late.isFetching}
            dataSource={late.data?.items ?? []}
            scroll={{ x: 1000 }}
            locale={{ emptyText: '暂无超时报送的记录' }}
            pagination={pagination(late.data?.total)}
            columns={[
              {
                title: '主体',
                dataIndex: 'subjectName',
                width: 200,
                fixed: 'left',
                ellipsis: true,
                render: (v: string, r) => <Link to={`/console/subjects/${encodeURIComponent(r.subjectId)}`}>{v || '（未知主体）'}</Link>,
              },
              {
                title: '目录条目',
                dataIndex: 'itemName',
                width: 220,
                render: (v: string, r) => (
                  <Space orientation="vertical" size={0}>
                    <Link to={`/console/records/${encodeURIComponent(r.recordId)}`}>{v || r.itemCode}</Link>
                    {r.documentNumber ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.documentNumber}
                      </Typography.Text>
                    ) : null}
                  </Space>
                ),
              },
              { title: '决定日期', dataIndex: 'decisionDate', width: 110, render: (v: string) => formatDate(v) },
              { title: '到达平台时间', dataIndex: 'receivedAt', width: 170, render: (v: string) => formatDateTime(v) },
              {
                title: '工作日数',
                dataIndex: 'arrivalWorkingDays',
                width: 100,
                align: 'right',
                render: (v: number | null) =>
                  v === null ? '—' : <Tag color={v > limit * 2 ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>{v} 个工作日</Tag>,
              },
              { title: '部门', dataIndex: 'departmentName', ellipsis: true, render: (v: string) => v || '—' },
            ]}
          />
        )}
      </Card>
    </>
  );
}
