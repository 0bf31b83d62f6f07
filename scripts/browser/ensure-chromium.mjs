// Finds the Chromium the browser tests drive, installing Debian's package when it is missing and we are root.
// Order: CHROMIUM_PATH; a system chromium; `apt-get install -y chromium` (root); Playwright's own browser
// (`npx playwright-core install chromium`, needs internet). Prints which one is used.
import fs from 'node:fs';
import { capture, run, say } from '../lib/run.mjs';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const systemChromium = () => SYSTEM_PATHS.find((p) => fs.existsSync(p));

/** Playwright's downloaded Chromium, when `npx playwright-core install chromium` has run. */
const playwrightChromium = async () => {
  try {
    const { chromium } = await import('playwright-core');
    const p = chromium.executablePath();
    return p && fs.existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
};

export async function findChromium() {
  if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  const system = systemChromium();
  if (system) return { path: system, source: 'system package' };
  const bundled = await playwrightChromium();
  if (bundled) return { path: bundled, source: "Playwright's browser" };
  return undefined;
}

export async function ensureChromium() {
  let found = await findChromium();
  if (!found && process.getuid?.() === 0 && capture('apt-get', ['--version']).ok) {
    say('Installing Debian chromium for the browser tests (apt-get install -y chromium)…');
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    found = await findChromium();
  }
  if (!found) {
    say("No Chromium: installing Playwright's browser (npx playwright-core install chromium)…");
    const installed = capture('npx', ['--no-install', 'playwright-core', 'install', 'chromium']);
    if (installed.ok) found = await findChromium();
  }
  if (found) say(`Browser tests use Chromium from ${found.source}: ${found.path}`);
  else say('No Chromium found: set CHROMIUM_PATH to run the browser tests.');
  return found;
}
