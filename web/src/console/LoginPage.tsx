import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../api';
import { ME_QUERY_KEY, unwrapUser } from '../shared/auth';
import type { User } from '../shared/types';
import { usePlatformName } from '../shared/platform';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage({ notice }: { notice?: string }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const platformName = usePlatformName();

  const login = useMutation({
    mutationFn: (values: Credentials) => api.post<{ user: User } | User>('/auth/login', values),
    onSuccess: (data) => {
      setError(null);
      // drop whatever an earlier session cached, then show the console as the new user
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, unwrapUser(data));
      message.success('登录成功');
    },
    onError: (err) => {
      const text = errorMessage(err);
      setError(text);
      message.error(text);
    },
  });

  return (
    <div className="console-login">
      <Card title={<span style={{ fontSize: 18 }}>信用平台管理控制台</span>} variant="borderless">
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {platformName} · 公共信用信息平台
        </Typography.Paragraph>
        {notice ? <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} closable={{ onClose: () => setError(null) }} />
        ) : null}
        <Form<Credentials> layout="vertical" size="large" onFinish={(values) => login.mutate(values)} requiredMark={false}>
          <Form.Item name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              登录
            </Button>
          </Form.Item>
        </Form>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <a href="/">返回门户网站</a>
        </Typography.Text>
      </Card>
    </div>
  );
}
