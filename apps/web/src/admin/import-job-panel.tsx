import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, List, Progress, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { useErrorText } from '../common/error-text';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDateTime } from '../format/format';
import { hasRevealKey, revealPasswords } from './import-reveal-key';
import { TemporaryPasswordModal } from './temporary-password';

type Job = paths['/api/admin/imports/{id}']['get']['responses'][200]['content']['application/json'];
type Row = Job['rows'][number];

const PAGE = 50;
const ROW_COLORS = { pending: 'default', valid: 'processing', invalid: 'error', applied: 'success' } as const;

const fetchJob = (id: string, from: number, limit: number) =>
  unwrap(api.GET('/api/admin/imports/{id}', { params: { path: { id }, query: { from, limit } } }));

/** Every row of a finished job (page after page), to open the sealed passwords of all of them. */
const allRows = async (id: string): Promise<Row[]> => {
  const rows: Row[] = [];
  for (let from: number | null = 0; from !== null;) {
    const page: Job = await fetchJob(id, from, 1000);
    rows.push(...page.rows);
    from = page.nextFrom;
  }
  return rows;
};

const username = (row: Row) => (typeof row.result?.username === 'string' ? row.result.username : null);

/**
 * One import job, followed while it runs (polled each second): the stage, a progress bar with the counts,
 * and the rows filling in page by page, each with its result or problems. The job's id is in the address,
 * so the admin can leave and come back (or reload) and find it here.
 */
export function ImportJobPanel({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const job = useQuery({
    queryKey: ['admin-import', id, page],
    queryFn: () => fetchJob(id, (page - 1) * PAGE, PAGE),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 1000),
  });
  const data = job.data;
  const finished = data ? data.status !== 'running' : false;
  const percent = data ? (data.total === 0 ? 100 : Math.round((data.done / data.total) * 100)) : 0;
  return (
    <Card
      size="small"
      className="import-job"
      title={<h3 className="board-card-title">{t('admin.import.job.title')}</h3>}
    >
      <QueryState isPending={job.isPending} error={job.error} onRetry={() => void job.refetch()}>
        {data ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {t('admin.import.job.startedBy', {
                kind: t(`admin.import.${data.kind}`),
                mode: data.dryRun ? t('admin.import.job.modeDry') : t('admin.import.job.modeReal'),
                time: formatDateTime(data.createdAt, i18n.language),
                by: data.createdBy,
              })}
            </Typography.Text>
            <Progress
              percent={percent}
              status={
                data.status === 'rejected' ? 'exception' : data.status === 'done' ? 'success' : 'active'
              }
              aria-label={t('admin.import.working')}
            />
            <Typography.Text role="status" aria-live="polite" className="import-job-progress">
              {t('admin.import.job.progress', {
                done: data.done,
                total: data.total,
                failed: data.failed,
                applied: data.applied,
              })}{' '}
              {t(`admin.import.job.stage.${data.status === 'running' ? data.stage : data.status}`)}
            </Typography.Text>
            <JobOutcome job={data} />
            {data.fileProblems.length > 0 ? (
              <Alert
                type="error"
                showIcon
                message={t('admin.import.job.fileProblems')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {data.fileProblems.map((p) => (
                      <li key={`${p.line}/${p.field}/${p.message}`}>
                        {t('admin.import.job.lineProblem', {
                          line: p.line,
                          message: i18n.language === 'en' ? p.messageEn : p.message,
                        })}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : null}
            {finished && data.kind === 'accounts' && !data.dryRun && data.status === 'done' ? (
              <Passwords job={data} />
            ) : (
              <Table<Row>
                className="import-rows"
                rowKey="position"
                size="small"
                dataSource={data.rows}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: <EmptyText text={t('admin.import.noRows')} /> }}
                pagination={
                  data.total > PAGE
                    ? {
                        current: page,
                        pageSize: PAGE,
                        total: data.total,
                        showSizeChanger: false,
                        onChange: setPage,
                      }
                    : false
                }
                columns={[
                  { key: 'line', title: t('admin.import.line'), dataIndex: 'line', width: 70 },
                  {
                    key: 'status',
                    title: t('admin.import.job.result'),
                    dataIndex: 'status',
                    render: (s: Row['status']) => (
                      <Tag color={ROW_COLORS[s]}>
                        {t(
                          `admin.import.job.row.${s === 'valid' && data.status === 'rejected' ? 'notStored' : s}`,
                        )}
                      </Tag>
                    ),
                  },
                  {
                    key: 'label',
                    title: t(`admin.import.label.${data.kind}`),
                    render: (_, r) => describe(r).label,
                  },
                  {
                    key: 'detail',
                    title: t('admin.import.detail'),
                    render: (_, r) =>
                      r.problems.length > 0 ? (
                        <Typography.Text type="danger">
                          {r.problems
                            .map((p) => `${p.field}: ${i18n.language === 'en' ? p.messageEn : p.message}`)
                            .join(' · ')}
                        </Typography.Text>
                      ) : (
                        describe(r).detail
                      ),
                  },
                ]}
              />
            )}
          </Space>
        ) : null}
      </QueryState>
    </Card>
  );
}

const describe = (row: Row): { label: string; detail: string } => {
  const r = row.result ?? {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  if (typeof r.username === 'string' && typeof r.displayName === 'string') {
    const roles = Array.isArray(r.wardRoles)
      ? (r.wardRoles as { role: string; wardCode: string }[]).map((w) => `${w.role}@${w.wardCode}`)
      : [];
    return { label: r.username, detail: [r.displayName, ...roles].join(' — ') };
  }
  if (typeof r.fullName === 'string')
    return {
      label: r.fullName,
      detail: `${text(r.position)} — ${text(r.wardCode)} (${text(r.servedFrom)} → ${text(r.servedTo) || '…'})`,
    };
  return { label: '', detail: '' };
};

function JobOutcome({ job }: { job: Job }) {
  const { t } = useTranslation();
  if (job.status === 'running') return null;
  if (job.status === 'rejected')
    return (
      <Alert
        type="error"
        showIcon
        message={t('admin.import.rejected', { n: job.failed + job.fileProblems.length })}
        description={job.dryRun ? t('admin.import.fixAndRetry') : t('admin.import.nothingStored')}
      />
    );
  if (job.dryRun)
    return <Alert type="success" showIcon message={t('admin.import.checked', { n: job.total })} />;
  return <Alert type="success" showIcon message={t('admin.import.stored', { n: job.applied })} />;
}

/**
 * A finished accounts import: the temporary passwords once, in the tab that started it; otherwise a button
 * per account that issues a new temporary password (the old one stays unknown).
 */
function Passwords({ job }: { job: Job }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [opened, setOpened] = useState<{ rows: Row[]; passwords: Map<string, string> } | null>(null);
  const [handOver, setHandOver] = useState<{ username: string; temporaryPassword: string } | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const canReveal = job.mine && hasRevealKey(job.id);
  useEffect(() => {
    let live = true;
    void allRows(job.id)
      .then(async (rows) => {
        const sealed = rows.flatMap((r) => {
          const name = username(r);
          return name && r.sealedPassword ? [{ username: name, sealedPassword: r.sealedPassword }] : [];
        });
        const passwords = canReveal ? await revealPasswords(job.id, sealed) : new Map<string, string>();
        if (live) setOpened({ rows, passwords });
      })
      .catch((error: unknown) => live && setLoadError(error));
    return () => {
      live = false;
    };
  }, [job.id]);
  const reissue = useMutation({
    mutationFn: (name: string) =>
      unwrap(
        api.POST('/api/admin/accounts/{username}/temporary-password', {
          params: { path: { username: name } },
          body: {},
        }),
      ),
    onSuccess: (answer) =>
      setHandOver({ username: answer.account.username, temporaryPassword: answer.temporaryPassword }),
  });
  if (loadError) return <Alert type="error" showIcon message={errorText(loadError)} />;
  if (!opened)
    return (
      <QueryState isPending error={null}>
        {null}
      </QueryState>
    );
  const shown = opened.passwords.size > 0;
  const download = () => {
    const lines = [
      'ten_dang_nhap,mat_khau_tam_thoi',
      ...opened.rows.flatMap((r) => {
        const name = username(r);
        return name ? [`${name},${opened.passwords.get(name) ?? ''}`] : [];
      }),
    ];
    const url = URL.createObjectURL(
      new Blob([`\uFEFF${lines.join('\n')}\n`], { type: 'text/csv;charset=utf-8' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = 'mat-khau-tam-thoi.csv';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {shown ? (
        <Alert
          type="warning"
          showIcon
          message={t('admin.import.passwordsOnce')}
          // Under the message, not beside it: beside it, a phone's width left the message one letter per line.
          description={
            <Button size="small" onClick={download}>
              {t('admin.import.downloadPasswords')}
            </Button>
          }
        />
      ) : (
        <Alert type="info" showIcon message={t('admin.import.job.passwordsGone')} />
      )}
      {reissue.error ? <Alert type="error" showIcon message={errorText(reissue.error)} /> : null}
      <List
        className="import-accounts"
        size="small"
        bordered
        dataSource={opened.rows}
        pagination={
          opened.rows.length > PAGE ? { pageSize: PAGE, size: 'small', showSizeChanger: false } : false
        }
        renderItem={(r) => {
          const name = username(r) ?? '';
          const password = opened.passwords.get(name);
          return (
            <List.Item
              actions={
                password
                  ? []
                  : [
                      <Button
                        key="new"
                        size="small"
                        loading={reissue.isPending && reissue.variables === name}
                        onClick={() => reissue.mutate(name)}
                        aria-label={t('admin.import.job.newPasswordFor', { username: name })}
                      >
                        {t('admin.import.job.newPassword')}
                      </Button>,
                    ]
              }
            >
              <Flex wrap gap="small" align="center">
                <Typography.Text type="secondary">
                  {t('admin.import.job.lineN', { line: r.line })}
                </Typography.Text>
                <Link to={`/admin/accounts/${encodeURIComponent(name)}`}>{name}</Link>
                {password ? (
                  <Typography.Text code copyable aria-label={t('admin.import.temporaryPassword')}>
                    {password}
                  </Typography.Text>
                ) : null}
              </Flex>
            </List.Item>
          );
        }}
      />
      <TemporaryPasswordModal value={handOver} onClose={() => setHandOver(null)} />
    </Space>
  );
}

/** The latest imports, to come back to one. */
export function RecentImports({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const jobs = useQuery({
    queryKey: ['admin-imports'],
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.status === 'running') ? 1000 : 10_000),
    queryFn: () => unwrap(api.GET('/api/admin/imports', { params: { query: { limit: 10 } } })),
  });
  return (
    <Card size="small" title={<h3 className="board-card-title">{t('admin.import.job.recent')}</h3>}>
      <QueryState
        isPending={jobs.isPending}
        error={jobs.error}
        onRetry={() => void jobs.refetch()}
        isEmpty={jobs.data?.items.length === 0}
        emptyText={t('admin.import.job.noRecent')}
      >
        <List
          size="small"
          className="import-recent"
          dataSource={jobs.data?.items ?? []}
          renderItem={(j) => (
            <List.Item
              actions={[
                <Button
                  key="open"
                  size="small"
                  onClick={() => onOpen(j.id)}
                  aria-label={t('admin.import.job.openOne', {
                    kind: t(`admin.import.${j.kind}`),
                    time: formatDateTime(j.createdAt, i18n.language),
                  })}
                >
                  {t('admin.import.job.open')}
                </Button>,
              ]}
            >
              <Typography.Text>
                {t('admin.import.job.startedBy', {
                  kind: t(`admin.import.${j.kind}`),
                  mode: j.dryRun ? t('admin.import.job.modeDry') : t('admin.import.job.modeReal'),
                  time: formatDateTime(j.createdAt, i18n.language),
                  by: j.createdBy,
                })}
                {' · '}
                {t(`admin.import.job.stage.${j.status === 'running' ? j.stage : j.status}`)}
              </Typography.Text>
            </List.Item>
          )}
        />
      </QueryState>
    </Card>
  );
}
