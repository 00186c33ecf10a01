import { QueryClientProvider } from '@tanstack/react-query';
import { Alert, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { PAGES, type PageDef } from './lib/routes.ts';
import { useMe, WorkspaceProvider } from './lib/session.tsx';
import { errorCode, errorMessage, queryClient } from './lib/trpc.ts';
import { SignInPage } from './pages/SignIn.tsx';

// The first load carries only what signing in needs. The shell (menu, region tree, plan
// switcher) and every page come on demand, each page when first opened.
const Shell = lazy(() => import('./layout/Shell.tsx'));
const Guard = lazy(() => import('./layout/Guard.tsx'));
const NotFound = lazy(() => import('./layout/Guard.tsx').then((m) => ({ default: m.NotFound })));
const Overview = lazy(() => import('./pages/Overview.tsx'));
const Indicators = lazy(() => import('./pages/Indicators.tsx'));
const IndicatorDetail = lazy(() => import('./pages/IndicatorDetail.tsx'));
const Entry = lazy(() => import('./pages/Entry.tsx'));
const Approvals = lazy(() => import('./pages/Approvals.tsx'));
const Alignment = lazy(() => import('./pages/Alignment.tsx'));
const Checks = lazy(() => import('./pages/Checks.tsx'));
const Services = lazy(() => import('./pages/Services.tsx'));
const Projects = lazy(() => import('./pages/Projects.tsx'));
const Audit = lazy(() => import('./pages/Audit.tsx'));
const Users = lazy(() => import('./pages/Users.tsx'));

function Loading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin size="large" />
      <div style={{ marginTop: 12 }}>加载中…</div>
    </div>
  );
}

function SignedIn() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError && errorCode(me.error) !== 'UNAUTHORIZED') {
    return (
      <Alert
        type="error"
        showIcon
        style={{ margin: 48 }}
        title="无法连接服务器"
        description={errorMessage(me.error)}
      />
    );
  }
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <WorkspaceProvider user={me.data}>
      <Suspense fallback={<Loading />}>
        <Shell />
      </Suspense>
    </WorkspaceProvider>
  );
}

const page = (def: PageDef, element: ReactNode) => ({
  path: def.path.slice(1),
  element: <Guard page={def}>{element}</Guard>,
});

const router = createBrowserRouter([
  { path: '/login', element: <SignInPage /> },
  {
    path: '/',
    element: <SignedIn />,
    children: [
      { index: true, element: <Navigate to="/overview" replace /> },
      page(PAGES.overview, <Overview />),
      page(PAGES.indicators, <Indicators />),
      page(PAGES.indicator, <IndicatorDetail />),
      page(PAGES.entry, <Entry />),
      page(PAGES.approvals, <Approvals />),
      page(PAGES.alignment, <Alignment />),
      page(PAGES.checks, <Checks />),
      page(PAGES.services, <Services />),
      page(PAGES.projects, <Projects />),
      page(PAGES.audit, <Audit />),
      page(PAGES.users, <Users />),
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { borderRadius: 4 } }}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
