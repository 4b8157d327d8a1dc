import { useEffect } from 'react';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { usePlatform, usePlatformName } from '../shared/platform';

const NAV = [
  { to: '/', label: '首页', end: true },
  { to: '/search', label: '信用查询' },
  { to: '/disclosure', label: '双公示' },
  { to: '/lists', label: '信用名单' },
  { to: '/commitments', label: '信用承诺' },
  { to: '/policies', label: '政策法规' },
];

export function PortalLayout() {
  const name = usePlatformName();
  const platform = usePlatform();
  const regionName = platform.data?.regionName;
  useEffect(() => {
    document.title = name;
  }, [name]);
  return (
    <div className="portal">
      <header className="portal-header">
        <div className="portal-header-inner">
          <Link to="/" className="portal-brand">
            <span className="portal-brand-mark" aria-hidden>
              信
            </span>
            {name}
          </Link>
          <nav className="portal-nav" aria-label="主导航">
            {NAV.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.end}>
                {item.label}
              </NavLink>
            ))}
          </nav>
        </div>
      </header>
      <main className="portal-main">
        <Outlet />
      </main>
      <footer className="portal-footer">
        <div className="portal-footer-name">{name}</div>
        <div>主办：{regionName ?? '示范市'}社会信用体系建设牵头单位 （演示数据）</div>
        <div>
          <a href="/api/docs">接口文档</a>
          <span style={{ margin: '0 10px' }}>|</span>
          <a href="/console">管理控制台</a>
        </div>
      </footer>
    </div>
  );
}
