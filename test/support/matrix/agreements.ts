/** Matrix request templates for the agreements routes (one entry per "METHOD /url" of the route table). */
import type { Fx, Req, Templates } from './types.ts';

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toLowerCase();

/** An agreement inserted directly for the organisation (the API refuses non-municipalities; the matrix needs a resource of each relation). */
async function insertAgreement(f: Fx, municipalityId: string): Promise<string> {
  const now = f.ctx.clock.now();
  const year = 2040 + (seq++ % 50);
  const r = await f.ctx.db.insertInto('agreements').values({
    municipality_id: municipalityId, name: 'Matrixafspraak', first_year: year, last_year: year, kind: 'absolute', yearly_number: 100,
    share: null, distribute_over_corporations: true, tolerance: 0, created_by: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

async function agreementYear(f: Fx, id: string): Promise<number> {
  return (await f.ctx.db.selectFrom('agreements').select('first_year').where('id', '=', id).executeTakeFirstOrThrow()).first_year;
}

async function corporationId(f: Fx, code = 'WC-HAVENWONINGEN'): Promise<string> {
  return (await f.ctx.db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** own: the caller's organisation as municipality; foreign: the foreign organisation. */
async function ownForeign(f: Fx, build: (municipality: string, rel: 'own' | 'foreign') => Promise<Omit<Req, 'relation'>> | Omit<Req, 'relation'>): Promise<Req[]> {
  return [
    { ...(await build(f.me.orgId, 'own')), relation: 'own' },
    { ...(await build(f.foreignOrg, 'foreign')), relation: 'foreign' },
  ];
}

const PLAN = { decisionDate: '2020-01-15', reason: 'Matrix', lines: [{ level: 'main_group', mainGroup: 'MG-1', dwellings: 10 }] };

export const AGREEMENT_TEMPLATES: Templates = {
  'GET /api/v1/target-groups': async () => [{ method: 'GET', url: '/api/v1/target-groups?on=2020-06-01', relation: 'none' }],
  'POST /api/v1/target-groups': async () => [{
    method: 'POST', url: '/api/v1/target-groups', relation: 'none',
    body: { code: `m_${uniq()}`, mainGroup: 'MG-2', label: { nl: 'Matrixgroep', en: 'Matrix group' }, countsTowardAgreement: false, validFrom: '2021-01-01' },
  }],
  'PATCH /api/v1/target-groups/:code': async (f) => {
    const code = `m_${uniq()}`;
    await f.ctx.db.insertInto('target_groups').values({ code, main_group: 'MG-1', hierarchy_id: null, label_nl: 'Matrix', label_en: 'Matrix', valid_from: '2020-01-01', valid_to: null }).execute();
    return [{ method: 'PATCH', url: `/api/v1/target-groups/${code}`, body: { countsTowardAgreement: false }, headers: { 'if-match': '"1"' }, relation: 'none' }];
  },
  'GET /api/v1/report-layouts': async () => [{ method: 'GET', url: '/api/v1/report-layouts', relation: 'none' }],

  'GET /api/v1/agreements': async (f) => [{ method: 'GET', url: `/api/v1/agreements?municipality=${f.foreignOrg}&year=2020`, relation: 'none' }],
  'POST /api/v1/agreements': async (f) => ownForeign(f, (m) => {
    const year = 2040 + (seq++ % 50);
    return { method: 'POST', url: '/api/v1/agreements', body: { municipality: m, kind: 'absolute', firstYear: year, lastYear: year, yearlyNumber: 100 } };
  }),
  'GET /api/v1/agreements/:id': async (f) => {
    const id = await insertAgreement(f, f.foreignOrg);
    return [{ method: 'GET', url: `/api/v1/agreements/${id}?year=${await agreementYear(f, id)}`, relation: 'none' }];
  },
  'PATCH /api/v1/agreements/:id': async (f) => ownForeign(f, async (m) => ({
    method: 'PATCH', url: `/api/v1/agreements/${await insertAgreement(f, m)}`, body: { tolerance: 0.05 }, headers: { 'if-match': '"1"' },
  })),
  'GET /api/v1/agreements/:id/plan-versions': async (f) => [{ method: 'GET', url: `/api/v1/agreements/${await insertAgreement(f, f.foreignOrg)}/plan-versions`, relation: 'none' }],
  'POST /api/v1/agreements/:id/plan-versions': async (f) => ownForeign(f, async (m) => {
    const id = await insertAgreement(f, m);
    const year = await agreementYear(f, id);
    return { method: 'POST', url: `/api/v1/agreements/${id}/plan-versions`, body: { ...PLAN, year, effectiveFrom: `${year}-01-01` } };
  }),
  'PUT /api/v1/agreements/:id/corporation-targets/:year': async (f) => {
    const corp = await corporationId(f);
    return ownForeign(f, async (m) => {
      const id = await insertAgreement(f, m);
      return { method: 'PUT', url: `/api/v1/agreements/${id}/corporation-targets/${await agreementYear(f, id)}`, body: { items: [{ corporationId: corp, dwellings: 40 }] } };
    });
  },

  // Corporation figures: the resource is [municipality, corporation]; foreign uses the foreign organisation for both.
  'GET /api/v1/corporation-stock': async (f) => [{ method: 'GET', url: `/api/v1/corporation-stock?municipality=${f.foreignOrg}&year=2020`, relation: 'none' }],
  'PUT /api/v1/corporation-stock': async (f) => {
    const corp = await corporationId(f);
    return ownForeign(f, (m, rel) => ({ method: 'PUT', url: `/api/v1/corporation-stock?municipality=${m}&year=2020`, body: { items: [{ corporationId: rel === 'own' ? corp : f.foreignOrg, dwellings: 1000 }] } }));
  },
  'GET /api/v1/released-dwellings': async (f) => [{ method: 'GET', url: `/api/v1/released-dwellings?municipality=${f.foreignOrg}&year=2020`, relation: 'none' }],
  'PUT /api/v1/released-dwellings': async (f) => {
    const corp = await corporationId(f);
    return ownForeign(f, (m, rel) => ({ method: 'PUT', url: `/api/v1/released-dwellings?municipality=${m}&year=2020`, body: { items: [{ corporationId: rel === 'own' ? corp : f.foreignOrg, month: 3, dwellings: 25 }] } }));
  },
  'GET /api/v1/released-dwelling-rooms': async (f) => [{ method: 'GET', url: `/api/v1/released-dwelling-rooms?municipality=${f.foreignOrg}&year=2020`, relation: 'none' }],
  'PUT /api/v1/released-dwelling-rooms': async (f) => {
    const corp = await corporationId(f);
    return ownForeign(f, (m, rel) => ({ method: 'PUT', url: `/api/v1/released-dwelling-rooms?municipality=${m}&year=2020`, body: { items: [{ corporationId: rel === 'own' ? corp : f.foreignOrg, rooms: 2, dwellings: 12 }] } }));
  },

  // Municipal inputs: the resource is the municipality.
  'GET /api/v1/estimated-need': async (f) => [{ method: 'GET', url: `/api/v1/estimated-need?municipality=${f.foreignOrg}&year=2020`, relation: 'none' }],
  'PUT /api/v1/estimated-need': async (f) => ownForeign(f, (m) => ({ method: 'PUT', url: `/api/v1/estimated-need?municipality=${m}&year=2020`, body: { items: [{ mainGroup: 'ALL', dwellings: 2444 }] } })),
  'GET /api/v1/statushouder-quotas': async (f) => [{ method: 'GET', url: `/api/v1/statushouder-quotas?municipality=${f.foreignOrg}`, relation: 'none' }],
  'POST /api/v1/statushouder-quotas': async (f) => ownForeign(f, (m) => ({
    method: 'POST', url: '/api/v1/statushouder-quotas', body: { municipality: m, year: 2020, half: 2, persons: 300, decisionDate: '2020-06-30', reason: 'Matrix' },
  })),
  'GET /api/v1/statushouder-backlog': async (f) => [{ method: 'GET', url: `/api/v1/statushouder-backlog?municipality=${f.foreignOrg}`, relation: 'none' }],
  'PUT /api/v1/statushouder-backlog': async (f) => ownForeign(f, (m) => ({ method: 'PUT', url: `/api/v1/statushouder-backlog?municipality=${m}`, body: { year: 2020, persons: 21 } })),
  'GET /api/v1/young-statushouder-units': async (f) => [{ method: 'GET', url: `/api/v1/young-statushouder-units?municipality=${f.foreignOrg}`, relation: 'none' }],
  'PUT /api/v1/young-statushouder-units': async (f) => ownForeign(f, (m) => ({
    method: 'PUT', url: `/api/v1/young-statushouder-units?municipality=${m}&year=2020`, body: { targetUnits: 2700, cumulativeUnits: 2378, deliveredUnits: 143 },
  })),
};
