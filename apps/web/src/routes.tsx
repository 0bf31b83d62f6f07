import { Skeleton } from 'antd';
import { type ComponentType, Suspense, lazy } from 'react';
import { Navigate, createBrowserRouter } from 'react-router';
import { SignInPage } from './auth/sign-in-page';
import { NotFoundPage } from './common/page-states';
import { AppLayout } from './layout/app-layout';
// The admin, delegations and password pages' few styles (a separate file: styles.css is shared by every feature).
import './admin/admin.css';

/** Pages load on first visit: the sign-in page does not wait for the procedure screens' code. */
const page = (load: () => Promise<ComponentType>) => {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<Skeleton active />}>
      <Page />
    </Suspense>
  );
};

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/change-password',
    element: page(async () => (await import('./auth/change-password-page')).ChangePasswordPage),
  },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/inbox" replace /> },
      { path: 'inbox', element: page(async () => (await import('./inbox/inbox-page')).InboxPage) },
      {
        path: 'procedures',
        element: page(async () => (await import('./procedures/my-procedures-page')).MyProceduresPage),
      },
      {
        path: 'procedures/new',
        element: page(async () => (await import('./procedures/start-procedure-page')).StartProcedurePage),
      },
      {
        path: 'procedures/:id',
        element: page(async () => (await import('./procedures/procedure-page')).ProcedurePage),
      },
      {
        path: 'procedures/:id/documents/:type',
        element: page(async () => (await import('./procedures/document-page')).DocumentPage),
      },
      {
        path: 'registry',
        element: page(async () => (await import('./registry/registry-page')).RegistryPage),
      },
      {
        path: 'registry/units/:unitId',
        element: page(async () => (await import('./registry/unit-page')).UnitPage),
      },
      {
        path: 'register',
        element: page(async () => (await import('./registry/register-page')).RegisterPage),
      },
      {
        path: 'delegations',
        element: page(async () => (await import('./delegations/delegations-page')).DelegationsPage),
      },
      {
        path: 'admin',
        element: page(async () => (await import('./admin/admin-layout')).AdminLayout),
        children: [
          { index: true, element: <Navigate to="/admin/accounts" replace /> },
          {
            path: 'accounts',
            element: page(async () => (await import('./admin/accounts-page')).AccountsPage),
          },
          {
            path: 'accounts/:username',
            element: page(async () => (await import('./admin/account-page')).AccountPage),
          },
          {
            path: 'committee',
            element: page(async () => (await import('./admin/committee-page')).CommitteePage),
          },
          {
            path: 'congresses',
            element: page(async () => (await import('./admin/congresses-page')).CongressesPage),
          },
          { path: 'import', element: page(async () => (await import('./admin/import-page')).ImportPage) },
          { path: 'audit', element: page(async () => (await import('./admin/audit-page')).AuditPage) },
        ],
      },
      {
        path: 'supervision/board',
        element: page(async () => (await import('./supervision/board-page')).BoardPage),
      },
      {
        path: 'supervision/wards/:wardCode',
        element: page(async () => (await import('./supervision/ward-procedures-page')).WardProceduresPage),
      },
      {
        path: 'supervision/stalled',
        element: page(async () => (await import('./supervision/stalled-page')).StalledPage),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
