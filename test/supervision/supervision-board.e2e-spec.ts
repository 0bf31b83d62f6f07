/**
 * The supervisors' board and bulk jobs over the real stack: only supervisors read the board, its projection
 * and the jobs (403 otherwise); the board counts a ward's running procedures by step, overdue and stalled, by
 * kind of change; the projection lists the ward that cannot finish by today with its reason; a dry run answers
 * the count and the list and writes nothing; a real run is a stored job that reminds each procedure once,
 * answers per procedure, is audited, and a repeat with the same Idempotency-Key is the same job.
 */
import { randomUUID } from 'node:crypto';
import type { App } from 'supertest/types';
import { SupervisionJobRunner } from '../../apps/api/src/supervision/jobs/supervision-job.runner';
import { dateInVietnam } from '@kientoan/domain';
import { type Client, client, login } from '../support/http-client';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import {
  anIdempotencyKey,
  givenMeasuredStepDurations,
  givenSupervisor,
  givenWardShapedLike,
} from '../support/factories';
import { ProcedureDriver, type SignedInWard, signIn } from '../support/procedure-driver';

describe('Supervision board and bulk jobs (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let supervisor: Client;
  let ward: Awaited<ReturnType<typeof givenWardShapedLike>>;
  let as: SignedInWard;
  let procedures: string[];

  beforeAll(async () => {
    stack = await createTestStack({ workingDayMs: 500 });
    http = stack.app.getHttpServer() as App;
    supervisor = client(http, await login(http, await givenSupervisor(stack.prisma)));
    await stack.startWorker();
    ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1, onBoard: true });
    // Each step takes this ward two days: its two procedures waiting in review cannot finish today.
    await givenMeasuredStepDurations(stack.prisma, ward.code, { days: 2 });
    as = await signIn(http, ward);
    const driver = new ProcedureDriver(stack);
    procedures = [
      await driver.start(as, ward.code, [
        { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
      ]),
      await driver.start(as, ward.code, [
        { kind: 'rename', unitId: `${ward.code}.tdp7`, newName: 'Chi bộ Tổ dân phố số 35' },
      ]),
    ];
    await eventually(
      async () =>
        (await stack.prisma.procedure.count({
          where: { wardCode: ward.code, stalledSince: { not: null } },
        })) === 2 || undefined,
      30_000,
      'both to stall in review',
    );
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('refuses the board, its projection and the jobs to anyone but a supervisor (403)', async () => {
    await as.secretary.get('/api/supervision/board').expect(403);
    await as.secretary.get(`/api/supervision/board/projection?target=2030-01-01`).expect(403);
    await as.secretary.get('/api/supervision/jobs').expect(403);
    await as.reviewer.post('/api/supervision/jobs').send({ action: 'remind' }).expect(403);
  });

  it('counts the ward on the board: running by step, overdue and stalled; by kind of change', async () => {
    const board = await supervisor.get('/api/supervision/board').expect(200);
    expect(board.body.wards.length).toBeGreaterThanOrEqual(127);
    expect(board.body.wards.find((w: { code: string }) => w.code === 'phuong-kim-lien')).toMatchObject({
      area: { name: 'Đống Đa' },
    });
    const mine = board.body.wards.find((w: { code: string }) => w.code === ward.code);
    expect(mine).toMatchObject({
      running: { review: 2, draft_resolution: 0 },
      runningTotal: 2,
      overdue: 2,
      stalled: 2,
      failed: 0,
      completedThisWeek: 0,
      area: null,
    });
    const establish = await supervisor.get('/api/supervision/board?kind=establish').expect(200);
    expect(establish.body.wards.find((w: { code: string }) => w.code === ward.code)).toMatchObject({
      runningTotal: 0,
      stalled: 0,
    });
    await supervisor.get('/api/supervision/board?kind=nonsense').expect(400);
  });

  it('projects that the ward cannot finish by today, with the step and days, and can by a far date', async () => {
    const today = dateInVietnam(new Date());
    const soon = await supervisor.get(`/api/supervision/board/projection?target=${today}`).expect(200);
    const mine = soon.body.wards.find((w: { code: string }) => w.code === ward.code);
    expect(mine).toMatchObject({ open: 2, late: 2, name: ward.name });
    expect(mine.reason).toMatchObject({ step: expect.any(String), days: expect.any(Number) });
    expect(mine.reason.source).toBe('ward');
    const far = await supervisor.get('/api/supervision/board/projection?target=2099-12-31').expect(200);
    expect(far.body.wards.find((w: { code: string }) => w.code === ward.code)).toBeUndefined();
    await supervisor.get('/api/supervision/board/projection?target=31-12-2099').expect(400);
  });

  it('shows failed and stalled procedures with who they wait for and since when', async () => {
    const stalled = await supervisor.get(`/api/supervision/stalled?wardCode=${ward.code}`).expect(200);
    expect(stalled.body.items).toHaveLength(2);
    expect(stalled.body.items[0]).toMatchObject({
      status: 'running',
      failure: null,
      waitingFor: 'reviewer',
      waitingSince: expect.any(String),
      stalledSince: expect.any(String),
    });
  });

  it('dry-runs a bulk remind: the count and the list, and nothing written', async () => {
    const [notificationsBefore, jobsBefore, auditBefore] = await Promise.all([
      stack.prisma.notification.count({ where: { procedureId: { in: procedures } } }),
      stack.prisma.supervisionJob.count(),
      stack.prisma.auditEntry.count({ where: { action: { startsWith: 'supervision.bulk' } } }),
    ]);
    const dry = await supervisor
      .post('/api/supervision/jobs')
      .send({ action: 'remind', filter: { wardCode: ward.code, stalledForHours: 0 } })
      .expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, action: 'remind', matched: 2, wouldTouch: 2 });
    expect(new Set(dry.body.procedures.map((p: { id: string }) => p.id))).toEqual(new Set(procedures));
    expect(dry.body.procedures[0]).toMatchObject({ ward: { code: ward.code }, step: 'review' });
    expect(
      await Promise.all([
        stack.prisma.notification.count({ where: { procedureId: { in: procedures } } }),
        stack.prisma.supervisionJob.count(),
        stack.prisma.auditEntry.count({ where: { action: { startsWith: 'supervision.bulk' } } }),
      ]),
    ).toEqual([notificationsBefore, jobsBefore, auditBefore]);
  });

  it('runs a bulk remind as a job: each procedure reminded once, per-procedure results, audited, idempotent', async () => {
    const key = anIdempotencyKey();
    const run = () =>
      supervisor
        .post('/api/supervision/jobs')
        .set('Idempotency-Key', key)
        .send({ action: 'remind', filter: { wardCode: ward.code }, dryRun: false });
    const started = await run().expect(200);
    expect(started.body).toMatchObject({ dryRun: false, job: { action: 'remind', total: 2 } });
    const jobId = started.body.job.id as string;

    const done = await eventually(async () => {
      const job = await supervisor.get(`/api/supervision/jobs/${jobId}`).expect(200);
      return job.body.status === 'done' ? job.body : undefined;
    }, 30_000);
    expect(done).toMatchObject({ total: 2, ok: 2, failed: 0, pending: 0 });
    expect(new Set(done.items.map((i: { procedureId: string }) => i.procedureId))).toEqual(
      new Set(procedures),
    );
    expect(done.items[0]).toMatchObject({
      status: 'ok',
      ward: { code: ward.code },
      finishedAt: expect.any(String),
    });

    const again = await run().expect(200);
    expect(again.body.job.id).toBe(jobId);
    const reminders = () =>
      stack.prisma.notification.count({
        where: {
          procedureId: { in: procedures },
          kind: 'reminder',
          dedupeKey: { contains: ':bulk-remind:' },
        },
      });
    expect(await reminders()).toBe(2);

    // A second job in the same hour reminds nobody twice.
    const second = await supervisor
      .post('/api/supervision/jobs')
      .send({ action: 'remind', filter: { wardCode: ward.code }, dryRun: false })
      .expect(200);
    await eventually(async () => {
      const job = await supervisor.get(`/api/supervision/jobs/${second.body.job.id}`).expect(200);
      return job.body.status === 'done' ? true : undefined;
    }, 30_000);
    expect(await reminders()).toBe(2);

    const audit = await stack.prisma.auditEntry.findMany({
      where: { action: 'supervision.bulk_remind', actorId: 'giam-sat-thu-nghiem' },
    });
    expect(audit.map((a) => (a.after as { jobId: string }).jobId)).toEqual(
      expect.arrayContaining([jobId, second.body.job.id]),
    );
    const list = await supervisor.get('/api/supervision/jobs?limit=5').expect(200);
    expect(list.body.items.map((j: { id: string }) => j.id)).toEqual(
      expect.arrayContaining([jobId, second.body.job.id]),
    );
    await supervisor.get('/api/supervision/jobs/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('takes over a job whose API process went away and finishes the procedures still pending', async () => {
    const id = randomUUID();
    const audit = {
      actorId: 'giam-sat-thu-nghiem',
      role: 'supervisor',
      clientAddress: null,
      requestId: null,
    };
    await stack.prisma.supervisionJob.create({
      data: {
        id,
        action: 'escalate',
        filter: { wardCode: ward.code },
        createdBy: 'giam-sat-thu-nghiem',
        audit,
        createdAt: new Date(),
        total: 2,
        leaseUntil: new Date(Date.now() - 1000),
        items: {
          create: [
            { position: 0, procedureId: procedures[0]!, status: 'ok', finishedAt: new Date() },
            { position: 1, procedureId: procedures[1]! },
          ],
        },
      },
    });
    await stack.app.get(SupervisionJobRunner).run(id);
    const job = await supervisor.get(`/api/supervision/jobs/${id}`).expect(200);
    expect(job.body).toMatchObject({ status: 'done', ok: 2, pending: 0 });
    expect(
      await stack.prisma.notification.count({
        where: {
          procedureId: procedures[0]!,
          kind: 'escalation',
          dedupeKey: { contains: ':bulk-escalate:' },
        },
      }),
    ).toBe(0); // done before the takeover: not sent again
    expect(
      await stack.prisma.notification.count({
        where: {
          procedureId: procedures[1]!,
          kind: 'escalation',
          dedupeKey: { contains: ':bulk-escalate:' },
        },
      }),
    ).toBe(1);
  });

  it('refuses a bulk cancel without a reason (400)', async () => {
    const refused = await supervisor
      .post('/api/supervision/jobs')
      .send({ action: 'cancel', filter: { wardCode: ward.code }, dryRun: false })
      .expect(400);
    expect(refused.body.errors[0].field).toBe('reason');
  });
});
