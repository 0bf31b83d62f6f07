// The invariants checked with SQL after each scenario, over the procedures the scenario started.
// Each returns the offending rows (empty = holds).

// $1: the procedures expected to complete. Checks with `scope: 'withdrawn'` get those expected to be withdrawn,
// `scope: 'all'` every procedure of the scenario.
const CHECKS = [
  {
    name: 'every procedure completed',
    sql: `SELECT id, status, current_step FROM procedure WHERE id = ANY($1::uuid[]) AND status <> 'completed'`,
  },
  {
    name: 'every withdrawn procedure withdrawn once, nothing issued',
    scope: 'withdrawn',
    sql: `SELECT p.id, p.status, count(DISTINCT d.id) AS decisions, count(DISTINCT a.id) AS withdrawals
          FROM procedure p LEFT JOIN decision d ON d.procedure_id = p.id
          LEFT JOIN audit_entry a ON a.procedure_id = p.id AND a.action = 'procedure.withdraw'
          WHERE p.id = ANY($1::uuid[]) GROUP BY p.id, p.status
          HAVING p.status <> 'withdrawn' OR count(DISTINCT d.id) <> 0 OR count(DISTINCT a.id) <> 1`,
  },
  {
    name: 'one procedure.start audit entry per procedure',
    scope: 'all',
    sql: `SELECT p.id, count(a.id) AS entries FROM procedure p
          LEFT JOIN audit_entry a ON a.procedure_id = p.id AND a.action = 'procedure.start'
          WHERE p.id = ANY($1::uuid[]) GROUP BY p.id HAVING count(a.id) <> 1`,
  },
  {
    name: 'one generated draft per round',
    scope: 'all',
    sql: `SELECT procedure_id, round, count(*) AS drafts FROM resolution_draft
          WHERE procedure_id = ANY($1::uuid[]) AND origin = 'generated' GROUP BY 1, 2 HAVING count(*) > 1`,
  },
  {
    name: 'one announcement per completed procedure, each unit acknowledged at most once',
    sql: `SELECT p.id, count(DISTINCT a.id) AS announcements, count(r.id) AS recipients,
                 count(DISTINCT r.unit_id) AS units FROM procedure p
          LEFT JOIN announcement a ON a.procedure_id = p.id
          LEFT JOIN announcement_recipient r ON r.announcement_id = a.id
          WHERE p.id = ANY($1::uuid[]) GROUP BY p.id
          HAVING count(DISTINCT a.id) <> 1 OR count(r.id) <> count(DISTINCT r.unit_id)`,
  },
  {
    name: 'each step row once per round, all completed',
    sql: `SELECT procedure_id, step, round, count(*) AS n, min(status::text) AS status FROM procedure_step
          WHERE procedure_id = ANY($1::uuid[]) GROUP BY 1, 2, 3
          HAVING count(*) > 1 OR bool_or(status::text <> 'completed')`,
  },
  {
    name: 'the five steps recorded',
    sql: `SELECT p.id, count(DISTINCT s.step) AS steps FROM procedure p
          LEFT JOIN procedure_step s ON s.procedure_id = p.id
          WHERE p.id = ANY($1::uuid[]) GROUP BY p.id HAVING count(DISTINCT s.step) <> 5`,
  },
  {
    name: 'one decision per procedure',
    sql: `SELECT p.id, count(d.id) AS decisions FROM procedure p LEFT JOIN decision d ON d.procedure_id = p.id
          WHERE p.id = ANY($1::uuid[]) GROUP BY p.id HAVING count(d.id) <> 1`,
  },
  {
    // Registers per issuer, type and committee term (document_register); every number taken is one row of
    // issued_document (never deleted), so each register's rows are exactly 1 … last_number.
    name: 'document numbers contiguous per register (decisions and resolutions), none reused',
    sql: `SELECT r.issuer, r.doc_type, r.term, r.last_number, count(d.id) AS issued,
                 count(DISTINCT d.number) AS distinct_numbers, max(d.number) AS max_number
          FROM document_register r
          LEFT JOIN issued_document d ON d.issuer = r.issuer AND d.doc_type = r.doc_type AND d.term = r.term
          WHERE r.issuer IN (SELECT ward_code FROM procedure WHERE id = ANY($1::uuid[]))
          GROUP BY 1, 2, 3, 4
          HAVING count(d.id) <> r.last_number OR count(DISTINCT d.number) <> count(d.id)
              OR coalesce(max(d.number), 0) <> r.last_number`,
  },
  {
    name: 'each vote once (three approvals per procedure)',
    sql: `SELECT p.id, count(v.id) AS votes, count(DISTINCT v.voter_id) AS voters FROM procedure p
          LEFT JOIN vote v ON v.procedure_id = p.id
          WHERE p.id = ANY($1::uuid[]) GROUP BY p.id HAVING count(v.id) <> 3 OR count(DISTINCT v.voter_id) <> 3`,
  },
  {
    name: 'each audit entry once',
    scope: 'all',
    sql: `SELECT procedure_id, action, actor_id, count(*) AS n FROM audit_entry
          WHERE procedure_id = ANY($1::uuid[]) GROUP BY 1, 2, 3 HAVING count(*) > 1`,
  },
  {
    name: 'each notification once',
    scope: 'all',
    sql: `SELECT procedure_id, kind, recipient, subject, count(*) AS n FROM notification
          WHERE procedure_id = ANY($1::uuid[]) GROUP BY 1, 2, 3, 4 HAVING count(*) > 1`,
  },
  {
    name: 'the registry changed once per renamed unit',
    sql: `SELECT v.unit_id, count(*) AS versions_with_decision FROM org_unit_version v
          WHERE v.decision_ref IS NOT NULL AND v.unit_id IN (
            SELECT item->>'unitId' FROM procedure p, jsonb_array_elements(p.items) item WHERE p.id = ANY($1::uuid[]))
          GROUP BY 1 HAVING count(*) <> 1`,
  },
  {
    name: 'no orphan procedure or start audit entry (starts that answered an error)',
    orphans: true,
    sql: `SELECT a.procedure_id, a.action FROM audit_entry a
          WHERE a.action = 'procedure.start' AND a.ward_code = ANY($1::text[])
            AND NOT (a.procedure_id = ANY($2::uuid[])) AND a.at >= $3
          UNION ALL
          SELECT p.id, p.status::text FROM procedure p
          WHERE p.ward_code = ANY($1::text[]) AND NOT (p.id = ANY($2::uuid[])) AND p.status = 'running'
            AND p.created_at >= $3`,
  },
];

/**
 * Runs every check over this scenario's procedures: `completedIds` (expected to complete), `withdrawnIds`
 * (expected to be withdrawn); the orphan check looks at the wards used and every procedure the whole run started
 * (`allIds`), for entries made since the scenario began. Returns [{ name, ok, rows, count }].
 */
export async function checkInvariants(sql, { completedIds, withdrawnIds = [] }, wardCodes, allIds, since) {
  const results = [];
  for (const check of CHECKS) {
    if (check.scope === 'withdrawn' && withdrawnIds.length === 0) continue;
    const ids =
      check.scope === 'withdrawn'
        ? withdrawnIds
        : check.scope === 'all'
          ? [...completedIds, ...withdrawnIds]
          : completedIds;
    const params = check.orphans ? [wardCodes, allIds, since] : [ids];
    const { rows } = await sql.query(check.sql, params);
    results.push({ name: check.name, ok: rows.length === 0, rows: rows.slice(0, 5), count: rows.length });
  }
  return results;
}
