// The baseline for the reads: the data queries the API's read endpoints run (as of this writing), through
// raw `pg` in a bare node:http handler: no auth, no framework, no validation, rows serialized as they come.
// A separate process, like the API, with the same pool size. Prints "raw-server <port>" when listening.
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE || 10),
});
const list = (v) => (v ? v.split(',') : []);

const routes = {
  /**
   * GET /api/inbox: the API's one statement — counts, the first page (25, due first) and the unacknowledged
   * announcements, in one pass over the user's waiting procedures, as JSON.
   */
  async inbox(q) {
    const mine = `p.status = 'running' AND (
      (p.waiting_for = 'reviewer' AND p.ward_code = ANY($1))
      OR (p.waiting_for = 'secretary' AND p.ward_code = ANY($2))
      OR (p.waiting_for = 'committee' AND p.ward_code = ANY($3)
          AND EXISTS (SELECT 1 FROM unnest($4::text[]) AS m(id)
                      WHERE NOT EXISTS (SELECT 1 FROM vote v WHERE v.procedure_id = p.id AND v.round = p.round AND v.voter_id = m.id))))`;
    const { rows } = await pool.query(
      `WITH mine AS (
         SELECT p.id, p.title, p.kind, p.ward_code, p.current_step, p.round, p.due_at, p.stalled_since,
                p.decider_status, p.waiting_for
         FROM procedure p WHERE ${mine}),
       page AS (
         SELECT p.id AS "procedureId", p.title, p.kind, p.ward_code AS "wardCode", w.name AS "wardName",
                p.current_step::text AS step, p.round, p.due_at AS "dueAt", p.stalled_since AS "stalledSince",
                p.decider_status AS "deciderStatus"
         FROM mine p JOIN ward w ON w.code = p.ward_code
         WHERE p.due_at IS NOT NULL
         ORDER BY p.due_at ASC, p.id ASC
         LIMIT 26),
       unacknowledged AS (
         SELECT a.procedure_id AS "procedureId", r.unit_id AS "unitId", r.unit_name AS "unitName", r.message,
                a.published_at AS "publishedAt", r.id
         FROM announcement_recipient r
         JOIN announcement a ON a.id = r.announcement_id
         JOIN procedure p ON p.id = a.procedure_id
         WHERE r.acknowledged_at IS NULL AND p.ward_code = ANY($5)
         ORDER BY a.published_at, r.id
         LIMIT 100)
       SELECT
         (SELECT coalesce(json_object_agg(n.waiting_for, n.count), '{}'::json)
          FROM (SELECT waiting_for, count(*)::int AS count FROM mine GROUP BY waiting_for) n) AS counts,
         (SELECT coalesce(json_agg(t ORDER BY t."dueAt" ASC, t."procedureId" ASC), '[]'::json) FROM page t) AS items,
         (SELECT coalesce(json_agg(json_build_object('procedureId', u."procedureId", 'unitId', u."unitId",
                                                     'unitName', u."unitName", 'message', u.message,
                                                     'publishedAt', u."publishedAt")
                                   ORDER BY u."publishedAt", u.id), '[]'::json)
          FROM unacknowledged u) AS acknowledgements`,
      [list(q.reviewer), list(q.secretary), list(q.approver), list(q.members), list(q.secretary)],
    );
    const { counts, items, acknowledgements } = rows[0];
    return { counts, items: items.slice(0, 25), acknowledgements };
  },

  /** GET /api/procedures/:id: the procedure, its ward, steps, votes, latest draft, decision, announcement. */
  async procedure(q) {
    const { rows } = await pool.query(
      `SELECT p.*, w.name AS ward_name, w.kind AS ward_kind FROM procedure p JOIN ward w ON w.code = p.ward_code WHERE p.id = $1`,
      [q.id],
    );
    if (!rows[0]) return undefined;
    const [steps, votes, drafts, decision, announcement] = await Promise.all([
      pool.query(`SELECT * FROM procedure_step WHERE procedure_id = $1 ORDER BY started_at, id`, [q.id]),
      pool.query(`SELECT * FROM vote WHERE procedure_id = $1 ORDER BY round, cast_at`, [q.id]),
      pool.query(`SELECT * FROM resolution_draft WHERE procedure_id = $1 ORDER BY version DESC LIMIT 1`, [
        q.id,
      ]),
      pool.query(
        `SELECT symbol, number, year, issued_at, resolution_symbol, effective_date FROM decision WHERE procedure_id = $1`,
        [q.id],
      ),
      pool.query(
        `SELECT a.*, (SELECT count(*) FROM announcement_recipient r WHERE r.announcement_id = a.id) AS recipients,
                (SELECT count(*) FROM announcement_recipient r WHERE r.announcement_id = a.id AND r.acknowledged_at IS NOT NULL) AS acknowledged
         FROM announcement a WHERE a.procedure_id = $1`,
        [q.id],
      ),
    ]);
    return {
      ...rows[0],
      steps: steps.rows,
      votes: votes.rows,
      latestDraft: drafts.rows[0] ?? null,
      decision: decision.rows[0] ?? null,
      announcement: announcement.rows[0] ?? null,
    };
  },

  /**
   * GET /api/procedures (list): a ward's procedures, newest first, with the ward's name and the decision's
   * symbol: the API's statement (ward_code IN (…), which for one ward the index serves in order).
   */
  async list(q) {
    const wards = list(q.wards);
    const { rows } = await pool.query(
      `SELECT p.id, p.title, p.kind, p.ward_code AS "wardCode", w.name AS "wardName", p.status::text AS status,
              p.current_step::text AS "currentStep", p.waiting_for AS "waitingFor", p.round, p.due_at AS "dueAt",
              p.stalled_since AS "stalledSince", p.created_at AS "createdAt", p.completed_at AS "completedAt",
              d.symbol AS "decisionSymbol"
       FROM procedure p
       JOIN ward w ON w.code = p.ward_code
       LEFT JOIN decision d ON d.procedure_id = p.id
       WHERE p.ward_code IN (${wards.map((_, i) => `$${i + 1}`).join(', ')})
       ORDER BY p.created_at DESC, p.id DESC LIMIT 26`,
      wards,
    );
    return { items: rows.slice(0, 25) };
  },

  /** GET /api/registry/wards/:code/tree: the ward, its units with their current officers. */
  async tree(q) {
    const ward = await pool.query(`SELECT * FROM ward WHERE code = $1`, [q.ward]);
    const units = await pool.query(`SELECT * FROM org_unit WHERE ward_code = $1`, [q.ward]);
    const officers = await pool.query(
      `SELECT * FROM org_unit_officer WHERE unit_id = ANY($1) AND valid_to IS NULL ORDER BY id`,
      [units.rows.map((u) => u.id)],
    );
    return { ward: ward.rows[0], units: units.rows, officers: officers.rows };
  },

  /** GET /api/registry/units/search: count + first page, diacritics-insensitive, Vietnamese order. */
  async search(q) {
    // The API's statement (libs/platform searchUnits): the live registry's versions today (Hà Nội), the page
    // and the number of matches in one pass.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const { rows } = await pool.query(
      `SELECT v.unit_id AS id, v.name, v.kind::text AS kind, v.status::text AS status, v.full_members AS "fullMembers",
              v.ward_code AS "wardCode", w.name AS "wardName", v.parent_id AS "parentId", p.name AS "parentName",
              count(*) OVER ()::int AS total
       FROM org_unit_version v
       JOIN ward w ON w.code = v.ward_code
       LEFT JOIN org_unit_version p
         ON p.unit_id = v.parent_id AND p.valid_from <= $2::date AND (p.valid_to IS NULL OR p.valid_to > $2::date)
       WHERE v.search_key LIKE $1 AND v.valid_from <= $2::date AND (v.valid_to IS NULL OR v.valid_to > $2::date)
         AND v.status = 'active'
       ORDER BY v.name COLLATE "vi_numeric", v.unit_id LIMIT $3 OFFSET 0`,
      [`%${q.key}%`, today, Number(q.limit || 20)],
    );
    return { total: rows[0]?.total ?? 0, items: rows };
  },

  /** GET /api/supervision/progress: per ward, running by step, completed, overdue, stalled. */
  async progress() {
    const [wards, byStep, completed, overdue, stalled] = await Promise.all([
      pool.query(`SELECT code, name, kind FROM ward WHERE ordinal <= 1000 ORDER BY ordinal`),
      pool.query(
        `SELECT ward_code, current_step, count(*)::int AS n FROM procedure WHERE status = 'running' GROUP BY ward_code, current_step`,
      ),
      pool.query(
        `SELECT ward_code, count(*)::int AS n FROM procedure WHERE status = 'completed' GROUP BY ward_code`,
      ),
      pool.query(
        `SELECT ward_code, count(*)::int AS n FROM procedure WHERE status = 'running' AND due_at < now() GROUP BY ward_code`,
      ),
      pool.query(
        `SELECT ward_code, count(*)::int AS n FROM procedure WHERE status = 'running' AND stalled_since IS NOT NULL GROUP BY ward_code`,
      ),
    ]);
    return {
      wards: wards.rows,
      byStep: byStep.rows,
      completed: completed.rows,
      overdue: overdue.rows,
      stalled: stalled.rows,
    };
  },

  /** GET /api/supervision/stalled: stalled at least N hours, oldest first, 50 a page. */
  async stalled(q) {
    const { rows } = await pool.query(
      `SELECT p.*, w.code AS ward_code, w.name AS ward_name FROM procedure p JOIN ward w ON w.code = p.ward_code
       WHERE p.status = 'running' AND p.stalled_since IS NOT NULL AND p.stalled_since <= now() - $1 * interval '1 hour'
       ORDER BY p.stalled_since, p.id LIMIT 51`,
      [Number(q.hours || 0)],
    );
    return { items: rows.slice(0, 50) };
  },
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const route = routes[url.pathname.slice(1)];
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  route(Object.fromEntries(url.searchParams)).then(
    (body) => {
      const text = JSON.stringify(body ?? null);
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' }).end(text);
    },
    (error) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error?.message ?? error));
    },
  );
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`raw-server ${server.address().port}\n`));
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
