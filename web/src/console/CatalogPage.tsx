import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../api';
import type { Catalog, CatalogItem, CatalogVersion } from '../shared/types';
import { ErrorView, QueryState } from '../shared/QueryState';
import { NATURE_LABELS, SCOPE_COLORS, SCOPE_LABELS, label } from '../shared/labels';
import { formatDateTime } from '../shared/format';
import { CatalogItemDrawer } from './CatalogItemDrawer';
import { CatalogItemForm } from './CatalogItemForm';
import { legalBasisText, periodsSummary } from './catalogText';
import { PageTitle } from './PageTitle';
import { useCatalog } from './useCatalog';
import { useUser } from './userContext';

function ItemsTab({ catalog, canEdit, onOpen, onEdit }: { catalog: Catalog; canEdit: boolean; onOpen: (i: CatalogItem) => void; onEdit: (i: CatalogItem) => void }) {
  const [category, setCategory] = useState<string>('');
  const [kind, setKind] = useState<string>('');
  const [text, setText] = useState('');
  const categoryName = useMemo(() => new Map(catalog.categories.map((c) => [c.code, c.name])), [catalog]);
  const rows = catalog.items.filter(
    (i) =>
      (!category || i.categoryCode === category) &&
      (!kind || i.kind === kind) &&
      (!text || i.name.includes(text) || i.code.includes(text.toLowerCase())),
  );

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={category}
          onChange={setCategory}
          style={{ width: 240 }}
          options={[
            { value: '', label: '全部信息类别' },
            ...[...catalog.categories].sort((a, b) => a.ordinal - b.ordinal).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` })),
          ]}
        />
        <Select
          value={kind}
          onChange={setKind}
          style={{ width: 140 }}
          options={[
            { value: '', label: '基础和补充' },
            { value: 'base', label: '基础目录' },
            { value: 'supplement', label: '补充目录' },
          ]}
        />
        <Input.Search allowClear placeholder="条目名称或编码" onSearch={(v) => setText(v.trim())} style={{ width: 220 }} />
      </Space>
      <Table
        rowKey="code"
        size="small"
        dataSource={rows}
        scroll={{ x: 1400 }}
        locale={{ emptyText: '暂无数据' }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条`, hideOnSinglePage: true }}
        columns={[
          {
            title: '条目名称',
            dataIndex: 'name',
            width: 200,
            fixed: 'left',
            render: (v: string, r) => (
              <Typography.Link onClick={() => onOpen(r)}>{v}</Typography.Link>
            ),
          },
          { title: '编码', dataIndex: 'code', width: 170, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          {
            title: '信息类别',
            dataIndex: 'categoryCode',
            width: 170,
            render: (v: string) => `${v} ${categoryName.get(v) ?? ''}`,
          },
          {
            title: '目录',
            dataIndex: 'kind',
            width: 70,
            render: (v: string) => (v === 'base' ? <Tag>基础</Tag> : <Tag color="purple">补充</Tag>),
          },
          { title: '性质', dataIndex: 'nature', width: 90, render: (v: string) => label(NATURE_LABELS, v) },
          {
            title: '公开范围',
            dataIndex: 'disclosureScope',
            width: 90,
            render: (v: string) => <Tag color={SCOPE_COLORS[v]}>{label(SCOPE_LABELS, v)}</Tag>,
          },
          { title: '公示期限', key: 'periods', width: 200, render: (_: unknown, r) => periodsSummary(r) },
          {
            title: '法律依据',
            key: 'legal',
            width: 220,
            ellipsis: true,
            render: (_: unknown, r) =>
              r.legalBasis?.length ? (
                <span title={r.legalBasis.map(legalBasisText).join('\n')}>
                  {legalBasisText(r.legalBasis[0])}
                  {r.legalBasis.length > 1 ? ` 等 ${r.legalBasis.length} 项` : ''}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: '操作',
            key: 'op',
            width: 100,
            fixed: 'right',
            render: (_: unknown, r) => (
              <Space size={8}>
                <Typography.Link onClick={() => onOpen(r)}>查看</Typography.Link>
                {canEdit && r.kind === 'supplement' ? <Typography.Link onClick={() => onEdit(r)}>编辑</Typography.Link> : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

function CategoriesTab({ catalog }: { catalog: Catalog }) {
  const counts = new Map<string, number>();
  for (const i of catalog.items) counts.set(i.categoryCode, (counts.get(i.categoryCode) ?? 0) + 1);
  return (
    <Table
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={[...catalog.categories].sort((a, b) => a.ordinal - b.ordinal)}
      locale={{ emptyText: '暂无数据' }}
      columns={[
        { title: '类别编码', dataIndex: 'code', width: 100 },
        { title: '类别名称', dataIndex: 'name' },
        { title: '条目数', key: 'count', width: 100, align: 'right', render: (_: unknown, c) => counts.get(c.code) ?? 0 },
      ]}
    />
  );
}

function VersionsTab() {
  const versions = useQuery({
    queryKey: ['catalog-versions'],
    queryFn: ({ signal }) => api.get<{ items: CatalogVersion[] }>('/catalog/versions', undefined, signal),
  });
  if (versions.error) return <ErrorView error={versions.error} onRetry={() => void versions.refetch()} />;
  return (
    <Table
      rowKey="id"
      size="small"
      loading={versions.isPending}
      dataSource={[...(versions.data?.items ?? [])].sort((a, b) => b.number - a.number)}
      scroll={{ x: 700 }}
      locale={{ emptyText: '暂无数据' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '版本', dataIndex: 'number', width: 80, render: (v: number) => `第 ${v} 版` },
        { title: '生成时间', dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v) },
        { title: '操作人', dataIndex: 'createdBy', width: 140, render: (v: string | null) => v || '系统' },
        { title: '条目数', dataIndex: 'itemCount', width: 90, align: 'right' },
        { title: '变更说明', dataIndex: 'note', render: (v: string | null) => v || '—' },
      ]}
    />
  );
}

export default function CatalogPage() {
  const user = useUser();
  const catalog = useCatalog();
  const canEdit = user.role === 'office_admin';
  const [viewing, setViewing] = useState<CatalogItem | null>(null);
  const [editing, setEditing] = useState<{ item: CatalogItem | null } | null>(null);

  return (
    <>
      <PageTitle
        title="目录管理"
        extra={
          canEdit && catalog.data ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ item: null })}>
              新增补充条目
            </Button>
          ) : null
        }
      />
      <QueryState query={catalog}>
        {(data) => (
          <Card size="small">
            <Typography.Paragraph type="secondary">
              公共信用信息目录 第 {data.version.number} 版 · 生成于 {formatDateTime(data.version.createdAt)}
              {data.version.note ? ` · ${data.version.note}` : ''} · 共 {data.items.length} 个条目。基础目录条目只读，补充目录条目可由信用办维护。
            </Typography.Paragraph>
            <Tabs
              items={[
                {
                  key: 'items',
                  label: '目录条目',
                  children: (
                    <ItemsTab catalog={data} canEdit={canEdit} onOpen={setViewing} onEdit={(i) => setEditing({ item: i })} />
                  ),
                },
                { key: 'categories', label: '信息类别', children: <CategoriesTab catalog={data} /> },
                { key: 'versions', label: '版本记录', children: <VersionsTab /> },
              ]}
            />
            <CatalogItemDrawer
              item={viewing}
              catalog={data}
              onClose={() => setViewing(null)}
              extra={
                canEdit && viewing?.kind === 'supplement' ? (
                  <Button
                    onClick={() => {
                      setEditing({ item: viewing });
                      setViewing(null);
                    }}
                  >
                    编辑
                  </Button>
                ) : null
              }
            />
            {canEdit ? (
              <CatalogItemForm open={editing !== null} item={editing?.item ?? null} catalog={data} onClose={() => setEditing(null)} />
            ) : null}
          </Card>
        )}
      </QueryState>
    </>
  );
}
