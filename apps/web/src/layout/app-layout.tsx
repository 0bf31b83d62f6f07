import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Layout, Menu, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { api, unwrap } from '../api/client';
import { setCurrentWard, useCurrentWard } from '../auth/current-ward';
import { sessionStore, useSession } from '../auth/session-store';
import { hasRole, useMe } from '../auth/use-me';
import { QueryState } from '../common/page-states';
import { useLiveUpdates } from '../live/use-live-updates';
import { UnavailableBanner } from '../faults/unavailable-banner';
import { NotificationBell } from '../notifications/notification-bell';
import { LanguageSwitch } from './language-switch';

/** Ward names for the codes an account holds roles in (126 wards: one small request, cached). */
export const useWardNames = (enabled: boolean) =>
  useQuery({
    queryKey: ['wards'],
    enabled,
    staleTime: 3_600_000,
    queryFn: () => unwrap(api.GET('/api/registry/wards', { params: { query: { limit: 200 } } })),
    select: (data) => new Map(data.items.map((w) => [w.code, w.name])),
  });

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const me = useMe();
  const ward = useCurrentWard(me.data);
  const wardNames = useWardNames(session !== null);
  const queryClient = useQueryClient();
  useLiveUpdates(session !== null);

  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;

  const signOut = async () => {
    const refreshToken = session.refreshToken;
    // Revoke on the server; signed out locally either way.
    await api.POST('/api/auth/logout', { body: { refreshToken } }).catch(() => undefined);
    sessionStore.clear();
    queryClient.clear();
  };
  const actor = me.data;
  const wards = actor ? Object.keys(actor.wardRoles) : [];
  const roles = actor && ward ? (actor.wardRoles[ward] ?? []) : [];
  const nav = [
    { key: '/inbox', label: <Link to="/inbox">{t('nav.inbox')}</Link> },
    { key: '/procedures', label: <Link to="/procedures">{t('nav.procedures')}</Link> },
    ...(hasRole(actor, ward, 'secretary')
      ? [{ key: '/procedures/new', label: <Link to="/procedures/new">{t('nav.start')}</Link> }]
      : []),
    // The registry is read by ward role holders and supervisors (an admin alone administers accounts).
    ...(wards.length > 0 || actor?.supervisor
      ? [
          { key: '/registry', label: <Link to="/registry">{t('registry.nav')}</Link> },
          { key: '/register', label: <Link to="/register">{t('register.nav')}</Link> },
        ]
      : []),
    ...(wards.length > 0
      ? [{ key: '/delegations', label: <Link to="/delegations">{t('delegations.nav')}</Link> }]
      : []),
    ...(actor?.admin
      ? [{ key: '/admin', label: <Link to="/admin/accounts">{t('admin.nav.title')}</Link> }]
      : []),
    ...(actor?.supervisor
      ? [
          { key: '/supervision/board', label: <Link to="/supervision/board">{t('board.nav')}</Link> },
          {
            key: '/supervision/stalled',
            label: <Link to="/supervision/stalled">{t('board.navStalled')}</Link>,
          },
        ]
      : []),
  ];
  const selected = nav
    .map((n) => n.key)
    .filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  return (
    <AntApp>
      <Layout className="app-layout">
        <a className="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <Layout.Header className="app-header">
          <Link to="/" className="app-brand">
            {t('app.shortTitle')}
          </Link>
          <Menu
            className="app-nav"
            mode="horizontal"
            // No "…" overflow menu: its hidden copies of the items stay focusable (axe: aria-hidden-focus);
            // the items scroll sideways on a narrow screen instead.
            disabledOverflow
            theme="dark"
            selectedKeys={selected}
            items={nav}
            aria-label={t('nav.label')}
          />
          <Space className="app-header-tools" wrap size="small">
            <NotificationBell />
            <LanguageSwitch />
            <Button size="small" onClick={() => void signOut()}>
              {t('layout.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <div className="app-context">
          <Space wrap size="small">
            <Typography.Text strong>{actor?.username}</Typography.Text>
            <Link to="/change-password">{t('password.link')}</Link>
            {wards.length > 0 ? (
              <Select
                size="small"
                aria-label={t('layout.currentWard')}
                value={ward ?? undefined}
                onChange={setCurrentWard}
                style={{ minWidth: 200 }}
                options={wards.map((code) => ({ value: code, label: wardNames.data?.get(code) ?? code }))}
              />
            ) : null}
            {roles.map((role) => (
              <Tag key={role} color="volcano">
                {t(`roles.${role}`)}
              </Tag>
            ))}
            {actor?.supervisor ? <Tag color="blue">{t('roles.supervisor')}</Tag> : null}
            {actor?.admin ? <Tag color="purple">{t('roles.admin')}</Tag> : null}
          </Space>
        </div>
        <Layout.Content id="main" className="app-content" tabIndex={-1}>
          <UnavailableBanner />
          <QueryState isPending={me.isPending} error={me.error} onRetry={() => void me.refetch()}>
            <Outlet />
          </QueryState>
        </Layout.Content>
      </Layout>
    </AntApp>
  );
}
