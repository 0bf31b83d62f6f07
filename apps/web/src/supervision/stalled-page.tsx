import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Flex,
  Input,
  List,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { useMe } from '../auth/use-me';
import { oneOf, useAddressParams } from '../common/address-params';
import { LoadMore, useKeysetList } from '../common/keyset-list';
import { EmptyText, QueryState } from '../common/page-states';
import { useErrorText } from '../common/error-text';
import { formatDateTime } from '../format/format';
import { usePollInterval } from '../live/use-live-updates';
import { useWardNames } from '../layout/app-layout';
import { CHANGE_KINDS, STEPS, type Step } from '../procedures/labels';

type Kind = (typeof CHANGE_KINDS)[number];
type Action = 'remind' | 'escalate' | 'cancel';
type DryRun = Extract<
  paths['/api/supervision/jobs']['post']['responses'][200]['content']['application/json'],
  { dryRun: true }
>;
type Job = paths['/api/supervision/jobs/{id}']['get']['responses'][200]['content']['application/json'];

const ACTIONS: Action[] = ['remind', 'escalate', 'cancel'];
const ITEM_COLORS = { pending: 'default', ok: 'success', failed: 'error' } as const;

/**
 * Supervisors: the stalled and failed procedures, oldest first, with who each waits for and since when; a
 * bulk remind, escalation or cancellation of what the filters select — a dry run first, then a job on the
 * server whose progress shows here (the job's id is in the address: leave and come back).
 */
export function StalledPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { get, set } = useAddressParams();
  const wardCode = get('wardCode');
  const step = oneOf(STEPS, get('step'));
  const kind = oneOf(CHANGE_KINDS, get('kind'));
  const jobId = get('job');
  const setParam = (key: string, value: string | undefined) => set(key, value, { push: key === 'job' });
  const supervisor = me.data?.supervisor === true;
  const wardNames = useWardNames(supervisor);
  const poll = usePollInterval();
  const filter = { ...(wardCode ? { wardCode } : {}), ...(step ? { step } : {}), ...(kind ? { kind } : {}) };
  const { list, items } = useKeysetList({
    queryKey: ['supervision-stalled', wardCode ?? null, step ?? null, kind ?? null],
    enabled: supervisor,
    refetchInterval: poll,
    fetchPage: (after) =>
      unwrap(
        api.GET('/api/supervision/stalled', {
          params: { query: { ...filter, limit: 50, ...(after ? { after } : {}) } },
        }),
      ),
  });

  if (me.data && !supervisor) return <Alert type="warning" showIcon message={t('board.supervisorsOnly')} />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('board.stalled.title')}
        {wardCode ? ` — ${wardNames.data?.get(wardCode) ?? wardCode}` : ''}
      </Typography.Title>
      <Typography.Text type="secondary">{t('board.stalled.intro')}</Typography.Text>
      <Flex wrap gap="small" role="search" aria-label={t('board.filters.label')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t('board.stalled.ward')}
          placeholder={t('board.stalled.allWards')}
          style={{ minWidth: 240 }}
          value={wardCode}
          onChange={(v?: string) => setParam('wardCode', v)}
          options={[...(wardNames.data ?? new Map<string, string>())].map(([code, name]) => ({
            value: code,
            label: name,
          }))}
        />
        <Select
          allowClear
          aria-label={t('filters.step')}
          placeholder={t('filters.step')}
          style={{ minWidth: 200 }}
          value={step}
          onChange={(v?: string) => setParam('step', v)}
          options={STEPS.map((s) => ({ value: s, label: t(`steps.${s}`) }))}
        />
        <Select
          allowClear
          aria-label={t('board.filters.kind')}
          placeholder={t('board.filters.kind')}
          style={{ minWidth: 160 }}
          value={kind}
          onChange={(v?: string) => setParam('kind', v)}
          options={CHANGE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
      </Flex>
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
        <Table
          className="stalled-table"
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyText text={t('board.stalled.empty')} /> }}
          columns={[
            {
              title: t('board.stalled.columns.title'),
              dataIndex: 'title',
              render: (title: string, row) => <Link to={`/procedures/${row.id}`}>{title}</Link>,
            },
            { title: t('board.stalled.columns.ward'), dataIndex: ['ward', 'name'] },
            {
              title: t('board.stalled.columns.step'),
              dataIndex: 'step',
              render: (s: string | null) => (s ? t(`steps.${s}`) : '—'),
            },
            {
              title: t('board.stalled.columns.waitingFor'),
              dataIndex: 'waitingFor',
              render: (w: string | null) => (w ? t(`waitingFor.${w}`) : '—'),
            },
            {
              title: t('board.stalled.columns.waitingSince'),
              dataIndex: 'waitingSince',
              render: (d: string | null) => formatDateTime(d, i18n.language),
            },
            {
              title: t('board.stalled.columns.stalledSince'),
              dataIndex: 'stalledSince',
              render: (d: string | null, row) =>
                d
                  ? `${formatDateTime(d, i18n.language)} (${t('board.stalled.stalledFor', { hours: row.stalledHours ?? 0 })})`
                  : '—',
            },
            {
              title: t('board.stalled.columns.state'),
              dataIndex: 'status',
              render: (s: string, row) =>
                s === 'failed' ? (
                  <Space direction="vertical" size={0}>
                    <Tag color="error">{t('status.failed')}</Tag>
                    <Typography.Text type="danger">
                      {t('board.stalled.failedBecause', {
                        message: row.failure?.message ?? row.failure?.code ?? '',
                      })}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Tag color="red">{t('procedure.overdue')}</Tag>
                ),
            },
          ]}
        />
        <LoadMore list={list} />
      </QueryState>
      {supervisor ? (
        <BulkPanel filter={filter} onJob={(id) => setParam('job', id)} key={JSON.stringify(filter)} />
      ) : null}
      {supervisor && jobId ? <JobPanel id={jobId} /> : null}
      {supervisor ? <RecentJobs onOpen={(id) => setParam('job', id)} /> : null}
    </Space>
  );
}

function BulkPanel({
  filter,
  onJob,
}: {
  filter: { wardCode?: string; step?: Step; kind?: Kind };
  onJob: (id: string) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action>('remind');
  const [reason, setReason] = useState('');
  const [dry, setDry] = useState<{ result: DryRun; key: string } | null>(null);
  const body = () => ({
    action,
    filter: { ...filter, stalledForHours: 0 },
    ...(reason.trim() ? { reason: reason.trim() } : {}),
  });
  const dryRun = useMutation({
    mutationFn: () => unwrap(api.POST('/api/supervision/jobs', { body: { ...body(), dryRun: true } })),
    onSuccess: (result) => {
      if (result.dryRun) setDry({ result, key: crypto.randomUUID() });
    },
  });
  const run = useMutation({
    mutationFn: (key: string) =>
      unwrap(
        api.POST('/api/supervision/jobs', {
          body: { ...body(), dryRun: false },
          params: { header: { 'idempotency-key': key } },
        }),
      ),
    onSuccess: (result) => {
      if (!result.dryRun) {
        setDry(null);
        onJob(result.job.id);
        void queryClient.invalidateQueries({ queryKey: ['supervision-jobs'] });
      }
    },
  });
  const needsReason = action === 'cancel' && !reason.trim();
  return (
    <Card size="small" title={<h3 className="board-card-title">{t('board.bulk.title')}</h3>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('board.bulk.explain')}</Typography.Text>
        <Flex wrap gap="small" align="center">
          <Select
            aria-label={t('board.bulk.action')}
            style={{ minWidth: 240 }}
            value={action}
            onChange={(a: Action) => {
              setAction(a);
              setDry(null);
            }}
            options={ACTIONS.map((a) => ({ value: a, label: t(`board.bulk.actions.${a}`) }))}
          />
          <Button onClick={() => dryRun.mutate()} loading={dryRun.isPending} disabled={needsReason}>
            {t('board.bulk.dryRun')}
          </Button>
        </Flex>
        <label>
          {t('board.bulk.reason')}
          <Input.TextArea
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-required={action === 'cancel'}
          />
        </label>
        {needsReason ? (
          <Typography.Text type="warning">{t('board.bulk.reasonRequired')}</Typography.Text>
        ) : null}
        {dryRun.error ? <Alert type="error" showIcon message={errorText(dryRun.error)} /> : null}
        {run.error ? <Alert type="error" showIcon message={errorText(run.error)} /> : null}
        {dry ? (
          <div className="bulk-dry-run">
            <Alert
              type="info"
              showIcon
              role="status"
              message={
                dry.result.wouldTouch === 0
                  ? t('board.bulk.dryRunNone')
                  : t('board.bulk.dryRunResult', {
                      matched: dry.result.matched,
                      count: dry.result.wouldTouch,
                    })
              }
            />
            <List
              size="small"
              dataSource={dry.result.procedures}
              renderItem={(p) => (
                <List.Item>
                  <Link to={`/procedures/${p.id}`}>{p.title}</Link>
                  <Typography.Text type="secondary">
                    {p.ward.name}
                    {p.step ? ` · ${t(`steps.${p.step}`)}` : ''}
                    {p.waitingFor ? ` · ${t(`waitingFor.${p.waitingFor}`)}` : ''}
                  </Typography.Text>
                </List.Item>
              )}
            />
            {dry.result.wouldTouch > 0 ? (
              <Button
                type="primary"
                danger={action === 'cancel'}
                loading={run.isPending}
                disabled={needsReason}
                onClick={() => run.mutate(dry.key)}
              >
                {t('board.bulk.run', { count: dry.result.wouldTouch })}
              </Button>
            ) : null}
          </div>
        ) : null}
      </Space>
    </Card>
  );
}

function JobPanel({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const job = useQuery({
    queryKey: ['supervision-job', id],
    queryFn: () => unwrap(api.GET('/api/supervision/jobs/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data?.status === 'done' ? false : 1000),
  });
  const data: Job | undefined = job.data;
  const finished = data ? data.ok + data.failed : 0;
  return (
    <Card
      size="small"
      title={<h3 className="board-card-title">{t('board.job.title')}</h3>}
      className="job-panel"
    >
      <QueryState isPending={job.isPending} error={job.error} onRetry={() => void job.refetch()}>
        {data ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {t('board.job.startedBy', {
                action: t(`board.bulk.actions.${data.action}`),
                time: formatDateTime(data.createdAt, i18n.language),
                by: data.createdBy,
              })}
            </Typography.Text>
            <Progress
              percent={data.total === 0 ? 100 : Math.round((finished / data.total) * 100)}
              status={data.status === 'done' ? (data.failed > 0 ? 'exception' : 'success') : 'active'}
              aria-label={t('board.job.title')}
            />
            <Typography.Text role="status" className="job-progress">
              {t('board.job.progress', {
                done: finished,
                total: data.total,
                ok: data.ok,
                failed: data.failed,
              })}{' '}
              {data.status === 'done' ? t('board.job.done') : t('board.job.running')}
            </Typography.Text>
            <Table
              rowKey="procedureId"
              size="small"
              dataSource={data.items}
              pagination={data.items.length > 50 ? { pageSize: 50 } : false}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('board.job.columns.procedure'),
                  dataIndex: 'title',
                  render: (title: string, row) => <Link to={`/procedures/${row.procedureId}`}>{title}</Link>,
                },
                { title: t('board.job.columns.ward'), dataIndex: ['ward', 'name'] },
                {
                  title: t('board.job.columns.result'),
                  dataIndex: 'status',
                  render: (s: 'pending' | 'ok' | 'failed') => (
                    <Tag color={ITEM_COLORS[s]}>{t(`board.job.item.${s}`)}</Tag>
                  ),
                },
                {
                  title: t('board.job.columns.detail'),
                  dataIndex: 'message',
                  render: (m: string | null, row) => (m ? `${m} (${row.code ?? ''})` : '—'),
                },
              ]}
            />
          </Space>
        ) : null}
      </QueryState>
    </Card>
  );
}

function RecentJobs({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const jobs = useQuery({
    queryKey: ['supervision-jobs'],
    // Quicker while a job runs, so its line here keeps pace with the job's own panel.
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.status === 'running') ? 1000 : 10_000),
    queryFn: () => unwrap(api.GET('/api/supervision/jobs', { params: { query: { limit: 10 } } })),
  });
  return (
    <Card size="small" title={<h3 className="board-card-title">{t('board.job.recent')}</h3>}>
      <QueryState
        isPending={jobs.isPending}
        error={jobs.error}
        isEmpty={jobs.data?.items.length === 0}
        emptyText={t('board.job.noRecent')}
      >
        <List
          size="small"
          dataSource={jobs.data?.items ?? []}
          renderItem={(j) => (
            <List.Item
              actions={[
                <Button key="open" size="small" onClick={() => onOpen(j.id)}>
                  {t('board.job.open')}
                </Button>,
              ]}
            >
              {t('board.job.startedBy', {
                action: t(`board.bulk.actions.${j.action}`),
                time: formatDateTime(j.createdAt, i18n.language),
                by: j.createdBy,
              })}
              {' · '}
              {t('board.job.progress', { done: j.ok + j.failed, total: j.total, ok: j.ok, failed: j.failed })}
            </List.Item>
          )}
        />
      </QueryState>
    </Card>
  );
}
