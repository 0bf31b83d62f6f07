import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { QueryState } from '../common/page-states';
import { formatDateTime } from '../format/format';
import { useProcedurePart } from './use-procedure';

/** Draft versions and the line diff between any two of them. */
export function DraftsView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const drafts = useProcedurePart(id, 'drafts', () =>
    unwrap(api.GET('/api/procedures/{id}/drafts', { params: { path: { id } } })),
  );
  const versions = drafts.data?.items ?? [];
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const to = picked.to ?? versions.at(-1)?.version;
  const from = picked.from ?? (versions.length > 1 ? versions.at(-2)?.version : to);
  const diff = useProcedurePart(
    id,
    `diff-${from}-${to}`,
    () =>
      unwrap(
        api.GET('/api/procedures/{id}/drafts/{from}/diff/{to}', {
          params: { path: { id, from: from ?? 1, to: to ?? 1 } },
        }),
      ),
    from !== undefined && to !== undefined,
  );
  const options = versions.map((v) => ({
    value: v.version,
    label: t('drafts.version', {
      version: v.version,
      origin: t(`drafts.origin.${v.origin}`, { defaultValue: v.origin }),
      date: formatDateTime(v.createdAt, i18n.language),
    }),
  }));
  return (
    <QueryState
      isPending={drafts.isPending}
      error={drafts.error}
      isEmpty={versions.length === 0}
      emptyText={t('drafts.empty')}
    >
      <Flex wrap gap="small" align="center">
        <Select
          aria-label={t('drafts.from')}
          value={from}
          options={options}
          onChange={(v: number) => setPicked((p) => ({ ...p, from: v }))}
          style={{ minWidth: 240 }}
        />
        <span aria-hidden>→</span>
        <Select
          aria-label={t('drafts.to')}
          value={to}
          options={options}
          onChange={(v: number) => setPicked((p) => ({ ...p, to: v }))}
          style={{ minWidth: 240 }}
        />
      </Flex>
      <QueryState isPending={diff.isPending && diff.fetchStatus !== 'idle'} error={diff.error}>
        {diff.data ? (
          <>
            <Typography.Title level={4}>{t('drafts.resolution')}</Typography.Title>
            <DiffLines lines={diff.data.resolution} />
            {diff.data.documents.length ? (
              // A set: each decision that changed between the two versions, by its position.
              diff.data.documents.map((d) => (
                <div key={d.position}>
                  <Typography.Title level={4}>
                    {t('drafts.setDecision', { position: d.position, title: d.title })}
                  </Typography.Title>
                  <DiffLines lines={d.lines} />
                </div>
              ))
            ) : (
              <>
                <Typography.Title level={4}>{t('drafts.decision')}</Typography.Title>
                <DiffLines lines={diff.data.decision} />
              </>
            )}
          </>
        ) : null}
      </QueryState>
    </QueryState>
  );
}

export function DiffLines({ lines }: { lines: { op: 'same' | 'added' | 'removed'; text: string }[] }) {
  const { t } = useTranslation();
  return (
    <pre className="diff" aria-label={t('drafts.diff')} tabIndex={0}>
      {lines.map((line, index) => (
        <div key={index} className={`diff-${line.op}`}>
          {line.op === 'added' ? (
            <ins aria-label={t('drafts.added')}>+ {line.text}</ins>
          ) : line.op === 'removed' ? (
            <del aria-label={t('drafts.removed')}>- {line.text}</del>
          ) : (
            <span>{`  ${line.text}`}</span>
          )}
        </div>
      ))}
    </pre>
  );
}
