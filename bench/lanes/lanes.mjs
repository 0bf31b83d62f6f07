// The three workflow lanes. Each `runOne(slot)` takes one procedure from start to completed and answers its
// start → completed time and the time of each human action (ms).
//   B-min   bare workflow: 5 no-op activities, 5 Updates from the client
//   B-shape bare workflow with the product workflow's activities, Updates, upserts and timers, no-op bodies
//   P1      the product over HTTP: start → review → submit draft → 3 votes, each as its own account
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { BARE_TASK_QUEUE } from '../lib/stack.mjs';
import { accountsOf, benchWardCode, cellOf } from '../lib/fixtures.mjs';
import { expectStatus } from '../lib/http.mjs';
import { sleep } from '../lib/measure.mjs';
import { openEventStream } from '../lib/events.mjs';

/** A bare lane: start, then the five Updates one after the other, then the result. */
export async function bareLane(name, workflowType, stack) {
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection, namespace: stack.namespace });
  return {
    name,
    async runOne() {
      const started = performance.now();
      const handle = await client.workflow.start(workflowType, {
        taskQueue: BARE_TASK_QUEUE,
        workflowId: `bench-${name}-${randomUUID()}`,
      });
      const actions = [];
      for (let i = 0; i < 5; i += 1) {
        const sent = Date.now();
        const { readyAt } = await handle.executeUpdate('act', { args: [i] });
        // From when the action was possible (or sent, if later) to its answer.
        actions.push(Date.now() - Math.max(sent, readyAt ?? sent));
      }
      await handle.result();
      return { totalMs: performance.now() - started, actions, polls: 0 };
    },
    close: () => connection.close(),
  };
}

/** Waiting on events: without one for this long, the driver reads the procedure once (a missed event must not stall it). */
const EVENT_FALLBACK_MS = 2_000;

/**
 * Drives one procedure over HTTP, each action as its own account. Between actions it waits as the web app
 * does, on the secretary's event stream (`events`, bench/lib/events.mjs), reading `GET /api/procedures/:id`
 * only when no event came for 2 s; without a stream it polls every pollMs. Every step answers the HTTP time
 * of the action (ms); the reads are counted as polls.
 */
export function productDriver(api, { pollMs, events }) {
  async function read(id, token) {
    const r = await api.request('GET', `/api/procedures/${id}`, { token });
    return expectStatus(r, 200, `GET procedure ${id}`).body;
  }

  async function waitUntil(id, token, done, what, timeoutMs = 300_000) {
    const deadline = Date.now() + timeoutMs;
    let polls = 0;
    let seen = events?.isOpen() ? events.latest(id) : undefined;
    for (;;) {
      if (!seen) {
        seen = await read(id, token);
        polls += 1;
      }
      if (done(seen)) return { polls, procedure: seen };
      if (seen.status !== 'running')
        throw new Error(`procedure ${id} ended as ${seen.status} waiting for ${what}`);
      if (Date.now() > deadline) throw new Error(`procedure ${id} not ${what} within ${timeoutMs} ms`);
      if (events?.isOpen()) {
        const change = await events.next(id, EVENT_FALLBACK_MS);
        seen = change ? events.latest(id) : undefined;
      } else {
        await sleep(pollMs);
        seen = undefined;
      }
    }
  }

  /** 503s answered and retried (busy workers or database), as a client does: same request, same key. */
  let busy = 0;

  /**
   * One action, retried while the workflow has not yet opened it (409) and, after its Retry-After, when the
   * API answers busy (503: "not done, send it again with the same Idempotency-Key").
   */
  async function act(method, path, options, what) {
    for (let attempt = 0; ; attempt += 1) {
      const r = await api.request(method, path, options);
      if (r.status === 200 || r.status === 202) return r;
      if (![409, 503].includes(r.status) || attempt > 50) expectStatus(r, 200, what);
      if (r.status === 503) busy += 1;
      await sleep(r.status === 503 ? (r.retryAfterMs ?? 1000) : pollMs);
    }
  }

  const tokensOf = async (who) => {
    const [secretary, reviewer, ...approvers] = await Promise.all(
      [who.secretary, who.reviewer, ...who.approvers].map((u) => api.token(u)),
    );
    return { secretary, reviewer, approvers };
  };

  /** start → review accepted → draft submitted as generated → the committee's vote open. */
  async function toVoting(wardCode, items, who, title = 'đổi tên chi bộ tổ dân phố (đo tải)') {
    const tokens = await tokensOf(who);
    const start = await act(
      'POST',
      '/api/procedures',
      {
        token: tokens.secretary,
        body: { wardCode, title, items },
        headers: { 'idempotency-key': api.idempotencyKey() },
      },
      'start',
    );
    const id = start.body.id;
    let polls = 0;
    const actions = [];
    const wait = async (done, what) => (polls += (await waitUntil(id, tokens.secretary, done, what)).polls);
    await wait((p) => p.waitingFor === 'reviewer', 'waiting for review');
    const review = { token: tokens.reviewer, body: { decision: 'accept' } };
    actions.push((await act('POST', `/api/procedures/${id}/review`, review, 'review')).ms);
    await wait((p) => p.waitingFor === 'secretary' && p.currentStep === 'draft_resolution', 'drafted');
    const submit = { token: tokens.secretary, body: {} };
    actions.push((await act('POST', `/api/procedures/${id}/draft/submit`, submit, 'submit draft')).ms);
    await wait((p) => p.waitingFor === 'committee', 'waiting for votes');
    return { id, tokens, startMs: start.ms, actions, polls: () => polls, wait };
  }

  /** Member i of `who.voters` approves. */
  const vote = (id, tokens, who, i) =>
    act(
      'POST',
      `/api/procedures/${id}/approvals`,
      {
        token: tokens.approvers[i],
        body: { voterId: who.voters[i], choice: 'approve' },
        headers: { 'idempotency-key': api.idempotencyKey() },
      },
      'vote',
    );

  return { waitUntil, toVoting, vote, busyRetries: () => busy };
}

/**
 * P1: the product over HTTP. Slot s works in bench ward s % wards and renames its own cell (so procedures of
 * different slots never touch the same unit).
 */
export function productLane(api, { wards, wait = 'events' }) {
  let counter = 0;
  // One event stream per slot (its secretary's), opened at the slot's first procedure; none with --wait poll.
  const streams = [];
  return {
    name: 'P1',
    /** Set per run: the poll interval grows with the procedures in flight (see workflow-bench.mjs). */
    pollMs: 100,
    usernames(slots) {
      const names = [];
      for (let k = 0; k < Math.min(wards, slots); k += 1) {
        const a = accountsOf(benchWardCode(k));
        names.push(a.secretary, a.reviewer, ...a.approvers);
      }
      return names;
    },
    async runOne(slot) {
      const wardCode = benchWardCode(slot % wards);
      const who = accountsOf(wardCode);
      counter += 1;
      const newName = `Chi bộ Tổ dân phố đo tải ${slot} lần ${counter}-${randomUUID().slice(0, 4)}`;
      if (wait === 'events') streams[slot] ??= await openEventStream(api, await api.token(who.secretary));
      const driver = productDriver(api, { pollMs: this.pollMs, events: streams[slot] });
      const started = performance.now();
      const run = await driver.toVoting(
        wardCode,
        [{ kind: 'rename', unitId: cellOf(wardCode, slot), newName }],
        who,
      );
      for (let i = 0; i < who.voters.length; i += 1)
        run.actions.push((await driver.vote(run.id, run.tokens, who, i)).ms);
      await run.wait((p) => p.status === 'completed', 'completed');
      return {
        totalMs: performance.now() - started,
        actions: run.actions,
        startMs: run.startMs,
        polls: run.polls(),
        busyRetries: driver.busyRetries(),
        id: run.id,
      };
    },
    close: async () => {
      for (const stream of streams) stream?.close();
    },
  };
}

/**
 * Closed loop: `inflight` clients, each starting its next procedure when the previous one completes, until
 * `total` have been started. Throughput = completed / (first start → last completion).
 */
export async function closedLoop(lane, { inflight, total, onDone }) {
  let started = 0;
  const results = [];
  const errors = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inflight }, async (_, slot) => {
      while (started < total) {
        started += 1;
        try {
          results.push(await lane.runOne(slot));
        } catch (error) {
          errors.push(String(error?.message ?? error));
        }
        onDone?.();
      }
    }),
  );
  return { results, errors, seconds: (performance.now() - t0) / 1000 };
}
