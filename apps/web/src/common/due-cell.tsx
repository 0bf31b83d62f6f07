import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/format';

/** A due date, flagged when the deadline has passed (the procedure is stalled). */
export function DueCell({ dueAt, stalledSince }: { dueAt: string | null; stalledSince: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <Space size={4}>
      {formatDateTime(dueAt, i18n.language)}
      {stalledSince ? <Tag color="red">{t('procedure.overdue')}</Tag> : null}
    </Space>
  );
}
