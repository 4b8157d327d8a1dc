import { useMemo } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../api';
import type { CheckFeedbackItem, CheckMeasure, CheckResult, CheckRow, FeedbackHandling, PublicListing } from '../shared/types';
import { formatDate, formatDateTime } from '../shared/format';
import {
  FEEDBACK_HANDLING_LABELS,
  MEASURE_KIND_LABELS,
  RESPONSIBLE_ROLE_LABELS,
  SEVERITY_LABELS,
  SUBJECT_KIND_LABELS,
  SUBJECT_STATUS_LABELS,
  TREATMENT_COLORS,
  TREATMENT_LABELS,
  label,
} from '../shared/labels';
import { useDepartmentNames, useMatterTypes } from './lookups';
import { useCatalog } from './useCatalog';

/** Today in China (YYYY-MM-DD), for comparing with feedback deadlines. */
export function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** 行政事项 label for a code (the code itself until the list has loaded or when unknown). */
export function useMatterLabel(): (code: string) => string {
  const matters = useMatterTypes();
  return (code) => matters.get(code) ?? code;
}

export function TreatmentTag({ treatment, large = false }: { treatment: string; large?: boolean }) {
  return (
    <Tag
      color={TREATMENT_COLORS[treatment] ?? 'default'}
      className="check-treatment-tag"
      style={large ? { fontSize: 20, lineHeight: '36px', padding: '0 16px', marginInlineEnd: 0 } : { marginInlineEnd: 0 }}
    >
      {label(TREATMENT_LABELS, treatment)}
    </Tag>
  );
}

/** 已反馈 / 待反馈 / 逾期 (or 无需反馈 when the check set no deadline and has no feedback). */
export function FeedbackStatusTag({ row }: { row: Pick<CheckRow, 'feedback' | 'feedbackDue' | 'flaggedAt'> }) {
  if (row.feedback) return <Tag color="green">已反馈</Tag>;
  if (row.flaggedAt || (row.feedbackDue && row.feedbackDue < chinaToday())) return <Tag color="red">逾期</Tag>;
  if (!row.feedbackDue) return <Tag>无需反馈</Tag>;
  return <Tag color="orange">待反馈</Tag>;
}

function ListingsTable({ items, responsible, paused }: { items: PublicListing[]; responsible?: boolean; paused: string[] }) {
  return (
    <Table<PublicListing>
      rowKey={(r) => `${r.entryId}-${r.role ?? ''}`}
      size="small"
      pagination={false}
      dataSource={items}
      scroll={{ x: 800 }}
      columns={[
        {
          title: '名单',
          dataIndex: 'listKindName',
          width: 200,
          render: (v: string, r) => (
            <Space size={4} wrap>
              {v}
              {paused.includes(r.entryId) ? <Tag color="purple" title="认定依据的记录正在异议核查，名单措施暂停">异议核查中，措施暂停</Tag> : null}
            </Space>
          ),
        },
        ...(responsible
          ? [
              { title: '关联主体', dataIndex: 'subjectName', width: 180 },
              { title: '担任职务', dataIndex: 'role', width: 110, render: (v: string | undefined) => label(RESPONSIBLE_ROLE_LABELS, v) },
            ]
          : []),
        { title: '认定决定书文号', dataIndex: 'decisionNumber', width: 180 },
        { title: '列入日期', dataIndex: 'decidedOn', width: 110, render: (v: string) => formatDate(v) },
        { title: '有效期至', dataIndex: 'validUntil', width: 110, render: (v: string) => formatDate(v) },
        { title: '事由', dataIndex: 'reasons', ellipsis: true },
      ]}
    />
  );
}

function appliesViaText(via: string): string {
  const [kind, value = ''] = via.split(':');
  if (kind === 'list') return `名单：${{ serious_dishonesty: '严重失信主体名单', red_list: '守信激励对象名单', watch_list: '重点关注名单' }[value] ?? value}`;
  if (kind === 'record') return `失信记录：${label(SEVERITY_LABELS, value)}`;
  return via;
}

function BasisList({ basis }: { basis: CheckMeasure['legalBasis'] }) {
  if (basis.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {basis.map((b, i) => (
        <Typography.Text key={i} style={{ fontSize: 13 }}>
          {b.document}
          {b.article ? ` ${b.article}` : ''}
        </Typography.Text>
      ))}
    </Space>
  );
}

interface FeedbackFormValues {
  items: { handling?: FeedbackHandling; basis?: string; until?: Dayjs; note?: string }[];
}

/** The 反馈 form: one line per applicable measure; read-only once feedback was given. */
function FeedbackCard({ check, row, onSaved }: { check: CheckResult; row: Pick<CheckRow, 'feedback' | 'feedbackAt' | 'feedbackDue' | 'flaggedAt'> | null; onSaved?: (row: CheckRow) => void }) {
  const [form] = Form.useForm<FeedbackFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (applied: CheckFeedbackItem[]) => api.post<CheckRow>(`/checks/${encodeURIComponent(check.id)}/feedback`, { applied }),
    onSuccess: (saved) => {
      message.success('已提交反馈');
      queryClient.setQueryData(['check', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['checks'] });
      onSaved?.(saved);
    },
  });
  const feedback = row?.feedback ?? null;
  const measures = check.measures;

  if (feedback) {
    const byCode = new Map(feedback.applied.map((item) => [item.measureCode, item]));
    const names = new Map(measures.map((m) => [m.code, m.name]));
    return (
      <Card size="small" title="措施实施反馈" extra={<Tag color="green">已反馈</Tag>}>
        <Typography.Paragraph type="secondary">
          反馈于 {formatDateTime(row?.feedbackAt)}
          {feedback.by?.label ? `，由 ${feedback.by.label} 提交` : ''}；反馈提交后不可修改。
        </Typography.Paragraph>
        {feedback.applied.length === 0 ? (
          <Typography.Text type="secondary">本次核查无适用措施。</Typography.Text>
        ) : (
          <Table<CheckFeedbackItem>
            rowKey="measureCode"
            size="small"
            pagination={false}
            dataSource={[...byCode.values()]}
            columns={[
              { title: '措施', dataIndex: 'measureCode', render: (v: string) => names.get(v) ?? v },
              { title: '处理情况', dataIndex: 'handling', width: 100, render: (v: string) => <Tag>{label(FEEDBACK_HANDLING_LABELS, v)}</Tag> },
              { title: '实施依据', dataIndex: 'basis', render: (v: string | undefined) => v || '—' },
              { title: '实施截止', dataIndex: 'until', width: 110, render: (v: string | undefined) => (v ? formatDate(v) : '—') },
              { title: '说明', dataIndex: 'note', render: (v: string | undefined) => v || '—' },
            ]}
          />
        )}
      </Card>
    );
  }

  const submit = (values: FeedbackFormValues) => {
    const applied: CheckFeedbackItem[] = measures.map((m, i) => {
      const item = values.items?.[i] ?? {};
      const basis = item.basis?.trim();
      const note = item.note?.trim();
      const until = item.handling === 'applied' && item.until ? item.until.format('YYYY-MM-DD') : undefined;
      return { measureCode: m.code, handling: item.handling ?? 'not_applicable', ...(basis ? { basis } : {}), ...(until ? { until } : {}), ...(note ? { note } : {}) };
    });
    save.mutate(applied);
  };

  return (
    <Card
      size="small"
      title="措施实施反馈"
      extra={row ? <FeedbackStatusTag row={row} /> : check.feedbackDue ? <Tag color="orange">待反馈</Tag> : null}
    >
      <Typography.Paragraph type="secondary">
        {check.feedbackDue ? `请于 ${formatDate(check.feedbackDue)} 前反馈各项措施的实施情况。` : '请反馈各项措施的实施情况。'}
        已实施的措施须填写实施依据；反馈提交后不可修改。
      </Typography.Paragraph>
      {save.error ? <Alert type="error" showIcon title="反馈提交失败" description={errorMessage(save.error)} style={{ marginBottom: 12 }} /> : null}
      <Form<FeedbackFormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ items: measures.map(() => ({})) }}>
        {measures.length === 0 ? (
          <Typography.Paragraph type="secondary">本次核查无适用措施，提交即确认已按正常程序办理。</Typography.Paragraph>
        ) : (
          measures.map((m, i) => (
            <Card key={m.code} size="small" type="inner" title={m.name} style={{ marginBottom: 12 }}>
              <Form.Item name={['items', i, 'handling']} label="处理情况" rules={[{ required: true, message: '请选择处理情况' }]}>
                <Radio.Group
                  options={(['applied', 'not_applied', 'not_applicable'] as const).map((h) => ({ value: h, label: FEEDBACK_HANDLING_LABELS[h] }))}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={[['items', i, 'handling']]}>
                {({ getFieldValue }) => {
                  const applied = getFieldValue(['items', i, 'handling']) === 'applied';
                  return (
                    <>
                      <Form.Item
                        name={['items', i, 'basis']}
                        label="实施依据"
                        rules={[{ required: applied, whitespace: true, message: '已实施的措施须填写实施依据' }, { max: 1000 }]}
                      >
                        <Input placeholder={applied ? '如：文件名称及条款、本部门决定文号' : '已实施时必填'} />
                      </Form.Item>
                      {applied && m.latestUntil ? (
                        <Form.Item
                          name={['items', i, 'until']}
                          label="实施截止日期"
                          extra={`不得超过清单规定的幅度：最迟至 ${formatDate(m.latestUntil)}（${m.degree}）`}
                          rules={[{ required: true, message: '有期限的措施须填写实施截止日期' }]}
                        >
                          <DatePicker disabledDate={(d) => d.isBefore(dayjs(check.checkedOn), 'day') || d.isAfter(dayjs(m.latestUntil), 'day')} />
                        </Form.Item>
                      ) : null}
                    </>
                  );
                }}
              </Form.Item>
              <Form.Item name={['items', i, 'note']} label="说明" rules={[{ max: 2000 }]} style={{ marginBottom: 0 }}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Card>
          ))
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          提交反馈
        </Button>
      </Form>
    </Card>
  );
}

/** The answer of one check: treatment, subject, listings, grade, records, measures, and the feedback. */
export function CheckResultView({
  check,
  row,
  onFeedbackSaved,
}: {
  check: CheckResult;
  row: Pick<CheckRow, 'feedback' | 'feedbackAt' | 'feedbackDue' | 'flaggedAt' | 'actorLabel' | 'createdAt'> | null;
  onFeedbackSaved?: (row: CheckRow) => void;
}) {
  const departments = useDepartmentNames();
  const matterLabel = useMatterLabel();
  const catalog = useCatalog();
  const itemNames = useMemo(() => new Map((catalog.data?.items ?? []).map((item) => [item.code, item.name])), [catalog.data]);
  const { subject, listings } = check;
  const listed = listings.own.length + listings.asResponsiblePerson.length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" className="check-result">
        <Flex gap={16} align="center" wrap>
          <TreatmentTag treatment={check.treatment} large />
          <div style={{ flex: 1, minWidth: 240 }}>
            <Typography.Text strong>处理建议</Typography.Text>
            <Typography.Paragraph style={{ margin: 0 }}>{check.reason || '—'}</Typography.Paragraph>
          </div>
        </Flex>
      </Card>

      <Card size="small" title="核查对象">
        <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label="名称">
            <Link to={`/console/subjects/${encodeURIComponent(subject.id)}`}>{subject.name}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="主体类别">{label(SUBJECT_KIND_LABELS, subject.kind)}</Descriptions.Item>
          {subject.uscc ? <Descriptions.Item label="统一社会信用代码">{subject.uscc}</Descriptions.Item> : null}
          {subject.citizenIdMasked ? <Descriptions.Item label="公民身份号码">{subject.citizenIdMasked}</Descriptions.Item> : null}
          <Descriptions.Item label="状态">{label(SUBJECT_STATUS_LABELS, subject.status)}</Descriptions.Item>
          <Descriptions.Item label="行政事项">{matterLabel(check.matterCode)}</Descriptions.Item>
          <Descriptions.Item label="查询用途">{check.purpose}</Descriptions.Item>
          {check.matterCaseId ? <Descriptions.Item label="办件编号">{check.matterCaseId}</Descriptions.Item> : null}
          <Descriptions.Item label="核查日期">{formatDate(check.checkedOn)}</Descriptions.Item>
          {row?.actorLabel ? <Descriptions.Item label="核查人">{row.actorLabel}</Descriptions.Item> : null}
        </Descriptions>
      </Card>

      <Card size="small" title={`名单情况（${listed}）`}>
        {listed === 0 ? (
          <Typography.Text type="secondary">未列入有效的信用名单。</Typography.Text>
        ) : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {listings.own.length > 0 ? (
              <div>
                <Typography.Text strong>本主体列入的名单</Typography.Text>
                <ListingsTable items={listings.own} paused={check.pausedListings ?? []} />
              </div>
            ) : null}
            {listings.asResponsiblePerson.length > 0 ? (
              <div>
                <Typography.Text strong>作为法定代表人、主要负责人或实际控制人的关联企业名单</Typography.Text>
                <ListingsTable items={listings.asResponsiblePerson} responsible paused={check.pausedListings ?? []} />
              </div>
            ) : null}
          </Space>
        )}
      </Card>

      <Card size="small" title="信用等级">
        {check.grade ? (
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
            <Descriptions.Item label="等级">
              <Tag color="blue">{check.grade.grade}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="评价体系">{check.grade.scheme || '—'}</Descriptions.Item>
            <Descriptions.Item label="评价日期">{formatDate(check.grade.ratedOn)}</Descriptions.Item>
            <Descriptions.Item label="有效期至">{formatDate(check.grade.validUntil)}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">无有效的信用评价等级。</Typography.Text>
        )}
      </Card>

      <Card size="small" title={`有效失信记录（${check.records.length}）`}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={check.records}
          scroll={{ x: 720 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近三年无有效失信记录" /> }}
          columns={[
            {
              title: '信息类别',
              dataIndex: 'itemCode',
              render: (v: string, r) => (
                <Space size={4} wrap>
                  <Link to={`/console/records/${encodeURIComponent(r.id)}`}>{itemNames.get(v) ?? v}</Link>
                  {r.underObjection ? <Tag color="purple">异议中</Tag> : null}
                </Space>
              ),
            },
            { title: '文书号', dataIndex: 'documentNumber', width: 200, render: (v: string) => v || '—' },
            { title: '决定日期', dataIndex: 'decisionDate', width: 110, render: (v: string) => formatDate(v) },
            { title: '严重程度', dataIndex: 'severity', width: 90, render: (v: string) => label(SEVERITY_LABELS, v) },
            { title: '部门', dataIndex: 'departmentId', width: 160, render: (v: string) => departments.get(v) ?? '—' },
          ]}
        />
        {check.records.some((r) => r.underObjection) ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            异议处理期间，相关记录对应的措施暂停适用。
          </Typography.Paragraph>
        ) : null}
      </Card>

      <Card size="small" title={`适用措施（${check.measures.length}）`}>
        <Table<CheckMeasure>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={check.measures}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本事项无适用的惩戒或激励措施" /> }}
          columns={[
            {
              title: '措施',
              dataIndex: 'name',
              width: 300,
              render: (v: string, r) => (
                <Space orientation="vertical" size={2}>
                  <span>
                    <Tag color={r.kind === 'sanction' ? 'red' : 'green'}>{label(MEASURE_KIND_LABELS, r.kind)}</Tag>
                    {v}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.appliesVia.map(appliesViaText).join('；')}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '法律依据', dataIndex: 'legalBasis', render: (v: CheckMeasure['legalBasis']) => <BasisList basis={v} /> },
            { title: '实施尺度', dataIndex: 'degree', width: 200, render: (v: string) => v || '—' },
          ]}
        />
      </Card>

      <FeedbackCard check={check} row={row} onSaved={onFeedbackSaved} />
    </Space>
  );
}
