import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../api';
import { ErrorView } from '../shared/QueryState';
import { formatDate } from '../shared/format';
import { ObjectionStateTag, type ObjectionDetail, type ObjectionPage } from './objectionShared';
import { PageTitle } from './PageTitle';
import { StatusTag } from './StatusTag';
import { useCatalog } from './useCatalog';
import { useUser } from './userContext';

interface OwnRecord {
  id: string;
  itemCode: string;
  documentNumber: string;
  decisionDate: string;
  status: string;
}

/** 我的信用记录 (a subject's account): every record about its subject, and an objection to one of them. */
export default function MyRecordsPage() {
  const user = useUser();
  const catalog = useCatalog();
  const [objecting, setObjecting] = useState<OwnRecord | null>(null);
  const records = useQuery({
    queryKey: ['my-records', user.subjectId],
    queryFn: ({ signal }) => api.get<{ items: OwnRecord[] }>('/records', { subjectId: user.subjectId }, signal),
    enabled: !!user.subjectId,
  });
  const objections = useQuery({
    queryKey: ['objections', 'mine'],
    queryFn: ({ signal }) => api.get<ObjectionPage>('/objections', { pageSize: 100 }, signal),
    enabled: !!user.subjectId,
  });
  const itemName = (code: string) => catalog.data?.items.find((item) => item.code === code)?.name ?? code;
  const latestObjection = (recordId: string) => objections.data?.items.find((objection) => objection.recordId === recordId);

  if (!user.subjectId) return <Alert type="warning" showIcon title="该账户未关联信用主体，请联系信用办" />;
  return (
    <>
      <PageTitle title="我的信用记录" />
      <Typography.Paragraph type="secondary">
        各部门报送的关于本主体的全部信用记录（含不向社会公示的）。认为记录有误的，可以提出异议：信用办在 2 个工作日内决定是否受理，
        受理后由数据提供部门在 10 个工作日内核查；核查期间该记录标注“异议中”，相关惩戒措施暂停实施。
      </Typography.Paragraph>
      <Card size="small">
        {records.error ? (
          <ErrorView error={records.error} onRetry={() => void records.refetch()} />
        ) : (
          <Table<OwnRecord>
            rowKey="id"
            size="small"
            loading={records.isFetching}
            dataSource={records.data?.items ?? []}
            locale={{ emptyText: '暂无信用记录' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: '信息类别', dataIndex: 'itemCode', render: (v: string) => itemName(v) },
              { title: '决定文书号', dataIndex: 'documentNumber' },
              { title: '决定日期', dataIndex: 'decisionDate', width: 110, render: (v: string) => formatDate(v) },
              { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <StatusTag status={v} /> },
              {
                title: '异议',
                key: 'objection',
                width: 180,
                render: (_: unknown, r) => {
                  const objection = latestObjection(r.id);
                  const open = objection && (objection.state === 'submitted' || objection.state === 'verifying');
                  if (open) return <Link to={`/console/objections/${objection.id}`}><ObjectionStateTag state={objection.state} /></Link>;
                  return (
                    <>
                      {objection ? <Link to={`/console/objections/${objection.id}`} style={{ marginInlineEnd: 8 }}><Tag>{objection.stateLabel.split('，')[0]}</Tag></Link> : null}
                      {r.status !== 'revoked' ? (
                        <Button size="small" onClick={() => setObjecting(r)}>
                          提出异议
                        </Button>
                      ) : null}
                    </>
                  );
                },
              },
            ]}
          />
        )}
      </Card>
      {objecting ? <ObjectionModal record={objecting} itemName={itemName(objecting.itemCode)} onClose={() => setObjecting(null)} /> : null}
    </>
  );
}

function ObjectionModal({ record, itemName, onClose }: { record: OwnRecord; itemName: string; onClose: () => void }) {
  const [form] = Form.useForm<{ reasons: string; evidence?: string }>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const submit = useMutation({
    mutationFn: (values: { reasons: string; evidence?: string }) =>
      api.post<ObjectionDetail>('/objections', { recordId: record.id, reasons: values.reasons.trim(), evidence: values.evidence?.trim() || undefined }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['objections'] });
      message.success('异议已提交，请留意受理结果');
      onClose();
      navigate(`/console/objections/${created.id}`);
    },
  });
  return (
    <Modal open title={`对“${itemName} ${record.documentNumber}”提出异议`} okText="提交异议" cancelText="取消" confirmLoading={submit.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {submit.error ? <Alert type="error" showIcon title={errorMessage(submit.error)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => submit.mutate(values)}>
        <Form.Item name="reasons" label="异议理由（认为有误的内容及依据）" rules={[{ required: true, min: 4, message: '请填写异议理由（至少 4 个字）' }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="evidence" label="证明材料说明" extra="如复议决定书、判决书、已履行的凭证等的名称和文号">
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
