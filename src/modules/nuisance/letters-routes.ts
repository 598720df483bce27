/**
 * Letters of the nuisance protocol (overlast.md §6.5): generated from the case data as PDF, in
 * plain Dutch (or English), each citing the agreements of the support plan or supplement that
 * were not kept (R-OV-09), stored in the file with who signed when, copies to the corporation as
 * §6.5 says. Issuing, signing and copying are steps of the case (its one write path); the letter's
 * input is kept as issued, so the PDF is the same letter every time it is opened.
 */
import { Type, type Static } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact, type Trx } from '../../platform/http/tx.ts';
import { IdParams, IsoDateSchema, ProblemResponses } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn } from '../../platform/clock.ts';
import { contentDisposition, pdfFileName } from '../../platform/pdf.ts';
import { LETTER_KINDS, NUISANCE_TYPES, type LetterKind, type NuisanceType } from '../../domain/nuisance/model.ts';
import { buildLetter, checkLetter, LETTER_TITLES, type LetterInput } from '../../domain/nuisance/letters.ts';
import { renderLetterPdf } from './letters-pdf.ts';
import { loadNuisanceCase, recordNuisanceEvent } from './nuisance-case.ts';
import { loadNewChance, recordNewChanceEvent } from './new-chance-case.ts';
import { authorizeNuisance, nuisanceActor, settingsOf } from './routes.ts';
import { afwcKeysOf, authorizeNewChance } from './new-chance-routes.ts';
import { CaseEventRefused } from '../../platform/cases/engine.ts';

type Db = Kysely<Database>;
const Free = Type.Record(Type.String(), Type.Unknown());

const LetterBody = Type.Object({
  kind: Type.Enum(LETTER_KINDS.filter((k) => k !== 'new_chance_letter') as Exclude<LetterKind, 'new_chance_letter'>[]),
  /** Plain words about the behaviour that causes complaints (never care content, R-OV-68). */
  behaviour: Type.String({ minLength: 3, maxLength: 2000 }),
  /** R-OV-09: the agreements of the support plan or supplement that were not kept. */
  agreementsNotKept: Type.Array(Type.String({ minLength: 3, maxLength: 500 }), { maxItems: 10 }),
  nextSteps: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
}, { additionalProperties: false });

const SignBody = Type.Object({ signedOn: IsoDateSchema, signature: Type.Enum(['signed', 'seen'] as const), readAloud: Type.Boolean() }, { additionalProperties: false });
const CopyBody = Type.Object({ copiedOn: IsoDateSchema }, { additionalProperties: false });

const ACTION_OF: Partial<Record<LetterKind, 3 | 4 | 5 | 6>> = { warning_letter: 3, official_warning_letter: 4, formal_notice: 5, dissolution_notice: 6 };

/** Refuses a letter the domain refuses (R-OV-09, R-OV-57, R-OV-68) with the rule, before anything is written. */
function refuseIfInvalid(input: LetterInput) {
  const v = checkLetter(input);
  if (v.length) throw new CaseEventRefused(v);
}

async function letterParties(trx: Trx | Db, ids: { careProviderId: string | null; corporationId: string | null }) {
  const orgs = await trx.selectFrom('organisations').select(['id', 'name', 'phone', 'email']).where('id', 'in', [ids.careProviderId, ids.corporationId].filter((x): x is string => !!x).concat(['00000000-0000-0000-0000-000000000000'])).execute();
  return { cp: orgs.find((o) => o.id === ids.careProviderId), corp: orgs.find((o) => o.id === ids.corporationId) };
}

async function authorName(trx: Trx | Db, userId: string) {
  return (await trx.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst())?.name ?? '';
}

const ROLE_WORDS: Record<string, string> = { care_worker: 'Begeleider', team_manager: 'Teammanager', nuisance_hub_officer: 'Meldpunt Zorg en Woonoverlast' };

/** Loads a letter with its case and decides the action on the case. */
async function letterWithCase(db: Db | Trx, req: FastifyRequest, id: string, action: 'nuisance_letter.read' | 'nuisance_case.record_event') {
  const l = await db.selectFrom('nuisance_letters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!l) throw problem.notFound('De brief', 'The letter');
  if (l.case_kind === 'nuisance') {
    const c = await loadNuisanceCase(db as Trx, l.case_id, { forUpdate: false });
    const a = authorizeNuisance(req, c!, action);
    req.auditInfo = { ...req.auditInfo, resourceType: 'nuisance_letter', resourceId: l.id, details: { caseId: l.case_id, kind: l.kind } };
    return { l, party: a.party };
  }
  const c = await loadNewChance(db as Trx, l.case_id, { forUpdate: false });
  const a = authorizeNewChance(req, c!, action === 'nuisance_letter.read' ? 'new_chance.read' : 'new_chance.record_event');
  req.auditInfo = { ...req.auditInfo, resourceType: 'nuisance_letter', resourceId: l.id, details: { caseId: l.case_id, kind: l.kind } };
  return { l, party: a.party };
}

export async function letterRoutes(app: App) {
  const db = app.deps.database.db as Db;
  const clock = app.deps.clock;

  app.post('/nuisance/cases/:id/letters', {
    config: { action: 'nuisance_letter.create', personalData: true },
    schema: {
      summary: 'Issue a letter of the protocol from the case (If-Match on the case): written feedback to the corporation, warning letter (action 3), official warning (4), formal notice (5), dissolution (6)',
      params: IdParams, body: LetterBody, response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const b = req.body as Static<typeof LetterBody>;
    const s = subjectOf(req);
    const today = todayIn(clock);
    const result = await transact(app, async (trx) => {
      const c = await loadNuisanceCase(trx, req.params.id, { forUpdate: false });
      if (!c) throw problem.notFound('De overlastzaak', 'The nuisance case');
      authorizeNuisance(req, c, 'nuisance_letter.create');
      const { cp, corp } = await letterParties(trx, c);
      let residentName = '';
      if (c.trajectoryId) {
        const r = await trx.selectFrom('trajectories as t').innerJoin('clients as cl', 'cl.id', 't.client_id').select(['cl.first_name', 'cl.last_name']).where('t.id', '=', c.trajectoryId).executeTakeFirst();
        residentName = `${r?.first_name ?? ''} ${r?.last_name ?? ''}`.trim();
      }
      const types = [...new Set(c.state.reports.filter((r) => r.countsAgainstResident).map((r) => r.nuisanceType))].filter((t): t is NuisanceType => (NUISANCE_TYPES as ReadonlyArray<string>).includes(t));
      const input: LetterInput = {
        kind: b.kind, issuedOn: today, resident: { name: residentName || 'de bewoner', address: c.address },
        careProvider: { name: cp?.name ?? '', reportingPointPhone: cp?.phone ?? null, reportingPointEmail: cp?.email ?? null, outOfHoursPhone: cp?.phone ?? null },
        corporation: corp ? { name: corp.name } : null, author: { name: await authorName(trx, s.userId), role: ROLE_WORDS[s.role ?? ''] ?? '' },
        nuisanceTypes: types, behaviour: b.behaviour, agreementsNotKept: b.agreementsNotKept, nextSteps: b.nextSteps ?? null, newChance: null,
      };
      refuseIfInvalid(input);
      const row = await trx.insertInto('nuisance_letters').values({
        municipality_id: c.municipalityId, case_kind: 'nuisance', case_id: c.id, kind: b.kind, action: ACTION_OF[b.kind] ?? null, input: JSON.stringify(input),
        issued_on: today, created_by: s.userId, created_at: clock.now(),
      }).returning('id').executeTakeFirstOrThrow();
      const settings = await settingsOf(trx, c.municipalityId);
      const recorded = await recordNuisanceEvent(trx, c.id, {
        type: 'letter_issued', occurredOn: today, data: { letterId: row.id, kind: b.kind, action: ACTION_OF[b.kind] ?? null, agreementsNotKept: b.agreementsNotKept },
      }, (lc) => {
        const a = authorizeNuisance(req, lc, 'nuisance_letter.create');
        return nuisanceActor(a.s, a.party, a.purpose);
      }, { clock, settings, expectedVersion: expected, audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, action: 'nuisance_letter.create', details: { ...entry.details, letterId: row.id, kind: b.kind }, outcome: 'success' }) });
      return { id: row.id, version: recorded.version };
    });
    setEtag(reply, result.version);
    return reply.status(201).send({ id: result.id, version: result.version, kind: b.kind, issuedOn: today, title: LETTER_TITLES[b.kind] });
  });

  app.post('/new-chance/:id/letter', {
    config: { action: 'new_chance.record_event', personalData: true },
    schema: {
      summary: 'NK-5: the hub issues the New Chance letter with the GO\'s decisions (If-Match on the case); copies to the resident, the corporation and Woonzaken (R-OV-57)',
      params: IdParams, response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const s = subjectOf(req);
    const today = todayIn(clock);
    const result = await transact(app, async (trx) => {
      const c = await loadNewChance(trx, req.params.id, { forUpdate: false });
      if (!c) throw problem.notFound('De Nieuwe Kans-zaak', 'The New Chance case');
      authorizeNewChance(req, c, 'new_chance.record_event');
      const dec = c.state.decision;
      const { cp, corp } = await letterParties(trx, { careProviderId: dec?.careProviderId ?? null, corporationId: c.corporationId });
      const hub = await trx.selectFrom('organisations').select(['name', 'phone', 'email']).where('id', '=', c.hubId).executeTakeFirst();
      const input: LetterInput = {
        kind: 'new_chance_letter', issuedOn: today, resident: { name: c.residentName, address: c.address },
        careProvider: { name: hub?.name ?? '', reportingPointPhone: hub?.phone ?? null, reportingPointEmail: hub?.email ?? null, outOfHoursPhone: null },
        corporation: corp ? { name: corp.name } : null, author: { name: await authorName(trx, s.userId), role: ROLE_WORDS[s.role ?? ''] ?? '' },
        nuisanceTypes: [], behaviour: '', agreementsNotKept: [], nextSteps: null,
        newChance: dec ? { careProviderName: cp?.name ?? '', move: dec.move, termMonths: dec.termMonths, housingNeeds: dec.housingNeeds, temporaryStay: dec.temporaryStay } : null,
      };
      const row = await trx.insertInto('nuisance_letters').values({
        municipality_id: c.municipalityId, case_kind: 'new_chance', case_id: c.id, kind: 'new_chance_letter', action: null, input: JSON.stringify(input),
        issued_on: today, created_by: s.userId, created_at: clock.now(),
      }).returning('id').executeTakeFirstOrThrow();
      const { members } = await afwcKeysOf(trx, c.municipalityId, c.corporationId);
      // The route first (a letter before the GO's decision is refused with its rule), then the letter's own rules.
      const recorded = await recordNewChanceEvent(trx, c.id, { type: 'letter_issued', occurredOn: today, data: { letterId: row.id } }, (lc) => {
        const a = authorizeNewChance(req, lc, 'new_chance.record_event');
        return nuisanceActor(a.s, a.party, a.purpose);
      }, { clock, afwcMembers: members, expectedVersion: expected, audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, action: 'new_chance.letter', details: { ...entry.details, letterId: row.id }, outcome: 'success' }) });
      refuseIfInvalid(input);
      return { id: row.id, version: recorded.version };
    });
    setEtag(reply, result.version);
    return reply.status(201).send({ id: result.id, version: result.version, kind: 'new_chance_letter', issuedOn: today, title: LETTER_TITLES.new_chance_letter });
  });

  app.get('/nuisance/letters/:id/pdf', {
    config: { action: 'nuisance_letter.read', personalData: true },
    schema: {
      summary: 'The letter as PDF (title and language metadata), as issued; the corporation reads its copies only, the hub the New Chance letter',
      params: IdParams, querystring: Type.Object({ lang: Type.Optional(Type.Enum(['nl', 'en'] as const)) }, { additionalProperties: false }),
      response: { 200: Type.Unknown(), ...ProblemResponses },
    },
  }, async (req, reply) => {
    const { l, party } = await letterWithCase(db, req, req.params.id, 'nuisance_letter.read');
    // The corporation reads the copies it was sent (§6.5); the hub the New Chance letter it confirms, not the care provider's letters.
    const allowed = party === 'care_provider' || (party === 'corporation' && (l.copied_on !== null || l.kind === 'new_chance_letter' || l.kind === 'written_feedback')) || (party === 'hub' && l.kind === 'new_chance_letter') || (party === 'wonen' && l.kind === 'new_chance_letter');
    if (!allowed) throw problem.forbidden('relation_not_covered');
    const lang = req.query.lang ?? 'nl';
    const built = buildLetter(l.input as unknown as LetterInput, lang);
    const pdf = await renderLetterPdf(built, { caseId: l.case_id });
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', contentDisposition(pdfFileName([built.title, l.issued_on])));
    return reply.send(pdf);
  });

  app.post('/nuisance/letters/:id/signature', {
    config: { action: 'nuisance_case.record_event', personalData: true },
    schema: {
      summary: 'Record that the resident signed the letter after it was read aloud (warning letter) or signed it "voor gezien" (formal notice) (If-Match on the case)',
      params: IdParams, body: SignBody, response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const b = req.body as Static<typeof SignBody>;
    const s = subjectOf(req);
    const result = await transact(app, async (trx) => {
      const { l } = await letterWithCase(trx, req, req.params.id, 'nuisance_case.record_event');
      if (l.case_kind !== 'nuisance') throw problem.unprocessable('not_signed', 'Deze brief wordt niet door de bewoner getekend.', 'This letter is not signed by the resident.', 'R-OV-57');
      const c = (await loadNuisanceCase(trx, l.case_id, { forUpdate: false }))!;
      const recorded = await recordNuisanceEvent(trx, c.id, { type: 'letter_signed', occurredOn: b.signedOn, data: { letterId: l.id, signature: b.signature, readAloud: b.readAloud } }, (lc) => {
        const a = authorizeNuisance(req, lc, 'nuisance_case.record_event');
        return nuisanceActor(a.s, a.party, a.purpose);
      }, { clock, settings: await settingsOf(trx, c.municipalityId), expectedVersion: expected, audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, outcome: 'success' }) });
      await trx.updateTable('nuisance_letters').set({ signed_on: b.signedOn, signature: b.signature, signed_recorded_by: s.userId }).where('id', '=', l.id).execute();
      return { version: recorded.version };
    });
    setEtag(reply, result.version);
    return reply.status(201).send(result);
  });

  app.post('/nuisance/letters/:id/copy', {
    config: { action: 'nuisance_case.record_event', personalData: true },
    schema: { summary: 'Record that the corporation was sent its copy of the letter (§6.5) (If-Match on the case); the copy then shows on the corporation\'s side', params: IdParams, body: CopyBody, response: { 201: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const b = req.body as Static<typeof CopyBody>;
    const result = await transact(app, async (trx) => {
      const { l } = await letterWithCase(trx, req, req.params.id, 'nuisance_case.record_event');
      if (l.case_kind !== 'nuisance') throw problem.unprocessable('copy_by_hub', 'De kopieën van de Nieuwe Kans-brief gaan met de brief mee.', 'The copies of the New Chance letter go with the letter.', 'R-OV-57');
      const c = (await loadNuisanceCase(trx, l.case_id, { forUpdate: false }))!;
      const recorded = await recordNuisanceEvent(trx, c.id, { type: 'letter_copied', occurredOn: b.copiedOn, data: { letterId: l.id } }, (lc) => {
        const a = authorizeNuisance(req, lc, 'nuisance_case.record_event');
        return nuisanceActor(a.s, a.party, a.purpose);
      }, { clock, settings: await settingsOf(trx, c.municipalityId), expectedVersion: expected, audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, outcome: 'success' }) });
      await trx.updateTable('nuisance_letters').set({ copied_on: b.copiedOn }).where('id', '=', l.id).execute();
      return { version: recorded.version };
    });
    setEtag(reply, result.version);
    return reply.status(201).send(result);
  });
}

