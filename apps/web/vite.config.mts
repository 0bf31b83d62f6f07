// The web app: built into dist/web by the set-up and served by the API at `/`; `npm run dev:web` serves it
// with hot reload on :5173 and proxies the API paths to the running API (same origin in both cases).
import react from '@vitejs/plugin-react-swc';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const api = `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
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
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': api, '/docs': api, '/health': api },
  },
});
