import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Checkbox,
  Col,
  Flex,
  Input,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  BOARD_SORTS,
  type BoardSort,
  type BoardWard,
  boardTotals,
  filterBoard,
  sortBoard,
} from '@kientoan/domain/supervision/city-board';
import { WARD_AREAS } from '@kientoan/domain/supervision/ward-areas';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { useMe } from '../auth/use-me';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDate, formatDateTime, formatNumber } from '../format/format';
import { usePollInterval } from '../live/use-live-updates';
import { CHANGE_KINDS, STEPS, type Step } from '../procedures/labels';
import { BoardChart } from './board-chart';

type Kind = (typeof CHANGE_KINDS)[number];

/** The filters live in the address, so going back to the board keeps them (and a link can be shared). */
const useBoardParams = () => {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? undefined;
  const set = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const sort = get('sort');
  return {
    area: get('area'),
    kind: get('kind') as Kind | undefined,
    step: get('step') as Step | undefined,
    overdueOnly: params.get('overdue') === '1',
    sort: (BOARD_SORTS as readonly string[]).includes(sort ?? '') ? (sort as BoardSort) : 'ordinal',
    target: get('target'),
    set,
  };
};

const stalledLink = (code: string) => `/supervision/stalled?wardCode=${encodeURIComponent(code)}`;

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
  const wards = useMemo(
    () =>
      sortBoard(
        filterBoard((board.data?.wards ?? []) as BoardWard[], {
          area: p.area,
          step: p.step,
          overdueOnly: p.overdueOnly,
        }),
        p.sort,
      ),
    [board.data, p.area, p.step, p.overdueOnly, p.sort],
  );
  const totals = boardTotals(wards);
  const n = (v: number) => formatNumber(v, i18n.language);

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
        <Row gutter={[12, 12]} className="board-totals">
          {(
            [
              ['wards', wards.length, undefined],
              ['running', totals.runningTotal, undefined],
              ['overdue', totals.overdue, '#ad4e00'],
              ['stalled', totals.stalled, '#a8071a'],
              ['failed', totals.failed, '#a8071a'],
              ['completedThisWeek', totals.completedThisWeek, '#237804'],
            ] as const
          ).map(([key, value, color]) => (
            <Col key={key} xs={12} sm={8} lg={4}>
              <Card size="small">
                <Statistic
                  title={t(`board.totals.${key}`)}
                  value={n(value)}
                  valueStyle={color ? { color } : {}}
                />
              </Card>
            </Col>
          ))}
        </Row>
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
                onWard={(code) => void navigate(stalledLink(code))}
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
        <Table
          className="board-table"
          rowKey="code"
          size="small"
          dataSource={wards}
          pagination={false}
          scroll={{ x: 'max-content' }}
          caption={<h3 className="board-card-title">{t('board.table.caption')}</h3>}
          locale={{ emptyText: <EmptyText text={t('board.empty')} /> }}
          columns={[
            {
              title: t('board.table.ward'),
              dataIndex: 'name',
              fixed: 'left',
              render: (name: string, w: BoardWard) => (
                <Link to={stalledLink(w.code)} aria-label={t('board.table.open', { ward: name })}>
                  {name}
                </Link>
              ),
            },
            {
              title: t('board.table.area'),
              dataIndex: ['area', 'name'],
              render: (v: string | undefined) => v ?? t('board.table.noArea'),
            },
            ...STEPS.map((s) => ({
              title: t(`steps.${s}`),
              key: s,
              align: 'right' as const,
              render: (_: unknown, w: BoardWard) => n(w.running[s]),
            })),
            {
              title: t('board.table.total'),
              dataIndex: 'runningTotal',
              align: 'right' as const,
              render: (v: number) => <strong>{n(v)}</strong>,
            },
            {
              title: t('board.totals.overdue'),
              dataIndex: 'overdue',
              align: 'right' as const,
              render: (v: number) => <span className={v > 0 ? 'board-count-overdue' : ''}>{n(v)}</span>,
            },
            {
              title: t('board.totals.stalled'),
              dataIndex: 'stalled',
              align: 'right' as const,
              render: (v: number) => <span className={v > 0 ? 'board-count-stalled' : ''}>{n(v)}</span>,
            },
            {
              title: t('board.totals.failed'),
              dataIndex: 'failed',
              align: 'right' as const,
              render: (v: number) => <span className={v > 0 ? 'board-count-stalled' : ''}>{n(v)}</span>,
            },
            {
              title: t('board.totals.completedThisWeek'),
              dataIndex: 'completedThisWeek',
              align: 'right' as const,
              render: (v: number) => n(v),
            },
          ]}
        />
      </QueryState>
    </Space>
  );
}

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
                        <Link to={stalledLink(w.code)}>{w.name}</Link>
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
