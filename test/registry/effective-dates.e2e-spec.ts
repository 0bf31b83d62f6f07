/**
 * Effective dates with an injected clock: the API and the worker read the same `TestClock`, so "tomorrow"
 * comes when the test moves it.
 */
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  type ResolutionItem,
  dateInVietnam,
  firstWorkingDayOnOrAfter,
  planResolution,
} from '@kientoan/domain';
import { EffectiveDateConflict, applyChangeSet, loadSnapshot } from '@kientoan/platform';
import { type TestStack, createTestStack } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, signIn } from '../support/procedure-driver';
import type { Client } from '../support/http-client';

const OLD_NAME = 'Chi bộ Tổ dân phố số 6';
const NEW_NAME = 'Chi bộ Tổ dân phố số 34';

describe('Effective dates (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let driver: ProcedureDriver;
  const clock = new TestClock();
  // 09:00 in Hà Nội on today's date there: no test here runs into midnight.
  const morning = new Date(`${dateInVietnam(new Date())}T02:00:00Z`);

  beforeAll(async () => {
    stack = await createTestStack({ clock });
    http = stack.app.getHttpServer() as App;
    driver = new ProcedureDriver(stack);
    await stack.startWorker();
  });

  beforeEach(() => clock.runFrom(morning));

  afterAll(async () => {
    await stack?.close();
  });

  const aWard = async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    return { ward, as: await signIn(http, ward) };
  };
  const rename = (wardCode: string): ResolutionItem[] => [
    { kind: 'rename', unitId: `${wardCode}.tdp6`, newName: NEW_NAME },
  ];

  it('given a rename issued today effective tomorrow, then the live registry shows the old name today with the change scheduled, and the new name tomorrow', async () => {
    const { ward, as } = await aWard();
    const today = clock.today();
    const tomorrow = clock.today(1);
    const unitId = `${ward.code}.tdp6`;
    const id = await driver.start(as, ward.code, rename(ward.code), { effectiveDate: tomorrow });
    await driver.toCompletion(as, id, ward.voters);

    // Today: the old name in the unit, the tree and search; the rename waits, with its decision.
    const scheduled = {
      unitId,
      effectiveDate: tomorrow,
      change: 'rename',
      name: NEW_NAME,
      decision: { symbol: 'Số 01-QĐ/ĐU', signedOn: today },
    };
    const unit = await as.secretary.get(`/api/registry/units/${unitId}`).expect(200);
    expect(unit.body).toMatchObject({
      name: OLD_NAME,
      status: 'active',
      formerNames: [],
      scheduled: [scheduled],
    });
    expect(unit.body.history.at(-1)).toMatchObject({ name: NEW_NAME, validFrom: tomorrow, scheduled: true });
    const tree = await as.secretary.get(`/api/registry/wards/${ward.code}/tree`).expect(200);
    const node = findNode(tree.body.tree, unitId);
    expect(node).toMatchObject({ name: OLD_NAME, scheduled: [scheduled] });
    expect(tree.body.scheduled).toEqual([expect.objectContaining(scheduled)]);
    expect(await searchIds(as.secretary, ward.code, 'to dan pho so 34')).toEqual([]);
    expect(await searchIds(as.secretary, ward.code, 'to dan pho so 6')).toEqual([unitId]);

    // Tomorrow: the new name everywhere, the old one in the history.
    clock.advanceDays(1);
    const later = await as.secretary.get(`/api/registry/units/${unitId}`).expect(200);
    expect(later.body).toMatchObject({ name: NEW_NAME, formerNames: [OLD_NAME], scheduled: [] });
    expect(later.body.history.at(-1)).toMatchObject({
      name: NEW_NAME,
      validFrom: tomorrow,
      scheduled: false,
    });
    expect(later.body.history.at(-2)).toMatchObject({ name: OLD_NAME, validTo: tomorrow });
    const laterTree = await as.secretary.get(`/api/registry/wards/${ward.code}/tree`).expect(200);
    expect(findNode(laterTree.body.tree, unitId)).toMatchObject({ name: NEW_NAME, scheduled: [] });
    expect(await searchIds(as.secretary, ward.code, 'to dan pho so 34')).toEqual([unitId]);
    expect(await searchIds(as.secretary, ward.code, 'to dan pho so 6')).toEqual([]);
  });

  it('given the date rules the API publishes (GET /api/procedures/rules), then the last day of the window starts and the day after is refused', async () => {
    const { ward, as } = await aWard();
    const rules = (await as.secretary.get('/api/procedures/rules').expect(200)).body as {
      effectiveDate: { earliest: string; latest: string; maxDaysAhead: number };
    };
    const window = { earliest: clock.today(), latest: clock.today(365), maxDaysAhead: 365 };
    expect(rules).toEqual({
      timeZone: 'Asia/Ho_Chi_Minh',
      today: clock.today(),
      effectiveDate: window,
      ceremony: { ...window, defaultTime: '08:00' },
    });
    const start = (effectiveDate: string) =>
      as.secretary
        .post('/api/procedures')
        .send({ wardCode: ward.code, title: 'đổi tên', items: rename(ward.code), effectiveDate });
    const tooFar = await start(clock.today(366)).expect(400);
    expect(tooFar.body.errors).toEqual([expect.objectContaining({ field: 'effectiveDate' })]);
    await start(rules.effectiveDate.latest).expect(202);
    // Readable by any signed-in account, not without one.
    await request(http).get('/api/procedures/rules').expect(401);
  });

  it('given an effective date before today or beyond the window, or a ceremony in the past, when starting, then 400 names the field in Vietnamese and nothing is stored', async () => {
    const { ward, as } = await aWard();
    const cases: [Record<string, unknown>, string][] = [
      [{ effectiveDate: clock.today(-1) }, 'effectiveDate'],
      [{ effectiveDate: '1900-01-01' }, 'effectiveDate'],
      [{ effectiveDate: clock.today(366) }, 'effectiveDate'],
      [{ effectiveDate: '9999-12-31' }, 'effectiveDate'],
      [{ ceremony: { date: clock.today(-1) } }, 'ceremony.date'],
    ];
    const before = await stack.prisma.procedure.count({ where: { wardCode: ward.code } });
    for (const [extra, field] of cases) {
      const response = await as.secretary
        .post('/api/procedures')
        .send({ wardCode: ward.code, title: 'đổi tên', items: rename(ward.code), ...extra })
        .expect(400);
      expect(response.body.code).toBe('PROCEDURE_DATES_INVALID');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field, reason: expect.stringMatching(/ngày/i) }),
      ]);
    }
    expect(await stack.prisma.procedure.count({ where: { wardCode: ward.code } })).toBe(before);
  });

  it('given a decision signed after its requested effective date, then it takes effect on its signing date with a note, and the ceremony moves to the first working day from issue', async () => {
    const { ward, as } = await aWard();
    const requested = clock.today();
    const id = await driver.start(as, ward.code, rename(ward.code), {
      effectiveDate: requested,
      ceremony: { date: requested, time: '14:30', place: 'Nhà văn hóa tổ dân phố 34' },
    });
    const stored = await stack.prisma.procedure.findUniqueOrThrow({ where: { id } });
    expect(stored.ceremonyAt?.toISOString()).toBe(`${requested}T07:30:00.000Z`);
    const shown = await as.secretary.get(`/api/procedures/${id}`).expect(200);
    expect(shown.body.requestedCeremony).toEqual({
      at: `${requested}T07:30:00.000Z`,
      place: 'Nhà văn hóa tổ dân phố 34',
    });

    // The procedure takes three days.
    clock.advanceDays(3);
    const signedOn = clock.today();
    await driver.toCompletion(as, id, ward.voters);

    const decision = await stack.prisma.decision.findUniqueOrThrow({ where: { procedureId: id } });
    expect(dateInVietnam(decision.issuedAt)).toBe(signedOn);
    expect(decision.effectiveDate.toISOString().slice(0, 10)).toBe(signedOn);
    expect(decision.decisionText).toContain('Ghi chú: Ngày hiệu lực đề nghị');
    const unit = await as.secretary.get(`/api/registry/units/${ward.code}.tdp6`).expect(200);
    expect(unit.body.history.at(-1)).toMatchObject({ name: NEW_NAME, validFrom: signedOn });

    const announcement = await stack.prisma.announcement.findUniqueOrThrow({ where: { procedureId: id } });
    const ceremonyDay = firstWorkingDayOnOrAfter(signedOn);
    expect(announcement.ceremonyAt?.toISOString()).toBe(`${ceremonyDay}T07:30:00.000Z`);
    expect(announcement.ceremonyPlace).toBe('Nhà văn hóa tổ dân phố 34');
    expect(announcement.body).toContain('14 giờ 30');
    expect(announcement.body).toContain('Nhà văn hóa tổ dân phố 34');
    expect(announcement.body).toContain('dời từ');
  });

  it('given a rename scheduled for next week, when another unit takes the old name from today, then applying it is refused: the two would share the name until then', async () => {
    const { ward } = await aWard();
    const [tdp6, tdp7] = [`${ward.code}.tdp6`, `${ward.code}.tdp7`];
    await applyPlanned(
      ward.code,
      [{ kind: 'rename', unitId: tdp6, newName: NEW_NAME }],
      clock.today(7),
      'Số 1-QĐ/ĐU',
    );

    const takeOldName = applyPlanned(
      ward.code,
      [{ kind: 'rename', unitId: tdp7, newName: OLD_NAME }],
      clock.today(),
      'Số 2-QĐ/ĐU',
    );
    await expect(takeOldName).rejects.toThrow(EffectiveDateConflict);
    await expect(takeOldName).rejects.toThrow(/trùng/);
    // From the day the first rename takes effect on, the name is free.
    await applyPlanned(
      ward.code,
      [{ kind: 'rename', unitId: tdp7, newName: OLD_NAME }],
      clock.today(7),
      'Số 3-QĐ/ĐU',
    );
  });

  it('given a rename scheduled for next week, when the same unit is changed with an earlier date, then it is refused', async () => {
    const { ward } = await aWard();
    const tdp6 = `${ward.code}.tdp6`;
    await applyPlanned(
      ward.code,
      [{ kind: 'rename', unitId: tdp6, newName: NEW_NAME }],
      clock.today(7),
      'Số 1-QĐ/ĐU',
    );
    await expect(
      applyPlanned(
        ward.code,
        [{ kind: 'rename', unitId: tdp6, newName: 'Chi bộ Tổ dân phố số 35' }],
        clock.today(1),
        'Số 2-QĐ/ĐU',
      ),
    ).rejects.toThrow(/sắp có hiệu lực/);
  });

  /** What the issue step does: plan against the registry as decided, apply with a date, in one transaction. */
  const applyPlanned = async (
    wardCode: string,
    items: ResolutionItem[],
    effectiveDate: string,
    decisionRef: string,
  ) => {
    const planned = planResolution(await loadSnapshot(stack.prisma, wardCode), items, {
      wardCode,
      newUnitId: () => 'unused',
    });
    if (!planned.ok) throw new Error(JSON.stringify(planned.violations));
    await stack.prisma.$transaction((tx) =>
      applyChangeSet(tx, planned.changeSet, { effectiveDate, decisionRef }),
    );
  };

  it('given no ceremony chosen, then the announcement is on the first working day from issue, at 08:00 at the ward seat', async () => {
    const { ward, as } = await aWard();
    const id = await driver.start(as, ward.code, rename(ward.code));
    await driver.toCompletion(as, id, ward.voters);
    const announcement = await stack.prisma.announcement.findUniqueOrThrow({ where: { procedureId: id } });
    expect(announcement.ceremonyAt?.toISOString()).toBe(
      `${firstWorkingDayOnOrAfter(clock.today())}T01:00:00.000Z`,
    );
    expect(announcement.ceremonyPlace).toBe(`Hội trường Đảng ủy phường ${ward.name}`);
  });
});

interface Node {
  readonly id: string;
  readonly children: readonly Node[];
}
const findNode = (nodes: readonly Node[], id: string): Node | undefined => {
  for (const node of nodes) {
    if (node.id === id) return node;
    const inside = findNode(node.children, id);
    if (inside) return inside;
  }
  return undefined;
};

const searchIds = async (as: Client, wardCode: string, q: string): Promise<string[]> => {
  const response = await as
    .get(`/api/registry/units/search?q=${encodeURIComponent(q)}&wardCode=${wardCode}`)
    .expect(200);
  return (response.body.items as { id: string }[]).map((i) => i.id);
};
