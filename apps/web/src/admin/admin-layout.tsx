import { Menu, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../auth/use-me';

const SECTIONS = ['accounts', 'committee', 'congresses', 'import', 'audit'] as const;

/** Administration (admins only; the API checks the same): accounts, committees, imports, the audit trail. */
export function AdminLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (!me.data?.admin) return <Result status="403" title="403" subTitle={t('admin.common.adminsOnly')} />;
  const current = SECTIONS.find((s) => location.pathname.startsWith(`/admin/${s}`)) ?? 'accounts';
  return (
    <>
      <nav aria-label={t('admin.common.sections')}>
        <Menu
          mode="horizontal"
          disabledOverflow
          selectedKeys={[current]}
          style={{ marginBottom: 16 }}
          items={SECTIONS.map((s) => ({
            key: s,
            label: <Link to={`/admin/${s}`}>{t(`admin.nav.${s}`)}</Link>,
          }))}
        />
      </nav>
      <Outlet />
    </>
  );
}
