import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { HistoryOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../api';
import type { CheckResult, CheckRow } from '../shared/types';
import { useMatterTypes } from './lookups';
import { CheckResultView } from './CheckResultView';
import { PageTitle } from './PageTitle';

type IdType = 'uscc' | 'citizenId' | 'name';

const ID_TYPES: { value: IdType; label: string; placeholder: string }[] = [
  { value: 'uscc', label: '统一社会信用代码', placeholder: '18 位统一社会信用代码' },
  { value: 'citizenId', label: '公民身份号码', placeholder: '18 位公民身份号码' },
  { value: 'name', label: '完整名称', placeholder: '主体的完整名称（须唯一对应一个主体）' },
];

interface CheckFormValues {
  idType: IdType;
  identifier: string;
  matterCode: string;
  matterCaseId?: string;
  purpose: string;
}

/** 信用核查: look a subject up before handling a matter, then report what was done with each measure. */
export default function ChecksPage() {
  const [form] = Form.useForm<CheckFormValues>();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<CheckRow | null>(null);
  const idType = Form.useWatch('idType', form) ?? 'uscc';
  const matterOptions = [...useMatterTypes()].map(([value, label]) => ({ value, label }));

  const run = useMutation({
    mutationFn: (v: CheckFormValues) =>
      api.post<CheckResult>('/checks', {
        subject: { [v.idType]: v.identifier.trim() },
        matterCode: v.matterCode,
        ...(v.matterCaseId?.trim() ? { matterCaseId: v.matterCaseId.trim() } : {}),
        purpose: v.purpose.trim(),
      }),
    onMutate: () => setSaved(null),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['checks'] }),
  });
  const result = run.data;
  const type = ID_TYPES.find((t) => t.value === idType) ?? ID_TYPES[0];

  return (
    <>
      <PageTitle
        title="信用核查"
        extra={
          <Link to="/console/checks/history">
            <Button icon={<HistoryOutlined />}>核查记录</Button>
          </Link>
        }
      />
      <Typography.Paragraph type="secondary">
        办理行政事项前查询主体的名单、信用等级和有效失信记录，获得处理建议和适用措施。核查按查询用途登记，公民身份号码仅显示脱敏结果。
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<CheckFormValues>
          form={form}
          layout="vertical"
          initialValues={{ idType: 'uscc' }}
          onFinish={(v) => run.mutate(v)}
          className="check-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="idType" label="核查对象标识">
                <Select
                  aria-label="核查对象标识"
                  options={ID_TYPES.map((t) => ({ value: t.value, label: t.label }))}
                  onChange={() => form.setFieldValue('identifier', '')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="identifier"
                label={type.label}
                rules={[
                  { required: true, whitespace: true, message: `请输入${type.label}` },
                  idType === 'name' ? { max: 200 } : { pattern: /^\s*[0-9A-Za-z]{18}\s*$/, message: `${type.label}应为 18 位` },
                ]}
              >
                <Input placeholder={type.placeholder} allowClear autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="matterCode" label="行政事项" rules={[{ required: true, message: '请选择行政事项' }]}>
                <Select aria-label="行政事项" placeholder="请选择行政事项" options={matterOptions} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="purpose" label="查询用途" rules={[{ required: true, whitespace: true, message: '请填写查询用途' }, { min: 2, message: '请填写查询用途' }, { max: 500 }]}>
                <Input placeholder="如：办理某项行政许可前的信用核查" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="matterCaseId" label="办件编号（可选）" rules={[{ max: 128 }]}>
                <Input placeholder="本部门业务系统的办件编号" autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} loading={run.isPending}>
              核查
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                run.reset();
                setSaved(null);
              }}
            >
              重置
            </Button>
          </Space>
        </Form>
      </Card>
      {run.error ? <Alert type="error" showIcon title="核查失败" description={errorMessage(run.error)} style={{ marginBottom: 16 }} /> : null}
      {result ? (
        <CheckResultView
          key={result.id}
          check={result}
          row={saved ?? { feedback: null, feedbackAt: null, feedbackDue: result.feedbackDue, flaggedAt: null, actorLabel: '', createdAt: '' }}
          onFeedbackSaved={setSaved}
        />
      ) : null}
    </>
  );
}
