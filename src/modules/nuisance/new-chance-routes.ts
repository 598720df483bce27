/**
 * The New Chance scheme (Annex 5, overlast.md §7.6): any partner applies to the hub (NK-1); the
 * hub's bodies decide (KO, optional UVO, GO); the home visit, the conversation with the resident
 * (willingness is the precondition, R-OV-49), the New Chance letter, active mediation by Wonen,
 * the new dwelling within the term, the leases, yearly evaluations and the way back to the
 * resident's own name. Every step goes through the case's one write path (new-chance-case.ts).
 */
import { Type, type Static } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { type Kysely } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact } from '../../platform/http/tx.ts';
import { IdParams, IsoDateSchema, ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Trx } from '../../platform/cases/engine.ts';
import { todayIn } from '../../platform/clock.ts';
import { decide, type Action, type Subject } from '../../domain/policy/index.ts';
import type { NewChanceEventInput } from '../../domain/nuisance/model.ts';
import { NEW_CHANCE_TRANSITIONS, checkNewChanceEvent, deriveNewChanceDeadlines } from '../../domain/nuisance/new-chance.ts';
import { loadCalendar } from '../calendar/index.ts';
import { loadNewChance, newChancePartyOf, newChanceResource, recordNewChanceEvent, type LoadedNewChance } from './new-chance-case.ts';
import { nuisanceActor, settingsOf, validateData } from './routes.ts';
import { addressKey, addressLine, hubOf, normalisePostcode } from './reports.ts';

type Db = Kysely<Database>;
const Free = Type.Record(Type.String(), Type.Unknown());
const NullableText = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const NONE = '00000000-0000-0000-0000-000000000000';

const RequestBody = Type.Object({
  corporationId: Uuid,
  residentName: Type.String({ minLength: 2, maxLength: 200 }),
  address: Type.Object({
    postcode: Type.String({ pattern: '^[1-9][0-9]{3} ?[A-Za-z]{2}$' }), houseNumber: Type.Integer({ minimum: 1 }), houseLetter: NullableText(1), addition: NullableText(4),
    street: NullableText(200), city: NullableText(100),
  }, { additionalProperties: false }),
  requestedBy: Type.Enum(['corporation', 'care_provider', 'ggd', 'police', 'hub', 'other'] as const),
  seriousNuisance: Type.Boolean(),
  careNotDeliverable: Type.Boolean(),
  note: NullableText(2000),
  nuisanceCaseId: Type.Optional(Uuid),
}, { additionalProperties: false });

const EventTypes = ['ko_decided', 'home_visit_held', 'resident_conversation', 'uvo_held', 'go_decided', 'active_mediation_placed', 'dwelling_mediated', 'leases_signed', 'goals_set', 'evaluation_held', 'hub_informed', 'concern_signalled', 'returned_to_own_name', 'ended'] as const;
const Note = NullableText(2000);
const EVENT_DATA: Record<(typeof EventTypes)[number], ReturnType<typeof Type.Object>> = {
  ko_decided: Type.Object({ suitable: Type.Boolean(), note: Note }, { additionalProperties: false }),
  home_visit_held: Type.Object({ careCannotBeDeliveredHere: Type.Boolean(), note: Note }, { additionalProperties: false }),
  resident_conversation: Type.Object({ willing: Type.Enum(['yes', 'no', 'doubtful'] as const), note: Note }, { additionalProperties: false }),
  uvo_held: Type.Object({ note: Note }, { additionalProperties: false }),
  go_decided: Type.Object({
    suitable: Type.Boolean(), residentWilling: Type.Boolean(), residentAttended: Type.Boolean(), careProviderId: Type.Union([Uuid, Type.Null()]), move: Type.Boolean(),
    termMonths: Type.Union([Type.Integer({ minimum: 1, maximum: 24 }), Type.Null()]), housingNeeds: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]), temporaryStay: Type.Boolean(),
  }, { additionalProperties: false }),
  active_mediation_placed: Type.Object({}, { additionalProperties: false }),
  dwelling_mediated: Type.Object({ address: Type.String({ minLength: 3, maxLength: 300 }), corporationCode: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false }),
  leases_signed: Type.Object({}, { additionalProperties: false }),
  goals_set: Type.Object({ goals: Type.Array(Type.String({ minLength: 2, maxLength: 500 }), { minItems: 1, maxItems: 20 }) }, { additionalProperties: false }),
  evaluation_held: Type.Object({ goalsKept: Type.Boolean(), nuisance: Type.Boolean(), note: Note }, { additionalProperties: false }),
  hub_informed: Type.Object({ about: Type.Enum(['evaluation', 'concern'] as const), note: Note }, { additionalProperties: false }),
  concern_signalled: Type.Object({ note: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false }),
  returned_to_own_name: Type.Object({ allPartiesAgree: Type.Boolean() }, { additionalProperties: false }),
  ended: Type.Object({ reason: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false }),
};
const EventBody = Type.Object({ type: Type.Enum(EventTypes), occurredOn: IsoDateSchema, data: Type.Optional(Free) }, { additionalProperties: false });

export function authorizeNewChance(req: FastifyRequest, c: LoadedNewChance, action: Action) {
  const s = subjectOf(req);
  const d = decide(s, action, newChanceResource(c));
  if (!d.allowed) {
    req.auditInfo = { resourceType: 'new_chance', resourceId: c.id, subjectOrganisationId: c.careProviderId, details: { reason: d.reason } };
    throw problem.forbidden(d.reason);
  }
  req.auditInfo = { resourceType: 'new_chance', resourceId: c.id, subjectOrganisationId: c.careProviderId, purpose: d.purpose ?? undefined };
  return { s, party: newChancePartyOf(d.relation), purpose: d.purpose ?? null };
}

/** The AFWC list names corporations by code or name (R-OV-48, configurable per municipality). */
export async function afwcKeysOf(db: Db | Trx, municipalityId: string, corporationId: string) {
  const settings = await settingsOf(db, municipalityId);
  const corp = await db.selectFrom('organisations').select(['code', 'name']).where('id', '=', corporationId).executeTakeFirst();
  return { members: settings.afwcMembers, corporationCode: corp ? (settings.afwcMembers.includes(corp.code) ? corp.code : corp.name) : '' };
}

const PROBE: Record<string, Record<string, unknown>> = {
  ko_decided: { suitable: true }, home_visit_held: { careCannotBeDeliveredHere: true }, resident_conversation: { willing: 'yes' }, uvo_held: {},
  go_decided: { suitable: true, residentWilling: true, residentAttended: false, careProviderId: NONE, move: false, termMonths: null, housingNeeds: null, temporaryStay: false },
  active_mediation_placed: {}, dwelling_mediated: { address: '-', corporationCode: '-' }, leases_signed: {}, goals_set: { goals: ['-'] },
  evaluation_held: { goalsKept: true, nuisance: false }, hub_informed: { about: 'evaluation' }, concern_signalled: { note: '-' }, returned_to_own_name: { allPartiesAgree: true }, ended: { reason: '-' },
};

async function newChanceView(db: Db, c: LoadedNewChance, s: Subject, party: ReturnType<typeof newChancePartyOf>, today: string, afwcMembers: ReadonlyArray<string>) {
  const ids = [c.hubId, c.corporationId, c.careProviderId].filter((x): x is string => !!x);
  const orgs = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
  const name = (id: string | null) => (id ? (orgs.find((o) => o.id === id)?.name ?? null) : null);
  const cal = await loadCalendar(db);
  const letters = await db.selectFrom('nuisance_letters').select(['id', 'kind', 'issued_on']).where('case_kind', '=', 'new_chance').where('case_id', '=', c.id).execute();
  const steps = (Object.keys(NEW_CHANCE_TRANSITIONS) as Array<NewChanceEventInput['type']>).filter((t) => t !== 'requested' && t !== 'letter_issued' && party && NEW_CHANCE_TRANSITIONS[t].parties.includes(party)).map((type) => {
    const v = checkNewChanceEvent({ state: c.state, party, today, afwcMembers }, { type, occurredOn: today, data: PROBE[type] } as NewChanceEventInput).filter((x) => !x.forbidden);
    return { type, label: NEW_CHANCE_TRANSITIONS[type].label, possible: v.length === 0, needs: v.map((x) => ({ nl: x.nl, en: x.en })) };
  });
  const canLetter = party === 'hub' && checkNewChanceEvent({ state: c.state, party, today, afwcMembers }, { type: 'letter_issued', occurredOn: today, data: { letterId: NONE } }).filter((x) => !x.forbidden);
  return {
    id: c.id, version: c.version, step: c.state.step, residentName: c.residentName, address: c.address, district: c.districtName ?? c.districtCode, requestedOn: c.requestedOn,
    hub: { id: c.hubId, name: name(c.hubId) }, corporation: { id: c.corporationId, name: name(c.corporationId) }, careProvider: c.careProviderId ? { id: c.careProviderId, name: name(c.careProviderId) } : null,
    granted: c.state.grantedOn !== null, grantedOn: c.state.grantedOn, decision: c.state.decision, state: c.state,
    deadlines: deriveNewChanceDeadlines(cal, c.state).map((d) => ({ key: d.key, ruleId: d.ruleId, label: d.label, actor: d.actor, due: d.due, metOn: d.metOn, closedAs: d.closedAs, overdue: !d.metOn && !d.closedAs && d.due < today })),
    events: c.events.map((e) => ({ seq: e.seq, type: e.type, label: NEW_CHANCE_TRANSITIONS[e.type].label, occurredOn: e.occurredOn, data: e.data })),
    letters: letters.map((l) => ({ id: l.id, kind: l.kind, issuedOn: l.issued_on })),
    steps,
    letter: canLetter ? { possible: canLetter.length === 0, needs: canLetter.map((x) => ({ nl: x.nl, en: x.en })) } : null,
    viewer: { party, organisationId: s.organisationId },
  };
}

export async function newChanceRoutes(app: App) {
  const db = app.deps.database.db as Db;
  const clock = app.deps.clock;

  app.post('/new-chance', {
    config: { action: 'new_chance.create', personalData: true },
    schema: { summary: 'NK-1: a partner applies to the hub for a New Chance for a tenant of an AFWC corporation (R-OV-48, R-OV-52)', body: RequestBody, response: { 201: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const b = req.body as Static<typeof RequestBody>;
    const s = subjectOf(req);
    const now = clock.now();
    const today = todayIn(clock);
    const id = await transact(app, async (trx) => {
      const corp = await trx.selectFrom('organisations').select(['id', 'type']).where('id', '=', b.corporationId).executeTakeFirst();
      if (!corp || corp.type !== 'housing_corporation') {
        throw problem.validation([{ field: '/corporationId', in: 'body', code: 'not_a_corporation', message: 'Kies de woningcorporatie van de huurder.', messageNl: 'Kies de woningcorporatie van de huurder.', messageEn: 'Choose the tenant’s housing corporation.' }]);
      }
      // The municipality: the applicant's own (the hub, Wonen) or the hub's of the tenant's corporation's region; the subject's first municipality.
      const municipalityId = s.municipalityIds?.[0] ?? (await trx.selectFrom('dwellings').select('municipality_id').where('corporation_id', '=', corp.id).executeTakeFirst())?.municipality_id;
      if (!municipalityId) throw problem.unprocessable('no_municipality', 'Het is niet duidelijk bij welk Meldpunt deze aanvraag hoort.', 'It is not clear which hub this application belongs to.', 'R-OV-21');
      const hubId = await hubOf(trx, municipalityId);
      if (!hubId) throw problem.unprocessable('no_hub', 'Deze gemeente heeft nog geen Meldpunt Zorg en Woonoverlast in Thuisroute.', 'This municipality has no nuisance hub in Thuisroute yet.', 'R-OV-21');
      const applicant = s.organisationType === 'care_provider' ? s.organisationId : null;
      const dec = decide(s, 'new_chance.create', newChanceResource({ hubId, corporationId: corp.id, careProviderId: null, applicantOrganisationId: applicant, municipalityId, state: { grantedOn: null } }));
      if (!dec.allowed) throw problem.forbidden(dec.reason);
      const a = { postcode: normalisePostcode(b.address.postcode), houseNumber: b.address.houseNumber, houseLetter: b.address.houseLetter ?? null, addition: b.address.addition ?? null, street: b.address.street ?? null, city: b.address.city ?? null };
      const dw = await trx.selectFrom('dwellings').select(['district_code', 'district_name']).where('postcode', '=', a.postcode).where('house_number', '=', a.houseNumber).executeTakeFirst();
      const row = await trx.insertInto('new_chance_cases').values({
        municipality_id: municipalityId, hub_id: hubId, district_code: dw?.district_code ?? null, district_name: dw?.district_name ?? null, address_key: addressKey(a), address: addressLine(a),
        resident_name: b.residentName, corporation_id: corp.id, care_provider_id: null, nuisance_case_id: b.nuisanceCaseId ?? null, step: 'NK-1', state: JSON.stringify({}),
        granted_on: null, requested_on: today, created_by: s.userId, created_by_organisation_id: s.organisationId, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const { members, corporationCode } = await afwcKeysOf(trx, municipalityId, corp.id);
      const party = dec.relation === 'case_hub' ? 'hub' : dec.relation === 'case_corporation' ? 'corporation' : 'care_provider';
      await recordNewChanceEvent(trx, row.id, {
        type: 'requested', occurredOn: today,
        data: { requestedBy: b.requestedBy, corporationCode, seriousNuisance: b.seriousNuisance, careNotDeliverable: b.careNotDeliverable, note: b.note ?? null },
      }, () => nuisanceActor(s, party, dec.purpose ?? null), { clock, afwcMembers: members, audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, action: 'new_chance.create', outcome: 'success' }) });
      return row.id;
    });
    const c = (await loadNewChance(db as never, id, { forUpdate: false }))!;
    const d = decide(s, 'new_chance.read', newChanceResource(c));
    setEtag(reply, c.version);
    return reply.status(201).send(await newChanceView(db, c, s, newChancePartyOf(d.relation), today, (await afwcKeysOf(db, c.municipalityId, c.corporationId)).members));
  });

  app.get('/new-chance', {
    config: { action: 'new_chance.list', personalData: true },
    schema: {
      summary: 'New Chance cases the caller may read (R-OV-64: before the grant the parties at the table; after it the chosen care provider and Wonen)',
      querystring: Type.Object({ status: Type.Optional(Type.Enum(['open', 'ended', 'all'] as const)) }, { additionalProperties: false }),
      response: { 200: Type.Array(Free), ...ProblemResponses },
    },
  }, async (req) => {
    const s = subjectOf(req);
    const scope = s.scope.length ? [...s.scope] : [NONE];
    let q = db.selectFrom('new_chance_cases as n').leftJoin('organisations as corp', 'corp.id', 'n.corporation_id')
      .select(['n.id', 'n.version', 'n.step', 'n.resident_name', 'n.address', 'n.district_name', 'n.requested_on', 'n.granted_on', 'n.ended_on', 'n.hub_id', 'n.corporation_id', 'n.care_provider_id', 'n.created_by_organisation_id', 'n.municipality_id', 'n.state', 'corp.name as corporation_name'])
      .where((eb) => eb.or([
        eb('n.hub_id', 'in', scope), eb('n.corporation_id', 'in', scope), eb('n.care_provider_id', 'in', scope), eb('n.created_by_organisation_id', 'in', scope),
        eb('n.municipality_id', 'in', s.municipalityIds?.length ? [...s.municipalityIds] : [NONE]),
      ]));
    if (req.query.status !== 'all') q = req.query.status === 'ended' ? q.where('n.ended_on', 'is not', null) : q.where('n.ended_on', 'is', null);
    const rows = await q.orderBy('n.requested_on', 'desc').limit(200).execute();
    return rows.flatMap((r) => {
      const d = decide(s, 'new_chance.read', newChanceResource({ hubId: r.hub_id, corporationId: r.corporation_id, careProviderId: r.care_provider_id, applicantOrganisationId: r.created_by_organisation_id, municipalityId: r.municipality_id, state: { grantedOn: r.granted_on } }));
      if (!d.allowed) return [];
      return [{ id: r.id, version: r.version, step: r.step, residentName: r.resident_name, address: r.address, district: r.district_name, requestedOn: r.requested_on, grantedOn: r.granted_on, endedOn: r.ended_on, corporation: r.corporation_name }];
    });
  });

  app.get('/new-chance/:id', {
    config: { action: 'new_chance.read', personalData: true },
    schema: { summary: 'One New Chance case: its step, the bodies\' decisions, deadlines, letters and the steps the caller can take now', params: IdParams, response: { 200: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const c = await loadNewChance(db as never, req.params.id, { forUpdate: false });
    if (!c) throw problem.notFound('De Nieuwe Kans-zaak', 'The New Chance case');
    const { s, party } = authorizeNewChance(req, c, 'new_chance.read');
    setEtag(reply, c.version);
    return newChanceView(db, c, s, party, todayIn(clock), (await afwcKeysOf(db, c.municipalityId, c.corporationId)).members);
  });

  app.post('/new-chance/:id/events', {
    config: { action: 'new_chance.record_event', personalData: true },
    schema: { summary: 'Record a step of the New Chance route (If-Match); refused with the rule when the route does not allow it yet', params: IdParams, body: EventBody, response: { 201: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const b = req.body;
    const data = b.data ?? {};
    await validateData(EVENT_DATA[b.type], data);
    const input = { type: b.type, occurredOn: b.occurredOn, data } as NewChanceEventInput;
    const result = await transact(app, async (trx) => {
      const current = await loadNewChance(trx, req.params.id, { forUpdate: false });
      if (!current) throw problem.notFound('De Nieuwe Kans-zaak', 'The New Chance case');
      if (input.type === 'go_decided' && input.data.careProviderId) {
        const cp = await trx.selectFrom('organisations').select('type').where('id', '=', input.data.careProviderId).executeTakeFirst();
        if (cp?.type !== 'care_provider') throw problem.validation([{ field: '/data/careProviderId', in: 'body', code: 'not_a_care_provider', message: 'Dit is geen zorgaanbieder.', messageNl: 'Dit is geen zorgaanbieder.', messageEn: 'This is not a care provider.' }]);
      }
      const { members } = await afwcKeysOf(trx, current.municipalityId, current.corporationId);
      const recorded = await recordNewChanceEvent(trx, req.params.id, input, (c) => {
        const a = authorizeNewChance(req, c, 'new_chance.record_event');
        return nuisanceActor(a.s, a.party, a.purpose);
      }, { clock, afwcMembers: members, expectedVersion: expected, audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, outcome: 'success' }) });
      return { version: recorded.version, step: recorded.case.state.step };
    });
    setEtag(reply, result.version);
    return reply.status(201).send(result);
  });
}
