import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton, Statistic } from 'antd';
import { api, errorMessage } from '../api';
import type { PublicStats } from '../shared/types';
import { SearchBox } from './SearchBox';
import { IdentifierTool } from './IdentifierTool';
import { usePlatformName } from '../shared/platform';

const STAT_CARDS: { key: keyof PublicStats; title: string; color: string }[] = [
  { key: 'subjects', title: '信用主体', color: '#1f5fbf' },
  { key: 'legalEntities', title: '法人和非法人组织', color: '#2f74d0' },
  { key: 'individualBusinesses', title: '个体工商户', color: '#3b8ed8' },
  { key: 'records', title: '信用记录', color: '#b7181e' },
  { key: 'departments', title: '数据提供部门', color: '#d46b08' },
  { key: 'licences', title: '行政许可', color: '#389e0d' },
  { key: 'penalties', title: '行政处罚', color: '#cf1322' },
];

function StatsCards() {
  const stats = useQuery({
    queryKey: ['public', 'stats'],
    queryFn: ({ signal }) => api.get<PublicStats>('/public/stats', undefined, signal),
  });
  if (stats.error) {
    return <Alert type="warning" showIcon title="统计数据暂时无法获取" description={errorMessage(stats.error)} />;
  }
  return (
    <div className="portal-stats">
      {STAT_CARDS.map((card) => (
          <Card key={card.key} className="portal-stat-card" size="small">
            {stats.isPending ? (
              <Skeleton active paragraph={false} title={{ width: '80%' }} />
            ) : (
              <Statistic
                title={card.title}
                value={stats.data?.[card.key] ?? 0}
                groupSeparator=","
                styles={{ content: { color: card.color, fontWeight: 600 } }}
              />
            )}
          </Card>
      ))}
    </div>
  );
}

export function HomePage() {
  const name = usePlatformName();
  return (
    <>
      <section className="portal-hero">
        <h1>{name}</h1>
        <p>查询信用主体公示信息 · 行政许可和行政处罚 · 信用名单</p>
        <div className="portal-search">
          <SearchBox />
        </div>
      </section>
      <div className="portal-container">
        <section className="portal-section">
          <h2 className="portal-section-title">数据统计</h2>
          <StatsCards />
        </section>
        <section className="portal-section">
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <IdentifierTool />
            </Col>
            <Col xs={24} md={12}>
              <Card title="查询说明" size="small" style={{ height: '100%' }}>
                <ul style={{ paddingLeft: 20, margin: 0, lineHeight: 2 }}>
                  <li>按名称查询：请输入企业名称中连续的两个或以上汉字。</li>
                  <li>按代码查询：请输入完整的 18 位统一社会信用代码。</li>
                  <li>本站公示信息依据公共信用信息目录确定的公开范围和公示期限发布。</li>
                  <li>对公示信息有异议的，可向信用办提出异议申请。</li>
                </ul>
              </Card>
            </Col>
          </Row>
        </section>
      </div>
    </>
  );
}
