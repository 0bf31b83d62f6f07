#!/usr/bin/env node
// Installs the Temporal CLI (which embeds the dev server and its Web UI) at a pinned version into .tools/bin.
// Built from source with Go (works offline through the Go module proxy); v1.5.1 is the newest release that
// `go install` accepts (later go.mod files carry a replace directive). Reused when already built.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, capture, readStamp, run, say, writeStamp } from '../lib/run.mjs';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TOOLS_BIN = path.join(ROOT, '.tools', 'bin');
export const TEMPORAL_BIN = path.join(TOOLS_BIN, 'temporal');
const STAMP = path.join(ROOT, '.tools', 'temporal-cli.version');

/** The CLI to use: TEMPORAL_CLI_PATH, else the project's pinned build; undefined when neither exists. */
export function temporalCliPath() {
  if (process.env.TEMPORAL_CLI_PATH) return process.env.TEMPORAL_CLI_PATH;
  return fs.existsSync(TEMPORAL_BIN) && readStamp(STAMP) === TEMPORAL_CLI_VERSION ? TEMPORAL_BIN : undefined;
}

function goVersionOk() {
  const go = capture('go', ['version']);
  const match = /go(\d+)\.(\d+)/.exec(go.stdout);
  return go.ok && match && (Number(match[1]) > 1 || Number(match[2]) >= 25);
}

/** Returns the CLI path, building it when missing; undefined when this machine has no Go ≥ 1.25. */
export function ensureTemporalCli() {
  const existing = temporalCliPath();
  if (existing) return existing;
  if (!goVersionOk()) {
    say(
      'Go ≥ 1.25 not found: the Temporal dev server will be downloaded by the Temporal SDK instead (needs internet).',
    );
    return undefined;
  }
  say(`Building Temporal CLI ${TEMPORAL_CLI_VERSION} into .tools/bin (once; about 2–3 minutes on 2 cores)…`);
  const started = Date.now();
  fs.mkdirSync(TOOLS_BIN, { recursive: true });
  run('go', ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
    env: { ...process.env, GOBIN: TOOLS_BIN, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' },
  });
  writeStamp(STAMP, TEMPORAL_CLI_VERSION);
  say(`Temporal CLI built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return TEMPORAL_BIN;
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const cli = ensureTemporalCli();
  if (!cli) process.exit(1);
  say(`Temporal CLI: ${cli}`);
}
