import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Space, Table, Tooltip, Typography } from 'antd';
import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api, download, errorMessage } from '../api';
import type { Scorecard, ScorecardRow } from '../shared/types';
import { ErrorView } from '../shared/QueryState';
import { formatNumber } from '../shared/format';
import { PageTitle } from './PageTitle';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A 0..1 rate as a percentage; small non-zero rates keep two decimals so they do not read as 0. */
function percent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const p = value * 100;
  if (p > 0 && p < 0.01) return '<0.01%';
  if (p > 0 && p < 1) return `${p.toFixed(2)}%`;
  return `${p.toFixed(1)}%`;
}

function rateCell(value: number | null) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return percent(value);
}

function header(title: string, help: string) {
  return (
    <Tooltip title={help}>
      <span>
        {title} <QuestionCircleOutlined style={{ color: '#999' }} />
      </span>
    </Tooltip>
  );
}

/** Department names without the prefix they all share (the city's name) and without notes in brackets. */
function shortNames(rows: ScorecardRow[]): Map<string, string> {
  const names = rows.map((r) => r.departmentName);
  let prefix = names[0] ?? '';
  for (const n of names) while (prefix && !n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  if (names.length < 2) prefix = '';
  return new Map(rows.map((r) => [r.departmentId, r.departmentName.slice(prefix.length).replace(/（[^）]*）$/, '') || r.departmentName]));
}

function ScorecardChart({ rows }: { rows: ScorecardRow[] }) {
  const rated = rows.filter((r) => r.rejectionRate !== null || r.timelinessRate !== null || r.completeness !== null);
  const option = useMemo(() => {
    const names = shortNames(rated);
    const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);
    const rejectionMax = Math.max(0, ...rated.map((r) => (r.rejectionRate ?? 0) * 100));
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—'),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 32, top: 72, bottom: 36, containLabel: true },
      // rejection rates are a few percent at most: they get their own axis (top) so the bars stay visible
      xAxis: [
        { type: 'value', position: 'bottom', min: 0, max: 100, name: '及时率、完整率', nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: '{value}%' } },
        {
          type: 'value',
          position: 'top',
          min: 0,
          max: rejectionMax > 0 ? undefined : 1,
          name: '拒收率',
          nameLocation: 'middle',
          nameGap: 26,
          axisLabel: { formatter: '{value}%', color: '#cf1322' },
          splitLine: { show: false },
        },
      ],
      yAxis: { type: 'category', inverse: true, data: rated.map((r) => names.get(r.departmentId)), axisLabel: { width: 150, overflow: 'truncate' } },
      series: [
        { name: '拒收率', type: 'bar', xAxisIndex: 1, data: rated.map((r) => (r.rejectionRate === null ? null : Math.round(r.rejectionRate * 1e6) / 1e4)), itemStyle: { color: '#cf1322' }, barMaxWidth: 10 },
        { name: '及时率', type: 'bar', xAxisIndex: 0, data: rated.map((r) => pct(r.timelinessRate)), itemStyle: { color: '#1677ff' }, barMaxWidth: 10 },
        { name: '完整率', type: 'bar', xAxisIndex: 0, data: rated.map((r) => pct(r.completeness)), itemStyle: { color: '#52c41a' }, barMaxWidth: 10 },
      ],
    };
  }, [rated]);
  if (rated.length === 0) return <Empty description="本月暂无可评估的报送数据" />;
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: Math.max(280, rated.length * 40 + 110), width: '100%' }}
      opts={{ renderer: 'canvas' }}
    />
  );
}

export default function ScorecardPage() {
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const [exporting, setExporting] = useState(false);
  const monthText = month.format('YYYY-MM');
  const scorecard = useQuery({
    queryKey: ['quality', 'scorecard', monthText],
    queryFn: ({ signal }) => api.get<Scorecard>('/quality/scorecard', { month: monthText }, signal),
    placeholderData: (prev) => prev,
  });
  const rows = scorecard.data?.items ?? [];

  async function exportXlsx() {
    setExporting(true);
    try {
      await download('/quality/scorecard.xlsx', { month: monthText }, `数据质量评估-${monthText}.xlsx`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  }

  const totals = rows.reduce(
    (t, r) => ({ volume: t.volume + r.volume, rowsSubmitted: t.rowsSubmitted + r.rowsSubmitted, rejected: t.rejected + r.rejected, late: t.late + r.late, duplicates: t.duplicates + r.duplicates }),
    { volume: 0, rowsSubmitted: 0, rejected: 0, late: 0, duplicates: 0 },
  );

  return (
    <>
      <PageTitle
        title="质量评估"
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
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
              导出
            </Button>
          </Space>
        }
      />
      {scorecard.error ? (
        <ErrorView error={scorecard.error} onRetry={() => void scorecard.refetch()} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={`${month.format('YYYY 年 M 月')}各部门报送质量`}>
            <Table
              rowKey="departmentId"
              size="small"
              loading={scorecard.isFetching}
              dataSource={rows}
              scroll={{ x: 980 }}
              locale={{ emptyText: '暂无数据' }}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: '部门', dataIndex: 'departmentName', fixed: 'left', ellipsis: true },
                { title: header('报送量', '本月入库的信用记录条数（各报送渠道）'), dataIndex: 'volume', width: 96, align: 'right', sorter: (a, b) => a.volume - b.volume, render: (v: number) => formatNumber(v) },
                { title: header('批次行数', '本月以批次报送的数据行数'), dataIndex: 'rowsSubmitted', width: 100, align: 'right', render: (v: number) => formatNumber(v) },
                { title: '拒收', dataIndex: 'rejected', width: 72, align: 'right', render: (v: number) => formatNumber(v) },
                {
                  title: header('拒收率', '拒收行数 ÷ 批次行数'),
                  dataIndex: 'rejectionRate',
                  width: 96,
                  align: 'right',
                  sorter: (a, b) => (a.rejectionRate ?? -1) - (b.rejectionRate ?? -1),
                  render: (v: number | null) => rateCell(v),
                },
                {
                  title: header('及时率', '决定日期后 7 个工作日内报送的记录占比'),
                  dataIndex: 'timelinessRate',
                  width: 96,
                  align: 'right',
                  sorter: (a, b) => (a.timelinessRate ?? -1) - (b.timelinessRate ?? -1),
                  render: (v: number | null) => rateCell(v),
                },
                {
                  title: header('完整率', '记录中已填写字段占目录条目字段的比例'),
                  dataIndex: 'completeness',
                  width: 96,
                  align: 'right',
                  sorter: (a, b) => (a.completeness ?? -1) - (b.completeness ?? -1),
                  render: (v: number | null) => rateCell(v),
                },
                { title: header('重复数', '重复报送（内容未变）的行数'), dataIndex: 'duplicates', width: 90, align: 'right', render: (v: number) => formatNumber(v) },
              ]}
              summary={() =>
                rows.length > 1 ? (
                  <Table.Summary fixed="bottom">
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>
                        <Typography.Text strong>合计</Typography.Text>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">{formatNumber(totals.volume)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={2} align="right">{formatNumber(totals.rowsSubmitted)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={3} align="right">{formatNumber(totals.rejected)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={4} align="right">{totals.rowsSubmitted ? percent(totals.rejected / totals.rowsSubmitted) : '—'}</Table.Summary.Cell>
                      <Table.Summary.Cell index={5} align="right">{totals.volume ? percent(1 - totals.late / totals.volume) : '—'}</Table.Summary.Cell>
                      <Table.Summary.Cell index={6} align="right">—</Table.Summary.Cell>
                      <Table.Summary.Cell index={7} align="right">{formatNumber(totals.duplicates)}</Table.Summary.Cell>
                    </Table.Summary.Row>
                  </Table.Summary>
                ) : null
              }
            />
          </Card>
          <Card size="small" title="拒收率、及时率与完整率">
            {scorecard.isPending ? null : <ScorecardChart rows={rows} />}
          </Card>
        </Space>
      )}
    </>
  );
}
