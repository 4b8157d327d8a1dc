import { Suspense, lazy, useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Grid, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  ClockCircleOutlined,
  CloudUploadOutlined,
  ContainerOutlined,
  DashboardOutlined,
  ExceptionOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FundOutlined,
  HistoryOutlined,
  IssuesCloseOutlined,
  LogoutOutlined,
  MenuOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../api';
import { ME_QUERY_KEY, useMe } from '../shared/auth';
import { roleLabel } from '../shared/labels';
import type { User } from '../shared/types';
import { LoginPage } from './LoginPage';
import { UserContext } from './userContext';
import { canSee, type Section } from './access';

const DashboardPage = lazy(() => import('./DashboardPage'));
const SubjectsPage = lazy(() => import('./SubjectsPage'));
const SubjectPage = lazy(() => import('./SubjectPage'));
const RecordsPage = lazy(() => import('./RecordsPage'));
const RecordPage = lazy(() => import('./RecordPage'));
const CatalogPage = lazy(() => import('./CatalogPage'));
const DepartmentsPage = lazy(() => import('./DepartmentsPage'));
const UsersPage = lazy(() => import('./UsersPage'));
const AuditPage = lazy(() => import('./AuditPage'));
const IngestPage = lazy(() => import('./IngestPage'));
const BatchesPage = lazy(() => import('./BatchesPage'));
const BatchPage = lazy(() => import('./BatchPage'));
const QualityIssuesPage = lazy(() => import('./QualityIssuesPage'));
const ScorecardPage = lazy(() => import('./ScorecardPage'));
const LatePage = lazy(() => import('./LatePage'));
const ChecksPage = lazy(() => import('./ChecksPage'));
const CheckHistoryPage = lazy(() => import('./CheckHistoryPage'));
const CheckDetailPage = lazy(() => import('./CheckDetailPage'));
const CheckStatsPage = lazy(() => import('./CheckStatsPage'));
const OverdueChecksPage = lazy(() => import('./OverdueChecksPage'));
const ListEntriesPage = lazy(() => import('./ListEntriesPage'));
const ListEntryPage = lazy(() => import('./ListEntryPage'));
const ProposeEntryPage = lazy(() => import('./ProposeEntryPage'));
const ListKindsPage = lazy(() => import('./ListKindsPage'));
const MeasuresPage = lazy(() => import('./MeasuresPage'));
const ObjectionsPage = lazy(() => import('./ObjectionsPage'));
const ObjectionPage = lazy(() => import('./ObjectionPage'));
const MyRecordsPage = lazy(() => import('./MyRecordsPage'));

const MENU: { section: Section; path: string; label: string; icon: ReactNode }[] = [
  { section: 'dashboard', path: '/console', label: '工作台', icon: <DashboardOutlined /> },
  { section: 'subjects', path: '/console/subjects', label: '信用主体', icon: <TeamOutlined /> },
  { section: 'records', path: '/console/records', label: '信用记录', icon: <FileSearchOutlined /> },
  { section: 'ingest', path: '/console/ingest', label: '数据报送', icon: <CloudUploadOutlined /> },
  { section: 'ingest', path: '/console/ingest/batches', label: '批次历史', icon: <HistoryOutlined /> },
  { section: 'lists', path: '/console/lists', label: '名单认定', icon: <SolutionOutlined /> },
  { section: 'checks', path: '/console/checks', label: '信用核查', icon: <SafetyCertificateOutlined /> },
  { section: 'checks', path: '/console/checks/history', label: '核查记录', icon: <FileProtectOutlined /> },
  { section: 'checkStats', path: '/console/checks/stats', label: '核查统计', icon: <FundOutlined /> },
  { section: 'mine', path: '/console/mine', label: '我的信用记录', icon: <FileSearchOutlined /> },
  { section: 'objections', path: '/console/objections', label: '异议处理', icon: <IssuesCloseOutlined /> },
  { section: 'late', path: '/console/disclosure/late', label: '超时报送', icon: <ClockCircleOutlined /> },
  { section: 'quality', path: '/console/quality/issues', label: '重错码', icon: <ExceptionOutlined /> },
  { section: 'scorecard', path: '/console/quality/scorecard', label: '质量评估', icon: <BarChartOutlined /> },
  { section: 'catalog', path: '/console/catalog', label: '目录管理', icon: <BookOutlined /> },
  { section: 'listKinds', path: '/console/lists/kinds', label: '名单类型', icon: <ProfileOutlined /> },
  { section: 'measures', path: '/console/measures', label: '措施清单', icon: <ContainerOutlined /> },
  { section: 'departments', path: '/console/departments', label: '部门管理', icon: <ApartmentOutlined /> },
  { section: 'users', path: '/console/users', label: '用户管理', icon: <UserOutlined /> },
  { section: 'audit', path: '/console/audit', label: '审计日志', icon: <AuditOutlined /> },
];

function Forbidden() {
  return <Result status="403" title="无权访问" subTitle="您的账号没有访问此页面的权限。" />;
}

function Guard({ user, section, children }: { user: User; section: Section; children: ReactNode }) {
  return canSee(user.role, section) ? <>{children}</> : <Forbidden />;
}

/** The menu entry for a path: the longest menu path that is the path or one of its parents. */
function selectedKey(pathname: string): string {
  const path = pathname.replace(/\/+$/, '') || '/console';
  let best = '/console';
  for (const m of MENU) {
    if ((path === m.path || path.startsWith(`${m.path}/`)) && m.path.length > best.length) best = m.path;
  }
  return best;
}

function ConsoleShell({ user }: { user: User }) {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const narrow = !screens.lg;

  const logout = useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: (_data, error) => {
      if (error) message.error(errorMessage(error));
      // forget the user (the login page appears) and everything cached for them; keep the `me` query
      // object itself, since the console's observer is subscribed to it
      queryClient.setQueryData(ME_QUERY_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      navigate('/console');
    },
  });

  const items = MENU.filter((m) => canSee(user.role, m.section)).map((m) => ({
    key: m.path,
    icon: m.icon,
    label: <Link to={m.path}>{m.label}</Link>,
  }));

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedKey(location.pathname)]}
      items={items}
      onClick={() => setDrawerOpen(false)}
    />
  );
  const logo = (
    <div className="console-logo">
      <span style={{ fontSize: 20 }}>信</span>
      {!collapsed || narrow ? <span>信用平台控制台</span> : null}
    </div>
  );

  return (
    <UserContext.Provider value={user}>
      <Layout style={{ minHeight: '100vh' }}>
        {narrow ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={220}
            closable={false}
            styles={{ body: { padding: 0, background: '#001529' } }}
          >
            {logo}
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208}>
            {logo}
            {menu}
          </Layout.Sider>
        )}
        <Layout style={{ minWidth: 0 }}>
          <Layout.Header className="console-header">
            <Space size={8} style={{ minWidth: 0 }}>
              {narrow ? <Button type="text" icon={<MenuOutlined />} aria-label="菜单" onClick={() => setDrawerOpen(true)} /> : null}
              {screens.md ? (
                <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                  公共信用信息平台
                </Typography.Text>
              ) : null}
            </Space>
            <Space size={screens.sm ? 12 : 6} wrap={false} style={{ minWidth: 0 }}>
              <Space size={6} style={{ whiteSpace: 'nowrap' }}>
                <UserOutlined />
                <span data-testid="user-display-name">{user.displayName}</span>
              </Space>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {roleLabel(user.role)}
              </Tag>
              {user.department && screens.lg ? (
                <Typography.Text type="secondary" className="console-user-extra" style={{ whiteSpace: 'nowrap' }}>
                  {user.department.name}
                </Typography.Text>
              ) : null}
              <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending}>
                退出
              </Button>
            </Space>
          </Layout.Header>
          <Layout.Content className="console-content">
            <Suspense
              fallback={
                <div style={{ padding: 48, textAlign: 'center' }}>
                  <Spin />
                </div>
              }
            >
              <Routes>
                <Route index element={<DashboardPage />} />
                <Route path="subjects" element={<Guard user={user} section="subjects"><SubjectsPage /></Guard>} />
                <Route path="subjects/:id" element={<Guard user={user} section="subjects"><SubjectPage /></Guard>} />
                <Route path="records" element={<Guard user={user} section="records"><RecordsPage /></Guard>} />
                <Route path="records/:id" element={<Guard user={user} section="records"><RecordPage /></Guard>} />
                <Route path="ingest" element={<Guard user={user} section="ingest"><IngestPage /></Guard>} />
                <Route path="ingest/batches" element={<Guard user={user} section="ingest"><BatchesPage /></Guard>} />
                <Route path="ingest/batches/:id" element={<Guard user={user} section="ingest"><BatchPage /></Guard>} />
                <Route path="checks" element={<Guard user={user} section="checks"><ChecksPage /></Guard>} />
                <Route path="checks/history" element={<Guard user={user} section="checks"><CheckHistoryPage /></Guard>} />
                <Route path="checks/stats" element={<Guard user={user} section="checkStats"><CheckStatsPage /></Guard>} />
                <Route path="checks/stats/overdue" element={<Guard user={user} section="checkStats"><OverdueChecksPage /></Guard>} />
                <Route path="checks/:id" element={<Guard user={user} section="checks"><CheckDetailPage /></Guard>} />
                <Route path="lists" element={<Guard user={user} section="lists"><ListEntriesPage /></Guard>} />
                <Route path="lists/new" element={<Guard user={user} section="lists"><ProposeEntryPage /></Guard>} />
                <Route path="lists/entries/:id" element={<Guard user={user} section="lists"><ListEntryPage /></Guard>} />
                <Route path="lists/kinds" element={<Guard user={user} section="listKinds"><ListKindsPage /></Guard>} />
                <Route path="measures" element={<Guard user={user} section="measures"><MeasuresPage /></Guard>} />
                <Route path="mine" element={<Guard user={user} section="mine"><MyRecordsPage /></Guard>} />
                <Route path="objections" element={<Guard user={user} section="objections"><ObjectionsPage /></Guard>} />
                <Route path="objections/:id" element={<Guard user={user} section="objections"><ObjectionPage /></Guard>} />
                <Route path="disclosure/late" element={<Guard user={user} section="late"><LatePage /></Guard>} />
                <Route path="quality" element={<Navigate to="/console/quality/issues" replace />} />
                <Route path="quality/issues" element={<Guard user={user} section="quality"><QualityIssuesPage /></Guard>} />
                <Route path="quality/scorecard" element={<Guard user={user} section="scorecard"><ScorecardPage /></Guard>} />
                <Route path="catalog" element={<Guard user={user} section="catalog"><CatalogPage /></Guard>} />
                <Route path="departments" element={<Guard user={user} section="departments"><DepartmentsPage /></Guard>} />
                <Route path="users" element={<Guard user={user} section="users"><UsersPage /></Guard>} />
                <Route path="audit" element={<Guard user={user} section="audit"><AuditPage /></Guard>} />
                <Route path="*" element={<Result status="404" title="页面不存在" extra={<Link to="/console">返回工作台</Link>} />} />
              </Routes>
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </UserContext.Provider>
  );
}

/** /console: the login page while /auth/me answers 401, the console layout once logged in. */
export default function ConsoleApp() {
  const me = useMe();
  if (me.isPending) {
    return (
      <div style={{ padding: 120, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (me.error) {
    // the server could not say who we are (down, unreachable): offer the login page with the reason
    return <LoginPage notice={`${errorMessage(me.error)}`} />;
  }
  if (!me.data) return <LoginPage />;
  return <ConsoleShell user={me.data} />;
}
