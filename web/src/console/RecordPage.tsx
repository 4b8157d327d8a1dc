import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import type { RecordVersion, SubjectDetail } from '../shared/types';
import { QueryState } from '../shared/QueryState';
import { RECORD_VERSION_KIND_LABELS, label } from '../shared/labels';
import { formatDate, formatDateTime, formatValue } from '../shared/format';
import { PageTitle } from './PageTitle';
import { RecordObjections } from './RecordObjections';
import { canSee } from './access';
import { useUser } from './userContext';
import { StatusTag } from './StatusTag';
import { useCatalog } from './useCatalog';
import { normalizeRecord, useDepartmentNames } from './lookups';

function VersionFields({
  version,
  previous,
  labels,
}: {
  version: RecordVersion;
  previous: RecordVersion | undefined;
  labels: Map<string, string>;
}) {
  const entries = Object.entries(version.fields ?? {});
  if (entries.length === 0) return <Typography.Text type="secondary">本版本未包含字段内容</Typography.Text>;
  return (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
      {entries.map(([key, value]) => {
        const changed = previous !== undefined && JSON.stringify(previous.fields?.[key]) !== JSON.stringify(value);
        return (
          <Descriptions.Item
            key={key}
            label={
              <span title={key}>
                {labels.get(key) ?? key}
                {changed ? (
                  <Tag color="orange" style={{ marginLeft: 6 }}>
                    已变更
                  </Tag>
                ) : null}
              </span>
            }
          >
            {formatValue(value)}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}

export default function RecordPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const record = useQuery({
    queryKey: ['record', id],
    queryFn: async ({ signal }) =>
      normalizeRecord(await api.get<Parameters<typeof normalizeRecord>[0]>(`/records/${encodeURIComponent(id)}`, undefined, signal)),
  });
  const catalog = useCatalog();
  const user = useUser();
  const canOpenBatches = canSee(user.role, 'ingest');
  const departmentNames = useDepartmentNames();
  // the record answer may carry only the subject's id: look its name up
  const subjectId = record.data && !record.data.subjectName ? record.data.subjectId : null;
  const subject = useQuery({
    queryKey: ['subject', subjectId],
    queryFn: ({ signal }) => api.get<SubjectDetail>(`/subjects/${encodeURIComponent(subjectId!)}`, undefined, signal),
    enabled: !!subjectId,
  });

  return (
    <>
      <PageTitle
        title="信用记录详情"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            返回
          </Button>
        }
      />
      <QueryState query={record}>
        {(r) => {
          const item = catalog.data?.items.find((i) => i.code === r.itemCode);
          const labels = new Map((item?.fields ?? []).map((f) => [f.key, f.label] as const));
          const versions = [...(r.versions ?? [])].sort((a, b) => b.version - a.version);
          return (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small">
                <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
                  <Descriptions.Item label="信用主体">
                    <Link to={`/console/subjects/${r.subjectId}`}>{r.subjectName || subject.data?.name || '查看主体'}</Link>
                  </Descriptions.Item>
                  <Descriptions.Item label="目录条目">
                    {r.itemName}
                    <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                      （{r.itemCode}）
                    </Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label="提供部门">
                    {r.departmentName || (r.departmentId ? departmentNames.get(r.departmentId) : undefined) || '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label="决定文书号">{r.documentNumber || '—'}</Descriptions.Item>
                  <Descriptions.Item label="决定日期">{formatDate(r.decisionDate)}</Descriptions.Item>
                  <Descriptions.Item label="状态">
                    <StatusTag status={r.status} />
                  </Descriptions.Item>
                  <Descriptions.Item label="记录编号">
                    <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
                      {r.id}
                    </Typography.Text>
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              <RecordObjections recordId={r.id} revoked={r.status === 'revoked'} />
              <Card size="small" title={`版本历史（${versions.length}）`}>
                {versions.length === 0 ? (
                  <Empty description="暂无数据" />
                ) : (
                  <Timeline
                    items={versions.map((v) => {
                      const previous = r.versions.find((p) => p.version === v.version - 1);
                      return {
                        key: v.version,
                        color: v.version === versions[0].version ? 'blue' : 'gray',
                        content: (
                          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                            <Space wrap size={8}>
                              <Typography.Text strong>第 {v.version} 版</Typography.Text>
                              <Tag>{label(RECORD_VERSION_KIND_LABELS, v.kind)}</Tag>
                              <Typography.Text type="secondary">{formatDateTime(v.createdAt)}</Typography.Text>
                              {v.submittedBy ? <Typography.Text type="secondary">提交人：{v.submittedBy}</Typography.Text> : null}
                              {v.batchId ? (
                                <Typography.Text type="secondary">
                                  批次：
                                  {canOpenBatches ? <Link to={`/console/ingest/batches/${encodeURIComponent(v.batchId)}`}>{v.batchId}</Link> : v.batchId}
                                  {v.rowNumber !== null && v.rowNumber !== undefined ? ` 第 ${v.rowNumber} 行` : ''}
                                </Typography.Text>
                              ) : null}
                            </Space>
                            {v.reason ? <Typography.Text>原因：{v.reason}</Typography.Text> : null}
                            <VersionFields version={v} previous={previous} labels={labels} />
                          </Space>
                        ),
                      };
                    })}
                  />
                )}
              </Card>
            </Space>
          );
        }}
      </QueryState>
    </>
  );
}
