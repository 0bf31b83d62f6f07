import { DatePicker, Flex, Input, List, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDate, formatNumber } from '../format/format';
import { foldVietnamese } from '../procedures/paste-rows';
import { ExportButtons } from './export-buttons';
import { WardSelect } from './ward-select';
import { DecisionLink, useChangeLabel } from './decision-link';
import { type TreeNode, useRegistryWard, useWardTree } from './registry-api';

interface Row extends Omit<TreeNode, 'children'> {
  readonly key: string;
  readonly children?: Row[];
}

/** The tree as table rows; with a search, only matching units and their ancestors (diacritics ignored). */
const rowsOf = (nodes: readonly TreeNode[], query: string): Row[] =>
  nodes.flatMap((node): Row[] => {
    const children = rowsOf(node.children, query);
    const matches = !query || foldVietnamese(node.name).includes(query);
    if (!matches && children.length === 0) return [];
    const { children: _omitted, ...rest } = node;
    return [{ ...rest, key: node.id, ...(children.length ? { children } : {}) }];
  });

const flat = (nodes: readonly TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);

/** A ward's Party organizations on any date: tree, diacritic-insensitive search, scheduled changes, export. */
export function RegistryPage() {
  const { t, i18n } = useTranslation();
  const changeLabel = useChangeLabel();
  const { ward, setWard, options, params, setParams } = useRegistryWard();
  const asOf = params.get('asOf') ?? undefined;
  const [search, setSearch] = useState('');
  const tree = useWardTree(ward, asOf);
  const query = foldVietnamese(search.trim());
  const nodes = (tree.data?.tree ?? []) as unknown as TreeNode[];
  const rows = useMemo(() => rowsOf(nodes, query), [nodes, query]);
  const matches = useMemo(
    () => (query ? flat(nodes).filter((n) => foldVietnamese(n.name).includes(query)) : []),
    [nodes, query],
  );

  const setAsOf = (date: Dayjs | null) =>
    setParams((p) => {
      if (date) p.set('asOf', date.format('YYYY-MM-DD'));
      else p.delete('asOf');
      return p;
    });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('registry.title')}
      </Typography.Title>
      <Flex wrap gap="small" align="center" role="search" aria-label={t('registry.title')}>
        <WardSelect choice={{ ward, setWard, options }} />
        <DatePicker
          aria-label={t('registry.asOf')}
          placeholder={`${t('registry.asOf')}: ${t('registry.today')}`}
          format="DD/MM/YYYY"
          value={asOf ? dayjs(asOf) : null}
          onChange={setAsOf}
          allowClear
        />
        <Input.Search
          allowClear
          style={{ maxWidth: 360 }}
          aria-label={t('registry.search')}
          placeholder={t('registry.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <ExportButtons
          pathFor={
            ward
              ? (format) =>
                  `/api/registry/wards/${encodeURIComponent(ward)}/tree/export?format=${format}${asOf ? `&asOf=${asOf}` : ''}`
              : null
          }
        />
      </Flex>
      {!ward ? (
        <EmptyText text={t('registry.chooseWard')} />
      ) : (
        <QueryState isPending={tree.isPending} error={tree.error} onRetry={() => void tree.refetch()}>
          {tree.data ? (
            <Typography.Paragraph style={{ margin: 0 }}>
              {t('registry.organizations', {
                count: tree.data.organizations,
                date: formatDate(tree.data.onDate, i18n.language),
              })}
            </Typography.Paragraph>
          ) : null}
          {query ? (
            <div aria-live="polite">
              <Typography.Paragraph style={{ margin: 0 }}>
                {matches.length
                  ? t('registry.searchResults', { count: matches.length })
                  : t('registry.noMatch')}
              </Typography.Paragraph>
            </div>
          ) : null}
          <Table<Row>
            rowKey="key"
            size="small"
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            expandable={{ defaultExpandAllRows: true }}
            key={`${ward}-${asOf ?? ''}-${query}`}
            locale={{ emptyText: <EmptyText text={query ? t('registry.noMatch') : t('registry.empty')} /> }}
            columns={[
              {
                title: t('registry.columns.name'),
                dataIndex: 'name',
                render: (name: string, row) => (
                  <Link to={`/registry/units/${encodeURIComponent(row.id)}`}>{name}</Link>
                ),
              },
              {
                title: t('registry.columns.kind'),
                dataIndex: 'kind',
                render: (kind: string) => t(`registry.kinds.${kind}`),
              },
              {
                title: t('registry.columns.members'),
                dataIndex: 'fullMembers',
                align: 'right',
                render: (n: number) => formatNumber(n, i18n.language),
              },
              {
                title: t('registry.columns.secretary'),
                dataIndex: 'secretary',
                render: (s: string | null) => s ?? '—',
              },
              {
                title: t('registry.columns.scheduled'),
                dataIndex: 'scheduled',
                render: (scheduled: Row['scheduled']) =>
                  scheduled.map((c) => (
                    <Tag key={`${c.effectiveDate}-${c.name}`} color="gold">
                      {t('registry.scheduledItem', {
                        date: formatDate(c.effectiveDate, i18n.language),
                        change: changeLabel(c.change),
                        name: c.name,
                      })}
                    </Tag>
                  )),
              },
            ]}
          />
          <Typography.Title level={3}>{t('registry.scheduledTitle')}</Typography.Title>
          <List
            bordered
            dataSource={tree.data?.scheduled ?? []}
            locale={{ emptyText: <EmptyText text={t('registry.scheduledEmpty')} /> }}
            renderItem={(c) => (
              <List.Item key={`${c.unitId}-${c.effectiveDate}`}>
                <Space wrap size="small">
                  <Link to={`/registry/units/${encodeURIComponent(c.unitId)}`}>
                    {t('registry.scheduledItem', {
                      date: formatDate(c.effectiveDate, i18n.language),
                      change: changeLabel(c.change),
                      name: c.name,
                    })}
                  </Link>
                  <DecisionLink decision={c.document} decisionRef={c.decision.symbol} />
                </Space>
              </List.Item>
            )}
          />
        </QueryState>
      )}
    </Space>
  );
}
