import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Checkbox, Flex, Input, List, Select, Space, Typography } from 'antd';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  BOARD_SORTS,
  type BoardWard,
  boardTotals,
  filterBoard,
  sortBoard,
} from '@kientoan/domain/supervision/city-board';
import { WARD_AREAS } from '@kientoan/domain/supervision/ward-areas';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { useMe } from '../auth/use-me';
import { oneOf, useAddressParams } from '../common/address-params';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDate, formatDateTime, formatNumber } from '../format/format';
import { usePollInterval } from '../live/use-live-updates';
import { CHANGE_KINDS, STEPS } from '../procedures/labels';
import { BoardChart } from './board-chart';
import { TotalCards } from './total-cards';
import './board.css';

/** The filters live in the address, so going back to the board keeps them (and a link can be shared). */
const useBoardParams = () => {
  const { get, set } = useAddressParams();
  return {
    area: get('area'),
    kind: oneOf(CHANGE_KINDS, get('kind')),
    step: oneOf(STEPS, get('step')),
    overdueOnly: get('overdue') === '1',
    sort: oneOf(BOARD_SORTS, get('sort')) ?? 'ordinal',
    target: get('target'),
    set,
  };
};

/** A ward's page: all its procedures (filterable), with links to its stalled and failed ones. */
export const wardLink = (code: string) => `/supervision/wards/${encodeURIComponent(code)}`;

/** Supervisors: all 126 wards at a glance, filtered and sorted, with a projection for a target date. */
export function BoardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const p = useBoardParams();
  const poll = usePollInterval();
  const supervisor = me.data?.supervisor === true;
  const board = useQuery({
    queryKey: ['supervision-board', p.kind ?? null],
    enabled: supervisor,
    refetchInterval: poll,
    queryFn: () =>
      unwrap(api.GET('/api/supervision/board', { params: { query: p.kind ? { kind: p.kind } : {} } })),
  });
  const projection = useQuery({
    queryKey: ['supervision-projection', p.target ?? null, p.kind ?? null],
    enabled: supervisor && !!p.target && /^\d{4}-\d{2}-\d{2}$/.test(p.target),
    queryFn: () =>
      unwrap(
        api.GET('/api/supervision/board/projection', {
          params: { query: { target: p.target ?? '', ...(p.kind ? { kind: p.kind } : {}) } },
        }),
      ),
  });
  // The query keeps an unchanged answer's wards as the same array (structural sharing): a refetch that only
  // moves `asOf` re-renders neither the table nor the chart.
  const boardWards = board.data?.wards;
  const wards = useMemo(
    () =>
      sortBoard(
        filterBoard((boardWards ?? []) as BoardWard[], {
          area: p.area,
          step: p.step,
          overdueOnly: p.overdueOnly,
        }),
        p.sort,
      ),
    [boardWards, p.area, p.step, p.overdueOnly, p.sort],
  );
  const totals = useMemo(() => boardTotals(wards), [wards]);

  if (me.data && !supervisor) return <Alert type="warning" showIcon message={t('board.supervisorsOnly')} />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('board.title')}
      </Typography.Title>
      <Flex wrap gap="small" role="search" aria-label={t('board.filters.label')}>
        <Select
          allowClear
          aria-label={t('board.filters.area')}
          placeholder={t('board.filters.area')}
          style={{ minWidth: 200 }}
          value={p.area}
          onChange={(v?: string) => p.set('area', v)}
          options={WARD_AREAS.map((a) => ({ value: a.code, label: a.name }))}
        />
        <Select
          allowClear
          aria-label={t('board.filters.kind')}
          placeholder={t('board.filters.kind')}
          style={{ minWidth: 160 }}
          value={p.kind}
          onChange={(v?: string) => p.set('kind', v)}
          options={CHANGE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <Select
          allowClear
          aria-label={t('board.filters.step')}
          placeholder={t('board.filters.step')}
          style={{ minWidth: 200 }}
          value={p.step}
          onChange={(v?: string) => p.set('step', v)}
          options={STEPS.map((s) => ({ value: s, label: t(`steps.${s}`) }))}
        />
        <Select
          aria-label={t('board.filters.sort')}
          style={{ minWidth: 220 }}
          value={p.sort}
          onChange={(v: string) => p.set('sort', v === 'ordinal' ? undefined : v)}
          options={BOARD_SORTS.map((s) => ({ value: s, label: t(`board.sort.${s}`) }))}
        />
        <Checkbox
          checked={p.overdueOnly}
          onChange={(e) => p.set('overdue', e.target.checked ? '1' : undefined)}
        >
          {t('board.filters.overdueOnly')}
        </Checkbox>
      </Flex>
      <Typography.Text type="secondary">{t('board.filters.areaNote')}</Typography.Text>
      <QueryState isPending={board.isPending} error={board.error} onRetry={() => void board.refetch()}>
        {board.data ? (
          <Typography.Text type="secondary">
            {t('board.asOf', {
              time: formatDateTime(board.data.asOf, i18n.language),
              week: formatDate(board.data.weekStart, i18n.language),
            })}
          </Typography.Text>
        ) : null}
        <TotalCards
          totals={[
            ['wards', wards.length],
            ['running', totals.runningTotal],
            ['overdue', totals.overdue],
            ['stalled', totals.stalled],
            ['failed', totals.failed],
            ['completedThisWeek', totals.completedThisWeek],
          ]}
        />
        <Card size="small" title={<h3 className="board-card-title">{t('board.chart.title')}</h3>}>
          {wards.length === 0 ? (
            <EmptyText text={t('board.empty')} />
          ) : (
            <>
              <Typography.Paragraph type="secondary">{t('board.chart.hint')}</Typography.Paragraph>
              <BoardChart
                wards={wards}
                summary={t('board.chart.summary', {
                  wards: wards.length,
                  running: totals.runningTotal,
                  overdue: totals.overdue,
                  stalled: totals.stalled,
                  failed: totals.failed,
                })}
                onWard={(code) => void navigate(wardLink(code))}
              />
            </>
          )}
        </Card>
        <Projection
          target={p.target}
          onTarget={(v) => p.set('target', v)}
          data={projection.data}
          isPending={projection.isFetching}
          error={projection.error}
        />
        <BoardTable wards={wards} />
      </QueryState>
    </Space>
  );
}

/**
 * The table view of the board's numbers (the chart's accessible twin): 126 rows of 12 cells, as a plain HTML
 * table. antd's Table spent most of the board's render time on these ~1,500 cells (a component, contexts and
 * measured sticky offsets per cell) for a table that neither sorts nor pages; this one renders in a few
 * milliseconds and is memoised, so a filter or refetch that leaves the rows as they were does not render them.
 */
const BoardTable = memo(function BoardTable({ wards }: { wards: readonly BoardWard[] }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const count = (v: number, className: string) => <span className={v > 0 ? className : ''}>{n(v)}</span>;
  return (
    <div className="board-table-scroll" tabIndex={0} role="group" aria-label={t('board.table.caption')}>
      <table className="board-table">
        <caption>
          <h3 className="board-card-title">{t('board.table.caption')}</h3>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="board-table-ward">
              {t('board.table.ward')}
            </th>
            <th scope="col">{t('board.table.area')}</th>
            {STEPS.map((s) => (
              <th scope="col" key={s} className="board-table-number">
                {t(`steps.${s}`)}
              </th>
            ))}
            <th scope="col" className="board-table-number">
              {t('board.table.total')}
            </th>
            <th scope="col" className="board-table-number">
              {t('board.totals.overdue')}
            </th>
            <th scope="col" className="board-table-number">
              {t('board.totals.stalled')}
            </th>
            <th scope="col" className="board-table-number">
              {t('board.totals.failed')}
            </th>
            <th scope="col" className="board-table-number">
              {t('board.totals.completedThisWeek')}
            </th>
          </tr>
        </thead>
        <tbody>
          {wards.length === 0 ? (
            <tr>
              <td colSpan={7 + STEPS.length} className="board-table-empty">
                <EmptyText text={t('board.empty')} />
              </td>
            </tr>
          ) : (
            wards.map((w) => (
              <tr key={w.code} className="board-row">
                <th scope="row" className="board-table-ward">
                  <Link to={wardLink(w.code)} aria-label={t('board.table.open', { ward: w.name })}>
                    {w.name}
                  </Link>
                </th>
                <td>{w.area?.name ?? t('board.table.noArea')}</td>
                {STEPS.map((s) => (
                  <td key={s} className="board-table-number">
                    {n(w.running[s])}
                  </td>
                ))}
                <td className="board-table-number">
                  <strong>{n(w.runningTotal)}</strong>
                </td>
                <td className="board-table-number">{count(w.overdue, 'board-count-overdue')}</td>
                <td className="board-table-number">{count(w.stalled, 'board-count-stalled')}</td>
                <td className="board-table-number">{count(w.failed, 'board-count-stalled')}</td>
                <td className="board-table-number">{n(w.completedThisWeek)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
});

type ProjectionData =
  paths['/api/supervision/board/projection']['get']['responses'][200]['content']['application/json'];

function Projection({
  target,
  onTarget,
  data,
  isPending,
  error,
}: {
  target: string | undefined;
  onTarget: (value: string | undefined) => void;
  data: ProjectionData | undefined;
  isPending: boolean;
  error: unknown;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" title={<h3 className="board-card-title">{t('board.projection.title')}</h3>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('board.projection.explain')}</Typography.Text>
        <label className="board-target">
          {t('board.projection.target')}{' '}
          <Input
            type="date"
            style={{ width: 180 }}
            value={target ?? ''}
            onChange={(e) => onTarget(e.target.value || undefined)}
          />
        </label>
        {!target ? (
          <Typography.Text>{t('board.projection.pick')}</Typography.Text>
        ) : (
          <QueryState isPending={isPending && !data} error={error}>
            {data ? (
              <>
                <Typography.Text strong role="status">
                  {data.wards.length === 0
                    ? t('board.projection.none', { date: formatDate(data.target, i18n.language) })
                    : t('board.projection.count', {
                        count: data.wards.length,
                        date: formatDate(data.target, i18n.language),
                        open: data.openProcedures,
                      })}
                </Typography.Text>
                <List
                  className="board-projection"
                  size="small"
                  dataSource={data.wards}
                  renderItem={(w) => (
                    <List.Item>
                      <Space direction="vertical" size={0}>
                        <Link to={wardLink(w.code)}>{w.name}</Link>
                        <Typography.Text>
                          {t('board.projection.reason', {
                            waiting: t(`board.waitingAt.${w.reason.step}`),
                            days: w.reason.days,
                          })}
                          {' · '}
                          {t('board.projection.late', { late: w.late, open: w.open })}
                          {' · '}
                          {t('board.projection.finish', {
                            date: formatDate(w.projectedFinish, i18n.language),
                          })}
                        </Typography.Text>
                        <Typography.Text type="secondary">
                          {t(`board.projection.source.${w.reason.source}`)}
                          {w.area ? ` · ${w.area.name}` : ''}
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              </>
            ) : null}
          </QueryState>
        )}
      </Space>
    </Card>
  );
}
