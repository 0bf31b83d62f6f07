#!/usr/bin/env node
// The web app's JavaScript as a browser downloads it: the first load (index.html's entry script and its
// modulepreloads) and every chunk, raw and gzip-compressed (level 9, as a server would send it), from the
// built dist/web (`npm run build:web` or the set-up). Usage: node scripts/web-bundle-size.mjs [--json]
// The bench (bench/reads/web-first-load.mjs) imports webBundleSize.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const WEB_DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');

/**
 * The JavaScript of the build in `webDir`: first load, all chunks (files, raw and gzip bytes) and the five
 * largest chunks; null when there is no build (no index.html).
 */
export function webBundleSize(webDir = WEB_DIST) {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return null;
  const sizeOf = (file) => {
    const bytes = fs.readFileSync(path.join(webDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const html = fs.readFileSync(index, 'utf8');
  const firstLoad = [
    ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
  ].map((m) => sizeOf(m[1]));
  const all = fs
    .readdirSync(path.join(webDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => sizeOf(`assets/${f}`))
    .sort((a, b) => b.gzip - a.gzip);
  const total = (files) => ({
    files: files.length,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  });
  return { firstLoad: total(firstLoad), all: total(all), largest: all.slice(0, 5) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = webBundleSize();
  if (!report) {
    console.error('dist/web/index.html is missing: run `npm run build:web` first.');
    process.exit(1);
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else {
    const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
    console.log(
      `Web app JS, first load: ${kB(report.firstLoad.gzip)} gzip (${kB(report.firstLoad.raw)} raw, ${report.firstLoad.files} files)`,
    );
    console.log(
      `Web app JS, all chunks: ${kB(report.all.gzip)} gzip (${kB(report.all.raw)} raw, ${report.all.files} files)`,
    );
    for (const f of report.largest) console.log(`  ${f.file}: ${kB(f.gzip)} gzip`);
  }
}
