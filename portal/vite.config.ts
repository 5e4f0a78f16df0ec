import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The typed chain descriptors are generated into .papi/ from the runtime (npm run descriptors);
// they are resolved here instead of through package.json so that a fresh clone installs without
// them and never carries stale ones.
export default defineConfig({
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      '@polkadot-api/descriptors': fileURLToPath(new URL('./.papi/descriptors/dist/index.js', import.meta.url)),
    },
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
