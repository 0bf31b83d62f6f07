import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { paths } from '../api/schema';

type Task = paths['/api/inbox/{procedureId}']['get']['responses'][200]['content']['application/json'];

/** Before → after of each registry change, or the rules the items break. */
export function RegistryDiff({ diff }: { diff: Task['diff'] }) {
  const { t, i18n } = useTranslation();
  if ('violations' in diff)
    return (
      <Alert
        type="error"
        showIcon
        message={t('preview.violations', { count: diff.violations.length })}
        description={
          <ul>
            {diff.violations.map((v, i) => (
              <li key={i}>
                {t('preview.row', { row: v.itemIndex + 1 })}:{' '}
                {i18n.language === 'en' ? v.messageEn : v.message}
              </li>
            ))}
          </ul>
        }
      />
    );
  return (
    <>
      <Typography.Title level={4}>{t('preview.diffTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('preview.organizations', { before: diff.organizationsBefore, after: diff.organizationsAfter })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey={(e) => `${e.itemIndex}-${e.after.id}`}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={diff.entries}
        columns={[
          { title: '#', dataIndex: 'itemIndex', render: (i: number) => i + 1 },
          { title: t('preview.change'), dataIndex: 'change', render: (c: string) => t(`kinds.${c}`) },
          { title: t('preview.before'), render: (_, e) => e.before?.name ?? '—' },
          { title: t('preview.after'), render: (_, e) => e.after.name },
          { title: t('preview.parent'), render: (_, e) => e.after.parentName ?? '—' },
        ]}
      />
    </>
  );
}
