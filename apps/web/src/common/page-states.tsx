import { Alert, Button, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from './error-text';

/** Loading, error and empty states every page and list shows the same way. */
export function QueryState({
  isPending,
  error,
  isEmpty,
  emptyText,
  onRetry,
  children,
}: {
  isPending: boolean;
  error: unknown;
  isEmpty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (isPending) return <Skeleton active aria-busy="true" aria-label={t('common.loading')} />;
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        message={errorText(error)}
        action={
          onRetry ? (
            <Button size="small" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          ) : undefined
        }
      />
    );
  if (isEmpty) return <Empty description={emptyText ?? t('common.empty')} />;
  return <>{children}</>;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('common.notFound')} />;
}

/** The text of an empty table or list, in a colour that passes contrast checks (antd's is lighter). */
export function EmptyText({ text }: { text: string }) {
  return <span className="empty-text">{text}</span>;
}
