/**
 * Durability: the production worker process is killed (SIGKILL) in the middle of the issue-decision step,
 * while its transaction is open. A new worker takes over after the heartbeat timeout; the procedure
 * completes with every step recorded once, one decision, and the register's number used exactly once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { App } from 'supertest/types';
import { procedureWorkflowId } from '@kientoan/workflows';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, signIn } from '../support/procedure-driver';
import { readTestEnvironment } from '../support/test-environment';

const ROOT = path.resolve(__dirname, '..', '..');
const WORKER_ENTRY = path.join(ROOT, 'dist', 'apps', 'worker', 'apps', 'worker', 'src', 'main.js');

describe('Worker killed in the middle of a step (e2e)', () => {
  let stack: TestStack;
  const workers: ChildProcess[] = [];
  const blockers: pg.Client[] = [];

  /** The real worker build (`npm run build`), as `npm start` runs it. */
  const spawnWorker = (): ChildProcess => {
    const env = readTestEnvironment();
    const child = spawn(process.execPath, [WORKER_ENTRY], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: env.databaseUrl,
        TEMPORAL_ADDRESS: env.temporalAddress,
        TEMPORAL_NAMESPACE: env.temporalNamespace,
        TEMPORAL_TASK_QUEUE: stack.taskQueue,
        WORKFLOW_BUNDLE_PATH: env.workflowBundlePath,
      },
      stdio: 'ignore',
    });
    workers.push(child);
    return child;
  };

  beforeAll(async () => {
    if (!fs.existsSync(WORKER_ENTRY))
      throw new Error(`${WORKER_ENTRY} is missing: run "npm run build" (npm test does).`);
    stack = await createTestStack();
  });

  afterAll(async () => {
    for (const child of workers) if (child.exitCode === null) child.kill('SIGKILL');
    await Promise.allSettled(blockers.map((b) => b.end()));
    await stack?.close();
  });

  it('given a worker killed while issuing the decision, when another worker takes over, then each step is recorded once and one number is used', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    const driver = new ProcedureDriver(stack);
    // A throwaway ward has no congress: its registers are those of the appointed committee's term.
    const term = 'start';
    await stack.prisma.documentRegister.create({
      data: { issuer: ward.code, docType: 'QĐ', term, lastNumber: 0 },
    });
    const first = spawnWorker();

    const procedureId = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
    ]);
    const handle = stack.temporal.workflow.getHandle(procedureWorkflowId(procedureId));
    await driver.toVoting(as, procedureId);

    // Hold the register row: the issue-decision activity will block inside its transaction.
    const blocker = new pg.Client({ connectionString: readTestEnvironment().databaseUrl });
    await blocker.connect();
    blockers.push(blocker);
    await blocker.query('BEGIN');
    await blocker.query('SELECT * FROM document_register WHERE issuer = $1 FOR UPDATE', [ward.code]);

    await driver.vote(as, procedureId, ward.voters[0]!).expect(200);

    // Mid-step: the step has begun and a worker's query is waiting for our lock.
    // (Asked on another connection: pg_stat_activity is a snapshot per transaction.)
    await eventually(
      async () => {
        const [row] = await stack.prisma.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE wait_event_type = 'Lock' AND query ILIKE '%document_register%'`;
        return row!.waiting > 0 ? true : undefined;
      },
      30_000,
      'the issue-decision step to block on the register',
    );
    const inProgress = await stack.prisma.procedureStep.findFirstOrThrow({
      where: { procedureId, step: 'issue_decision' },
    });
    expect(inProgress.status).toBe('in_progress');

    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    await blocker.query('ROLLBACK');

    spawnWorker();
    const result = await handle.result();
    expect(result).toEqual({ outcome: 'completed', decisionSymbol: 'Số 01-QĐ/ĐU', rounds: 1 });

    const steps = await stack.prisma.procedureStep.findMany({
      where: { procedureId },
      orderBy: { startedAt: 'asc' },
    });
    expect(steps.map((s) => `${s.step}:${s.status}`)).toEqual([
      'review:completed',
      'draft_resolution:completed',
      'committee_approval:completed',
      'issue_decision:completed',
      'announce:completed',
    ]);
    const decisions = await stack.prisma.decision.findMany({ where: { issuer: ward.code } });
    expect(decisions.map((d) => d.number)).toEqual([1]);
    const register = await stack.prisma.documentRegister.findUniqueOrThrow({
      where: { issuer_docType_term: { issuer: ward.code, docType: 'QĐ', term } },
    });
    expect(register.lastNumber).toBe(1);
    const resolutions = await stack.prisma.documentRegister.findUniqueOrThrow({
      where: { issuer_docType_term: { issuer: ward.code, docType: 'NQ', term } },
    });
    expect(resolutions.lastNumber).toBe(1);
    // The registry change was applied exactly once, with the decision's reference.
    const versions = await stack.prisma.orgUnitVersion.findMany({
      where: { unitId: `${ward.code}.tdp6` },
      orderBy: { id: 'asc' },
    });
    expect(versions.map((v) => [v.name, v.decisionRef])).toEqual([
      ['Chi bộ Tổ dân phố số 6', null],
      ['Chi bộ Tổ dân phố số 34', 'Số 01-QĐ/ĐU'],
    ]);

    // The kill really interrupted the step: Temporal ran issueDecision a second time.
    const history = await handle.fetchHistory();
    const attempts = (history.events ?? [])
      .filter((e) => e.activityTaskStartedEventAttributes)
      .map((e) => e.activityTaskStartedEventAttributes!.attempt ?? 1);
    expect(Math.max(...attempts)).toBeGreaterThanOrEqual(2);
  });
});
