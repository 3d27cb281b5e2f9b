// The dashboard's build: plain TypeScript and CSS, bundled by Vite into web/dist, which the server
// (lib/http/dashboard.ts) serves at / locally and from the Lambda bundle on AWS.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The JS budget (200 KB gzipped on first load) is checked by test/web/bundle.test.ts.
    reportCompressedSize: true,
  },
  server: {
    // `npx vite web` during development: the API from a running `npm start`.
    proxy: { '/graphql': 'http://localhost:4000' },
  },
});
