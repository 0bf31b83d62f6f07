import { Alert, Button, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentWard } from '../auth/current-ward';
import { type Actor, useMe } from '../auth/use-me';
import { QueryState } from '../common/page-states';
import { formatDate, formatDateTime } from '../format/format';
import { DocumentSetView } from './document-set-view';
import { DraftEditor } from './draft-editor';
import { DraftsView } from './drafts-view';
import { IssuedSetBanner } from './issued-set-banner';
import { itemSummary } from './item-summary';
import { STATUS_COLORS } from './labels';
import { ProcedureStepper } from './procedure-stepper';
import { ResubmitPanel } from './resubmit-panel';
import { ReviewPanel } from './review-panel';
import { TimelineView } from './timeline-view';
import { type Procedure, useProcedure } from './use-procedure';
import { VotePanel } from './vote-panel';
import { WithdrawButton } from './withdraw-button';

const rolesIn = (actor: Actor | undefined, ward: string) => actor?.wardRoles[ward] ?? [];

/** The task the signed-in user has on this procedure now, if any. */
function TaskPanel({ procedure, actor }: { procedure: Procedure; actor: Actor }) {
  const roles = rolesIn(actor, procedure.ward.code);
  const running = procedure.status === 'running';
  if (running && procedure.waitingFor === 'reviewer' && roles.includes('reviewer'))
    return <ReviewPanel procedure={procedure} />;
  if (running && procedure.waitingFor === 'secretary' && roles.includes('secretary'))
    return procedure.currentStep === 'draft_resolution' ? (
      <DraftEditor procedure={procedure} />
    ) : (
      <ResubmitPanel procedure={procedure} />
    );
  if (
    roles.includes('approver') &&
    (procedure.currentStep === 'committee_approval' || procedure.votes.length > 0)
  )
    return <VotePanel procedure={procedure} actor={actor} />;
  return null;
}

export function ProcedurePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  useCurrentWard(me.data);
  const procedure = useProcedure(id);
  const p = procedure.data;
  const roles = p ? rolesIn(me.data, p.ward.code) : [];
  const mayWithdraw = p?.status === 'running' && roles.includes('secretary') && !p.decision;
  return (
    <QueryState
      isPending={procedure.isPending}
      error={procedure.error}
      onRetry={() => void procedure.refetch()}
    >
      {p ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <div>
            <Typography.Title level={2} style={{ marginBottom: 4 }}>
              {p.title}
            </Typography.Title>
            <Space wrap>
              <Tag color={STATUS_COLORS[p.status]}>{t(`status.${p.status}`)}</Tag>
              <Tag>{t(`kinds.${p.kind}`, { defaultValue: p.kind })}</Tag>
              <Typography.Text type="secondary">{p.ward.name}</Typography.Text>
              {p.stalledSince ? <Tag color="red">{t('procedure.overdue')}</Tag> : null}
            </Space>
          </div>
          <ProcedureStepper procedure={p} />
          {p.ended ? (
            <Alert
              type="warning"
              showIcon
              message={t('procedure.ended', { by: p.ended.by, reason: p.ended.reason ?? '' })}
            />
          ) : null}
          {p.decision ? <IssuedSetBanner id={p.id} effectiveDate={p.decision.effectiveDate} /> : null}
          {me.data ? <TaskPanel procedure={p} actor={me.data} /> : null}
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
              <Descriptions.Item label={t('procedure.initiatedBy')}>{p.initiatedBy}</Descriptions.Item>
              <Descriptions.Item label={t('procedure.createdAt')}>
                {formatDateTime(p.createdAt, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('procedure.effectiveDate')}>
                {/* Once issued, the decision's date (the proposal may have left it to the signing day). */}
                {formatDate(p.decision?.effectiveDate ?? p.effectiveDate, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('procedure.round')}>{p.round}</Descriptions.Item>
              {p.announcement ? (
                <Descriptions.Item label={t('procedure.acknowledged')}>
                  {t('procedure.acknowledgedOf', {
                    done: p.announcement.acknowledged,
                    total: p.announcement.recipients,
                  })}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {mayWithdraw ? <WithdrawButton procedureId={p.id} /> : null}
          </Card>
          <Tabs
            items={[
              { key: 'timeline', label: t('procedure.tabs.timeline'), children: <TimelineView id={p.id} /> },
              {
                key: 'items',
                label: t('procedure.tabs.items', { count: p.items.length }),
                children: (
                  <Table
                    size="small"
                    rowKey={(_, i) => String(i)}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    dataSource={p.items}
                    columns={[
                      { title: '#', render: (_, __, i) => i + 1 },
                      { title: t('review.item'), render: (_, item) => itemSummary(item, t) },
                    ]}
                  />
                ),
              },
              { key: 'drafts', label: t('procedure.tabs.drafts'), children: <DraftsView id={p.id} /> },
              {
                key: 'documents',
                label: t('documentSet.tab'),
                children: <DocumentSetView id={p.id} canWithdraw={roles.includes('secretary')} />,
              },
            ]}
          />
          <Button onClick={() => void procedure.refetch()} size="small">
            {t('common.refresh')}
          </Button>
        </Space>
      ) : null}
    </QueryState>
  );
}
