import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { LeftOutlined, ReloadOutlined, RightOutlined, SafetyOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../api';
import type { AuditEntry, AuditVerify } from '../shared/types';
import { ErrorView } from '../shared/QueryState';
import { formatDateTime } from '../shared/format';
import { PageTitle } from './PageTitle';

const LIMIT = 50;

export default function AuditPage() {
  // cursors[i] is the `before` of page i; page 0 has none (newest entries)
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const before = cursors[cursors.length - 1];

  const audit = useQuery({
    queryKey: ['audit', before ?? null],
    queryFn: ({ signal }) => api.get<{ items: AuditEntry[] }>('/audit', { limit: LIMIT, before }, signal),
    placeholderData: (prev) => prev,
  });
  const verify = useMutation({ mutationFn: () => api.get<AuditVerify>('/audit/verify') });

  const items = audit.data?.items ?? [];
  const oldest = items.length ? Math.min(...items.map((i) => i.seq)) : undefined;
  const hasOlder = items.length >= LIMIT && oldest !== undefined && oldest > 1;

  return (
    <>
      <PageTitle
        title="审计日志"
        extra={
          <Button type="primary" icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
            校验哈希链
          </Button>
        }
      />
      {verify.error ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`校验失败：${errorMessage(verify.error)}`} />
      ) : verify.data ? (
        verify.data.ok ? (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`校验通过（${verify.data.checked} 条）`} />
        ) : (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title="哈希链校验未通过"
            description={
              verify.data.firstBroken
                ? `第一处断链：序号 ${verify.data.firstBroken.seq}，原因：${verify.data.firstBroken.reason}（已校验 ${verify.data.checked} 条）`
                : `已校验 ${verify.data.checked} 条`
            }
          />
        )
      ) : null}
      <Card size="small">
        {audit.error ? (
          <ErrorView error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <>
            <Table
              rowKey="seq"
              size="small"
              loading={audit.isFetching}
              dataSource={items}
              pagination={false}
              scroll={{ x: 1000 }}
              expandable={{
                rowExpandable: (r) => r.before != null || r.after != null,
                expandedRowRender: (r) => (
                  <div className="console-audit-diff">
                    <div>
                      <Typography.Text type="secondary">变更前</Typography.Text>
                      <pre>{r.before == null ? '—' : JSON.stringify(r.before, null, 2)}</pre>
                    </div>
                    <div>
                      <Typography.Text type="secondary">变更后</Typography.Text>
                      <pre>{r.after == null ? '—' : JSON.stringify(r.after, null, 2)}</pre>
                    </div>
                  </div>
                ),
              }}
              locale={{ emptyText: '暂无数据' }}
              columns={[
                { title: '序号', dataIndex: 'seq', width: 80 },
                { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
                { title: '操作人', dataIndex: 'actor', width: 130, render: (v: string | null) => v || '系统' },
                { title: '操作', dataIndex: 'action', width: 200, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
                { title: '对象类型', dataIndex: 'entityType', width: 120 },
                {
                  title: '对象编号',
                  dataIndex: 'entityId',
                  ellipsis: true,
                  render: (v: string | null) => (v ? <span title={v}>{v}</span> : '—'),
                },
                {
                  title: '哈希（SM3）',
                  dataIndex: 'hash',
                  width: 170,
                  render: (v: string) => (
                    <Typography.Text copyable={{ text: v }} style={{ fontFamily: 'monospace', fontSize: 12 }} title={v}>
                      {v ? `${v.slice(0, 12)}…` : '—'}
                    </Typography.Text>
                  ),
                },
              ]}
            />
            <Space style={{ marginTop: 12, width: '100%', justifyContent: 'flex-end' }} wrap>
              <Typography.Text type="secondary">第 {cursors.length} 页，每页 {LIMIT} 条</Typography.Text>
              <Button icon={<ReloadOutlined />} onClick={() => setCursors([undefined])} disabled={cursors.length === 1}>
                最新
              </Button>
              <Button icon={<LeftOutlined />} disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                较新
              </Button>
              <Button disabled={!hasOlder} onClick={() => setCursors((c) => [...c, oldest])}>
                较早 <RightOutlined />
              </Button>
            </Space>
          </>
        )}
      </Card>
    </>
  );
}
