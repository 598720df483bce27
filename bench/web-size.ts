/**
 * Suite "web" (`npm run bench -- web`, a default suite, well under a minute): the size of the web
 * app's first load, as a browser on a first visit fetches it.
 *
 * It builds dist/web (`vite build --config src/web/vite.config.ts`; BENCH_WEB_BUILD=0 reads the
 * existing build) and counts, gzipped (level 9, kB = 1000 bytes, as vite reports):
 *   - up front: what index.html loads — the entry script and every `modulepreload` chunk;
 *   - the default language's texts (texts.nl.ts, loaded by the entry before the first render);
 *   - the landing page's route chunk and the chunks it imports statically: the login page (a first
 *     visit: every route sends an anonymous visitor there) and the home page (signed in);
 * first load = up front + texts + the larger of the two landings. Goal: ≤ 200 kB gzipped JS.
 * Also: the largest route chunk, all JS and CSS, whether typebox reached the browser (its schemas
 * carry the marker "~kind"), source maps in the build (0 in production) and pre-compressed files.
 * Writes bench/results/web-size.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { HERE, log, round } from './common.ts';

export const WEB_FIRST_LOAD_GOAL_KB = 200;
const ROOT = path.resolve(HERE, '..');
const DIST = path.join(ROOT, 'dist/web');
/** Manifest keys (relative to src/web) of the landing pages and the default language's texts. */
const LANDINGS = { login: 'pages/LoginPage.tsx', home: 'pages/HomePage.tsx' } as const;
const DEFAULT_TEXTS = 'i18n/texts.nl.ts';

interface ManifestChunk { file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] }
type Manifest = Record<string, ManifestChunk>;

export interface WebSizeReport {
  benchmark: 'web';
  date: string;
  build: { ran: boolean; ms: number | null };
  goal: { firstLoadGzipKB: number };
  /** Files index.html loads before any script runs (entry + modulepreload), gzipped kB. */
  upFront: { files: Array<{ file: string; gzipKB: number; brotliKB: number }>; gzipKB: number };
  defaultTexts: { files: string[]; gzipKB: number };
  landings: Array<{ page: keyof typeof LANDINGS; files: string[]; gzipKB: number; firstLoadGzipKB: number; firstLoadBrotliKB: number }>;
  firstLoadGzipKB: number;
  firstLoadBrotliKB: number;
  verdict: 'MET' | 'NOT MET';
  /** first load / goal: ≤ 1 meets it. */
  ratio: number;
  largestRouteChunk: { src: string; file: string; gzipKB: number };
  routeChunks: number;
  totalJs: { files: number; rawKB: number; gzipKB: number };
  css: { upFrontGzipKB: number; totalGzipKB: number; files: number };
  typeboxInBrowser: string[];
  sourceMaps: number;
  preCompressed: { br: number; gz: number };
}

const kb = (bytes: number) => round(bytes / 1000, 1);
const sizes = new Map<string, { gzip: number; brotli: number; raw: number }>();
function sizeOf(file: string) {
  let s = sizes.get(file);
  if (!s) {
    const raw = fs.readFileSync(path.join(DIST, file));
    s = {
      raw: raw.length,
      gzip: zlib.gzipSync(raw, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    sizes.set(file, s);
  }
  return s;
}
const sum = (files: Iterable<string>, k: 'gzip' | 'brotli' | 'raw') => [...files].reduce((n, f) => n + sizeOf(f)[k], 0);

/** A chunk's file and every chunk it imports statically (what loading it fetches), as dist-relative paths. */
function closure(manifest: Manifest, key: string, out = new Set<string>()): Set<string> {
  const c = manifest[key];
  if (!c || out.has(c.file)) return out;
  out.add(c.file);
  for (const i of c.imports ?? []) closure(manifest, i, out);
  return out;
}

function build(): number {
  const t0 = performance.now();
  const vite = path.join(ROOT, 'node_modules/.bin/vite');
  const r = spawnSync(vite, ['build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`web: vite build failed (exit ${r.status})`);
  return performance.now() - t0;
}

export function benchWebSize(opts: { build?: boolean } = {}): WebSizeReport {
  const doBuild = opts.build ?? process.env.BENCH_WEB_BUILD !== '0';
  const ms = doBuild ? build() : null;
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('web: dist/web/index.html is missing (run `npm run build:web` or leave BENCH_WEB_BUILD unset)');
  const manifestFile = path.join(DIST, '.vite/manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error('web: dist/web/.vite/manifest.json is missing (src/web/vite.config.ts sets build.manifest)');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');

  const rel = (href: string) => href.replace(/^\//, '');
  const upFrontFiles = [
    ...[...html.matchAll(/<script[^>]*\stype="module"[^>]*\ssrc="([^"]+)"/g)].map((m) => rel(m[1]!)),
    ...[...html.matchAll(/<link[^>]*\srel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((m) => rel(m[1]!)),
  ];
  const upFront = new Set(upFrontFiles);
  const cssUpFront = [...html.matchAll(/<link[^>]*\srel="stylesheet"[^>]*\shref="([^"]+)"/g)].map((m) => rel(m[1]!));

  const texts = [...closure(manifest, DEFAULT_TEXTS)].filter((f) => !upFront.has(f));
  const base = new Set([...upFront, ...texts]);
  const landings = (Object.keys(LANDINGS) as Array<keyof typeof LANDINGS>).map((page) => {
    if (!manifest[LANDINGS[page]]) throw new Error(`web: ${LANDINGS[page]} is not in the manifest (is it still a lazy route?)`);
    const files = [...closure(manifest, LANDINGS[page])].filter((f) => !base.has(f));
    const all = [...base, ...files];
    return { page, files, gzipKB: kb(sum(files, 'gzip')), firstLoadGzipKB: kb(sum(all, 'gzip')), firstLoadBrotliKB: kb(sum(all, 'brotli')) };
  });
  const worst = landings.reduce((a, b) => (b.firstLoadGzipKB > a.firstLoadGzipKB ? b : a));

  const routes = Object.values(manifest).filter((c) => c.isDynamicEntry && c.src?.startsWith('pages/'));
  const largest = routes.map((c) => ({ src: c.src!, file: c.file, gzipKB: kb(sizeOf(c.file).gzip) })).sort((a, b) => b.gzipKB - a.gzipKB)[0]
    ?? { src: '(none)', file: '(none)', gzipKB: 0 };

  const assets = fs.readdirSync(path.join(DIST, 'assets'));
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const css = assets.filter((f) => f.endsWith('.css')).map((f) => `assets/${f}`);
  const all = fs.readdirSync(DIST, { recursive: true, encoding: 'utf8' });
  const report: WebSizeReport = {
    benchmark: 'web',
    date: new Date().toISOString(),
    build: { ran: doBuild, ms: ms === null ? null : Math.round(ms) },
    goal: { firstLoadGzipKB: WEB_FIRST_LOAD_GOAL_KB },
    upFront: { files: upFrontFiles.map((f) => ({ file: f, gzipKB: kb(sizeOf(f).gzip), brotliKB: kb(sizeOf(f).brotli) })), gzipKB: kb(sum(upFront, 'gzip')) },
    defaultTexts: { files: texts, gzipKB: kb(sum(texts, 'gzip')) },
    landings,
    firstLoadGzipKB: worst.firstLoadGzipKB,
    firstLoadBrotliKB: worst.firstLoadBrotliKB,
    verdict: worst.firstLoadGzipKB <= WEB_FIRST_LOAD_GOAL_KB ? 'MET' : 'NOT MET',
    ratio: round(worst.firstLoadGzipKB / WEB_FIRST_LOAD_GOAL_KB, 3),
    largestRouteChunk: largest,
    routeChunks: routes.length,
    totalJs: { files: js.length, rawKB: kb(sum(js, 'raw')), gzipKB: kb(sum(js, 'gzip')) },
    css: { upFrontGzipKB: kb(sum(cssUpFront, 'gzip')), totalGzipKB: kb(sum(css, 'gzip')), files: css.length },
    typeboxInBrowser: js.filter((f) => fs.readFileSync(path.join(DIST, f), 'utf8').includes('~kind')),
    sourceMaps: all.filter((f) => f.endsWith('.map')).length,
    preCompressed: { br: all.filter((f) => f.endsWith('.br')).length, gz: all.filter((f) => f.endsWith('.gz')).length },
  };
  log(`web: first load ${report.firstLoadGzipKB} kB gzipped (${worst.page} page) against ≤ ${WEB_FIRST_LOAD_GOAL_KB} kB: ${report.verdict}`);
  return report;
}

export function writeWebSizeReport(dir: string, r: WebSizeReport): string {
  const file = path.join(dir, 'web-size.json');
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

/** The web section of summary.json. */
export function webSizeSummary(r: WebSizeReport) {
  return {
    date: r.date,
    file: 'web-size.json',
    firstLoadGzipKB: r.firstLoadGzipKB,
    goalKB: r.goal.firstLoadGzipKB,
    ratio: r.ratio,
    verdict: r.verdict,
    largestRouteChunk: r.largestRouteChunk,
    totalJsGzipKB: r.totalJs.gzipKB,
    typeboxInBrowser: r.typeboxInBrowser.length > 0,
    sourceMaps: r.sourceMaps,
  };
}

export function printWebSize(r: WebSizeReport): string {
  const out = ['', `Web bundle — first load (gzip level 9, kB = 1000 B; brotli in brackets)`];
  out.push(`  up front (index.html: entry + modulepreload): ${r.upFront.gzipKB} kB in ${r.upFront.files.length} files`);
  for (const f of r.upFront.files) out.push(`    ${f.file.padEnd(40)} ${String(f.gzipKB).padStart(7)} kB (${f.brotliKB})`);
  out.push(`  default language texts: ${r.defaultTexts.gzipKB} kB (${r.defaultTexts.files.join(', ')})`);
  for (const l of r.landings) out.push(`  + ${l.page} page: ${l.gzipKB} kB (${l.files.length} chunks) → first load ${l.firstLoadGzipKB} kB (${l.firstLoadBrotliKB})`);
  out.push(`  first load: ${r.firstLoadGzipKB} kB against ≤ ${r.goal.firstLoadGzipKB} kB — ${r.verdict} (ratio ${r.ratio})`);
  out.push(`  largest route chunk: ${r.largestRouteChunk.src} ${r.largestRouteChunk.gzipKB} kB; ${r.routeChunks} route chunks; all JS ${r.totalJs.gzipKB} kB gzipped (${r.totalJs.rawKB} kB raw, ${r.totalJs.files} files)`);
  out.push(`  CSS: ${r.css.upFrontGzipKB} kB up front, ${r.css.totalGzipKB} kB in all ${r.css.files} files`);
  out.push(`  typebox in the browser: ${r.typeboxInBrowser.length ? `YES (${r.typeboxInBrowser.join(', ')})` : 'no'}; source maps in the build: ${r.sourceMaps}; pre-compressed: ${r.preCompressed.br} .br, ${r.preCompressed.gz} .gz`);
  return out.join('\n');
}

/** The web section of the previous summary.json, kept when the suite did not run this time. */
export function previousWebSummary(file: string): (ReturnType<typeof webSizeSummary> & { carriedOver: true }) | null {
  try {
    const prev = (JSON.parse(fs.readFileSync(file, 'utf8')) as { web?: ReturnType<typeof webSizeSummary> }).web;
    return prev ? { ...prev, carriedOver: true } : null;
  } catch {
    return null;
  }
}
