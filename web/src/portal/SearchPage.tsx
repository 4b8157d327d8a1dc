import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Pagination, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../api';
import type { Paged, PublicSubject } from '../shared/types';
import { SUBJECT_KIND_LABELS, label } from '../shared/labels';
import { SearchBox } from './SearchBox';

const PAGE_SIZE = 10;

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const page = Math.max(1, Number(params.get('page')) || 1);

  const results = useQuery({
    queryKey: ['public', 'subjects', q, page],
    queryFn: ({ signal }) => api.get<Paged<PublicSubject>>('/public/subjects', { q, page, pageSize: PAGE_SIZE }, signal),
    enabled: q.length > 0,
    placeholderData: (prev) => prev,
  });

  return (
    <div className="portal-container">
      <section className="portal-section">
        <h2 className="portal-section-title">信用查询</h2>
        <div className="portal-search-small">
          <SearchBox initial={q} size="large" />
        </div>
      </section>
      <section className="portal-section">
        <Card size="small">
          {!q ? (
            <Empty description="请输入企业名称（至少两个汉字）或统一社会信用代码进行查询" />
          ) : results.error ? (
            <Alert type="error" showIcon title={errorMessage(results.error)} />
          ) : (
            <>
              {results.data ? (
                <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                  “{q}” 共找到 {results.data.total} 个信用主体
                </Typography.Paragraph>
              ) : null}
              <List
                loading={results.isFetching}
                dataSource={results.data?.items ?? []}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" /> }}
                renderItem={(item) => (
                  <List.Item className="portal-result-item">
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      <Space wrap size={8}>
                        <Link to={`/subjects/${encodeURIComponent(item.id)}`} className="portal-result-name">
                          {item.name}
                        </Link>
                        <Tag color="blue">{label(SUBJECT_KIND_LABELS, item.kind)}</Tag>
                      </Space>
                      <Typography.Text type="secondary">
                        统一社会信用代码：{item.uscc || '—'}
                        <span style={{ margin: '0 12px' }} />
                        所属地区：{item.regionName || '—'}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
              {results.data && results.data.total > PAGE_SIZE ? (
                <Pagination
                  style={{ marginTop: 12, textAlign: 'right' }}
                  current={page}
                  pageSize={PAGE_SIZE}
                  total={results.data.total}
                  showSizeChanger={false}
                  onChange={(p) => setParams({ q, page: String(p) })}
                />
              ) : null}
            </>
          )}
        </Card>
      </section>
    </div>
  );
}
