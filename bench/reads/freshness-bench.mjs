// Deliverable 3: freshness. From the moment an approver sends an approval to the moment another approver
// (a committee member who has not voted) sees it: polling their task (GET /api/inbox/:id lists the votes),
// and, when the vote closes, polling their inbox until the vote task is gone. Through SSE as well where the
// API has /api/events (an event naming the procedure after the approval was sent; the stream is opened with a
// ticket, as the web app does).
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { productDriver } from '../lanes/lanes.mjs';
import { accountsOf, benchWardCode, cellOf, ensureBenchWards } from '../lib/fixtures.mjs';
import { openEventStream } from '../lib/events.mjs';
import { expectStatus } from '../lib/http.mjs';
import { max, median, percentile, round, say, sleep } from '../lib/measure.mjs';

const OBSERVER_POLL_MS = 25;

/** Polls until `seen()` answers true; the time (performance.now()) it did. */
async function pollUntil(seen, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await seen()) return performance.now();
    if (Date.now() > deadline) throw new Error('not seen within a minute');
    await sleep(OBSERVER_POLL_MS);
  }
}

const stats = (via, values) => ({
  via,
  samples: values.length,
  p50: round(median(values), 0),
  p99: round(percentile(values, 99), 0),
  max: round(max(values), 0),
});

export async function freshnessBench(stack, api, options) {
  const { freshnessSamples, pollMs } = options;
  await ensureBenchWards(stack.pool, { wards: 1, slots: 1 });
  const wardCode = benchWardCode(0);
  const who = accountsOf(wardCode);
  const driver = productDriver(api, { pollMs: pollMs ?? 100 });
  const observer = await api.token(who.observers[0]);
  const events = await openEventStream(api, observer, { keepArrivals: true });
  if (!events) say('Freshness: /api/events is not there (or not SSE): polling only.');
  const seenVote = [];
  const seenAfterAnswer = [];
  const taskGone = [];
  const viaEvents = [];
  const procedures = Math.max(1, Math.ceil(freshnessSamples / who.voters.length));
  try {
    for (let n = 0; n < procedures; n += 1) {
      say(`Freshness: procedure ${n + 1}/${procedures} (3 approvals watched by a fourth member)…`);
      const newName = `Chi bộ Tổ dân phố đo tải 0 tươi ${randomUUID().slice(0, 8)}`;
      const run = await driver.toVoting(
        wardCode,
        [{ kind: 'rename', unitId: cellOf(wardCode, 0), newName }],
        who,
      );
      for (let i = 0; i < who.voters.length; i += 1) {
        const last = i === who.voters.length - 1;
        const sent = performance.now();
        const watching = last
          ? pollUntil(async () => {
              const r = expectStatus(
                await api.request('GET', '/api/inbox', { token: observer }),
                200,
                'inbox',
              );
              return !r.body.items.some((t) => t.procedureId === run.id);
            })
          : pollUntil(async () => {
              const r = expectStatus(
                await api.request('GET', `/api/inbox/${run.id}`, { token: observer }),
                200,
                'task',
              );
              return r.body.votes.length > i;
            });
        await driver.vote(run.id, run.tokens, who, i);
        const answered = performance.now();
        const seen = await watching;
        if (last) taskGone.push(seen - sent);
        else {
          seenVote.push(seen - sent);
          seenAfterAnswer.push(Math.max(0, seen - answered));
        }
        const event = await events?.firstAfter(run.id, sent);
        if (event) viaEvents.push(event - sent);
      }
      await run.wait((p) => p.status === 'completed', 'completed');
    }
  } finally {
    events?.close();
  }
  const results = [
    stats('task shows the vote (poll GET /api/inbox/:id), from the approval sent', seenVote),
    stats('… from the approval answered', seenAfterAnswer),
    stats('vote closed: task leaves the inbox (poll GET /api/inbox), from the last approval sent', taskGone),
  ];
  if (events) results.push(stats('SSE /api/events: first event naming the procedure', viaEvents));
  return {
    results,
    note:
      `The watching member polls every ${OBSERVER_POLL_MS} ms (up to that much is the poll's, not the product's). ` +
      (events ? '' : '/api/events was not there: no SSE figures.'),
  };
}
