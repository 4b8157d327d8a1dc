import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Result, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../api';
import type { ListEntryDetail, Paged, SubjectDetail, SubjectRecordRow, SubjectRow } from '../shared/types';
import { SEVERITY_LABELS, SUBJECT_KIND_LABELS, label } from '../shared/labels';
import { formatDate } from '../shared/format';
import { canPropose } from './access';
import { BasisLines, ListKindKindTag, useListKinds } from './listShared';
import { PageTitle } from './PageTitle';
import { StatusTag } from './StatusTag';
import { useCatalog } from './useCatalog';
import { useUser } from './userContext';

interface ProposeValues {
  subjectId: string;
  listKind: string;
  reasons: string;
}

type SubjectOption = Pick<SubjectRow, 'id' | 'name' | 'kind' | 'uscc' | 'citizenIdMasked' | 'status'>;

/** The subject picker: searches GET /subjects (name fragment of ≥ 2 characters, USCC or citizen ID). */
function SubjectPicker({ value, onChange, onPicked, initial }: { value?: string; onChange?: (v: string) => void; onPicked: (s: SubjectOption | null) => void; initial: SubjectOption | null }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useQuery({
    queryKey: ['subjects', 'pick', q],
    queryFn: ({ signal }) => api.get<Paged<SubjectRow>>('/subjects', { q, pageSize: 20 }, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
  const found: SubjectOption[] = q.length >= 2 ? (search.data?.items ?? []) : [];
  const all = initial && !found.some((s) => s.id === initial.id) ? [initial, ...found] : found;
  const idText = (s: SubjectOption) => (s.kind === 'natural_person' ? s.citizenIdMasked : s.uscc) || '';
  return (
    <Select
      aria-label="被认定主体"
      value={value}
      placeholder="输入主体名称（至少 2 个字）、统一社会信用代码或公民身份号码"
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={q.length < 2 ? '请输入至少 2 个字' : search.isFetching ? '查询中…' : '未找到信用主体'}
      loading={search.isFetching}
      onChange={(v: string) => {
        onChange?.(v);
        onPicked(all.find((s) => s.id === v) ?? null);
      }}
      options={all.map((s) => ({
        value: s.id,
        label: (
          <span>
            {s.name}
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {idText(s)}
            </Typography.Text>
          </span>
        ),
      }))}
    />
  );
}

/** 发起认定: a department operator proposes a designation, citing the own department's effective records. */
export default function ProposeEntryPage() {
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<ProposeValues>();
  const [subject, setSubject] = useState<SubjectOption | null>(null);
  const [evidence, setEvidence] = useState<string[]>([]);
  const kinds = useListKinds();
  const catalog = useCatalog();
  const itemNames = useMemo(() => new Map((catalog.data?.items ?? []).map((i) => [i.code, i.name])), [catalog.data]);
  const subjectId = Form.useWatch('subjectId', form);
  const listKind = Form.useWatch('listKind', form);
  const kind = (kinds.data ?? []).find((k) => k.code === listKind);

  // ?subjectId= preselects a subject (a link from elsewhere in the console)
  const preset = params.get('subjectId') ?? '';
  const presetSubject = useQuery({
    queryKey: ['subject', preset],
    queryFn: ({ signal }) => api.get<SubjectDetail>(`/subjects/${encodeURIComponent(preset)}`, undefined, signal),
    enabled: !!preset,
  });
  const presetData = presetSubject.data;
  const initial: SubjectOption | null = useMemo(
    () => (presetData ? { id: presetData.id, name: presetData.name, kind: presetData.kind, uscc: presetData.uscc, citizenIdMasked: presetData.citizenIdMasked, status: presetData.status } : null),
    [presetData],
  );
  useEffect(() => {
    if (initial && !form.getFieldValue('subjectId')) {
      form.setFieldValue('subjectId', initial.id);
      setSubject(initial);
    }
  }, [initial, form]);

  const records = useQuery({
    queryKey: ['records-of-subject', subjectId],
    queryFn: ({ signal }) => api.get<{ items: SubjectRecordRow[] }>('/records', { subjectId }, signal),
    enabled: !!subjectId,
  });
  const ownRecords = (records.data?.items ?? []).filter((r) => r.departmentId === user.department?.id);

  const propose = useMutation({
    mutationFn: (v: ProposeValues) => api.post<ListEntryDetail>('/lists/entries', { subjectId: v.subjectId, listKind: v.listKind, evidence, reasons: v.reasons.trim() }),
    onSuccess: (entry) => {
      message.success('已提出认定申请');
      queryClient.setQueryData(['list-entry', entry.id], entry);
      void queryClient.invalidateQueries({ queryKey: ['list-entries'] });
      navigate(`/console/lists/entries/${encodeURIComponent(entry.id)}`);
    },
  });

  if (!canPropose(user.role)) {
    return <Result status="403" title="无权发起认定" subTitle="名单认定申请由部门经办人提出，并须引用本部门作出的生效文书。" />;
  }

  const needsEvidence = kind ? kind.kind !== 'incentive' : false;

  return (
    <>
      <PageTitle
        title="发起认定"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/lists')}>
            返回名单认定
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        由{user.department?.name ?? '本部门'}提出名单认定申请。认定须以本部门作出的生效行政决定或司法文书（本部门报送的有效信用记录）为依据；提出后由经办人送达认定事先告知书，审核人（不得为本人）作出认定决定。
      </Typography.Paragraph>
      <Form<ProposeValues> form={form} layout="vertical" onFinish={(v) => propose.mutate(v)} className="propose-form">
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title="一、被认定主体和名单类型">
            <Row gutter={16}>
              <Col xs={24} md={14}>
                <Form.Item name="subjectId" label="被认定主体" rules={[{ required: true, message: '请选择被认定主体' }]}>
                  <SubjectPicker
                    initial={initial}
                    onPicked={(s) => {
                      setSubject(s);
                      setEvidence([]);
                    }}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name="listKind" label="名单类型" rules={[{ required: true, message: '请选择名单类型' }]}>
                  <Select
                    aria-label="名单类型"
                    placeholder="请选择名单类型"
                    loading={kinds.isPending}
                    options={(kinds.data ?? []).map((k) => ({ value: k.code, label: k.name }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            {subject ? (
              <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: kind ? 16 : 0 }}>
                <Descriptions.Item label="名称">
                  <Link to={`/console/subjects/${encodeURIComponent(subject.id)}`} target="_blank">
                    {subject.name}
                  </Link>
                </Descriptions.Item>
                <Descriptions.Item label="主体类别">{label(SUBJECT_KIND_LABELS, subject.kind)}</Descriptions.Item>
                <Descriptions.Item label={subject.kind === 'natural_person' ? '公民身份号码' : '统一社会信用代码'}>
                  {(subject.kind === 'natural_person' ? subject.citizenIdMasked : subject.uscc) || '—'}
                </Descriptions.Item>
                <Descriptions.Item label="状态">
                  <StatusTag status={subject.status} />
                </Descriptions.Item>
              </Descriptions>
            ) : null}
            {kind ? (
              <Descriptions size="small" bordered column={1} className="list-kind-standard" title={<Space>认定标准：{kind.name} <ListKindKindTag kind={kind.kind} /></Space>}>
                <Descriptions.Item label="认定依据">
                  <BasisLines basis={kind.localRegulation ? [...kind.legalBasis, kind.localRegulation] : kind.legalBasis} />
                </Descriptions.Item>
                <Descriptions.Item label="认定标准">{kind.criteria}</Descriptions.Item>
                <Descriptions.Item label="期限">
                  陈述申辩期限 {kind.statementWorkingDays} 个工作日（自告知书送达之日起）；陈述申辩结束后 {kind.decisionWorkingDays} 个工作日内作出决定；名单有效期{' '}
                  {kind.validityMonths} 个月
                </Descriptions.Item>
              </Descriptions>
            ) : null}
          </Card>

          <Card size="small" title={`二、认定依据的生效文书（已选 ${evidence.length} 项）`}>
            {kind ? (
              <Alert
                type={needsEvidence ? 'warning' : 'info'}
                showIcon
                style={{ marginBottom: 12 }}
                title={
                  kind.kind === 'sanction'
                    ? `认定「${kind.name}」须引用本部门的生效文书，且至少一项为严重失信（如较重的行政处罚）。`
                    : kind.kind === 'watch'
                      ? `认定「${kind.name}」须引用本部门的生效行政决定或司法文书。`
                      : `「${kind.name}」可不引用文书；如有本部门的相关记录，可一并引用。`
                }
              />
            ) : null}
            {!subjectId ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="请先选择被认定主体" />
            ) : (
              <Table<SubjectRecordRow>
                rowKey="id"
                size="small"
                className="propose-evidence"
                loading={records.isFetching}
                dataSource={ownRecords}
                pagination={false}
                scroll={{ x: 760 }}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本部门没有关于该主体的信用记录" /> }}
                rowSelection={{
                  selectedRowKeys: evidence,
                  onChange: (keys) => setEvidence(keys.map(String)),
                  getCheckboxProps: (r) => ({ disabled: r.status !== 'active', 'aria-label': `引用 ${r.documentNumber}` }),
                }}
                columns={[
                  { title: '信息类别', dataIndex: 'itemCode', width: 180, render: (v: string) => itemNames.get(v) ?? v },
                  {
                    title: '文书号',
                    dataIndex: 'documentNumber',
                    width: 220,
                    render: (v: string, r) => (
                      <Link to={`/console/records/${encodeURIComponent(r.id)}`} target="_blank">
                        {v || '—'}
                      </Link>
                    ),
                  },
                  { title: '决定日期', dataIndex: 'decisionDate', width: 110, render: (v: string) => formatDate(v) },
                  {
                    title: '失信程度',
                    dataIndex: 'severity',
                    width: 90,
                    render: (v: string) => (v === 'serious' ? <Tag color="red">{label(SEVERITY_LABELS, v)}</Tag> : label(SEVERITY_LABELS, v)),
                  },
                  { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <StatusTag status={v} /> },
                ]}
              />
            )}
            {records.error ? <Alert type="error" showIcon title={errorMessage(records.error)} style={{ marginTop: 12 }} /> : null}
          </Card>

          <Card size="small" title="三、认定事由">
            <Form.Item
              name="reasons"
              label="认定事由（写入告知书和决定书）"
              rules={[
                { required: true, whitespace: true, message: '请填写认定事由' },
                { min: 4, message: '认定事由至少 4 个字' },
                { max: 5000 },
              ]}
            >
              <Input.TextArea rows={4} showCount maxLength={5000} placeholder="如：当事人生产销售不符合食品安全标准的食品，被依法吊销许可证件，情节严重" />
            </Form.Item>
          </Card>

          {propose.error ? <Alert type="error" showIcon title="未能提出认定申请" description={errorMessage(propose.error)} /> : null}
          <Space>
            <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={propose.isPending}>
              提出认定申请
            </Button>
            <Button onClick={() => navigate('/console/lists')}>取消</Button>
          </Space>
        </Space>
      </Form>
    </>
  );
}
