import pg from 'pg';

/**
 * Whether PostgreSQL itself answers, on a connection of its own (not the pool's): a pool whose connections are
 * all busy must not make /health say the database is down. Opens, asks `SELECT 1`, closes; bounded.
 */
export const databaseAnswers = async (url: string, timeoutMs: number): Promise<boolean> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  // A late error on a probe nobody waits for any more must not crash the process.
  client.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        await client.query('SELECT 1');
      })(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    void client.end().catch(() => undefined);
  }
};
