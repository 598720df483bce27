/**
 * The offer as a case (matching.md §4.2, §5.1 step 6; omslagroute.md P3): its events, the state
 * they derive, which party may record which step when, and its deadlines D-02…D-05 (and the case
 * review after a refused one-time offer, R-MA-17). Pure: the shell records events through the
 * case engine and writes the deadlines into the shared table.
 *
 * Amsterdam (OM-AMS): the corporation offers a dwelling to a care provider, which nominates one
 * of its own clients in its reply (R-MA-13). Utrecht (OM-UTR): the platform proposes candidates,
 * the corporation chooses one (a reason when not rank 1) and the client's care provider replies.
 */
import type { WorkingCalendar } from '../calendar/index.ts';
import { computeDue } from '../calendar/index.ts';
import type { OfferModel } from './model.ts';

export type OfferStatus =
  | 'proposed' // OM-UTR: candidates proposed; the corporation chooses
  | 'offered' // OM-AMS: offered to a care provider; it nominates a client in its reply
  | 'awaiting_reply' // a client is named; the care provider replies
  | 'viewing' // the care provider asked to view the dwelling
  | 'accepted'
  | 'client_informed'
  | 'final'
  | 'declined' // the care provider declined (with reasons)
  | 'refused' // refused with reasons after the viewing (R-MA-15)
  | 'client_refused' // the client refused the one-time offer (R-MA-17)
  | 'withdrawn';

export const CLOSED_STATUSES: ReadonlyArray<OfferStatus> = ['final', 'declined', 'refused', 'client_refused', 'withdrawn'];
export const isClosed = (s: OfferStatus) => CLOSED_STATUSES.includes(s);

/** R-MA-09 / R-MA-15: reason codes of a refusal (proposal), with words. */
export const REFUSAL_REASONS = {
  not_suitable_for_client: { nl: 'De woning past niet bij de woonbehoefte van de cliënt', en: 'The dwelling does not fit the client’s housing needs' },
  neighbourhood: { nl: 'De buurt past niet (bijv. te ver van netwerk of school)', en: 'The neighbourhood does not fit (e.g. too far from network or school)' },
  accessibility: { nl: 'Toegankelijkheid (verdieping, lift, rolstoel)', en: 'Accessibility (floor, lift, wheelchair)' },
  liveability: { nl: 'Leefbaarheid van portiek of buurt', en: 'Liveability of the stairwell or neighbourhood' },
  size_or_rent: { nl: 'Grootte of huur past niet', en: 'Size or rent does not fit' },
  client_not_ready: { nl: 'De cliënt is nog niet klaar om te verhuizen', en: 'The client is not ready to move' },
  no_suitable_client: { nl: 'Geen passende cliënt beschikbaar', en: 'No suitable client available' },
  other: { nl: 'Anders', en: 'Other' },
} as const;
export type RefusalReason = keyof typeof REFUSAL_REASONS;

/** R-MA-41: the lease type of every offer. */
export const LEASE_TYPES = ['intermediary', 'omklap', 'own_name'] as const;
export type LeaseType = (typeof LEASE_TYPES)[number];

export type OfferParty = 'corporation' | 'care_provider' | 'wonen';

export type OfferEventInput =
  | { type: 'offer_made'; occurredOn: string; data: { trajectoryId?: string | null } }
  | { type: 'candidate_chosen'; occurredOn: string; data: { trajectoryId: string; rank: number; reason?: string | null } }
  | { type: 'replied'; occurredOn: string; data: { reply: 'accept' | 'request_viewing' | 'decline'; trajectoryId?: string | null; reason?: string | null; reasonCodes?: RefusalReason[]; reasons?: string | null } }
  | { type: 'viewing_held'; occurredOn: string; data: Record<string, never> }
  | { type: 'refused'; occurredOn: string; data: { reasonCodes: RefusalReason[]; reasons: string } }
  | { type: 'client_informed'; occurredOn: string; data: { choicesDiscussed: boolean } }
  | { type: 'client_refused'; occurredOn: string; data: { reasons: string } }
  | { type: 'case_review_held'; occurredOn: string; data: { outcome: string } }
  | { type: 'match_final'; occurredOn: string; data: { woningnetWithdrawn: boolean; newRegistration: boolean } }
  | { type: 'withdrawn'; occurredOn: string; data: { reason: string } };

export type OfferEventType = OfferEventInput['type'];

export interface OfferEvent { seq: number; type: OfferEventType; occurredOn: string; data: Record<string, unknown> }

export interface OfferFacts {
  model: OfferModel;
  offeredOn: string;
  availableOn: string;
  /** OM-UTR: the proposed candidates (trajectory ids) in rank order. */
  proposed: ReadonlyArray<string>;
}

export interface OfferState {
  status: OfferStatus;
  trajectoryId: string | null;
  /** The date the care provider's reply period starts: the offer (OM-AMS) or the corporation's choice (OM-UTR). */
  replyStartOn: string | null;
  repliedOn: string | null;
  reply: 'accept' | 'request_viewing' | 'decline' | null;
  viewedOn: string | null;
  refusedOn: string | null;
  clientInformedOn: string | null;
  clientRefusedOn: string | null;
  reviewHeldOn: string | null;
  finalOn: string | null;
  withdrawnOn: string | null;
  chosenRank: number | null;
}

export function deriveOfferState(facts: OfferFacts, events: ReadonlyArray<OfferEvent>): OfferState {
  const s: OfferState = {
    status: facts.model === 'OM-UTR' ? 'proposed' : 'offered', trajectoryId: null, replyStartOn: null, repliedOn: null, reply: null,
    viewedOn: null, refusedOn: null, clientInformedOn: null, clientRefusedOn: null, reviewHeldOn: null, finalOn: null, withdrawnOn: null, chosenRank: null,
  };
  for (const e of events) {
    const d = e.data;
    switch (e.type) {
      case 'offer_made':
        if (typeof d.trajectoryId === 'string') { s.trajectoryId = d.trajectoryId; s.status = 'awaiting_reply'; }
        if (facts.model === 'OM-AMS') s.replyStartOn = e.occurredOn;
        break;
      case 'candidate_chosen':
        s.trajectoryId = d.trajectoryId as string;
        s.chosenRank = d.rank as number;
        s.replyStartOn = e.occurredOn;
        s.status = 'awaiting_reply';
        break;
      case 'replied':
        s.repliedOn = e.occurredOn;
        s.reply = d.reply as OfferState['reply'];
        if (typeof d.trajectoryId === 'string') s.trajectoryId = d.trajectoryId;
        s.status = d.reply === 'decline' ? 'declined' : d.reply === 'request_viewing' ? 'viewing' : s.clientInformedOn ? 'client_informed' : 'accepted';
        break;
      case 'viewing_held':
        s.viewedOn = e.occurredOn;
        break;
      case 'refused':
        s.refusedOn = e.occurredOn;
        s.status = 'refused';
        break;
      case 'client_informed':
        s.clientInformedOn = e.occurredOn;
        if (s.status === 'accepted') s.status = 'client_informed';
        break;
      case 'client_refused':
        s.clientRefusedOn = e.occurredOn;
        s.status = 'client_refused';
        break;
      case 'case_review_held':
        s.reviewHeldOn = e.occurredOn;
        break;
      case 'match_final':
        s.finalOn = e.occurredOn;
        s.status = 'final';
        break;
      case 'withdrawn':
        s.withdrawnOn = e.occurredOn;
        s.status = 'withdrawn';
        break;
    }
  }
  return s;
}

/** Which party records which step, from which statuses (R-MA-05: neither makes the other's judgement). */
export const OFFER_TRANSITIONS: Record<OfferEventType, { party: OfferParty | 'care_provider_or_wonen'; from: ReadonlyArray<OfferStatus>; rules: string[] }> = {
  offer_made: { party: 'corporation', from: [], rules: ['R-MA-06', 'R-MA-07', 'R-MA-10'] },
  candidate_chosen: { party: 'corporation', from: ['proposed'], rules: ['R-MA-11'] },
  replied: { party: 'care_provider', from: ['offered', 'awaiting_reply', 'viewing'], rules: ['R-MA-13', 'D-02'] },
  viewing_held: { party: 'care_provider', from: ['viewing'], rules: ['R-MA-14', 'D-03'] },
  refused: { party: 'care_provider', from: ['viewing', 'accepted'], rules: ['R-MA-15', 'D-04'] },
  client_informed: { party: 'care_provider', from: ['awaiting_reply', 'viewing', 'accepted'], rules: ['R-MA-16', 'D-05'] },
  client_refused: { party: 'care_provider', from: ['accepted', 'client_informed'], rules: ['R-MA-17'] },
  case_review_held: { party: 'care_provider_or_wonen', from: ['client_refused'], rules: ['R-MA-17'] },
  match_final: { party: 'corporation', from: ['client_informed'], rules: ['R-MA-18'] },
  withdrawn: { party: 'corporation', from: ['proposed', 'offered', 'awaiting_reply', 'viewing', 'accepted', 'client_informed'], rules: ['R-MA-11'] },
};

export interface OfferViolation { code: string; rule: string | null; nl: string; en: string; field?: string; forbidden?: boolean }

/** A message in Dutch and English (the shorthand for a LocalText pair). */
const T = (nl: string, en: string) => ({ nl, en });
const v = (code: string, rule: string | null, text: { nl: string; en: string }, field?: string): OfferViolation => ({ code, rule, nl: text.nl, en: text.en, ...(field ? { field } : {}) });

const STATUS_WORDS: Record<OfferStatus, { nl: string; en: string }> = {
  proposed: { nl: 'de corporatie kiest nog een kandidaat', en: 'the corporation still has to choose a candidate' },
  offered: { nl: 'de zorgaanbieder moet nog reageren', en: 'the care provider still has to reply' },
  awaiting_reply: { nl: 'de zorgaanbieder moet nog reageren', en: 'the care provider still has to reply' },
  viewing: { nl: 'de bezichtiging loopt', en: 'the viewing is under way' },
  accepted: { nl: 'het aanbod is aanvaard', en: 'the offer has been accepted' },
  client_informed: { nl: 'de cliënt is geïnformeerd', en: 'the client has been informed' },
  final: { nl: 'de match is al definitief', en: 'the match is already final' },
  declined: { nl: 'het aanbod is afgeslagen', en: 'the offer was declined' },
  refused: { nl: 'het aanbod is afgewezen', en: 'the offer was refused' },
  client_refused: { nl: 'de cliënt heeft het eenmalige aanbod geweigerd', en: 'the client refused the one-time offer' },
  withdrawn: { nl: 'het aanbod is ingetrokken', en: 'the offer was withdrawn' },
};

export interface OfferCheckContext {
  facts: OfferFacts;
  state: OfferState;
  party: OfferParty | null;
  today: string;
  /** Candidates the care provider may nominate / the corporation may choose: eligible per the engine (R-MA-11, HC-…). */
  /** Whether the client may get the dwelling (hard constraints) and, where ranked, its place among the care provider's clients. */
  eligible: (trajectoryId: string) => { eligible: boolean; failing: string[]; rank?: number | null };
}

/** Every reason the step cannot be recorded now; empty when it can. */
export function checkOfferEvent(ctx: OfferCheckContext, input: OfferEventInput): OfferViolation[] {
  const out: OfferViolation[] = [];
  const t = OFFER_TRANSITIONS[input.type];
  const { state: s } = ctx;
  const partyOk = t.party === 'care_provider_or_wonen' ? ctx.party === 'care_provider' || ctx.party === 'wonen' : ctx.party === t.party;
  if (!partyOk) {
    return [{ ...v('actor_not_allowed', 'R-MA-05', T('Deze stap is voor een andere partij.', 'This step is for another party.')), forbidden: true }];
  }
  if (input.type !== 'offer_made' && !t.from.includes(s.status)) {
    const w = STATUS_WORDS[s.status];
    out.push(v('wrong_status', t.rules[0] ?? null, T(`Nog niet mogelijk: ${w.nl}.`, `Not possible now: ${w.en}.`)));
    return out;
  }
  if (input.occurredOn > ctx.today) out.push(v('date_in_future', null, T('De datum ligt in de toekomst.', 'The date is in the future.'), '/occurredOn'));
  if (input.occurredOn < ctx.facts.offeredOn) out.push(v('date_before_offer', null, T('De datum ligt vóór het aanbod.', 'The date is before the offer.'), '/occurredOn'));
  switch (input.type) {
    case 'candidate_chosen': {
      const d = input.data;
      if (!ctx.facts.proposed.includes(d.trajectoryId)) {
        out.push(v('not_proposed', 'R-MA-11', T('Deze kandidaat staat niet in het voorstel.', 'This candidate is not in the proposal.'), '/data/trajectoryId'));
      } else {
        const e = ctx.eligible(d.trajectoryId);
        if (!e.eligible) out.push(v('candidate_ineligible', e.failing[0] ?? 'R-MA-11', T('Deze kandidaat voldoet niet (meer) aan de harde eisen voor deze woning.', 'This candidate does not (any longer) meet the hard requirements for this dwelling.'), '/data/trajectoryId'));
        const rank = ctx.facts.proposed.indexOf(d.trajectoryId) + 1;
        if (d.rank !== rank) out.push(v('rank_mismatch', 'R-MA-11', T('De plaats van de kandidaat klopt niet met het voorstel.', 'The candidate’s rank does not match the proposal.'), '/data/rank'));
        if (rank !== 1 && !(d.reason ?? '').trim()) {
          out.push(v('reason_required', 'R-MA-11', T('Geef een reden: u kiest niet de eerste kandidaat.', 'Give a reason: you are not choosing the first candidate.'), '/data/reason'));
        }
      }
      break;
    }
    case 'replied': {
      const d = input.data;
      if (s.status === 'viewing' && (d.reply !== 'accept' || !s.viewedOn)) {
        out.push(v('viewing_first', 'R-MA-15', T('Nog niet mogelijk: na de bezichtiging aanvaardt u het aanbod of wijst u het af met redenen.', 'Not possible now: after the viewing you accept the offer or refuse it with reasons.'), '/data/reply'));
        break;
      }
      if (d.reply === 'decline') {
        if (!d.reasonCodes?.length || !(d.reasons ?? '').trim()) out.push(v('reasons_required', 'R-MA-15', T('Geef de redenen waarom u het aanbod afslaat.', 'Give the reasons why you decline the offer.'), '/data/reasons'));
        break;
      }
      if (s.status === 'offered') {
        if (!d.trajectoryId) {
          out.push(v('nomination_required', 'R-MA-13', T('Kies de cliënt voor wie u het aanbod aanneemt.', 'Choose the client you accept the offer for.'), '/data/trajectoryId'));
        } else {
          const e = ctx.eligible(d.trajectoryId);
          if (!e.eligible) out.push(v('candidate_ineligible', e.failing[0] ?? 'R-MA-11', T('Deze cliënt voldoet niet aan de harde eisen voor deze woning.', 'This client does not meet the hard requirements for this dwelling.'), '/data/trajectoryId'));
          // R-MA-11: the ranking advises; choosing another client than the first is recorded with its reason.
          else if (e.rank !== undefined && e.rank !== null && e.rank > 1 && !(d.reason ?? '').trim()) {
            out.push(v('reason_required', 'R-MA-11', T('Geef een reden: u kiest niet de cliënt die bovenaan de rangschikking staat.', 'Give a reason: you are not choosing the client at the top of the ranking.'), '/data/reason'));
          }
        }
      } else if (d.trajectoryId && d.trajectoryId !== s.trajectoryId) {
        out.push(v('other_client', 'R-MA-17', T('Dit aanbod is voor een andere cliënt.', 'This offer is for another client.'), '/data/trajectoryId'));
      }
      break;
    }
    case 'viewing_held':
      if (s.viewedOn) out.push(v('already_viewed', 'R-MA-14', T('De bezichtiging is al vastgelegd.', 'The viewing has already been recorded.')));
      break;
    case 'refused':
      if (!s.viewedOn) out.push(v('viewing_missing', 'R-MA-15', T('Nog niet mogelijk: leg eerst de bezichtiging vast.', 'Not possible now: record the viewing first.')));
      if (!input.data.reasonCodes.length || !input.data.reasons.trim()) out.push(v('reasons_required', 'R-MA-15', T('Geef de redenen van de afwijzing.', 'Give the reasons for the refusal.'), '/data/reasons'));
      break;
    case 'client_informed':
      if (s.clientInformedOn) out.push(v('already_informed', 'R-MA-16', T('De cliënt is al geïnformeerd.', 'The client has already been informed.')));
      if (!input.data.choicesDiscussed) out.push(v('choices_not_discussed', 'R-MA-17', T('Bespreek met de cliënt dat dit een eenmalig aanbod is en welke keuzes er zijn.', 'Discuss with the client that this is a one-time offer and what the choices are.'), '/data/choicesDiscussed'));
      break;
    case 'client_refused':
      if (!input.data.reasons.trim()) out.push(v('reasons_required', 'R-MA-17', T('Leg vast waarom de cliënt weigert.', 'Record why the client refuses.'), '/data/reasons'));
      break;
    case 'case_review_held':
      if (s.reviewHeldOn) out.push(v('already_reviewed', 'R-MA-17', T('De casusbespreking is al vastgelegd.', 'The case review has already been recorded.')));
      break;
    case 'match_final':
      if (!input.data.woningnetWithdrawn) out.push(v('woningnet_not_withdrawn', 'R-MA-18', T('Haal de woning eerst uit WoningNet.', 'Withdraw the dwelling from WoningNet first.'), '/data/woningnetWithdrawn'));
      break;
    case 'withdrawn':
      if (!input.data.reason.trim()) out.push(v('reason_required', 'R-MA-11', T('Geef een reden voor het intrekken.', 'Give a reason for withdrawing.'), '/data/reason'));
      break;
    case 'offer_made':
      break;
  }
  return out;
}

/** R-MA-18: the client's own WoningNet registration lapses and a new one starts, except for young adults on a youth contract. */
export function newRegistrationAfterMatch(youngAdultOnYouthContract: boolean): boolean {
  return !youngAdultOnYouthContract;
}

export const OFFER_DEADLINES = {
  'D-02': { amount: 1, actors: ['care_provider'], nature: 'MUST', label: { nl: 'Reageren op het woningaanbod', en: 'Reply to the housing offer' } },
  'D-03': { amount: 2, actors: ['care_provider'], nature: 'MUST', label: { nl: 'De woning bezichtigen', en: 'View the dwelling' } },
  'D-04': { amount: 2, actors: ['care_provider'], nature: 'MUST', label: { nl: 'Afwijzing met redenen geven', en: 'Give the refusal with reasons' } },
  'D-05': { amount: 5, actors: ['care_provider'], nature: 'MUST', label: { nl: 'De cliënt informeren over het aanbod', en: 'Inform the client of the offer' } },
  /** R-MA-17 (proposal): the case review after a refused one-time offer, within 10 working days. */
  'R-MA-17': { amount: 10, actors: ['care_provider', 'wonen'], nature: 'SHOULD', label: { nl: 'Casusbespreking na geweigerd eenmalig aanbod', en: 'Case review after a refused one-time offer' } },
} as const;
export type OfferDeadlineId = keyof typeof OFFER_DEADLINES;

export interface OfferDeadline {
  key: OfferDeadlineId;
  ruleId: OfferDeadlineId;
  start: string;
  due: string;
  metOn: string | null;
  closedAs: 'cancelled' | null;
  computed: unknown;
}

/**
 * The offer's deadlines (working days, Atw): D-02 reply within 1 working day of the offer or the
 * corporation's choice; D-03 viewing within 2 working days of availability, when a viewing is asked;
 * D-04 reasons within 2 working days of the viewing, unless accepted; D-05 the client informed within
 * 5 working days of availability, once a client is named; the R-MA-17 case review after a refusal by
 * the client. A deadline not met when the offer ends otherwise is cancelled.
 */
export function deriveOfferDeadlines(cal: WorkingCalendar, facts: OfferFacts, s: OfferState): OfferDeadline[] {
  const out: OfferDeadline[] = [];
  const ended = s.withdrawnOn !== null || s.status === 'declined' || s.refusedOn !== null || s.clientRefusedOn !== null;
  const add = (id: OfferDeadlineId, start: string, metOn: string | null, cancelled: boolean) => {
    const computed = computeDue(cal, { start, amount: OFFER_DEADLINES[id].amount, unit: 'working_days', ruleId: id });
    out.push({ key: id, ruleId: id, start, due: computed.due, metOn, closedAs: !metOn && cancelled ? 'cancelled' : null, computed });
  };
  if (s.replyStartOn) add('D-02', s.replyStartOn, s.repliedOn, ended);
  if (s.reply === 'request_viewing' || s.viewedOn) add('D-03', facts.availableOn, s.viewedOn, ended);
  if (s.viewedOn) add('D-04', s.viewedOn, s.refusedOn, s.status !== 'viewing' && !s.refusedOn);
  if (s.trajectoryId) add('D-05', facts.availableOn, s.clientInformedOn, ended);
  if (s.clientRefusedOn) add('R-MA-17', s.clientRefusedOn, s.reviewHeldOn, false);
  return out;
}

/** An offer is stalled when one of its deadlines is overdue and open: flagged to both parties. */
export function stalledOn(deadlines: ReadonlyArray<OfferDeadline>, today: string): OfferDeadline[] {
  return deadlines.filter((d) => !d.metOn && !d.closedAs && d.due < today);
}
