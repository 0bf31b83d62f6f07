import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { QueryState } from '../common/page-states';
import { formatDateTime } from '../format/format';
import { useProcedurePart } from './use-procedure';

/** Steps and human actions in order: who, what, when. */
export function TimelineView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const timeline = useProcedurePart(id, 'timeline', () =>
    unwrap(api.GET('/api/procedures/{id}/timeline', { params: { path: { id } } })),
  );
  const label = (type: 'step' | 'human', action: string) => {
    const [step, phase] = action.split('.');
    return type === 'step' && phase && step
      ? t(`timeline.${phase}`, { step: t(`steps.${step}`, { defaultValue: step }) })
      : t(`actions.${action}`, { defaultValue: action });
  };
  return (
    <QueryState
      isPending={timeline.isPending}
      error={timeline.error}
      isEmpty={timeline.data?.items.length === 0}
    >
      <Timeline
        items={(timeline.data?.items ?? []).map((e) => ({
          color: e.type === 'human' ? 'red' : 'gray',
          children: (
            <>
              <Typography.Text strong>{label(e.type, e.action)}</Typography.Text>{' '}
              {e.actorId ? <Typography.Text>· {e.actorId}</Typography.Text> : null}
              {e.role ? (
                <Typography.Text type="secondary">
                  {' '}
                  ({t(`roles.${e.role}`, { defaultValue: e.role })})
                </Typography.Text>
              ) : null}
              <br />
              <Typography.Text type="secondary">{formatDateTime(e.at, i18n.language)}</Typography.Text>
            </>
          ),
        }))}
      />
    </QueryState>
  );
}
