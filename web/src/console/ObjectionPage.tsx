import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, errorMessage } from '../api';
import { QueryState } from '../shared/QueryState';
import { formatDate, formatDateTime } from '../shared/format';
import { CHANNEL_LABELS, OBJECTION_STATE_LABELS, OUTCOME_ACTION_LABELS, ObjectionStateTag, type ObjectionAction, type ObjectionDetail, type ObjectionState } from './objectionShared';
import { PageTitle } from './PageTitle';
import { canSee } from './access';
import { useUser } from './userContext';

const ACTIONS: { action: ObjectionAction; label: string; path: string; danger?: boolean; primary?: boolean }[] = [
  { action: 'accept', label: '受理并转部门核查', path: 'accept', primary: true },
  { action: 'conclude', label: '作出核查结论', path: 'conclude', primary: true },
  { action: 'extend', label: '延长核查期限', path: 'extend' },
  { action: 'not_accept', label: '不予受理', path: 'not-accept', danger: true },
  { action: 'withdraw', label: '撤回异议', path: 'withdraw', danger: true },
];

/** One objection: the record objected to, the applicant's reasons, the procedure so far and the next steps. */
export default function ObjectionPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const objection = useQuery({
    queryKey: ['objection', id],
    queryFn: ({ signal }) => api.get<ObjectionDetail>(`/objections/${encodeURIComponent(id)}`, undefined, signal),
  });
  return (
    <>
      <PageTitle
        title="异议详情"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/objections')}>
            返回异议处理
          </Button>
        }
      />
      <QueryState query={objection}>{(detail) => <ObjectionView detail={detail} />}</QueryState>
    </>
  );
}

function ObjectionView({ detail }: { detail: ObjectionDetail }) {
  const [action, setAction] = useState<ObjectionAction | null>(null);
  const canOpenRecords = canSee(useUser().role, 'records');
  const actions = ACTIONS.filter((a) => detail.allowedActions.includes(a.action));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {detail.state === 'verifying' ? (
        <Alert type="warning" showIcon title="该信用记录处于异议核查中" description="核查期间记录标注为“异议处理中”，依据该记录的惩戒措施（及以其为认定依据的名单的措施）暂停实施。" />
      ) : null}
      <Card
        size="small"
        title={
          <Space>
            <span>{detail.subjectName}</span>
            <ObjectionStateTag state={detail.state} />
            {detail.overdue ? <Tag color="red">已超期</Tag> : null}
          </Space>
        }
        extra={
          <Space wrap>
            {actions.map((a) => (
              <Button key={a.action} type={a.primary ? 'primary' : 'default'} danger={a.danger} onClick={() => setAction(a.action)}>
                {a.label}
              </Button>
            ))}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label="信用记录">
            {canOpenRecords ? (
              <Link to={`/console/records/${detail.recordId}`}>
                {detail.record.itemName} {detail.record.documentNumber}
              </Link>
            ) : (
              `${detail.record.itemName} ${detail.record.documentNumber}`
            )}
            {detail.record.status === 'revoked' ? <Tag style={{ marginInlineStart: 8 }}>已撤销</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label="数据提供部门">{detail.record.departmentName}</Descriptions.Item>
          <Descriptions.Item label="决定日期">{formatDate(detail.record.decisionDate)}</Descriptions.Item>
          <Descriptions.Item label="异议针对的版本">
            第 {detail.recordVersion} 版（现为第 {detail.record.currentVersion} 版）
          </Descriptions.Item>
          <Descriptions.Item label="申请人">
            {detail.applicant.name}（{CHANNEL_LABELS[detail.applicant.channel] ?? detail.applicant.channel}）
          </Descriptions.Item>
          <Descriptions.Item label="提出日期">{formatDate(detail.submittedOn)}</Descriptions.Item>
          <Descriptions.Item label="异议理由" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{detail.reasons}</Typography.Paragraph>
          </Descriptions.Item>
          {detail.evidence ? (
            <Descriptions.Item label="证明材料" span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{detail.evidence}</Typography.Paragraph>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label="受理期限">{formatDate(detail.acceptDue)}</Descriptions.Item>
          <Descriptions.Item label="核查期限">
            {detail.verifyDue ? formatDate(detail.verifyDue) : '—'}
            {detail.extension ? `（已延长 ${detail.extension.workingDays} 个工作日，原为 ${formatDate(detail.extension.previousDue)}）` : ''}
          </Descriptions.Item>
          {detail.acceptance && !detail.acceptance.accepted ? (
            <Descriptions.Item label="不予受理理由" span={2}>
              {detail.acceptance.reason}
            </Descriptions.Item>
          ) : null}
          {detail.outcome ? (
            <Descriptions.Item label="核查结论" span={2}>
              <Space orientation="vertical" size={2}>
                <span>
                  {OBJECTION_STATE_LABELS[detail.outcome.result as ObjectionState] ?? detail.outcome.result}
                  {detail.outcome.action ? `，${OUTCOME_ACTION_LABELS[detail.outcome.action] ?? detail.outcome.action}（第 ${detail.outcome.recordVersion} 版）` : ''}（{formatDate(detail.outcome.on)}）
                </span>
                <Typography.Text type="secondary">{detail.outcome.explanation}</Typography.Text>
              </Space>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card size="small" title="办理过程">
        <Timeline
          items={detail.events.map((event) => ({
            key: event.seq,
            content: (
              <Space orientation="vertical" size={0}>
                <span>
                  {OBJECTION_STATE_LABELS[event.toState as ObjectionState] ?? event.toState}
                  {event.fromState === event.toState ? '（延长核查期限）' : ''}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(event.at)} · {event.actor}
                  {typeof event.payload?.reason === 'string' ? ` · ${event.payload.reason}` : ''}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      </Card>
      {action ? <ActionModal detail={detail} action={action} onClose={() => setAction(null)} /> : null}
    </Space>
  );
}

interface StepValues {
  note?: string;
  reason?: string;
  workingDays?: number;
  result?: 'upheld' | 'dismissed' | 'undetermined';
  recordAction?: 'corrected' | 'revoked';
  explanation?: string;
}

function bodyOf(action: ObjectionAction, values: StepValues): object {
  switch (action) {
    case 'accept':
      return { note: values.note?.trim() || undefined };
    case 'not_accept':
      return { reason: values.reason?.trim() ?? '' };
    case 'extend':
      return { reason: values.reason?.trim() ?? '', workingDays: values.workingDays };
    case 'conclude':
      return { result: values.result, explanation: values.explanation?.trim() ?? '', ...(values.result === 'upheld' ? { action: values.recordAction } : {}) };
    case 'withdraw':
      return { reason: values.reason?.trim() || undefined };
  }
}

function ActionModal({ detail, action, onClose }: { detail: ObjectionDetail; action: ObjectionAction; onClose: () => void }) {
  const [form] = Form.useForm<StepValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const spec = ACTIONS.find((a) => a.action === action)!;
  const result = Form.useWatch('result', form);
  const step = useMutation({
    mutationFn: (values: StepValues) => api.post<ObjectionDetail>(`/objections/${encodeURIComponent(detail.id)}/${spec.path}`, bodyOf(action, values)),
    onSuccess: (updated) => {
      queryClient.setQueryData(['objection', detail.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['objections'] });
      message.success(`已办理：${spec.label}`);
      onClose();
    },
  });
  return (
    <Modal open title={spec.label} okText="确认办理" cancelText="取消" confirmLoading={step.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {step.error ? <Alert type="error" showIcon title={errorMessage(step.error)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => step.mutate(values)} initialValues={{ workingDays: 5, result: 'dismissed', recordAction: 'corrected' }}>
        {action === 'accept' ? (
          <>
            <Typography.Paragraph type="secondary">受理后转数据提供部门核查，核查期限按工作日计算；核查期间该记录的惩戒措施暂停。</Typography.Paragraph>
            <Form.Item name="note" label="受理意见">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        ) : null}
        {action === 'not_accept' || action === 'extend' || action === 'withdraw' ? (
          <Form.Item name="reason" label={action === 'not_accept' ? '不予受理的理由（将告知申请人）' : action === 'extend' ? '延期理由' : '撤回理由'} rules={action === 'withdraw' ? [] : [{ required: true, min: 4, message: '请填写理由（至少 4 个字）' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {action === 'extend' ? (
          <Form.Item name="workingDays" label="延长的工作日数" rules={[{ required: true, message: '请填写延长的工作日数' }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
        ) : null}
        {action === 'conclude' ? (
          <>
            <Form.Item name="result" label="核查结论" rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: 'upheld', label: '异议成立' },
                  { value: 'dismissed', label: '异议不成立' },
                  { value: 'undetermined', label: '无法核实' },
                ]}
              />
            </Form.Item>
            {result === 'upheld' ? (
              <Form.Item name="recordAction" label="处理方式" extra="“已更正”须先通过数据报送或接口提交该记录的更正版本（说明原因）；“撤销记录”将在本步骤中撤销该记录。" rules={[{ required: true }]}>
                <Radio.Group
                  options={[
                    { value: 'corrected', label: '已更正记录' },
                    { value: 'revoked', label: '撤销记录' },
                  ]}
                />
              </Form.Item>
            ) : null}
            <Form.Item name="explanation" label="核查情况说明" rules={[{ required: true, min: 4, message: '请填写核查情况（至少 4 个字）' }]}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
