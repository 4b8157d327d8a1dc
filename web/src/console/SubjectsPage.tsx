import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api';
import type { Paged, SubjectRow } from '../shared/types';
import { ErrorView } from '../shared/QueryState';
import { SUBJECT_KIND_LABELS, label } from '../shared/labels';
import { PageTitle } from './PageTitle';
import { StatusTag } from './StatusTag';
import { SubjectDetailView } from './SubjectDetailView';

export default function SubjectsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.max(1, Number(params.get('pageSize')) || 20);
  const [draft, setDraft] = useState(q);
  const [openId, setOpenId] = useState<string | null>(null);

  const update = (next: Record<string, string | number>) => {
    const merged: Record<string, string> = { q, kind, page: String(page), pageSize: String(pageSize) };
    for (const [k, v] of Object.entries(next)) merged[k] = String(v);
    for (const k of Object.keys(merged)) if (!merged[k]) delete merged[k];
    setParams(merged);
  };

  const subjects = useQuery({
    queryKey: ['subjects', q, kind, page, pageSize],
    queryFn: ({ signal }) => api.get<Paged<SubjectRow>>('/subjects', { q, kind, page, pageSize }, signal),
    placeholderData: (prev) => prev,
  });

  return (
    <>
      <PageTitle title="信用主体" />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onSearch={(v) => update({ q: v.trim(), page: 1 })}
            placeholder="名称、统一社会信用代码"
            enterButton="查询"
            style={{ width: 320, maxWidth: '100%' }}
          />
          <Select
            value={kind}
            onChange={(v) => update({ kind: v, page: 1 })}
            style={{ width: 180 }}
            options={[{ value: '', label: '全部主体类型' }, ...Object.entries(SUBJECT_KIND_LABELS).map(([value, l]) => ({ value, label: l }))]}
          />
        </Space>
        {subjects.error ? (
          <ErrorView error={subjects.error} onRetry={() => void subjects.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            loading={subjects.isFetching}
            dataSource={subjects.data?.items ?? []}
            scroll={{ x: 860 }}
            locale={{ emptyText: '暂无数据' }}
            pagination={{
              current: page,
              pageSize,
              total: subjects.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (t) => `共 ${t} 条`,
              onChange: (p, ps) => update({ page: ps !== pageSize ? 1 : p, pageSize: ps }),
            }}
            onRow={(r) => ({ onDoubleClick: () => setOpenId(r.id) })}
            columns={[
              {
                title: '名称',
                dataIndex: 'name',
                render: (v: string, r) => (
                  <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpenId(r.id)}>
                    {v}
                  </Button>
                ),
              },
              { title: '主体类型', dataIndex: 'kind', width: 150, render: (v: string) => <Tag>{label(SUBJECT_KIND_LABELS, v)}</Tag> },
              {
                title: '统一社会信用代码 / 身份证号',
                key: 'id',
                width: 220,
                render: (_: unknown, r) => (r.kind === 'natural_person' ? r.citizenIdMasked : r.uscc) || r.uscc || r.citizenIdMasked || '—',
              },
              { title: '区划', dataIndex: 'regionCode', width: 90, render: (v: string | null) => v || '—' },
              { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <StatusTag status={v} /> },
              { title: '记录数', dataIndex: 'recordCount', width: 80, align: 'right', render: (v: number | undefined) => v ?? '—' },
              {
                title: '操作',
                key: 'op',
                width: 110,
                render: (_: unknown, r) => (
                  <Space size={4}>
                    <Typography.Link onClick={() => setOpenId(r.id)}>查看</Typography.Link>
                    <Link to={`/console/subjects/${r.id}`}>页面</Link>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Drawer
        title="信用主体详情"
        open={openId !== null}
        onClose={() => setOpenId(null)}
        size={Math.min(880, typeof window !== 'undefined' ? window.innerWidth : 880)}
        destroyOnHidden
        extra={openId ? <Link to={`/console/subjects/${openId}`}>在页面中打开</Link> : null}
      >
        {openId ? <SubjectDetailView id={openId} /> : null}
      </Drawer>
    </>
  );
}
