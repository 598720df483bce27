/**
 * Offers (matching.md §4.2, §5.1 steps 5-6): the corporation offers a dwelling to a care provider
 * (OM-AMS) or asks the platform for a proposal of candidates and chooses (OM-UTR); the care provider
 * replies, views, refuses with reasons, informs the client; the corporation makes the match final.
 * Every step goes through the offer's one write path (offer-case.ts); a step that names a client is
 * also recorded on the client's trajectory through its own write path (the offer with its id, the
 * replies, the client informed, the final match with the dwelling's municipality).
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact, type Trx } from '../../platform/http/tx.ts';
import { IdParams, IsoDateSchema, ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn } from '../../platform/clock.ts';
import { decide, type Subject } from '../../domain/policy/index.ts';
import { assess, propose } from '../../domain/matching/engine.ts';
import type { CandidateAssessment, MatchingConfig, Proposal } from '../../domain/matching/model.ts';
import {
  LEASE_TYPES, OFFER_DEADLINES, OFFER_TRANSITIONS, REFUSAL_REASONS, checkOfferEvent, deriveOfferDeadlines, isClosed, newRegistrationAfterMatch, stalledOn,
  type OfferEventInput, type OfferParty,
} from '../../domain/matching/offer.ts';
import { authorizeCase, actorOf, recordTrajectoryEvent, type LoadedTrajectory } from '../trajectories/index.ts';
import { loadCalendar } from '../calendar/index.ts';
import { candidateFacts, candidatePrefilter, currentConfig, dwellingFacts, type DwellingRow } from './candidates.ts';
import { rankedCandidates } from './proposal.ts';

/** OM-AMS: the care provider's clients shown ranked for a dwelling (the first this many, exactly). */
const AMS_LIST = 50;
import { dwellingView } from './dwellings.ts';
import { explainFor, warningsFor } from './explanations.ts';
import { loadOffer, offerResource, recordOfferEvent, type LoadedOffer, type OfferActor } from './offer-case.ts';

type Db = Kysely<Database>;
const Free = Type.Record(Type.String(), Type.Unknown());

function partyOf(relation: string | null): OfferParty | null {
  return relation === 'case_corporation' ? 'corporation' : relation === 'case_care_provider' ? 'care_provider' : relation === 'case_wonen' ? 'wonen' : null;
}

/** Whether one trajectory may get this dwelling now (hard constraints of the engine, R-MA-11). */
async function eligibilityOf(db: Db, d: DwellingRow, offerDate: string, config: MatchingConfig, trajectoryId: string, careProviderId: string | null, today: string) {
  const rows = await candidatePrefilter(db, {
    municipalityId: d.municipality_id, pool: d.pool, neighbourhoodCode: null, wheelchairSuitable: true, careProviderId, corporationId: d.corporation_id, needsMatchingConsent: false, today,
  }).where('t.id', '=', trajectoryId).execute();
  const row = rows[0];
  if (!row) return { eligible: false, failing: ['HC-10'] };
  const a = assess(dwellingFacts(d, { placementsNearby24m: 0, vulnerable: false }), candidateFacts(row, offerDate), offerDate, config);
  return { eligible: a.eligibility === 'ELIGIBLE', failing: a.failing.length ? a.failing : a.missingData };
}

function offerActor(s: Subject, relation: string | null, purpose: string | null): OfferActor {
  return { userId: s.userId, organisationId: s.organisationId!, role: s.role!, party: partyOf(relation), purpose };
}

/** The trajectory event an offer step records on the client's case (through the trajectory's write path). */
function mirrorOf(o: LoadedOffer, d: DwellingRow, input: OfferEventInput, attachedNow: boolean, youthContract: boolean): Array<{ type: string; occurredOn: string; data: Record<string, unknown> }> {
  const out: Array<{ type: string; occurredOn: string; data: Record<string, unknown> }> = [];
  if (attachedNow) {
    out.push({
      type: 'offer_received', occurredOn: input.type === 'candidate_chosen' ? input.occurredOn : o.facts.offeredOn,
      data: {
        platformOfferId: o.id, address: `${d.street ?? ''} ${d.house_number}${d.house_letter ?? ''}${d.house_number_addition ? `-${d.house_number_addition}` : ''}, ${d.postcode} ${d.city ?? ''}`.trim(),
        availableOn: d.available_on, floor: d.floor, lift: d.lift, facilities: d.facilities.join(', '), noiseAndDefects: [d.noise, ...d.defects].join('; '),
        contactName: d.contact_name, ...(d.contact_phone ? { contactPhone: d.contact_phone } : {}), ...(d.liveability_note ? { liveabilityNote: d.liveability_note } : {}), recentNuisanceFile: false,
      },
    });
  }
  switch (input.type) {
    case 'replied':
      if (input.data.reply !== 'decline') out.push({ type: 'offer_replied', occurredOn: input.occurredOn, data: { reply: input.data.reply } });
      break;
    case 'viewing_held': out.push({ type: 'viewing_held', occurredOn: input.occurredOn, data: {} }); break;
    case 'refused': out.push({ type: 'offer_refused', occurredOn: input.occurredOn, data: { reasons: input.data.reasons } }); break;
    case 'client_informed': out.push({ type: 'client_informed', occurredOn: input.occurredOn, data: { choicesDiscussed: input.data.choicesDiscussed } }); break;
    case 'client_refused': out.push({ type: 'client_refused_offer', occurredOn: input.occurredOn, data: { reasons: input.data.reasons } }); break;
    case 'withdrawn':
      if (o.state.trajectoryId) out.push({ type: 'offer_refused', occurredOn: input.occurredOn, data: { reasons: `Aanbod ingetrokken door de corporatie: ${input.data.reason}` } });
      break;
    case 'match_final':
      out.push({ type: 'match_final', occurredOn: input.occurredOn, data: { oldRegistrationKept: !newRegistrationAfterMatch(youthContract), dwellingMunicipalityId: o.municipalityId } });
      break;
    default:
      break;
  }
  return out;
}

async function recordOnTrajectory(app: App, trx: Trx, req: FastifyRequest, trajectoryId: string, corporationId: string, steps: ReturnType<typeof mirrorOf>) {
  if (!steps.length) return;
  const clock = app.deps.clock;
  // The corporation that offers becomes the trajectory's corporation (it then reads the case under matching, with consent).
  await trx.updateTable('trajectories').set({ corporation_id: corporationId }).where('id', '=', trajectoryId).where('corporation_id', 'is', null).execute();
  for (const step of steps) {
    const authorize = async (t: LoadedTrajectory) => actorOf(subjectOf(req), await authorizeCase(trx, clock, req, 'trajectory.record_event', t));
    // The offer's steps are recorded by whoever takes them on the offer (e.g. the care worker nominating a client records the offer on the case).
    await recordTrajectoryEvent(trx, trajectoryId, step as never, authorize, {
      clock, waive: ['actor_not_allowed'], audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, outcome: 'success' }),
    });
  }
}

export function offerSteps(o: LoadedOffer, party: OfferParty | null, today: string) {
  return (Object.keys(OFFER_TRANSITIONS) as Array<keyof typeof OFFER_TRANSITIONS>).filter((t) => t !== 'offer_made').map((type) => {
    const probe = { type, occurredOn: today, data: PROBE_DATA[type] } as OfferEventInput;
    const v = checkOfferEvent({ facts: o.facts, state: o.state, party, today, eligible: () => ({ eligible: true, failing: [] }) }, probe)
      .filter((x) => !['reasons_required', 'reason_required', 'nomination_required', 'choices_not_discussed', 'woningnet_not_withdrawn', 'not_proposed', 'rank_mismatch', 'other_client'].includes(x.code));
    return { type, possible: v.length === 0, forYou: !v.some((x) => x.forbidden), reason: v.find((x) => !x.forbidden) ? { nl: v[0]!.nl, en: v[0]!.en } : null };
  }).filter((s) => s.forYou);
}
const PROBE_DATA: Record<string, unknown> = {
  candidate_chosen: { trajectoryId: '', rank: 1 }, replied: { reply: 'accept' }, viewing_held: {}, refused: { reasonCodes: ['other'], reasons: 'x' },
  client_informed: { choicesDiscussed: true }, client_refused: { reasons: 'x' }, case_review_held: { outcome: 'x' }, match_final: { woningnetWithdrawn: true, newRegistration: true }, withdrawn: { reason: 'x' },
};

async function offerView(app: App, db: Db, o: LoadedOffer, s: Subject, party: OfferParty | null, today: string, lang: 'nl' | 'en' = 'nl') {
  const d = await db.selectFrom('dwellings').selectAll().where('id', '=', o.dwellingId).executeTakeFirstOrThrow();
  const cfg = await currentConfig(db, o.municipalityId);
  const orgs = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [o.corporationId, ...(o.careProviderId ? [o.careProviderId] : [])]).execute();
  const name = (id: string | null) => orgs.find((x) => x.id === id)?.name ?? null;
  const cal = await loadCalendar(db);
  const deadlines = deriveOfferDeadlines(cal, o.facts, o.state);
  const stalled = stalledOn(deadlines, today);
  let client: { trajectoryId: string; name: string | null } | null = null;
  if (o.state.trajectoryId) {
    // The client's name: the care provider always; the corporation and Wonen once a client is named for the offer (household data under matching).
    const c = await db.selectFrom('trajectories as t').innerJoin('clients as c', 'c.id', 't.client_id').select(['c.first_name', 'c.last_name', 't.client_id']).where('t.id', '=', o.state.trajectoryId).executeTakeFirst();
    client = { trajectoryId: o.state.trajectoryId, name: c ? `${c.first_name ?? ''} ${c.last_name ?? ''}`.trim() || null : null };
  }
  let proposal: unknown = null;
  if (o.proposalId && party !== 'care_provider') {
    const p = await db.selectFrom('proposals').selectAll().where('id', '=', o.proposalId).executeTakeFirstOrThrow();
    const result = p.result as unknown as Proposal;
    const audience = party === 'wonen' ? 'wonen' : 'corporation';
    proposal = {
      id: p.id, configVersion: p.config_version, offerDate: p.offer_date, short: result.short, proposedCount: result.proposed.length,
      chosen: p.chosen_trajectory_id ? { trajectoryId: p.chosen_trajectory_id, rank: p.chosen_rank, reason: p.choice_reason } : null,
      warnings: warningsFor(result.warnings, lang),
      candidates: await candidateCards(db, result.assessments.filter((a) => result.proposed.includes(a.candidateId)), audience, lang),
    };
  }
  return {
    id: o.id, version: o.version, model: o.model, status: o.state.status, offeredOn: o.facts.offeredOn, availableOn: o.facts.availableOn, leaseType: o.leaseType, extraClauses: o.extraClauses,
    oneTimeOffer: true,
    corporation: { id: o.corporationId, name: name(o.corporationId) }, careProvider: o.careProviderId ? { id: o.careProviderId, name: name(o.careProviderId) } : null,
    client,
    dwelling: dwellingView(d, s, today, cfg.config),
    state: o.state,
    deadlines: deadlines.map((x) => ({ ruleId: x.ruleId, label: OFFER_DEADLINES[x.ruleId].label, start: x.start, due: x.due, metOn: x.metOn, status: x.metOn ? 'met' : x.closedAs ? x.closedAs : x.due < today ? 'missed' : 'open' })),
    stalled: stalled.length > 0,
    stalledBy: stalled.map((x) => ({ ruleId: x.ruleId, label: OFFER_DEADLINES[x.ruleId].label, due: x.due })),
    events: o.events.map((e) => ({ seq: e.seq, type: e.type, occurredOn: e.occurredOn, data: e.data, recordedAt: e.recordedAt.toISOString() })),
    proposal,
    steps: offerSteps(o, party, today),
    refusalReasons: Object.entries(REFUSAL_REASONS).map(([code, label]) => ({ code, label })),
  };
}

/** The proposed candidates as a party may see them: the corporation the criteria and scores, a household summary, never care data (R-MA-25, R-MA-26). */
async function candidateCards(db: Db, assessments: ReadonlyArray<CandidateAssessment>, audience: 'corporation' | 'care_provider' | 'wonen', lang: 'nl' | 'en') {
  const ids = assessments.map((a) => a.candidateId);
  const rows = ids.length
    ? await db.selectFrom('trajectories as t').innerJoin('clients as c', 'c.id', 't.client_id').innerJoin('organisations as o', 'o.id', 't.care_provider_id')
      .select(['t.id', 'c.first_name', 'c.last_name', 'o.name as care_provider', sql<number>`(SELECT count(*) FROM household_members h WHERE h.client_id = c.id)`.as('members')])
      .where('t.id', 'in', ids).execute()
    : [];
  return assessments.map((a) => {
    const r = rows.find((x) => x.id === a.candidateId);
    return {
      trajectoryId: a.candidateId, rank: a.rank, score: a.score, eligibility: a.eligibility, waitDays: a.waitDays,
      name: r ? `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim() : null, careProvider: r?.care_provider ?? null, householdSize: r ? 1 + Number(r.members) : null,
      explanation: explainFor(a, audience, lang),
      breakdown: a.breakdown.map((b) => ({ code: b.id, penalty: b.penalty, unknown: b.unknown })),
      failing: a.failing,
    };
  });
}

async function authorizeOffer(db: Db, req: FastifyRequest, o: LoadedOffer, action: 'offer.read' | 'offer.record_event') {
  const s = subjectOf(req);
  const d = decide(s, action, offerResource(o));
  if (!d.allowed) {
    req.auditInfo = { resourceType: 'offer', resourceId: o.id, subjectOrganisationId: o.careProviderId, details: { reason: d.reason } };
    throw problem.forbidden(d.reason);
  }
  // A Wonen officer reads the offer, but only the case review is its step.
  req.auditInfo = { resourceType: 'offer', resourceId: o.id, subjectOrganisationId: o.careProviderId, purpose: d.purpose ?? undefined };
  return { s, relation: d.relation, purpose: d.purpose ?? null };
}

const EventBody = Type.Object({
  type: Type.Enum(['candidate_chosen', 'replied', 'viewing_held', 'refused', 'client_informed', 'client_refused', 'case_review_held', 'match_final', 'withdrawn'] as const),
  occurredOn: IsoDateSchema,
  data: Type.Optional(Free),
}, { additionalProperties: false });

const EVENT_DATA = {
  candidate_chosen: Type.Object({ trajectoryId: Uuid, rank: Type.Integer({ minimum: 1, maximum: 50 }), reason: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])) }, { additionalProperties: false }),
  replied: Type.Object({
    reply: Type.Enum(['accept', 'request_viewing', 'decline'] as const), trajectoryId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    reason: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    reasonCodes: Type.Optional(Type.Array(Type.Enum(Object.keys(REFUSAL_REASONS) as Array<keyof typeof REFUSAL_REASONS>), { maxItems: 8, uniqueItems: true })), reasons: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  }, { additionalProperties: false }),
  viewing_held: Type.Object({}, { additionalProperties: false }),
  refused: Type.Object({ reasonCodes: Type.Array(Type.Enum(Object.keys(REFUSAL_REASONS) as Array<keyof typeof REFUSAL_REASONS>), { minItems: 1, maxItems: 8, uniqueItems: true }), reasons: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
  client_informed: Type.Object({ choicesDiscussed: Type.Boolean() }, { additionalProperties: false }),
  client_refused: Type.Object({ reasons: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
  case_review_held: Type.Object({ outcome: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
  match_final: Type.Object({ woningnetWithdrawn: Type.Boolean(), newRegistration: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
  withdrawn: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
} as const;

export async function offerRoutes(app: App) {
  const { clock } = app.deps;
  const db = app.deps.database.db;
  const lang = (req: FastifyRequest): 'nl' | 'en' => (String(req.headers['accept-language'] ?? 'nl').startsWith('en') ? 'en' : 'nl');

  app.post('/offers', {
    config: { action: 'offer.create', personalData: false },
    schema: {
      summary: 'Offer a dwelling: OM-AMS to a care provider (careProviderId), OM-UTR as a proposal of candidates the corporation chooses from (R-MA-01). Refused when the dwelling may not be offered (HC-01, R-MA-07)',
      body: Type.Object({
        dwellingId: Uuid, careProviderId: Type.Optional(Uuid), trajectoryId: Type.Optional(Uuid),
        leaseType: Type.Enum(LEASE_TYPES), extraClauses: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 20 })),
      }, { additionalProperties: false }),
      response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const s = subjectOf(req);
    const b = req.body;
    const today = todayIn(clock);
    const result = await transact(app, async (trx) => {
      const d = await trx.selectFrom('dwellings').selectAll().where('id', '=', b.dwellingId).forUpdate().executeTakeFirst();
      if (!d) throw problem.notFound('De woning', 'The dwelling');
      const dec = decide(s, 'offer.create', { organisationIds: [d.corporation_id], case: { careProviderId: '', corporationId: d.corporation_id, teamUserIds: [], municipalityIds: [d.municipality_id] } });
      if (!dec.allowed) throw problem.forbidden(dec.reason);
      if (d.status !== 'available') throw problem.conflict('dwelling_not_available', 'Deze woning is al aangeboden of niet beschikbaar.', 'This dwelling is already on offer or not available.');
      const current = await currentConfig(trx, d.municipality_id);
      const model = current.config.model;
      // OM-UTR: the corporation sees the proposed candidates, so only clients whose consent covers matching (PB-1) are considered.
      const ranked = model === 'OM-UTR'
        ? await rankedCandidates(trx, d, { offerDate: today, careProviderId: null, forCorporation: true, today })
        : null;
      const cfg = ranked?.cfg ?? current;
      const facts = ranked?.facts ?? dwellingFacts(d, { placementsNearby24m: 0, vulnerable: false });
      const candidates = ranked?.candidates ?? [];
      const p = ranked?.proposal ?? propose(facts, [], today, cfg.config, cfg.version);
      if (!p.gate.offerable) {
        const nuisance = p.gate.reasons.find((r) => r.rule === 'HC-01');
        throw problem.unprocessable('not_offerable', nuisance
          ? `Deze woning heeft een recent overlastdossier en kan pas vanaf ${nuisance.until ?? 'later'} aan het programma worden aangeboden.`
          : 'Van deze woning ontbreken gegevens die bij elk aanbod horen.',
        nuisance ? `This dwelling has a recent nuisance file and can be offered to the programme from ${nuisance.until ?? 'later'}.` : 'This dwelling lacks information every offer must carry.',
        nuisance ? 'R-MA-07' : 'R-MA-06', { gate: p.gate });
      }
      let careProviderId: string | null = null;
      if (model === 'OM-AMS') {
        if (!b.careProviderId) throw problem.validation([{ field: '/careProviderId', in: 'body', code: 'required', message: 'Kies de zorgaanbieder aan wie u de woning aanbiedt.', messageNl: 'Kies de zorgaanbieder aan wie u de woning aanbiedt.', messageEn: 'Choose the care provider you offer the dwelling to.' }]);
        const cp = await trx.selectFrom('organisations').select(['id', 'type']).where('id', '=', b.careProviderId).where('active', '=', true).executeTakeFirst();
        if (!cp || cp.type !== 'care_provider') throw problem.validation([{ field: '/careProviderId', in: 'body', code: 'not_a_care_provider', message: 'Dit is geen zorgaanbieder.', messageNl: 'Dit is geen zorgaanbieder.', messageEn: 'This is not a care provider.' }]);
        careProviderId = cp.id;
      }
      let proposalId: string | null = null;
      if (model === 'OM-UTR') {
        const prop = await trx.insertInto('proposals').values({
          municipality_id: d.municipality_id, dwelling_id: d.id, corporation_id: d.corporation_id, care_provider_id: null, model, offer_date: today,
          config_version: cfg.version, config: JSON.stringify(cfg.config), dwelling_facts: JSON.stringify(facts), candidate_facts: JSON.stringify(candidates),
          result: JSON.stringify(p), proposed: sql<string[]>`${sql.val(`{${p.proposed.join(',')}}`)}::uuid[]`, created_by: s.userId, created_at: clock.now(),
        }).returning('id').executeTakeFirstOrThrow();
        proposalId = prop.id;
      }
      const o = await trx.insertInto('offers').values({
        municipality_id: d.municipality_id, dwelling_id: d.id, corporation_id: d.corporation_id, model, care_provider_id: careProviderId, trajectory_id: null, proposal_id: proposalId,
        status: model === 'OM-UTR' ? 'proposed' : 'offered', offered_on: today, available_on: d.available_on > today ? d.available_on : today, lease_type: b.leaseType,
        extra_clauses: JSON.stringify(b.extraClauses ?? []), state: JSON.stringify({}), created_by: s.userId, created_at: clock.now(), updated_at: clock.now(),
      }).returning('id').executeTakeFirstOrThrow();
      const recorded = await recordOfferEvent(trx, o.id, { type: 'offer_made', occurredOn: today, data: {} }, () => offerActor(s, 'case_corporation', dec.purpose ?? null), {
        clock, eligible: () => ({ eligible: true, failing: [] }), audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, action: 'offer.create', outcome: 'success' }),
      });
      return { id: o.id, version: recorded.version };
    });
    const o = (await loadOffer(db as never, result.id, { forUpdate: false }))!;
    setEtag(reply, o.version);
    return reply.status(201).send(await offerView(app, db, o, s, 'corporation', today, lang(req)));
  });

  app.get('/offers', {
    config: { action: 'offer.list', personalData: true },
    schema: {
      summary: 'Offers of the caller\'s organisation (corporation: its dwellings; care provider: offered to it or to its clients; Wonen: its municipality), stalled ones flagged',
      querystring: Type.Object({ status: Type.Optional(Type.Enum(['open', 'closed', 'all'] as const)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }),
      response: { 200: Type.Array(Free), ...ProblemResponses },
    },
  }, async (req) => {
    const s = subjectOf(req);
    const today = todayIn(clock);
    const scope = s.scope.length ? [...s.scope] : ['00000000-0000-0000-0000-000000000000'];
    let q = db.selectFrom('offers as o').innerJoin('dwellings as d', 'd.id', 'o.dwelling_id')
      .leftJoin('trajectories as t', 't.id', 'o.trajectory_id').leftJoin('clients as c', 'c.id', 't.client_id')
      .leftJoin('organisations as corp', 'corp.id', 'o.corporation_id').leftJoin('organisations as cp', 'cp.id', 'o.care_provider_id')
      .select(['o.id', 'o.status', 'o.model', 'o.offered_on', 'o.available_on', 'o.corporation_id', 'o.care_provider_id', 'o.municipality_id', 'o.version', 'o.trajectory_id', 'o.state',
        'd.street', 'd.house_number', 'd.house_letter', 'd.house_number_addition', 'd.postcode', 'd.city', 'd.neighbourhood_name', 'd.rooms', 'd.area_m2',
        'c.first_name', 'c.last_name', 'corp.name as corporation_name', 'cp.name as care_provider_name']);
    // The list is the detail's decision as SQL (offerResource + the grants of offer.read).
    if (s.role === 'wonen_officer') q = q.where('o.municipality_id', 'in', s.municipalityIds?.length ? [...s.municipalityIds] : ['00000000-0000-0000-0000-000000000000']);
    else q = q.where((eb) => eb.or([eb('o.corporation_id', 'in', scope), eb('o.care_provider_id', 'in', scope)]));
    if (req.query.status !== 'all') q = req.query.status === 'closed' ? q.where('o.status', 'in', ['final', 'declined', 'refused', 'client_refused', 'withdrawn']) : q.where('o.status', 'not in', ['final', 'declined', 'refused', 'client_refused', 'withdrawn']);
    const rows = await q.orderBy('o.offered_on', 'desc').orderBy('o.id').limit(req.query.limit ?? 200).execute();
    const cal = await loadCalendar(db);
    return rows.flatMap((r) => {
      const ref = { corporationId: r.corporation_id, careProviderId: r.care_provider_id, municipalityId: r.municipality_id };
      const dec = decide(s, 'offer.read', offerResource(ref));
      if (!dec.allowed) return [];
      const party = partyOf(dec.relation);
      const state = r.state as never as LoadedOffer['state'];
      const deadlines = 'status' in (r.state as object) ? deriveOfferDeadlines(cal, { model: r.model, offeredOn: r.offered_on, availableOn: r.available_on, proposed: [] }, state) : [];
      const open = deadlines.filter((x) => !x.metOn && !x.closedAs);
      const next = open.sort((a, b) => (a.due < b.due ? -1 : 1))[0];
      return [{
        id: r.id, status: r.status, model: r.model, offeredOn: r.offered_on, availableOn: r.available_on, version: r.version,
        dwelling: { address: `${r.street ?? ''} ${r.house_number}${r.house_letter ?? ''}${r.house_number_addition ? `-${r.house_number_addition}` : ''}`.trim(), postcode: r.postcode, city: r.city, neighbourhood: r.neighbourhood_name, rooms: r.rooms, areaM2: Number(r.area_m2) },
        corporation: { id: r.corporation_id, name: r.corporation_name }, careProvider: r.care_provider_id ? { id: r.care_provider_id, name: r.care_provider_name } : null,
        client: r.trajectory_id && (party === 'care_provider' || party === 'corporation') ? { trajectoryId: r.trajectory_id, name: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim() } : null,
        next: next ? { ruleId: next.ruleId, label: OFFER_DEADLINES[next.ruleId].label, due: next.due } : null,
        stalled: stalledOn(deadlines, today).length > 0,
        closed: isClosed(r.status as never),
      }];
    });
  });

  app.get('/offers/:id', {
    config: { action: 'offer.read', personalData: true },
    schema: { summary: 'One offer: dwelling, parties, deadlines, events, the proposal with its explanation (to the corporation and Wonen), and the steps the caller can take now', params: IdParams, response: { 200: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const o = await loadOffer(db as never, req.params.id, { forUpdate: false });
    if (!o) throw problem.notFound('Het aanbod', 'The offer');
    const { s, relation } = await authorizeOffer(db, req, o, 'offer.read');
    setEtag(reply, o.version);
    return offerView(app, db, o, s, partyOf(relation), todayIn(clock), lang(req));
  });

  app.get('/offers/:id/candidates', {
    config: { action: 'matching.candidates', personalData: true },
    schema: { summary: 'OM-AMS: the care provider\'s own clients ranked for the offered dwelling, with the explanation per client (R-MA-11: advisory)', params: IdParams, response: { 200: Free, ...ProblemResponses } },
  }, async (req) => {
    const o = await loadOffer(db as never, req.params.id, { forUpdate: false });
    if (!o) throw problem.notFound('Het aanbod', 'The offer');
    const { relation } = await authorizeOffer(db, req, o, 'offer.read');
    if (partyOf(relation) !== 'care_provider' || !o.careProviderId) throw problem.forbidden('relation_not_covered');
    const d = await db.selectFrom('dwellings').selectAll().where('id', '=', o.dwellingId).executeTakeFirstOrThrow();
    const today = todayIn(clock);
    const { cfg, proposal: p } = await rankedCandidates(db, d, { offerDate: o.facts.offeredOn, careProviderId: o.careProviderId, forCorporation: false, today, want: AMS_LIST, model: 'OM-AMS' });
    const assessed = p.assessments.filter((a) => a.eligibility !== 'INELIGIBLE');
    const ineligible = p.assessments.filter((a) => a.eligibility === 'INELIGIBLE');
    req.auditInfo = { resourceType: 'offer', resourceId: o.id, subjectOrganisationId: o.careProviderId, purpose: 'case_management', details: { candidates: p.assessments.length } };
    return {
      configVersion: cfg.version, warnings: warningsFor(p.warnings, lang(req)),
      candidates: await candidateCards(db, assessed, 'care_provider', lang(req)),
      ineligible: await candidateCards(db, ineligible, 'care_provider', lang(req)),
    };
  });

  app.post('/offers/:id/events', {
    config: { action: 'offer.record_event', personalData: true },
    schema: { summary: 'Record a step of the offer (If-Match); a step that names a client is recorded on the client\'s trajectory as well, in the same transaction', params: IdParams, body: EventBody, response: { 201: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const today = todayIn(clock);
    const b = req.body;
    const schema = EVENT_DATA[b.type];
    const data = b.data ?? {};
    const { Value } = await import('typebox/value');
    const errs = [...Value.Errors(schema, data)];
    if (errs.length) {
      throw problem.validation(errs.map((e) => ({ field: `/data${e.instancePath}`, in: 'body' as const, code: 'invalid', message: `Ongeldige waarde (${e.message}).`, messageNl: `Ongeldige waarde (${e.message}).`, messageEn: `Invalid value (${e.message}).` })));
    }
    const input = { type: b.type, occurredOn: b.occurredOn, data } as OfferEventInput;
    const result = await transact(app, async (trx) => {
      const current = await loadOffer(trx, req.params.id, { forUpdate: false });
      if (!current) throw problem.notFound('Het aanbod', 'The offer');
      const d = await trx.selectFrom('dwellings').selectAll().where('id', '=', current.dwellingId).executeTakeFirstOrThrow();
      const cfg = await currentConfig(trx, current.municipalityId);
      // Eligibility of a nominated or chosen client, decided now by the engine's hard constraints.
      const eligibleIds = new Map<string, { eligible: boolean; failing: string[]; rank?: number | null }>();
      const target = (input.data as { trajectoryId?: string | null }).trajectoryId;
      // OM-AMS: the care provider nominates one of its clients; the engine's ranking of them is kept as the proposal it chose from.
      const nominating = input.type === 'replied' && current.state.status === 'offered' && !!target && !!current.careProviderId;
      const ranking = nominating
        ? await rankedCandidates(trx, d, { offerDate: current.facts.offeredOn, careProviderId: current.careProviderId, forCorporation: false, today, want: AMS_LIST, model: 'OM-AMS' })
        : null;
      if (target) {
        const e = await eligibilityOf(trx, d, current.facts.offeredOn, cfg.config, target, input.type === 'replied' ? current.careProviderId : null, today);
        eligibleIds.set(target, { ...e, rank: ranking?.proposal.assessments.find((a) => a.candidateId === target)?.rank ?? null });
      }
      let rel: { relation: string | null; purpose: string | null } = { relation: null, purpose: null };
      const recorded = await recordOfferEvent(trx, req.params.id, input, async (o) => {
        const a = await authorizeOffer(trx, req, o, 'offer.record_event');
        rel = a;
        return offerActor(a.s, a.relation, a.purpose);
      }, {
        clock, expectedVersion: expected, eligible: (id) => eligibleIds.get(id) ?? { eligible: false, failing: ['HC-10'] },
        audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, outcome: 'success' }),
      });
      const after = recorded.case;
      if (ranking && target) {
        const p = ranking.proposal;
        await trx.insertInto('proposals').values({
          municipality_id: after.municipalityId, dwelling_id: d.id, corporation_id: d.corporation_id, care_provider_id: after.careProviderId, model: 'OM-AMS', offer_date: current.facts.offeredOn,
          config_version: ranking.cfg.version, config: JSON.stringify(ranking.cfg.config), dwelling_facts: JSON.stringify(ranking.facts), candidate_facts: JSON.stringify(ranking.candidates),
          result: JSON.stringify(p), proposed: sql<string[]>`${sql.val(`{${p.proposed.join(',')}}`)}::uuid[]`, chosen_trajectory_id: target,
          chosen_rank: eligibleIds.get(target)?.rank ?? null, choice_reason: (input.data as { reason?: string | null }).reason ?? null, chosen_by: subjectOf(req).userId, chosen_at: clock.now(),
          created_by: subjectOf(req).userId, created_at: clock.now(),
        }).execute();
      }
      if (input.type === 'candidate_chosen' && after.proposalId) {
        await trx.updateTable('proposals').set({ chosen_trajectory_id: input.data.trajectoryId, chosen_rank: input.data.rank, choice_reason: input.data.reason ?? null, chosen_by: subjectOf(req).userId, chosen_at: clock.now() })
          .where('id', '=', after.proposalId).execute();
      }
      const trajectoryId = after.state.trajectoryId;
      if (trajectoryId) {
        const attachedNow = current.state.trajectoryId === null;
        const youth = await trx.selectFrom('trajectories').select('target_group').where('id', '=', trajectoryId).executeTakeFirst();
        await recordOnTrajectory(app, trx, req, trajectoryId, after.corporationId, mirrorOf(current, d, input, attachedNow, /young_adult/.test(youth?.target_group ?? '')));
      }
      return { version: recorded.version, status: after.state.status, party: partyOf(rel.relation) };
    });
    setEtag(reply, result.version);
    return reply.status(201).send({ version: result.version, status: result.status });
  });
}

