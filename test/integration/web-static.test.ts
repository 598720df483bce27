/**
 * The built web app as the server sends it (issue 12, Deliver 3): assets pre-compressed at build
 * (.br/.gz next to each file) are sent as they are with the matching Content-Encoding; source maps
 * are never sent outside NODE_ENV=development; the build manifest (a dotfile) is not served; a
 * missing asset is a 404, not the app's page.
 *
 * Runs against a copy of dist/web (with a planted .map file, since production builds make none);
 * skipped, with the reason, when dist/web has not been built (`npm run build:web`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestContext } from '../support/harness.ts';

const DIST = path.resolve('dist/web');
const built = fs.existsSync(path.join(DIST, 'index.html')) && fs.existsSync(path.join(DIST, 'assets'));
const SKIP_REASON = 'dist/web is not built: run `npm run build:web` first';
if (!built) console.warn(`web-static.test.ts skipped: ${SKIP_REASON}`);

let dir: string;
let asset: string;
let ctx: TestContext;

beforeAll(async () => {
  if (!built) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuisroute-web-'));
  fs.cpSync(DIST, dir, { recursive: true });
  // The largest script: large enough to have been compressed.
  const scripts = fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  asset = scripts.sort((a, b) => fs.statSync(path.join(dir, 'assets', b)).size - fs.statSync(path.join(dir, 'assets', a)).size)[0]!;
  fs.writeFileSync(path.join(dir, 'assets', `${asset}.map`), '{"version":3,"sources":["secret.ts"],"mappings":""}');
  ctx = await startTestApp({ webDistDir: dir });
});
afterAll(async () => {
  await ctx?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!built)('web assets (built dist/web)', () => {
  it('sends the pre-compressed brotli file with Content-Encoding br when the browser accepts it', async () => {
    const res = await ctx.agent().get(`/assets/${asset}`, { 'accept-encoding': 'br, gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toContain('javascript');
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toContain('immutable');
    const original = fs.readFileSync(path.join(dir, 'assets', asset));
    expect(zlib.brotliDecompressSync(res.rawPayload).equals(original)).toBe(true);
    expect(res.rawPayload.length).toBeLessThan(original.length);
  });

  it('sends gzip to a browser that accepts only gzip, and the plain file to one that accepts neither', async () => {
    const gz = await ctx.agent().get(`/assets/${asset}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(fs.readFileSync(path.join(dir, 'assets', asset)))).toBe(true);
    const plain = await ctx.agent().get(`/assets/${asset}`, { 'accept-encoding': 'identity' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('answers 404 for a source map, even one lying next to the asset', async () => {
    const res = await ctx.agent().get(`/assets/${asset}.map`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('secret.ts');
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('does not serve the build manifest (a dotfile directory)', async () => {
    const res = await ctx.agent().get('/.vite/manifest.json');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('isEntry');
  });

  it('answers 404 for a missing asset instead of the app page; client routes still get the app page', async () => {
    expect((await ctx.agent().get('/assets/nope-123.js')).statusCode).toBe(404);
    const page = await ctx.agent().get('/clienten');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<div id="root">');
  });

  it('serves source maps only with NODE_ENV=development', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const dev = await startTestApp({ webDistDir: dir });
    try {
      const res = await dev.agent().get(`/assets/${asset}.map`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('secret.ts');
    } finally {
      vi.unstubAllEnvs();
      await dev.close();
    }
  });
});
