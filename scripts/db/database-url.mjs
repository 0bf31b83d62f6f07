// The one place scripts read the database address from, so the defaults match apps/api and apps/worker.
export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/kientoan';

export function databaseUrl() {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** Same server, another database: used for the test database and the admin connection. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}
