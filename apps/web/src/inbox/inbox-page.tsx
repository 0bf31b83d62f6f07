import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  List,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useErrorText } from '../common/error-text';
import { DueCell } from '../common/due-cell';
import { LoadMore, useKeysetList } from '../common/keyset-list';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDateTime } from '../format/format';
import { usePollInterval } from '../live/use-live-updates';
import { CHANGE_KINDS, STEPS, type Step } from '../procedures/labels';

interface Filters {
  kind?: string;
  step?: Step;
  dueBefore?: Dayjs | null;
  sort: 'due_asc' | 'due_desc';
}

/** Open tasks of the signed-in user: reviews, drafts, returns, votes, announcements to acknowledge. */
export function InboxPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ sort: 'due_asc' });
  const poll = usePollInterval();
  const {
    list: inbox,
    items,
    first,
  } = useKeysetList({
    queryKey: ['inbox', filters.kind, filters.step, filters.dueBefore?.toISOString(), filters.sort],
    refetchInterval: poll,
    fetchPage: (pageParam) =>
      unwrap(
        api.GET('/api/inbox', {
          params: {
            query: {
              sort: filters.sort,
              limit: 25,
              ...(filters.kind ? { kind: filters.kind } : {}),
              ...(filters.step ? { step: filters.step } : {}),
              ...(filters.dueBefore ? { dueBefore: filters.dueBefore.endOf('day').toISOString() } : {}),
              ...(pageParam ? { after: pageParam } : {}),
            },
          },
        }),
      ),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('inbox.title')}</Typography.Title>
      {first ? (
        <Flex wrap gap="middle" role="group" aria-label={t('inbox.counts')}>
          <Statistic title={t('inbox.count.total')} value={first.counts.total} />
          <Statistic title={t('inbox.count.review')} value={first.counts.review} />
          <Statistic title={t('inbox.count.secretary')} value={first.counts.secretary} />
          <Statistic title={t('inbox.count.vote')} value={first.counts.vote} />
          <Statistic title={t('inbox.count.acknowledge')} value={first.counts.acknowledge} />
        </Flex>
      ) : null}
      <Flex wrap gap="small" role="search" aria-label={t('inbox.filters')}>
        <Select
          allowClear
          aria-label={t('filters.kind')}
          placeholder={t('filters.kind')}
          style={{ minWidth: 160 }}
          value={filters.kind}
          onChange={(kind?: string) => setFilters((f) => ({ ...f, kind }))}
          options={[...CHANGE_KINDS, 'mixed'].map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
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
        <DatePicker
          aria-label={t('filters.dueBefore')}
          placeholder={t('filters.dueBefore')}
          value={filters.dueBefore ?? null}
          format="DD/MM/YYYY"
          onChange={(dueBefore) => setFilters((f) => ({ ...f, dueBefore }))}
        />
        <Select
          aria-label={t('filters.sort')}
          value={filters.sort}
          style={{ minWidth: 180 }}
          onChange={(sort: Filters['sort']) => setFilters((f) => ({ ...f, sort }))}
          options={[
            { value: 'due_asc', label: t('filters.dueAsc') },
            { value: 'due_desc', label: t('filters.dueDesc') },
          ]}
        />
      </Flex>
      <QueryState isPending={inbox.isPending} error={inbox.error} onRetry={() => void inbox.refetch()}>
        <Table
          rowKey="procedureId"
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyText text={t('inbox.empty')} /> }}
          columns={[
            {
              title: t('inbox.columns.title'),
              dataIndex: 'title',
              render: (title: string, row) => <Link to={`/procedures/${row.procedureId}`}>{title}</Link>,
            },
            {
              title: t('inbox.columns.task'),
              dataIndex: 'task',
              render: (task: string) => <Tag color="volcano">{t(`tasks.${task}`)}</Tag>,
            },
            { title: t('inbox.columns.ward'), dataIndex: 'wardName' },
            {
              title: t('inbox.columns.step'),
              dataIndex: 'step',
              render: (step: string | null) => (step ? t(`steps.${step}`) : '—'),
            },
            {
              title: t('inbox.columns.due'),
              dataIndex: 'dueAt',
              render: (due: string | null, row) => <DueCell dueAt={due} stalledSince={row.stalledSince} />,
            },
          ]}
        />
        <LoadMore list={inbox} />
        {first && first.acknowledgements.length > 0 ? (
          <AcknowledgementList items={first.acknowledgements} />
        ) : null}
      </QueryState>
    </Space>
  );
}

function AcknowledgementList({
  items,
}: {
  items: { procedureId: string; unitId: string; unitName: string; message: string; publishedAt: string }[];
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: (item: { procedureId: string; unitId: string }) =>
      unwrap(
        api.POST('/api/procedures/{id}/announcement/acknowledgements', {
          params: { path: { id: item.procedureId } },
          body: { unitId: item.unitId },
        }),
      ),
    onSuccess: () => {
      void message.success(t('inbox.acknowledged'));
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });
  return (
    <Card title={t('inbox.acknowledgements')} size="small">
      <List
        dataSource={items}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Button
                key="ack"
                size="small"
                onClick={() => acknowledge.mutate(item)}
                loading={acknowledge.isPending && acknowledge.variables.unitId === item.unitId}
              >
                {t('inbox.acknowledge')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={<Link to={`/procedures/${item.procedureId}`}>{item.unitName}</Link>}
              description={`${item.message} · ${formatDateTime(item.publishedAt, i18n.language)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
