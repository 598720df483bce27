import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual, promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
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

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;

/**
 * Pre-compressed assets: next to every compressible file of the build, a .br (brotli, quality 11)
 * and a .gz (level 9), written once at build; the server sends them with @fastify/static's
 * `preCompressed` so no request pays for compression. Tiny files and files that do not shrink are skipped.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'thuisroute:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => COMPRESSIBLE.test(f) && !f.startsWith('.vite'))
        .map((f) => path.join(outDir, f));
      await Promise.all(files.map(async (file) => {
        const raw = fs.readFileSync(file);
        if (raw.length < 1024) return;
        const [br, gz] = await Promise.all([
          brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
          gzip(raw, { level: 9 }),
        ]);
        if (br.length < raw.length) fs.writeFileSync(`${file}.br`, br);
        if (gz.length < raw.length) fs.writeFileSync(`${file}.gz`, gz);
      }));
    },
  };
}

/**
 * The web app: root src/web, built into dist/web, which the API server serves with an
 * SPA fallback. The server's CSP forbids inline scripts, so nothing is inlined as a script;
 * `npm run dev:web`-style development can proxy /api to a running server.
 */
export default defineConfig(({ mode }) => ({
  root: here,
  base: '/',
  publicDir: path.join(here, 'public'),
  plugins: [transitionTableAsData(), react(), precompress()],
  build: {
    outDir: path.resolve(here, '../../dist/web'),
    emptyOutDir: true,
    // Source maps only for development builds (or on request); the server never sends them in production.
    sourcemap: mode === 'development' || process.env.THUISROUTE_WEB_SOURCEMAP === '1',
    // .vite/manifest.json: which chunk holds which page (bench/web-size.ts reads it; the server does not serve dotfiles).
    manifest: true,
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
}));
