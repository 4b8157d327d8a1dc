import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Spin, Table, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../api';
import type { PublicListing, PublicListPage } from '../shared/types';
import { formatDate, formatNumber } from '../shared/format';
import { NATIONAL_LIST_KINDS } from '../shared/labels';

const PAGE_SIZE = 20;

const listQuery = (code: string, page: number) => ({
  queryKey: ['public', 'lists', code, page],
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<PublicListPage>(`/public/lists/${encodeURIComponent(code)}`, { page, pageSize: PAGE_SIZE }, signal),
});

/**
 * 信用名单: the published entries of each national list kind. A kind whose public endpoint does not answer
 * (e.g. a list that is not public) gets no tab.
 */
export function ListsPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);

  // page 1 of every kind: tells which kinds are public (answer 200) and gives their names
  const probes = useQueries({ queries: NATIONAL_LIST_KINDS.map((k) => listQuery(k.code, 1)) });
  const available = NATIONAL_LIST_KINDS.map((k, i) => ({ ...k, probe: probes[i] })).filter((k) => k.probe.isSuccess);
  const probing = probes.some((p) => p.isPending);
  const requested = params.get('kind');
  const active = available.find((k) => k.code === requested) ?? available[0];

  const list = useQuery({
    ...listQuery(active?.code ?? '', page),
    enabled: !!active,
    placeholderData: keepPreviousData,
  });

  const failedAll = !probing && available.length === 0;
  return (
    <div className="portal-container">
      <section className="portal-section">
        <h2 className="portal-section-title">信用名单</h2>
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          公示经依法认定并在有效期内的名单主体。自然人不公示身份证件号码；名单有效期届满或经信用修复移出后不再公示。
        </Typography.Paragraph>
        <Card size="small">
          {probing && available.length === 0 ? (
            <div style={{ padding: 48, textAlign: 'center' }}>
              <Spin />
            </div>
          ) : failedAll ? (
            <Alert type="error" showIcon title="名单信息加载失败" description={errorMessage(probes.find((p) => p.error)?.error)} />
          ) : (
            <>
              <Tabs
                activeKey={active?.code}
                onChange={(key) => setParams({ kind: key })}
                items={available.map((k) => ({
                  key: k.code,
                  label: `${k.probe.data?.listKindName || k.name}（${formatNumber(k.probe.data?.total ?? 0)}）`,
                }))}
              />
              {list.error ? (
                <Alert type="error" showIcon title="名单信息加载失败" description={errorMessage(list.error)} style={{ marginBottom: 12 }} />
              ) : null}
              <Table<PublicListing>
                rowKey="entryId"
                size="middle"
                className="portal-lists-table"
                loading={list.isFetching}
                dataSource={list.error ? [] : (list.data?.items ?? [])}
                scroll={{ x: 960 }}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.error ? '加载失败' : '暂无列入名单的主体'} /> }}
                pagination={{
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: list.data?.total ?? 0,
                  hideOnSinglePage: true,
                  showSizeChanger: false,
                  showTotal: (t) => `共 ${formatNumber(t)} 条`,
                  onChange: (p) => setParams(active ? { kind: active.code, page: String(p) } : { page: String(p) }),
                }}
                columns={[
                  {
                    title: '主体名称',
                    dataIndex: 'subjectName',
                    width: 220,
                    render: (v: string, r) =>
                      // only organisations have a public subject page (they are the ones with a USCC)
                      r.uscc ? <Link to={`/subjects/${encodeURIComponent(r.subjectId)}`}>{v || '（未知主体）'}</Link> : v || '（未知主体）',
                  },
                  { title: '统一社会信用代码', dataIndex: 'uscc', width: 190, render: (v: string | null) => v || '—' },
                  { title: '认定决定书文号', dataIndex: 'decisionNumber', width: 200, render: (v: string) => v || '—' },
                  { title: '列入日期', dataIndex: 'decidedOn', width: 110, render: (v: string) => formatDate(v) },
                  { title: '有效期至', dataIndex: 'validUntil', width: 110, render: (v: string) => formatDate(v) },
                  {
                    title: '事由',
                    dataIndex: 'reasons',
                    render: (v: string, r) => (
                      <>
                        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
                          {v || '—'}
                        </Typography.Paragraph>
                        {r.ban ? (
                          <Typography.Text type="danger" style={{ fontSize: 12 }}>
                            {`${r.ban.sector}领域禁入至 ${formatDate(r.ban.until)}`}
                          </Typography.Text>
                        ) : null}
                      </>
                    ),
                  },
                ]}
              />
            </>
          )}
        </Card>
      </section>
    </div>
  );
}
