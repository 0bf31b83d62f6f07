import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useCurrentWard } from '../auth/current-ward';
import { hasRole, useMe } from '../auth/use-me';
import { DueCell } from '../common/due-cell';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDateTime } from '../format/format';
import { usePollInterval } from '../live/use-live-updates';
import { STATUSES, STATUS_COLORS, STEPS } from './labels';

type Status = (typeof STATUSES)[number];
type Step = (typeof STEPS)[number];
interface Filters {
  status?: Status;
  step?: Step;
  sort: 'created_desc' | 'created_asc' | 'due_asc';
}

/** Procedures of the current ward, with status, step and due date; filters and keyset paging. */
export function MyProceduresPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const ward = useCurrentWard(me.data);
  const [filters, setFilters] = useState<Filters>({ sort: 'created_desc' });
  const poll = usePollInterval();
  const list = useInfiniteQuery({
    queryKey: ['procedures', ward, filters.status, filters.step, filters.sort],
    refetchInterval: poll,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/procedures', {
          params: {
            query: {
              sort: filters.sort,
              limit: 25,
              ...(ward ? { wardCode: ward } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.step ? { step: filters.step } : {}),
              ...(pageParam ? { after: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('procedures.title')}
        </Typography.Title>
        {hasRole(me.data, ward, 'secretary') ? (
          <Link to="/procedures/new">
            <Button type="primary" tabIndex={-1}>
              {t('nav.start')}
            </Button>
          </Link>
        ) : null}
      </Flex>
      <Flex wrap gap="small" role="search" aria-label={t('inbox.filters')}>
        <Select
          allowClear
          aria-label={t('filters.status')}
          placeholder={t('filters.status')}
          style={{ minWidth: 160 }}
          value={filters.status}
          onChange={(status?: Status) => setFilters((f) => ({ ...f, status }))}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          allowClear
          aria-label={t('filters.step')}
          placeholder={t('filters.step')}
          style={{ minWidth: 180 }}
          value={filters.step}
          onChange={(step?: Step) => setFilters((f) => ({ ...f, step }))}
          options={STEPS.map((s) => ({ value: s, label: t(`steps.${s}`) }))}
        />
        <Select
          aria-label={t('filters.sort')}
          value={filters.sort}
          style={{ minWidth: 180 }}
          onChange={(sort: Filters['sort']) => setFilters((f) => ({ ...f, sort }))}
          options={[
            { value: 'created_desc', label: t('filters.newest') },
            { value: 'created_asc', label: t('filters.oldest') },
            { value: 'due_asc', label: t('filters.dueAsc') },
          ]}
        />
      </Flex>
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
        <Table
          rowKey="id"
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyText text={t('procedures.empty')} /> }}
          columns={[
            {
              title: t('inbox.columns.title'),
              dataIndex: 'title',
              render: (title: string, row) => <Link to={`/procedures/${row.id}`}>{title}</Link>,
            },
            {
              title: t('procedures.status'),
              dataIndex: 'status',
              render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`status.${s}`)}</Tag>,
            },
            {
              title: t('inbox.columns.step'),
              dataIndex: 'currentStep',
              render: (step: string | null, row) =>
                step
                  ? `${t(`steps.${step}`)}${row.waitingFor ? ` · ${t(`waitingFor.${row.waitingFor}`)}` : ''}`
                  : (row.decisionSymbol ?? '—'),
            },
            {
              title: t('inbox.columns.due'),
              dataIndex: 'dueAt',
              render: (due: string | null, row) => <DueCell dueAt={due} stalledSince={row.stalledSince} />,
            },
            {
              title: t('procedure.createdAt'),
              dataIndex: 'createdAt',
              render: (d: string) => formatDateTime(d, i18n.language),
            },
          ]}
        />
        {list.hasNextPage ? (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </QueryState>
    </Space>
  );
}
