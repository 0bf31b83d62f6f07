import { Alert, Button, Card, Descriptions, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { Actor } from '../auth/use-me';
import { useFieldErrors } from '../common/error-text';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDateTime } from '../format/format';
import { DraftText } from './draft-editor';
import { RegistryDiff } from './registry-diff';
import { useProcedureAction } from './use-action';
import { type Procedure, useProcedurePart } from './use-procedure';

const CHOICES = ['approve', 'reject', 'abstain', 'request_changes'] as const;
type Choice = (typeof CHOICES)[number];
interface VoteInput {
  voterId: string;
  choice: Choice;
  comment?: string;
}

/** The approver's task: the draft, the registry diff, the votes so far, the deadline, and the vote. */
export function VotePanel({ procedure, actor }: { procedure: Procedure; actor: Actor }) {
  const { t, i18n } = useTranslation();
  const fieldErrors = useFieldErrors();
  const [form] = Form.useForm<VoteInput>();
  const task = useProcedurePart(procedure.id, 'task', () =>
    unwrap(api.GET('/api/inbox/{procedureId}', { params: { path: { procedureId: procedure.id } } })),
  );
  const vote = useProcedureAction(
    procedure.id,
    (input: VoteInput, key: string) =>
      unwrap(
        api.POST('/api/procedures/{id}/approvals', {
          params: { path: { id: procedure.id }, header: { 'idempotency-key': key } },
          body: {
            voterId: input.voterId,
            choice: input.choice,
            ...(input.comment ? { comment: input.comment } : {}),
          },
        }),
      ),
    t('vote.cast'),
  );
  const members = [...(actor.memberId ? [actor.memberId] : []), ...(actor.actingForMembers ?? [])];
  const votes = task.data?.votes ?? [];
  const open = procedure.status === 'running' && procedure.currentStep === 'committee_approval';
  const pending = members.filter((m) => !votes.some((v) => v.voterId === m));
  const errors = fieldErrors(vote.error);
  return (
    <Card title={t('vote.title')} className="task-card">
      <QueryState isPending={task.isPending} error={task.error} onRetry={() => void task.refetch()}>
        {task.data ? (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('vote.round')}>{task.data.round}</Descriptions.Item>
              <Descriptions.Item label={t('vote.deadline')}>
                {formatDateTime(task.data.dueAt, i18n.language)}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={4}>{t('vote.votesSoFar')}</Typography.Title>
            <List
              size="small"
              dataSource={votes}
              locale={{ emptyText: <EmptyText text={t('vote.noVotes')} /> }}
              renderItem={(v) => (
                <List.Item>
                  <Space wrap>
                    <Typography.Text strong>{v.voterId}</Typography.Text>
                    <Tag>{t(`vote.choices.${v.choice}`)}</Tag>
                    {v.comment ? <Typography.Text type="secondary">“{v.comment}”</Typography.Text> : null}
                    <Typography.Text type="secondary">
                      {formatDateTime(v.castAt, i18n.language)}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
            {task.data.draft ? <DraftText title={t('vote.draft')} body={task.data.draft.body} /> : null}
            <RegistryDiff diff={task.data.diff} />
          </Space>
        ) : null}
      </QueryState>
      {!open ? (
        <Alert type="info" showIcon message={t('vote.closed')} />
      ) : pending.length === 0 ? (
        <Alert type="success" showIcon message={t('vote.alreadyVoted')} />
      ) : (
        <Form<VoteInput>
          form={form}
          layout="vertical"
          initialValues={{ voterId: pending[0] }}
          onFinish={(values) => vote.mutate(values)}
          className="vote-form"
        >
          {members.length > 1 ? (
            <Form.Item
              name="voterId"
              label={t('vote.voteFor')}
              validateStatus={errors.voterId ? 'error' : undefined}
              help={errors.voterId}
            >
              <Radio.Group
                options={pending.map((m) => ({
                  value: m,
                  label:
                    m === actor.memberId
                      ? t('vote.myself', { member: m })
                      : t('vote.actingFor', { member: m }),
                }))}
              />
            </Form.Item>
          ) : (
            <Form.Item name="voterId" hidden>
              <Input />
            </Form.Item>
          )}
          <Form.Item
            name="choice"
            label={t('vote.choice')}
            rules={[{ required: true, message: t('vote.choiceRequired') }]}
            validateStatus={errors.choice ? 'error' : undefined}
            help={errors.choice}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={CHOICES.map((c) => ({ value: c, label: t(`vote.choices.${c}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="comment"
            label={t('vote.comment')}
            validateStatus={errors.comment ? 'error' : undefined}
            help={errors.comment}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={vote.isPending}>
            {t('vote.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
