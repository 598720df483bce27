import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The web app: root src/web, built into dist/web, which the API server serves with an
 * SPA fallback. The server's CSP forbids inline scripts, so nothing is inlined as a script;
 * `npm run dev:web`-style development can proxy /api to a running server.
 */
export default defineConfig({
  root: here,
  base: '/',
  publicDir: path.join(here, 'public'),
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Small assets may be inlined as data: URLs: the CSP allows data: for images and fonts only.
    assetsInlineLimit: 4096,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks cache longer.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/, priority: 30 },
            { name: 'ads', test: /node_modules[\\/]@amsterdam[\\/]/, priority: 20 },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 10 },
            // No catch-all vendor group: other libraries (date-fns, …) travel with the pages that use them,
            // so the first load does not carry them.
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: process.env.THUISROUTE_API ?? 'http://localhost:8080', changeOrigin: false } },
  },
});
