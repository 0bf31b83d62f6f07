/**
 * The whole procedure over HTTP against the real stack (API → Temporal → worker → PostgreSQL), each person
 * signed in as themselves: review, draft, committee vote, numbered decision applied to the registry,
 * announcement with acknowledgements; and the ways it goes back (returned review, rejected vote, requested
 * changes) or ends (withdrawal, cancellation). Bad or repeated requests change nothing.
 */
import type { App } from 'supertest/types';
import { recordHistory as recordStackHistory } from '../support/history-recorder';
import { type ResolutionItem, dateInVietnam } from '@kientoan/domain';
import { procedureWorkflowId } from '@kientoan/workflows';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { anIdempotencyKey, givenSupervisor, givenWardShapedLike } from '../support/factories';
import { type Client, client, login } from '../support/http-client';
import { ProcedureDriver, type SignedInWard, signIn } from '../support/procedure-driver';

describe('The whole procedure (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let driver: ProcedureDriver;
  let supervisor: Client;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    driver = new ProcedureDriver(stack);
    supervisor = client(http, await login(http, await givenSupervisor(stack.prisma)));
    await stack.startWorker();
  });

  afterAll(async () => {
    await stack?.close();
  });

  const recordHistory = (name: string, procedureId: string) => recordStackHistory(stack, name, procedureId);

  const renameGroup6 = (wardCode: string): ResolutionItem[] => [
    { kind: 'rename', unitId: `${wardCode}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
  ];

  const aWard = async (
    committeeSize: number,
  ): Promise<{ ward: Awaited<ReturnType<typeof givenWardShapedLike>>; as: SignedInWard }> => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize });
    return { ward, as: await signIn(http, ward) };
  };

  it('given Ô Chợ Dừa renaming group 6 to group 34, when reviewed, drafted and approved, then the decision is numbered, applied, printable and announced', async () => {
    const { ward, as } = await aWard(1);
    // No effective date requested: the decision takes effect on its signing date.
    const id = await driver.start(as, ward.code, renameGroup6(ward.code));

    const result = await driver.toCompletion(as, id, ward.voters);
    expect(result).toEqual({ outcome: 'completed', decisionSymbol: 'Số 01-QĐ/ĐU', rounds: 1 });

    const steps = await stack.prisma.procedureStep.findMany({
      where: { procedureId: id },
      orderBy: { startedAt: 'asc' },
    });
    expect(steps.map((s) => `${s.step}:${s.round}:${s.status}`)).toEqual([
      'review:1:completed',
      'draft_resolution:1:completed',
      'committee_approval:1:completed',
      'issue_decision:1:completed',
      'announce:1:completed',
    ]);

    // The registry changed with the decision's effective date and reference.
    const unit = await as.secretary.get(`/api/registry/units/${ward.code}.tdp6`).expect(200);
    expect(unit.body).toMatchObject({
      name: 'Chi bộ Tổ dân phố số 34',
      formerNames: ['Chi bộ Tổ dân phố số 6'],
    });
    const issued = await stack.prisma.decision.findUniqueOrThrow({ where: { procedureId: id } });
    const signedOn = dateInVietnam(issued.issuedAt);
    expect(unit.body.history.at(-1)).toMatchObject({ validFrom: signedOn, decisionRef: 'Số 01-QĐ/ĐU' });

    const view = await as.secretary.get(`/api/procedures/${id}`).expect(200);
    expect(view.body).toMatchObject({
      status: 'completed',
      initiatedBy: ward.users.secretary,
      decision: { symbol: 'Số 01-QĐ/ĐU', resolutionSymbol: 'Số 01-NQ/ĐU', effectiveDate: signedOn },
      announcement: { recipients: 1, acknowledged: 0 },
    });

    const html = await as.secretary.get(`/api/procedures/${id}/documents/decision`).expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.headers['content-security-policy']).toMatch(/default-src 'none'.*style-src 'unsafe-inline'/);
    expect(html.text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(html.text).toContain('Đổi tên Chi bộ Tổ dân phố số 6 thành Chi bộ Tổ dân phố số 34.');

    const recipient = await stack.prisma.announcementRecipient.findFirstOrThrow({
      where: { announcement: { procedureId: id } },
    });
    expect(recipient.message).toBe('Chi bộ Tổ dân phố số 34 là tên mới của Chi bộ Tổ dân phố số 6.');
    const inbox = await as.secretary.get('/api/inbox').expect(200);
    expect(inbox.body.acknowledgements).toEqual([
      expect.objectContaining({ procedureId: id, unitId: `${ward.code}.tdp6` }),
    ]);
    const ack = () =>
      as.secretary
        .post(`/api/procedures/${id}/announcement/acknowledgements`)
        .send({ unitId: `${ward.code}.tdp6` });
    await ack().expect(200);
    expect((await ack().expect(200)).body).toMatchObject({ acknowledged: 1, total: 1, rate: 1 });
    expect(
      await stack.prisma.auditEntry.findMany({
        where: { procedureId: id, action: 'announcement.acknowledge' },
        select: { actorId: true, wardCode: true, after: true },
      }),
    ).toEqual([
      {
        actorId: ward.users.secretary,
        wardCode: ward.code,
        after: expect.objectContaining({ unitId: `${ward.code}.tdp6` }),
      },
    ]);
    expect((await as.secretary.get('/api/inbox').expect(200)).body.counts.acknowledge).toBe(0);
    await as.secretary
      .post(`/api/procedures/${id}/announcement/acknowledgements`)
      .send({ unitId: 'someone-else' })
      .expect(400);
    expect(await stack.prisma.notification.count({ where: { procedureId: id, kind: 'announcement' } })).toBe(
      1,
    );

    // The timeline shows workflow steps and human actions in one ordered list.
    const timeline = await as.secretary.get(`/api/procedures/${id}/timeline`).expect(200);
    const kinds = (timeline.body.items as { type: string; action: string }[]).map(
      (e) => `${e.type}:${e.action}`,
    );
    expect(kinds[0]).toBe('human:procedure.start');
    expect(kinds).toEqual(
      expect.arrayContaining([
        'step:review.completed',
        'human:procedure.review.accept',
        'human:procedure.vote',
        'step:announce.completed',
      ]),
    );
    await recordHistory('procedure-approved-first-round', id);
  });

  it('given a three-member committee, when the same approval is sent ten times with one idempotency key, then it is counted once', async () => {
    const { ward, as } = await aWard(3);
    const id = await driver.start(as, ward.code, renameGroup6(ward.code));
    await driver.toVoting(as, id);

    // Ten identical sign-offs (a double click, retries, a duplicate request) record one vote.
    const key = anIdempotencyKey();
    const tenAtOnce = await Promise.all(
      Array.from({ length: 10 }, () => driver.vote(as, id, ward.voters[0]!, 'approve', key)),
    );
    expect(tenAtOnce.map((r) => r.status)).toEqual(new Array(10).fill(200));
    expect((await driver.vote(as, id, ward.voters[0]!, 'approve', key).expect(200)).body).toMatchObject({
      replayed: true,
    });
    expect(await stack.prisma.vote.count({ where: { procedureId: id } })).toBe(1);

    expect((await driver.vote(as, id, ward.voters[0]!).expect(409)).body.code).toBe('ALREADY_VOTED');
    // Voting as somebody else is refused by the API; the workflow's validator would refuse it too.
    const impostor = await as.approvers[ward.voters[2]!]!.post(`/api/procedures/${id}/approvals`)
      .set('Idempotency-Key', anIdempotencyKey())
      .send({ voterId: ward.voters[1], choice: 'approve' })
      .expect(403);
    expect(impostor.body).toMatchObject({ code: 'NOT_YOUR_VOTE', errors: [{ field: 'voterId' }] });
    expect(await stack.prisma.vote.count({ where: { procedureId: id } })).toBe(1);

    await driver.vote(as, id, ward.voters[1]!).expect(200);
    await stack.temporal.workflow.getHandle(procedureWorkflowId(id)).result();
    expect((await stack.prisma.decision.findUniqueOrThrow({ where: { procedureId: id } })).number).toBe(1);
  });

  it('given a member whose term on the committee has ended, then they are not a voter and the majority is of the members serving', async () => {
    const { ward, as } = await aWard(3);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await stack.prisma.wardCommitteeMember.update({
      where: { id: ward.voters[2]! },
      data: { servedTo: new Date(`${yesterday}T00:00:00Z`) },
    });
    const id = await driver.start(as, ward.code, renameGroup6(ward.code));
    await driver.toVoting(as, id);
    expect(await driver.state(id)).toMatchObject({ voters: [ward.voters[0], ward.voters[1]] });
    await driver.vote(as, id, ward.voters[2]!).expect(403);
    const first = await driver.vote(as, id, ward.voters[0]!).expect(200);
    expect(first.body.tally).toMatchObject({ members: 2, needed: 2, outcome: 'open' });
    await stack.temporal.workflow.getHandle(procedureWorkflowId(id)).terminate('test finished');
  });

  it('given two approvers signing at once, then one decision is issued', async () => {
    const { ward, as } = await aWard(3);
    const id = await driver.start(as, ward.code, renameGroup6(ward.code));
    await driver.toVoting(as, id);
    const responses = await Promise.all(ward.voters.map((v) => driver.vote(as, id, v)));
    expect(responses.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2);
    await stack.temporal.workflow.getHandle(procedureWorkflowId(id)).result();
    expect(await stack.prisma.decision.count({ where: { procedureId: id } })).toBe(1);
    expect(await stack.prisma.decision.count({ where: { issuer: ward.code } })).toBe(1);
  });

  it('given a rejected vote, then it goes back to drafting; given an edited draft, then a new version is kept and diffable', async () => {
    const { ward, as } = await aWard(3);
    const id = await driver.start(as, ward.code, renameGroup6(ward.code));
    await driver.toVoting(as, id);
    await driver.vote(as, id, ward.voters[0]!, 'reject').expect(200);
    const closing = await driver.vote(as, id, ward.voters[1]!, 'abstain').expect(200);
    expect(closing.body.tally).toMatchObject({ outcome: 'failed', approve: 0 });

    await driver.waitFor(id, 'drafting', 2);
    const generated = await as.secretary.get(`/api/procedures/${id}/drafts/2`).expect(200);
    const edited = (generated.body.body as string).replace(
      'Điều 2.',
      'Điều 2. (đã sửa theo ý kiến Ban Thường vụ)',
    );
    const submitted = await driver.submitDraft(as, id, { body: edited }).expect(200);
    expect(submitted.body).toMatchObject({ status: 'in_step', version: 3 });
    const diff = await as.reviewer.get(`/api/procedures/${id}/drafts/2/diff/3`).expect(200);
    expect(
      (diff.body.resolution as { op: string }[]).filter((l) => l.op !== 'same').map((l) => l.op),
    ).toEqual(['removed', 'added']);

    await driver.waitFor(id, 'voting', 2);
    const changes = await driver.vote(as, id, ward.voters[2]!, 'request_changes').expect(200);
    expect(changes.body.tally.outcome).toBe('changes_requested');
    await driver.waitFor(id, 'drafting', 3);
    const drafts = await as.secretary.get(`/api/procedures/${id}/drafts`).expect(200);
    expect(
      (drafts.body.items as { version: number; origin: string }[]).map((d) => `${d.version}:${d.origin}`),
    ).toEqual(['1:generated', '2:generated', '3:edited', '4:generated']);
    await recordHistory('procedure-rejected-then-redrafted', id);
    await as.secretary
      .post(`/api/procedures/${id}/withdraw`)
      .send({ reason: 'Gộp vào nghị quyết khác' })
      .expect(200);
    expect(await stack.temporal.workflow.getHandle(procedureWorkflowId(id)).result()).toMatchObject({
      outcome: 'withdrawn',
    });
    expect((await stack.prisma.procedure.findUniqueOrThrow({ where: { id } })).status).toBe('withdrawn');
  });

  it('given a returned review, when the secretary corrects and resubmits, then review runs again; a supervisor cancels it', async () => {
    const { ward, as } = await aWard(1);
    const id = await driver.start(as, ward.code, renameGroup6(ward.code));
    await driver.waitFor(id, 'reviewing');
    await driver.review(as, id, 'return', []).expect(400);
    const returned = await driver
      .review(as, id, 'return', ['Đề nghị đổi tên theo số thứ tự mới của tổ dân phố'])
      .expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', round: 1 });
    // The secretary's deadline starts once the workflow has recorded whom it waits for.
    const waiting = await eventually(async () => {
      const view = await as.secretary.get(`/api/procedures/${id}`).expect(200);
      return view.body.waitingFor === 'secretary' ? view.body : undefined;
    });
    expect(waiting).toMatchObject({
      currentStep: 'review',
      returnReasons: ['Đề nghị đổi tên theo số thứ tự mới của tổ dân phố'],
    });

    // Out of turn: a draft cannot be submitted while returned.
    expect((await driver.submitDraft(as, id).expect(409)).body.code).toBe('NOT_AWAITING_THIS_ACTION');
    // A resubmission that breaks the rules is refused before it reaches the workflow.
    await as.secretary
      .post(`/api/procedures/${id}/resubmit`)
      .send({ items: [{ kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 7' }] })
      .expect(400);
    await as.secretary
      .post(`/api/procedures/${id}/resubmit`)
      .send({ items: [{ kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 40' }] })
      .expect(200);
    await driver.waitFor(id, 'reviewing', 2);
    const reviews = await stack.prisma.procedureStep.findMany({
      where: { procedureId: id, step: 'review' },
      orderBy: { round: 'asc' },
    });
    expect(
      reviews.map((r) => [r.round, r.status, (r.outcome as { accepted?: boolean } | null)?.accepted ?? null]),
    ).toEqual([
      [1, 'completed', false],
      [2, 'in_progress', null],
    ]);
    // Supervisors act only through supervision endpoints.
    await as.secretary
      .post(`/api/supervision/procedures/${id}/cancel`)
      .send({ reason: 'không có quyền' })
      .expect(403);
    await supervisor
      .post(`/api/supervision/procedures/${id}/cancel`)
      .send({ reason: 'Thử nghiệm hủy' })
      .expect(200);
    expect(await stack.temporal.workflow.getHandle(procedureWorkflowId(id)).result()).toMatchObject({
      outcome: 'cancelled',
    });
    await recordHistory('procedure-returned-resubmitted-cancelled', id);
    await supervisor.post(`/api/supervision/procedures/${id}/cancel`).send({ reason: 'lần hai' }).expect(409);
  });

  it('given items that break registry rules, when starting, then 400 lists every violation and nothing is stored', async () => {
    const { ward, as } = await aWard(1);
    const response = await as.secretary
      .post('/api/procedures')
      .send({
        wardCode: ward.code,
        title: 'thành lập chi bộ',
        items: [
          {
            kind: 'establish',
            name: 'Chi bộ Tổ dân phố số 7',
            unitKind: 'grassroots_cell',
            setting: 'residential_group',
            parentId: ward.committeeId,
            fullMembers: 12,
          },
          {
            kind: 'establish',
            name: 'Chi bộ mới',
            unitKind: 'grassroots_committee',
            setting: 'agency',
            parentId: ward.committeeId,
            fullMembers: 12,
          },
        ],
      })
      .expect(400);
    expect(response.body.code).toBe('RESOLUTION_INVALID');
    expect((response.body.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'items[0].name',
      'items[1].fullMembers',
    ]);
    expect(await stack.prisma.procedure.count({ where: { wardCode: ward.code } })).toBe(0);
  });

  it('given a started procedure, when started again with the same id, then 409 and nothing changes', async () => {
    const { ward, as } = await aWard(1);
    const id = await driver.start(as, ward.code, renameGroup6(ward.code));
    const duplicate = await as.secretary
      .post('/api/procedures')
      .send({ id, wardCode: ward.code, title: 'x', items: renameGroup6(ward.code) })
      .expect(409);
    expect(duplicate.body).toMatchObject({
      code: 'PROCEDURE_ALREADY_EXISTS',
      message: expect.stringContaining('Thủ tục'),
    });
    expect(await stack.prisma.procedure.count({ where: { wardCode: ward.code } })).toBe(1);
    await stack.temporal.workflow.getHandle(procedureWorkflowId(id)).terminate('test finished');
  });

  describe('bad bodies', () => {
    let ward: Awaited<ReturnType<typeof givenWardShapedLike>>;
    let as: SignedInWard;
    beforeAll(async () => {
      ({ ward, as } = await aWard(1));
    });

    it.each([
      ['a missing title', { title: undefined }, 'title'],
      ['no items', { items: [] }, 'items'],
      ['an unknown item kind', { items: [{ kind: 'abolish', unitId: 'x' }] }, 'items[0].kind'],
      ['a wrong type', { title: 42 }, 'title'],
      ['a title of 10,000 characters', { title: 'x'.repeat(10_000) }, 'title'],
      ['an unknown field', { secretary: 'someone' }, 'secretary'],
      ['a title of spaces', { title: '   ' }, 'title'],
      ['a bad effective date', { effectiveDate: '15/07/2025' }, 'effectiveDate'],
      ['a non-UUID id', { id: '42' }, 'id'],
    ])(
      'given %s, when starting, then 400 names the field and nothing is stored',
      async (_case, overrides, field) => {
        const before = await stack.prisma.procedure.count();
        const body = { wardCode: ward.code, title: 'đổi tên', items: renameGroup6(ward.code), ...overrides };
        const response = await as.secretary.post('/api/procedures').send(body).expect(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect((response.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
        expect(await stack.prisma.procedure.count()).toBe(before);
      },
    );

    it('given the body sent as plain text, when starting, then 415 says JSON is needed and nothing is stored', async () => {
      const before = await stack.prisma.procedure.count();
      const body = JSON.stringify({ wardCode: ward.code, title: 'đổi tên', items: renameGroup6(ward.code) });
      const response = await as.secretary
        .post('/api/procedures')
        .set('content-type', 'text/plain')
        .send(body)
        .expect(415);
      expect(response.body).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringContaining('JSON'),
      });
      expect(await stack.prisma.procedure.count()).toBe(before);
    });

    it.each([
      ["a sibling's name plus a zero-width space", 'Chi bộ Tổ dân phố số 5\u200b', 'ký tự vô hình'],
      ['an invisible name', '\u3164\u3164', 'ký tự vô hình'],
      ['a Cyrillic homoglyph of a sibling', '\u0421hi bộ Tổ dân phố số 5', 'chữ Kirin'],
      ['a control character', 'Chi bộ\u0007 Tổ dân phố số 40', 'ký tự điều khiển'],
      ['a right-to-left override', 'Chi bộ \u202e04 ốs ốhp nâd ổT', 'đảo chiều'],
    ])(
      'given a new name with %s, when starting, then 400 names items[0].newName in Vietnamese and nothing is stored',
      async (_case, newName, words) => {
        const before = await stack.prisma.procedure.count();
        const items = [{ kind: 'rename', unitId: `${ward.code}.tdp6`, newName }];
        const response = await as.secretary
          .post('/api/procedures')
          .send({ wardCode: ward.code, title: 'Đổi tên', items })
          .expect(400);
        expect(response.body.errors).toEqual([
          expect.objectContaining({ field: 'items[0].newName', reason: expect.stringContaining(words) }),
        ]);
        expect(await stack.prisma.procedure.count()).toBe(before);
      },
    );

    it('given a decomposed (NFD) title and new name, when starting, then they are stored in NFC', async () => {
      const title = 'Đổi tên chi bộ tổ dân phố'.normalize('NFD');
      const items = [
        { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34'.normalize('NFD') },
      ];
      const started = await as.secretary
        .post('/api/procedures')
        .send({ wardCode: ward.code, title, items })
        .expect(202);
      const stored = await stack.prisma.procedure.findUniqueOrThrow({ where: { id: started.body.id } });
      expect(stored.title).toBe(title.normalize('NFC'));
      expect((stored.items as { newName: string }[])[0]!.newName).toBe(
        'Chi bộ Tổ dân phố số 34'.normalize('NFC'),
      );
      await stack.temporal.workflow
        .getHandle(procedureWorkflowId(started.body.id))
        .terminate('test finished');
    });

    it('answers 404 for unknown procedures and wards, 400 for malformed ids', async () => {
      const unknown = '6f1c1f4e-8d1c-4a55-9d6e-000000000000';
      expect((await as.secretary.get(`/api/procedures/${unknown}`).expect(404)).body.code).toBe(
        'PROCEDURE_NOT_FOUND',
      );
      await as.secretary.get('/api/procedures/not-a-uuid').expect(400);
      await driver.review(as, unknown, 'accept').expect(404);
      await as.secretary.get(`/api/procedures/${unknown}/documents/decision`).expect(404);
      const noWard = await as.secretary
        .post('/api/procedures')
        .send({ wardCode: 'phuong-khong-co', title: 'x', items: renameGroup6('x') })
        .expect(404);
      expect(noWard.body).toMatchObject({ code: 'WARD_NOT_FOUND', errors: [{ field: 'wardCode' }] });
    });

    it('refuses a vote without an idempotency key, and serves health and OpenAPI docs without sign-in', async () => {
      const response = await as.approvers[ward.voters[0]!]!.post(
        '/api/procedures/6f1c1f4e-8d1c-4a55-9d6e-000000000000/approvals',
      )
        .send({ choice: 'approve' })
        .expect(400);
      expect(response.body.errors[0].field).toBe('idempotencyKey');
      expect((await as.anonymous.get('/health').expect(200)).body).toMatchObject({ status: 'ok' });
      const docs = await as.anonymous.get('/docs-json').expect(200);
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/auth/login',
          '/api/procedures',
          '/api/procedures/{id}/review',
          '/api/procedures/{id}/approvals',
          '/api/inbox',
          '/api/registry/preview',
          '/health',
        ]),
      );
      expect(docs.body.components.securitySchemes).toHaveProperty('bearer');
    });
  });
});
