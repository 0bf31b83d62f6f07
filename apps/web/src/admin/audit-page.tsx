import { AutoComplete, DatePicker, Flex, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { LoadMore, useKeysetList } from '../common/keyset-list';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDateTime } from '../format/format';
import type { AuditEntry } from './use-admin';
import { WardSelect, useAllWards } from './ward-select';

interface Filters {
  actor?: string;
  wardCode?: string;
  action?: string;
  range?: [Dayjs, Dayjs];
}

/** Action families an admin filters by most (a family finds every action that starts with it). */
const ACTIONS = [
  'account',
  'account.create',
  'account.disable',
  'account.enable',
  'account.temporary_password',
  'account.password_change',
  'account.role_grant',
  'account.role_revoke',
  'committee',
  'delegation',
  'procedure',
  'supervision',
];

/** The audit trail, newest first: by person, ward, action and dates; keyset pages ("load more"). */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const wardNames = useAllWards();
  const [filters, setFilters] = useState<Filters>({});
  const [actorText, setActorText] = useState('');
  const [actionText, setActionText] = useState('');
  const { list: list, items } = useKeysetList({
    queryKey: [
      'admin',
      'audit',
      filters.actor,
      filters.wardCode,
      filters.action,
      filters.range?.map((d) => d.format('YYYY-MM-DD')),
    ],
    fetchPage: (pageParam) =>
      unwrap(
        api.GET('/api/admin/audit', {
          params: {
            query: {
              limit: 50,
              ...(filters.actor ? { actor: filters.actor } : {}),
              ...(filters.wardCode ? { wardCode: filters.wardCode } : {}),
              ...(filters.action ? { action: filters.action } : {}),
              ...(filters.range
                ? { from: filters.range[0].format('YYYY-MM-DD'), to: filters.range[1].format('YYYY-MM-DD') }
                : {}),
              ...(pageParam ? { after: pageParam } : {}),
            },
          },
        }),
      ),
  });
  const actionLabel = (action: string) =>
    t(`admin.audit.actions.${action}`, { defaultValue: t(`actions.${action}`, { defaultValue: action }) });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('admin.audit.title')}
      </Typography.Title>
      <Flex wrap gap="small" role="search" aria-label={t('admin.audit.filters')}>
        <Input.Search
          aria-label={t('admin.audit.actor')}
          placeholder={t('admin.audit.actor')}
          allowClear
          style={{ maxWidth: 220 }}
          value={actorText}
          onChange={(e) => setActorText(e.target.value)}
          onSearch={(actor) => setFilters((f) => ({ ...f, actor: actor.trim() || undefined }))}
        />
        <WardSelect
          aria-label={t('admin.common.ward')}
          placeholder={t('admin.common.ward')}
          allowClear
          style={{ minWidth: 220 }}
          value={filters.wardCode}
          onChange={(wardCode) => setFilters((f) => ({ ...f, wardCode }))}
        />
        <AutoComplete
          aria-label={t('admin.audit.action')}
          placeholder={t('admin.audit.action')}
          allowClear
          style={{ minWidth: 220 }}
          value={actionText}
          options={ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a)} (${a})` }))}
          onChange={(value: string) => {
            setActionText(value ?? '');
            if (!value) setFilters((f) => ({ ...f, action: undefined }));
          }}
          onSelect={(value: string) => setFilters((f) => ({ ...f, action: value }))}
          onBlur={() => setFilters((f) => ({ ...f, action: actionText.trim() || undefined }))}
        />
        <DatePicker.RangePicker
          aria-label={t('admin.audit.dates')}
          placeholder={[t('admin.audit.from'), t('admin.audit.to')]}
          format="DD/MM/YYYY"
          value={filters.range ?? null}
          onChange={(range) =>
            setFilters((f) => ({
              ...f,
              range: range && range[0] && range[1] ? [range[0], range[1]] : undefined,
            }))
          }
        />
      </Flex>
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
        <Table<AuditEntry>
          className="audit-table"
          rowKey="id"
          dataSource={items}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyText text={t('admin.audit.empty')} /> }}
          expandable={{
            expandedRowRender: (e) => <AuditChange entry={e} />,
            expandRowByClick: false,
          }}
          columns={[
            { key: 'at', title: t('admin.audit.at'), render: (_, e) => formatDateTime(e.at, i18n.language) },
            { key: 'actor', title: t('admin.audit.actor'), dataIndex: 'actorId' },
            {
              key: 'role',
              title: t('admin.audit.role'),
              render: (_, e) => t(`roles.${e.role}`, { defaultValue: e.role }),
            },
            { key: 'action', title: t('admin.audit.action'), render: (_, e) => actionLabel(e.action) },
            {
              key: 'ward',
              title: t('admin.common.ward'),
              render: (_, e) => (e.wardCode ? (wardNames.data?.get(e.wardCode) ?? e.wardCode) : '—'),
            },
            {
              key: 'procedure',
              title: t('admin.audit.procedure'),
              render: (_, e) =>
                e.procedureId ? (
                  <Link to={`/procedures/${e.procedureId}`}>{e.procedureId.slice(0, 8)}</Link>
                ) : (
                  '—'
                ),
            },
            { key: 'address', title: t('admin.audit.address'), render: (_, e) => e.clientAddress ?? '—' },
          ]}
        />
        <LoadMore list={list} />
      </QueryState>
    </Space>
  );
}

function AuditChange({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const show = (value: unknown) =>
    value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
  return (
    <Flex wrap gap="middle">
      <div style={{ flex: '1 1 280px', minWidth: 0 }}>
        <Typography.Text strong>{t('admin.audit.before')}</Typography.Text>
        <pre className="audit-json">{show(entry.before)}</pre>
      </div>
      <div style={{ flex: '1 1 280px', minWidth: 0 }}>
        <Typography.Text strong>{t('admin.audit.after')}</Typography.Text>
        <pre className="audit-json">{show(entry.after)}</pre>
      </div>
      <Typography.Text type="secondary">
        {t('admin.audit.request')}: {entry.requestId ?? '—'}
      </Typography.Text>
    </Flex>
  );
}
