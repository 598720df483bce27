/**
 * PDFs over HTTP (issue 9): they open inline under a sensible Dutch file name (RFC 6266, with
 * filename* when the client's name has accents), never cached, and carry their title and language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actFor, startTestApp, type Agent, type TestContext } from '../support/harness.ts';
import { buildCase, type BuiltCase } from '../support/case-builder.ts';

let ctx: TestContext;
let cw: Agent;
let built: BuiltCase;

beforeAll(async () => {
  ctx = await startTestApp();
  ctx.clock.set('2026-12-04T09:00:00Z');
  cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
  const wonen = await ctx.login('wonen');
  built = await buildCase(ctx, {
    careWorker: cw, wonen, phase: 'P1_referral', purposes: ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7'],
    firstName: 'Zoë', lastName: "van 't Hooft",
  });
});
afterAll(async () => ctx?.close());

describe('PDF downloads', () => {
  it('a form opens inline as "<form>-<client>-<date>.pdf", with an ASCII fallback and the exact name in filename*', async () => {
    // The support plan (F-4) may be started from the referral on (R-OR-41).
    const created = await cw.post(`/api/v1/trajectories/${built.trajectoryId}/forms`, { kind: 'F-4' });
    expect(created.statusCode, created.body).toBe(201);
    const res = await cw.get(`/api/v1/forms/${created.json().id}/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="begeleidingsplan-zoe-van-t-hooft-2026-12-04.pdf"; filename*=UTF-8''begeleidingsplan-zo%C3%AB-van-t-hooft-2026-12-04.pdf`,
    );
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf).toMatch(/\/Lang \(nl-NL\)/);
    expect(pdf).toMatch(/\/DisplayDocTitle true/);
    // The title holds "ë", so pdfkit writes it as UTF-16BE with a byte-order mark.
    const title = Buffer.from('\ufeffBegeleidingsplan – Zoë van \'t Hooft', 'utf16le').swap16().toString('latin1');
    expect(pdf).toContain(title.replace(/[()\\]/g, (c) => `\\${c}`));
  });

  it('in English the language of the PDF is en-GB (the file name stays Dutch)', async () => {
    const list = await cw.get(`/api/v1/trajectories/${built.trajectoryId}/forms`);
    const id = (list.json().items as Array<{ id: string; kind: string }>).find((f) => f.kind === 'F-4')!.id;
    const res = await cw.get(`/api/v1/forms/${id}/pdf?lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
    expect(res.headers['content-disposition']).toContain('filename="begeleidingsplan-zoe-van-t-hooft-2026-12-04.pdf"');
  });

  it('the trajectory summary is "samenvatting-traject-<client>-<date>.pdf"', async () => {
    const res = await cw.get(`/api/v1/trajectories/${built.trajectoryId}/summary.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="samenvatting-traject-zoe-van-t-hooft-2026-12-04.pdf"; filename*=UTF-8''samenvatting-traject-zo%C3%AB-van-t-hooft-2026-12-04.pdf`,
    );
  });

  it('a blank form to print has no client and no date in its name, and may be cached', async () => {
    const res = await ctx.agent().get('/api/v1/forms/blank/F-2.pdf');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(`inline; filename="woonevaluatie-blanco.pdf"; filename*=UTF-8''woonevaluatie-blanco.pdf`);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
  });
});
