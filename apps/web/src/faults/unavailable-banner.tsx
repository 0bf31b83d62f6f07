import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unavailableStore, useUnavailable } from './unavailable';

/** Seconds until `at`, re-rendered once a second while shown. */
const useSecondsUntil = (at: number | undefined): number | undefined => {
  const [, tick] = useState(0);
  useEffect(() => {
    if (at === undefined) return undefined;
    const timer = setInterval(() => tick((n) => n + 1), 1_000);
    return () => clearInterval(timer);
  }, [at]);
  return at === undefined ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1_000));
};

/**
 * The banner while a part of the system is down: which part (in the user's language), whether the action was
 * carried out, that what was typed is kept, and when it is sent again (with the same idempotency key, so never
 * twice). Shown above every page; gone with the next success.
 */
export const UnavailableBanner = () => {
  const { t } = useTranslation();
  const state = useUnavailable();
  const seconds = useSecondsUntil(state?.retryAt);
  if (!state) return null;
  const { info, retry } = state;
  const outcome = info.pending
    ? t('faults.pending')
    : info.mayApplyLater
      ? t('faults.mayApplyLater')
      : t('faults.notApplied');
  return (
    <Alert
      banner
      type="warning"
      role="alert"
      data-testid="unavailable-banner"
      title={info.busy ? t(`faults.busy.${info.part}`) : t(`faults.down.${info.part}`)}
      description={
        <>
          <div>{outcome}</div>
          {retry ? (
            <div>
              {t('faults.keptInput')}{' '}
              {seconds !== undefined && seconds > 0 ? t('faults.retryIn', { seconds }) : t('faults.retrying')}
            </div>
          ) : (
            <div>{t('faults.readRetry')}</div>
          )}
        </>
      }
      action={
        retry ? (
          <Button size="small" onClick={retry}>
            {t('faults.retryNow')}
          </Button>
        ) : (
          <Button size="small" onClick={() => unavailableStore.clear()}>
            {t('faults.dismiss')}
          </Button>
        )
      }
    />
  );
};
