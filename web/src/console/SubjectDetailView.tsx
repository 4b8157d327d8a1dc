import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../api';
import type { SubjectDetail } from '../shared/types';
import { QueryState } from '../shared/QueryState';
import { RELATION_ROLE_LABELS, SUBJECT_KIND_LABELS, label } from '../shared/labels';
import { formatDate } from '../shared/format';
import { StatusTag } from './StatusTag';
import { useCatalog } from './useCatalog';
import { useDepartmentNames, type RecordRow } from './lookups';

/** One subject: identifiers (citizen ID masked), name history, related persons, records. */
export function SubjectDetailView({ id }: { id: string }) {
  const subject = useQuery({
    queryKey: ['subject', id],
    queryFn: ({ signal }) => api.get<SubjectDetail>(`/subjects/${encodeURIComponent(id)}`, undefined, signal),
  });
  // the subject answer may leave its records out: then list them with GET /records?subjectId=
  const needRecords = subject.data !== undefined && !Array.isArray(subject.data.records);
  const recordList = useQuery({
    queryKey: ['records-of-subject', id],
    queryFn: ({ signal }) => api.get<{ items: RecordRow[] }>('/records', { subjectId: id }, signal),
    enabled: needRecords,
  });
  const catalog = useCatalog(needRecords);
  const departmentNames = useDepartmentNames(needRecords);
  const itemNames = new Map((catalog.data?.items ?? []).map((i) => [i.code, i.name]));
  const listedRecords: SubjectDetail['records'] = (recordList.data?.items ?? []).map((r) => ({
    id: r.id,
    itemCode: r.itemCode,
    itemName: itemNames.get(r.itemCode) ?? r.itemCode,
    departmentName: (r.departmentId && departmentNames.get(r.departmentId)) || '—',
    documentNumber: r.documentNumber,
    decisionDate: r.decisionDate,
    status: r.status,
    version: r.currentVersion ?? 1,
  }));

  return (
    <QueryState query={subject}>
      {(s) => {
        const records = Array.isArray(s.records) ? s.records : listedRecords;
        return (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} title={s.name}>
            <Descriptions.Item label="主体类型">
              <Tag color="blue">{label(SUBJECT_KIND_LABELS, s.kind)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              <StatusTag status={s.status} />
            </Descriptions.Item>
            {s.kind === 'natural_person' ? (
              <Descriptions.Item label="公民身份号码">{s.citizenIdMasked || '—'}</Descriptions.Item>
            ) : (
              <>
                <Descriptions.Item label="统一社会信用代码">{s.uscc || '—'}</Descriptions.Item>
                <Descriptions.Item label="组织机构代码">{s.orgCode || '—'}</Descriptions.Item>
              </>
            )}
            <Descriptions.Item label="行政区划">{s.regionCode || '—'}</Descriptions.Item>
          </Descriptions>

          <Card size="small" title="名称历史">
            <Table
              rowKey={(r) => `${r.name}-${r.validFrom ?? ''}`}
              size="small"
              pagination={false}
              dataSource={s.names ?? []}
              locale={{ emptyText: '暂无数据' }}
              columns={[
                { title: '名称', dataIndex: 'name' },
                { title: '起始日期', dataIndex: 'validFrom', render: (v: string | null) => formatDate(v), width: 120 },
                { title: '截止日期', dataIndex: 'validTo', render: (v: string | null) => (v ? formatDate(v) : '至今'), width: 120 },
              ]}
            />
          </Card>

          <Card size="small" title="关联人员">
            <Table
              rowKey={(r) => `${r.role}-${r.personId}`}
              size="small"
              pagination={false}
              dataSource={s.relations ?? []}
              locale={{ emptyText: '暂无数据' }}
              columns={[
                { title: '关系', dataIndex: 'role', render: (v: string) => label(RELATION_ROLE_LABELS, v), width: 120 },
                { title: '姓名', dataIndex: 'personName' },
                { title: '公民身份号码', dataIndex: 'citizenIdMasked', render: (v: string | null) => v || '—' },
              ]}
            />
          </Card>

          <Card size="small" title={`信用记录（${records.length}）`}>
            <Table
              rowKey="id"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 720 }}
              dataSource={records}
              loading={needRecords && recordList.isPending}
              locale={{ emptyText: recordList.error ? errorMessage(recordList.error) : '暂无数据' }}
              columns={[
                { title: '目录条目', dataIndex: 'itemName' },
                { title: '提供部门', dataIndex: 'departmentName' },
                { title: '决定文书号', dataIndex: 'documentNumber' },
                { title: '决定日期', dataIndex: 'decisionDate', render: (v: string) => formatDate(v), width: 110 },
                { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag status={v} />, width: 100 },
                { title: '版本', dataIndex: 'version', width: 60 },
                {
                  title: '操作',
                  key: 'op',
                  width: 70,
                  render: (_: unknown, r: { id: string }) => <Link to={`/console/records/${r.id}`}>详情</Link>,
                },
              ]}
            />
          </Card>
        </Space>
        );
      }}
    </QueryState>
  );
}
