import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDate } from '../format/format';
import {
  type RegisterDocument,
  type RegisterPage as Page,
  documentPath,
  useRegistryWard,
} from './registry-api';
import { ExportButtons } from './export-buttons';
import { WardSelect } from './ward-select';

const SORTS = ['number_desc', 'number_asc', 'issued_desc', 'issued_asc'] as const;
type Sort = (typeof SORTS)[number];
type DocType = 'NQ' | 'QĐ';

/**
 * The decision register of a ward (sổ đăng ký văn bản): issued resolutions and decisions by number, filtered
 * and sorted on the server, in keyset pages; exportable. Filters live in the address, so nothing is lost on
 * reload and a view can be shared.
 */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { ward, setWard, options, params, setParams } = useRegistryWard();
  // A register key is a term's first day, "start" (before the first congress) or a year (older decisions).
  const seriesName = (key: string) =>
    key === 'start'
      ? t('register.seriesNames.start')
      : /^\d{4}-\d{2}-\d{2}$/.test(key)
        ? t('register.seriesNames.term', { from: formatDate(key, i18n.language) })
        : t('register.seriesNames.year', { year: key });
  const docType = (params.get('docType') as DocType | null) ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const q = params.get('q') ?? '';
  const sort = (SORTS as readonly string[]).includes(params.get('sort') ?? '')
    ? (params.get('sort') as Sort)
    : 'number_desc';
  const [text, setText] = useState(q);
  const set = (key: string, value: string | undefined) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });
  const filters = {
    sort,
    ...(docType ? { docType } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(q ? { q } : {}),
  };

  const list = useInfiniteQuery({
    queryKey: ['register', ward, filters],
    enabled: !!ward,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/registry/wards/{wardCode}/register', {
          params: {
            path: { wardCode: ward ?? '' },
            query: { ...filters, limit: 50, ...(pageParam ? { after: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last: Page) => last.next ?? undefined,
  });
  const first = list.data?.pages[0];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('register.title')}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        message={t('register.gapless')}
        description={
          first?.series.length ? (
            <ul className="former-list" aria-label={t('register.title')}>
              {first.series.map((s) => (
                <li key={`${s.docType}-${s.series}`}>
                  {s.missing.length || s.duplicated.length ? (
                    <Typography.Text type="danger">
                      {t('register.seriesBroken', {
                        type: t(`register.types.${s.docType}`, { defaultValue: s.docType }),
                        series: seriesName(s.series),
                        missing: [...s.missing, ...s.duplicated].join(', '),
                      })}
                    </Typography.Text>
                  ) : (
                    t('register.seriesOk', {
                      type: t(`register.types.${s.docType}`, { defaultValue: s.docType }),
                      series: seriesName(s.series),
                      count: s.count,
                      last: String(s.last).padStart(2, '0'),
                    })
                  )}
                  {s.withdrawn ? ` (${t('register.seriesWithdrawn', { count: s.withdrawn })})` : ''}
                </li>
              ))}
            </ul>
          ) : undefined
        }
      />
      <Flex wrap gap="small" align="center" role="search" aria-label={t('register.filters')}>
        <WardSelect choice={{ ward, setWard, options }} />
        <Select
          allowClear
          aria-label={t('register.type')}
          placeholder={t('register.type')}
          style={{ minWidth: 150 }}
          value={docType}
          onChange={(v?: DocType) => set('docType', v)}
          options={(['NQ', 'QĐ'] as const).map((v) => ({ value: v, label: t(`register.types.${v}`) }))}
        />
        <DatePicker
          aria-label={t('register.from')}
          placeholder={t('register.from')}
          format="DD/MM/YYYY"
          value={from ? dayjs(from) : null}
          onChange={(d: Dayjs | null) => set('from', d?.format('YYYY-MM-DD'))}
        />
        <DatePicker
          aria-label={t('register.to')}
          placeholder={t('register.to')}
          format="DD/MM/YYYY"
          value={to ? dayjs(to) : null}
          onChange={(d: Dayjs | null) => set('to', d?.format('YYYY-MM-DD'))}
        />
        <Input.Search
          allowClear
          style={{ maxWidth: 320 }}
          aria-label={t('register.text')}
          placeholder={t('register.text')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set('q', v.trim() || undefined)}
        />
        <Select
          aria-label={t('register.sort')}
          style={{ minWidth: 190 }}
          value={sort}
          onChange={(v: Sort) => set('sort', v)}
          options={SORTS.map((s) => ({ value: s, label: t(`register.sorts.${s}`) }))}
        />
        <ExportButtons
          pathFor={
            ward
              ? (format) =>
                  `/api/registry/wards/${encodeURIComponent(ward)}/register/export?${new URLSearchParams({ ...filters, format }).toString()}`
              : null
          }
        />
      </Flex>
      {!ward ? (
        <EmptyText text={t('registry.chooseWard')} />
      ) : (
        <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
          <Typography.Paragraph style={{ margin: 0 }} aria-live="polite">
            {t('register.total', { count: first?.total ?? 0 })}
          </Typography.Paragraph>
          <Table<RegisterDocument>
            rowKey={(d) => `${d.series}-${d.docType}-${d.number}`}
            size="small"
            dataSource={items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyText text={t('register.empty')} /> }}
            columns={[
              {
                title: t('register.columns.symbol'),
                dataIndex: 'symbol',
                render: (symbol: string, d) => <Link to={documentPath(d)}>{symbol}</Link>,
              },
              {
                title: t('register.columns.type'),
                dataIndex: 'docType',
                render: (v: DocType) => t(`register.types.${v}`),
              },
              {
                title: t('register.columns.issuedOn'),
                dataIndex: 'issuedOn',
                render: (d: string) => formatDate(d, i18n.language),
              },
              {
                title: t('register.columns.effectiveDate'),
                dataIndex: 'effectiveDate',
                render: (d: string) => formatDate(d, i18n.language),
              },
              { title: t('register.columns.title'), dataIndex: 'title' },
              {
                title: t('register.columns.status'),
                dataIndex: 'status',
                render: (s: RegisterDocument['status']) => (
                  <Tag color={s === 'withdrawn' ? 'red' : 'green'}>{t(`register.status.${s}`)}</Tag>
                ),
              },
              {
                title: t('register.columns.procedure'),
                dataIndex: 'procedureId',
                render: (id: string) => (
                  <Link to={`/procedures/${encodeURIComponent(id)}`}>{t('register.openProcedure')}</Link>
                ),
              },
            ]}
          />
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </QueryState>
      )}
    </Space>
  );
}
