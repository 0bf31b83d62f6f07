/** What the procedure endpoints send, as Zod schemas: documented in OpenAPI and the web app's types. */
import { z } from 'zod';
import { PROCEDURE_STEPS, VOTE_CHOICES } from '@kientoan/domain';
import { calendarDate, timestamp } from '../common/openapi/api-responses';
import { resolutionItemSchema } from '../registry/resolution-items.schema';

export const procedureStatusSchema = z.enum(['running', 'completed', 'failed', 'withdrawn', 'cancelled']);
export const waitingForSchema = z.enum(['reviewer', 'secretary', 'committee']);
const label = z.object({ vi: z.string(), en: z.string() });

const dateWindow = z.object({
  earliest: calendarDate.describe('Sớm nhất (hôm nay, giờ Hà Nội) / earliest, today in Hà Nội'),
  latest: calendarDate.describe('Muộn nhất / latest (earliest + maxDaysAhead)'),
  maxDaysAhead: z.number().int().describe('EFFECTIVE_DATE_MAX_DAYS_AHEAD'),
});

export const procedureRulesSchema = z.object({
  timeZone: z.string().describe('Every date is a day in this zone (Asia/Ho_Chi_Minh)'),
  today: calendarDate,
  effectiveDate: dateWindow.describe(
    'Ngày hiệu lực được chọn khi khởi tạo / the effective date chosen at start',
  ),
  ceremony: dateWindow
    .extend({ defaultTime: z.string().describe('HH:mm when no time is chosen') })
    .describe('Ngày lễ công bố / the announcement ceremony'),
});

export const startedProcedureSchema = z.object({
  id: z.uuid(),
  workflowId: z.string(),
  items: z.number().int().describe('Số mục của nghị quyết / number of items'),
});

export const procedureDetailSchema = z.object({
  id: z.uuid(),
  workflowId: z.string(),
  ward: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
  kind: z.string(),
  title: z.string(),
  status: procedureStatusSchema,
  deciderStatus: z.string().nullable().describe("The workflow's own state (reviewing, drafting, voting, …)"),
  revision: z.number().int().describe('Revision of the view the workflow last wrote'),
  failure: z
    .object({ code: z.string(), message: z.string().nullable() })
    .nullable()
    .describe('Why a failed procedure stopped (status "failed")'),
  initiatedBy: z.string(),
  effectiveDate: calendarDate.nullable(),
  requestedCeremony: z
    .object({ at: timestamp, place: z.string().nullable() })
    .nullable()
    .describe(
      'Ceremony date and place chosen at start (null: first working day after issue, at the ward seat)',
    ),
  items: z.array(resolutionItemSchema),
  round: z.number().int(),
  currentStep: z.enum(PROCEDURE_STEPS).nullable(),
  currentStepLabel: label.nullable(),
  waitingFor: waitingForSchema.nullable(),
  dueAt: timestamp.nullable(),
  stalledSince: timestamp.nullable(),
  returnReasons: z.unknown().nullable(),
  ended: z.object({ by: z.string(), reason: z.string().nullable() }).nullable(),
  createdAt: timestamp,
  completedAt: timestamp.nullable(),
  steps: z.array(
    z.object({
      step: z.enum(PROCEDURE_STEPS),
      label,
      round: z.number().int(),
      status: z.enum(['in_progress', 'completed']),
      startedAt: timestamp,
      completedAt: timestamp.nullable(),
      outcome: z.unknown().nullable(),
    }),
  ),
  votes: z.array(
    z.object({
      round: z.number().int(),
      voterId: z.string(),
      choice: z.enum(VOTE_CHOICES),
      comment: z.string().nullable(),
      castAt: timestamp,
    }),
  ),
  latestDraft: z.object({ version: z.number().int(), body: z.string(), createdAt: timestamp }).nullable(),
  decision: z
    .object({
      symbol: z.string(),
      number: z.number().int(),
      year: z.number().int(),
      issuedAt: timestamp,
      resolutionSymbol: z.string(),
      effectiveDate: calendarDate,
    })
    .nullable(),
  announcement: z
    .object({
      body: z.string(),
      publishedAt: timestamp,
      ceremonyAt: timestamp.nullable(),
      ceremonyPlace: z.string().nullable(),
      recipients: z.number().int(),
      acknowledged: z.number().int(),
    })
    .nullable(),
});

export const tallySchema = z.object({
  members: z.number().int(),
  needed: z.number().int(),
  approve: z.number().int(),
  reject: z.number().int(),
  abstain: z.number().int(),
  requestChanges: z.number().int(),
  outstanding: z.number().int(),
  outcome: z.enum(['open', 'passed', 'failed', 'changes_requested']),
});

export const castVoteResponseSchema = z.object({
  procedureId: z.uuid(),
  round: z.number().int(),
  voterId: z.string(),
  choice: z.enum(VOTE_CHOICES),
  tally: tallySchema.nullable().describe('Null when answering a repeat of a vote recorded earlier'),
  replayed: z.boolean(),
});

/** The workflow's answer to an action Update: where the procedure stands after it. */
export const actionResultSchema = z.object({
  status: procedureStatusSchema,
  round: z.number().int(),
  version: z.number().int().optional().describe('The draft version submitted (draft/submit only)'),
});

export const timelineSchema = z.object({
  items: z.array(
    z.object({
      at: timestamp,
      type: z.enum(['step', 'human']),
      action: z.string().describe('"<step>.started", "<step>.completed" or the audited action'),
      actorId: z.string().nullable(),
      role: z.string().nullable(),
      round: z.number().int().nullable(),
      detail: z.unknown(),
    }),
  ),
});

const draftOrigin = z.string().describe('generated | edited');
export const draftListSchema = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      round: z.number().int(),
      origin: draftOrigin,
      authorId: z.string().nullable(),
      createdAt: timestamp,
    }),
  ),
});
export const draftSchema = z.object({
  version: z.number().int(),
  round: z.number().int(),
  origin: draftOrigin,
  body: z.string(),
  decisionBody: z.string(),
  authorId: z.string().nullable(),
  createdAt: timestamp,
  documents: z
    .array(
      z.object({
        position: z.number().int(),
        type: z.literal('QĐ'),
        purpose: z.enum(['founding', 'appointment', 'collective']),
        unitId: z.string().nullable(),
        unitName: z.string().nullable(),
        title: z.string(),
        recipients: z.array(z.object({ unitId: z.string(), unitName: z.string() })),
        body: z.string(),
      }),
    )
    .describe('Các quyết định của bộ văn bản (quyết định đầu là decisionBody) / the decisions of the set'),
});

/** A procedure's document set: numbered once issued, the latest draft's plan before. */
export const documentSetSchema = z.object({
  issued: z.boolean(),
  draftVersion: z.number().int().nullable().describe('The draft the unissued set comes from'),
  items: z.array(
    z.object({
      position: z.number().int().describe('0: the resolution; 1…: its decisions in the numbering order'),
      type: z.enum(['NQ', 'QĐ']),
      purpose: z.enum(['resolution', 'founding', 'appointment', 'collective']),
      unitId: z.string().nullable(),
      title: z.string().describe('The summary after "về việc"'),
      number: z.number().int().nullable(),
      symbol: z.string().nullable().describe('"Số 01-QĐ/ĐU" once issued'),
      term: z.string().nullable().describe('The committee term of the register: its first day, or "start"'),
      issuedAt: timestamp.nullable(),
      effectiveDate: calendarDate.nullable(),
      withdrawn: z.object({ at: timestamp, by: z.string(), reason: z.string() }).nullable(),
      recipients: z.array(
        z.object({ unitId: z.string(), unitName: z.string(), acknowledgedAt: timestamp.nullable() }),
      ),
      draftText: z
        .string()
        .nullable()
        .describe('Before issue: the draft text the committee votes on (with its blanks); null once issued'),
    }),
  ),
});

export const withdrawnDocumentSchema = z.object({
  position: z.number().int(),
  symbol: z.string(),
  withdrawnAt: timestamp,
  reason: z.string(),
});
const diffLine = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export const draftDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  resolution: z.array(diffLine),
  decision: z.array(diffLine),
  /** Every decision of the set (by position) that differs between the two versions; unchanged ones left out. */
  documents: z.array(z.object({ position: z.number().int(), title: z.string(), lines: z.array(diffLine) })),
});
export const acknowledgementSchema = z.object({
  unitId: z.string(),
  documentSymbol: z.string().nullable().describe('The decision delivered to the unit'),
  acknowledged: z.number().int(),
  total: z.number().int(),
  rate: z.number(),
});
