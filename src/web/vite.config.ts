import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The browser reads the trajectory transition table (src/domain/trajectories/transitions.ts) as
 * data: the step form is generated from its JSON Schemas, but the schema builder library (typebox)
 * belongs to the server. At build, the module is evaluated in Node and the browser gets its values
 * as JSON — the same table, without typebox. The build fails if an export cannot travel as JSON.
 */
function transitionTableAsData(): Plugin {
  const file = path.resolve(here, '../domain/trajectories/transitions.ts');
  return {
    name: 'thuisroute:transition-table-as-data',
    enforce: 'pre',
    async load(id) {
      if (id.split('?')[0] !== file) return null;
      const { module } = await runnerImport<Record<string, unknown>>(file, { configFile: false, logLevel: 'silent' });
      const lines = Object.entries(module).map(([name, value]) => {
        const json = JSON.stringify(value);
        if (typeof value === 'function' || json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) {
          throw new Error(`transitions.ts export ${name} cannot be sent to the browser as data`);
        }
        return `export const ${name} = JSON.parse(${JSON.stringify(json)});`;
      });
      return `/* transitions.ts, evaluated at build: data only (no typebox in the browser). */\n${lines.join('\n')}\n`;
    },
  };
}

/**
 * The web app: root src/web, built into dist/web, which the API server serves with an
 * SPA fallback. The server's CSP forbids inline scripts, so nothing is inlined as a script;
 * `npm run dev:web`-style development can proxy /api to a running server.
 */
export default defineConfig({
  root: here,
  base: '/',
  publicDir: path.join(here, 'public'),
  plugins: [transitionTableAsData(), react()],
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
