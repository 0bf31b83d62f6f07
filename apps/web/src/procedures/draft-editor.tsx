import { Alert, Badge, Button, Card, Flex, Input, Space, Tabs, Typography } from 'antd';
import { diffArrays } from 'diff';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type NumberingProblem,
  articleNumberingProblems,
} from '@kientoan/domain/documents/article-numbering';
import { documentModelFromText } from '@kientoan/domain/documents/document-model';
import { PLACEHOLDERS } from '@kientoan/domain/documents/document-placeholders';
import { api, unwrap } from '../api/client';
import { useFieldErrors } from '../common/error-text';
import { QueryState } from '../common/page-states';
import { DiffLines } from './drafts-view';
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

/** One document of the set as the editor shows it: the resolution is position 0. */
export interface EditableDocument {
  readonly position: number;
  readonly type: 'NQ' | 'QĐ';
  readonly purpose: string;
  readonly title: string;
  readonly unitName: string | null;
  readonly body: string;
}

interface DraftSet {
  readonly body: string;
  readonly decisionBody: string;
  readonly documents: readonly {
    position: number;
    purpose: string;
    title: string;
    unitName: string | null;
    body: string;
  }[];
}

/** The resolution and every decision of a draft, in the set's order (drafts from before sets: one decision). */
export const editableDocuments = (draft: DraftSet): EditableDocument[] => [
  { position: 0, type: 'NQ', purpose: 'resolution', title: '', unitName: null, body: draft.body },
  ...(draft.documents.length
    ? draft.documents.map((d): EditableDocument => ({
        position: d.position,
        type: 'QĐ',
        purpose: d.purpose,
        title: d.title,
        unitName: d.unitName,
        body: d.body,
      }))
    : [
        {
          position: 1,
          type: 'QĐ' as const,
          purpose: 'decision',
          title: '',
          unitName: null,
          body: draft.decisionBody,
        },
      ]),
];

/**
 * What to send for the secretary's texts: only the documents that changed — the resolution as `body`, the
 * decisions by position (`documents`), or `decisionBody` for a draft made before sets.
 */
export const draftSubmission = (
  draft: DraftSet,
  texts: ReadonlyMap<number, string>,
): { body?: string; decisionBody?: string; documents?: { position: number; body: string }[] } => {
  const originals = editableDocuments(draft);
  const changed = originals.filter((d) => (texts.get(d.position) ?? d.body) !== d.body);
  const resolution = changed.find((d) => d.position === 0);
  const decisions = changed.filter((d) => d.position > 0);
  return {
    ...(resolution ? { body: texts.get(0)! } : {}),
    ...(decisions.length === 0
      ? {}
      : draft.documents.length
        ? { documents: decisions.map((d) => ({ position: d.position, body: texts.get(d.position)! })) }
        : { decisionBody: texts.get(1)! }),
  };
};

type Problem = { key: 'empty' } | { key: 'blank'; blank: string };

/** What keeps a text from being issued, checked before it is sent (the API checks again). */
export const documentProblems = (type: 'NQ' | 'QĐ', text: string): Problem[] => {
  if (!text.trim()) return [{ key: 'empty' }];
  const required =
    type === 'NQ'
      ? [PLACEHOLDERS.number, PLACEHOLDERS.signingDate]
      : [PLACEHOLDERS.number, PLACEHOLDERS.signingDate, PLACEHOLDERS.resolutionNumber];
  return required.filter((blank) => !text.includes(blank)).map((blank) => ({ key: 'blank', blank }));
};

/**
 * What the edit changes that does not stop the submission but that the secretary should know: the layout no
 * longer read as a Party document (only HTML and text downloads then), articles or items numbered out of order.
 */
export const documentWarnings = (
  original: string,
  text: string,
): { layout: boolean; numbering: NumberingProblem[] } => {
  const model = documentModelFromText(text);
  const wasStructured = documentModelFromText(original) !== undefined;
  return {
    layout: wasStructured && model === undefined,
    numbering: model ? articleNumberingProblems(model.articles) : [],
  };
};

/** Line diff between the draft's text and the edited one (as the versions' diff shows it). */
const lineDiff = (from: string, to: string) =>
  (diffArrays(from.split('\n'), to.split('\n'), { timeout: 50 }) ?? []).flatMap((change) =>
    change.value.map((text) => ({
      op: change.added ? ('added' as const) : change.removed ? ('removed' as const) : ('same' as const),
      text,
    })),
  );

/** A tab's short name: "NQ", "QĐ 3". */
const tabName = (d: EditableDocument) => (d.type === 'NQ' ? 'NQ' : `QĐ ${d.position}`);

/**
 * The secretary edits EVERY document of the set — the resolution and each decision, one tab each (numbered
 * articles and lists as plain lines: "Điều 1.", "1.", "-"), sees what she changed against the draft, and
 * submits the set; unchanged documents are submitted as they are (no new version when nothing changed).
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
  return (
    <Card title={t('draft.title', { version: version ?? '—' })} className="task-card">
      <QueryState isPending={version === undefined || draft.isPending} error={draft.error}>
        {draft.data ? (
          <DraftSetForm
            key={draft.data.version}
            procedureId={procedure.id}
            draft={draft.data}
            fieldErrors={fieldErrors}
          />
        ) : null}
      </QueryState>
    </Card>
  );
}

function DraftSetForm({
  procedureId,
  draft,
  fieldErrors,
}: {
  procedureId: string;
  draft: DraftSet & { version: number };
  fieldErrors: (error: unknown) => Record<string, string>;
}) {
  const { t } = useTranslation();
  const documents = useMemo(() => editableDocuments(draft), [draft]);
  const [texts, setTexts] = useState<Map<number, string>>(
    () => new Map(documents.map((d) => [d.position, d.body])),
  );
  const [active, setActive] = useState('0');
  const [showDiff, setShowDiff] = useState(false);
  const [tried, setTried] = useState(false);
  const submit = useProcedureAction(
    procedureId,
    (input: ReturnType<typeof draftSubmission>, key: string) =>
      unwrap(
        api.POST('/api/procedures/{id}/draft/submit', {
          params: { path: { id: procedureId }, header: { 'idempotency-key': key } },
          body: input,
        }),
      ),
    t('draft.submitted'),
  );
  const textOf = (d: EditableDocument) => texts.get(d.position) ?? d.body;
  const problemsOf = (d: EditableDocument) => documentProblems(d.type, textOf(d));
  const submission = draftSubmission(draft, texts);
  // The API names a field of what was sent: body, decisionBody or documents[i].body (i: index in the list sent).
  const apiErrors = fieldErrors(submit.error);
  const apiErrorOf = (d: EditableDocument): string | undefined => {
    if (d.position === 0) return apiErrors.body;
    const index = submission.documents?.findIndex((s) => s.position === d.position) ?? -1;
    return (index >= 0 ? apiErrors[`documents[${index}].body`] : undefined) ?? apiErrors.decisionBody;
  };
  const problemText = (p: Problem) =>
    p.key === 'empty' ? t('draft.required') : t('draftSet.blankMissing', { blank: p.blank });
  const edited = documents.filter((d) => textOf(d) !== d.body);
  const invalid = documents.filter((d) => problemsOf(d).length > 0);

  const onSubmit = () => {
    setTried(true);
    const first = invalid[0];
    if (first) {
      setActive(String(first.position));
      return;
    }
    submit.mutate(submission);
  };

  const pane = (d: EditableDocument) => {
    const problems = tried || textOf(d) !== d.body ? problemsOf(d).map(problemText) : [];
    const apiError = apiErrorOf(d);
    const messages = [...problems, ...(apiError ? [apiError] : [])];
    const warnings = textOf(d) !== d.body ? documentWarnings(d.body, textOf(d)) : undefined;
    const warningTexts = [
      ...(warnings?.layout ? [t('draftSet.layoutBroken')] : []),
      ...(warnings?.numbering ?? []).map((n) =>
        n.kind === 'article'
          ? t('draftSet.articleOrder', { expected: n.expected, found: n.found })
          : t('draftSet.itemOrder', { article: n.article, expected: n.expected, found: n.found }),
      ),
    ];
    const fieldId = `draft-document-${d.position}`;
    const errorId = `${fieldId}-error`;
    const changed = textOf(d) !== d.body;
    return (
      <Flex vertical gap="small">
        <Typography.Text strong>
          {d.type === 'NQ'
            ? t('draftSet.resolutionHeading')
            : t('draftSet.decisionHeading', {
                position: d.position,
                kind: t(`documentSet.purpose.${d.purpose}`, { defaultValue: t('draft.decision') }),
              })}
          {d.title ? ` — ${t('documentSet.about')} ${d.title}` : ''}
        </Typography.Text>
        {d.unitName ? (
          <Typography.Text type="secondary">{t('draftSet.recipient', { unit: d.unitName })}</Typography.Text>
        ) : null}
        <Input.TextArea
          id={fieldId}
          aria-label={t('draftSet.textOf', { name: tabName(d) })}
          value={textOf(d)}
          status={messages.length ? 'error' : undefined}
          aria-invalid={messages.length > 0}
          aria-describedby={messages.length ? errorId : undefined}
          autoSize={{ minRows: 8, maxRows: 30 }}
          className="document-editor"
          onChange={(e) => {
            const value = e.target.value;
            setTexts((current) => new Map(current).set(d.position, value));
          }}
        />
        {messages.length ? (
          <div id={errorId} role="alert" className="ant-form-item-explain-error">
            {messages.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </div>
        ) : null}
        {warningTexts.length ? (
          <Alert
            type="warning"
            showIcon
            message={t('draftSet.warnings')}
            description={
              <ul className="draft-warnings">
                {warningTexts.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Space wrap>
          <Button size="small" disabled={!changed} onClick={() => setShowDiff((v) => !v)}>
            {showDiff ? t('draftSet.hideChanges') : t('draftSet.showChanges')}
          </Button>
          <Button
            size="small"
            disabled={!changed}
            onClick={() => setTexts((current) => new Map(current).set(d.position, d.body))}
          >
            {t('draftSet.restore')}
          </Button>
        </Space>
        {changed && showDiff ? (
          <>
            <Typography.Text type="secondary">
              {t('draftSet.changesAgainst', { version: draft.version })}
            </Typography.Text>
            <DiffLines lines={lineDiff(d.body, textOf(d))} />
          </>
        ) : null}
      </Flex>
    );
  };

  return (
    <Flex vertical gap="middle">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('draft.help')} {t('draftSet.help', { count: documents.length })}
      </Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={setActive}
        items={documents.map((d) => {
          const bad = (tried || textOf(d) !== d.body) && problemsOf(d).length > 0;
          return {
            key: String(d.position),
            label: (
              <span aria-label={`${tabName(d)}${textOf(d) !== d.body ? `, ${t('draftSet.edited')}` : ''}`}>
                {bad ? <Badge status="error" /> : textOf(d) !== d.body ? <Badge status="processing" /> : null}{' '}
                {tabName(d)}
              </span>
            ),
            children: pane(d),
          };
        })}
      />
      {tried && invalid.length ? (
        <Alert
          type="error"
          showIcon
          message={t('draftSet.invalid', { names: invalid.map(tabName).join(', ') })}
        />
      ) : null}
      <Flex wrap gap="small" align="center">
        <Button type="primary" onClick={onSubmit} loading={submit.isPending}>
          {t('draft.submit')}
        </Button>
        <Typography.Text type="secondary">
          {edited.length
            ? t('draftSet.editedCount', { count: edited.length, names: edited.map(tabName).join(', ') })
            : t('draftSet.unchanged')}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
