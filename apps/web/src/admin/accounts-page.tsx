import { Button, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { LoadMore, useKeysetList } from '../common/keyset-list';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDateTime } from '../format/format';
import { CreateAccountModal } from './create-account-modal';
import { TemporaryPasswordModal } from './temporary-password';
import type { AccountSort, AccountView } from './use-admin';
import { WardSelect, useAllWards } from './ward-select';

interface Filters {
  q?: string;
  wardCode?: string;
  status?: 'enabled' | 'disabled';
  sort: AccountSort;
}

const orderOf = (sort: AccountSort, column: 'username' | 'created'): SortOrder =>
  sort.startsWith(column) ? (sort.endsWith('asc') ? 'ascend' : 'descend') : null;

/** Accounts: search, filter by ward or status, sort by name or creation, keyset pages; create one. */
export function AccountsPage() {
  const { t, i18n } = useTranslation();
  const wardNames = useAllWards();
  const [filters, setFilters] = useState<Filters>({ sort: 'username_asc' });
  const [creating, setCreating] = useState(false);
  const [handOver, setHandOver] = useState<{ username: string; temporaryPassword: string } | null>(null);
  const { list: list, items } = useKeysetList({
    queryKey: ['admin', 'accounts', filters],
    fetchPage: (pageParam) =>
      unwrap(
        api.GET('/api/admin/accounts', {
          params: {
            query: {
              limit: 25,
              sort: filters.sort,
              ...(filters.q ? { q: filters.q } : {}),
              ...(filters.wardCode ? { wardCode: filters.wardCode } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              ...(pageParam ? { after: pageParam } : {}),
            },
          },
        }),
      ),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('admin.accounts.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('admin.accounts.create')}
        </Button>
      </Flex>
      <Flex wrap gap="small" role="search" aria-label={t('admin.accounts.filters')}>
        <Input.Search
          aria-label={t('admin.accounts.search')}
          placeholder={t('admin.accounts.search')}
          allowClear
          style={{ maxWidth: 280 }}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
        />
        <WardSelect
          aria-label={t('admin.accounts.ward')}
          placeholder={t('admin.accounts.ward')}
          allowClear
          style={{ minWidth: 220 }}
          value={filters.wardCode}
          onChange={(wardCode) => setFilters((f) => ({ ...f, wardCode }))}
        />
        <Select<Filters['status']>
          aria-label={t('admin.accounts.status')}
          placeholder={t('admin.accounts.status')}
          allowClear
          style={{ minWidth: 160 }}
          value={filters.status}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
          options={[
            { value: 'enabled', label: t('admin.accounts.enabled') },
            { value: 'disabled', label: t('admin.accounts.disabled') },
          ]}
        />
        <Select<AccountSort>
          aria-label={t('admin.accounts.sort')}
          style={{ minWidth: 200 }}
          value={filters.sort}
          onChange={(sort) => setFilters((f) => ({ ...f, sort }))}
          options={(['username_asc', 'username_desc', 'created_desc', 'created_asc'] as const).map((s) => ({
            value: s,
            label: t(`admin.accounts.sorts.${s}`),
          }))}
        />
      </Flex>
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
        <Table<AccountView>
          className="accounts-table"
          rowKey="username"
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyText text={t('admin.accounts.empty')} /> }}
          onChange={(_, __, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            if (!s?.order || (s.columnKey !== 'username' && s.columnKey !== 'created')) return;
            const sort = `${s.columnKey}_${s.order === 'ascend' ? 'asc' : 'desc'}` as AccountSort;
            setFilters((f) => ({ ...f, sort }));
          }}
          columns={[
            {
              key: 'username',
              title: t('admin.accounts.columns.username'),
              sorter: true,
              sortOrder: orderOf(filters.sort, 'username'),
              sortDirections: ['ascend', 'descend', 'ascend'],
              render: (_, a) => <Link to={`/admin/accounts/${a.username}`}>{a.username}</Link>,
            },
            { key: 'name', title: t('admin.accounts.columns.displayName'), dataIndex: 'displayName' },
            {
              key: 'roles',
              title: t('admin.accounts.columns.roles'),
              render: (_, a) => (
                <Flex wrap gap={4}>
                  {a.wardRoles.map((r) => (
                    <Tag key={`${r.wardCode}/${r.role}`} color="volcano">
                      {t(`roles.${r.role}`)} · {wardNames.data?.get(r.wardCode) ?? r.wardCode}
                    </Tag>
                  ))}
                  {a.memberId ? <Tag color="gold">{t('roles.approver')}</Tag> : null}
                  {a.supervisor ? <Tag color="blue">{t('roles.supervisor')}</Tag> : null}
                  {a.admin ? <Tag color="purple">{t('roles.admin')}</Tag> : null}
                </Flex>
              ),
            },
            {
              key: 'status',
              title: t('admin.accounts.columns.status'),
              render: (_, a) => <AccountStatus account={a} />,
            },
            {
              key: 'created',
              title: t('admin.accounts.columns.createdAt'),
              sorter: true,
              sortOrder: orderOf(filters.sort, 'created'),
              sortDirections: ['descend', 'ascend', 'descend'],
              render: (_, a) => formatDateTime(a.createdAt, i18n.language),
            },
          ]}
        />
        <LoadMore list={list} />
      </QueryState>
      <CreateAccountModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setHandOver({ username: created.account.username, temporaryPassword: created.temporaryPassword });
        }}
      />
      <TemporaryPasswordModal value={handOver} onClose={() => setHandOver(null)} />
    </Space>
  );
}

export function AccountStatus({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      {account.disabled ? (
        <Tag color="default">{t('admin.accounts.disabled')}</Tag>
      ) : (
        <Tag color="green">{t('admin.accounts.enabled')}</Tag>
      )}
      {account.mustChangePassword ? <Tag color="orange">{t('admin.accounts.mustChange')}</Tag> : null}
      {account.demo ? <Tag>{t('admin.accounts.demo')}</Tag> : null}
    </Flex>
  );
}
