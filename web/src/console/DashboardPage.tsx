import { useQuery } from '@tanstack/react-query';
import { Card, Result, Statistic, Table, Typography } from 'antd';
import { SmileOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../api';
import type { Dashboard } from '../shared/types';
import { QueryState } from '../shared/QueryState';
import { formatDate } from '../shared/format';
import { STAFF_ROLES, roleLabel } from '../shared/labels';
import type { User } from '../shared/types';
import { canSee } from './access';
import { PageTitle } from './PageTitle';
import { StatusTag } from './StatusTag';
import { useUser } from './userContext';

/** Roles outside government (credit service agencies, subjects' accounts): /dashboard is staff only. */
function Welcome({ user }: { user: User }) {
  return (
    <Card>
      <Result
        icon={<SmileOutlined />}
        title={`欢迎，${user.displayName}`}
        subTitle={
          user.role === 'subject'
            ? '可在“我的信用记录”查看本主体的全部信用记录，对有误的记录提出异议，并在“异议处理”查看办理进度。'
            : `您的账号角色为「${roleLabel(user.role)}」。该角色的功能正在建设中，开通后将在左侧菜单中显示。`
        }
        extra={user.role === 'subject' ? <Link to="/console/mine">我的信用记录</Link> : undefined}
      />
    </Card>
  );
}

export default function DashboardPage() {
  const user = useUser();
  const isStaff = STAFF_ROLES.includes(user.role);
  const dashboard = useQuery({
    queryKey: ['dashboard'],
    queryFn: ({ signal }) => api.get<Dashboard>('/dashboard', undefined, signal),
    enabled: isStaff,
  });
  if (!isStaff) {
    return (
      <>
        <PageTitle title="工作台" />
        <Welcome user={user} />
      </>
    );
  }
  const canOpenRecords = canSee(user.role, 'records');

  return (
    <>
      <PageTitle title="工作台" />
      <QueryState query={dashboard}>
        {(data) => {
          const cards = [
            { title: '信用记录', value: data.counts.records },
            { title: '本月新增记录', value: data.counts.recordsThisMonth },
            { title: '信用主体', value: data.counts.subjects },
            { title: '数据提供部门', value: data.counts.departments },
            { title: '目录条目', value: data.counts.catalogItems },
          ];
          return (
            <>
              <Typography.Paragraph type="secondary">
                {data.department ? `当前统计范围：${data.department.name}` : '当前统计范围：全平台'}
              </Typography.Paragraph>
              <div className="console-stats">
                {cards.map((c) => (
                  <Card key={c.title} size="small">
                    <Statistic title={c.title} value={c.value ?? 0} groupSeparator="," />
                  </Card>
                ))}
              </div>
              <Card title="最近信用记录" size="small" style={{ marginTop: 16 }}>
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 600 }}
                  dataSource={data.recentRecords}
                  locale={{ emptyText: '暂无数据' }}
                  columns={[
                    { title: '信用主体', dataIndex: 'subjectName' },
                    { title: '目录条目', dataIndex: 'itemName' },
                    { title: '决定日期', dataIndex: 'decisionDate', render: (v: string) => formatDate(v), width: 120 },
                    { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag status={v} />, width: 110 },
                    {
                      title: '操作',
                      key: 'op',
                      width: 80,
                      render: (_: unknown, r: { id: string }) =>
                        canOpenRecords ? <Link to={`/console/records/${r.id}`}>详情</Link> : null,
                    },
                  ]}
                />
              </Card>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
