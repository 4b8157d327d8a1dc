import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Progress, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, QuestionCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, download, errorMessage } from '../api';
import type { IngestBatchDetail } from '../shared/types';
import { QueryState } from '../shared/QueryState';
import { formatDateTime, formatNumber } from '../shared/format';
import { canSubmit } from './access';
import { BatchStatusTag, isRunning, modeLabel, useCatalogItems } from './ingestShared';
import { PageTitle } from './PageTitle';
import { useUser } from './userContext';

function elapsed(from: string | null | undefined, to: string | null | undefined): string | null {
  if (!from) return null;
  const start = Date.parse(from);
  const end = to ? Date.parse(to) : Date.now();
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return null;
  const seconds = Math.round((end - start) / 1000);
  if (seconds < 60) return `${seconds} 秒`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} 分 ${seconds % 60} 秒`;
  return `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`;
}

export default function BatchPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const items = useCatalogItems();
  const [exporting, setExporting] = useState(false);
  const batch = useQuery({
    queryKey: ['ingest-batch', id],
    queryFn: ({ signal }) => api.get<IngestBatchDetail>(`/ingest/batches/${encodeURIComponent(id)}`, undefined, signal),
    // live progress: ask again every second while the batch is queued or being read
    refetchInterval: (query) => (isRunning(query.state.data?.status) ? 1000 : false),
    staleTime: 0,
  });

  // once the batch finishes, the history list is out of date
  const status = batch.data?.status;
  const wasRunning = useRef(false);
  useEffect(() => {
    if (isRunning(status)) wasRunning.current = true;
    else if (status && wasRunning.current) {
      wasRunning.current = false;
      void queryClient.invalidateQueries({ queryKey: ['ingest-batches'] });
    }
  }, [status, queryClient]);

  async function exportRejected() {
    setExporting(true);
    try {
      await download(`/ingest/batches/${encodeURIComponent(id)}/rejected.xlsx`, undefined, `未通过的行-${id}.xlsx`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <PageTitle
        title="批次详情"
        extra={
          <Space wrap>
            {canSubmit(user.role) ? (
              <Link to={batch.data ? `/console/ingest?item=${encodeURIComponent(batch.data.itemCode)}` : '/console/ingest'}>
                <Button icon={<UploadOutlined />}>继续报送</Button>
              </Link>
            ) : null}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/ingest/batches')}>
              批次历史
            </Button>
          </Space>
        }
      />
      <QueryState query={batch}>
        {(b) => {
          const item = items.get(b.itemCode);
          const fieldLabels = new Map((item?.fields ?? []).map((f) => [f.key, f.label] as const));
          const running = isRunning(b.status);
          const took = elapsed(b.startedAt ?? b.createdAt, b.finishedAt);
          const counts = [
            { title: '总行数', value: b.total },
            { title: '新增', value: b.created, color: '#389e0d' },
            { title: '更正', value: b.corrected, color: '#1677ff' },
            { title: '未变', value: b.unchanged },
            { title: '拒收', value: b.rejected, color: b.rejected > 0 ? '#cf1322' : undefined },
            {
              title: (
                <Tooltip title="决定日期之后超过 7 个工作日才报送的行（已入库，计入及时率）">
                  <span>
                    超时 <QuestionCircleOutlined />
                  </span>
                </Tooltip>
              ),
              key: 'late',
              value: b.late,
              color: b.late > 0 ? '#d46b08' : undefined,
            },
          ];
          const errorTotal = b.errorCount ?? b.errors.length;
          const hasRejected = b.rejected > 0 || errorTotal > 0;
          return (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small">
                <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, xl: 3 }}>
                  <Descriptions.Item label="状态">
                    <BatchStatusTag status={b.status} />
                  </Descriptions.Item>
                  <Descriptions.Item label="目录条目">
                    {item?.name ?? b.itemCode}
                    {item ? (
                      <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                        （{b.itemCode}）
                      </Typography.Text>
                    ) : null}
                  </Descriptions.Item>
                  <Descriptions.Item label="文件">{b.filename || (b.source === 'api' ? '接口提交' : '—')}</Descriptions.Item>
                  <Descriptions.Item label="处理方式">{modeLabel(b.mode)}</Descriptions.Item>
                  <Descriptions.Item label="批次号">{b.clientKey || '—'}</Descriptions.Item>
                  <Descriptions.Item label="提交人">{b.submittedBy || '—'}</Descriptions.Item>
                  <Descriptions.Item label="提交时间">{formatDateTime(b.createdAt)}</Descriptions.Item>
                  <Descriptions.Item label="完成时间">{formatDateTime(b.finishedAt)}</Descriptions.Item>
                  <Descriptions.Item label={running ? '已用时' : '用时'}>{took ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="批次编号">
                    <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
                      {b.id}
                    </Typography.Text>
                  </Descriptions.Item>
                </Descriptions>
              </Card>

              {running ? (
                <Card size="small" title={b.status === 'queued' ? '排队等待处理' : '正在处理'}>
                  <Progress percent={100} status="active" showInfo={false} />
                  <Typography.Text>
                    {b.status === 'queued' ? '批次已接收，等待处理……' : `已读取 ${formatNumber(b.processed)} 行`}
                    {b.rejected > 0 ? `，其中拒收 ${formatNumber(b.rejected)} 行` : ''}
                  </Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                    页面每秒自动刷新，处理完成后显示各项计数和错误明细。可以离开本页，稍后在「批次历史」中查看结果。
                  </Typography.Paragraph>
                </Card>
              ) : (
                <div className="console-stats console-stats-compact">
                  {counts.map((c) => (
                    <Card key={typeof c.title === 'string' ? c.title : c.key} size="small">
                      <Statistic title={c.title} value={c.value ?? 0} groupSeparator="," styles={{ content: c.color ? { color: c.color } : undefined }} />
                    </Card>
                  ))}
                </div>
              )}

              {b.message ? (
                <Alert
                  type={b.status === 'failed' || b.status === 'rejected' ? 'error' : b.rejected > 0 ? 'warning' : 'info'}
                  showIcon
                  title={b.status === 'failed' ? '批次处理失败' : b.status === 'rejected' ? '整批未入库' : '处理说明'}
                  description={b.message}
                />
              ) : null}

              {!running ? (
                <Card
                  size="small"
                  title={`错误明细（${formatNumber(errorTotal)}）`}
                  extra={
                    <Button icon={<DownloadOutlined />} disabled={!hasRejected} loading={exporting} onClick={() => void exportRejected()}>
                      导出未通过的行
                    </Button>
                  }
                >
                  {errorTotal > b.errors.length ? (
                    <Typography.Paragraph type="secondary">
                      共 {formatNumber(errorTotal)} 条错误，此处列出前 {formatNumber(b.errors.length)} 条；完整清单（含原始数据和原因）请导出。
                    </Typography.Paragraph>
                  ) : null}
                  {b.errors.length === 0 ? (
                    <Empty description={b.status === 'completed' ? '所有行均已通过校验' : '暂无错误明细'} />
                  ) : (
                    <Table
                      rowKey="key"
                      size="small"
                      dataSource={b.errors.map((e, i) => ({ ...e, key: i }))}
                      scroll={{ x: 720 }}
                      pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 条`, hideOnSinglePage: true }}
                      columns={[
                        { title: '行号', dataIndex: 'row', width: 80, sorter: (x, y) => x.row - y.row },
                        {
                          title: '字段',
                          dataIndex: 'field',
                          width: 180,
                          render: (v: string | null) => (v ? <span title={v}>{fieldLabels.get(v) ?? v}</span> : '—'),
                        },
                        { title: '错误码', dataIndex: 'code', width: 200, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
                        { title: '说明', dataIndex: 'message' },
                      ]}
                    />
                  )}
                </Card>
              ) : null}
            </Space>
          );
        }}
      </QueryState>
    </>
  );
}
