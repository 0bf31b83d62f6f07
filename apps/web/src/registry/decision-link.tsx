import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../format/format';
import { type RegisterDocument, documentPath } from './registry-api';

/**
 * The decision that made a change: a link to its printable page with its signing date; its number alone when
 * the document is not in the register (data from before the product), or "initial data".
 */
export function DecisionLink({
  decision,
  decisionRef,
}: {
  decision: RegisterDocument | null | undefined;
  decisionRef?: string | null;
}) {
  const { t, i18n } = useTranslation();
  if (decision)
    return (
      <span>
        <Link to={documentPath(decision)}>{decision.symbol}</Link>{' '}
        <Typography.Text type="secondary">
          ({t('registry.unit.issuedOn', { date: formatDate(decision.issuedOn, i18n.language) })})
        </Typography.Text>
      </span>
    );
  if (decisionRef) return <span>{decisionRef}</span>;
  return <Typography.Text type="secondary">{t('registry.unit.seedData')}</Typography.Text>;
}

/** "Đổi tên", "Nâng cấp" …: the kind of change, in the user's language. */
export const useChangeLabel = () => {
  const { t } = useTranslation();
  return (change: string | null | undefined) =>
    t(`registry.changes.${change ?? 'other'}`, { defaultValue: t('registry.changes.other') });
};
