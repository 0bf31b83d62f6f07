// Drives procedures over HTTP as the people of each ward do (secretary, reviewer, three committee members),
/* global fetch, AbortSignal */
// retrying what was refused with 503 (same Idempotency-Key) and recording every answer the users saw.
import { randomUUID } from 'node:crypto';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const DEMO_PASSWORD = 'kientoan-demo';
const REQUEST_TIMEOUT_MS = 30_000;

/** What users saw: answers by status, slowest answer, and every 5xx that was not a 503. */
export class Observations {
  constructor() {
    this.byStatus = new Map();
    this.codes = new Map();
    this.slowestMs = 0;
    this.slowFaultAnswers = 0;
    this.slowDuringFault = 0;
    this.internalErrors = [];
    /** Duplicate deliveries that were not answered alike (or not as the first). */
    this.mismatches = [];
    this.faultActive = false;
    this.duringFault = new Map();
  }

  record(method, path, status, ms, body) {
    const key = String(status);
    this.byStatus.set(key, (this.byStatus.get(key) ?? 0) + 1);
    if (this.faultActive) this.duringFault.set(key, (this.duringFault.get(key) ?? 0) + 1);
    if (body && typeof body.code === 'string' && status >= 400)
      this.codes.set(body.code, (this.codes.get(body.code) ?? 0) + 1);
    if (ms > this.slowestMs) this.slowestWhat = `${method} ${path} ${status}`;
    this.slowestMs = Math.max(this.slowestMs, ms);
    if (status === 503 && ms > 5_000) this.slowFaultAnswers += 1;
    if (this.faultActive && ms > 5_000) this.slowDuringFault += 1;
    if (status >= 500 && status !== 503)
      this.internalErrors.push(`${method} ${path} ${status} ${body?.code ?? ''}`);
  }

  summary() {
    const fmt = (m) =>
      [...m.entries()]
        .sort()
        .map(([k, v]) => `${k}×${v}`)
        .join(' ');
    return {
      answers: fmt(this.byStatus),
      duringFault: fmt(this.duringFault) || '-',
      codes: fmt(this.codes) || '-',
      slowestMs: this.slowestMs,
      slowestWhat: this.slowestWhat ?? '-',
      slow503: this.slowFaultAnswers,
      slowDuringFault: this.slowDuringFault,
      internalErrors: this.internalErrors.length,
      mismatches: this.mismatches.length,
    };
  }
}

export class Http {
  constructor(baseUrl, observations) {
    this.baseUrl = baseUrl;
    this.observations = observations;
    this.tokens = new Map();
  }

  async call(method, path, { user, body, key } = {}) {
    const headers = { 'content-type': 'application/json' };
    if (user) headers.authorization = `Bearer ${await this.token(user)}`;
    if (key) headers['idempotency-key'] = key;
    const started = Date.now();
    let status = 0;
    let json;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = response.status;
      json = await response.json().catch(() => undefined);
    } catch {
      status = 0; // connection refused (API down) or our timeout
    }
    const ms = Date.now() - started;
    if (status === 401 && user) this.tokens.delete(user);
    this.observations.record(method, path.replace(/[0-9a-f-]{36}/, ':id'), status, ms, json);
    return { status, body: json, ms };
  }

  async token(user) {
    const cached = this.tokens.get(user);
    if (cached) return cached;
    for (;;) {
      try {
        const response = await fetch(`${this.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: user, password: DEMO_PASSWORD }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (response.status === 200) {
          const { accessToken } = await response.json();
          this.tokens.set(user, accessToken);
          return accessToken;
        }
        this.observations.record(
          'POST',
          '/api/auth/login',
          response.status,
          0,
          await response.json().catch(() => undefined),
        );
      } catch {
        // API restarting
      }
      await sleep(1_000);
    }
  }
}

/** Accounts for a ward of the seeded city (password as the demo accounts), created once. */
export async function givenWardAccounts(sql, wardCode) {
  const prefix = `faults.${wardCode}`;
  const { rows } = await sql.query(`SELECT password_hash FROM user_account WHERE username = 'bithu.ochodua'`);
  const hash = rows[0].password_hash;
  const members = (
    await sql.query(
      `SELECT id FROM ward_committee_member WHERE ward_code = $1 AND active ORDER BY id LIMIT 3`,
      [wardCode],
    )
  ).rows.map((r) => r.id);
  const users = {
    secretary: `${prefix}.bithu`,
    reviewer: `${prefix}.vanphong`,
    approvers: members.map((m) => ({ memberId: m, user: `${prefix}.${m}` })),
  };
  const accounts = [
    [users.secretary, null],
    [users.reviewer, null],
    ...users.approvers.map((a) => [a.user, a.memberId]),
  ];
  for (const [username, memberId] of accounts)
    await sql.query(
      `INSERT INTO user_account (id, username, display_name, password_hash, member_id)
       VALUES ($1, $1, $1, $2, $3) ON CONFLICT DO NOTHING`,
      [username, hash, memberId],
    );
  await sql.query(
    `INSERT INTO user_ward_role (user_id, ward_code, role) VALUES ($1, $3, 'secretary'), ($2, $3, 'reviewer')
     ON CONFLICT DO NOTHING`,
    [users.secretary, users.reviewer, wardCode],
  );
  return users;
}

/** Wards with a committee and no approver accounts yet (the demo places keep theirs). */
export async function usableWards(sql) {
  const { rows } = await sql.query(`
    SELECT w.code FROM ward w
    WHERE (SELECT count(*) FROM ward_committee_member m WHERE m.ward_code = w.code AND m.active) >= 3
      AND NOT EXISTS (SELECT 1 FROM user_account u JOIN ward_committee_member m ON u.member_id = m.id
                      WHERE m.ward_code = w.code AND u.username NOT LIKE 'faults.%')
    ORDER BY w.code`);
  return rows.map((r) => r.code);
}

/** The `index`-th residential cell of the ward, not yet renamed by this suite. */
export async function unitToRename(sql, wardCode, index) {
  const { rows } = await sql.query(
    `SELECT id FROM org_unit WHERE ward_code = $1 AND kind = 'grassroots_cell' AND status = 'active'
     ORDER BY id OFFSET $2 LIMIT 1`,
    [wardCode, index],
  );
  if (!rows[0]) throw new Error(`ward ${wardCode} has fewer than ${index + 1} cells`);
  return rows[0].id;
}

const RETRYABLE = new Set([0, 502, 503, 504]);

/** Repeats an action while the answer says "not taken, retry" (503, no connection), with the same key. */
async function untilTaken(http, method, path, options, isDone) {
  for (;;) {
    const answer = await http.call(method, path, options);
    if (!RETRYABLE.has(answer.status) || (isDone && (await isDone()))) return answer;
    await sleep(1_000 + Math.random() * 1_000);
  }
}

/** Sends the same action twice with one key (a client retrying after a lost answer); both answers must agree. */
async function retried(http, method, path, options, isDone) {
  const first = await untilTaken(http, method, path, options, isDone);
  const second = await untilTaken(http, method, path, options);
  if (first.status !== second.status || first.status >= 300)
    http.observations.mismatches.push(
      `${method} ${path.replace(/[0-9a-f-]{36}/, ':id')} answered ${first.status} then ${second.status}`,
    );
  return first;
}

/**
 * One procedure from start to its end: start, review accept, submit the generated draft, three approvals (or,
 * when `withdraw`, a withdrawal while drafting). Every action is retried after a 503 or a lost connection with
 * its idempotency key (the start too: a retried start with the same key answers the same procedure).
 * Options: `beforeStart`/`beforeReview`/`beforeDraft` barriers (a burst: everyone acts at once),
 * `duplicateVotes` (the first approval sent that many times at once with one key), `parallelApprovals` (the three
 * approvals at once), `retryEach` (review, draft submission, withdrawal and acknowledgement each sent twice with
 * one key), `acknowledge` (the announcement acknowledged after completion). Returns { id, expected }.
 */
export async function driveProcedure(
  http,
  ward,
  unitId,
  label,
  {
    deadline,
    onStarted,
    beforeStart,
    beforeReview,
    beforeDraft,
    duplicateVotes,
    parallelApprovals,
    retryEach,
    withdraw,
    acknowledge,
  },
) {
  if (beforeStart) await beforeStart();
  const startKey = `faults-start-${randomUUID()}`;
  const started = await untilTaken(http, 'POST', '/api/procedures', {
    user: ward.users.secretary,
    key: startKey,
    body: {
      wardCode: ward.code,
      title: `kiện toàn (thử lỗi) ${label}`,
      items: [{ kind: 'rename', unitId, newName: `Chi bộ Thử lỗi ${label}` }],
    },
  });
  if (started.status !== 202)
    throw new Error(`start answered ${started.status} ${JSON.stringify(started.body)}`);
  const id = started.body.id;
  onStarted?.(id);
  const expected = withdraw ? 'withdrawn' : 'completed';
  const keys = {
    review: `faults-review-${randomUUID()}`,
    draft: `faults-draft-${randomUUID()}`,
    withdraw: `faults-withdraw-${randomUUID()}`,
  };
  const act = retryEach ? retried : untilTaken;
  const voteKeys = new Map(ward.users.approvers.map((a) => [a.memberId, `faults-vote-${randomUUID()}`]));
  const vote = (approver) =>
    untilTaken(http, 'POST', `/api/procedures/${id}/approvals`, {
      user: approver.user,
      body: { voterId: approver.memberId, choice: 'approve' },
      key: voteKeys.get(approver.memberId),
    });
  let reviewed = false;
  let drafted = false;
  let acknowledged = false;
  while (Date.now() < deadline) {
    const view = await http.call('GET', `/api/procedures/${id}`, { user: ward.users.secretary });
    if (view.status !== 200) {
      await sleep(1_500);
      continue;
    }
    const p = view.body;
    if (p.status === 'completed' && acknowledge && !acknowledged) {
      // Completed means announced: the affected unit (the renamed cell) confirms receipt.
      await act(http, 'POST', `/api/procedures/${id}/announcement/acknowledgements`, {
        user: ward.users.secretary,
        body: { unitId },
      });
      acknowledged = true;
    }
    if (p.status === expected) return { id, expected };
    if (p.status !== 'running') throw new Error(`procedure ${id} ended as ${p.status}, expected ${expected}`);
    if (p.waitingFor === 'reviewer') {
      // A burst: wait until every procedure of the scenario is here, then all reviews go at once.
      if (beforeReview && !reviewed) await beforeReview();
      reviewed = true;
      await act(http, 'POST', `/api/procedures/${id}/review`, {
        user: ward.users.reviewer,
        body: { decision: 'accept' },
        key: keys.review,
      });
    } else if (p.waitingFor === 'secretary' && p.currentStep === 'draft_resolution') {
      if (withdraw) {
        await act(http, 'POST', `/api/procedures/${id}/withdraw`, {
          user: ward.users.secretary,
          body: { reason: 'Thử lỗi: rút thủ tục' },
          key: keys.withdraw,
        });
      } else {
        if (beforeDraft && !drafted) await beforeDraft();
        drafted = true;
        await act(http, 'POST', `/api/procedures/${id}/draft/submit`, {
          user: ward.users.secretary,
          body: {},
          key: keys.draft,
        });
      }
    } else if (p.waitingFor === 'committee') {
      const voted = new Set(p.votes.filter((v) => v.round === p.round).map((v) => v.voterId));
      const pending = ward.users.approvers.filter((a) => !voted.has(a.memberId));
      if (parallelApprovals) {
        // Three different approvers reach the threshold at the same moment.
        await Promise.all(pending.map(vote));
      } else {
        for (const [index, approver] of ward.users.approvers.entries()) {
          if (voted.has(approver.memberId)) continue;
          if (duplicateVotes && index === 0) {
            // Duplicate delivery: the same approval (one key) sent many times at once; all must agree, one vote.
            const answers = await Promise.all(
              Array.from({ length: duplicateVotes }, () =>
                http.call('POST', `/api/procedures/${id}/approvals`, {
                  user: approver.user,
                  body: { voterId: approver.memberId, choice: 'approve' },
                  key: voteKeys.get(approver.memberId),
                }),
              ),
            );
            const statuses = [...new Set(answers.map((a) => a.status))];
            // 503 ACTION_PENDING is "taken, not finished yet": acceptable beside 200s; anything else must be 200.
            if (statuses.some((s) => s !== 200 && s !== 503))
              http.observations.mismatches.push(
                `${duplicateVotes} identical approvals answered ${answers.map((a) => a.status).join(',')}`,
              );
            continue;
          }
          await vote(approver);
        }
      }
    }
    await sleep(1_000 + Math.random() * 1_000);
  }
  return { id, expected };
}
