import { Skeleton } from 'antd';
import { type ComponentType, Suspense, lazy } from 'react';
import { Navigate, createBrowserRouter, useLocation } from 'react-router';
import { SignInPage } from './auth/sign-in-page';
import { useSession } from './auth/session-store';
import { currentLanguage, textsReady } from './i18n/resources';
// The admin, delegations and password pages' few styles (a separate file: styles.css is shared by every feature).
import './admin/admin.css';

/**
 * Pages load on first visit, with the feature texts they read: the sign-in page (the first load) waits for
 * neither the signed-in layout nor the procedure screens' code.
 */
const page = (load: () => Promise<ComponentType>) => {
  const Page = lazy(async () => {
    const [Component] = await Promise.all([load(), textsReady(currentLanguage())]);
    return { default: Component };
  });
  return (
    <Suspense fallback={<Skeleton active />}>
      <Page />
    </Suspense>
  );
};

const signedInLayout = page(async () => (await import('./layout/app-layout')).AppLayout);

/** Signed out: straight to the sign-in page, without fetching the signed-in layout's code first. */
function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return signedInLayout;
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/change-password',
    element: page(async () => (await import('./auth/change-password-page')).ChangePasswordPage),
  },
  {
    path: '/',
    element: <RequireSession />,
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
      { path: '*', element: page(async () => (await import('./common/page-states')).NotFoundPage) },
    ],
  },
]);
