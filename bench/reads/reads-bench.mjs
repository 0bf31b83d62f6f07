// Deliverable 2: the reads people wait for, at city scale. Each read under HTTP load (autocannon, bounded
// duration) at each connection count, through the API and beside it the same data queries through raw pg in
// a bare node:http handler (raw-server.mjs); p50/p99 latency, requests/s and the ratio API / raw.
import readline from 'node:readline';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { ensureCity } from './city.mjs';
import { ROOT } from '../lib/stack.mjs';
import { median, round, say } from '../lib/measure.mjs';

/** The median of each figure over repeated runs (the errors summed). */
const medianOf = (runs) => ({
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  rps: round(median(runs.map((r) => r.rps)), 1),
  requests: runs.reduce((a, r) => a + r.requests, 0),
  non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
  errors: runs.reduce((a, r) => a + r.errors, 0),
});

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
  const { procedures, connections, duration, readRepetitions } = options;
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
        say(
          `Reads: ${read.name}, ${c} connections, ${readRepetitions} × (${duration} s API, ${duration} s raw pg)…`,
        );
        // API and raw alternate, so that a change of load on a shared machine falls on both; medians.
        const pairs = [];
        for (let rep = 0; rep < readRepetitions; rep += 1) {
          const viaApi = await load(`${api.baseUrl}${read.api}`, {
            connections: c,
            duration,
            headers: { authorization: `Bearer ${token[read.as]}` },
          });
          const viaRaw = await load(`${raw.url}${read.raw}`, { connections: c, duration });
          pairs.push({ api: viaApi, raw: viaRaw });
        }
        const viaApi = medianOf(pairs.map((p) => p.api));
        const viaRaw = medianOf(pairs.map((p) => p.raw));
        const ratios = (f) => pairs.map(f).filter((r) => Number.isFinite(r));
        const result = {
          name: read.name,
          path: read.api,
          responseBytes: first.bytes,
          connections: c,
          repetitions: readRepetitions,
          api: viaApi,
          raw: viaRaw,
          // The median of each pair's ratio (API and raw measured one after the other).
          p99Ratio: round(median(ratios((p) => p.api.p99 / p.raw.p99)), 2),
          rpsRatio: round(median(ratios((p) => p.raw.rps / p.api.rps)), 2),
          runs: pairs,
        };
        results.push(result);
        say(
          `  API p50 ${viaApi.p50} ms p99 ${viaApi.p99} ms ${viaApi.rps} req/s; raw p50 ${viaRaw.p50} ms p99 ${viaRaw.p99} ms ${viaRaw.rps} req/s`,
        );
      }
    }
    return { openProcedures: procedures, durationSeconds: duration, repetitions: readRepetitions, results };
  } finally {
    await raw.stop();
  }
}
