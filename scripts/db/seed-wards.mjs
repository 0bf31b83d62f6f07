#!/usr/bin/env node
// Loads the 126 communes and wards of Hanoi (data/hanoi-communes-wards-2025.tsv, public facts) and a
// standing committee for each, deterministically. Idempotent: re-running changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { databaseUrl } from './database-url.mjs';
import { connectionConfig } from './pg-adapter-factory.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const TSV = path.join(ROOT, 'data', 'hanoi-communes-wards-2025.tsv');
const COMMITTEE_SIZE = 5;
/** The day the first congresses of the new ward committees (2025–2030) are seeded to have closed. */
const FIRST_CONGRESS_CLOSED_ON = '2025-08-31';
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Thanh', 'Hữu'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Ngọc',
  'Phương',
  'Sơn',
  'Tâm',
  'Thảo',
];
const POSITIONS = [
  'Bí thư',
  'Phó Bí thư Thường trực',
  'Phó Bí thư',
  'Ủy viên Ban Thường vụ',
  'Ủy viên Ban Thường vụ',
];

/** "Văn Miếu – Quốc Tử Giám" → "van-mieu-quoc-tu-giam" */
export const slug = (name) =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function readWards() {
  const lines = fs.readFileSync(TSV, 'utf8').split('\n').slice(1).filter(Boolean);
  return lines.map((line) => {
    const [no, kind, name] = line.split('\t');
    const nfc = name.normalize('NFC').trim();
    return { ordinal: Number(no), kind, name: nfc, code: `${kind}-${slug(nfc)}` };
  });
}

export async function seedWards(url = databaseUrl()) {
  const wards = readWards();
  const client = new pg.Client(connectionConfig(url));
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const ward of wards) {
      await client.query(
        `INSERT INTO ward (code, ordinal, kind, name) VALUES ($1, $2, $3::"WardKind", $4)
         ON CONFLICT (code) DO UPDATE SET ordinal = EXCLUDED.ordinal, kind = EXCLUDED.kind, name = EXCLUDED.name`,
        [ward.code, ward.ordinal, ward.kind, ward.name],
      );
      for (let i = 0; i < COMMITTEE_SIZE; i += 1) {
        const n = ward.ordinal * 7 + i * 3;
        const fullName = `${SURNAMES[n % SURNAMES.length]} ${MIDDLE[(n >> 1) % MIDDLE.length]} ${GIVEN[(n * 5 + i) % GIVEN.length]}`;
        await client.query(
          `INSERT INTO ward_committee_member (id, ward_code, full_name, position) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO NOTHING`,
          [`${ward.code}-btv-${String(i + 1).padStart(2, '0')}`, ward.code, fullName, POSITIONS[i]],
        );
      }
      // The ward's first congress opens its first committee term (registers number within a term); the
      // migration docset_terms explains the day.
      await client.query(
        `INSERT INTO ward_congress (ward_code, ordinal, name, closed_on) VALUES ($1, 1, $2, $3::date)
         ON CONFLICT DO NOTHING`,
        [
          ward.code,
          `Đại hội Đảng bộ ${ward.kind === 'phuong' ? 'phường' : 'xã'} ${ward.name} lần thứ Nhất, nhiệm kỳ 2025 - 2030`,
          FIRST_CONGRESS_CLOSED_ON,
        ],
      );
    }
    await client.query('COMMIT');
    // Fresh statistics at once (autovacuum may be off).
    await client.query('ANALYZE ward, ward_committee_member');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
  return wards.length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const count = await seedWards();
  process.stdout.write(
    `Seeded ${count} communes and wards, ${count * COMMITTEE_SIZE} standing-committee members\n`,
  );
}
