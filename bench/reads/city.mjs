// A synthetic city of open procedures over the seeded registry, written in bulk with generate_series:
// procedures spread over the 126 communes and wards, each ward's waiting for a reviewer, a secretary or the
// committee (a third each, with the decider status the workflow would have stored: the inbox shows them as
// tasks; due dates around now, some overdue, some stalled), one step row each, a vote on part of the committee
// ones, and a tenth completed. Marked by workflow ids "bench-city-…", regenerated when the size changes.
import { say } from '../lib/measure.mjs';

const BATCH = 20_000;

async function timedQuery(pool, label, sql, params) {
  const started = Date.now();
  const result = await pool.query(sql, params);
  say(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

export async function ensureCity(pool, procedures) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n, count(decider_status)::int AS decided
     FROM procedure WHERE workflow_id LIKE 'bench-city-%' AND status = 'running'`,
  );
  // A city of an earlier bench (no decider status: every ward waiting for one party only) is made again.
  if (rows[0].n === procedures && rows[0].decided === procedures) {
    say(`Synthetic city: ${procedures} open procedures already there.`);
    return;
  }
  say(`Synthetic city: ${procedures} open procedures (had ${rows[0].n})…`);
  await timedQuery(
    pool,
    'removed the previous city',
    `DELETE FROM procedure WHERE workflow_id LIKE 'bench-city-%'`,
  );
  // 10 % more completed ones, so progress has something to count.
  const total = Math.round(procedures * 1.1);
  for (let from = 1; from <= total; from += BATCH) {
    const to = Math.min(total, from + BATCH - 1);
    await pool.query(
      `WITH wards AS (SELECT array_agg(code ORDER BY ordinal) AS codes FROM ward WHERE ordinal <= 1000)
       INSERT INTO procedure (id, ward_code, kind, title, items, initiated_by, effective_date, status, current_step,
                              round, waiting_for, decider_status, due_at, stalled_since, workflow_id, created_at,
                              updated_at, completed_at)
       SELECT overlay(overlay(md5('bench-city-' || g) placing '4' from 13) placing '8' from 17)::uuid, -- a v4-shaped uuid
              codes[1 + g % array_length(codes, 1)],
              (ARRAY['rename','establish','appoint','merge'])[1 + g % 4],
              'Kiện toàn tổ chức đảng (đo tải) số ' || g,
              '[]'::jsonb,
              'bench',
              DATE '2025-07-15',
              (CASE WHEN g > $3 THEN 'completed' ELSE 'running' END)::"ProcedureStatus",
              (CASE WHEN g > $3 THEN 'announce' ELSE (ARRAY['review','draft_resolution','committee_approval'])[1 + (g / 126) % 3] END)::"ProcedureStepName",
              1,
              CASE WHEN g > $3 THEN NULL ELSE (ARRAY['reviewer','secretary','committee'])[1 + (g / 126) % 3] END,
              CASE WHEN g > $3 THEN 'completed' ELSE (ARRAY['reviewing','drafting','voting'])[1 + (g / 126) % 3] END,
              CASE WHEN g > $3 THEN NULL ELSE now() + ((g % 240) - 60) * interval '1 hour' END,
              CASE WHEN g <= $3 AND g % 20 = 0 THEN now() - (g % 400) * interval '1 hour' END,
              'bench-city-' || g,
              now() - (g % 2000) * interval '1 hour',
              now(),
              CASE WHEN g > $3 THEN now() END
       FROM wards, generate_series($1::int, $2::int) AS g`,
      [from, to, procedures],
    );
    say(`  procedures: ${to}/${total}`);
  }
  await timedQuery(
    pool,
    'one step row per procedure',
    `INSERT INTO procedure_step (procedure_id, step, round, status, started_at)
     SELECT id, current_step, 1, 'in_progress', created_at FROM procedure WHERE workflow_id LIKE 'bench-city-%'`,
  );
  await timedQuery(
    pool,
    'a vote on a third of the committee ones',
    `INSERT INTO vote (procedure_id, round, voter_id, choice, idempotency_key, cast_at)
     SELECT p.id, 1, p.ward_code || '-btv-02', 'approve', 'bench-city', now()
     FROM procedure p WHERE p.workflow_id LIKE 'bench-city-%' AND p.waiting_for = 'committee' AND hashtext(p.id::text) % 3 = 0`,
  );
  await timedQuery(pool, 'ANALYZE', 'ANALYZE');
}
