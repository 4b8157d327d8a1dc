import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tooltip, Typography } from 'antd';
import { CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api';
import type { IngestBatch } from '../shared/types';
import { ErrorView } from '../shared/QueryState';
import { formatDateTime, formatNumber } from '../shared/format';
import { canSubmit } from './access';
import { BatchStatusTag, isRunning, modeLabel, useCatalogItems } from './ingestShared';
import { useDepartmentNames } from './lookups';
import { PageTitle } from './PageTitle';
import { useUser } from './userContext';

const LIMIT = 50;

function count(value: number, color?: string) {
  if (!value) return <Typography.Text type="secondary">0</Typography.Text>;
  return <span style={color ? { color } : undefined}>{formatNumber(value)}</span>;
}

export default function BatchesPage() {
  const user = useUser();
  const navigate = useNavigate();
  const items = useCatalogItems();
  const allDepartments = user.role === 'office_admin' || user.role === 'auditor';
  const departmentNames = useDepartmentNames(allDepartments);
  const batches = useQuery({
    queryKey: ['ingest-batches', LIMIT],
    queryFn: ({ signal }) => api.get<{ items: IngestBatch[] }>('/ingest/batches', { limit: LIMIT }, signal),
    // keep the running batches' status current
    refetchInterval: (query) => (query.state.data?.items.some((b) => isRunning(b.status)) ? 3000 : false),
    staleTime: 0,
  });

  return (
    <>
      <PageTitle
        title="批次历史"
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} loading={batches.isFetching} onClick={() => void batches.refetch()}>
              刷新
            </Button>
            {canSubmit(user.role) ? (
              <Link to="/console/ingest">
                <Button type="primary" icon={<CloudUploadOutlined />}>
                  报送数据
                </Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        {allDepartments ? `各部门最近 ${LIMIT} 个报送批次。` : `${user.department?.name ?? '本部门'}最近 ${LIMIT} 个报送批次。`}
      </Typography.Paragraph>
      <Card size="small">
        {batches.error ? (
          <ErrorView error={batches.error} onRetry={() => void batches.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={batches.isPending}
            dataSource={batches.data?.items ?? []}
            scroll={{ x: allDepartments ? 1160 : 1000 }}
            locale={{ emptyText: '暂无报送批次' }}
            onRow={(r) => ({ onClick: () => navigate(`/console/ingest/batches/${encodeURIComponent(r.id)}`), style: { cursor: 'pointer' } })}
            pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个批次`, hideOnSinglePage: true }}
            columns={[
              {
                title: '时间',
                dataIndex: 'createdAt',
                width: 160,
                fixed: 'left',
                render: (v: string, r) => <Link to={`/console/ingest/batches/${encodeURIComponent(r.id)}`}>{formatDateTime(v)}</Link>,
              },
              {
                title: '目录条目',
                dataIndex: 'itemCode',
                width: 150,
                ellipsis: true,
                render: (v: string) => <span title={v}>{items.get(v)?.name ?? v}</span>,
              },
              ...(allDepartments
                ? [
                    {
                      title: '报送部门',
                      dataIndex: 'departmentId',
                      width: 160,
                      ellipsis: true,
                      render: (v: string | undefined) => (v ? departmentNames.get(v) ?? '—' : '—'),
                    },
                  ]
                : []),
              {
                title: '文件',
                dataIndex: 'filename',
                ellipsis: { showTitle: false },
                render: (v: string | null, r) => (
                  <Tooltip title={v ?? undefined} placement="topLeft">
                    {v || (r.source === 'api' ? '接口提交' : '—')}
                  </Tooltip>
                ),
              },
              { title: '模式', dataIndex: 'mode', width: 86, render: (v: string) => modeLabel(v) },
              { title: '状态', dataIndex: 'status', width: 92, render: (v: string) => <BatchStatusTag status={v} /> },
              {
                title: '总行数',
                dataIndex: 'total',
                width: 76,
                align: 'right',
                render: (v: number, r) => (isRunning(r.status) ? <Typography.Text type="secondary">{formatNumber(r.processed)}…</Typography.Text> : count(v)),
              },
              { title: '入库', dataIndex: 'accepted', width: 64, align: 'right', render: (v: number) => count(v, '#389e0d') },
              { title: '拒收', dataIndex: 'rejected', width: 64, align: 'right', render: (v: number) => count(v, '#cf1322') },
              { title: '超时', dataIndex: 'late', width: 64, align: 'right', render: (v: number) => count(v, '#d46b08') },
              { title: '提交人', dataIndex: 'submittedBy', width: 140, ellipsis: true },
            ]}
          />
        )}
      </Card>
    </>
  );
}
