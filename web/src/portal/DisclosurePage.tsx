import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Select, Space, Table, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../api';
import type { DisclosureList, DoubleDisclosureKind, PublicRecord } from '../shared/types';
import { formatDate } from '../shared/format';
import { PublicFieldsView, disclosureEndText, documentNumber, fieldText, partyOf } from './publicRecord';

const PAGE_SIZE = 20;
/** How many of the newest records the department filter's options are gathered from. */
const DEPARTMENT_SAMPLE = 100;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const KINDS: { key: DoubleDisclosureKind; label: string; categoryKey: string; categoryLabel: string }[] = [
  { key: 'licence', label: '行政许可', categoryKey: 'licence_type', categoryLabel: '许可类别' },
  { key: 'penalty', label: '行政处罚', categoryKey: 'penalty_types', categoryLabel: '处罚类别' },
];

interface Filters {
  kind: DoubleDisclosureKind;
  departmentId: string | undefined;
  from: string | undefined;
  to: string | undefined;
  page: number;
}

function readFilters(params: URLSearchParams): Filters {
  const date = (key: string) => {
    const v = params.get(key) ?? '';
    return DATE_RE.test(v) && dayjs(v).isValid() ? v : undefined;
  };
  return {
    kind: params.get('kind') === 'penalty' ? 'penalty' : 'licence',
    departmentId: params.get('departmentId') || undefined,
    from: date('from'),
    to: date('to'),
    page: Math.max(1, Math.floor(Number(params.get('page'))) || 1),
  };
}

function toParams(f: Filters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.kind !== 'licence') out.kind = f.kind;
  if (f.departmentId) out.departmentId = f.departmentId;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.page > 1) out.page = String(f.page);
  return out;
}

/**
 * The department filter's options. There is no public department list, so they are the departments seen
 * in the newest records of this kind, plus those on the page shown (and the one selected).
 */
function useDepartmentOptions(kind: DoubleDisclosureKind, shown: PublicRecord[] | undefined, selected: string | undefined) {
  const sample = useQuery({
    queryKey: ['public', 'disclosures', 'departments', kind],
    queryFn: ({ signal }) => api.get<DisclosureList>('/public/disclosures', { kind, page: 1, pageSize: DEPARTMENT_SAMPLE }, signal),
    staleTime: 5 * 60_000,
  });
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const r of [...(sample.data?.items ?? []), ...(shown ?? [])]) {
      if (r.departmentId && r.departmentName) names.set(r.departmentId, r.departmentName);
    }
    const options = [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
    if (selected && !names.has(selected)) options.unshift({ value: selected, label: '所选部门' });
    return { options, loading: sample.isPending };
  }, [sample.data, sample.isPending, shown, selected]);
}

export function DisclosurePage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const kind = KINDS.find((k) => k.key === filters.kind) ?? KINDS[0];

  const list = useQuery({
    queryKey: ['public', 'disclosures', filters.kind, filters.departmentId ?? '', filters.from ?? '', filters.to ?? '', filters.page],
    queryFn: ({ signal }) =>
      api.get<DisclosureList>(
        '/public/disclosures',
        { kind: filters.kind, departmentId: filters.departmentId, from: filters.from, to: filters.to, page: filters.page, pageSize: PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  const departments = useDepartmentOptions(filters.kind, list.data?.items, filters.departmentId);

  const update = (patch: Partial<Filters>) => setParams(toParams({ ...filters, page: 1, ...patch }));
  const range: [Dayjs, Dayjs] | null = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;
  const filtered = !!(filters.departmentId || filters.from || filters.to);

  return (
    <div className="portal-container">
      <section className="portal-section">
        <h2 className="portal-section-title">双公示</h2>
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          行政许可和行政处罚信息自作出决定之日起 7 个工作日内公示。行政许可在有效期内持续公示；行政处罚按规定的公示期限公示，期满或信用修复后不再公示。
        </Typography.Paragraph>
        <Card size="small" className="portal-disclosure-card">
          <Tabs
            activeKey={filters.kind}
            onChange={(key) => setParams(toParams({ kind: key as DoubleDisclosureKind, departmentId: undefined, from: filters.from, to: filters.to, page: 1 }))}
            items={KINDS.map((k) => ({ key: k.key, label: k.label }))}
          />
          <div className="portal-filters">
            <Select
              aria-label="部门"
              className="portal-filter-department"
              placeholder="全部部门"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.loading}
              value={filters.departmentId}
              options={departments.options}
              onChange={(value: string | undefined) => update({ departmentId: value || undefined })}
              notFoundContent="暂无部门"
            />
            <DatePicker.RangePicker
              className="portal-filter-dates"
              aria-label="决定日期范围"
              placeholder={['决定日期起', '决定日期止']}
              value={range}
              disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
              onChange={(dates) => {
                const [from, to] = dates ?? [null, null];
                update({ from: from ? from.format('YYYY-MM-DD') : undefined, to: to ? to.format('YYYY-MM-DD') : undefined });
              }}
            />
            <Space size={8}>
              {filtered ? <Button onClick={() => setParams(toParams({ kind: filters.kind, departmentId: undefined, from: undefined, to: undefined, page: 1 }))}>重置</Button> : null}
              <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void list.refetch()} loading={list.isFetching} />
            </Space>
          </div>
          {list.error ? (
            <Alert type="error" showIcon title="公示信息加载失败" description={errorMessage(list.error)} style={{ marginBottom: 12 }} />
          ) : null}
          <Table<PublicRecord>
            rowKey="recordId"
            size="middle"
            className="portal-disclosure-table"
            loading={list.isFetching}
            dataSource={list.error ? [] : (list.data?.items ?? [])}
            locale={{ emptyText: list.error ? '加载失败' : filtered ? '没有符合条件的公示信息' : '暂无公示信息' }}
            expandable={{ expandedRowRender: (r) => <PublicFieldsView record={r} /> }}
            pagination={{
              current: filters.page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (t) => `共 ${t.toLocaleString('zh-CN')} 条`,
              onChange: (page) => setParams(toParams({ ...filters, page })),
            }}
            columns={[
              {
                title: '行政相对人名称',
                key: 'party',
                render: (_: unknown, r) => {
                  const party = partyOf(r);
                  const doc = documentNumber(r);
                  return (
                    <Space orientation="vertical" size={0}>
                      {party.naturalPerson ? (
                        <span>{party.name}</span>
                      ) : (
                        <Link to={`/subjects/${encodeURIComponent(r.subjectId)}`}>{party.name}</Link>
                      )}
                      {doc ? (
                        <Typography.Text type="secondary" className="portal-only-narrow" style={{ fontSize: 12 }}>
                          {doc}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  );
                },
              },
              { title: '决定文书号', key: 'document', responsive: ['md'], render: (_: unknown, r) => documentNumber(r) ?? '—' },
              {
                title: kind.categoryLabel,
                key: 'category',
                responsive: ['lg'],
                width: 150,
                render: (_: unknown, r) => fieldText(r, kind.categoryKey) ?? '—',
              },
              { title: '决定日期', dataIndex: 'decisionDate', width: 108, render: (v: string) => formatDate(v) },
              { title: '部门', dataIndex: 'departmentName', responsive: ['lg'], render: (v: string) => v || '—' },
              {
                title: '公示截止日期',
                dataIndex: 'disclosureEndDate',
                width: 118,
                responsive: ['sm'],
                render: (v: string | null) => disclosureEndText(v),
              },
            ]}
          />
        </Card>
      </section>
    </div>
  );
}
