/**
 * The issuer's registers (real API, Temporal, worker and PostgreSQL): numbers per issuer, document type and
 * committee term — the day a congress closes still belongs to the old term, the day after opens a new register at
 * 01 — never reused; a withdrawn document stays in the register, marked; a procedure withdrawn before issue takes
 * no number (numbers are taken only in the issue step's transaction).
 */
import type { App } from 'supertest/types';
import type { ResolutionItem } from '@kientoan/domain';
import { listIssuedDocuments } from '@kientoan/platform';
import { type TestStack, createTestStack } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, signIn } from '../support/procedure-driver';

describe('Registers per committee term (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let driver: ProcedureDriver;
  const clock = new TestClock();

  beforeAll(async () => {
    clock.runFrom(new Date('2025-08-31T02:00:00Z')); // 09:00 in Hà Nội, the day the first congress closes
    stack = await createTestStack({ clock });
    http = stack.app.getHttpServer() as App;
    driver = new ProcedureDriver(stack);
    await stack.startWorker();
  });

  afterAll(async () => {
    await stack?.close();
  });

  const rename = (wardCode: string, newName: string): ResolutionItem[] => [
    { kind: 'rename', unitId: `${wardCode}.tdp6`, newName },
  ];

  const symbols = async (procedureId: string) =>
    (
      await stack.prisma.issuedDocument.findMany({ where: { procedureId }, orderBy: { position: 'asc' } })
    ).map((d) => [d.symbol, d.term]);

  it('given the last numbers of a term taken on the day its congress closes, when the next decision is issued the day after, then it is 01 of a new register; a withdrawn document keeps its number, which is never reused', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 5 });
    const as = await signIn(http, ward);
    await stack.prisma.wardCongress.create({
      data: {
        wardCode: ward.code,
        ordinal: 1,
        name: `Đại hội Đảng bộ phường ${ward.name} lần thứ Nhất, nhiệm kỳ 2025 - 2030`,
        closedOn: new Date('2025-08-31T00:00:00Z'),
      },
    });
    // The appointed committee's registers already hold 11 resolutions and 41 decisions.
    await stack.prisma.documentRegister.createMany({
      data: [
        { issuer: ward.code, docType: 'NQ', term: 'start', lastNumber: 11 },
        { issuer: ward.code, docType: 'QĐ', term: 'start', lastNumber: 41 },
      ],
    });

    const last = await driver.start(as, ward.code, rename(ward.code, 'Chi bộ Tổ dân phố số 34'));
    await driver.toCompletion(as, last, ward.voters);
    expect(await symbols(last)).toEqual([
      ['Số 12-NQ/ĐU', 'start'],
      ['Số 42-QĐ/ĐU', 'start'],
    ]);

    clock.advanceDays(1); // 1 September 2025: the first term of the elected committee
    const first = await driver.start(as, ward.code, rename(ward.code, 'Chi bộ Tổ dân phố số 35'));
    await driver.toCompletion(as, first, ward.voters);
    expect(await symbols(first)).toEqual([
      ['Số 01-NQ/ĐU', '2025-09-01'],
      ['Số 01-QĐ/ĐU', '2025-09-01'],
    ]);
    const decision = await stack.prisma.issuedDocument.findUniqueOrThrow({
      where: { procedureId_position: { procedureId: first, position: 1 } },
    });
    expect(decision.text).toContain(
      'Căn cứ Nghị quyết số 01-NQ/ĐU, ngày 01/9/2025 của Ban Thường vụ Đảng ủy phường',
    );

    // Withdrawn: stays in the register, marked; a second withdrawal is refused; nobody can delete it.
    const withdrawn = await as.secretary
      .post(`/api/procedures/${first}/documents/1/withdraw`)
      .send({ reason: 'Thu hồi để ban hành lại theo Nghị quyết mới' })
      .expect(200);
    expect(withdrawn.body).toMatchObject({ position: 1, symbol: 'Số 01-QĐ/ĐU' });
    await as.secretary
      .post(`/api/procedures/${first}/documents/1/withdraw`)
      .send({ reason: 'Thu hồi lần nữa' })
      .expect(409);
    await expect(stack.prisma.issuedDocument.delete({ where: { id: decision.id } })).rejects.toThrow(
      /never deleted/,
    );
    await expect(
      stack.prisma.issuedDocument.update({ where: { id: decision.id }, data: { number: 7 } }),
    ).rejects.toThrow(/only the withdrawal mark/);
    const list = (await as.secretary.get(`/api/procedures/${first}/documents`).expect(200)).body as {
      items: { symbol: string; withdrawn: { reason: string } | null }[];
    };
    expect(list.items[1]).toMatchObject({
      symbol: 'Số 01-QĐ/ĐU',
      withdrawn: { reason: 'Thu hồi để ban hành lại theo Nghị quyết mới' },
    });

    // A procedure withdrawn before issue takes no number; the next decision is 02, never 01 again.
    const abandoned = await driver.start(as, ward.code, rename(ward.code, 'Chi bộ Tổ dân phố số 36'));
    await as.secretary
      .post(`/api/procedures/${abandoned}/withdraw`)
      .send({ reason: 'Rút đề nghị để bổ sung hồ sơ' })
      .expect(200);
    const next = await driver.start(as, ward.code, rename(ward.code, 'Chi bộ Tổ dân phố số 37'));
    await driver.toCompletion(as, next, ward.voters);
    expect(await symbols(next)).toEqual([
      ['Số 02-NQ/ĐU', '2025-09-01'],
      ['Số 02-QĐ/ĐU', '2025-09-01'],
    ]);
    expect(await stack.prisma.issuedDocument.count({ where: { procedureId: abandoned } })).toBe(0);

    // The ward's register, as the register page reads it: every number of the term, the withdrawn one marked.
    const register = await listIssuedDocuments(stack.prisma, ward.code, {
      term: '2025-09-01',
      docType: 'QĐ',
    });
    expect(register.map((d) => [d.number, d.withdrawn !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('given the secretary edits the second decision of the set, when the committee approves, then that decision is issued in the edited words; an edit that drops a blank is refused', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 5 });
    const as = await signIn(http, ward);
    const id = await driver.start(
      as,
      ward.code,
      ['Chi bộ Trạm Y tế phường', 'Chi bộ Công an phường'].map((name): ResolutionItem => ({
        kind: 'establish',
        name,
        unitKind: 'grassroots_cell',
        setting: 'agency',
        parentId: ward.committeeId,
        fullMembers: 8,
      })),
    );
    await driver.toDrafting(as, id);
    const draft = (await as.secretary.get(`/api/procedures/${id}/drafts/1`).expect(200)).body as {
      decisionBody: string;
      documents: { position: number; title: string; body: string }[];
    };
    expect(draft.documents.map((d) => [d.position, d.title])).toEqual([
      [1, 'thành lập Chi bộ Trạm Y tế phường'],
      [2, 'thành lập Chi bộ Công an phường'],
    ]);
    expect(draft.decisionBody).toBe(draft.documents[0]!.body);
    const second = draft.documents[1]!.body;
    await driver
      .submitDraft(as, id, { documents: [{ position: 2, body: second.replaceAll('[[ngày ký]]', '') }] })
      .expect(400);
    const edited = second.replace(
      '- Xét đề nghị của Văn phòng Đảng ủy,',
      '- Xét đề nghị của Ban Tổ chức Đảng ủy,',
    );
    expect(edited).not.toBe(second);
    await driver.submitDraft(as, id, { documents: [{ position: 2, body: edited }] }).expect(200);
    const version2 = (await as.secretary.get(`/api/procedures/${id}/drafts/2`).expect(200)).body as {
      documents: { body: string }[];
    };
    expect(version2.documents.map((d) => d.body)).toEqual([draft.documents[0]!.body, edited]);
    await driver.waitFor(id, 'voting', 1);
    for (const voter of ward.voters.slice(0, 3)) await driver.vote(as, id, voter).expect(200);
    await driver.handle(id).result();
    const [first, issuedSecond] = await stack.prisma.issuedDocument.findMany({
      where: { procedureId: id, docType: 'QĐ' },
      orderBy: { position: 'asc' },
    });
    expect(issuedSecond!.text).toContain('- Xét đề nghị của Ban Tổ chức Đảng ủy,');
    expect(first!.text).toContain('- Xét đề nghị của Văn phòng Đảng ủy,');
  });

  it("given the ward's second congress naming the term 2030 - 2035, when a draft made on the day it closes is signed the day after, then the last decision of the old term names 2025 - 2030 and the new one is 01 of the new register, naming 2030 - 2035", async () => {
    clock.runFrom(new Date('2030-08-15T02:00:00Z')); // 09:00 in Hà Nội, the day the second congress closes
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 5 });
    const as = await signIn(http, ward);
    await stack.prisma.wardCongress.createMany({
      data: [
        {
          wardCode: ward.code,
          ordinal: 1,
          name: `Đại hội Đảng bộ phường ${ward.name} lần thứ Nhất, nhiệm kỳ 2025 - 2030`,
          closedOn: new Date('2025-08-31T00:00:00Z'),
        },
        {
          wardCode: ward.code,
          ordinal: 2,
          name: `Đại hội đại biểu Đảng bộ phường ${ward.name} lần thứ Hai, nhiệm kỳ 2030 - 2035`,
          closedOn: new Date('2030-08-15T00:00:00Z'),
        },
      ],
    });
    // The first term's registers already hold 7 resolutions and 41 decisions.
    await stack.prisma.documentRegister.createMany({
      data: [
        { issuer: ward.code, docType: 'NQ', term: '2025-09-01', lastNumber: 7 },
        { issuer: ward.code, docType: 'QĐ', term: '2025-09-01', lastNumber: 41 },
      ],
    });
    const workingRules = async (procedureId: string) =>
      (
        await stack.prisma.issuedDocument.findMany({ where: { procedureId }, orderBy: { position: 'asc' } })
      ).map((d) => d.text.split('\n').find((l) => l.includes('Quy chế làm việc')));
    const ground = (term: string) =>
      `- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ phường ${ward.name} nhiệm kỳ ${term};`;

    const last = await driver.start(as, ward.code, rename(ward.code, 'Chi bộ Tổ dân phố số 44'));
    await driver.toCompletion(as, last, ward.voters);
    expect(await symbols(last)).toEqual([
      ['Số 08-NQ/ĐU', '2025-09-01'],
      ['Số 42-QĐ/ĐU', '2025-09-01'],
    ]);
    expect(await workingRules(last)).toEqual([ground('2025 - 2030'), ground('2025 - 2030')]);

    // Drafted on the closing day (the old term), voted and signed the day after (the new one).
    const first = await driver.start(as, ward.code, rename(ward.code, 'Chi bộ Tổ dân phố số 45'));
    await driver.toDrafting(as, first);
    const draft = (await as.secretary.get(`/api/procedures/${first}/drafts/1`).expect(200)).body as {
      body: string;
    };
    expect(draft.body).toContain(ground('2025 - 2030'));
    clock.advanceDays(1);
    await driver.submitDraft(as, first).expect(200);
    await driver.waitFor(first, 'voting', 1);
    for (const voter of ward.voters.slice(0, 3)) await driver.vote(as, first, voter).expect(200);
    await driver.handle(first).result();
    expect(await symbols(first)).toEqual([
      ['Số 01-NQ/ĐU', '2030-08-16'],
      ['Số 01-QĐ/ĐU', '2030-08-16'],
    ]);
    expect(await workingRules(first)).toEqual([ground('2030 - 2035'), ground('2030 - 2035')]);
  });
});
