/**
 * What the committee approves is what is issued (real API, Temporal, worker and PostgreSQL): the vote binds the
 * exact draft version, the issue step fills in only the numbers and the signing date, a secretary's edit cannot
 * break those blanks, a registry that moved since the vote sends the procedure back instead of issuing a text
 * that is no longer true, and a procedure is planned once per state of its ward's registry.
 */
import type { App } from 'supertest/types';
import { type ResolutionItem, dateInVietnam, fillPlaceholders, longDate } from '@kientoan/domain';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { givenRegistryChanged, givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, signIn } from '../support/procedure-driver';

describe('What is approved is issued (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let driver: ProcedureDriver;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    driver = new ProcedureDriver(stack);
    await stack.startWorker();
  });

  afterAll(async () => {
    await stack?.close();
  });

  const aWard = async (committeeSize: number) => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize });
    return { ward, as: await signIn(http, ward) };
  };

  const renameGroup6 = (wardCode: string): ResolutionItem[] => [
    { kind: 'rename', unitId: `${wardCode}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
  ];

  const registryVersion = async (wardCode: string) =>
    (await stack.prisma.ward.findUniqueOrThrow({ where: { code: wardCode } })).registryVersion;

  /** The issue step's recorded outcome (once the worker has run it). */
  const issueOutcome = (procedureId: string) =>
    eventually(
      async () => {
        const step = await stack.prisma.procedureStep.findFirst({
          where: { procedureId, step: 'issue_decision', status: 'completed' },
        });
        return (step?.outcome ?? undefined) as Record<string, unknown> | undefined;
      },
      60_000,
      `the issue step of ${procedureId}`,
    );

  /** Ends a workflow a test no longer needs (it may already have ended). */
  const stop = (procedureId: string) =>
    stack.temporal.workflow
      .getHandle(`procedure-${procedureId}`)
      .terminate('test finished')
      .catch(() => undefined);

  it('given the secretary’s edited version 2 approved by three of five members, when issued, then the documents are version 2 word for word with only the number and date filled, from the plan made at start', async () => {
    const { ward, as } = await aWard(5);
    const id = await driver.start(as, ward.code, renameGroup6(ward.code), {
      effectiveDate: dateInVietnam(new Date(Date.now() + 30 * 86_400_000)),
    });
    const versionAtStart = await registryVersion(ward.code);
    await driver.toDrafting(as, id);

    const generated = await driver.draft(as, id, 1);
    expect(generated.body).toContain('[[số văn bản]]');
    expect(generated.decisionBody).toContain('[[số nghị quyết]]');

    // An edit that removes a blank is refused, and nothing is stored.
    const broken = await driver
      .submitDraft(as, id, { decisionBody: generated.decisionBody.replace('[[số văn bản]]', 'Số 7-QĐ/ĐU') })
      .expect(400);
    expect(broken.body).toMatchObject({
      code: 'DRAFT_BLANKS_MISSING',
      errors: [{ field: 'decisionBody', reason: expect.stringContaining('[[số văn bản]]') }],
    });
    expect(await stack.prisma.resolutionDraft.count({ where: { procedureId: id } })).toBe(1);

    const edit = 'Điều 3. Văn phòng Đảng ủy thông báo đến từng hộ gia đình: "Tổ 34 là tên mới của Tổ 6".';
    const edited = {
      body: generated.body.replace(/^Điều 3\..*$/m, edit),
      decisionBody: generated.decisionBody.replace(/^Điều 3\..*$/m, edit),
    };
    expect((await driver.submitDraft(as, id, edited).expect(200)).body).toMatchObject({ version: 2 });
    await driver.waitFor(id, 'voting');
    // The task view during the vote reads the stored plan.
    const task = await as.approvers[ward.voters[0]!]!.get(`/api/inbox/${id}`).expect(200);
    expect(task.body.diff.entries).toEqual([
      expect.objectContaining({
        change: 'rename',
        after: expect.objectContaining({ name: 'Chi bộ Tổ dân phố số 34' }),
      }),
    ]);

    await driver.approveByMajority(as, id, ward.voters);
    await stack.temporal.workflow.getHandle(`procedure-${id}`).result();

    expect(await stack.prisma.voteRound.findMany({ where: { procedureId: id } })).toEqual([
      expect.objectContaining({ round: 1, draftVersion: 2 }),
    ]);
    const decision = await stack.prisma.decision.findUniqueOrThrow({ where: { procedureId: id } });
    expect(decision.decisionText).toBe(
      fillPlaceholders('QĐ', edited.decisionBody, {
        symbol: 'Số 01-QĐ/ĐU',
        resolutionSymbol: 'Số 01-NQ/ĐU',
        signedAt: decision.issuedAt,
      }),
    );
    expect(decision.resolutionText).toBe(
      fillPlaceholders('NQ', edited.body, { symbol: 'Số 01-NQ/ĐU', signedAt: decision.issuedAt }),
    );
    expect(decision.decisionText).toContain(edit);
    expect(decision.decisionText).toContain('\nSố 01-QĐ/ĐU\n');
    expect(decision.decisionText).toContain(`${ward.name}, ${longDate(dateInVietnam(decision.issuedAt))}`);
    expect(decision.decisionText).toContain('- Căn cứ Nghị quyết số 01-NQ/ĐU');
    expect(decision.decisionText).not.toMatch(/\[\[|DỰ THẢO/);
    const printable = await as.secretary.get(`/api/procedures/${id}/documents/decision`).expect(200);
    expect(printable.text).toContain('Tổ 34 là tên mới của Tổ 6');
    // The same issued text downloads as Word and PDF, named by its number, and all documents as one zip.
    const binary = (url: string) =>
      as.secretary
        .get(url)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
    const docx = await binary(`/api/procedures/${id}/documents/decision?format=docx`);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers['content-disposition']).toContain('1-Q');
    expect((docx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const pdf = await binary(`/api/procedures/${id}/documents/resolution?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const zip = await binary(`/api/procedures/${id}/documents/bundle.zip`);
    expect(zip.headers['content-type']).toBe('application/zip');
    await as.secretary.get(`/api/procedures/${id}/documents/decision?format=odt`).expect(400);

    // Planned once (at start): the rules check, the draft, the task view and the issue reused that plan.
    const plans = await stack.prisma.procedurePlan.findMany({ where: { procedureId: id } });
    expect(plans.map((p) => p.registryVersion)).toEqual([versionAtStart]);
    const drafts = await stack.prisma.resolutionDraft.findMany({ where: { procedureId: id } });
    expect(drafts.map((draft) => draft.planId)).toEqual([plans[0]!.id, plans[0]!.id]);
    // Applying the decision moved the registry version on.
    expect(await registryVersion(ward.code)).toBeGreaterThan(versionAtStart);
  });

  it('given another decision renaming the same cell after the vote opened, when the committee approves, then nothing is issued and the procedure goes back to drafting with the reason', async () => {
    const { ward, as } = await aWard(3);
    const id = await driver.start(as, ward.code, renameGroup6(ward.code));
    await driver.toVoting(as, id);
    const numbersBefore = await stack.prisma.documentRegister.count({ where: { issuer: ward.code } });

    await givenRegistryChanged(stack.prisma, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Khu dân cư Hồ Đắc Di' },
    ]);
    await driver.approveByMajority(as, id, ward.voters);

    expect(await issueOutcome(id)).toEqual({
      outcome: 'sent_back',
      to: 'draft_resolution',
      reasons: [
        expect.stringContaining('sau khi Ban Thường vụ biểu quyết'),
        'Nội dung 1: văn bản đã thông qua ghi "Đổi tên Chi bộ Tổ dân phố số 6 thành Chi bộ Tổ dân phố số 34.", theo sổ đăng ký hiện nay là "Đổi tên Chi bộ Khu dân cư Hồ Đắc Di thành Chi bộ Tổ dân phố số 34.".',
      ],
    });
    expect(await stack.prisma.decision.count({ where: { procedureId: id } })).toBe(0);
    expect(await stack.prisma.documentRegister.count({ where: { issuer: ward.code } })).toBe(numbersBefore);
    const unit = await stack.prisma.orgUnit.findUniqueOrThrow({ where: { id: `${ward.code}.tdp6` } });
    expect(unit.name).toBe('Chi bộ Khu dân cư Hồ Đắc Di');
    // The registry moved, so the issue step planned again, once, against the new version.
    const plans = await stack.prisma.procedurePlan.findMany({
      where: { procedureId: id },
      orderBy: { id: 'asc' },
    });
    expect(plans.map((p) => p.registryVersion)).toEqual([
      plans[0]!.registryVersion,
      await registryVersion(ward.code),
    ]);
    await stop(id);
  });

  it('given another decision taking the new name for a different cell after the vote opened, when the committee approves, then the procedure goes back to review with the broken rule', async () => {
    const { ward, as } = await aWard(3);
    const id = await driver.start(as, ward.code, renameGroup6(ward.code));
    await driver.toVoting(as, id);
    await givenRegistryChanged(stack.prisma, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp1`, newName: 'Chi bộ Tổ dân phố số 34' },
    ]);
    await driver.approveByMajority(as, id, ward.voters);

    expect(await issueOutcome(id)).toEqual({
      outcome: 'sent_back',
      to: 'review',
      reasons: [expect.stringContaining('cần rà soát lại'), expect.stringMatching(/^items\[0\]\.newName: /)],
    });
    expect(await stack.prisma.decision.count({ where: { procedureId: id } })).toBe(0);
    await stop(id);
  });
});
