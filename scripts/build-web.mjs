#!/usr/bin/env node
/**
 * Builds the web app (dist/web) once, when Vite is installed: the `prepare` script (so `npm ci`
 * leaves a built web app behind) and scripts/start.mjs (when dist/web is missing). Without Vite —
 * a production install, `npm ci --omit=dev` — it skips quietly: the prebuilt dist/web is used.
 * It runs `npm run build:web`, so whatever that script does (Vite, compression) happens here too.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** 'built' | 'no-vite' (nothing to build with, or no web sources) | 'failed'. */
export function buildWebIfPossible({ reason } = {}) {
  const hasVite = fs.existsSync(path.join(ROOT, 'node_modules', 'vite', 'package.json'));
  const hasSources = fs.existsSync(path.join(ROOT, 'src', 'web', 'vite.config.ts'));
  if (!hasVite || !hasSources) return 'no-vite';
  if (reason) console.log(`Building the web app once (${reason}) …`);
  // Inside npm (npm start, npm ci) npm_execpath is npm's own CLI; otherwise npm from PATH.
  const npmCli = process.env.npm_execpath;
  const [cmd, args] = npmCli && /\.(c?js|mjs)$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
  const r = spawnSync(cmd, [...args, 'run', '--silent', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`Building the web app failed${r.error ? `: ${r.error.message}` : ''}.`);
    return 'failed';
  }
  return 'built';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = buildWebIfPossible() === 'failed' ? 1 : 0;
}
