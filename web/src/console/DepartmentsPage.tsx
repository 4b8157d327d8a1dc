import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../api';
import type { Department, Region } from '../shared/types';
import { ErrorView } from '../shared/QueryState';
import { DEPARTMENT_KIND_LABELS, label } from '../shared/labels';
import { PageTitle } from './PageTitle';
import { useUser } from './userContext';

interface NewDepartment {
  code: string;
  name: string;
  regionCode: string;
  uscc?: string;
}

export default function DepartmentsPage() {
  const user = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewDepartment>();

  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => api.get<{ items: Department[] }>('/departments', undefined, signal),
  });

  const regions = useQuery({
    queryKey: ['regions'],
    queryFn: ({ signal }) => api.get<{ items: Region[] }>('/regions', undefined, signal),
    staleTime: Infinity,
  });
  const regionOptions = (regions.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }));

  const create = useMutation({
    mutationFn: (values: NewDepartment) => api.post<Department>('/departments', values),
    onSuccess: () => {
      message.success('部门已创建');
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['departments'] });
    },
    // braces: message.error returns a thenable the mutation would await until the toast closes (button stays loading)
    onError: (err) => {
      message.error(errorMessage(err));
    },
  });

  return (
    <>
      <PageTitle
        title="部门管理"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => { create.reset(); setOpen(true); }}>
            新建部门
          </Button>
        }
      />
      <Card size="small">
        {departments.error ? (
          <ErrorView error={departments.error} onRetry={() => void departments.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            loading={departments.isPending}
            dataSource={departments.data?.items ?? []}
            scroll={{ x: 720 }}
            locale={{ emptyText: '暂无数据' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个` }}
            columns={[
              { title: '部门编码', dataIndex: 'code', width: 140 },
              { title: '部门名称', dataIndex: 'name' },
              {
                title: '行政区划',
                key: 'region',
                width: 200,
                render: (_: unknown, d) => (d.regionName ? `${d.regionName}（${d.regionCode}）` : d.regionCode || '—'),
              },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 160,
                render: (v: string) => <Tag color={v === 'credit_office' ? 'red' : 'blue'}>{label(DEPARTMENT_KIND_LABELS, v)}</Tag>,
              },
              { title: '用户数', dataIndex: 'userCount', width: 90, align: 'right' },
            ]}
          />
        )}
      </Card>
      <Modal
        title="新建部门"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="创建"
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        {create.error ? <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} /> : null}
        <Form<NewDepartment>
          form={form}
          layout="vertical"
          initialValues={{ regionCode: user.regionCode }}
          onFinish={(v) =>
            create.mutate({
              code: v.code.trim(),
              name: v.name.trim(),
              regionCode: v.regionCode.trim(),
              ...(v.uscc?.trim() ? { uscc: v.uscc.trim().toUpperCase() } : {}),
            })
          }
        >
          <Form.Item
            name="code"
            label="部门编码"
            rules={[
              { required: true, whitespace: true, message: '请输入部门编码' },
              { pattern: /^[A-Za-z0-9_-]{2,32}$/, message: '2–32 位字母、数字、下划线或连字符' },
            ]}
          >
            <Input placeholder="如 market_regulation" />
          </Form.Item>
          <Form.Item
            name="name"
            label="部门名称"
            rules={[
              { required: true, whitespace: true, message: '请输入部门名称' },
              { min: 2, message: '部门名称至少 2 个字' },
            ]}
          >
            <Input placeholder="如 示范市市场监督管理局" />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label="行政区划代码"
            rules={[
              { required: true, message: '请输入行政区划代码' },
              { pattern: /^\d{6}$/, message: '行政区划代码为 6 位数字' },
            ]}
          >
            {regionOptions.length ? (
              <Select showSearch={{ optionFilterProp: 'label' }} options={regionOptions} />
            ) : (
              <Input maxLength={6} />
            )}
          </Form.Item>
          <Form.Item
            name="uscc"
            label="统一社会信用代码"
            rules={[{ pattern: /^[0-9A-Za-z]{18}$/, message: '统一社会信用代码为 18 位数字或大写字母' }]}
          >
            <Input maxLength={18} placeholder="选填" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
