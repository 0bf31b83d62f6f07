import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../common/error-text';
import { downloadFile } from './registry-api';

/**
 * "Download Excel" and "Download CSV" for an export endpoint: `pathFor(format)` is the API path with its query;
 * null while there is nothing to export. The button spins while the file comes; the result is a message.
 */
export function ExportButtons({ pathFor }: { pathFor: ((format: 'xlsx' | 'csv') => string) | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [exporting, setExporting] = useState<'xlsx' | 'csv' | null>(null);
  const exportAs = async (format: 'xlsx' | 'csv') => {
    if (!pathFor) return;
    setExporting(format);
    try {
      const name = await downloadFile(pathFor(format));
      void message.success(t('registry.exported', { name }));
    } catch (error) {
      void message.error(`${t('registry.exportFailed')}: ${errorText(error)}`);
    } finally {
      setExporting(null);
    }
  };
  return (
    <>
      <Button onClick={() => void exportAs('xlsx')} loading={exporting === 'xlsx'} disabled={!pathFor}>
        {t('registry.exportXlsx')}
      </Button>
      <Button onClick={() => void exportAs('csv')} loading={exporting === 'csv'} disabled={!pathFor}>
        {t('registry.exportCsv')}
      </Button>
    </>
  );
}
