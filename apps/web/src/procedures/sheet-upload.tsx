import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, toApiError } from '../api/api-error';
import { authorizedFetch } from '../api/client';
import type { paths } from '../api/schema';
import { useErrorText } from '../common/error-text';
import type { DraftRow, PastedKind } from './paste-rows';

type Imported =
  paths['/api/procedures/items/import']['post']['responses'][200]['content']['application/json'];
type ImportedRow = Imported['rows'][number];

const asDraftRow = (row: ImportedRow): DraftRow => row;

/** Rows of a refused sheet (400 SHEET_ROWS_INVALID): each with its problem, so the table shows it on its row. */
const refusedRows = (error: ApiError): DraftRow[] | undefined => {
  const rows = error.body.details?.rows;
  return error.code === 'SHEET_ROWS_INVALID' && Array.isArray(rows)
    ? (rows as ImportedRow[]).map(asDraftRow)
    : undefined;
};

const download = async (format: 'xlsx' | 'csv') => {
  const response = await authorizedFetch(`/api/procedures/items/template?format=${format}`);
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `mau-nhap-danh-sach-kien-toan.${format}`;
  link.click();
  URL.revokeObjectURL(url);
};

type Outcome =
  | { readonly kind: 'reading'; readonly name: string }
  | { readonly kind: 'added'; readonly name: string; readonly count: number }
  | { readonly kind: 'problems'; readonly name: string; readonly reasons: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The secretary uploads an .xlsx or .csv of rows: the file goes to the import API (the same header and column
 * rules as the paste box), and the rows it reads fill the start page's table; when the API refuses rows, they
 * still fill the table, each with its problem, and the problems are listed here too. A template with the
 * Vietnamese headings downloads as .xlsx or .csv.
 */
export function SheetUpload({
  wardCode,
  kind,
  disabled,
  onRows,
}: {
  wardCode: string;
  kind: PastedKind;
  disabled?: boolean;
  onRows: (rows: DraftRow[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [outcome, setOutcome] = useState<Outcome>();

  const send = async (file: File) => {
    setOutcome({ kind: 'reading', name: file.name });
    const form = new FormData();
    form.append('wardCode', wardCode);
    form.append('kind', kind);
    form.append('file', file, file.name);
    try {
      const response = await authorizedFetch('/api/procedures/items/import', { method: 'POST', body: form });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) throw toApiError(response.status, body);
      const imported = body as Imported;
      onRows(imported.rows.map(asDraftRow));
      setOutcome({ kind: 'added', name: imported.fileName, count: imported.rows.length });
    } catch (error) {
      const rows = error instanceof ApiError ? refusedRows(error) : undefined;
      if (error instanceof ApiError && rows) {
        onRows(rows);
        const english = i18n.language === 'en';
        setOutcome({
          kind: 'problems',
          name: file.name,
          reasons: (error.body.errors ?? []).map((e) => (english ? e.reasonEn : e.reason)),
        });
      } else setOutcome({ kind: 'failed', message: errorText(error) });
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} className="sheet-upload">
      <Typography.Text strong>{t('sheets.title')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('sheets.help')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={disabled || outcome?.kind === 'reading'}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t('sheets.drop')}</p>
        <p className="ant-upload-hint">{t('sheets.dropHint')}</p>
      </Upload.Dragger>
      <Space wrap>
        <Typography.Text>{t('sheets.template')}</Typography.Text>
        {(['xlsx', 'csv'] as const).map((format) => (
          <Button
            key={format}
            size="small"
            onClick={() =>
              void download(format).catch((e: unknown) =>
                setOutcome({ kind: 'failed', message: errorText(e) }),
              )
            }
          >
            {t(format === 'xlsx' ? 'sheets.templateXlsx' : 'sheets.templateCsv')}
          </Button>
        ))}
      </Space>
      <div aria-live="polite">
        {outcome?.kind === 'reading' ? (
          <Alert type="info" showIcon message={t('sheets.reading', { name: outcome.name })} />
        ) : outcome?.kind === 'added' ? (
          <Alert
            type="success"
            showIcon
            message={t('sheets.added', { count: outcome.count, name: outcome.name })}
          />
        ) : outcome?.kind === 'problems' ? (
          <Alert
            type="error"
            showIcon
            className="sheet-problems"
            message={t('sheets.rowsWithProblems', { count: outcome.reasons.length, name: outcome.name })}
            description={
              <ul>
                {outcome.reasons.map((reason, i) => (
                  <li key={i}>{reason}</li>
                ))}
              </ul>
            }
          />
        ) : outcome?.kind === 'failed' ? (
          <Alert type="error" showIcon message={outcome.message} />
        ) : null}
      </div>
    </Space>
  );
}
