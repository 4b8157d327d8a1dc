import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Space, Statistic, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../api';
import type { IssueDecision, QualityIssue, WrongCodeRate } from '../shared/types';
import { ErrorView } from '../shared/QueryState';
import { ISSUE_DECISION_LABELS, label } from '../shared/labels';
import { formatDateTime, formatNumber } from '../shared/format';
import { useDepartmentNames } from './lookups';
import { PageTitle } from './PageTitle';
import { useUser } from './userContext';

type Status = 'open' | 'resolved';

const DECISIONS: { value: IssueDecision; label: string; help: string }[] = [
  { value: 'same_subject', label: ISSUE_DECISION_LABELS.same_subject, help: '两个名称指同一主体，登记名称不变，今后该写法不再提示。' },
  { value: 'rename', label: ISSUE_DECISION_LABELS.rename, help: '主体已更名：登记名称改为报送名称，原名称保留在名称历史中。' },
  { value: 'wrong_code', label: ISSUE_DECISION_LABELS.wrong_code, help: '报送的代码与名称不属于同一主体：今后同一代码与该名称的行将被拒收，请通知报送部门核实更正。' },
];

const DECISION_COLORS: Record<string, string> = { same_subject: 'blue', rename: 'green', wrong_code: 'red' };
const DECISION_SHORT: Record<string, string> = { same_subject: '同一主体', rename: '主体已更名', wrong_code: '错码' };

function RateCard() {
  const rate = useQuery({
    queryKey: ['quality', 'wrong-code-rate'],
    queryFn: ({ signal }) => api.get<WrongCodeRate>('/quality/wrong-code-rate', undefined, signal),
    staleTime: 0,
  });
  if (rate.error) return <ErrorView error={rate.error} onRetry={() => void rate.refetch()} />;
  const r = rate.data;
  const ok = r ? r.perTenThousand <= r.target : true;
  return (
    <Card
      size="small"
      loading={rate.isPending}
      title="重错码率"
      extra={r ? <Tag color={ok ? 'success' : 'error'}>{ok ? '达标' : '未达标'}</Tag> : null}
      style={{ marginBottom: 16 }}
    >
      {r ? (
        <>
          <div className="console-stats">
            <Statistic
              title="每万户主体的问题数"
              value={r.perTenThousand}
              precision={2}
              suffix={<span style={{ fontSize: 14, color: 'rgba(0,0,0,0.45)' }}>/ 目标 ≤ {r.target}</span>}
              styles={{ content: { color: ok ? '#389e0d' : '#cf1322' } }}
            />
            <Statistic title="信用主体" value={r.subjects} groupSeparator="," />
            <Statistic title="重错码问题" value={r.issues} groupSeparator="," />
            <Statistic title="待处理" value={r.open} groupSeparator="," styles={{ content: r.open > 0 ? { color: '#d46b08' } : undefined }} />
            <Statistic title="认定为错码" value={r.wrongCodes} groupSeparator="," />
          </div>
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            重错码指同一统一社会信用代码（或证件号码）报送的名称与登记名称不一致。目标为低于万分之 {r.target}（每万户主体不超过 {r.target} 个问题）。
          </Typography.Paragraph>
        </>
      ) : null}
    </Card>
  );
}

function DecisionModal({ issue, onClose }: { issue: QualityIssue | null; onClose: () => void }) {
  const [form] = Form.useForm<{ decision: IssueDecision; note?: string }>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const decide = useMutation({
    mutationFn: (values: { decision: IssueDecision; note?: string }) =>
      api.post<QualityIssue>(`/quality/issues/${encodeURIComponent(issue!.id)}/decision`, {
        decision: values.decision,
        note: values.note?.trim() || undefined,
      }),
    onSuccess: (_data, values) => {
      message.success(`已处理：${label(ISSUE_DECISION_LABELS, values.decision)}`);
      void queryClient.invalidateQueries({ queryKey: ['quality'] });
      if (values.decision === 'rename') void queryClient.invalidateQueries({ queryKey: ['subject', issue?.subjectId] });
      onClose();
    },
  });

  return (
    <Modal
      open={!!issue}
      title="处理重错码"
      okText="确认处理"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={decide.isPending}
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        decide.reset();
      }}
      width={600}
    >
      {issue ? (
        <>
          <Card size="small" style={{ marginBottom: 16, background: '#fafafa' }}>
            <Space orientation="vertical" size={4}>
              <span>
                代码：<Typography.Text code>{issue.identifier}</Typography.Text>
              </span>
              <span>登记名称：{issue.existingName}</span>
              <span>
                报送名称：<Typography.Text strong>{issue.incomingName}</Typography.Text>
              </span>
              <Typography.Text type="secondary">已出现 {issue.occurrences} 次</Typography.Text>
            </Space>
          </Card>
          <Form form={form} layout="vertical" onFinish={(values) => decide.mutate(values)} preserve={false}>
            <Form.Item name="decision" label="处理结论" rules={[{ required: true, message: '请选择处理结论' }]}>
              <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
                {DECISIONS.map((d) => (
                  <Radio key={d.value} value={d.value}>
                    <div>{d.label}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.help}
                    </Typography.Text>
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="note" label="备注" style={{ marginBottom: 8 }}>
              <Input.TextArea rows={3} maxLength={500} showCount placeholder="选填：核实过程、依据等" />
            </Form.Item>
          </Form>
          {decide.error ? <Alert type="error" showIcon style={{ marginTop: 16 }} title={errorMessage(decide.error)} /> : null}
        </>
      ) : null}
    </Modal>
  );
}

function IssuesTable({ status, canDecide, onDecide }: { status: Status; canDecide: boolean; onDecide: (issue: QualityIssue) => void }) {
  const departmentNames = useDepartmentNames();
  const issues = useQuery({
    queryKey: ['quality', 'issues', status],
    queryFn: ({ signal }) => api.get<{ items: QualityIssue[] }>('/quality/issues', { status }, signal),
    staleTime: 0,
  });
  if (issues.error) return <ErrorView error={issues.error} onRetry={() => void issues.refetch()} />;

  const columns: TableColumnsType<QualityIssue> = [
    {
      title: '代码',
      dataIndex: 'identifier',
      width: 175,
      fixed: 'left',
      render: (v: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{v}</Typography.Text>,
    },
    {
      title: '登记名称',
      dataIndex: 'existingName',
      width: 170,
      ellipsis: true,
      render: (v: string, r) => (
        <Link to={`/console/subjects/${encodeURIComponent(r.subjectId)}`} title={v}>
          {v}
        </Link>
      ),
    },
    {
      title: '报送名称',
      dataIndex: 'incomingName',
      width: 170,
      ellipsis: true,
      render: (v: string) => (
        <Typography.Text type="danger" title={v}>
          {v}
        </Typography.Text>
      ),
    },
    { title: '报送部门', dataIndex: 'departmentId', width: 150, ellipsis: true, render: (v: string) => departmentNames.get(v) ?? '—' },
  ];
  if (status === 'open') {
    columns.push(
      { title: '出现次数', dataIndex: 'occurrences', width: 84, align: 'right', render: (v: number) => formatNumber(v) },
      {
        title: '首次批次/行号',
        key: 'batch',
        width: 120,
        render: (_: unknown, r) =>
          r.batchId ? (
            <Link to={`/console/ingest/batches/${encodeURIComponent(r.batchId)}`} title={`批次 ${r.batchId}`}>
              {r.rowNumber !== null && r.rowNumber !== undefined ? `第 ${r.rowNumber} 行` : '查看批次'}
            </Link>
          ) : (
            '—'
          ),
      },
      { title: '时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v).slice(0, 16) },
    );
    if (canDecide) {
      columns.push({
        title: '操作',
        key: 'op',
        width: 64,
        fixed: 'right',
        render: (_: unknown, r) => (
          <Button type="link" size="small" onClick={() => onDecide(r)} style={{ padding: 0 }}>
            处理
          </Button>
        ),
      });
    }
  } else {
    columns.push(
      {
        title: '处理结论',
        dataIndex: 'decision',
        width: 150,
        render: (v: string | null) =>
          v ? (
            <Tooltip title={label(ISSUE_DECISION_LABELS, v)}>
              <Tag color={DECISION_COLORS[v] ?? 'default'}>{DECISION_SHORT[v] ?? v}</Tag>
            </Tooltip>
          ) : (
            '—'
          ),
      },
      { title: '备注', dataIndex: 'decisionNote', width: 180, ellipsis: true, render: (v: string | null) => v || '—' },
      { title: '处理人', dataIndex: 'decidedBy', width: 150, ellipsis: true, render: (v: string | null) => v || '—' },
      { title: '处理时间', dataIndex: 'decidedAt', width: 150, render: (v: string | null) => formatDateTime(v).slice(0, 16) },
    );
  }

  return (
    <Table
      rowKey="id"
      size="small"
      loading={issues.isPending}
      dataSource={issues.data?.items ?? []}
      columns={columns}
      scroll={{ x: status === 'open' ? 1080 : 1300 }}
      locale={{ emptyText: status === 'open' ? '没有待处理的重错码' : '暂无已处理的重错码' }}
      pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条`, hideOnSinglePage: true }}
    />
  );
}

export default function QualityIssuesPage() {
  const user = useUser();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<Status>('open');
  const [deciding, setDeciding] = useState<QualityIssue | null>(null);
  const canDecide = user.role === 'office_admin';

  return (
    <>
      <PageTitle
        title="重错码"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void queryClient.invalidateQueries({ queryKey: ['quality'] })}>
            刷新
          </Button>
        }
      />
      <RateCard />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as Status)}
          items={[
            { key: 'open', label: '待处理', children: <IssuesTable status="open" canDecide={canDecide} onDecide={setDeciding} /> },
            { key: 'resolved', label: '已处理', children: <IssuesTable status="resolved" canDecide={false} onDecide={setDeciding} /> },
          ]}
        />
        {!canDecide ? (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            审计员只能查看重错码；处理由信用办管理员进行。
          </Typography.Paragraph>
        ) : null}
      </Card>
      <DecisionModal issue={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
