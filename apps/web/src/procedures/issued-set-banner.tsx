import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../format/format';
import { download, useDocumentSet } from './document-set-view';

/** How many documents the banner lists before "show all" (a ward may issue 27 at once). */
const FIRST = 6;

/**
 * Once issued, the procedure's page says so with the WHOLE set: the resolution and each decision with its
 * number and the unit it goes to, links to view/print, Word and PDF, and the zip of all of them for the ceremony.
 */
export function IssuedSetBanner({ id, effectiveDate }: { id: string; effectiveDate: string }) {
  const { t, i18n } = useTranslation();
  const set = useDocumentSet(id);
  const [all, setAll] = useState(false);
  const [failure, setFailure] = useState<string>();
  const base = `/api/procedures/${encodeURIComponent(id)}/documents`;
  const get = (path: string, name: string) => {
    setFailure(undefined);
    download(path, name).catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  };
  const items = set.data?.issued ? set.data.items : [];
  const decisions = items.filter((d) => d.type === 'QĐ');
  const shown = all ? items : items.slice(0, FIRST);
  const date = formatDate(effectiveDate, i18n.language);
  return (
    <Alert
      type="success"
      showIcon
      className="issued-set-banner"
      message={
        items.length
          ? t('issuedSet.title', { count: decisions.length, date })
          : t('issuedSet.titleLoading', { date })
      }
      description={
        set.error ? (
          <Typography.Text type="danger">{t('issuedSet.loadFailed')}</Typography.Text>
        ) : items.length === 0 ? null : (
          <Flex vertical gap="small">
            <ol className="issued-set-list" aria-label={t('issuedSet.listLabel')}>
              {shown.map((d) => (
                <li key={d.position}>
                  <Flex wrap gap="small" align="center" style={{ width: '100%' }}>
                    <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                      {d.symbol}
                    </Typography.Text>
                    {d.withdrawn ? <Tag color="red">{t('documentSet.withdrawn')}</Tag> : null}
                    <Typography.Text style={{ flex: '1 1 220px', minWidth: 0 }}>
                      {d.type === 'NQ'
                        ? t('documentSet.purpose.resolution')
                        : `${t('documentSet.about')} ${d.title}`}
                      {d.recipients.length === 1
                        ? ` — ${t('issuedSet.to', { unit: d.recipients[0]!.unitName })}`
                        : d.recipients.length > 1
                          ? ` — ${t('issuedSet.toUnits', { count: d.recipients.length })}`
                          : ''}
                    </Typography.Text>
                    <Flex wrap gap="small">
                      <Link
                        to={`/procedures/${id}/documents/${d.position}`}
                        aria-label={`${t('documentSet.view')} ${d.symbol ?? ''}`}
                      >
                        {t('documentSet.view')}
                      </Link>
                      <Button
                        size="small"
                        aria-label={`Word ${d.symbol ?? ''}`}
                        onClick={() => get(`${base}/${d.position}?format=docx`, `${d.position}.docx`)}
                      >
                        Word
                      </Button>
                      <Button
                        size="small"
                        aria-label={`PDF ${d.symbol ?? ''}`}
                        onClick={() => get(`${base}/${d.position}?format=pdf`, `${d.position}.pdf`)}
                      >
                        PDF
                      </Button>
                    </Flex>
                  </Flex>
                </li>
              ))}
            </ol>
            <Flex wrap gap="small" align="center">
              {items.length > FIRST ? (
                <Button size="small" onClick={() => setAll((v) => !v)} aria-expanded={all}>
                  {all ? t('issuedSet.fewer') : t('issuedSet.all', { count: items.length })}
                </Button>
              ) : null}
              <Button size="small" type="primary" onClick={() => get(`${base}/bundle.zip`, 'van-ban.zip')}>
                {t('documentSet.bundle')}
              </Button>
            </Flex>
            {failure ? <Typography.Text type="danger">{failure}</Typography.Text> : null}
          </Flex>
        )
      }
    />
  );
}
