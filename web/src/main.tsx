import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ApiError } from './api';
import { theme } from './shared/theme';
import { ME_QUERY_KEY } from './shared/auth';
import { PortalLayout } from './portal/PortalLayout';
import { HomePage } from './portal/HomePage';
import { SearchPage } from './portal/SearchPage';
import { CommitmentsPage } from './portal/CommitmentsPage';
import { PoliciesPage } from './portal/PoliciesPage';
import { SubjectPage } from './portal/SubjectPage';
import { DisclosurePage } from './portal/DisclosurePage';
import { ListsPage } from './portal/ListsPage';
import { NotFoundPage } from './portal/NotFoundPage';
import './shared/global.css';

dayjs.locale('zh-cn');

const ConsoleApp = lazy(() => import('./console/ConsoleApp'));

/** A 401 from any request means the session is gone: forget the user so the console shows the login page. */
function onApiError(error: unknown, key?: readonly unknown[]) {
  if (error instanceof ApiError && error.status === 401 && key?.[0] !== ME_QUERY_KEY[0]) {
    queryClient.setQueryData(ME_QUERY_KEY, null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onApiError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onApiError(error) }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});

function PageSpinner() {
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route
                path="/console/*"
                element={
                  <Suspense fallback={<PageSpinner />}>
                    <ConsoleApp />
                  </Suspense>
                }
              />
              <Route element={<PortalLayout />}>
                <Route index element={<HomePage />} />
                <Route path="search" element={<SearchPage />} />
                <Route path="subjects/:id" element={<SubjectPage />} />
                <Route path="disclosure" element={<DisclosurePage />} />
                <Route path="lists" element={<ListsPage />} />
                <Route path="commitments" element={<CommitmentsPage />} />
                <Route path="policies" element={<PoliciesPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
