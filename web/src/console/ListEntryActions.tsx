import type { ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Space, Switch, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorMessage } from '../api';
import type { EntryAction, ListEntryDetail, ListKind, RemovalReason } from '../shared/types';
import { BAN_SECTORS, ENTRY_ACTION_LABELS, REMOVAL_REASON_LABELS, label } from '../shared/labels';
import { formatDate } from '../shared/format';
import { chinaToday } from './CheckResultView';

/** The order the console offers the steps in; the server decides which of them the user may take. */
export const ACTION_ORDER: EntryAction[] = ['serve_notice', 'record_statement', 'expire_statement', 'decide', 'publish', 'reject', 'remove', 'withdraw'];

const ACTION_PATHS: Record<EntryAction, string> = {
  serve_notice: 'notice',
  record_statement: 'statement',
  expire_statement: 'statement-expiry',
  decide: 'decision',
  reject: 'rejection',
  publish: 'publication',
  remove: 'removal',
  withdraw: 'withdrawal',
};

const DANGER: ReadonlySet<EntryAction> = new Set(['reject', 'remove', 'withdraw']);
const PRIMARY: ReadonlySet<EntryAction> = new Set(['serve_notice', 'decide', 'publish']);

/** Why a step offered by the server would still be refused today (its date condition), or null. */
export function dateBlock(action: EntryAction, entry: ListEntryDetail, today = chinaToday()): string | null {
  if (action === 'expire_statement' && entry.notice && today <= entry.notice.statement_deadline) {
    return `陈述申辩期限至 ${entry.notice.statement_deadline}，期满后方可登记期满未提出`;
  }
  if (action === 'record_statement' && entry.notice && today > entry.notice.statement_deadline) {
    return `陈述申辩期限已于 ${entry.notice.statement_deadline} 届满，请登记期满未提出`;
  }
  return null;
}

interface ActionValues {
  text?: string;
  reason?: string;
  documentNumber?: string;
  measureHints?: string;
  banOn?: boolean;
  banSector?: string;
  banUntil?: Dayjs;
  removalReason?: RemovalReason;
  basis?: string;
  removalDocumentNumber?: string;
  removalDocumentName?: string;
}

function bodyOf(action: EntryAction, v: ActionValues): Record<string, unknown> {
  switch (action) {
    case 'record_statement':
      return { text: (v.text ?? '').trim() };
    case 'decide':
      return {
        documentNumber: (v.documentNumber ?? '').trim(),
        ...(v.measureHints?.trim() ? { measureHints: v.measureHints.trim() } : {}),
        ...(v.banOn && v.banSector && v.banUntil ? { ban: { sector: v.banSector, until: v.banUntil.format('YYYY-MM-DD') } } : {}),
      };
    case 'reject':
    case 'withdraw':
      return { reason: (v.reason ?? '').trim() };
    case 'remove': {
      const reason = v.removalReason ?? 'error';
      if (reason === 'expired') return { reason };
      return {
        reason,
        basis: (v.basis ?? '').trim(),
        document: { number: (v.removalDocumentNumber ?? '').trim(), name: (v.removalDocumentName ?? '').trim() },
      };
    }
    default:
      return {};
  }
}

/** The buttons of the steps the server says the user may take now. */
export function ActionButtons({ entry, onPick }: { entry: ListEntryDetail; onPick: (action: EntryAction) => void }) {
  const actions = ACTION_ORDER.filter((a) => entry.allowedActions.includes(a));
  return (
    <Space wrap>
      {actions.map((a) => {
        const blocked = dateBlock(a, entry);
        const button = (
          <Button
            key={a}
            type={PRIMARY.has(a) ? 'primary' : 'default'}
            danger={DANGER.has(a)}
            disabled={blocked !== null}
            onClick={() => onPick(a)}
            className={`list-action-${a}`}
          >
            {label(ENTRY_ACTION_LABELS, a)}
          </Button>
        );
        return blocked ? (
          <Tooltip key={a} title={blocked}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
    </Space>
  );
}

/** The form of one step, in a modal; the server's refusal is shown as its Chinese message. */
export function ActionModal({
  action,
  entry,
  kind,
  publishDue,
  onClose,
}: {
  action: EntryAction | null;
  entry: ListEntryDetail;
  kind: ListKind | undefined;
  publishDue: string | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ActionValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const today = chinaToday();
  const run = useMutation({
    mutationFn: ({ act, values }: { act: EntryAction; values: ActionValues }) =>
      api.post<ListEntryDetail>(`/lists/entries/${encodeURIComponent(entry.id)}/${ACTION_PATHS[act]}`, bodyOf(act, values)),
    onSuccess: (updated, { act }) => {
      message.success(`已办理：${label(ENTRY_ACTION_LABELS, act)}`);
      queryClient.setQueryData(['list-entry', updated.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['list-entries'] });
      onClose();
    },
  });
  const banOn = Form.useWatch('banOn', form);
  const removalReason = Form.useWatch('removalReason', form) ?? 'error';
  const expiredAllowed = entry.state === 'published' && !!entry.validUntil && today > entry.validUntil;
  const validUntilPreview = dayjs(today).add(kind?.validityMonths ?? 0, 'month').format('YYYY-MM-DD');

  let intro: ReactNode = null;
  let fields: ReactNode = null;
  switch (action) {
    case 'serve_notice':
      intro = `将生成《${kind?.name ?? '名单'}认定事先告知书》并登记今日（${today}）送达。当事人自送达之日起 ${kind?.statementWorkingDays ?? '—'} 个工作日内可以陈述、申辩，截止日期由平台按工作日历计算。请在送达当事人后办理。`;
      break;
    case 'record_statement':
      intro = `登记当事人在期限内（至 ${formatDate(entry.notice?.statement_deadline)}）提出的陈述、申辩意见，收到日期为今日（${today}）。登记后审核人应在 ${kind?.decisionWorkingDays ?? '—'} 个工作日内作出决定。`;
      fields = (
        <Form.Item name="text" label="陈述申辩内容（或摘要）" rules={[{ required: true, whitespace: true, message: '请填写陈述申辩内容' }, { min: 2, message: '请填写陈述申辩内容' }]}>
          <Input.TextArea rows={6} showCount maxLength={20000} />
        </Form.Item>
      );
      break;
    case 'expire_statement':
      intro = `当事人在陈述申辩期限（至 ${formatDate(entry.notice?.statement_deadline)}）内未提出意见，登记为期满未提出。登记后审核人应在 ${kind?.decisionWorkingDays ?? '—'} 个工作日内作出决定。`;
      break;
    case 'decide':
      intro = `作出认定决定并生成《${kind?.name ?? '名单'}认定决定书》，决定日期为今日（${today}），名单有效期 ${kind?.validityMonths ?? '—'} 个月（至 ${validUntilPreview}）。认定申请的经办人不能作出决定。`;
      fields = (
        <>
          <Form.Item name="documentNumber" label="认定决定书文号" rules={[{ required: true, whitespace: true, message: '请填写认定决定书文号' }, { max: 100 }]}>
            <Input placeholder="如：示市监信认〔2026〕1号" autoComplete="off" />
          </Form.Item>
          <Form.Item name="measureHints" label="措施提示（写入决定书）" extra="默认取名单类型的措施说明，可按本案情况修改。" rules={[{ max: 5000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          {kind?.kind === 'sanction' ? (
            <>
              <Form.Item name="banOn" label="市场和行业禁入" valuePropName="checked">
                <Switch checkedChildren="实施" unCheckedChildren="不实施" />
              </Form.Item>
              {banOn ? (
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item name="banSector" label="重点领域" rules={[{ required: true, message: '请选择禁入领域' }]}>
                      <Select aria-label="重点领域" options={BAN_SECTORS.map((s) => ({ value: s, label: s }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name="banUntil" label="禁入期限至" rules={[{ required: true, message: '请选择禁入期限' }]} extra={`不能超过名单有效期（${validUntilPreview}）`}>
                      <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(today), 'day')} />
                    </Form.Item>
                  </Col>
                </Row>
              ) : null}
            </>
          ) : null}
        </>
      );
      break;
    case 'reject':
      intro = '不予认定，程序结束。认定申请的经办人不能办理。';
      fields = (
        <Form.Item name="reason" label="不予认定的理由" rules={[{ required: true, whitespace: true, message: '请填写不予认定的理由' }, { min: 2, message: '请填写不予认定的理由' }]}>
          <Input.TextArea rows={4} showCount maxLength={5000} />
        </Form.Item>
      );
      break;
    case 'publish':
      intro = `在门户公示认定结果（${kind?.kind === 'watch' ? '重点关注名单仅在政府部门间共享，不向社会公开' : '进入公开名单'}）。认定决定后应在 7 个工作日内公示${publishDue ? `，即 ${publishDue} 前` : ''}。`;
      break;
    case 'remove':
      intro = '移出名单，程序结束。有效期届满可直接移出；信用修复、撤销认定或认定错误须载明依据和移出（撤销）决定文书。';
      fields = (
        <>
          <Form.Item name="removalReason" label="移出原因" rules={[{ required: true, message: '请选择移出原因' }]}>
            <Radio.Group
              options={(['expired', 'repaired', 'revoked', 'error'] as const).map((r) => ({
                value: r,
                label: REMOVAL_REASON_LABELS[r],
                disabled: r === 'expired' && !expiredAllowed,
              }))}
            />
          </Form.Item>
          {!expiredAllowed ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
              {entry.validUntil ? `名单有效期至 ${entry.validUntil}，届满前不能以“有效期届满”移出。` : '尚未公示的认定不能以“有效期届满”移出。'}
            </Typography.Paragraph>
          ) : null}
          {removalReason !== 'expired' ? (
            <>
              <Form.Item name="basis" label="移出依据" rules={[{ required: true, whitespace: true, message: '请填写移出依据' }, { min: 2, message: '请填写移出依据' }]}>
                <Input.TextArea rows={3} maxLength={5000} placeholder="如：当事人已履行法定义务并完成信用修复；复议决定撤销原处罚决定" />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="removalDocumentName" label="决定文书名称" rules={[{ required: true, whitespace: true, message: '请填写文书名称' }]}>
                    <Input placeholder="如：撤销认定决定书" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="removalDocumentNumber" label="文号" rules={[{ required: true, whitespace: true, message: '请填写文号' }]}>
                    <Input placeholder="如：示市监信撤〔2026〕1号" />
                  </Form.Item>
                </Col>
              </Row>
            </>
          ) : null}
        </>
      );
      break;
    case 'withdraw':
      intro = '撤回本部门提出的认定申请，程序结束（仅提出申请的经办人可在作出决定前撤回）。';
      fields = (
        <Form.Item name="reason" label="撤回理由" rules={[{ required: true, whitespace: true, message: '请填写撤回理由' }, { min: 2, message: '请填写撤回理由' }]}>
          <Input.TextArea rows={4} showCount maxLength={5000} />
        </Form.Item>
      );
      break;
    default:
      break;
  }

  return (
    <Modal
      open={action !== null}
      title={action ? label(ENTRY_ACTION_LABELS, action) : ''}
      okText={action ? `确认${label(ENTRY_ACTION_LABELS, action)}` : '确认'}
      okButtonProps={{ danger: action ? DANGER.has(action) : false }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      destroyOnHidden
      afterClose={() => run.reset()}
      width={640}
    >
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      <Form<ActionValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ measureHints: kind?.description ?? '', removalReason: expiredAllowed ? 'expired' : 'error', banOn: false }}
        onFinish={(values) => action && run.mutate({ act: action, values })}
      >
        {fields}
      </Form>
      {run.error ? <Alert type="error" showIcon title="办理未成功" description={errorMessage(run.error)} style={{ marginTop: 8 }} /> : null}
    </Modal>
  );
}
