/**
 * Dwellings (matching.md §2): a corporation registers them one by one, or many at once from a CSV
 * (all-or-nothing, a reason per rejected row). The address is official: postcode + house number
 * (+ letter/addition) is looked up in the BAG through PDOK's Locatieserver (bag.ts) and the BAG
 * identifiers and the neighbourhood, district and municipality codes are stored; manual entry stays
 * possible and is marked unverified. The recent-nuisance-file date is the corporation's only
 * (R-MA-07, HC-01): every other party sees whether the dwelling may be offered.
 */
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { parse as parseCsv } from 'csv-parse/sync';
import { sql, type Kysely } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { Problem, problem, type FieldError } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact } from '../../platform/http/tx.ts';
import { IdParams, IsoDateSchema, ProblemResponses } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn } from '../../platform/clock.ts';
import { decide, type Subject } from '../../domain/policy/index.ts';
import { offerGate } from '../../domain/matching/engine.ts';
import { DEFAULT_MATCHING_CONFIG } from '../../domain/matching/config.ts';
import type { MatchingConfig } from '../../domain/matching/model.ts';
import { lookupAddress, normalisePostcode, type AddressLookup, type BagAddress } from './bag.ts';
import { currentConfig, dwellingFacts, placementsNearby, vulnerableNeighbourhoods, type DwellingRow } from './candidates.ts';

type Db = Kysely<Database>;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Str = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });

export const DwellingBody = Type.Object({
  reference: Type.Optional(Nullable(Str(60))),
  postcode: Type.String({ pattern: '^\\s*[1-9][0-9]{3}\\s?[A-Za-z]{2}\\s*$' }),
  houseNumber: Type.Integer({ minimum: 1, maximum: 99999 }),
  houseLetter: Type.Optional(Nullable(Type.String({ pattern: '^[A-Za-z]$' }))),
  addition: Type.Optional(Nullable(Str(4, 1))),
  /** Manual entry (the BAG is off, does not answer, or the user chooses it): marked unverified. */
  manualAddress: Type.Optional(Type.Object({
    street: Str(120, 1), city: Str(80, 1), municipalityId: Type.String({ format: 'uuid' }),
    neighbourhoodCode: Str(20, 1), neighbourhoodName: Type.Optional(Nullable(Str(120))), districtCode: Type.Optional(Nullable(Str(20))), districtName: Type.Optional(Nullable(Str(120))),
  }, { additionalProperties: false })),
  floor: Type.Integer({ minimum: -1, maximum: 60 }),
  lift: Type.Boolean(),
  facilities: Type.Array(Str(120, 1), { maxItems: 30 }),
  facilitiesNote: Type.Optional(Nullable(Str(2000))),
  noise: Type.Enum(['LOW', 'MEDIUM', 'HIGH'] as const),
  noiseNote: Type.Optional(Nullable(Str(2000))),
  defects: Type.Array(Str(300, 1), { maxItems: 30 }),
  contact: Type.Object({ name: Str(200, 1), role: Str(120, 1), phone: Type.Optional(Nullable(Type.String({ pattern: '^[+0-9 ()-]{6,20}$' }))), email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))) }, { additionalProperties: false }),
  stairwellInfo: Type.Optional(Nullable(Str(2000))),
  lastNuisanceFileOn: Nullable(IsoDateSchema),
  liveability: Type.Enum(['OK', 'UNDER_PRESSURE'] as const),
  liveabilityNote: Type.Optional(Nullable(Str(2000))),
  accessType: Type.Enum(['porch', 'gallery', 'ground_level', 'other'] as const),
  rooms: Type.Integer({ minimum: 1, maximum: 12 }),
  areaM2: Type.Number({ minimum: 10, maximum: 400 }),
  dwellingType: Type.Enum(['studio', 'apartment', 'family', 'room', 'other'] as const),
  wheelchairSuitable: Type.Boolean(),
  insideRing: Type.Optional(Nullable(Type.Boolean())),
  onePersonUnit: Type.Optional(Type.Boolean()),
  liquorShopDistanceM: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100000 }))),
  availableOn: IsoDateSchema,
  pool: Type.Array(Str(60, 1), { minItems: 1, maxItems: 30, uniqueItems: true }),
  rent: Type.Number({ minimum: 0, maximum: 10000 }),
}, { additionalProperties: false });
export type DwellingInput = Static<typeof DwellingBody>;

/** The organisation a dwelling is related to, as the policy reads it. */
export function dwellingResource(d: { corporation_id: string; municipality_id: string }) {
  return { organisationIds: [d.corporation_id], case: { careProviderId: '', corporationId: d.corporation_id, teamUserIds: [], municipalityIds: [d.municipality_id] } };
}

export function dwellingView(d: DwellingRow, subject: Subject, today: string, config: MatchingConfig) {
  const corporation = subject.scope.includes(d.corporation_id);
  const gate = offerGate(dwellingFacts(d, { placementsNearby24m: 0, vulnerable: false }), today, config, []);
  return {
    id: d.id, version: d.version, municipalityId: d.municipality_id, corporationId: d.corporation_id, reference: d.reference, status: d.status,
    address: {
      street: d.street, houseNumber: d.house_number, houseLetter: d.house_letter, addition: d.house_number_addition, postcode: d.postcode, city: d.city,
      verified: d.address_verified, bagAddressId: d.bag_address_id, bagObjectId: d.bag_object_id, municipalityCode: d.municipality_code,
      neighbourhoodCode: d.neighbourhood_code, neighbourhoodName: d.neighbourhood_name, districtCode: d.district_code, districtName: d.district_name,
      lat: d.lat, lon: d.lon,
    },
    floor: d.floor, lift: d.lift, facilities: d.facilities, facilitiesNote: d.facilities_note, noise: d.noise, noiseNote: d.noise_note, defects: d.defects,
    contact: { name: d.contact_name, role: d.contact_role, phone: d.contact_phone, email: d.contact_email },
    stairwellInfo: d.stairwell_info, liveability: d.liveability, liveabilityNote: d.liveability_note, accessType: d.access_type, rooms: d.rooms,
    areaM2: Number(d.area_m2), dwellingType: d.dwelling_type, wheelchairSuitable: d.wheelchair_suitable, insideRing: d.inside_ring, onePersonUnit: d.one_person_unit,
    liquorShopDistanceM: d.liquor_shop_distance_m, availableOn: d.available_on, pool: d.pool, rent: Number(d.rent),
    // R-MA-07 / HC-01: the date is the corporation's; the others see only whether it may be offered.
    ...(corporation ? { lastNuisanceFileOn: d.last_nuisance_file_on } : {}),
    offerable: gate.offerable,
    offerableFrom: gate.offerable ? null : (gate.reasons.find((r) => r.until)?.until ?? null),
    unsuitable: d.status === 'unsuitable' ? { reasonCode: d.unsuitable_reason_code, reason: d.unsuitable_reason } : null,
    woningnetWithdrawnOn: d.woningnet_withdrawn_on,
  };
}

function addressProblem(status: AddressLookup['status'], nl: string, en: string, extra?: Record<string, unknown>) {
  return new Problem({ status: 422, code: `address_${status}`, titleNl: 'Adres niet gevonden', titleEn: 'Address not found', detailNl: nl, detailEn: en, rule: 'R-MA-06', extra,
    errors: [{ field: '/postcode', in: 'body', code: `address_${status}`, message: nl, messageNl: nl, messageEn: en }] });
}

/** The address to store: from the BAG when it answers, from the manual entry otherwise (unverified). */
export async function resolveAddress(app: App, db: Db, b: DwellingInput): Promise<{ verified: BagAddress | null; municipalityId: string }> {
  const postcode = normalisePostcode(b.postcode)!;
  if (b.manualAddress) {
    const m = await db.selectFrom('organisations').select('id').where('id', '=', b.manualAddress.municipalityId).where('type', '=', 'municipality').executeTakeFirst();
    if (!m) throw problem.validation([{ field: '/manualAddress/municipalityId', in: 'body', code: 'unknown_municipality', message: 'Onbekende gemeente.', messageNl: 'Onbekende gemeente.', messageEn: 'Unknown municipality.' }]);
    return { verified: null, municipalityId: m.id };
  }
  const r = await lookupAddress(app.deps.config, { postcode, houseNumber: b.houseNumber, houseLetter: b.houseLetter ?? null, addition: b.addition ?? null });
  switch (r.status) {
    case 'found': {
      const m = await db.selectFrom('organisations').select('id').where('type', '=', 'municipality').where('municipality_code', '=', r.address.municipalityCode).executeTakeFirst();
      if (!m) throw addressProblem('found', `Het adres ligt in ${r.address.municipalityName}; die gemeente doet niet mee in Thuisroute.`, `The address is in ${r.address.municipalityName}, which is not part of Thuisroute.`);
      return { verified: r.address, municipalityId: m.id };
    }
    case 'not_found':
      throw addressProblem('not_found', 'Dit adres staat niet in de Basisregistratie Adressen en Gebouwen (BAG). Controleer postcode en huisnummer.', 'This address is not in the BAG (the national address register). Check the postcode and house number.');
    case 'ambiguous':
      throw addressProblem('ambiguous', 'Op dit huisnummer staan meer adressen; kies de huisletter of toevoeging.', 'There are several addresses at this number; choose the letter or addition.',
        { candidates: r.candidates.map((c) => ({ houseLetter: c.houseLetter, addition: c.addition, displayName: c.displayName })) });
    case 'unavailable':
      throw addressProblem('unavailable', 'De adresservice (BAG) antwoordt nu niet. Probeer het later opnieuw, of vul het adres handmatig in; het wordt dan gemarkeerd als niet geverifieerd.', 'The address service (BAG) is not answering. Try again later, or enter the address by hand; it is then marked as unverified.');
    case 'off':
      throw addressProblem('off', 'Adressen worden hier niet automatisch opgezocht; vul straat, plaats, gemeente en buurt handmatig in.', 'Addresses are not looked up here; enter street, city, municipality and neighbourhood by hand.');
  }
}

function dwellingValues(b: DwellingInput, addr: { verified: BagAddress | null; municipalityId: string }) {
  const v = addr.verified;
  const m = b.manualAddress;
  return {
    municipality_id: addr.municipalityId, reference: b.reference ?? null,
    postcode: normalisePostcode(b.postcode)!, house_number: b.houseNumber, house_letter: b.houseLetter?.toUpperCase() ?? null, house_number_addition: b.addition ?? null,
    street: v?.street ?? m?.street ?? null, city: v?.city ?? m?.city ?? null, address_verified: v !== null, bag_address_id: v?.bagAddressId ?? null, bag_object_id: v?.bagObjectId ?? null,
    neighbourhood_code: v?.neighbourhoodCode ?? m?.neighbourhoodCode ?? null, neighbourhood_name: v?.neighbourhoodName ?? m?.neighbourhoodName ?? null,
    district_code: v?.districtCode ?? m?.districtCode ?? null, district_name: v?.districtName ?? m?.districtName ?? null, municipality_code: v?.municipalityCode ?? null,
    lat: v?.lat ?? null, lon: v?.lon ?? null,
    floor: b.floor, lift: b.lift, facilities: JSON.stringify(b.facilities), facilities_note: b.facilitiesNote ?? null, noise: b.noise, noise_note: b.noiseNote ?? null,
    defects: JSON.stringify(b.defects), contact_name: b.contact.name, contact_role: b.contact.role, contact_phone: b.contact.phone ?? null, contact_email: b.contact.email ?? null,
    stairwell_info: b.stairwellInfo ?? null, last_nuisance_file_on: b.lastNuisanceFileOn, liveability: b.liveability, liveability_note: b.liveabilityNote ?? null,
    access_type: b.accessType, rooms: b.rooms, area_m2: b.areaM2, dwelling_type: b.dwellingType, wheelchair_suitable: b.wheelchairSuitable, inside_ring: b.insideRing ?? null,
    one_person_unit: b.onePersonUnit ?? false, liquor_shop_distance_m: b.liquorShopDistanceM ?? null, available_on: b.availableOn,
    pool: sql<string[]>`${sql.val(`{${b.pool.map((p) => `"${p.replace(/"/g, '')}"`).join(',')}}`)}::text[]`, rent: b.rent,
  };
}

async function checkPool(db: Db, pool: ReadonlyArray<string>): Promise<FieldError[]> {
  const known = new Set((await db.selectFrom('target_groups').select('code').execute()).map((r) => r.code));
  return pool.flatMap((p, i) => known.has(p) ? [] : [{ field: `/pool/${i}`, in: 'body' as const, code: 'unknown_target_group', message: `Onbekende doelgroep: ${p}.`, messageNl: `Onbekende doelgroep: ${p}.`, messageEn: `Unknown target group: ${p}.` }]);
}

export async function insertDwelling(app: App, trx: Db, subject: Subject, b: DwellingInput, corporationId: string) {
  const poolErrors = await checkPool(trx, b.pool);
  if (poolErrors.length) throw problem.validation(poolErrors);
  const addr = await resolveAddress(app, trx, b);
  const now = app.deps.clock.now();
  const dup = await trx.selectFrom('dwellings').select('id')
    .where('postcode', '=', normalisePostcode(b.postcode)!).where('house_number', '=', b.houseNumber)
    .where(sql<boolean>`coalesce(house_letter, '') = ${b.houseLetter?.toUpperCase() ?? ''} AND coalesce(house_number_addition, '') = ${b.addition ?? ''}`)
    .where('status', 'in', ['available', 'offered']).executeTakeFirst();
  if (dup) throw problem.conflict('dwelling_exists', 'Deze woning staat al aangeboden in Thuisroute.', 'This dwelling is already on offer in Thuisroute.', { dwellingId: dup.id });
  return trx.insertInto('dwellings').values({ ...dwellingValues(b, addr), corporation_id: corporationId, created_by: subject.userId, created_at: now, updated_at: now }).returningAll().executeTakeFirstOrThrow();
}

/** The dwelling locked for a change by its corporation at the version the caller saw (404, 403, 412 otherwise). */
async function lockedForUpdate(trx: Db, id: string, s: Subject, expected: number) {
  const d = await trx.selectFrom('dwellings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!d) throw problem.notFound('De woning', 'The dwelling');
  const dec = decide(s, 'dwelling.update', dwellingResource(d));
  if (!dec.allowed) throw problem.forbidden(dec.reason);
  if (d.version !== expected) throw problem.preconditionFailed(d.version);
  return d;
}

function corporationOf(subject: Subject): string {
  if (subject.organisationType !== 'housing_corporation' || !subject.organisationId) {
    throw problem.forbidden('not_a_corporation');
  }
  return subject.organisationId;
}

const DwellingQuery = Type.Object({
  status: Type.Optional(Type.Enum(['available', 'offered', 'let', 'withdrawn', 'unsuitable'] as const)),
  neighbourhood: Type.Optional(Str(20, 1)),
  district: Type.Optional(Str(20, 1)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
}, { additionalProperties: false });

const Free = Type.Record(Type.String(), Type.Unknown());

export async function dwellingRoutes(app: App) {
  const { clock } = app.deps;
  const db = app.deps.database.db;
  // A dwelling CSV is small (at most 5,000 rows): read as one string.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/addresses/lookup', {
    config: { action: 'address.lookup', personalData: false },
    schema: {
      summary: 'Look up an official address in the BAG (PDOK Locatieserver): postcode + house number (+ letter/addition)',
      querystring: Type.Object({ postcode: Type.String({ maxLength: 8 }), houseNumber: Type.Integer({ minimum: 1, maximum: 99999 }), houseLetter: Type.Optional(Type.String({ maxLength: 1 })), addition: Type.Optional(Type.String({ maxLength: 4 })) }, { additionalProperties: false }),
      response: { 200: Free, ...ProblemResponses },
    },
  }, async (req) => {
    const q = req.query;
    const r = await lookupAddress(app.deps.config, { postcode: q.postcode, houseNumber: q.houseNumber, houseLetter: q.houseLetter ?? null, addition: q.addition ?? null });
    return r.status === 'unavailable' ? { status: r.status, reason: r.reason } : r;
  });

  app.get('/dwellings', {
    config: { action: 'dwelling.list', personalData: false },
    schema: { summary: 'Dwellings: a corporation its own, Wonen those of its municipality; neighbourhood and district filters', querystring: DwellingQuery, response: { 200: Type.Array(Free), ...ProblemResponses } },
  }, async (req) => {
    const s = subjectOf(req);
    const today = todayIn(clock);
    let q = db.selectFrom('dwellings').selectAll();
    // The list is the detail's decision as SQL: the corporation's own dwellings; Wonen's municipality.
    if (s.role === 'wonen_officer') q = q.where('municipality_id', 'in', s.municipalityIds?.length ? [...s.municipalityIds] : ['00000000-0000-0000-0000-000000000000']);
    else if (s.role === 'corporation_contact' || (s.role === 'team_manager' && s.organisationType === 'housing_corporation')) q = q.where('corporation_id', 'in', s.scope.length ? [...s.scope] : ['00000000-0000-0000-0000-000000000000']);
    else return [];
    if (req.query.status) q = q.where('status', '=', req.query.status);
    if (req.query.neighbourhood) q = q.where('neighbourhood_code', '=', req.query.neighbourhood);
    if (req.query.district) q = q.where('district_code', '=', req.query.district);
    const rows = await q.orderBy('available_on').orderBy('id').limit(req.query.limit ?? 200).execute();
    return rows.filter((d) => decide(s, 'dwelling.read', dwellingResource(d)).allowed).map((d) => dwellingView(d, s, today, DEFAULT_MATCHING_CONFIG));
  });

  app.post('/dwellings', {
    config: { action: 'dwelling.create', personalData: false },
    schema: { summary: 'Register a dwelling with every field of matching.md §2 (R-MA-06); the address is looked up in the BAG unless entered by hand', body: DwellingBody, response: { 201: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const s = subjectOf(req);
    const corporationId = corporationOf(s);
    const row = await transact(app, async (trx) => {
      const d = await insertDwelling(app, trx, s, req.body, corporationId);
      await recordAudit(app, trx, req, { action: 'dwelling.create', resourceType: 'dwelling', resourceId: d.id, outcome: 'success', details: { verified: d.address_verified } });
      return d;
    });
    setEtag(reply, row.version);
    return reply.status(201).send(dwellingView(row, s, todayIn(clock), DEFAULT_MATCHING_CONFIG));
  });

  app.get('/dwellings/:id', {
    config: { action: 'dwelling.read', personalData: false },
    schema: { summary: 'One dwelling (the nuisance-file date only for its corporation)', params: IdParams, response: { 200: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const s = subjectOf(req);
    const d = await db.selectFrom('dwellings').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!d) throw problem.notFound('De woning', 'The dwelling');
    const dec = decide(s, 'dwelling.read', dwellingResource(d));
    if (!dec.allowed) throw problem.forbidden(dec.reason);
    const cfg = await currentConfig(db, d.municipality_id);
    const nearby = await placementsNearby(db, d, todayIn(clock));
    const vulnerable = d.neighbourhood_code ? (await vulnerableNeighbourhoods(db, d.municipality_id)).includes(d.neighbourhood_code) : false;
    setEtag(reply, d.version);
    return { ...dwellingView(d, s, todayIn(clock), cfg.config), placementsNearby24m: nearby, vulnerableNeighbourhood: vulnerable, offerModel: cfg.config.model };
  });

  app.put('/dwellings/:id', {
    config: { action: 'dwelling.update', personalData: false },
    schema: { summary: 'Change a dwelling (If-Match); not while an offer is open or after it was let', params: IdParams, body: DwellingBody, response: { 200: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const s = subjectOf(req);
    const expected = requireIfMatch(req);
    const row = await transact(app, async (trx) => {
      const d = await lockedForUpdate(trx, req.params.id, s, expected);
      if (d.status === 'offered' || d.status === 'let') throw problem.conflict('dwelling_in_offer', 'Deze woning is aangeboden of verhuurd; trek eerst het aanbod in.', 'This dwelling is on offer or let; withdraw the offer first.');
      const poolErrors = await checkPool(trx, req.body.pool);
      if (poolErrors.length) throw problem.validation(poolErrors);
      const sameAddress = normalisePostcode(req.body.postcode) === d.postcode && req.body.houseNumber === d.house_number && (req.body.houseLetter ?? null) === d.house_letter && (req.body.addition ?? null) === d.house_number_addition;
      const addr = sameAddress && !req.body.manualAddress
        ? { verified: d.address_verified ? { street: d.street!, city: d.city!, municipalityCode: d.municipality_code!, neighbourhoodCode: d.neighbourhood_code, neighbourhoodName: d.neighbourhood_name, districtCode: d.district_code, districtName: d.district_name, bagAddressId: d.bag_address_id!, bagObjectId: d.bag_object_id, lat: d.lat, lon: d.lon } as BagAddress : null, municipalityId: d.municipality_id }
        : await resolveAddress(app, trx, req.body);
      const values = dwellingValues(req.body, addr);
      if (sameAddress && !req.body.manualAddress && !d.address_verified) Object.assign(values, { street: d.street, city: d.city, neighbourhood_code: d.neighbourhood_code, neighbourhood_name: d.neighbourhood_name, district_code: d.district_code, district_name: d.district_name });
      const u = await trx.updateTable('dwellings').set({ ...values, version: sql<number>`version + 1`, updated_at: clock.now() }).where('id', '=', d.id).returningAll().executeTakeFirstOrThrow();
      await recordAudit(app, trx, req, { action: 'dwelling.update', resourceType: 'dwelling', resourceId: d.id, outcome: 'success' });
      return u;
    });
    setEtag(reply, row.version);
    return dwellingView(row, s, todayIn(clock), DEFAULT_MATCHING_CONFIG);
  });

  app.post('/dwellings/:id/unsuitable', {
    config: { action: 'dwelling.update', personalData: false },
    schema: {
      summary: 'Declare a dwelling unsuitable for the programme, with the argument (R-MA-09: every dwelling can be suitable unless…)', params: IdParams,
      body: Type.Object({ reasonCode: Type.Enum(['RECENT_NUISANCE_FILE', 'STAIRWELL_LIVEABILITY', 'CONCENTRATION', 'DWELLING_DEFECT', 'TECHNICAL_UNSUITABILITY', 'OTHER'] as const), reason: Str(2000, 3) }, { additionalProperties: false }),
      response: { 200: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const s = subjectOf(req);
    const expected = requireIfMatch(req);
    const row = await transact(app, async (trx) => {
      const d = await lockedForUpdate(trx, req.params.id, s, expected);
      if (d.status !== 'available') throw problem.conflict('dwelling_in_offer', 'Alleen een beschikbare woning kan ongeschikt worden verklaard.', 'Only an available dwelling can be declared unsuitable.');
      const u = await trx.updateTable('dwellings').set({ status: 'unsuitable', unsuitable_reason_code: req.body.reasonCode, unsuitable_reason: req.body.reason, version: sql<number>`version + 1`, updated_at: clock.now() })
        .where('id', '=', d.id).returningAll().executeTakeFirstOrThrow();
      await recordAudit(app, trx, req, { action: 'dwelling.update', resourceType: 'dwelling', resourceId: d.id, outcome: 'success', details: { unsuitable: req.body.reasonCode, rule: 'R-MA-09' } });
      return u;
    });
    setEtag(reply, row.version);
    return dwellingView(row, s, todayIn(clock), DEFAULT_MATCHING_CONFIG);
  });

  app.post('/dwellings/import', {
    config: { action: 'dwelling.import', personalData: false },
    schema: {
      summary: 'CSV upload of many dwellings (text/csv, header row; all-or-nothing; a reason per rejected row). Columns: the body fields of POST /dwellings in snake_case; lists separated by "|"',
      response: { 200: Free, ...ProblemResponses },
    },
  }, async (req) => {
    const s = subjectOf(req);
    const corporationId = corporationOf(s);
    const text = typeof req.body === 'string' ? req.body : Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    if (!text.trim()) throw problem.badRequest('empty_file', 'Het bestand is leeg.', 'The file is empty.');
    let records: Array<Record<string, string>>;
    try {
      records = parseCsv(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, delimiter: text.split('\n')[0]!.includes(';') ? ';' : ',' });
    } catch (e) {
      throw problem.badRequest('csv_unreadable', `Het bestand is geen leesbare CSV: ${(e as Error).message}`, `The file is not readable CSV: ${(e as Error).message}`);
    }
    if (records.length > 5000) throw problem.badRequest('too_many_rows', 'Maximaal 5.000 woningen per bestand.', 'At most 5,000 dwellings per file.');
    const parsed = records.map((r, i) => ({ row: i + 2, input: csvToInput(r) }));
    const rejections: Array<{ row: number; field: string; messageNl: string; messageEn: string; rule?: string }> = [];
    for (const p of parsed) {
      for (const e of Value.Errors(DwellingBody, p.input)) {
        rejections.push({ row: p.row, field: e.instancePath || '/', messageNl: `Ongeldige waarde (${e.message}).`, messageEn: `Invalid value (${e.message}).`, rule: 'R-MA-06' });
      }
    }
    if (rejections.length) throw problem.unprocessable('import_rejected', `${new Set(rejections.map((r) => r.row)).size} rij(en) afgewezen; er is niets opgeslagen.`, `${new Set(rejections.map((r) => r.row)).size} row(s) rejected; nothing was saved.`, 'R-MA-06', { rejections, accepted: 0 });
    const ids = await transact(app, async (trx) => {
      const out: string[] = [];
      for (const p of parsed) {
        try {
          const d = await insertDwelling(app, trx, s, p.input as DwellingInput, corporationId);
          out.push(d.id);
        } catch (e) {
          const pr = e instanceof Problem ? e.init : null;
          rejections.push({ row: p.row, field: '/', messageNl: pr?.detailNl ?? 'Onbekende fout.', messageEn: pr?.detailEn ?? 'Unknown error.', ...(pr?.rule ? { rule: pr.rule } : {}) });
        }
      }
      if (rejections.length) throw problem.unprocessable('import_rejected', `${new Set(rejections.map((r) => r.row)).size} rij(en) afgewezen; er is niets opgeslagen.`, `${new Set(rejections.map((r) => r.row)).size} row(s) rejected; nothing was saved.`, 'R-MA-06', { rejections, accepted: 0 });
      await recordAudit(app, trx, req, { action: 'dwelling.import', resourceType: 'dwelling', resourceId: null, outcome: 'success', details: { count: out.length } });
      return out;
    });
    return { accepted: ids.length, ids, rejections: [] };
  });
}

const bool = (v: string | undefined) => v === undefined || v === '' ? undefined : /^(1|true|ja|yes|j|y)$/i.test(v) ? true : /^(0|false|nee|no|n)$/i.test(v) ? false : v;
const num = (v: string | undefined) => v === undefined || v === '' ? undefined : Number.isFinite(Number(v.replace(',', '.'))) ? Number(v.replace(',', '.')) : v;
const list = (v: string | undefined) => v ? v.split('|').map((x) => x.trim()).filter(Boolean) : [];
const opt = (v: string | undefined) => v === undefined || v === '' ? null : v;

/** One CSV row as the body of POST /dwellings (a value that does not parse is passed on as text, so validation names it). */
export function csvToInput(r: Record<string, string>): unknown {
  const manual = r.street || r.municipality_id ? {
    street: r.street ?? '', city: r.city ?? '', municipalityId: r.municipality_id ?? '', neighbourhoodCode: r.neighbourhood_code ?? '',
    neighbourhoodName: opt(r.neighbourhood_name), districtCode: opt(r.district_code), districtName: opt(r.district_name),
  } : undefined;
  const o: Record<string, unknown> = {
    reference: opt(r.reference), postcode: r.postcode ?? '', houseNumber: num(r.house_number), houseLetter: opt(r.house_letter), addition: opt(r.addition),
    ...(manual ? { manualAddress: manual } : {}),
    floor: num(r.floor), lift: bool(r.lift), facilities: list(r.facilities), facilitiesNote: opt(r.facilities_note), noise: r.noise?.toUpperCase(), noiseNote: opt(r.noise_note),
    defects: list(r.defects), contact: { name: r.contact_name ?? '', role: r.contact_role ?? '', phone: opt(r.contact_phone), email: opt(r.contact_email) },
    stairwellInfo: opt(r.stairwell_info), lastNuisanceFileOn: opt(r.last_nuisance_file_on), liveability: r.liveability?.toUpperCase(), liveabilityNote: opt(r.liveability_note),
    accessType: r.access_type, rooms: num(r.rooms), areaM2: num(r.area_m2), dwellingType: r.dwelling_type, wheelchairSuitable: bool(r.wheelchair_suitable),
    insideRing: r.inside_ring ? bool(r.inside_ring) : null, onePersonUnit: bool(r.one_person_unit) ?? false, liquorShopDistanceM: r.liquor_shop_distance_m ? num(r.liquor_shop_distance_m) : null,
    availableOn: r.available_on, pool: list(r.pool), rent: num(r.rent),
  };
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
