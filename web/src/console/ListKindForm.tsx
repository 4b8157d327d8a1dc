import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorMessage } from '../api';
import { EditDrawer } from './EditDrawer';
import { LegalBasisList } from './LegalBasisList';
import type { LegalBasis, ListKind, ListKindKind, ListScope } from '../shared/types';
import { LIST_KIND_KIND_LABELS, LIST_SCOPE_LABELS } from '../shared/labels';
import { LIST_KINDS_QUERY_KEY } from './listShared';

interface FormValues {
  code: string;
  name: string;
  scope: ListScope;
  kind: ListKindKind;
  legalBasis: LegalBasis[];
  criteria: string;
  description?: string;
  validityMonths: number;
  statementWorkingDays: number;
  decisionWorkingDays: number;
  removalConditions: string;
  removalProcedure: string;
  remedies: string;
  localRegulationDocument?: string;
  localRegulationArticle?: string;
  commentPeriod?: [Dayjs, Dayjs];
  commentUrl?: string;
  commentSummary?: string;
}

function toFormValues(kind: ListKind | null): Partial<FormValues> {
  if (!kind) {
    return { scope: 'local', kind: 'sanction', legalBasis: [{ document: '', article: '' }], validityMonths: 36, statementWorkingDays: 5, decisionWorkingDays: 15 };
  }
  return {
    code: kind.code,
    name: kind.name,
    scope: kind.scope,
    kind: kind.kind,
    legalBasis: kind.legalBasis.length ? kind.legalBasis : [{ document: '', article: '' }],
    criteria: kind.criteria,
    description: kind.description,
    validityMonths: kind.validityMonths,
    statementWorkingDays: kind.statementWorkingDays,
    decisionWorkingDays: kind.decisionWorkingDays,
    removalConditions: kind.removalConditions,
    removalProcedure: kind.removalProcedure,
    remedies: kind.remedies,
    localRegulationDocument: kind.localRegulation?.document,
    localRegulationArticle: kind.localRegulation?.article,
    commentPeriod: kind.publicComment ? [dayjs(kind.publicComment.from), dayjs(kind.publicComment.to)] : undefined,
    commentUrl: kind.publicComment?.url,
    commentSummary: kind.publicComment?.summary,
  };
}

function toBody(v: FormValues, creating: boolean): Record<string, unknown> {
  const local = v.scope === 'local';
  const body: Record<string, unknown> = {
    name: v.name.trim(),
    kind: v.kind,
    legalBasis: (v.legalBasis ?? [])
      .filter((b) => b?.document?.trim())
      .map((b) => (b.article?.trim() ? { document: b.document.trim(), article: b.article.trim() } : { document: b.document.trim() })),
    criteria: v.criteria.trim(),
    description: (v.description ?? '').trim(),
    validityMonths: v.validityMonths,
    statementWorkingDays: v.statementWorkingDays,
    decisionWorkingDays: v.decisionWorkingDays,
    removalConditions: v.removalConditions.trim(),
    removalProcedure: v.removalProcedure.trim(),
    remedies: v.remedies.trim(),
    localRegulation: local && v.localRegulationDocument?.trim()
      ? { document: v.localRegulationDocument.trim(), ...(v.localRegulationArticle?.trim() ? { article: v.localRegulationArticle.trim() } : {}) }
      : null,
    publicComment:
      local && v.commentPeriod && v.commentUrl?.trim() && v.commentSummary?.trim()
        ? { from: v.commentPeriod[0].format('YYYY-MM-DD'), to: v.commentPeriod[1].format('YYYY-MM-DD'), url: v.commentUrl.trim(), summary: v.commentSummary.trim() }
        : null,
  };
  if (creating) {
    body.code = v.code.trim();
    body.scope = v.scope;
  }
  return body;
}

/** Add (kind = null) or edit a list kind's designation standard (信用办). The server checks the rules. */
export function ListKindForm({ open, kind, onClose }: { open: boolean; kind: ListKind | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const creating = kind === null;
  const scope = Form.useWatch('scope', form);
  const period = Form.useWatch('commentPeriod', form);
  const periodDays = period?.[0] && period?.[1] ? period[1].diff(period[0], 'day') : null;

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(toFormValues(kind) as FormValues);
    }
  }, [open, kind, form]);

  const save = useMutation({
    mutationFn: (v: FormValues) =>
      creating ? api.post<ListKind>('/lists/kinds', toBody(v, true)) : api.patch<ListKind>(`/lists/kinds/${encodeURIComponent(kind.code)}`, toBody(v, false)),
    onSuccess: (saved) => {
      message.success(creating ? `已新增名单类型：${saved.name}` : `已保存认定标准：${saved.name}`);
      void queryClient.invalidateQueries({ queryKey: LIST_KINDS_QUERY_KEY });
      onClose();
    },
    // braces: message.error returns a thenable the mutation would await until the toast closes (button stays loading)
    onError: (err) => {
      message.error(errorMessage(err));
    },
  });

  const text = (name: keyof FormValues, title: string, rows = 3, placeholder?: string) => (
    <Form.Item name={name} label={title} rules={[{ required: true, whitespace: true, message: `请填写${title}` }, { max: 5000 }]}>
      <Input.TextArea rows={rows} placeholder={placeholder} />
    </Form.Item>
  );

  return (
    <EditDrawer title={creating ? '新增名单类型' : `编辑认定标准：${kind.name}`} open={open} onClose={onClose} width={900} saving={save.isPending} onSave={() => form.submit()} onClosed={() => save.reset()}>
      {save.error ? <Alert type="error" showIcon title="未能保存" description={errorMessage(save.error)} style={{ marginBottom: 16 }} className="list-kind-form-error" /> : null}
      <Typography.Paragraph type="secondary">
        名单认定标准须载明认定依据、认定标准、有效期、移出条件和程序及救济措施。仅在本地实施的名单须有地方性法规依据，并经不少于 30 日的公开征求意见。修改认定标准不影响已作出的认定。
      </Typography.Paragraph>
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} scrollToFirstError className="list-kind-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label="名单类型代码"
              rules={[
                { required: true, message: '请输入名单类型代码' },
                { pattern: /^[a-z][a-z0-9_]{1,63}$/, message: '小写字母开头的字母、数字、下划线（2–64 位）' },
              ]}
            >
              <Input disabled={!creating} placeholder="如 local_food_safety" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="名单名称" rules={[{ required: true, whitespace: true, message: '请输入名单名称' }, { max: 100 }]}>
              <Input placeholder="如 食品安全严重违法生产经营者黑名单" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="scope" label="适用范围" rules={[{ required: true }]} extra={creating ? undefined : '适用范围在新增后不能修改'}>
              <Radio.Group disabled={!creating} options={Object.entries(LIST_SCOPE_LABELS).map(([value, l]) => ({ value, label: l }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label="名单性质" rules={[{ required: true }]}>
              <Radio.Group options={Object.entries(LIST_KIND_KIND_LABELS).map(([value, l]) => ({ value, label: l }))} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">认定依据</Divider>
        <LegalBasisList noun="认定依据" documentPlaceholder="法律、行政法规、党中央国务院政策文件或部门规章名称（含文号）" articlePlaceholder="条款，如第十二条" />

        {scope === 'local' ? (
          <>
            <Divider titlePlacement="start">地方性法规依据和公开征求意见（本地名单必填）</Divider>
            <Row gutter={8}>
              <Col flex="auto">
                <Form.Item name="localRegulationDocument" label="地方性法规名称">
                  <Input placeholder="如《示范市社会信用条例》" />
                </Form.Item>
              </Col>
              <Col flex="160px">
                <Form.Item name="localRegulationArticle" label="条款">
                  <Input placeholder="如第二十条" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="commentPeriod"
                  label="征求意见期间"
                  extra={periodDays !== null ? `共 ${periodDays} 日（不少于 30 日）` : '起止日期，不少于 30 日'}
                >
                  <DatePicker.RangePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="commentUrl" label="征求意见公告网址">
                  <Input placeholder="https://" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="commentSummary" label="征求意见情况">
                  <Input.TextArea rows={2} placeholder="收到意见的数量、采纳情况等" />
                </Form.Item>
              </Col>
            </Row>
          </>
        ) : null}

        <Divider titlePlacement="start">认定标准</Divider>
        {text('criteria', '认定标准', 4, '列入名单的具体情形')}
        <Form.Item name="description" label="措施提示（写入认定决定书）" rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} placeholder="列入名单后依照措施清单实施的惩戒、激励或监管措施" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="validityMonths" label="名单有效期（月）" rules={[{ required: true, message: '请填写有效期' }]}>
              <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="statementWorkingDays" label="陈述申辩期限（工作日）" rules={[{ required: true, message: '请填写期限' }]}>
              <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="decisionWorkingDays" label="作出决定期限（工作日）" rules={[{ required: true, message: '请填写期限' }]}>
              <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {text('removalConditions', '移出条件')}
        {text('removalProcedure', '移出程序')}
        {text('remedies', '救济措施')}
      </Form>
    </EditDrawer>
  );
}
