import { Navigate, createBrowserRouter } from 'react-router';
import { SignInPage } from './auth/sign-in-page';
import { NotFoundPage } from './common/page-states';
import { InboxPage } from './inbox/inbox-page';
import { AppLayout } from './layout/app-layout';
import { DocumentPage } from './procedures/document-page';
import { MyProceduresPage } from './procedures/my-procedures-page';
import { ProcedurePage } from './procedures/procedure-page';
import { StartProcedurePage } from './procedures/start-procedure-page';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/inbox" replace /> },
      { path: 'inbox', element: <InboxPage /> },
      { path: 'procedures', element: <MyProceduresPage /> },
      { path: 'procedures/new', element: <StartProcedurePage /> },
      { path: 'procedures/:id', element: <ProcedurePage /> },
      { path: 'procedures/:id/documents/:type', element: <DocumentPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
