// Bench data written with SQL, the way test/support/factories.ts writes test data: wards of the bench's own
// (ordinals above 5000, so the city's progress view leaves them out), a standing committee of five, one
// account per role, and a residential-group cell per closed-loop slot for the P1 lane to rename. Accounts
// reuse the demo password's hash from the seeded `bithu.kimlien`, so no hashing is needed here.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

export const PASSWORD = 'kientoan-demo';
const ORDINAL_BASE = 5000;

// The product's own keys (from the built domain, which the bench's set-up builds): a hand-written copy drifted
// once already (names are compared by their confusable skeleton).
// Loaded when first used, not on import: run.mjs imports this module before its set-up builds dist/ (a fresh
// clone or worktree has none yet).
const domain = () => createRequire(import.meta.url)('../../dist/apps/cli/libs/domain/src/index.js');
const nameKey = (name) => domain().nameKey(name);
const searchKey = (name) => domain().searchKey(name);

export const benchWardCode = (k) => `bench-ward-${k}`;
export const committeeOf = (wardCode) => `${wardCode}.dang-bo`;
export const cellOf = (wardCode, slot) => `${wardCode}.bench-cell-${slot}`;
/**
 * Accounts of a bench ward: secretary, reviewer, the three committee members who vote (3 of 5 carry the
 * vote) and the two who watch (their inbox shows the others' votes).
 */
export const accountsOf = (wardCode) => ({
  secretary: `${wardCode}.bithu`,
  reviewer: `${wardCode}.vanphong`,
  approvers: [1, 2, 3].map((i) => `${wardCode}.uyvien${i}`),
  voters: [1, 2, 3].map((i) => `${wardCode}-btv-0${i}`),
  observers: [4, 5].map((i) => `${wardCode}.uyvien${i}`),
  observerMembers: [4, 5].map((i) => `${wardCode}-btv-0${i}`),
});

async function demoPasswordHash(pool) {
  const { rows } = await pool.query(`SELECT password_hash FROM user_account WHERE id = 'bithu.kimlien'`);
  if (!rows[0])
    throw new Error('The demo accounts are not seeded in the bench database (npm run bench seeds them).');
  return rows[0].password_hash;
}

/** Runs `work(client)` in one transaction. */
async function inTransaction(pool, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function insertUnit(client, unit) {
  await client.query(
    `INSERT INTO org_unit (id, ward_code, kind, setting, name, name_key, live_name_key, search_key, parent_id,
                           full_members, status, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, 'active', now()) ON CONFLICT (id) DO NOTHING`,
    [
      unit.id,
      unit.wardCode,
      unit.kind,
      unit.setting,
      unit.name,
      nameKey(unit.name),
      searchKey(unit.name),
      unit.parentId,
      unit.fullMembers,
    ],
  );
  await client.query(
    `INSERT INTO org_unit_version (unit_id, ward_code, valid_from, kind, setting, name, name_key, search_key,
                                   parent_id, full_members, status, change)
     SELECT $1::varchar, $2, '2025-07-01', $3::"UnitKind", $4::"UnitSetting", $5, $6, $7, $8, $9, 'active', 'seed'
     WHERE NOT EXISTS (SELECT 1 FROM org_unit_version WHERE unit_id = $1::varchar)`,
    [
      unit.id,
      unit.wardCode,
      unit.kind,
      unit.setting,
      unit.name,
      nameKey(unit.name),
      searchKey(unit.name),
      unit.parentId,
      unit.fullMembers,
    ],
  );
}

async function insertPeople(client, wardCode, hash) {
  const who = accountsOf(wardCode);
  for (let i = 1; i <= 5; i += 1)
    await client.query(
      `INSERT INTO ward_committee_member (id, ward_code, full_name, position) VALUES ($1, $2, $3, 'Ủy viên Ban Thường vụ')
       ON CONFLICT (id) DO NOTHING`,
      [`${wardCode}-btv-0${i}`, wardCode, `Ủy viên ${i} (bench)`],
    );
  const accounts = [
    [who.secretary, 'Bí thư (bench)', null],
    [who.reviewer, 'Văn phòng (bench)', null],
    ...who.approvers.map((id, i) => [id, `Ủy viên ${i + 1} (bench)`, who.voters[i]]),
    ...who.observers.map((id, i) => [id, `Ủy viên ${i + 4} (bench)`, who.observerMembers[i]]),
  ];
  for (const [id, displayName, memberId] of accounts)
    await client.query(
      `INSERT INTO user_account (id, username, display_name, password_hash, member_id) VALUES ($1, $1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET failed_logins = 0, locked_until = NULL`,
      [id, displayName, hash, memberId],
    );
  await client.query(
    `INSERT INTO user_ward_role (user_id, ward_code, role) VALUES ($1, $3, 'secretary'), ($2, $3, 'reviewer')
     ON CONFLICT DO NOTHING`,
    [who.secretary, who.reviewer, wardCode],
  );
}

/** Wards 0…wards-1 with one cell per slot (slot s lives in ward s % wards). Idempotent. */
export async function ensureBenchWards(pool, { wards, slots }) {
  const hash = await demoPasswordHash(pool);
  await inTransaction(pool, async (client) => {
    for (let k = 0; k < wards; k += 1) {
      const code = benchWardCode(k);
      await client.query(
        `INSERT INTO ward (code, ordinal, kind, name) VALUES ($1, $2, 'phuong', $3) ON CONFLICT (code) DO NOTHING`,
        [code, ORDINAL_BASE + k, `Phường Đo Tải ${k}`],
      );
      await insertPeople(client, code, hash);
      await insertUnit(client, {
        id: committeeOf(code),
        wardCode: code,
        kind: 'ward_committee',
        setting: 'administrative',
        name: `Đảng bộ phường Đo Tải ${k}`,
        parentId: null,
        fullMembers: 300,
      });
    }
    for (let s = 0; s < slots; s += 1) {
      const code = benchWardCode(s % wards);
      await insertUnit(client, {
        id: cellOf(code, s),
        wardCode: code,
        kind: 'grassroots_cell',
        setting: 'residential_group',
        name: `Chi bộ Tổ dân phố đo tải ${s}`,
        parentId: committeeOf(code),
        fullMembers: 15,
      });
    }
  });
}

/**
 * A fresh ward shaped like a seeded place (its current units, versions and officers copied under new ids),
 * with a committee of five and accounts: a big resolution can then run on it again and again.
 */
export async function cloneWard(pool, source, k) {
  const code = `bench-clone-${k}-${randomUUID().slice(0, 6)}`;
  const hash = await demoPasswordHash(pool);
  await inTransaction(pool, async (client) => {
    await client.query(
      `INSERT INTO ward (code, ordinal, kind, name)
       SELECT $1, (SELECT greatest(max(ordinal), 9000) + 1 FROM ward), kind, name || ' (bản sao ' || $3 || ')' FROM ward WHERE code = $2`,
      [code, source, code.slice(-6)],
    );
    await insertPeople(client, code, hash);
    const swap = (column) =>
      `CASE WHEN ${column} IS NULL THEN NULL ELSE $1 || substr(${column}, length($2) + 1) END`;
    await client.query(
      `INSERT INTO org_unit (id, ward_code, kind, setting, name, name_key, live_name_key, search_key, parent_id,
                             full_members, status, updated_at)
       SELECT ${swap('id')}, $1, kind, setting, name, name_key, live_name_key, search_key, ${swap('parent_id')},
              full_members, status, now()
       FROM org_unit WHERE ward_code = $2 ORDER BY parent_id NULLS FIRST`,
      [code, source],
    );
    await client.query(
      `INSERT INTO org_unit_version (unit_id, ward_code, valid_from, valid_to, kind, setting, name, name_key,
                                     search_key, parent_id, full_members, status, change, decision_ref)
       SELECT ${swap('unit_id')}, $1, valid_from, valid_to, kind, setting, name, name_key, search_key,
              ${swap('parent_id')}, full_members, status, change, decision_ref
       FROM org_unit_version WHERE ward_code = $2`,
      [code, source],
    );
    await client.query(
      `INSERT INTO org_unit_officer (unit_id, person_name, role, valid_from, valid_to, decision_ref)
       SELECT ${swap('o.unit_id')}, o.person_name, o.role, o.valid_from, o.valid_to, o.decision_ref
       FROM org_unit_officer o JOIN org_unit u ON u.id = o.unit_id WHERE u.ward_code = $2`,
      [code, source],
    );
  });
  const { rows } = await pool.query(`SELECT id, name, setting, kind FROM org_unit WHERE ward_code = $1`, [
    code,
  ]);
  return { code, accounts: accountsOf(code), units: rows, committeeId: `${code}.dang-bo` };
}
