import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Flex,
  Input,
  Progress,
  Result,
  Segmented,
  Space,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { useErrorText } from '../common/error-text';
import { EmptyText } from '../common/page-states';

type Kind = 'accounts' | 'committee';

/** What is sent: the CSV text, or an .xlsx workbook in base64 (the API reads its first sheet). */
type Source = { name: string; csv: string } | { name: string; xlsx: string };

interface Problem {
  line: number;
  field: string;
  message: string;
  messageEn: string;
}

interface Report {
  dryRun: boolean;
  rows: { line: number; label: string; detail: string; temporaryPassword?: string | null }[];
}

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

const problemsOf = (error: unknown): Problem[] | null =>
  error instanceof ApiError && error.code === 'IMPORT_REJECTED'
    ? ((error.body.details?.problems as Problem[] | undefined) ?? [])
    : null;

/**
 * CSV (or .xlsx) import of accounts or committee members: a dry run checks every row against the database
 * first and reports each bad row with its reason; only a clean dry run of the same file can be imported, and
 * the import stores all rows or none. Temporary passwords are shown once, with a download.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [kind, setKind] = useState<Kind>('accounts');
  const [source, setSource] = useState<Source | null>(null);
  const [pasted, setPasted] = useState('');
  const [checked, setChecked] = useState<Source | null>(null);
  const run = useMutation({
    mutationFn: async ({ dryRun }: { dryRun: boolean }): Promise<Report> => {
      if (!source) throw new Error('no file');
      const body = { ...('csv' in source ? { csv: source.csv } : { xlsx: source.xlsx }), dryRun };
      if (kind === 'accounts') {
        const answer = await unwrap(api.POST('/api/admin/accounts/import', { body }));
        return {
          dryRun: answer.dryRun,
          rows: answer.created.map((c) => ({
            line: c.line,
            label: c.account.username,
            detail: [
              c.account.displayName,
              ...c.account.wardRoles.map((r) => `${t(`roles.${r.role}`)} · ${r.wardCode}`),
            ].join(' — '),
            temporaryPassword: c.temporaryPassword,
          })),
        };
      }
      const answer = await unwrap(api.POST('/api/admin/committee/import', { body }));
      return {
        dryRun: answer.dryRun,
        rows: answer.created.map((m) => ({
          line: m.line,
          label: m.fullName,
          detail: `${m.position} — ${m.wardCode} (${m.servedFrom} → ${m.servedTo ?? '…'})`,
        })),
      };
    },
    onSuccess: (report) => setChecked(report.dryRun ? source : null),
  });
  const choose = (next: Source | null) => {
    setSource(next);
    setChecked(null);
    run.reset();
  };
  const problems = problemsOf(run.error);
  const report = run.data;
  const step = report && !report.dryRun ? 2 : checked ? 1 : 0;
  const rows = rowCount(source);
  const download = () => {
    if (!report) return;
    const lines = [
      'ten_dang_nhap,mat_khau_tam_thoi',
      ...report.rows.map((r) => `${r.label},${r.temporaryPassword ?? ''}`),
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
          type={checked ? 'default' : 'primary'}
          disabled={!source || run.isPending}
          loading={run.isPending && run.variables?.dryRun}
          onClick={() => run.mutate({ dryRun: true })}
        >
          {t('admin.import.dryRun')}
        </Button>
        <Button
          type="primary"
          disabled={!checked || checked !== source || run.isPending}
          loading={run.isPending && run.variables?.dryRun === false}
          onClick={() => run.mutate({ dryRun: false })}
        >
          {t('admin.import.store')}
        </Button>
      </Flex>
      {run.isPending ? (
        <div role="status">
          <Progress
            percent={run.variables?.dryRun ? 50 : 90}
            status="active"
            showInfo={false}
            aria-label={t('admin.import.working')}
          />
          <Typography.Text>
            {run.variables?.dryRun ? t('admin.import.checking', { n: rows ?? 0 }) : t('admin.import.storing')}
          </Typography.Text>
        </div>
      ) : null}
      {problems ? (
        <>
          <Alert
            type="error"
            showIcon
            message={t('admin.import.rejected', { n: problems.length })}
            description={
              run.variables?.dryRun ? t('admin.import.fixAndRetry') : t('admin.import.nothingStored')
            }
          />
          <Table<Problem>
            className="import-problems"
            rowKey={(p) => `${p.line}/${p.field}/${p.message}`}
            dataSource={problems}
            pagination={problems.length > 50 ? { pageSize: 50 } : false}
            size="small"
            columns={[
              { key: 'line', title: t('admin.import.line'), dataIndex: 'line', width: 80 },
              { key: 'field', title: t('admin.import.field'), dataIndex: 'field', width: 160 },
              {
                key: 'message',
                title: t('admin.import.problem'),
                render: (_, p) => (i18n.language === 'en' ? p.messageEn : p.message),
              },
            ]}
          />
        </>
      ) : run.error ? (
        <Alert type="error" showIcon message={errorText(run.error)} />
      ) : null}
      {report ? (
        <>
          {report.dryRun ? (
            <Alert type="success" showIcon message={t('admin.import.checked', { n: report.rows.length })} />
          ) : (
            <Result
              status="success"
              title={t('admin.import.stored', { n: report.rows.length })}
              subTitle={kind === 'accounts' ? t('admin.import.passwordsOnce') : undefined}
              extra={
                kind === 'accounts' ? (
                  <Button onClick={download}>{t('admin.import.downloadPasswords')}</Button>
                ) : undefined
              }
            />
          )}
          <Table
            className="import-report"
            rowKey="line"
            dataSource={report.rows}
            pagination={report.rows.length > 50 ? { pageSize: 50 } : false}
            size="small"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyText text={t('admin.import.noRows')} /> }}
            columns={[
              { key: 'line', title: t('admin.import.line'), dataIndex: 'line', width: 80 },
              { key: 'label', title: t(`admin.import.label.${kind}`), dataIndex: 'label' },
              { key: 'detail', title: t('admin.import.detail'), dataIndex: 'detail' },
              ...(report.dryRun || kind !== 'accounts'
                ? []
                : [
                    {
                      key: 'password',
                      title: t('admin.import.temporaryPassword'),
                      render: (_: unknown, r: Report['rows'][number]) => (
                        <Typography.Text code copyable>
                          {r.temporaryPassword}
                        </Typography.Text>
                      ),
                    },
                  ]),
            ]}
          />
        </>
      ) : null}
    </Space>
  );
}
