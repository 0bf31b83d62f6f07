import { useQuery, useQueryClient } from '@tanstack/react-query';
import { MenuOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Drawer, Grid, Layout, Menu, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
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
  // Phones (below 768 px): the menu is a button that opens a drawer, so the header stays one line.
  const phone = Grid.useBreakpoint().md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname, phone]);

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
  // A ward's page belongs to the board.
  const path = location.pathname.startsWith('/supervision/wards/') ? '/supervision/board' : location.pathname;
  const selected = nav
    .map((n) => n.key)
    .filter((k) => path === k || path.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  return (
    <AntApp>
      <Layout className="app-layout">
        <a className="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <Layout.Header className="app-header">
          {phone ? (
            <Button
              className="app-menu-button"
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('layout.menu')}
              aria-expanded={menuOpen}
              aria-controls="app-menu-drawer"
              onClick={() => setMenuOpen(true)}
            />
          ) : null}
          <Link to="/" className="app-brand">
            {t('app.shortTitle')}
          </Link>
          {phone ? null : (
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
          )}
          <Space className="app-header-tools" size="small">
            <NotificationBell />
            {phone ? null : <LanguageSwitch />}
            <Button size="small" onClick={() => void signOut()}>
              {t('layout.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        {phone ? (
          <Drawer
            id="app-menu-drawer"
            className="app-menu-drawer"
            placement="left"
            width={280}
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            title={t('nav.label')}
          >
            <Menu
              mode="inline"
              selectedKeys={selected}
              items={nav}
              aria-label={t('nav.label')}
              onClick={() => setMenuOpen(false)}
            />
            <div className="app-menu-drawer-language">
              <LanguageSwitch />
            </div>
          </Drawer>
        ) : null}
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
