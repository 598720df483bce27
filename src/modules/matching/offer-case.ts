/**
 * The offer as a kind of case on the shared case engine (case_kind 'offer'): its events in
 * `offer_events`, its state in `offers.state`, its deadlines (D-02…D-05, the R-MA-17 review) in the
 * shared deadline table. `recordOfferEvent` is the only code that inserts into `offer_events`.
 */
import { sql } from 'kysely';
import { recordCaseEvent, type CaseActor, type CaseAuditSink, type CaseAuthorizer, type CaseKind, type Recorded, type Trx } from '../../platform/cases/engine.ts';
import { writeCaseDeadlines } from '../../platform/cases/deadlines.ts';
import type { Clock } from '../../platform/clock.ts';
import { todayIn } from '../../platform/clock.ts';
import {
  OFFER_DEADLINES, checkOfferEvent, deriveOfferDeadlines, deriveOfferState,
  type OfferEvent, type OfferEventInput, type OfferFacts, type OfferParty, type OfferState,
} from '../../domain/matching/offer.ts';
import { loadCalendar } from '../calendar/index.ts';

export const OFFER_CASE = 'offer';

export interface LoadedOffer {
  id: string;
  municipalityId: string;
  dwellingId: string;
  corporationId: string;
  careProviderId: string | null;
  proposalId: string | null;
  model: 'OM-AMS' | 'OM-UTR';
  leaseType: string;
  extraClauses: string[];
  createdBy: string | null;
  version: number;
  facts: OfferFacts;
  events: Array<OfferEvent & { id: string; recordedBy: string | null; recordedByOrganisationId: string | null; recordedAt: Date }>;
  state: OfferState;
}

export interface OfferActor extends CaseActor {
  party: OfferParty | null;
  purpose: string | null;
}

export async function loadOffer(trx: Trx, id: string, opts: { forUpdate: boolean }): Promise<LoadedOffer | null> {
  let q = trx.selectFrom('offers').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const o = await q.executeTakeFirst();
  if (!o) return null;
  const evs = await trx.selectFrom('offer_events').selectAll().where('offer_id', '=', id).orderBy('seq').execute();
  const proposed = o.proposal_id
    ? ((await trx.selectFrom('proposals').select('proposed').where('id', '=', o.proposal_id).executeTakeFirst())?.proposed ?? [])
    : [];
  const facts: OfferFacts = { model: o.model, offeredOn: o.offered_on, availableOn: o.available_on, proposed };
  const events = evs.map((e) => ({
    id: e.id, seq: e.seq, type: e.type as OfferEvent['type'], occurredOn: e.occurred_on, data: e.data, recordedBy: e.recorded_by, recordedByOrganisationId: e.recorded_by_organisation_id, recordedAt: e.recorded_at,
  }));
  return {
    id: o.id, municipalityId: o.municipality_id, dwellingId: o.dwelling_id, corporationId: o.corporation_id, careProviderId: o.care_provider_id, proposalId: o.proposal_id,
    model: o.model, leaseType: o.lease_type, extraClauses: o.extra_clauses, createdBy: o.created_by, version: o.version, facts, events, state: deriveOfferState(facts, events),
  };
}

/** The offer's relation to the policy: its corporation, its care provider (once known), Wonen of its municipality. */
export function offerResource(o: { corporationId: string; careProviderId: string | null; municipalityId: string }) {
  return {
    organisationIds: [o.corporationId, ...(o.careProviderId ? [o.careProviderId] : [])],
    case: { careProviderId: o.careProviderId ?? '', corporationId: o.corporationId, teamUserIds: [], municipalityIds: [o.municipalityId] },
  };
}

export type EligibilityCheck = (trajectoryId: string) => { eligible: boolean; failing: string[] };

export function offerCaseKind(eligible: EligibilityCheck): CaseKind<LoadedOffer, OfferEventInput, OfferActor, LoadedOffer['events'][number]> {
  return {
    kind: OFFER_CASE,
    load: loadOffer,
    version: (o) => o.version,
    async check(_trx, o, input, actor, today) {
      return checkOfferEvent({ facts: o.facts, state: o.state, party: actor.party, today, eligible }, input);
    },
    async append(trx, o, input, actor, now) {
      const seq = o.events.length + 1;
      const row = await trx.insertInto('offer_events').values({
        offer_id: o.id, municipality_id: o.municipalityId, seq, type: input.type, occurred_on: input.occurredOn, data: JSON.stringify(input.data),
        recorded_by: actor.userId, recorded_by_organisation_id: actor.organisationId, recorded_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const event = { id: row.id, seq, type: input.type, occurredOn: input.occurredOn, data: input.data as Record<string, unknown>, recordedBy: actor.userId, recordedByOrganisationId: actor.organisationId, recordedAt: now };
      const events = [...o.events, event];
      return { event, after: { ...o, events, state: deriveOfferState(o.facts, events) } };
    },
    async refresh(trx, _before, after, now) {
      const s = after.state;
      // The care provider is known once a client is named (OM-UTR: the chosen candidate's).
      let careProviderId = after.careProviderId;
      if (!careProviderId && s.trajectoryId) {
        careProviderId = (await trx.selectFrom('trajectories').select('care_provider_id').where('id', '=', s.trajectoryId).executeTakeFirst())?.care_provider_id ?? null;
      }
      const row = await trx.updateTable('offers').set({
        status: s.status, trajectory_id: s.trajectoryId, care_provider_id: careProviderId, state: JSON.stringify(s), event_count: after.events.length,
        version: sql<number>`version + 1`, updated_at: now,
      }).where('id', '=', after.id).returning('version').executeTakeFirstOrThrow();
      after.careProviderId = careProviderId;
      // The dwelling follows the offer: let when final, available again when the offer ended otherwise (R-MV-22 / Example 8).
      const dwellingStatus = s.status === 'final' ? 'let' : ['declined', 'refused', 'client_refused', 'withdrawn'].includes(s.status) ? 'available' : 'offered';
      await trx.updateTable('dwellings').set({
        status: dwellingStatus, ...(s.status === 'final' ? { woningnet_withdrawn_on: s.finalOn } : {}), version: sql<number>`version + 1`, updated_at: now,
      }).where('id', '=', after.dwellingId).execute();
      const cal = await loadCalendar(trx);
      const today = todayIn({ now: () => now });
      const deadlines = deriveOfferDeadlines(cal, after.facts, s).map((d) => {
        const rule = OFFER_DEADLINES[d.ruleId];
        return {
          key: d.key, ruleId: d.ruleId, nature: rule.nature, actors: rule.actors, start: d.start, due: d.due, metOn: d.metOn, closedAs: d.closedAs,
          closedOn: d.closedAs ? today : null, computed: d.computed, organisationId: careProviderId,
        };
      });
      await writeCaseDeadlines(trx, { caseKind: OFFER_CASE, caseId: after.id, municipalityId: after.municipalityId, today }, deadlines);
      return row.version;
    },
    audit(o, event, input, actor) {
      return {
        action: 'offer.record_event', resourceType: 'offer', resourceId: o.id, subjectOrganisationId: o.careProviderId, purpose: actor.purpose,
        details: { eventId: event.id, type: input.type, occurredOn: input.occurredOn, ...(o.state.trajectoryId ? { trajectoryId: o.state.trajectoryId } : {}), ...(reasonOf(input) ? { reason: reasonOf(input) } : {}) },
      };
    },
    hooks: () => [],
  };
}

/** Every decision is audited with why (R-MA-11): the reason or reason codes of the step, where it has them. */
function reasonOf(input: OfferEventInput): string | null {
  const d = input.data as Record<string, unknown>;
  const parts = [d.reasonCodes ? (d.reasonCodes as string[]).join(',') : null, typeof d.reason === 'string' ? d.reason : null, typeof d.reasons === 'string' ? d.reasons : null].filter(Boolean);
  return parts.length ? parts.join(': ') : null;
}

export function recordOfferEvent(
  trx: Trx, offerId: string, input: OfferEventInput, authorize: CaseAuthorizer<LoadedOffer, OfferActor>,
  opts: { clock: Clock; expectedVersion?: number; audit?: CaseAuditSink; eligible: EligibilityCheck },
): Promise<Recorded<LoadedOffer, LoadedOffer['events'][number]>> {
  return recordCaseEvent(trx, offerCaseKind(opts.eligible), offerId, input, authorize, {
    today: todayIn(opts.clock), now: opts.clock.now(), expectedVersion: opts.expectedVersion, audit: opts.audit,
  });
}
