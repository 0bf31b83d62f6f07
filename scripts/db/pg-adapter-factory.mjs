// A migration-aware Postgres adapter for the Wasm schema engine, with three upstream problems handled:
// 1. `name`/`"char"` columns (OIDs 19/18) and their arrays (1003/1002) fail to deserialize (prisma#27403):
//    we present `name` as text, `"char"` as a Character column (the schema describer reads check constraints'
//    `contype` with it and panics on text), and their arrays as text[].
// 2. adapter-pg's shadow database connects to the MAIN database when configured with `connectionString`:
//    we always pass discrete host/port/user/password/database.
// 3. its dispose drops the shadow database before closing the pool, leaving it behind: we close first.
// 4. its executeScript splits migration files at every ";" (inside comments, strings and function bodies
//    too): we send the whole script at once, as PostgreSQL's simple query protocol allows.
import crypto from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const TEXT = 25;
const TEXT_ARRAY = 1009;
const CHAR = 18;
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
const AS_TEXT = new Set([CHAR, 19]);
// queryRaw passes performIO's `rows` array through unchanged: it carries the "char" column positions.
const CHAR_COLUMNS = Symbol('charColumns');
const AS_TEXT_ARRAY = new Set([1002, 1003]);
const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY);

export function connectionConfig(url) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || '127.0.0.1',
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    password: decodeURIComponent(u.password || ''),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    ssl: ['require', 'verify-full', 'verify-ca'].includes(u.searchParams.get('sslmode') ?? '')
      ? { rejectUnauthorized: u.searchParams.get('sslmode') !== 'require' }
      : undefined,
  };
}

function patchQueryable(queryable) {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const charColumns = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === CHAR) charColumns.push(i);
      if (AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT;
      else if (AS_TEXT_ARRAY.has(field.dataTypeID)) {
        field.dataTypeID = TEXT_ARRAY;
        for (const row of result.rows) {
          if (typeof row[i] === 'string') row[i] = parseTextArray(row[i]);
        }
      }
    });
    if (charColumns.length) Object.defineProperty(result.rows, CHAR_COLUMNS, { value: charColumns });
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of result.rows[CHAR_COLUMNS] ?? []) result.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    return result;
  };
  if (queryable.executeScript && queryable.underlyingDriver) {
    queryable.executeScript = async (script) => {
      try {
        await queryable.underlyingDriver().query(script);
      } catch (error) {
        queryable.onError(error);
      }
    };
  }
  const startTransaction = queryable.startTransaction?.bind(queryable);
  if (startTransaction) {
    queryable.startTransaction = async (...args) => patchQueryable(await startTransaction(...args));
  }
  return queryable;
}

export class MigrationPgAdapterFactory {
  provider = 'postgres';
  adapterName = '@prisma/adapter-pg';

  constructor(url) {
    this.config = connectionConfig(url);
    this.open = new Set();
  }

  async connect() {
    const adapter = await new PrismaPg(this.config).connect();
    this.open.add(adapter);
    return patchQueryable(adapter);
  }

  /** The engine does not dispose its connection when freed; without this the pool keeps Node alive. */
  async closeAll() {
    const adapters = [...this.open];
    this.open.clear();
    await Promise.allSettled(adapters.map((adapter) => adapter.dispose()));
  }

  async connectToShadowDb() {
    const admin = new pg.Client(this.config);
    await admin.connect();
    const database = `prisma_migrate_shadow_db_${crypto.randomUUID().replaceAll('-', '')}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const adapter = await new PrismaPg({ ...this.config, database }).connect();
    const release = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await release();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    };
    return patchQueryable(adapter);
  }
}
