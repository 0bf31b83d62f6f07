// The web app: built into dist/web by the set-up and served by the API at `/`; `npm run dev:web` serves it
// with hot reload on :5173 and proxies the API paths to the running API (same origin in both cases).
import react from '@vitejs/plugin-react-swc';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { type Plugin, defineConfig } from 'vite';

const api = `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;

/**
 * Brotli and gzip copies of every text asset (JS, CSS, SVG, JSON) next to it, made once at build time at
 * the highest levels; the API sends them to browsers that accept them (serve-web-app.ts). Files under 1 kB
 * and copies that would not be smaller are skipped.
 */
const precompress = (): Plugin => ({
  name: 'kientoan-precompress',
  apply: 'build',
  writeBundle(options, bundle) {
    const dir = options.dir ?? '';
    for (const name of Object.keys(bundle)) {
      if (!/\.(js|css|svg|json|html)$/.test(name) || name === 'index.html') continue;
      const file = path.join(dir, name);
      const bytes = fs.readFileSync(file);
      if (bytes.length < 1024) continue;
      const copies = [
        ['.br', brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })],
        ['.gz', gzipSync(bytes, { level: 9 })],
      ] as const;
      for (const [suffix, copy] of copies)
        if (copy.length < bytes.length) fs.writeFileSync(file + suffix, copy);
    }
  },
});

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  // The pure domain's constants (steps, kinds of change) are shared with the API, not copied.
  resolve: {
    alias: {
      '@kientoan/domain': fileURLToPath(new URL('../../libs/domain/src', import.meta.url)),
    },
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React and the router change only with an upgrade: one long-cached chunk across deploys.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            // Each language's texts in one chunk, fetched after the first paint (i18n/resources.ts).
            { name: 'texts-vi', test: /i18n[\\/]features[\\/][^\\/]+\.vi\.json$/ },
            { name: 'texts-en', test: /i18n[\\/](features[\\/][^\\/]+\.)?en\.json$/ },
          ],
        },
      },
    },
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': api, '/docs': api, '/health': api },
  },
});
