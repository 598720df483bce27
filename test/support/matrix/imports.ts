/** Matrix request templates for the imports routes (one entry per "METHOD /url" of the route table). */
import crypto from 'node:crypto';
import type { Fx, Templates } from './types.ts';

let seq = 0;

/** A tiny valid placements CSV with a fresh placement_id for every request. */
function tinyCsv(): string {
  const id = `MX-${Date.now().toString(36)}-${(seq++).toString(36)}`;
  return 'placement_id,municipality,corporation,target_group,active_mediation_date,lease_signed_date,move_reason\n' +
    `${id},GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,\n`;
}

/** A stored import of the caller's organisation (readable to an importer). */
async function insertImport(f: Fx): Promise<string> {
  const now = f.ctx.clock.now();
  const r = await f.ctx.db.insertInto('placement_imports').values({
    filename: 'matrix.csv', status: 'succeeded', rows_total: 0, rejections: '[]', created_by: f.me.userId, organisation_id: f.me.orgId, started_at: now, finished_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const IMPORT_TEMPLATES: Templates = {
  'POST /api/v1/imports/placements': async () => [{
    method: 'POST', url: '/api/v1/imports/placements', body: tinyCsv(), headers: { 'content-type': 'text/csv' }, relation: 'none',
  }],
  'GET /api/v1/imports/placements': async () => [{ method: 'GET', url: '/api/v1/imports/placements', relation: 'none' }],
  'GET /api/v1/imports/placements/:id': async (f) => [{ method: 'GET', url: `/api/v1/imports/placements/${await insertImport(f)}`, relation: 'none' }],
  'GET /api/v1/imports/placements/progress/:token': async () => [{ method: 'GET', url: `/api/v1/imports/placements/progress/${crypto.randomUUID()}`, relation: 'none' }],
};
