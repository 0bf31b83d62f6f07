// The Markdown summary of one bench run (the JSON beside it holds every run and repetition).
const cell = (v) => (v === null || v === undefined ? '–' : String(v));
const table = (headers, rows) =>
  [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');

function workflowsSection(w) {
  const cpuNames = Object.keys(w.summary[0]?.cpuSecondsPerProcedure ?? {});
  const lines = [
    '## Workflow lanes (closed loop; medians over repetitions)',
    '',
    table(
      [
        'lane',
        'in flight',
        'procedures',
        'errors',
        'procedures/s',
        'start → completed p50 / p99 ms',
        'human action p50 / p99 ms',
        'PG xact / procedure',
        'CPU s / procedure (' + cpuNames.join(', ') + ')',
      ],
      w.summary.map((s) => [
        s.lane,
        s.inflight,
        s.procedures,
        s.busyRetries ? `${s.errors} (${s.busyRetries} × 503 retried)` : s.errors,
        s.proceduresPerSecond,
        `${cell(s.startToCompletedP50Ms)} / ${cell(s.startToCompletedP99Ms)}`,
        `${cell(s.humanActionP50Ms)} / ${cell(s.humanActionP99Ms)}`,
        s.lane === 'P1'
          ? `${cell(s.xactPerProcedureWithoutPolls)} (${cell(s.xactPerProcedure)} with ${cell(s.pollsPerProcedure)} polls)`
          : cell(s.xactPerProcedure),
        cpuNames.map((n) => cell(s.cpuSecondsPerProcedure[n])).join(' / '),
      ]),
    ),
    '',
    table(
      ['in flight', 'P1 / B-min', 'P1 / B-shape', 'B-shape / B-min'],
      w.ratios.map((r) => [r.inflight, r.p1OverBMin, r.p1OverBShape, r.bShapeOverBMin]),
    ),
    '',
    (w.wait === 'poll'
      ? `P1 polls GET /api/procedures/:id every ${w.pollMs} ms between actions; `
      : "P1 waits between actions on its secretary's event stream (SSE), as the web app does, and reads " +
        'GET /api/procedures/:id at the start and when no event came for 2 s (the "polls"); ') +
      `one read costs ${cell(w.xactPerPoll)} ` +
      'PostgreSQL transactions, taken out of the first figure of "PG xact / procedure". B lanes: a human action is ' +
      'an Update round trip from when the workflow could take it; P1: the HTTP request.',
  ];
  return lines.join('\n');
}

function readsSection(r) {
  return [
    `## Reads under load (${r.openProcedures} open procedures; ${r.repetitions ?? 1} × ${r.durationSeconds} s per autocannon run, API and raw alternated; medians)`,
    '',
    table(
      [
        'read',
        'connections',
        'API p50 / p99 ms',
        'API req/s',
        'raw pg p50 / p99 ms',
        'raw pg req/s',
        'p99 ratio',
        'req/s ratio',
        'non-2xx',
      ],
      r.results.map((x) => [
        x.name,
        x.connections,
        `${cell(x.api.p50)} / ${cell(x.api.p99)}`,
        x.api.rps,
        x.raw ? `${cell(x.raw.p50)} / ${cell(x.raw.p99)}` : '–',
        x.raw?.rps,
        x.p99Ratio,
        x.rpsRatio,
        x.api.non2xx,
      ]),
    ),
    '',
    'Raw pg: the same data queries through `pg` in a bare `node:http` handler (no auth, no framework). p99 ratio = API p99 / raw p99; req/s ratio = raw req/s / API req/s (both above 1 when the API is slower), each the median of the ratios of the runs that followed each other.',
  ].join('\n');
}

function freshnessSection(f) {
  return [
    '## Freshness: an approval → the other approvers see it',
    '',
    table(
      ['via', 'samples', 'p50 ms', 'p99 ms', 'max ms'],
      f.results.map((x) => [x.via, x.samples, x.p50, x.p99, x.max]),
    ),
    '',
    f.note ?? '',
  ].join('\n');
}

function resolutionSection(r) {
  return [
    `## The big resolution (${r.items} items: ${r.establish} establishments + ${r.rename} renames)`,
    '',
    table(
      ['what', 'runs', 'p50 ms', 'max ms'],
      r.results.map((x) => [x.what, x.runs, x.p50, x.max]),
    ),
    '',
    webSection(r.web),
  ].join('\n');
}

const kB = (bytes) => (bytes === null || bytes === undefined ? null : `${(bytes / 1024).toFixed(1)} kB`);

/** The web app: first load in Chromium (times, then bytes of that load) and the sizes of the build. */
function webSection(w) {
  const lines = ['### The web app: first load and size', ''];
  if (!w || w.note) return [...lines, `Not measured: ${w?.note ?? 'no result'}`].join('\n');
  if (w.error) lines.push(`First load failed: ${w.error}`, '');
  if (w.firstLoad) {
    lines.push(
      `Headless Chromium ${w.chromium.version} (${w.chromium.source}), a new browser context (empty cache, ` +
        'no session) per run after one unrecorded warm-up, `/` on the API until the sign-in form is usable ' +
        '(password field and submit button visible and enabled).',
      '',
      table(
        ['what', 'runs', 'p50 ms', 'max ms'],
        w.firstLoad.map((x) => [x.what, x.runs, x.p50, x.max]),
      ),
      '',
      table(
        ['bytes of the first load', 'files', 'raw', 'as sent', 'encoding'],
        w.bytes.map((b) => [b.what, b.files, kB(b.raw), kB(b.sent), b.encodings]),
      ),
      '',
    );
  } else if (w.browserNote) lines.push(w.browserNote, '');
  lines.push(
    `Build (${w.distDir}): JS ${kB(w.dist.js.bytes)} in ${w.dist.js.files} files, CSS ${kB(w.dist.css.bytes)} in ` +
      `${w.dist.css.files} files` +
      (w.bundle
        ? `; \`npm run web:size\`: first-load JS ${kB(w.bundle.firstLoad.gzip)} gzip ` +
          `(${kB(w.bundle.firstLoad.raw)} raw, ${w.bundle.firstLoad.files} files), all JS ${kB(w.bundle.all.gzip)} gzip.`
        : '.'),
  );
  return lines.join('\n');
}

export function markdownReport(report) {
  const m = report.machine;
  const parts = [
    `# kientoan bench${report.smoke ? ' (smoke: tiny sizes, numbers mean nothing)' : ''}`,
    '',
    `${report.startedAt} → ${report.finishedAt}; ${m.cpus} CPUs (${m.model}), ${m.memoryGb} GB, Node ${m.node}; ` +
      `load average ${m.loadAverageAtStart.join(' ')} at start, ${m.loadAverageAtEnd?.join(' ')} at end ` +
      '(the machine may be shared: compare lanes of the same run, not runs of different days).',
  ];
  if (report.workflows) parts.push('', workflowsSection(report.workflows));
  if (report.reads) parts.push('', readsSection(report.reads));
  if (report.freshness) parts.push('', freshnessSection(report.freshness));
  if (report.resolution) parts.push('', resolutionSection(report.resolution));
  if (report.error) parts.push('', '## Error', '', '```', report.error, '```');
  return `${parts.join('\n')}\n`;
}
