import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Segmented, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useAddressParams } from '../common/address-params';
import { useErrorText } from '../common/error-text';
import { ImportJobPanel, RecentImports } from './import-job-panel';
import { keepRevealKey, newRevealKey } from './import-reveal-key';

type Kind = 'accounts' | 'committee';

/** What is sent: the CSV text, or an .xlsx workbook in base64 (the API reads its first sheet). */
type Source = { name: string; csv: string } | { name: string; xlsx: string };

const toBase64 = (buffer: ArrayBuffer): string => {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

const readSource = async (file: File): Promise<Source> =>
  /\.xlsx$/i.test(file.name)
    ? { name: file.name, xlsx: toBase64(await file.arrayBuffer()) }
    : { name: file.name, csv: await file.text() };

/** Rows in a CSV (lines with text, less the headings); unknown for a workbook until the API reads it. */
const rowCount = (source: Source | null): number | null =>
  source && 'csv' in source
    ? Math.max(0, source.csv.split(/\r?\n/).filter((l) => l.trim()).length - 1)
    : null;

/** An Idempotency-Key for the real import of a checked file (getRandomValues works outside HTTPS too). */
const requestKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * CSV (or .xlsx) import of accounts or committee members, as a job on the server: a dry run checks every row
 * against the database and reports each one (progress per row); only a clean dry run of the same file can be
 * imported, and the import checks again and stores all rows or none. The job's id is in the address
 * (?job=…): the admin can reload, leave and come back. Temporary passwords are shown once, in this tab only
 * (see import-reveal-key.ts); later, a new one can be issued per account.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { get, set } = useAddressParams();
  const jobId = get('job');
  const [kind, setKind] = useState<Kind>('accounts');
  const [source, setSource] = useState<Source | null>(null);
  const [pasted, setPasted] = useState('');
  /** The dry-run job of the chosen source, and the key its real import is sent with (a repeat = one job). */
  const [checked, setChecked] = useState<{
    source: Source;
    jobId: string;
    key: string;
    imported: boolean;
  } | null>(null);
  const checkedJob = useQuery({
    queryKey: ['admin-import-status', checked?.jobId],
    enabled: checked !== null,
    queryFn: () =>
      unwrap(
        api.GET('/api/admin/imports/{id}', {
          params: { path: { id: checked?.jobId ?? '' }, query: { from: 0, limit: 1 } },
        }),
      ),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 1000),
  });
  const start = useMutation({
    mutationFn: async ({ dryRun }: { dryRun: boolean }) => {
      if (!source) throw new Error('no file');
      const revealKey = !dryRun && kind === 'accounts' ? await newRevealKey() : undefined;
      const job = await unwrap(
        api.POST('/api/admin/imports', {
          body: {
            kind,
            ...('csv' in source ? { csv: source.csv } : { xlsx: source.xlsx }),
            dryRun,
            ...(revealKey ? { revealKey } : {}),
          },
          ...(!dryRun && checked ? { params: { header: { 'idempotency-key': checked.key } } } : {}),
        }),
      );
      if (!dryRun) keepRevealKey(job.id);
      return { job, dryRun };
    },
    onSuccess: ({ job, dryRun }) => {
      if (dryRun && source) setChecked({ source, jobId: job.id, key: requestKey(), imported: false });
      else setChecked((c) => (c ? { ...c, imported: true } : c));
      set('job', job.id, { push: true });
      void queryClient.invalidateQueries({ queryKey: ['admin-imports'] });
    },
  });
  const choose = (next: Source | null) => {
    setSource(next);
    setChecked(null);
    start.reset();
  };
  const rows = rowCount(source);
  const cleanCheck = checked !== null && checked.source === source && checkedJob.data?.status === 'done';
  /** The real import of the checked file was started: a second press is not offered (it would be the same job). */
  const imported = checked !== null && checked.imported;
  const step = imported ? 2 : cleanCheck ? 1 : 0;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('admin.import.title')}
      </Typography.Title>
      <Segmented<Kind>
        aria-label={t('admin.import.kind')}
        value={kind}
        onChange={(k) => {
          setKind(k);
          choose(null);
          setPasted('');
        }}
        options={[
          { value: 'accounts', label: t('admin.import.accounts') },
          { value: 'committee', label: t('admin.import.committee') },
        ]}
      />
      <Steps
        size="small"
        current={step}
        items={[
          { title: t('admin.import.steps.choose') },
          { title: t('admin.import.steps.check') },
          { title: t('admin.import.steps.store') },
        ]}
      />
      <Alert type="info" showIcon message={t(`admin.import.columns.${kind}`)} />
      <Upload.Dragger
        accept=".csv,.xlsx,text/csv"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          void readSource(file).then(choose);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p>{t('admin.import.drop')}</p>
      </Upload.Dragger>
      <Input.TextArea
        aria-label={t('admin.import.paste')}
        placeholder={t('admin.import.paste')}
        rows={4}
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
      />
      <Flex wrap gap="small" align="center">
        <Button
          disabled={!pasted.trim()}
          onClick={() => choose({ name: t('admin.import.pastedName'), csv: pasted })}
        >
          {t('admin.import.usePasted')}
        </Button>
        {source ? (
          <Typography.Text>
            {t('admin.import.chosen', { name: source.name })}
            {rows !== null ? ` · ${t('admin.import.rows', { n: rows })}` : ''}
          </Typography.Text>
        ) : null}
      </Flex>
      <Flex wrap gap="small">
        <Button
          type={cleanCheck ? 'default' : 'primary'}
          disabled={!source || start.isPending}
          loading={start.isPending && start.variables?.dryRun}
          onClick={() => start.mutate({ dryRun: true })}
        >
          {t('admin.import.dryRun')}
        </Button>
        <Button
          type="primary"
          disabled={!cleanCheck || imported || start.isPending}
          loading={start.isPending && start.variables?.dryRun === false}
          onClick={() => start.mutate({ dryRun: false })}
        >
          {t('admin.import.store')}
        </Button>
      </Flex>
      {source && !cleanCheck && checked?.source === source && checkedJob.data?.status === 'running' ? (
        <Typography.Text type="secondary">{t('admin.import.job.waitForCheck')}</Typography.Text>
      ) : null}
      {start.error ? <Alert type="error" showIcon role="alert" message={errorText(start.error)} /> : null}
      {jobId ? (
        <ImportJobPanel id={jobId} key={jobId} />
      ) : (
        <Typography.Text type="secondary">{t('admin.import.job.none')}</Typography.Text>
      )}
      <RecentImports onOpen={(id) => set('job', id, { push: true })} />
    </Space>
  );
}
