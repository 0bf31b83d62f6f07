import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/format';
import { STEPS } from './labels';
import type { Procedure } from './use-procedure';

/** The five steps, the current one with who it waits for and by when. */
export function ProcedureStepper({ procedure }: { procedure: Procedure }) {
  const { t, i18n } = useTranslation();
  const current = procedure.currentStep ? STEPS.indexOf(procedure.currentStep) : STEPS.length;
  const ended = procedure.status !== 'running' && procedure.status !== 'completed';
  return (
    <Steps
      className="procedure-steps"
      responsive
      current={procedure.status === 'completed' ? STEPS.length : current}
      status={ended ? 'error' : procedure.stalledSince ? 'error' : 'process'}
      items={STEPS.map((step, index) => ({
        title: t(`steps.${step}`),
        description:
          index === current && procedure.status === 'running' ? (
            <span>
              {procedure.waitingFor
                ? t('procedure.waitingFor', { who: t(`waitingFor.${procedure.waitingFor}`) })
                : null}
              {procedure.dueAt ? (
                <>
                  <br />
                  {t('procedure.dueAt', { date: formatDateTime(procedure.dueAt, i18n.language) })}
                </>
              ) : null}
            </span>
          ) : undefined,
      }))}
    />
  );
}
