#!/usr/bin/env node
/**
 * Launcher of Thuisroute's TypeScript entry points (docs/deployment.md § Runtime):
 *
 *   node scripts/start.mjs                                  the server (src/app/main.ts): npm start
 *   node scripts/start.mjs src/platform/db/migrate-cli.ts   npm run migrate
 *   node scripts/start.mjs src/modules/audit/verify-cli.ts  npm run audit:verify
 *   node scripts/start.mjs bench/run.ts monitor             npm run bench -- monitor
 *
 * - On Node 22.18+ / 24 / 26 Node strips the types itself (`process.features.typescript`): the
 *   entry is imported as it is, no transpiler is loaded (a production install has none).
 * - On Node 20.19+ (no native type stripping) it registers tsx, a dev dependency, first.
 * - Neither: it says what to install and exits 1.
 *
 * For the server it also builds the web app once when dist/web is missing and Vite is installed
 * (normally `npm ci` built it already, through the `prepare` script): never at every start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildWebIfPossible } from './build-web.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = 'src/app/main.ts';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 18) || major >= 23;
if (!supported) {
  console.error(
    `Thuisroute needs Node.js 22.18 or newer (24 LTS recommended), or Node.js 20.19+ with the dev dependencies installed; this is Node.js ${process.versions.node}.`,
  );
  process.exit(1);
}

// The entry and its arguments: argv[1] becomes the entry, so the entry sees its own argv as if started directly.
const rest = process.argv.slice(2);
const entryArg = rest[0]?.endsWith('.ts') ? rest.shift() : SERVER;
const entry = path.resolve(process.cwd(), entryArg);
if (!fs.existsSync(entry)) {
  console.error(`No such entry point: ${entryArg}`);
  process.exit(1);
}
process.argv = [process.argv[0], entry, ...rest];

/** tsx's register(), when Node cannot strip types itself. */
let register;
if (!process.features.typescript) {
  // Node 20.19+ (or Node 22 with type stripping switched off): tsx transpiles on the fly.
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    console.error(
      [
        `Node.js ${process.versions.node} cannot run TypeScript by itself and tsx is not installed.`,
        'Either use Node.js 22.18 or newer (24 LTS recommended: it runs the TypeScript sources natively, a production',
        'install `npm ci --omit=dev` is enough), or install the dev dependencies (`npm ci`) so tsx can be used.',
      ].join('\n'),
    );
    process.exit(1);
  }
}

// The server: build the web app once if it is missing (npm ci normally did, through `prepare`).
if (path.relative(ROOT, entry) === SERVER) {
  const webDir = path.resolve(process.env.WEB_DIST_DIR ?? 'dist/web');
  if (!fs.existsSync(path.join(webDir, 'index.html'))) {
    const built = buildWebIfPossible({ reason: `${path.relative(process.cwd(), webDir) || webDir} is missing` });
    if (built === 'no-vite') {
      console.warn(`The web app (${webDir}) is not built and Vite is not installed: the API runs, the web pages answer 404.`);
    } else if (built === 'failed') {
      process.exit(1);
    }
  }
}

if (register) register();

await import(pathToFileURL(entry).href);
