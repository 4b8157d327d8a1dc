import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { ExclamationCircleOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../api';
import type { CheckStats } from '../shared/types';
import { ErrorView } from '../shared/QueryState';
import { TREATMENT_LABELS } from '../shared/labels';
import { formatNumber } from '../shared/format';
import { TreatmentTag } from './CheckResultView';
import { useDepartmentNames } from './lookups';
import { PageTitle } from './PageTitle';
import { useUser } from './userContext';

type Row = CheckStats['departments'][number];
const TREATMENTS = ['sanction', 'caution', 'normal', 'green_channel'] as const;

function header(title: string, help: string) {
  return (
    <Tooltip title={help}>
      <span>
        {title} <QuestionCircleOutlined style={{ color: '#999' }} />
      </span>
    </Tooltip>
  );
}

/** Checks that should get feedback: every treatment but 正常办理 sets a feedback deadline. */
function needingFeedback(r: Row): number {
  return r.checks - (r.byTreatment.normal ?? 0);
}

function rate(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—';
}

/** 核查统计: per-department monthly figures of credit checks, and the way to the overdue feedback. */
export default function CheckStatsPage() {
  const user = useUser();
  const departments = useDepartmentNames();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const monthText = month.format('YYYY-MM');
  const stats = useQuery({
    queryKey: ['checks', 'stats', monthText],
    queryFn: ({ signal }) => api.get<CheckStats>('/checks/stats', { month: monthText }, signal),
    placeholderData: (prev) => prev,
  });
  const rows = stats.data?.departments ?? [];
  const crossDepartment = user.role === 'office_admin' || user.role === 'auditor';
  const totals = rows.reduce(
    (t, r) => {
      t.checks += r.checks;
      t.withFeedback += r.withFeedback;
      t.overdue += r.overdue;
      t.needing += needingFeedback(r);
      for (const k of TREATMENTS) t.byTreatment[k] += r.byTreatment[k] ?? 0;
      return t;
    },
    { checks: 0, withFeedback: 0, overdue: 0, needing: 0, byTreatment: { sanction: 0, caution: 0, normal: 0, green_channel: 0 } as Record<string, number> },
  );

  return (
    <>
      <PageTitle
        title="核查统计"
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              value={month}
              allowClear={false}
              onChange={(v) => v && setMonth(v.startOf('month'))}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              aria-label="月份"
            />
            <Link to="/console/checks/stats/overdue">
              <Button icon={<ExclamationCircleOutlined />}>逾期未反馈核查</Button>
            </Link>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        {crossDepartment ? '各部门' : (user.department?.name ?? '本部门')}
        在所选月份作出的信用核查（按核查时间，北京时间）。除“正常办理”外，核查须在 5 个工作日内反馈措施实施情况；逾期未反馈的报信用办。
      </Typography.Paragraph>
      {stats.error ? (
        <ErrorView error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" loading={stats.isPending}>
            <div className="console-stats">
              <Statistic title="核查次数" value={totals.checks} groupSeparator="," />
              <Statistic title="需反馈" value={totals.needing} groupSeparator="," />
              <Statistic title="已反馈" value={totals.withFeedback} groupSeparator="," />
              <Statistic title="逾期未反馈" value={totals.overdue} groupSeparator="," styles={{ content: totals.overdue > 0 ? { color: '#cf1322' } : undefined }} />
              {TREATMENTS.map((k) => (
                <Statistic key={k} title={TREATMENT_LABELS[k]} value={totals.byTreatment[k]} groupSeparator="," />
              ))}
            </div>
          </Card>
          <Card size="small" title={`${month.format('YYYY 年 M 月')}${crossDepartment ? '各部门' : ''}信用核查`}>
            <Table<Row>
              rowKey="departmentId"
              size="small"
              className="check-stats-table"
              loading={stats.isFetching}
              dataSource={rows}
              scroll={{ x: 1000 }}
              locale={{ emptyText: '本月暂无信用核查' }}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: '部门', dataIndex: 'departmentId', fixed: 'left', ellipsis: true, render: (v: string) => departments.get(v) ?? (user.department?.id === v ? user.department.name : '—') },
                { title: '核查次数', dataIndex: 'checks', width: 90, align: 'right', sorter: (a, b) => a.checks - b.checks, render: (v: number) => formatNumber(v) },
                ...TREATMENTS.map((k) => ({
                  title: <TreatmentTag treatment={k} />,
                  key: k,
                  width: 100,
                  align: 'right' as const,
                  render: (_: unknown, r: Row) => formatNumber(r.byTreatment[k] ?? 0),
                })),
                { title: header('需反馈', '处理建议不是“正常办理”的核查'), key: 'needing', width: 90, align: 'right', render: (_: unknown, r) => formatNumber(needingFeedback(r)) },
                { title: '已反馈', dataIndex: 'withFeedback', width: 80, align: 'right', render: (v: number) => formatNumber(v) },
                { title: header('反馈率', '已反馈 ÷ 需反馈'), key: 'rate', width: 90, align: 'right', render: (_: unknown, r) => rate(Math.min(r.withFeedback, needingFeedback(r)), needingFeedback(r)) },
                {
                  title: header('逾期未反馈', '超过反馈期限仍未反馈的核查'),
                  dataIndex: 'overdue',
                  width: 110,
                  align: 'right',
                  sorter: (a, b) => a.overdue - b.overdue,
                  render: (v: number) => (v > 0 ? <Link to="/console/checks/stats/overdue"><Typography.Text type="danger">{formatNumber(v)}</Typography.Text></Link> : formatNumber(v)),
                },
              ]}
              summary={() =>
                rows.length > 1 ? (
                  <Table.Summary fixed="bottom">
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>
                        <Typography.Text strong>合计</Typography.Text>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">{formatNumber(totals.checks)}</Table.Summary.Cell>
                      {TREATMENTS.map((k, i) => (
                        <Table.Summary.Cell key={k} index={2 + i} align="right">
                          {formatNumber(totals.byTreatment[k])}
                        </Table.Summary.Cell>
                      ))}
                      <Table.Summary.Cell index={6} align="right">{formatNumber(totals.needing)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={7} align="right">{formatNumber(totals.withFeedback)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={8} align="right">{rate(Math.min(totals.withFeedback, totals.needing), totals.needing)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={9} align="right">{formatNumber(totals.overdue)}</Table.Summary.Cell>
                    </Table.Summary.Row>
                  </Table.Summary>
                ) : null
              }
            />
          </Card>
        </Space>
      )}
    </>
  );
}
