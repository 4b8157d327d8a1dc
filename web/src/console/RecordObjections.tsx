import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../api';
import { formatDate } from '../shared/format';
import { CHANNEL_LABELS, ObjectionStateTag, type ObjectionDetail, type ObjectionPage, type ObjectionState, type ObjectionSummary } from './objectionShared';
import { useUser } from './userContext';

/** The objections to one record, and (credit office) registering one received at the counter, by letter or phone. */
export function RecordObjections({ recordId, revoked }: { recordId: string; revoked: boolean }) {
  const user = useUser();
  const [registering, setRegistering] = useState(false);
  const objections = useQuery({
    queryKey: ['objections', 'record', recordId],
    queryFn: ({ signal }) => api.get<ObjectionPage>('/objections', { recordId, pageSize: 100 }, signal),
  });
  const open = (objections.data?.items ?? []).some((o) => o.state === 'submitted' || o.state === 'verifying');
  return (
    <Card
      size="small"
      title="异议"
      extra={
        user.role === 'office_admin' && !revoked && !open ? (
          <Button size="small" onClick={() => setRegistering(true)}>
            登记异议
          </Button>
        ) : null
      }
    >
      {objections.error ? (
        <Alert type="error" showIcon title={errorMessage(objections.error)} />
      ) : (
        <Table<ObjectionSummary>
          rowKey="id"
          size="small"
          loading={objections.isFetching}
          dataSource={objections.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '该记录没有异议申请' }}
          columns={[
            { title: '提出日期', dataIndex: 'submittedOn', width: 110, render: (v: string, r) => <Link to={`/console/objections/${r.id}`}>{formatDate(v)}</Link> },
            { title: '申请人', key: 'applicant', width: 200, render: (_: unknown, r) => `${r.applicant.name}（${CHANNEL_LABELS[r.applicant.channel] ?? r.applicant.channel}）` },
            { title: '异议理由', dataIndex: 'reasons', ellipsis: true },
            { title: '状态', dataIndex: 'state', width: 110, render: (v: ObjectionState) => <ObjectionStateTag state={v} /> },
          ]}
        />
      )}
      {registering ? <RegisterModal recordId={recordId} onClose={() => setRegistering(false)} /> : null}
    </Card>
  );
}

interface RegisterValues {
  applicantName: string;
  channel: string;
  reasons: string;
  evidence?: string;
}

function RegisterModal({ recordId, onClose }: { recordId: string; onClose: () => void }) {
  const [form] = Form.useForm<RegisterValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const register = useMutation({
    mutationFn: (values: RegisterValues) =>
      api.post<ObjectionDetail>('/objections', { recordId, applicantName: values.applicantName.trim(), channel: values.channel, reasons: values.reasons.trim(), evidence: values.evidence?.trim() || undefined }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['objections'] });
      message.success('已登记异议申请，请在受理期限内决定是否受理');
      onClose();
      navigate(`/console/objections/${created.id}`);
    },
  });
  return (
    <Modal open title="登记异议申请" okText="登记" cancelText="取消" confirmLoading={register.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {register.error ? <Alert type="error" showIcon title={errorMessage(register.error)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ channel: 'counter' }} onFinish={(values) => register.mutate(values)}>
        <Form.Item name="applicantName" label="申请人姓名或名称" rules={[{ required: true, min: 2, message: '请填写申请人姓名或名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="channel" label="受理渠道">
          <Select options={['counter', 'letter', 'phone', 'forwarded'].map((value) => ({ value, label: CHANNEL_LABELS[value] }))} />
        </Form.Item>
        <Form.Item name="reasons" label="异议理由（认为有误的内容及依据）" rules={[{ required: true, min: 4, message: '请填写异议理由（至少 4 个字）' }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="evidence" label="证明材料说明">
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
