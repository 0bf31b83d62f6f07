// Deliverable 4, the web app: its first load as a person gets it and its size. Real Chromium (headless, driven
// by playwright-core, found as test/support/browser.ts finds it) opens the API's `/` (the API serves the built
// web app from dist/web, with the brotli/gzip copies the build writes) in a new browser context per run
// (empty cache, no session) and is timed until the sign-in form is usable: its password field and its submit
// button visible and enabled. Bytes of that first load (JS and CSS) raw and as the server sent them, from the
// browser's own responses. Beside them: the dist/web totals and `npm run web:size`'s gzip first load. Without a
// Chromium the part says so and reports the sizes only.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { webBundleSize } from '../../scripts/web-bundle-size.mjs';
import { ROOT } from '../lib/stack.mjs';
import { say, summary } from '../lib/measure.mjs';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
// The sign-in page's fields by what they are, not by their (translated) labels: apps/web/src/auth/sign-in-page.tsx.
const PASSWORD = 'input[autocomplete="current-password"]';
const SUBMIT = 'button[type="submit"]';
const TIMEOUT_MS = 30_000;

/** As test/support/browser.ts: CHROMIUM_PATH, the system package, Playwright's own browser; else null. */
function findChromium() {
  if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  const system = SYSTEM_PATHS.find((p) => fs.existsSync(p));
  if (system) return { path: system, source: 'system package' };
  const bundled = chromium.executablePath();
  if (bundled && fs.existsSync(bundled)) return { path: bundled, source: "Playwright's browser" };
  return null;
}

/** JS and CSS bytes of the build as written (not the .br/.gz copies beside them). */
function distTotals(distDir) {
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }))
      e.isDirectory() ? walk(path.join(dir, e.name)) : files.push(path.join(dir, e.name));
  };
  walk(distDir);
  const total = (re) => {
    const matching = files.filter((f) => re.test(f));
    return { files: matching.length, bytes: matching.reduce((a, f) => a + fs.statSync(f).size, 0) };
  };
  return { js: total(/\.m?js$/), css: total(/\.css$/) };
}

/**
 * One first load in a new context: ms from page.goto until the form is usable (seen from the bench), ms from
 * the navigation's start until then (the page's own clock), and every response the page received.
 */
async function firstLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    const requests = [];
    page.on('requestfinished', (request) => requests.push(request));
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    const usable = await page.waitForFunction(
      ([password, submit]) => {
        const { document, performance: clock } = globalThis;
        const ready = (el) => el && !el.disabled && el.getClientRects().length > 0;
        const form = [document.querySelector(password), document.querySelector(submit)];
        return form.every(ready) ? clock.now() : false;
      },
      [PASSWORD, SUBMIT],
      { polling: 'raf', timeout: TIMEOUT_MS },
    );
    const wallMs = performance.now() - started;
    const inPageMs = await usable.jsonValue();
    // Where the time went, on the page's clock: the document parsed, the last file (JS, CSS…) received.
    const marks = await page.evaluate(() => {
      const { performance: clock } = globalThis;
      const resources = clock.getEntriesByType('resource');
      return {
        domContentLoadedMs: clock.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
        lastFileMs: resources.length ? Math.max(...resources.map((e) => e.responseEnd)) : null,
      };
    });
    const responses = [];
    for (const request of requests) {
      const response = await request.response();
      if (!response) continue;
      const sizes = await request.sizes();
      const body = await response.body().catch(() => null);
      responses.push({
        url: new URL(request.url()).pathname,
        type: request.resourceType(),
        status: response.status(),
        encoding: (await response.headerValue('content-encoding')) ?? 'identity',
        sent: sizes.responseBodySize,
        raw: body ? body.length : null,
      });
    }
    return { wallMs, inPageMs, ...marks, responses };
  } finally {
    await context.close();
  }
}

/** Bytes of one load's responses of a kind: files, raw (decoded), sent (as on the wire), by encoding. */
function bytesOf(responses, what, match) {
  const picked = responses.filter(match);
  return {
    what,
    files: picked.length,
    raw: picked.reduce((a, r) => a + (r.raw ?? 0), 0),
    sent: picked.reduce((a, r) => a + r.sent, 0),
    encodings: [...new Set(picked.map((r) => r.encoding))].sort().join(', ') || '–',
  };
}

/** The web app's first load in Chromium (`runs` times, one unrecorded warm-up before) and its sizes. */
export async function webFirstLoad(baseUrl, { runs }) {
  const appDir = path.join(ROOT, 'apps', 'web');
  if (!fs.existsSync(appDir)) return { note: 'apps/web does not exist on this branch: not measured.' };
  // scripts/setup.mjs builds the web app into dist/web (WEB_DIST_DIR), where the API serves it from.
  const distDir = path.join(ROOT, 'dist', 'web');
  if (!fs.existsSync(path.join(distDir, 'index.html')))
    return { note: 'dist/web has no build (run the set-up or `npm run build:web`): not measured.' };
  const result = {
    distDir: path.relative(ROOT, distDir),
    dist: distTotals(distDir),
    bundle: webBundleSize(distDir),
  };
  const found = findChromium();
  if (!found) {
    result.browserNote =
      'No Chromium (CHROMIUM_PATH, /usr/bin/chromium, chromium-browser, google-chrome or Playwright’s own): ' +
      'first load not measured. `npm run setup -- --for-tests` as root installs one.';
    return result;
  }
  result.chromium = { ...found, version: null };
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: found.path,
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (error) {
    result.browserNote = `Chromium at ${found.path} did not start (${String(error?.message ?? error).split('\n')[0]}): first load not measured.`;
    return result;
  }
  try {
    result.chromium.version = browser.version();
    const url = `${baseUrl}/`;
    say(`Web app: first load of ${url} in Chromium ${result.chromium.version}, ${runs} runs (+1 warm-up)…`);
    await firstLoad(browser, url);
    const loads = [];
    for (let run = 0; run < runs; run += 1) loads.push(await firstLoad(browser, url));
    const first = loads[0].responses;
    result.firstLoad = [
      summary(
        '/ → sign-in form usable (from page.goto, as the bench sees it)',
        loads.map((l) => l.wallMs),
      ),
      summary(
        'navigation start → sign-in form usable (the page’s own clock)',
        loads.map((l) => l.inPageMs),
      ),
      summary(
        'navigation start → last file received (of those it fetched by then)',
        loads.map((l) => l.lastFileMs),
      ),
      summary(
        'navigation start → DOMContentLoaded',
        loads.map((l) => l.domContentLoadedMs),
      ),
    ];
    result.bytes = [
      bytesOf(first, 'JS', (r) => r.type === 'script'),
      bytesOf(first, 'CSS', (r) => r.type === 'stylesheet'),
      bytesOf(first, 'everything (HTML, JS, CSS, fonts, images, API calls)', () => true),
    ];
    result.responses = first;
    const [wall, inPage] = result.firstLoad;
    say(`  p50 ${wall.p50} ms (the page's clock ${inPage.p50} ms), max ${wall.max} ms`);
  } catch (error) {
    // Reported, not thrown: the resolution's own figures stand; the smoke test sees firstLoad missing.
    result.error = String(error?.message ?? error).split('\n')[0];
    say(`  web app first load failed: ${result.error}`);
  } finally {
    await browser.close();
  }
  return result;
}
