import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toApiError } from '../api/api-error';
import { api, authorizedFetch, unwrap } from '../api/client';
import { QueryState } from '../common/page-states';
import { formatDate } from '../format/format';
import { useProcedurePart } from './use-procedure';
import { WithdrawDocumentButton } from './withdraw-document-button';

/** Fetches a file with the session's token and hands it to the browser as a download. */
export const download = async (path: string, fallbackName: string) => {
  const response = await authorizedFetch(path);
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
};

/** The procedure's document set (shared by the banner and the tab: one request). */
export const useDocumentSet = (id: string) =>
  useProcedurePart(id, 'documents', () =>
    unwrap(api.GET('/api/procedures/{id}/documents', { params: { path: { id } } })),
  );

/**
 * The procedure's document set: the resolution and each decision (numbered once issued), who receives it and
 * whether they acknowledged it, with links to view and print it and to download it in Word or PDF, and the zip
 * of all of them for the ceremony.
 */
export function DocumentSetView({ id, canWithdraw = false }: { id: string; canWithdraw?: boolean }) {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<string>();
  const set = useDocumentSet(id);
  const base = `/api/procedures/${encodeURIComponent(id)}/documents`;
  const get = (path: string, name: string) => {
    setFailure(undefined);
    download(path, name).catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  };
  const items = set.data?.items ?? [];
  return (
    <QueryState
      isPending={set.isPending}
      error={set.error}
      isEmpty={items.length === 0}
      emptyText={t('documentSet.empty')}
    >
      <Flex vertical gap="small">
        <Flex wrap gap="small" align="center" justify="space-between">
          <Typography.Text>
            {set.data?.issued
              ? t('documentSet.issued', { count: items.length })
              : t('documentSet.planned', { count: items.length, version: set.data?.draftVersion ?? '' })}
          </Typography.Text>
          {set.data?.issued ? (
            <Button onClick={() => get(`${base}/bundle.zip`, 'van-ban.zip')}>
              {t('documentSet.bundle')}
            </Button>
          ) : null}
        </Flex>
        {failure ? <Typography.Text type="danger">{failure}</Typography.Text> : null}
        <Table
          size="small"
          rowKey="position"
          // On a phone the table scrolls sideways rather than breaking numbers and names letter by letter.
          scroll={{ x: 860 }}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          dataSource={items}
          expandable={
            set.data?.issued
              ? undefined
              : {
                  // Before issue: the words the committee votes on, blanks and all.
                  rowExpandable: (d) => d.draftText !== null,
                  // Scrollable, so reachable by keyboard (tabIndex) and named for screen readers.
                  expandedRowRender: (d) => (
                    <pre
                      className="document-text"
                      tabIndex={0}
                      aria-label={`${t('documentSet.draftText')} ${d.title}`}
                    >
                      {d.draftText}
                    </pre>
                  ),
                }
          }
          columns={[
            {
              title: t('documentSet.number'),
              onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              render: (_, d) =>
                d.symbol ? (
                  <span>
                    {d.symbol}{' '}
                    {d.withdrawn ? (
                      <>
                        <Tag color="red">{t('documentSet.withdrawn')}</Tag>
                        <br />
                        <Typography.Text type="secondary" style={{ whiteSpace: 'normal' }}>
                          {t('documentSet.withdrawnOn', {
                            date: formatDate(d.withdrawn.at, i18n.language),
                            reason: d.withdrawn.reason,
                          })}
                        </Typography.Text>
                      </>
                    ) : null}
                  </span>
                ) : (
                  <Typography.Text type="secondary">{t('documentSet.unnumbered')}</Typography.Text>
                ),
            },
            {
              title: t('documentSet.kind'),
              render: (_, d) => t(`documentSet.purpose.${d.purpose}`),
            },
            { title: t('documentSet.title'), render: (_, d) => `${t('documentSet.about')} ${d.title}` },
            {
              title: t('documentSet.recipients'),
              render: (_, d) =>
                d.recipients.length === 0
                  ? '—'
                  : d.recipients.length === 1
                    ? `${d.recipients[0]!.unitName}${d.recipients[0]!.acknowledgedAt ? ` ✓ ${formatDate(d.recipients[0]!.acknowledgedAt, i18n.language)}` : ''}`
                    : t('documentSet.units', {
                        count: d.recipients.length,
                        done: d.recipients.filter((r) => r.acknowledgedAt).length,
                      }),
            },
            {
              title: t('documentSet.files'),
              render: (_, d) =>
                d.symbol ? (
                  <Flex wrap gap="small">
                    <Link to={`/procedures/${id}/documents/${d.position}`}>{t('documentSet.view')}</Link>
                    <Button
                      size="small"
                      onClick={() => get(`${base}/${d.position}?format=docx`, `${d.position}.docx`)}
                    >
                      Word
                    </Button>
                    <Button
                      size="small"
                      onClick={() => get(`${base}/${d.position}?format=pdf`, `${d.position}.pdf`)}
                    >
                      PDF
                    </Button>
                    {canWithdraw ? (
                      <WithdrawDocumentButton
                        procedureId={id}
                        position={d.position}
                        symbol={d.symbol}
                        withdrawn={d.withdrawn !== null}
                      />
                    ) : null}
                  </Flex>
                ) : null,
            },
          ]}
        />
      </Flex>
    </QueryState>
  );
}
