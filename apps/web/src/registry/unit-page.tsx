import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Descriptions, Flex, List, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDate, formatNumber } from '../format/format';
import { DecisionLink, useChangeLabel } from './decision-link';
import { LineageGraphChart } from './lineage-graph';
import type { UnitDetail } from './registry-api';

type Event = UnitDetail['events'][number];
type FieldChange = Event['fields'][number];

const STATUS_COLORS: Record<string, string> = { active: 'green', dissolved: 'default', scheduled: 'gold' };

/** A unit: as it is today, its former names/kinds/parents, its history and officers, its lineage. */
export function UnitPage() {
  const { unitId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const changeLabel = useChangeLabel();
  const date = (d: string | null | undefined) => formatDate(d, i18n.language);
  // The unit as of a date (history and officers then): in the address, so the link can be shared.
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && /^\d{4}-\d{2}-\d{2}$/.test(asOfParam) ? asOfParam : undefined;
  const setAsOf = (value: string | undefined) =>
    setParams(
      (p) => {
        if (value) p.set('asOf', value);
        else p.delete('asOf');
        return p;
      },
      { replace: true },
    );
  const unit = useQuery({
    queryKey: ['registry', 'unit', unitId, asOf ?? null],
    placeholderData: (previous) => previous,
    queryFn: () =>
      unwrap(
        api.GET('/api/registry/units/{unitId}', {
          params: { path: { unitId }, query: asOf ? { asOf } : {} },
        }),
      ),
  });
  const lineage = useQuery({
    queryKey: ['registry', 'lineage', unitId],
    queryFn: () =>
      unwrap(api.GET('/api/registry/units/{unitId}/lineage', { params: { path: { unitId }, query: {} } })),
  });
  const u = unit.data;
  const names = new Map(lineage.data?.nodes.map((n) => [n.key, n.name]) ?? []);

  const describe = (f: FieldChange) => {
    const value = (v: string | number | null, name: string | null) => {
      if (f.field === 'kind') return t(`registry.kinds.${String(v)}`);
      if (f.field === 'status') return t(`registry.unit.statusValues.${String(v)}`);
      if (f.field === 'parent') return name ?? (v === null ? '—' : String(v));
      return v === null ? '—' : String(v);
    };
    return t(`registry.unit.fields.${f.field}`, {
      from: value(f.from, f.fromName),
      to: value(f.to, f.toName),
    });
  };

  return (
    <QueryState isPending={unit.isPending} error={unit.error} onRetry={() => void unit.refetch()}>
      {u ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Link to={`/registry?ward=${encodeURIComponent(u.wardCode)}`}>← {t('registry.unit.back')}</Link>
          <Flex wrap gap="small" align="center">
            <Typography.Title level={2} style={{ margin: 0 }}>
              {u.name}
            </Typography.Title>
            <Tag color={STATUS_COLORS[u.status]}>{t(`registry.unit.statusValues.${u.status}`)}</Tag>
          </Flex>
          <Flex wrap gap="small" align="center">
            <label htmlFor="unit-as-of">{t('registry.unit.asOf.label')}</label>
            <DatePicker
              id="unit-as-of"
              placeholder={t('registry.unit.asOf.placeholder')}
              format="DD/MM/YYYY"
              value={asOf ? dayjs(asOf) : null}
              onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
              allowClear
            />
          </Flex>
          {asOf ? <UnitAsOf unit={u} asOf={asOf} /> : null}
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 2 }}
            title={t('registry.unit.onDate', { date: date(u.onDate) })}
            items={[
              { key: 'kind', label: t('registry.unit.kind'), children: t(`registry.kinds.${u.kind}`) },
              {
                key: 'parent',
                label: t('registry.unit.parent'),
                children: u.parent ? (
                  <Link to={`/registry/units/${encodeURIComponent(u.parent.id)}`}>
                    {u.parent.name ?? u.parent.id}
                  </Link>
                ) : (
                  '—'
                ),
              },
              {
                key: 'members',
                label: t('registry.unit.members'),
                children: formatNumber(u.fullMembers, i18n.language),
              },
              {
                key: 'officers',
                label: t('registry.unit.officers'),
                children: u.officers.length ? (
                  <Space direction="vertical" size={0}>
                    {u.officers.map((o) => (
                      <span key={`${o.role}-${o.personName}`}>
                        {t(`registry.unit.roles.${o.role}`)}: {o.personName} (
                        {t('registry.unit.since', { date: date(o.since) })}){' '}
                        {o.decision ? <DecisionLink decision={o.decision} /> : null}
                      </span>
                    ))}
                  </Space>
                ) : (
                  t('registry.unit.noOfficers')
                ),
              },
            ]}
          />

          {u.scheduled.length ? (
            <Alert
              type="warning"
              showIcon
              message={t('registry.scheduledTitle')}
              description={
                <List
                  size="small"
                  dataSource={u.scheduled}
                  renderItem={(c) => (
                    <List.Item key={c.effectiveDate}>
                      <Space wrap size="small">
                        <span>
                          {t('registry.scheduledItem', {
                            date: date(c.effectiveDate),
                            change: changeLabel(c.change),
                            name: c.name,
                          })}
                        </span>
                        <DecisionLink decision={c.document} decisionRef={c.decision.symbol} />
                      </Space>
                    </List.Item>
                  )}
                />
              }
            />
          ) : null}

          <Card title={t('registry.unit.formerNames')} size="small">
            {u.former.names.length + u.former.kinds.length + u.former.parents.length === 0 ? (
              <EmptyText text={t('registry.unit.noFormer')} />
            ) : (
              <Space direction="vertical" size="small" style={{ width: '100%' }}>
                <ul className="former-list" aria-label={t('registry.unit.formerNames')}>
                  {u.former.names.map((p) => (
                    <li key={`${p.value}-${p.from}`}>
                      <strong>{p.value}</strong> —{' '}
                      {t('registry.unit.formerPeriod', { from: date(p.from), to: date(p.to) })} ·{' '}
                      {t('registry.unit.endedBy')}{' '}
                      <DecisionLink decision={p.decision} decisionRef={p.endedBy} />
                    </li>
                  ))}
                </ul>
                {u.former.kinds.length ? (
                  <>
                    <Typography.Text strong>{t('registry.unit.formerKinds')}</Typography.Text>
                    <ul className="former-list">
                      {u.former.kinds.map((p) => (
                        <li key={`${p.value}-${p.from}`}>
                          {t(`registry.kinds.${p.value}`)} ({date(p.from)} – {date(p.to)}) ·{' '}
                          {t('registry.unit.endedBy')}{' '}
                          <DecisionLink decision={p.decision} decisionRef={p.endedBy} />
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {u.former.parents.length ? (
                  <>
                    <Typography.Text strong>{t('registry.unit.formerParents')}</Typography.Text>
                    <ul className="former-list">
                      {u.former.parents.map((p) => (
                        <li key={`${p.value.id ?? ''}-${p.from}`}>
                          {p.value.id ? (
                            <Link to={`/registry/units/${encodeURIComponent(p.value.id)}`}>
                              {p.value.name ?? p.value.id}
                            </Link>
                          ) : (
                            '—'
                          )}{' '}
                          ({date(p.from)} – {date(p.to)}) · {t('registry.unit.endedBy')}{' '}
                          <DecisionLink decision={p.decision} decisionRef={p.endedBy} />
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </Space>
            )}
          </Card>

          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('registry.unit.history')}
          </Typography.Title>
          <Table<Event>
            rowKey={(e) => `${e.effectiveDate}-${e.type}-${e.decisionRef ?? ''}`}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={u.events}
            columns={[
              {
                title: t('registry.unit.historyColumns.date'),
                dataIndex: 'effectiveDate',
                render: (d: string, e) => (
                  <Space size="small" wrap>
                    <span>{date(d)}</span>
                    {e.scheduled ? <Tag color="gold">{t('registry.unit.scheduledTag')}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t('registry.unit.historyColumns.change'),
                dataIndex: 'change',
                render: (c: string | null) => changeLabel(c),
              },
              {
                title: t('registry.unit.historyColumns.what'),
                dataIndex: 'fields',
                render: (fields: FieldChange[], e) =>
                  e.type === 'created' ? (
                    t('registry.unit.created')
                  ) : (
                    <Space direction="vertical" size={0}>
                      {fields.map((f) => (
                        <span key={f.field}>{describe(f)}</span>
                      ))}
                    </Space>
                  ),
              },
              {
                title: t('registry.unit.historyColumns.decision'),
                dataIndex: 'decision',
                render: (_: unknown, e) => <DecisionLink decision={e.decision} decisionRef={e.decisionRef} />,
              },
            ]}
          />

          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('registry.unit.officerHistory')}
          </Typography.Title>
          <Table
            rowKey={(o) => `${o.role}-${o.personName}-${o.validFrom}`}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={[...u.officerHistory].reverse()}
            locale={{ emptyText: <EmptyText text={t('registry.unit.noOfficers')} /> }}
            columns={[
              {
                title: t('registry.unit.officerColumns.role'),
                dataIndex: 'role',
                render: (r: string) => t(`registry.unit.roles.${r}`),
              },
              { title: t('registry.unit.officerColumns.person'), dataIndex: 'personName' },
              {
                title: t('registry.unit.officerColumns.from'),
                dataIndex: 'validFrom',
                render: (d: string) => date(d),
              },
              {
                title: t('registry.unit.officerColumns.to'),
                dataIndex: 'validTo',
                render: (d: string | null) => (d ? date(d) : '—'),
              },
              {
                title: t('registry.unit.officerColumns.decision'),
                dataIndex: 'decision',
                render: (_: unknown, o) => <DecisionLink decision={o.decision} decisionRef={o.decisionRef} />,
              },
            ]}
          />

          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('registry.unit.lineage')}
          </Typography.Title>
          <QueryState
            isPending={lineage.isPending}
            error={lineage.error}
            onRetry={() => void lineage.refetch()}
          >
            {lineage.data && lineage.data.edges.length > 0 ? (
              <>
                <LineageGraphChart
                  graph={lineage.data}
                  label={t('registry.unit.lineageGraph', { name: u.name })}
                />
                <Typography.Text strong>{t('registry.unit.lineageList')}</Typography.Text>
                <ol className="lineage-list" aria-label={t('registry.unit.lineageList')}>
                  {lineage.data.edges.map((e) => (
                    <li key={`${e.source}-${e.target}`}>
                      {t('registry.unit.lineageEdge', {
                        date: date(e.effectiveDate),
                        change: changeLabel(e.change),
                        from: names.get(e.source) ?? e.source,
                        to: names.get(e.target) ?? e.target,
                      })}{' '}
                      · <DecisionLink decision={e.decision} decisionRef={e.decisionRef} />
                    </li>
                  ))}
                </ol>
              </>
            ) : (
              <EmptyText text={t('registry.unit.lineageNone')} />
            )}
          </QueryState>
        </Space>
      ) : null}
    </QueryState>
  );
}

/** The unit as it stood on a date: its version then (name, kind, parent, members) and its officers then. */
function UnitAsOf({ unit, asOf }: { unit: UnitDetail; asOf: string }) {
  const { t, i18n } = useTranslation();
  const date = (d: string | null | undefined) => formatDate(d, i18n.language);
  const version = unit.asOf?.date === asOf ? unit.asOf.version : undefined;
  const on = (from: string, to: string | null) => from <= asOf && (to === null || to > asOf);
  const officers = unit.officerHistory.filter((o) => on(o.validFrom, o.validTo));
  const parentNames = new Map<string, string>();
  if (unit.parent?.name) parentNames.set(unit.parent.id, unit.parent.name);
  for (const p of unit.former.parents)
    if (p.value.id && p.value.name) parentNames.set(p.value.id, p.value.name);
  const title = <h3 className="unit-as-of-title">{t('registry.unit.asOf.title', { date: date(asOf) })}</h3>;
  // The answer for this date is still on its way (the previous date's is shown meanwhile).
  if (version === undefined) return <Card size="small" className="unit-as-of" title={title} loading />;
  return (
    <Card size="small" className="unit-as-of" title={title}>
      {version === null ? (
        <Typography.Text>{t('registry.unit.asOf.none')}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'name', label: t('registry.unit.asOf.name'), children: version.name },
            { key: 'kind', label: t('registry.unit.kind'), children: t(`registry.kinds.${version.kind}`) },
            {
              key: 'parent',
              label: t('registry.unit.parent'),
              children: version.parentId ? (
                <Link to={`/registry/units/${encodeURIComponent(version.parentId)}?asOf=${asOf}`}>
                  {parentNames.get(version.parentId) ?? version.parentId}
                </Link>
              ) : (
                '—'
              ),
            },
            {
              key: 'members',
              label: t('registry.unit.members'),
              children: formatNumber(version.fullMembers, i18n.language),
            },
            {
              key: 'status',
              label: t('registry.unit.asOf.status'),
              children: t(`registry.unit.statusValues.${version.status}`),
            },
            {
              key: 'since',
              label: t('registry.unit.asOf.since'),
              children: (
                <Space size="small" wrap>
                  {date(version.validFrom)}
                  <DecisionLink decision={version.decision} decisionRef={version.decisionRef} />
                </Space>
              ),
            },
            {
              key: 'officers',
              label: t('registry.unit.asOf.officers'),
              span: 2,
              children: officers.length ? (
                <Space direction="vertical" size={0}>
                  {officers.map((o) => (
                    <span key={`${o.role}-${o.personName}-${o.validFrom}`}>
                      {t(`registry.unit.roles.${o.role}`)}: {o.personName} (
                      {t('registry.unit.since', { date: date(o.validFrom) })}){' '}
                      <DecisionLink decision={o.decision} decisionRef={o.decisionRef} />
                    </span>
                  ))}
                </Space>
              ) : (
                t('registry.unit.noOfficers')
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
