import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, errorMessage } from '../api';
import type { Department, Role, UserRow } from '../shared/types';
import { ErrorView } from '../shared/QueryState';
import { ROLE_LABELS, roleLabel } from '../shared/labels';
import { formatDateTime } from '../shared/format';
import { PageTitle } from './PageTitle';

interface CreateValues {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departmentId?: string | null;
}

interface EditValues {
  displayName: string;
  role: Role;
  departmentId?: string | null;
  active: boolean;
  password?: string;
}

const roleOptions = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));
const passwordRules = [{ min: 8, message: '密码至少 8 位' }];

export default function UsersPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [createForm] = Form.useForm<CreateValues>();
  const [editForm] = Form.useForm<EditValues>();

  const users = useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => api.get<{ items: UserRow[] }>('/users', undefined, signal),
  });
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => api.get<{ items: Department[] }>('/departments', undefined, signal),
  });
  const departmentOptions = (departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }));

  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      api.post<UserRow>('/users', {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
        role: v.role,
        departmentId: v.departmentId ?? null,
      }),
    onSuccess: () => {
      message.success('用户已创建');
      setCreating(false);
      createForm.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['departments'] });
    },
    // braces: message.error returns a thenable the mutation would await until the toast closes (button stays loading)
    onError: (err) => {
      message.error(errorMessage(err));
    },
  });

  const update = useMutation({
    mutationFn: ({ id, values }: { id: string; values: EditValues }) => {
      const body: Record<string, unknown> = {
        displayName: values.displayName.trim(),
        role: values.role,
        departmentId: values.departmentId ?? null,
        active: values.active,
      };
      if (values.password) body.password = values.password;
      return api.patch<UserRow>(`/users/${encodeURIComponent(id)}`, body);
    },
    onSuccess: () => {
      message.success('用户已更新');
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    // braces: message.error returns a thenable the mutation would await until the toast closes (button stays loading)
    onError: (err) => {
      message.error(errorMessage(err));
    },
  });

  return (
    <>
      <PageTitle
        title="用户管理"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              create.reset();
              setCreating(true);
            }}
          >
            新建用户
          </Button>
        }
      />
      <Card size="small">
        {users.error ? (
          <ErrorView error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            loading={users.isPending}
            dataSource={users.data?.items ?? []}
            scroll={{ x: 900 }}
            locale={{ emptyText: '暂无数据' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个` }}
            columns={[
              { title: '用户名', dataIndex: 'username', width: 140 },
              { title: '姓名', dataIndex: 'displayName', width: 140 },
              { title: '角色', dataIndex: 'role', width: 130, render: (v: string) => <Tag color="blue">{roleLabel(v)}</Tag> },
              { title: '所属部门', key: 'dept', render: (_: unknown, u) => u.department?.name ?? '—' },
              {
                title: '状态',
                key: 'state',
                width: 110,
                render: (_: unknown, u) =>
                  !u.active ? (
                    <Tag>已停用</Tag>
                  ) : u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs()) ? (
                    <Tag color="red" title={`锁定至 ${formatDateTime(u.lockedUntil)}`}>
                      已锁定
                    </Tag>
                  ) : (
                    <Tag color="green">正常</Tag>
                  ),
              },
              { title: '最近登录', dataIndex: 'lastLoginAt', width: 170, render: (v: string | null) => formatDateTime(v) },
              {
                title: '操作',
                key: 'op',
                width: 80,
                render: (_: unknown, u) => (
                  <Typography.Link
                    onClick={() => {
                      update.reset();
                      editForm.setFieldsValue({
                        displayName: u.displayName,
                        role: u.role,
                        departmentId: u.department?.id ?? null,
                        active: u.active,
                        password: '',
                      });
                      setEditing(u);
                    }}
                  >
                    编辑
                  </Typography.Link>
                ),
              },
            ]}
          />
        )}
      </Card>

      <Modal
        title="新建用户"
        open={creating}
        onCancel={() => setCreating(false)}
        onOk={() => createForm.submit()}
        okText="创建"
        confirmLoading={create.isPending}
        forceRender
      >
        {create.error ? <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} /> : null}
        <Form<CreateValues> form={createForm} layout="vertical" initialValues={{ role: 'dept_operator' }} onFinish={(v) => create.mutate(v)}>
          <Form.Item
            name="username"
            label="用户名"
            rules={[
              { required: true, message: '请输入用户名' },
              { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '3–32 位字母、数字、下划线、点或短横线' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请输入初始密码' }, ...passwordRules]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item
            name="departmentId"
            label="所属部门"
            dependencies={['role']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, v: string | undefined) => {
                  const role = getFieldValue('role') as Role;
                  if ((role === 'dept_operator' || role === 'dept_reviewer') && !v) throw new Error('部门经办人和审核人必须选择所属部门');
                },
              }),
            ]}
          >
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={departments.isPending} options={departmentOptions} placeholder="选择部门" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={editing ? `编辑用户：${editing.username}` : '编辑用户'}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => editForm.submit()}
        okText="保存"
        confirmLoading={update.isPending}
        forceRender
      >
        {update.error ? <Alert type="error" showIcon title={errorMessage(update.error)} style={{ marginBottom: 16 }} /> : null}
        <Form<EditValues> form={editForm} layout="vertical" onFinish={(values) => editing && update.mutate({ id: editing.id, values })}>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label="角色" rules={[{ required: true }]}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item name="departmentId" label="所属部门">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={departmentOptions} placeholder="不属于任何部门" />
          </Form.Item>
          <Form.Item name="active" label="启用" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
          <Form.Item name="password" label="重置密码" extra="留空则不修改密码" rules={passwordRules}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
