import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { BoardWard } from '@kientoan/domain/supervision/city-board';
import { api, unwrap } from '../api/client';
import { useMe } from '../auth/use-me';
import { DueCell } from '../common/due-cell';
import { oneOf, useAddressParams } from '../common/address-params';
import { LoadMore, useKeysetList } from '../common/keyset-list';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDateTime } from '../format/format';
import { usePollInterval } from '../live/use-live-updates';
import { CHANGE_KINDS, STATUSES, STATUS_COLORS, STEPS } from '../procedures/labels';
import { TotalCards } from './total-cards';

const SORTS = ['created_desc', 'created_asc', 'due_asc'] as const;
type Sort = (typeof SORTS)[number];
const SORT_LABELS: Record<Sort, string> = {
  created_desc: 'filters.newest',
  created_asc: 'filters.oldest',
  due_asc: 'filters.dueAsc',
};

/** The filters, in the address: back from a procedure, the list is as it was. */
const useWardParams = () => {
  const { get, set } = useAddressParams();
  return {
    status: oneOf(STATUSES, get('status')),
    step: oneOf(STEPS, get('step')),
    kind: oneOf(CHANGE_KINDS, get('kind')),
    overdue: get('overdue') === '1',
    sort: oneOf(SORTS, get('sort')) ?? 'created_desc',
    set,
  };
};

export const stalledLink = (code: string) => `/supervision/stalled?wardCode=${encodeURIComponent(code)}`;

/**
 * Supervisors: every procedure of one ward (the board's row, opened), filtered by status, step, kind and
 * overdue, a page at a time; the ward's numbers from the board on top, with a link to its stalled and failed
 * procedures (where the bulk actions are).
 */
export function WardProceduresPage() {
  const { t, i18n } = useTranslation();
  const { wardCode = '' } = useParams();
  const me = useMe();
  const supervisor = me.data?.supervisor === true;
  const p = useWardParams();
  const poll = usePollInterval();
  const board = useQuery({
    queryKey: ['supervision-board', null],
    enabled: supervisor,
    refetchInterval: poll,
    queryFn: () => unwrap(api.GET('/api/supervision/board', { params: { query: {} } })),
  });
  // "Overdue" = running with its deadline passed, as on the board; the moment is fixed when the box is ticked.
  const overdueBefore = useMemo(() => (p.overdue ? new Date().toISOString() : undefined), [p.overdue]);
  const { list, items } = useKeysetList({
    queryKey: ['procedures', 'ward', wardCode, p.status, p.step, p.kind, overdueBefore, p.sort],
    refetchInterval: poll,
    fetchPage: (after) =>
      unwrap(
        api.GET('/api/procedures', {
          params: {
            query: {
              wardCode,
              sort: p.sort,
              limit: 25,
              ...(overdueBefore ? { status: 'running' as const, dueBefore: overdueBefore } : {}),
              ...(p.status && !overdueBefore ? { status: p.status } : {}),
              ...(p.step ? { step: p.step } : {}),
              ...(p.kind ? { kind: p.kind } : {}),
              ...(after ? { after } : {}),
            },
          },
        }),
      ),
  });
  if (me.data && !supervisor) return <Alert type="warning" showIcon message={t('board.supervisorsOnly')} />;

  const ward = (board.data?.wards as BoardWard[] | undefined)?.find((w) => w.code === wardCode);
  const name = ward?.name;
  const unknown = board.isSuccess && !ward;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/supervision/board">← {t('board.ward.back')}</Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {name ? t('board.ward.title', { ward: name }) : t('board.ward.titleUnknown')}
      </Typography.Title>
      {unknown ? (
        <Alert type="warning" showIcon message={t('board.ward.notFound', { code: wardCode })} />
      ) : null}
      {ward ? (
        <TotalCards
          totals={[
            ['running', ward.runningTotal],
            ['overdue', ward.overdue],
            ['stalled', ward.stalled],
            ['failed', ward.failed],
            ['completedThisWeek', ward.completedThisWeek],
          ]}
        />
      ) : null}
      <Flex wrap gap="middle">
        <Link to={stalledLink(wardCode)} className="ward-stalled-link">
          {ward
            ? t('board.ward.stalledLink', { count: ward.stalled + ward.failed })
            : t('board.ward.stalledLinkPlain')}
        </Link>
        <Link to={`/supervision/wards/${encodeURIComponent(wardCode)}?status=failed`}>
          {t('board.ward.failedLink')}
        </Link>
      </Flex>
      <Flex wrap gap="small" role="search" aria-label={t('inbox.filters')}>
        <Select
          allowClear
          aria-label={t('filters.status')}
          placeholder={t('filters.status')}
          style={{ minWidth: 160 }}
          value={p.overdue ? 'running' : p.status}
          disabled={p.overdue}
          onChange={(v?: string) => p.set('status', v)}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          allowClear
          aria-label={t('filters.step')}
          placeholder={t('filters.step')}
          style={{ minWidth: 180 }}
          value={p.step}
          onChange={(v?: string) => p.set('step', v)}
          options={STEPS.map((s) => ({ value: s, label: t(`steps.${s}`) }))}
        />
        <Select
          allowClear
          aria-label={t('filters.kind')}
          placeholder={t('filters.kind')}
          style={{ minWidth: 160 }}
          value={p.kind}
          onChange={(v?: string) => p.set('kind', v)}
          options={CHANGE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <Select
          aria-label={t('filters.sort')}
          style={{ minWidth: 180 }}
          value={p.sort}
          onChange={(v: Sort) => p.set('sort', v === 'created_desc' ? undefined : v)}
          options={SORTS.map((s) => ({ value: s, label: t(SORT_LABELS[s]) }))}
        />
        <Checkbox checked={p.overdue} onChange={(e) => p.set('overdue', e.target.checked ? '1' : undefined)}>
          {t('board.ward.overdueOnly')}
        </Checkbox>
      </Flex>
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
        <Table
          className="ward-procedures-table"
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyText text={t('board.ward.empty')} /> }}
          columns={[
            {
              title: t('inbox.columns.title'),
              dataIndex: 'title',
              render: (title: string, row) => <Link to={`/procedures/${row.id}`}>{title}</Link>,
            },
            {
              title: t('filters.kind'),
              dataIndex: 'kind',
              render: (k: string) => t(`kinds.${k}`),
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
              render: (due: string | null, row) =>
                row.status === 'running' ? <DueCell dueAt={due} stalledSince={row.stalledSince} /> : '—',
            },
            {
              title: t('procedure.createdAt'),
              dataIndex: 'createdAt',
              render: (d: string) => formatDateTime(d, i18n.language),
            },
          ]}
        />
        <LoadMore list={list} />
      </QueryState>
    </Space>
  );
}
