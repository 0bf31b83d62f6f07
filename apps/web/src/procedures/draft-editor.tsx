import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useFieldErrors } from '../common/error-text';
import { QueryState } from '../common/page-states';
import { useProcedureAction } from './use-action';
import { type Procedure, useProcedurePart } from './use-procedure';

export function DraftText({ title, body }: { title: string; body: string }) {
  return (
    <>
      <Typography.Title level={4}>{title}</Typography.Title>
      {/* Scrollable: focusable so keyboard users can scroll it. */}
      <pre className="document-text" tabIndex={0} aria-label={title}>
        {body}
      </pre>
    </>
  );
}

interface DraftInput {
  body: string;
  decisionBody: string;
}

/**
 * The secretary edits the generated resolution and decision (numbered articles as plain lines: "Điều 1.",
 * "1.", "-") and submits them; unchanged texts are submitted as they are (no new version).
 */
export function DraftEditor({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const fieldErrors = useFieldErrors();
  const version = procedure.latestDraft?.version;
  const draft = useProcedurePart(
    procedure.id,
    `draft-${version}`,
    () =>
      unwrap(
        api.GET('/api/procedures/{id}/drafts/{version}', {
          params: { path: { id: procedure.id, version: version ?? 1 } },
        }),
      ),
    version !== undefined,
  );
  const submit = useProcedureAction(
    procedure.id,
    (input: DraftInput, key: string) => {
      const changed = {
        ...(input.body !== draft.data?.body ? { body: input.body } : {}),
        ...(input.decisionBody !== draft.data?.decisionBody ? { decisionBody: input.decisionBody } : {}),
      };
      return unwrap(
        api.POST('/api/procedures/{id}/draft/submit', {
          params: { path: { id: procedure.id }, header: { 'idempotency-key': key } },
          body: changed,
        }),
      );
    },
    t('draft.submitted'),
  );
  const errors = fieldErrors(submit.error);
  return (
    <Card title={t('draft.title', { version: version ?? '—' })} className="task-card">
      <QueryState isPending={version === undefined || draft.isPending} error={draft.error}>
        {draft.data ? (
          <Form<DraftInput>
            layout="vertical"
            key={draft.data.version}
            initialValues={{ body: draft.data.body, decisionBody: draft.data.decisionBody }}
            onFinish={(values) => submit.mutate(values)}
          >
            <Typography.Paragraph type="secondary">{t('draft.help')}</Typography.Paragraph>
            <Form.Item
              name="body"
              label={t('draft.resolution')}
              rules={[{ required: true, message: t('draft.required') }]}
              validateStatus={errors.body ? 'error' : undefined}
              help={errors.body}
            >
              <Input.TextArea autoSize={{ minRows: 8, maxRows: 30 }} className="document-editor" />
            </Form.Item>
            <Form.Item
              name="decisionBody"
              label={t('draft.decision')}
              rules={[{ required: true, message: t('draft.required') }]}
              validateStatus={errors.decisionBody ? 'error' : undefined}
              help={errors.decisionBody}
            >
              <Input.TextArea autoSize={{ minRows: 8, maxRows: 30 }} className="document-editor" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              {t('draft.submit')}
            </Button>
          </Form>
        ) : null}
      </QueryState>
    </Card>
  );
}
