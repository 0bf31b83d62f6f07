// Deliverable 4: the big resolution. Kim Liên as the seed report found it (copied into a fresh ward each run,
// so it can be issued again): 26 establishments + 70 renames of its residential-group cells, as in
// test/procedures/seed-scenarios.e2e-spec.ts. Times POST /api/registry/preview, then the whole procedure and
// its issue step (the step's started → completed from GET /api/procedures/:id). And the web app's first load
// in Chromium and its size, where apps/web exists (web-first-load.mjs).
import { performance } from 'node:perf_hooks';
import { productDriver } from '../lanes/lanes.mjs';
import { cloneWard } from '../lib/fixtures.mjs';
import { expectStatus } from '../lib/http.mjs';
import { median, round, say, summary } from '../lib/measure.mjs';
import { webFirstLoad } from './web-first-load.mjs';

const SOURCE_WARD = 'phuong-kim-lien';
const PREVIEWS_PER_RUN = 5;

function bigResolution(ward) {
  const establish = (name, setting, fullMembers) => ({
    kind: 'establish',
    name,
    unitKind: 'grassroots_cell',
    setting,
    parentId: ward.committeeId,
    fullMembers,
  });
  const schools = [
    'Mầm non Kim Liên',
    'Tiểu học Kim Liên',
    'Trung học cơ sở Kim Liên',
    'Mầm non Phương Mai',
    'Tiểu học Trung Tự',
    'Trung học cơ sở Đống Đa',
  ];
  const residential = ward.units
    .filter((u) => u.setting === 'residential_group' && u.kind === 'grassroots_cell')
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  return [
    establish('Chi bộ Hành chính - Sự nghiệp phường', 'public_service_unit', 24),
    establish('Chi bộ Trạm Y tế phường', 'health_station', 7),
    ...schools.map((s) => establish(`Chi bộ Trường ${s}`, 'school', 9 + (s.length % 10))),
    ...Array.from({ length: 18 }, (_, k) =>
      establish(`Chi bộ Khu dân cư số ${k + 1}`, 'residential_group', 12 + (k % 15)),
    ),
    ...residential.map((u, k) => ({
      kind: 'rename',
      unitId: u.id,
      newName: `Chi bộ Tổ dân phố số ${k + 1}`,
    })),
  ];
}

export async function resolutionBench(stack, api, options) {
  const previews = [];
  const totals = [];
  const issueSteps = [];
  const afterLastVote = [];
  let items = [];
  for (let run = 0; run < options.resolutionRuns; run += 1) {
    say(`Big resolution ${run + 1}/${options.resolutionRuns}: a fresh copy of Kim Liên…`);
    const ward = await cloneWard(stack.pool, SOURCE_WARD, run);
    items = bigResolution(ward);
    const who = ward.accounts;
    const secretary = await api.token(who.secretary);
    for (let i = 0; i < PREVIEWS_PER_RUN; i += 1) {
      const r = await api.request('POST', '/api/registry/preview', {
        token: secretary,
        body: { wardCode: ward.code, items },
      });
      expectStatus(r, [200, 201], 'preview');
      previews.push(r.ms);
    }
    say(`  preview p50 so far ${round(median(previews), 0)} ms; issuing it (review, draft, 3 votes)…`);
    const driver = productDriver(api, { pollMs: options.pollMs ?? 100 });
    const started = performance.now();
    const procedure = await driver.toVoting(
      ward.code,
      items,
      who,
      'thành lập 26 tổ chức cơ sở đảng và đổi tên 70 chi bộ tổ dân phố',
    );
    for (let i = 0; i < who.voters.length; i += 1) await driver.vote(procedure.id, procedure.tokens, who, i);
    const lastVote = performance.now();
    const { procedure: done } = await driver.waitUntil(
      procedure.id,
      procedure.tokens.secretary,
      (p) => p.status === 'completed',
      'completed',
    );
    totals.push(performance.now() - started);
    afterLastVote.push(performance.now() - lastVote);
    const issue = done.steps.find((s) => s.step === 'issue_decision');
    if (issue?.completedAt) issueSteps.push(new Date(issue.completedAt) - new Date(issue.startedAt));
    say(`  issued ${done.decision?.symbol ?? '?'}; issue step ${issueSteps.at(-1) ?? '?'} ms`);
  }
  return {
    items: items.length,
    establish: items.filter((i) => i.kind === 'establish').length,
    rename: items.filter((i) => i.kind === 'rename').length,
    results: [
      summary('POST /api/registry/preview (96 items)', previews),
      summary('issue step (started → completed, from the procedure)', issueSteps),
      summary('last approval → procedure completed (issue + announce, as polled)', afterLastVote),
      summary('whole procedure over HTTP (start → completed)', totals),
    ],
    web: await webFirstLoad(stack.baseUrl, { runs: options.webRuns }),
  };
}
