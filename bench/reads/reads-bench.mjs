// Deliverable 2: the reads people wait for, at city scale. Each read under HTTP load (autocannon, bounded
// duration) at each connection count, through the API and beside it the same data queries through raw pg in
// a bare node:http handler (raw-server.mjs); p50/p99 latency, requests/s and the ratio API / raw.
import readline from 'node:readline';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { ensureCity } from './city.mjs';
import { ROOT } from '../lib/stack.mjs';
import { round, say } from '../lib/measure.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { stopProcess } = require('../../scripts/temporal/dev-server.cjs');

export async function startRawServer(databaseUrl) {
  const child = spawn(process.execPath, ['bench/reads/raw-server.mjs'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /^raw-server (\d+)/.exec(line);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`raw server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => stopProcess(child) };
}

async function load(url, { connections, duration, headers }) {
  const result = await autocannon({ url, connections, duration, headers });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: round(result.requests.average, 1),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export async function readsBench(stack, api, options) {
  const { procedures, connections, duration } = options;
  await ensureCity(stack.pool, procedures);
  const raw = await startRawServer(stack.databaseUrl);
  try {
    const people = {
      approver: 'uyvien1.kimlien',
      secretary: 'bithu.kimlien',
      supervisor: 'giamsat',
    };
    const token = {};
    for (const [role, username] of Object.entries(people)) token[role] = await api.token(username);
    const ward = 'phuong-kim-lien';
    const { rows } = await stack.pool.query(
      `SELECT id FROM procedure WHERE ward_code = $1 AND workflow_id LIKE 'bench-city-%' AND status = 'running' LIMIT 1`,
      [ward],
    );
    const procedureId = rows[0]?.id;
    const members = `${ward}-btv-01`;
    const searchText = 'chi bo to dan pho so 1';
    const reads = [
      {
        name: 'inbox (approver)',
        as: 'approver',
        api: '/api/inbox',
        raw: `/inbox?approver=${ward}&members=${members}`,
      },
      { name: 'inbox (secretary)', as: 'secretary', api: '/api/inbox', raw: `/inbox?secretary=${ward}` },
      {
        name: 'GET /api/procedures/:id',
        as: 'secretary',
        api: `/api/procedures/${procedureId}`,
        raw: `/procedure?id=${procedureId}`,
      },
      {
        name: "ward's tree",
        as: 'secretary',
        api: `/api/registry/wards/${ward}/tree`,
        raw: `/tree?ward=${ward}`,
      },
      {
        name: 'search (city)',
        as: 'supervisor',
        api: `/api/registry/units/search?q=${encodeURIComponent(searchText)}&limit=20`,
        raw: `/search?key=${encodeURIComponent(searchText)}&limit=20`,
      },
      { name: 'supervision progress', as: 'supervisor', api: '/api/supervision/progress', raw: '/progress' },
      {
        name: 'supervision stalled (48 h)',
        as: 'supervisor',
        api: '/api/supervision/stalled?stalledForHours=48',
        raw: '/stalled?hours=48',
      },
    ];
    // The procedure list, where the API has one (not every version does).
    const listProbe = await api.request('GET', '/api/procedures?limit=25', { token: token.secretary });
    if (listProbe.status === 200)
      reads.splice(3, 0, {
        name: 'GET /api/procedures (list)',
        as: 'secretary',
        api: '/api/procedures?limit=25',
        raw: `/list?wards=${ward}`,
      });
    else say(`GET /api/procedures (list) answered ${listProbe.status}: not measured.`);

    const results = [];
    for (const read of reads) {
      const first = await api.request('GET', read.api, { token: token[read.as] });
      if (first.status !== 200)
        throw new Error(`${read.name}: ${read.api} answered ${first.status}: ${JSON.stringify(first.body)}`);
      for (const c of connections) {
        say(`Reads: ${read.name}, ${c} connections, ${duration} s API + ${duration} s raw pg…`);
        const viaApi = await load(`${api.baseUrl}${read.api}`, {
          connections: c,
          duration,
          headers: { authorization: `Bearer ${token[read.as]}` },
        });
        const viaRaw = await load(`${raw.url}${read.raw}`, { connections: c, duration });
        const result = {
          name: read.name,
          path: read.api,
          responseBytes: first.bytes,
          connections: c,
          api: viaApi,
          raw: viaRaw,
          p99Ratio: viaRaw.p99 ? round(viaApi.p99 / viaRaw.p99, 2) : null,
          rpsRatio: viaApi.rps ? round(viaRaw.rps / viaApi.rps, 2) : null,
        };
        results.push(result);
        say(
          `  API p50 ${viaApi.p50} ms p99 ${viaApi.p99} ms ${viaApi.rps} req/s; raw p50 ${viaRaw.p50} ms p99 ${viaRaw.p99} ms ${viaRaw.rps} req/s`,
        );
      }
    }
    return { openProcedures: procedures, durationSeconds: duration, results };
  } finally {
    await raw.stop();
  }
}
