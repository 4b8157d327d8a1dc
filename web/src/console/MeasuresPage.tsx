import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage, request } from '../api';
import type { Measure, MeasureList, MeasureVersion } from '../shared/types';
import { ErrorView, QueryState } from '../shared/QueryState';
import { MEASURE_CATEGORY_LABELS, MEASURE_KIND_LABELS, MEASURE_SCOPE_LABELS, SEVERITY_LABELS, label } from '../shared/labels';
import { formatDateTime } from '../shared/format';
import { canEditStandards } from './access';
import { BasisLines, basisText, useListKindNames } from './listShared';
import { useMatterTypes } from './lookups';
import { MEASURES_QUERY_KEY, MeasureForm } from './MeasureForm';
import { PageTitle } from './PageTitle';
import { useUser } from './userContext';

/** Names for a measure's codes: list kinds, departments (by code) and matter types. */
function useMeasureText() {
  const kindNames = useListKindNames();
  const matters = useMatterTypes();
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => api.get<{ items: { id: string; code: string; name: string }[] }>('/departments', undefined, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const departmentNames = new Map((departments.data?.items ?? []).map((d) => [d.code, d.name]));
  return {
    targets: (m: Measure) =>
      [...m.targets.listKinds.map((k) => kindNames.get(k) ?? k), ...(m.targets.recordSeverities ?? []).map((s) => `有效${label(SEVERITY_LABELS, s)}失信记录`)].join('、') || '—',
    departments: (m: Measure) => (m.implementingDepartments ? m.implementingDepartments.map((c) => departmentNames.get(c) ?? c).join('、') : '各部门'),
    matters: (m: Measure) => (m.matterTypes ? m.matterTypes.map((c) => matters.get(c) ?? c).join('、') : '全部事项'),
  };
}

function MeasureKindTag({ kind }: { kind: string }) {
  return <Tag color={kind === 'sanction' ? 'red' : 'green'}>{label(MEASURE_KIND_LABELS, kind)}</Tag>;
}

function ScopeTag({ scope }: { scope: string }) {
  return scope === 'base' ? <Tag>{label(MEASURE_SCOPE_LABELS, scope)}</Tag> : <Tag color="purple">{label(MEASURE_SCOPE_LABELS, scope)}</Tag>;
}

function MeasureDetail({ measure }: { measure: Measure }) {
  const text = useMeasureText();
  return (
    <Descriptions size="small" bordered column={1}>
      <Descriptions.Item label="措施名称">{measure.name}</Descriptions.Item>
      <Descriptions.Item label="措施代码">
        <Typography.Text code>{measure.code}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="性质">
        <MeasureKindTag kind={measure.kind} />
      </Descriptions.Item>
      <Descriptions.Item label="类别">
        {measure.category} {label(MEASURE_CATEGORY_LABELS, String(measure.category))}
      </Descriptions.Item>
      <Descriptions.Item label="清单">
        <ScopeTag scope={measure.scope} />
      </Descriptions.Item>
      <Descriptions.Item label="设定依据">
        <BasisLines basis={measure.legalBasis} />
      </Descriptions.Item>
      <Descriptions.Item label="实施对象">{text.targets(measure)}</Descriptions.Item>
      <Descriptions.Item label="实施部门">{text.departments(measure)}</Descriptions.Item>
      <Descriptions.Item label="适用事项">{text.matters(measure)}</Descriptions.Item>
      <Descriptions.Item label="实施幅度">
        {measure.degree}
        {measure.degreeLimit ? <Typography.Text type="secondary">（系统校验：{degreeLimitText(measure.degreeLimit)}）</Typography.Text> : null}
      </Descriptions.Item>
    </Descriptions>
  );
}

function degreeLimitText(limit: NonNullable<Measure['degreeLimit']>): string {
  return [limit.maxMonths ? `自核查之日起不超过 ${limit.maxMonths} 个月` : null, limit.withinListValidity ? '不超过名单有效期' : null].filter(Boolean).join('，');
}

function DeleteModal({ measure, onClose }: { measure: Measure | null; onClose: () => void }) {
  const [form] = Form.useForm<{ note: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (note: string) => request<MeasureList>('DELETE', `/measures/supplements/${encodeURIComponent(measure!.code)}`, { body: { note } }),
    onSuccess: (list) => {
      message.success(`已删除，措施清单更新为第 ${list.version?.number ?? '—'} 版`);
      queryClient.setQueryData(MEASURES_QUERY_KEY, list);
      void queryClient.invalidateQueries({ queryKey: ['measure-versions'] });
      onClose();
    },
  });
  return (
    <Modal
      open={measure !== null}
      title="删除本地补充措施"
      okText="确认删除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={remove.isPending}
      destroyOnHidden
      afterClose={() => remove.reset()}
    >
      <Typography.Paragraph>
        从措施清单中删除「{measure?.name}」，生成新的措施清单版本。此后的核查不再适用该措施，已作出的核查不受影响。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => remove.mutate(v.note.trim())}>
        <Form.Item name="note" label="修订说明" rules={[{ required: true, whitespace: true, message: '请填写修订说明' }, { min: 2, message: '请填写修订说明' }, { max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      {remove.error ? <Alert type="error" showIcon title={errorMessage(remove.error)} /> : null}
    </Modal>
  );
}

function MeasuresTab({ list, canEdit, onView, onEdit, onDelete }: { list: MeasureList; canEdit: boolean; onView: (m: Measure) => void; onEdit: (m: Measure) => void; onDelete: (m: Measure) => void }) {
  const text = useMeasureText();
  const matters = useMatterTypes();
  const [kind, setKind] = useState('');
  const [scope, setScope] = useState('');
  const [matter, setMatter] = useState('');
  const [q, setQ] = useState('');
  const rows = list.measures.filter(
    (m) =>
      (!kind || m.kind === kind) &&
      (!scope || m.scope === scope) &&
      (!matter || m.matterTypes === null || m.matterTypes.includes(matter)) &&
      (!q || m.name.includes(q) || m.code.toLowerCase().includes(q.toLowerCase()) || m.legalBasis.some((b) => basisText(b).includes(q))),
  );
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label="措施性质" value={kind} onChange={setKind} style={{ width: 140 }} options={[{ value: '', label: '惩戒和激励' }, ...Object.entries(MEASURE_KIND_LABELS).map(([value, l]) => ({ value, label: l }))]} />
        <Select aria-label="清单" value={scope} onChange={setScope} style={{ width: 140 }} options={[{ value: '', label: '基础和补充' }, ...Object.entries(MEASURE_SCOPE_LABELS).map(([value, l]) => ({ value, label: l }))]} />
        <Select
          aria-label="适用事项"
          value={matter}
          onChange={setMatter}
          style={{ width: 260 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: '', label: '全部行政事项' }, ...[...matters].map(([value, l]) => ({ value, label: l }))]}
        />
        <Input.Search allowClear placeholder="措施名称、代码或依据" onSearch={(v) => setQ(v.trim())} style={{ width: 240 }} />
      </Space>
      <Table<Measure>
        rowKey="code"
        size="small"
        className="measures-table"
        dataSource={rows}
        scroll={{ x: 1500 }}
        locale={{ emptyText: '没有符合条件的措施' }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 项`, hideOnSinglePage: true }}
        columns={[
          {
            title: '措施',
            dataIndex: 'name',
            width: 280,
            fixed: 'left',
            render: (v: string, r) => (
              <Space orientation="vertical" size={0}>
                <Typography.Link onClick={() => onView(r)}>{v}</Typography.Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.code}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '性质', dataIndex: 'kind', width: 90, render: (v: string) => <MeasureKindTag kind={v} /> },
          { title: '类别', dataIndex: 'category', width: 130, render: (v: number) => label(MEASURE_CATEGORY_LABELS, String(v)) },
          { title: '清单', dataIndex: 'scope', width: 90, render: (v: string) => <ScopeTag scope={v} /> },
          { title: '实施对象', key: 'targets', width: 170, render: (_: unknown, r) => text.targets(r) },
          { title: '实施部门', key: 'departments', width: 170, ellipsis: true, render: (_: unknown, r) => text.departments(r) },
          { title: '适用事项', key: 'matters', width: 200, ellipsis: true, render: (_: unknown, r) => <span title={text.matters(r)}>{text.matters(r)}</span> },
          { title: '实施幅度', dataIndex: 'degree', width: 220, ellipsis: true, render: (v: string) => <span title={v}>{v}</span> },
          {
            title: '设定依据',
            dataIndex: 'legalBasis',
            width: 260,
            ellipsis: true,
            render: (v: Measure['legalBasis']) => <span title={v.map(basisText).join('\n')}>{v.length ? `${basisText(v[0])}${v.length > 1 ? ` 等 ${v.length} 项` : ''}` : '—'}</span>,
          },
          {
            title: '操作',
            key: 'op',
            width: canEdit ? 130 : 60,
            fixed: 'right',
            render: (_: unknown, r) => (
              <Space size={8}>
                <Typography.Link onClick={() => onView(r)}>查看</Typography.Link>
                {canEdit && r.scope === 'supplement' ? (
                  <>
                    <Typography.Link onClick={() => onEdit(r)}>编辑</Typography.Link>
                    <Typography.Link type="danger" onClick={() => onDelete(r)}>
                      删除
                    </Typography.Link>
                  </>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

function VersionsTab() {
  const versions = useQuery({
    queryKey: ['measure-versions'],
    queryFn: ({ signal }) => api.get<MeasureVersion[]>('/measures/versions', undefined, signal),
  });
  if (versions.error) return <ErrorView error={versions.error} onRetry={() => void versions.refetch()} />;
  return (
    <Table<MeasureVersion>
      rowKey="id"
      size="small"
      loading={versions.isPending}
      dataSource={[...(versions.data ?? [])].sort((a, b) => b.number - a.number)}
      scroll={{ x: 700 }}
      locale={{ emptyText: '暂无数据' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '版本', dataIndex: 'number', width: 90, render: (v: number) => `第 ${v} 版` },
        { title: '生成时间', dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v) },
        { title: '操作人', dataIndex: 'createdBy', width: 200, ellipsis: true, render: (v: string) => v || '系统' },
        { title: '修订说明', dataIndex: 'note', render: (v: string) => v || '—' },
      ]}
    />
  );
}

/** 措施清单管理: the current measure list (base + local supplements) and its versions; the credit office edits supplements. */
export default function MeasuresPage() {
  const user = useUser();
  const canEdit = canEditStandards(user.role);
  const list = useQuery({
    queryKey: MEASURES_QUERY_KEY,
    queryFn: ({ signal }) => api.get<MeasureList>('/measures', undefined, signal),
  });
  const [viewing, setViewing] = useState<Measure | null>(null);
  const [editing, setEditing] = useState<{ measure: Measure | null } | null>(null);
  const [deleting, setDeleting] = useState<Measure | null>(null);
  const counts = useMemo(() => {
    const measures = list.data?.measures ?? [];
    return {
      base: measures.filter((m) => m.scope === 'base').length,
      supplement: measures.filter((m) => m.scope === 'supplement').length,
      sanction: measures.filter((m) => m.kind === 'sanction').length,
      incentive: measures.filter((m) => m.kind === 'incentive').length,
    };
  }, [list.data]);

  return (
    <>
      <PageTitle
        title="措施清单"
        extra={
          canEdit && list.data ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ measure: null })}>
              新增补充措施
            </Button>
          ) : null
        }
      />
      <QueryState query={list}>
        {(data) => (
          <Card size="small">
            <Typography.Paragraph type="secondary">
              失信惩戒和守信激励措施清单
              {data.version ? ` 第 ${data.version.number} 版 · 生成于 ${formatDateTime(data.version.createdAt)} · ${data.version.note}` : '（尚未初始化）'} · 共 {data.measures.length} 项（基础清单 {counts.base} 项，本地补充 {counts.supplement} 项；惩戒 {counts.sanction} 项，激励 {counts.incentive} 项）。
              只能实施清单内的措施，且不得超过所列幅度。基础清单随平台升级同步，只读；本地补充措施由信用办维护，每次变更生成新版本。
            </Typography.Paragraph>
            <Tabs
              items={[
                { key: 'measures', label: '现行清单', children: <MeasuresTab list={data} canEdit={canEdit} onView={setViewing} onEdit={(m) => setEditing({ measure: m })} onDelete={setDeleting} /> },
                { key: 'versions', label: '版本记录', children: <VersionsTab /> },
              ]}
            />
          </Card>
        )}
      </QueryState>
      <Drawer
        title={viewing ? `措施：${viewing.name}` : '措施'}
        open={viewing !== null}
        onClose={() => setViewing(null)}
        size={Math.min(760, window.innerWidth)}
        destroyOnHidden
        extra={
          canEdit && viewing?.scope === 'supplement' ? (
            <Button
              onClick={() => {
                setEditing({ measure: viewing });
                setViewing(null);
              }}
            >
              编辑
            </Button>
          ) : null
        }
      >
        {viewing ? <MeasureDetail measure={viewing} /> : null}
      </Drawer>
      {canEdit ? (
        <>
          <MeasureForm open={editing !== null} measure={editing?.measure ?? null} onClose={() => setEditing(null)} />
          <DeleteModal measure={deleting} onClose={() => setDeleting(null)} />
        </>
      ) : null}
    </>
  );
}
