import { useQuery } from '@tanstack/react-query';
import { Alert, Card, List, Space, Spin, Tag, Typography } from 'antd';
import { api, errorMessage } from '../api';

interface PolicyDocument {
  code: string;
  title: string;
  issuer: string;
  number: string | null;
  date: string | null;
  level: 'national' | 'local';
  status: 'in_force' | 'repealed';
  summary: string;
}

const SECTIONS: { level: PolicyDocument['level']; title: string }[] = [
  { level: 'national', title: '国家法规政策' },
  { level: 'local', title: '地方政策文件' },
];

/** 政策法规: the national and local documents the platform's rules follow. */
export function PoliciesPage() {
  const policies = useQuery({
    queryKey: ['public', 'policies'],
    queryFn: ({ signal }) => api.get<{ items: PolicyDocument[] }>('/public/policies', undefined, signal),
    staleTime: Infinity,
  });

  return (
    <div className="portal-container">
      <section className="portal-section">
        <h2 className="portal-section-title">政策法规</h2>
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          本平台归集、公示、信用核查、名单认定、失信惩戒、异议处理和信用修复所依据的法律法规和政策文件。
        </Typography.Paragraph>
        {policies.isPending ? (
          <div style={{ padding: 48, textAlign: 'center' }}>
            <Spin />
          </div>
        ) : policies.error ? (
          <Alert type="error" showIcon title="政策法规加载失败" description={errorMessage(policies.error)} />
        ) : (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {SECTIONS.map((section) => (
              <Card key={section.level} size="small" title={section.title}>
                <List
                  itemLayout="vertical"
                  dataSource={policies.data.items.filter((document) => document.level === section.level)}
                  renderItem={(document) => (
                    <List.Item key={document.code}>
                      <List.Item.Meta
                        title={
                          <Space wrap>
                            <span>{document.title}</span>
                            {document.status === 'repealed' ? <Tag color="default">已废止</Tag> : <Tag color="green">现行有效</Tag>}
                          </Space>
                        }
                        description={[document.issuer, document.number, document.date].filter(Boolean).join(' · ')}
                      />
                      {document.summary}
                    </List.Item>
                  )}
                />
              </Card>
            ))}
          </Space>
        )}
      </section>
    </div>
  );
}
