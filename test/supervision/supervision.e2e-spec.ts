/**
 * Supervision over the real stack: procedures that miss their deadline show up as stalled (oldest first,
 * paged by cursor), per-ward progress counts them, and bulk actions select them by filter — a dry run counts
 * without writing, a real run answers per procedure, and repeating it does nothing twice.
 */
import type { App } from 'supertest/types';
import { type Client, client, login } from '../support/http-client';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { givenSupervisor, givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, signIn } from '../support/procedure-driver';

describe('Supervision (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let supervisor: Client;
  let driver: ProcedureDriver;

  beforeAll(async () => {
    process.env.DEADLINE_WORKING_DAY_MS = '500';
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    supervisor = client(http, await login(http, await givenSupervisor(stack.prisma)));
    driver = new ProcedureDriver(stack);
    await stack.startWorker();
  });

  afterAll(async () => {
    delete process.env.DEADLINE_WORKING_DAY_MS;
    await stack?.close();
  });

  it('given two procedures past their review deadline, then supervisors find, count, remind and cancel them', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    const first = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
    ]);
    const second = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp7`, newName: 'Chi bộ Tổ dân phố số 35' },
    ]);
    await eventually(
      async () =>
        (await stack.prisma.procedure.count({
          where: { wardCode: ward.code, stalledSince: { not: null } },
        })) === 2
          ? true
          : undefined,
      30_000,
      'both to stall',
    );

    // Oldest stall first (ties by id), however the two workflows' timers happened to fire.
    const [oldest, newest] = (
      await stack.prisma.procedure.findMany({
        where: { wardCode: ward.code },
        orderBy: [{ stalledSince: 'asc' }, { id: 'asc' }],
      })
    ).map((p) => p.id);
    expect(new Set([oldest, newest])).toEqual(new Set([first, second]));
    const page1 = await supervisor.get(`/api/supervision/stalled?wardCode=${ward.code}&limit=1`).expect(200);
    expect(page1.body.items.map((i: { id: string }) => i.id)).toEqual([oldest]);
    expect(page1.body.items[0]).toMatchObject({
      step: 'review',
      waitingFor: 'reviewer',
      ward: { code: ward.code },
    });
    const page2 = await supervisor
      .get(
        `/api/supervision/stalled?wardCode=${ward.code}&limit=1&after=${encodeURIComponent(page1.body.next)}`,
      )
      .expect(200);
    expect(page2.body).toMatchObject({ items: [{ id: newest }], next: null });
    await supervisor.get('/api/supervision/stalled?limit=0').expect(400);

    const progress = await supervisor.get('/api/supervision/progress').expect(200);
    expect(progress.body.wards).toBeGreaterThanOrEqual(126);
    const mine = progress.body.items.find((w: { code: string }) => w.code === ward.code);
    expect(mine).toBeUndefined(); // throwaway wards are not among the 126
    const real = progress.body.items.find((w: { code: string }) => w.code === 'phuong-kim-lien');
    expect(real).toMatchObject({ running: { review: expect.any(Number) }, completed: expect.any(Number) });

    const notificationsBefore = await stack.prisma.notification.count({
      where: { procedureId: { in: [first, second] } },
    });
    const dry = await supervisor
      .post('/api/supervision/bulk')
      .send({ action: 'remind', filter: { wardCode: ward.code, stalledForHours: 0 } })
      .expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, matched: 2, wouldTouch: 2 });
    expect(await stack.prisma.notification.count({ where: { procedureId: { in: [first, second] } } })).toBe(
      notificationsBefore,
    );

    const remind = () =>
      supervisor
        .post('/api/supervision/bulk')
        .send({ action: 'remind', filter: { wardCode: ward.code }, dryRun: false });
    expect((await remind().expect(200)).body).toMatchObject({
      touched: 2,
      results: [{ ok: true }, { ok: true }],
    });
    await remind().expect(200);
    expect(
      await stack.prisma.notification.count({
        where: {
          procedureId: { in: [first, second] },
          kind: 'reminder',
          recipient: `ward:${ward.code}:reviewer`,
          dedupeKey: { contains: ':bulk-remind:' },
        },
      }),
    ).toBe(2);

    const noReason = await supervisor
      .post('/api/supervision/bulk')
      .send({ action: 'cancel', filter: { wardCode: ward.code }, dryRun: false })
      .expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const cancelled = await supervisor
      .post('/api/supervision/bulk')
      .send({
        action: 'cancel',
        filter: { wardCode: ward.code },
        reason: 'Đề nghị lập lại hồ sơ',
        dryRun: false,
      })
      .expect(200);
    expect(cancelled.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true]);
    await eventually(async () =>
      (await stack.prisma.procedure.count({ where: { wardCode: ward.code, status: 'cancelled' } })) === 2
        ? true
        : undefined,
    );
  });
});
