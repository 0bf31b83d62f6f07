/**
 * Keeps `npm run bench` working: its smoke mode (tiny sizes, one repetition) starts its own stack, runs every
 * part and writes a report. Asserts only that it ran and produced numbers — never how fast anything was.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

interface SmokeReport {
  error?: string;
  workflows: { summary: { lane: string; procedures: number; errors: number; proceduresPerSecond: number }[] };
  reads: { results: { name: string; api: { rps: number; p99: number }; raw: { rps: number } }[] };
  freshness: { results: { samples: number; p50: number }[] };
  resolution: {
    items: number;
    results: { what: string; runs: number; p50: number }[];
    web: {
      dist: { js: { bytes: number } };
      bundle: { firstLoad: { gzip: number } };
      browserNote?: string;
      error?: string;
      firstLoad?: { runs: number; p50: number }[];
      bytes?: { what: string; raw: number; sent: number }[];
    };
  };
}

describe('npm run bench -- --smoke', () => {
  it('given the built product, when the bench runs in smoke mode, then every part reports numbers', async () => {
    const out = path.join(os.tmpdir(), `kientoan-bench-smoke-${process.pid}.json`);
    try {
      await run(process.execPath, ['bench/run.mjs', '--smoke', '--skip-setup', '--out', out], {
        cwd: ROOT,
        env: process.env,
        maxBuffer: 64 * 1024 * 1024,
      }).catch((error: { stdout?: string; message: string }) => {
        throw new Error(`${error.message}\n${(error.stdout ?? '').slice(-4000)}`);
      });
      const report = JSON.parse(fs.readFileSync(out, 'utf8')) as SmokeReport;

      expect(report.error).toBeUndefined();
      expect(report.workflows.summary.map((s) => s.lane)).toEqual(['B-min', 'B-shape', 'P1']);
      for (const lane of report.workflows.summary) {
        expect(lane.errors).toBe(0);
        expect(lane.procedures).toBeGreaterThan(0);
        expect(lane.proceduresPerSecond).toBeGreaterThan(0);
      }
      expect(report.reads.results.length).toBeGreaterThanOrEqual(7);
      for (const read of report.reads.results) {
        expect(read.api.rps).toBeGreaterThan(0);
        expect(read.raw.rps).toBeGreaterThan(0);
      }
      expect(report.freshness.results.every((r) => r.samples > 0 && r.p50 >= 0)).toBe(true);
      expect(report.resolution.items).toBe(96);
      expect(report.resolution.results.every((r) => r.runs > 0 && r.p50 > 0)).toBe(true);
      // The web app: its sizes always; its first load in Chromium unless the bench said it had none.
      const web = report.resolution.web;
      expect(web.dist.js.bytes).toBeGreaterThan(0);
      expect(web.bundle.firstLoad.gzip).toBeGreaterThan(0);
      expect({
        measured: web.firstLoad?.every((r) => r.runs === 2 && r.p50 > 0) ?? false,
        scriptsSent: (web.bytes?.find((b) => b.what === 'JS')?.sent ?? 0) > 0,
        orNoChromium: web.browserNote ?? null,
        error: web.error ?? null,
      }).toEqual(
        web.browserNote
          ? {
              measured: false,
              scriptsSent: false,
              orNoChromium: expect.stringMatching(/Chromium/),
              error: null,
            }
          : { measured: true, scriptsSent: true, orNoChromium: null, error: null },
      );
    } finally {
      fs.rmSync(out, { force: true });
    }
  }, 900_000);
});
