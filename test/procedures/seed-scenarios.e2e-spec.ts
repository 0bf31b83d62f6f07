/**
 * The procedures of the seed report, end to end over HTTP against the real stack, each on a throwaway ward
 * shaped like the real place before its restructuring. Wall times are written to
 * dist/test/scenario-timings.json (measured, not asserted: speed belongs in benchmarks).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { App } from 'supertest/types';
import { type ResolutionItem, documentModelFromText } from '@kientoan/domain';
import { type Client, client, login } from '../support/http-client';
import { type TestStack, createTestStack } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { givenSupervisor, givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, signIn } from '../support/procedure-driver';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'documents');
const timings: Record<string, number> = {};

describe('The seed report’s procedures (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let supervisor: Client;
  let driver: ProcedureDriver;

  beforeAll(async () => {
    // The seed report's week: the API and the worker live on 7 July 2025 (09:00 in Hà Nội), when these
    // decisions were signed and took effect.
    const clock = new TestClock();
    clock.runFrom(new Date('2025-07-07T02:00:00Z'));
    stack = await createTestStack({ clock });
    http = stack.app.getHttpServer() as App;
    supervisor = client(http, await login(http, await givenSupervisor(stack.prisma)));
    driver = new ProcedureDriver(stack);
    await stack.startWorker();
  });

  afterAll(async () => {
    fs.mkdirSync(path.join(ROOT, 'dist', 'test'), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, 'dist', 'test', 'scenario-timings.json'),
      JSON.stringify(timings, null, 2),
    );
    await stack?.close();
  });

  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await run();
    timings[name] = Date.now() - started;
    return result;
  };

  const organizations = async (wardCode: string) =>
    (await supervisor.get(`/api/registry/wards/${wardCode}/tree`).expect(200)).body.organizations as number;

  const decisionNumbers = async (wardCode: string) =>
    (await stack.prisma.decision.findMany({ where: { issuer: wardCode }, orderBy: { number: 'asc' } })).map(
      (d) => d.number,
    );

  /** The procedure's documents as the API lists them (numbers, purposes, recipients with acknowledgements). */
  const documentSet = async (procedureId: string) =>
    (await supervisor.get(`/api/procedures/${procedureId}/documents`).expect(200)).body as {
      issued: boolean;
      items: {
        position: number;
        type: string;
        purpose: string;
        unitId: string | null;
        title: string;
        symbol: string;
        term: string;
        recipients: { unitId: string; unitName: string; acknowledgedAt: string | null }[];
      }[];
    };

  /** Each unit's announcement names the decision it receives. */
  const deliveries = async (procedureId: string) =>
    new Map(
      (
        await stack.prisma.announcementRecipient.findMany({
          where: { announcement: { procedureId } },
          select: { unitId: true, documentSymbol: true },
        })
      ).map((r) => [r.unitId, r.documentSymbol]),
    );

  /** The decision text with what differs between runs (the throwaway ward's name, the signing date) masked. */
  const normalized = (text: string, wardName: string) =>
    text
      .replaceAll(wardName.toLocaleUpperCase('vi'), 'KIM LIÊN')
      .replaceAll(wardName, 'Kim Liên')
      .replace(/Kim Liên, ngày \d{2} tháng \d{1,2} năm \d{4}/, 'Kim Liên, ngày __ tháng __ năm ____')
      .replaceAll(/(số \d+-QĐ\/ĐU), ngày \d{2} tháng \d{1,2} năm \d{4}/g, '$1, ngày __ tháng __ năm ____')
      .replaceAll(/(số \d+-NQ\/ĐU), ngày \d{2}\/\d{1,2}\/\d{4}/g, '$1, ngày __/__/____');

  it('Kim Liên: one resolution establishes 26 organizations and renames 70 residential-group cells; 114 afterwards, one number, no gap', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-kim-lien');
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    expect(await organizations(ward.code)).toBe(88);
    const residential = ward.units.filter((u) => u.setting === 'residential_group');
    const schools = [
      'Mầm non Kim Liên',
      'Tiểu học Kim Liên',
      'Trung học cơ sở Kim Liên',
      'Mầm non Phương Mai',
      'Tiểu học Trung Tự',
      'Trung học cơ sở Đống Đa',
    ];
    const items: ResolutionItem[] = [
      {
        kind: 'establish',
        name: `Chi bộ Hành chính - Sự nghiệp phường`,
        unitKind: 'grassroots_cell',
        setting: 'public_service_unit',
        parentId: ward.committeeId,
        fullMembers: 24,
      },
      {
        kind: 'establish',
        name: 'Chi bộ Trạm Y tế phường',
        unitKind: 'grassroots_cell',
        setting: 'health_station',
        parentId: ward.committeeId,
        fullMembers: 7,
      },
      ...schools.map((s): ResolutionItem => ({
        kind: 'establish',
        name: `Chi bộ Trường ${s}`,
        unitKind: 'grassroots_cell',
        setting: 'school',
        parentId: ward.committeeId,
        fullMembers: 9 + (s.length % 10),
      })),
      ...Array.from({ length: 18 }, (_, k): ResolutionItem => ({
        kind: 'establish',
        name: `Chi bộ Khu dân cư số ${k + 1}`,
        unitKind: 'grassroots_cell',
        setting: 'residential_group',
        parentId: ward.committeeId,
        fullMembers: 12 + (k % 15),
      })),
      ...residential.map((u, k): ResolutionItem => ({
        kind: 'rename',
        unitId: u.id,
        newName: `Chi bộ Tổ dân phố số ${k + 1}`,
      })),
    ];
    expect(items.filter((i) => i.kind === 'establish')).toHaveLength(26);

    const result = await timed('kim-lien', async () =>
      driver.toCompletion(
        as,
        await driver.start(as, ward.code, items, {
          title: 'thành lập 26 tổ chức cơ sở đảng và đổi tên 70 chi bộ tổ dân phố',
          effectiveDate: '2025-07-07',
        }),
        ward.voters,
      ),
    );
    expect(result).toMatchObject({ outcome: 'completed', decisionSymbol: 'Số 01-QĐ/ĐU' });
    expect(await organizations(ward.code)).toBe(114);
    expect(await decisionNumbers(ward.code)).toEqual([1]);

    const decision = await stack.prisma.decision.findFirstOrThrow({ where: { issuer: ward.code } });
    // The 96 items were planned once, at start: the rules check, the draft and the issue reused that plan.
    expect(await stack.prisma.procedurePlan.count({ where: { procedureId: decision.procedureId } })).toBe(1);
    const text = normalized(decision.decisionText, ward.name);
    const fixture = path.join(FIXTURES, 'kim-lien-decision.txt');
    if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(fixture, text);
    expect(text).toBe(fs.readFileSync(fixture, 'utf8'));

    // The set: one NQ, 26 founding QĐ numbered 01…26 in item order, one collective QĐ 27 with a 70-row annex.
    const set = await documentSet(decision.procedureId);
    expect(set.issued).toBe(true);
    expect(set.items.map((d) => [d.type, d.purpose, d.symbol])).toEqual([
      ['NQ', 'resolution', 'Số 01-NQ/ĐU'],
      ...Array.from({ length: 26 }, (_, k) => [
        'QĐ',
        'founding',
        `Số ${String(k + 1).padStart(2, '0')}-QĐ/ĐU`,
      ]),
      ['QĐ', 'collective', 'Số 27-QĐ/ĐU'],
    ]);
    // A throwaway ward has no congress yet: the appointed committee's term.
    expect(new Set(set.items.map((d) => d.term))).toEqual(new Set(['start']));
    expect(set.items[1]!.title).toBe('thành lập Chi bộ Hành chính - Sự nghiệp phường');
    expect(
      set.items.slice(1, 27).every((d) => d.recipients.length === 1 && d.recipients[0]!.unitId === d.unitId),
    ).toBe(true);
    expect(set.items[27]!.recipients.map((r) => r.unitId).sort()).toEqual(
      residential.map((u) => u.id).sort(),
    );
    const collective = await stack.prisma.issuedDocument.findUniqueOrThrow({
      where: { procedureId_position: { procedureId: decision.procedureId, position: 27 } },
    });
    expect(collective.text).toContain('(Kèm theo Quyết định số 27-QĐ/ĐU');
    expect(collective.text).toContain(
      'Căn cứ Nghị quyết số 01-NQ/ĐU, ngày 07/7/2025 của Ban Thường vụ Đảng ủy phường',
    );
    expect(documentModelFromText(collective.text)?.annex?.rows).toHaveLength(70);
    const collectiveFixture = path.join(FIXTURES, 'kim-lien-collective-decision.txt');
    const collectiveText = normalized(collective.text, ward.name);
    if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(collectiveFixture, collectiveText);
    expect(collectiveText).toBe(fs.readFileSync(collectiveFixture, 'utf8'));
    // Each unit was delivered its own decision: a founded cell its founding QĐ, a renamed cell the collective.
    const delivered = await deliveries(decision.procedureId);
    expect(delivered.size).toBe(96);
    for (const d of set.items.slice(1))
      for (const r of d.recipients) expect(delivered.get(r.unitId)).toBe(d.symbol);
    // The registry names each unit's own decision.
    const founded = await stack.prisma.orgUnitVersion.findFirstOrThrow({
      where: { unitId: set.items[5]!.unitId! },
    });
    expect(founded.decisionRef).toBe('Số 05-QĐ/ĐU');
    const renamed = await stack.prisma.orgUnitVersion.findFirstOrThrow({
      where: { unitId: residential[0]!.id, decisionRef: { not: null } },
      orderBy: { id: 'desc' },
    });
    expect(renamed.decisionRef).toBe('Số 27-QĐ/ĐU');
    // A unit acknowledges: the answer names its decision, the list shows the acknowledgement.
    const ack = await as.secretary
      .post(`/api/procedures/${decision.procedureId}/announcement/acknowledgements`)
      .send({ unitId: set.items[3]!.unitId })
      .expect(200);
    expect(ack.body).toMatchObject({ documentSymbol: 'Số 03-QĐ/ĐU', acknowledged: 1, total: 96 });
    expect((await documentSet(decision.procedureId)).items[3]!.recipients[0]!.acknowledgedAt).not.toBeNull();
  });

  it('Văn Miếu – Quốc Tử Giám: 61 cells renumbered "Chi bộ 1" … "Chi bộ 61"; then 13 upgraded and 5 established; numbers 1 and 2', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-van-mieu-quoc-tu-giam');
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    const cells = ward.units.filter((u) => u.kind === 'subordinate_cell');
    expect(cells).toHaveLength(61);
    await timed('van-mieu-renumber', async () =>
      driver.toCompletion(
        as,
        await driver.start(
          as,
          ward.code,
          [{ kind: 'renumber', unitIds: cells.map((c) => c.id), pattern: 'Chi bộ {n}' }],
          { title: 'đổi tên thống nhất các chi bộ' },
        ),
        ward.voters,
      ),
    );
    const renamed = await stack.prisma.orgUnit.findMany({ where: { id: { in: cells.map((c) => c.id) } } });
    // One collective decision with a 61-row annex.
    const first = await stack.prisma.decision.findFirstOrThrow({ where: { issuer: ward.code } });
    const renumbering = await documentSet(first.procedureId);
    expect(renumbering.items.map((d) => [d.purpose, d.symbol, d.recipients.length])).toEqual([
      ['resolution', 'Số 01-NQ/ĐU', 0],
      ['collective', 'Số 01-QĐ/ĐU', 61],
    ]);
    const annexed = await stack.prisma.issuedDocument.findUniqueOrThrow({
      where: { procedureId_position: { procedureId: first.procedureId, position: 1 } },
    });
    expect(annexed.text).toContain('(Kèm theo Quyết định số 01-QĐ/ĐU');
    expect(documentModelFromText(annexed.text)?.annex?.rows).toHaveLength(61);
    expect(new Set(renamed.map((u) => u.name))).toEqual(
      new Set(Array.from({ length: 61 }, (_, k) => `Chi bộ ${k + 1}`)),
    );

    const first13 = cells.slice(0, 13);
    const items: ResolutionItem[] = [
      ...first13.map((c): ResolutionItem => ({ kind: 'upgrade', unitId: c.id, toKind: 'grassroots_cell' })),
      {
        kind: 'establish',
        name: 'Đảng bộ Cơ quan phường',
        unitKind: 'grassroots_committee',
        setting: 'agency',
        parentId: ward.committeeId,
        fullMembers: 45,
      },
      {
        kind: 'establish',
        name: 'Chi bộ Trường Tiểu học Văn Chương',
        unitKind: 'grassroots_cell',
        setting: 'school',
        parentId: ward.committeeId,
        fullMembers: 14,
      },
      {
        kind: 'establish',
        name: 'Chi bộ Trường Mầm non Văn Miếu',
        unitKind: 'grassroots_cell',
        setting: 'school',
        parentId: ward.committeeId,
        fullMembers: 8,
      },
      {
        kind: 'establish',
        name: 'Chi bộ Trạm Y tế phường',
        unitKind: 'grassroots_cell',
        setting: 'health_station',
        parentId: ward.committeeId,
        fullMembers: 6,
      },
      {
        kind: 'establish',
        name: 'Chi bộ Công an phường',
        unitKind: 'grassroots_cell',
        setting: 'agency',
        parentId: ward.committeeId,
        fullMembers: 21,
      },
    ];
    await timed('van-mieu-upgrade-establish', async () =>
      driver.toCompletion(
        as,
        await driver.start(as, ward.code, items, { title: 'nâng cấp 13 chi bộ và thành lập 5 chi, đảng bộ' }),
        ward.voters,
      ),
    );
    const upgraded = await stack.prisma.orgUnit.findMany({ where: { id: { in: first13.map((c) => c.id) } } });
    expect(upgraded.every((u) => u.kind === 'grassroots_cell' && u.parentId === ward.committeeId)).toBe(true);
    expect(await decisionNumbers(ward.code)).toEqual([1, 2]);
    // 13 upgraded + 5 established: 18 decisions of their own, numbered on from the first procedure's 01.
    const second = await stack.prisma.decision.findFirstOrThrow({ where: { issuer: ward.code, number: 2 } });
    const own = await documentSet(second.procedureId);
    expect(own.items.map((d) => d.symbol)).toEqual([
      'Số 02-NQ/ĐU',
      ...Array.from({ length: 18 }, (_, k) => `Số ${String(k + 2).padStart(2, '0')}-QĐ/ĐU`),
    ]);
    expect(own.items.slice(1).every((d) => d.purpose === 'founding')).toBe(true);
  });

  it('Đan Phượng: cell committees, secretaries and deputies appointed for the 26 village and residential cells', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'xa-dan-phuong');
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    const waiting = ward.units.filter(
      (u) => (u.setting === 'village' || u.setting === 'residential_group') && u.kind === 'grassroots_cell',
    );
    expect(waiting).toHaveLength(26);
    const items = waiting.map((u, k): ResolutionItem => ({
      kind: 'appoint',
      unitId: u.id,
      secretary: `Nguyễn Văn Bí Thư ${k + 1}`,
      deputies: [`Trần Thị Phó ${k + 1}`],
      committee: [`Lê Văn Ủy Viên ${k + 1}`],
    }));
    await timed('dan-phuong', async () =>
      driver.toCompletion(
        as,
        await driver.start(as, ward.code, items, {
          title: 'chỉ định Ban Chi ủy, Bí thư, Phó Bí thư các chi bộ thôn, tổ dân phố',
        }),
        ward.voters,
      ),
    );
    const officers = await stack.prisma.orgUnitOfficer.findMany({
      where: { unitId: { in: waiting.map((u) => u.id) }, validTo: null },
    });
    expect(officers).toHaveLength(26 * 3);
    // One decision per cell, numbered in item order; each cell's officers carry its own decision's number.
    const decision = await stack.prisma.decision.findFirstOrThrow({ where: { issuer: ward.code } });
    const set = await documentSet(decision.procedureId);
    expect(set.items.slice(1).map((d) => [d.purpose, d.unitId, d.symbol])).toEqual(
      waiting.map((u, k) => ['appointment', u.id, `Số ${String(k + 1).padStart(2, '0')}-QĐ/ĐU`]),
    );
    expect(set.items[1]!.title).toMatch(/^chỉ định (Ban Chi ủy|cấp ủy), Bí thư, Phó Bí thư Chi bộ /);
    const secretaries = officers.filter((o) => o.role === 'secretary');
    expect(secretaries).toHaveLength(26);
    for (const o of secretaries)
      expect(o.decisionRef).toBe(
        `Số ${String(waiting.findIndex((u) => u.id === o.unitId) + 1).padStart(2, '0')}-QĐ/ĐU`,
      );
    const delivered = await deliveries(decision.procedureId);
    expect(waiting.map((u) => delivered.get(u.id))).toEqual(set.items.slice(1).map((d) => d.symbol));
  });

  it('Phúc Lộc: 5 grassroots organizations and 46 village cells established, 37 cells transferred from the former communes and bloc and upgraded', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'xa-phuc-loc');
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    const former = ward.units.filter((u) => u.kind === 'subordinate_cell');
    expect(former).toHaveLength(37);
    const items: ResolutionItem[] = [
      {
        kind: 'establish',
        name: 'Đảng bộ Cơ quan Đảng - Chính quyền xã',
        unitKind: 'grassroots_committee',
        setting: 'agency',
        parentId: ward.committeeId,
        fullMembers: 52,
      },
      {
        kind: 'establish',
        name: 'Đảng bộ Công an xã',
        unitKind: 'grassroots_committee',
        setting: 'agency',
        parentId: ward.committeeId,
        fullMembers: 34,
      },
      {
        kind: 'establish',
        name: 'Chi bộ Quân sự xã',
        unitKind: 'grassroots_cell',
        setting: 'agency',
        parentId: ward.committeeId,
        fullMembers: 11,
      },
      {
        kind: 'establish',
        name: 'Chi bộ Trung tâm Phục vụ hành chính công',
        unitKind: 'grassroots_cell',
        setting: 'public_service_unit',
        parentId: ward.committeeId,
        fullMembers: 9,
      },
      {
        kind: 'establish',
        name: 'Chi bộ Trạm Y tế xã Phúc Lộc',
        unitKind: 'grassroots_cell',
        setting: 'health_station',
        parentId: ward.committeeId,
        fullMembers: 6,
      },
      ...Array.from({ length: 46 }, (_, k): ResolutionItem => ({
        kind: 'establish',
        name: `Chi bộ thôn ${k + 1}`,
        unitKind: 'grassroots_cell',
        setting: 'village',
        parentId: ward.committeeId,
        fullMembers: 10 + (k % 19),
      })),
      ...former.map((u): ResolutionItem => ({ kind: 'upgrade', unitId: u.id, toKind: 'grassroots_cell' })),
    ];
    await timed('phuc-loc', async () =>
      driver.toCompletion(
        as,
        await driver.start(as, ward.code, items, {
          title: 'thành lập, kiện toàn các chi, đảng bộ trực thuộc Đảng ủy xã',
          effectiveDate: '2025-07-07',
        }),
        ward.voters,
      ),
    );
    const live = await stack.prisma.orgUnit.findMany({
      where: {
        wardCode: ward.code,
        status: 'active',
        kind: { in: ['grassroots_cell', 'grassroots_committee'] },
      },
    });
    expect(live.filter((u) => u.setting !== 'village')).toHaveLength(42);
    expect(live.filter((u) => u.setting === 'village')).toHaveLength(46);
    const announcement = await supervisor
      .get(
        `/api/procedures/${(await stack.prisma.decision.findFirstOrThrow({ where: { issuer: ward.code } })).procedureId}`,
      )
      .expect(200);
    expect(announcement.body.announcement).toMatchObject({ recipients: 88, acknowledged: 0 });
  });
});
