/**
 * The nuisance case as a state machine (overlast.md §6.1, Annex 1): the transitions as data, the
 * state its events derive (a pure fold) and every reason an event cannot be recorded now. Pure:
 * the shell records events through the case engine.
 *
 * Parties (§2): the care provider records the protocol's steps (reports, Actions 1–6, letters and
 * their copies, time-out, re-placement, the court's request and judgment); the corporation may link
 * a report it signals (C2); the hub links reports (C4), contacts reporters, is involved, takes the
 * lead and decides on the EIV under its lead (R-OV-37, MZ-9); the hub or the care provider closes.
 * Without support on the dwelling only the hub's events apply (R-OV-05).
 */
import { isValidIsoDate } from '../calendar/index.ts';
import { ACTION_STEPS, countsAgainst, eivRecorded, escalationCheck, isRecordedStep } from './escalation.ts';
import { FOLLOW_UPS, REQUIRED_BEFORE_CLOSE, judge } from './judgement.ts';
import { TERMINAL_STATES } from './model.ts';
import { decideReplacement } from './replacement.ts';
import { checkTimeout } from './timeout.ts';
import type { EscalationAction, LetterKind, NuisanceEvent, NuisanceEventInput, NuisanceEventType, NuisanceFacts, NuisanceParty, NuisanceState, NuisanceStatus, Violation, Words } from './model.ts';

const T = (nl: string, en: string): Words => ({ nl, en });

export interface NuisanceTransition {
  /** The statuses it may be recorded in; 'open' = any status that is not terminal. */
  from: ReadonlyArray<NuisanceStatus> | 'open';
  parties: ReadonlyArray<NuisanceParty>;
  label: Words;
  /** The rule the step carries out (the rule of a refusal for the wrong party or status). */
  rule: string;
}

const CP: ReadonlyArray<NuisanceParty> = ['care_provider'];
const HUB: ReadonlyArray<NuisanceParty> = ['hub'];
const CATEGORY_1: ReadonlyArray<NuisanceStatus> = ['heard_and_judged', 'cat1_follow_up'];

export const NUISANCE_TRANSITIONS: Record<NuisanceEventType, NuisanceTransition> = {
  report_linked: { from: 'open', parties: ['care_provider', 'corporation', 'hub'], rule: 'R-OV-03', label: T('Melding toegevoegd', 'Report added') },
  reporter_contacted: { from: 'open', parties: ['care_provider', 'hub'], rule: 'D-OV-01', label: T('Melder benaderd', 'Reporter contacted') },
  corporation_informed: { from: 'open', parties: CP, rule: 'R-OV-25', label: T('Woningcorporatie geïnformeerd over de aanpak', 'Housing corporation informed of the approach') },
  hearing_held: { from: 'open', parties: CP, rule: 'R-OV-26', label: T('Gesprek met de bewoner (wederhoor)', 'Conversation with the resident (hearing)') },
  judged: { from: 'open', parties: CP, rule: 'R-OV-26', label: T('Klacht beoordeeld', 'Complaint judged') },
  complainant_informed: { from: 'open', parties: CP, rule: 'R-OV-27', label: T('Klager geïnformeerd', 'Complainant informed') },
  six_week_check: { from: 'open', parties: CP, rule: 'D-OV-06', label: T('Na zes weken bij de klager nagevraagd', 'Checked with the complainant after six weeks') },
  follow_up_done: { from: 'open', parties: CP, rule: 'R-OV-29', label: T('Vervolgactie gedaan', 'Follow-up action done') },
  escalated: { from: ['heard_and_judged', 'cat1_follow_up', 'action_3', 'action_4', 'action_5'], parties: CP, rule: 'R-OV-39', label: T('Volgende stap van het overlastprotocol', 'Next step of the nuisance protocol') },
  action_step_done: { from: ['action_3', 'action_4', 'action_5', 'action_6', 'alternative_accepted', 'court_requested'], parties: CP, rule: 'R-OV-38', label: T('Onderdeel van de stap gedaan', 'Part of the step done') },
  letter_issued: { from: 'open', parties: CP, rule: 'R-OV-09', label: T('Brief verstuurd', 'Letter sent') },
  letter_signed: { from: 'open', parties: CP, rule: 'R-OV-31', label: T('Brief ondertekend door de bewoner', 'Letter signed by the resident') },
  letter_copied: { from: 'open', parties: CP, rule: 'R-OV-31', label: T('Kopie van de brief naar de woningcorporatie', 'Copy of the letter to the housing corporation') },
  // R-OV-20: the professional (care provider or corporation) reports the case to the hub; the hub records what it took up itself.
  hub_involved: { from: 'open', parties: ['care_provider', 'corporation', 'hub'], rule: 'R-OV-20', label: T('Meldpunt Zorg en Woonoverlast betrokken', 'Care and Housing Nuisance Hub involved') },
  hub_lead_taken: { from: 'open', parties: HUB, rule: 'MZ-8', label: T('Meldpunt heeft de regie', 'The hub has the lead') },
  eiv_decided: { from: ['action_6'], parties: HUB, rule: 'R-OV-37', label: T('Besluit over de Einde Interventie Verklaring', 'Decision on the End-of-Intervention Statement') },
  alternative_accepted: { from: ['action_6'], parties: CP, rule: 'R-OV-42', label: T('Bewoner aanvaardt andere woonvorm en zorg', 'Resident accepts alternative housing and care') },
  court_requested: { from: ['action_6'], parties: CP, rule: 'R-OV-36', label: T('Ontruimingsvonnis gevraagd aan de kantonrechter', 'Eviction judgment requested from the court') },
  court_judgment: { from: ['court_requested'], parties: CP, rule: 'R-OV-41', label: T('Uitspraak van de kantonrechter', 'Judgment of the court') },
  timeout_started: { from: 'open', parties: CP, rule: 'R-OV-43', label: T('Time-out begonnen', 'Time-out started') },
  timeout_ended: { from: 'open', parties: CP, rule: 'R-OV-43', label: T('Time-out beëindigd', 'Time-out ended') },
  replacement_decided: { from: 'open', parties: CP, rule: 'R-OV-44', label: T('Besluit over herplaatsing', 'Decision on re-placement') },
  field_table_notified: { from: 'open', parties: CP, rule: 'R-OV-47', label: T('Veldtafel geïnformeerd', 'Field table notified') },
  closed: { from: 'open', parties: ['care_provider', 'hub'], rule: 'R-OV-05', label: T('Zaak afgesloten', 'Case closed') },
};

const ACTION_STATUS: Record<EscalationAction, NuisanceStatus> = { 3: 'action_3', 4: 'action_4', 5: 'action_5', 6: 'action_6' };

/** The action a letter belongs to (§6.5); the written feedback is category 1 and addressed to the corporation. */
const LETTER_ACTION: Partial<Record<LetterKind, EscalationAction>> = { warning_letter: 3, official_warning_letter: 4, formal_notice: 5, dissolution_notice: 6 };

export function initialNuisanceState(): NuisanceState {
  return {
    status: 'received', reports: [], firstComplaintOn: null, corporationInformedOn: null, followUps: {}, action: null, actionStartedOn: {}, actionSteps: {},
    letters: [], hubInvolvedOn: null, hubSituations: [], hubLeadOn: null, eiv: null, alternativeAcceptedOn: null, courtRequestedOn: null, courtJudgment: null,
    timeout: null, replacement: null, reviewFlag: false, closedOn: null,
  };
}

/** One event applied to a state (a new state; the old one is not changed). */
export function applyNuisanceEvent(prev: NuisanceState, e: NuisanceEventInput): NuisanceState {
  const s: NuisanceState = structuredClone(prev);
  const on = e.occurredOn;
  const report = (id: string) => s.reports.find((r) => r.id === id);
  switch (e.type) {
    case 'report_linked': {
      const r = e.data.report;
      s.reports.push({ ...r, linkedOn: on, reporterContactedOn: null, heardOn: null, judgement: null, complainantInformedOn: null, sixWeekCheckOn: null, resolved: null });
      if (countsAgainst(r) && (s.firstComplaintOn === null || r.receivedOn < s.firstComplaintOn)) s.firstComplaintOn = r.receivedOn;
      break;
    }
    case 'reporter_contacted': {
      const r = report(e.data.reportId);
      if (r) r.reporterContactedOn ??= on;
      break;
    }
    case 'corporation_informed':
      // The latest time the corporation was informed: each report's D-OV-02/03/04 is met by an informing on or after its receipt.
      s.corporationInformedOn = on;
      if (s.status === 'received') s.status = 'corporation_informed';
      break;
    case 'hearing_held': {
      const r = report(e.data.reportId);
      if (r) r.heardOn ??= on;
      break;
    }
    case 'judged': {
      const r = report(e.data.reportId);
      if (!r || !countsAgainst(r)) break;
      const d = e.data;
      const j = judge(d);
      r.judgement = { row: j.row, behaviour: d.behaviour, justified: d.justifiedPerCareProvider, residentAgrees: d.residentAgreesJustified ?? null, on };
      if (j.reviewFlag) s.reviewFlag = true;
      if (s.status === 'received' || s.status === 'corporation_informed') s.status = 'heard_and_judged';
      break;
    }
    case 'complainant_informed': {
      const r = report(e.data.reportId);
      if (r) r.complainantInformedOn ??= on;
      if (s.status === 'heard_and_judged') s.status = 'cat1_follow_up';
      break;
    }
    case 'six_week_check': {
      const r = report(e.data.reportId);
      if (r) { r.sixWeekCheckOn = on; r.resolved = e.data.resolved; }
      break;
    }
    case 'follow_up_done':
      s.followUps[e.data.step] ??= on;
      if (s.status === 'heard_and_judged') s.status = 'cat1_follow_up';
      break;
    case 'escalated': {
      const a = e.data.action;
      s.action = a;
      s.actionStartedOn[a] = on;
      s.status = ACTION_STATUS[a];
      break;
    }
    case 'action_step_done': {
      const steps = (s.actionSteps[e.data.action] ??= {});
      steps[e.data.step] ??= on;
      break;
    }
    case 'letter_issued': {
      const d = e.data;
      s.letters.push({ letterId: d.letterId, kind: d.kind, action: d.action, issuedOn: on, agreementsNotKept: [...d.agreementsNotKept], signedOn: null, signature: null, readAloud: false, copiedOn: null });
      break;
    }
    case 'letter_signed': {
      const l = s.letters.find((x) => x.letterId === e.data.letterId);
      if (l) { l.signedOn = on; l.signature = e.data.signature; l.readAloud = e.data.readAloud; }
      break;
    }
    case 'letter_copied': {
      const l = s.letters.find((x) => x.letterId === e.data.letterId);
      if (l) l.copiedOn ??= on;
      break;
    }
    case 'hub_involved':
      s.hubInvolvedOn ??= on;
      for (const m of e.data.situations) if (!s.hubSituations.includes(m)) s.hubSituations.push(m);
      break;
    case 'hub_lead_taken':
      s.hubLeadOn ??= on;
      break;
    case 'eiv_decided':
      s.eiv = { issued: e.data.issued, reasonNoneNeeded: e.data.reasonNoneNeeded ?? null, on };
      break;
    case 'alternative_accepted':
      s.alternativeAcceptedOn = on;
      s.status = 'alternative_accepted';
      break;
    case 'court_requested':
      s.courtRequestedOn = on;
      s.status = 'court_requested';
      break;
    case 'court_judgment':
      s.courtJudgment = { evictionJustified: e.data.evictionJustified, on };
      if (e.data.evictionJustified) s.status = 'evicted';
      else { s.status = 'closed'; s.closedOn = on; }
      break;
    case 'timeout_started':
      s.timeout = { startOn: on, plannedEndOn: e.data.plannedEndOn, endedOn: null, outcome: null };
      break;
    case 'timeout_ended':
      if (s.timeout) { s.timeout.endedOn = on; s.timeout.outcome = e.data.outcome; }
      break;
    case 'replacement_decided':
      s.replacement = {
        decidedOn: on,
        outcome: decideReplacement({ ...e.data, swapCandidate: !!e.data.swapCandidateTrajectoryId, environmentSuitable: e.data.environmentSuitable ?? null, corporationAgrees: e.data.corporationAgrees ?? null }).outcome,
        fieldTableNotifiedOn: null,
        afterwards: e.data.verySeriousEscalation,
      };
      break;
    case 'field_table_notified':
      if (s.replacement) s.replacement.fieldTableNotifiedOn ??= on;
      break;
    case 'closed':
      s.status = 'closed';
      s.closedOn = on;
      break;
  }
  return s;
}

/** The state the events derive: a fold of applyNuisanceEvent from the initial state. */
export function deriveNuisanceState(_facts: NuisanceFacts, events: ReadonlyArray<NuisanceEvent | NuisanceEventInput>): NuisanceState {
  return events.reduce<NuisanceState>(applyNuisanceEvent, initialNuisanceState());
}

const STATUS_WORDS: Record<NuisanceStatus, Words> = {
  received: T('de klacht is net binnen', 'the complaint has just come in'),
  corporation_informed: T('de corporatie is geïnformeerd, het gesprek met de bewoner volgt', 'the corporation is informed, the conversation with the resident follows'),
  heard_and_judged: T('de klacht is beoordeeld', 'the complaint has been judged'),
  cat1_follow_up: T('de vervolgacties na de eerste klacht lopen', 'the follow-up after the first complaint is under way'),
  action_3: T('de zaak is bij de waarschuwing (stap 3)', 'the case is at the warning (step 3)'),
  action_4: T('de zaak is bij de officiële waarschuwing (stap 4)', 'the case is at the official warning (step 4)'),
  action_5: T('de zaak is bij de sommatie (stap 5)', 'the case is at the formal notice (step 5)'),
  action_6: T('de zaak is bij de ontbinding (stap 6)', 'the case is at the dissolution (step 6)'),
  alternative_accepted: T('de bewoner heeft een andere woonvorm aanvaard', 'the resident has accepted alternative housing'),
  court_requested: T('de rechter is gevraagd om een ontruimingsvonnis', 'the court has been asked for an eviction judgment'),
  evicted: T('de ontruiming is uitgesproken', 'the eviction has been ordered'),
  closed: T('de zaak is afgesloten', 'the case is closed'),
};

const v = (code: string, rule: string | null, text: Words, field?: string): Violation => ({ code, rule, nl: text.nl, en: text.en, ...(field ? { field } : {}) });

export interface NuisanceCheckContext {
  facts: NuisanceFacts;
  state: NuisanceState;
  party: NuisanceParty | null;
  today: string;
  /** D-OV-07: the night window (default 22:00–07:00). */
  nightWindow?: { from: string; to: string };
}

const allowedFrom = (t: NuisanceTransition, status: NuisanceStatus) => !TERMINAL_STATES.includes(status) && (t.from === 'open' || t.from.includes(status));

/** Every reason the event cannot be recorded now; empty when it can. */
export function checkNuisanceEvent(ctx: NuisanceCheckContext, input: NuisanceEventInput): Violation[] {
  const t = NUISANCE_TRANSITIONS[input.type];
  const s = ctx.state;
  if (!(t.parties as ReadonlyArray<NuisanceParty | null>).includes(ctx.party)) {
    return [{ ...v('actor_not_allowed', t.rule, T('Deze stap is voor een andere partij.', 'This step is for another party.')), forbidden: true }];
  }
  if (!ctx.facts.hasSupport && !t.parties.includes('hub')) {
    return [v('no_support', 'R-OV-05', T('Nog niet mogelijk: bij deze woning is geen zorgaanbieder betrokken; het Meldpunt werkt volgens zijn eigen werkwijze.', 'Not possible: no care provider is involved with this dwelling; the hub follows its regular method.'))];
  }
  if (!allowedFrom(t, s.status)) {
    const w = STATUS_WORDS[s.status];
    return [v('wrong_status', t.rule, T(`Nog niet mogelijk: ${w.nl}.`, `Not possible now: ${w.en}.`))];
  }
  const out: Violation[] = [];
  if (input.occurredOn > ctx.today) out.push(v('date_in_future', null, T('De datum ligt in de toekomst.', 'The date is in the future.'), '/occurredOn'));
  const report = (id: string) => s.reports.find((r) => r.id === id);
  const unknownReport = () => v('unknown_report', t.rule, T('Deze melding hoort niet bij deze zaak.', 'This report is not part of this case.'), '/data/reportId');
  const letter = (id: string) => s.letters.find((l) => l.letterId === id);
  const unknownLetter = () => v('unknown_letter', t.rule, T('Deze brief hoort niet bij deze zaak.', 'This letter is not part of this case.'), '/data/letterId');
  switch (input.type) {
    case 'report_linked': {
      const r = input.data.report;
      if (report(r.id)) out.push(v('duplicate_report', 'R-OV-03', T('Deze melding is al toegevoegd.', 'This report has already been added.'), '/data/report/id'));
      if (r.channel === 'C5' && r.countsAgainstResident) out.push(v('c5_never_counts', 'R-OV-10', T('Een melding van de bewoner zelf telt nooit mee tegen de bewoner.', 'A report by the resident never counts against the resident.'), '/data/report/countsAgainstResident'));
      if (r.receivedOn > ctx.today) out.push(v('date_in_future', null, T('De datum van ontvangst ligt in de toekomst.', 'The date of receipt is in the future.'), '/data/report/receivedOn'));
      break;
    }
    case 'reporter_contacted':
    case 'hearing_held':
      if (!report(input.data.reportId)) out.push(unknownReport());
      break;
    case 'judged': {
      const d = input.data;
      const r = report(d.reportId);
      if (!r) { out.push(unknownReport()); break; }
      if (!countsAgainst(r)) { out.push(v('report_does_not_count', 'R-OV-10', T('Nog niet mogelijk: een melding van de bewoner zelf over overlast door anderen wordt niet tegen de bewoner beoordeeld.', 'Not possible: a report by the resident about nuisance by others is not judged against the resident.'), '/data/reportId')); break; }
      if (r.heardOn === null) out.push(v('hearing_missing', 'R-OV-26', T('Nog niet mogelijk: leg eerst het gesprek met de bewoner over deze klacht vast.', 'Not possible yet: first record the conversation with the resident about this complaint.'), '/data/reportId'));
      if (r.judgement !== null) out.push(v('already_judged', 'R-OV-26', T('Deze klacht is al beoordeeld.', 'This complaint has already been judged.'), '/data/reportId'));
      if (d.behaviour === 'conscious' && d.justifiedPerCareProvider && (d.residentAgreesJustified ?? null) === null) {
        out.push(v('resident_view_required', 'R-OV-27', T('Geef aan of de bewoner het met het oordeel eens is.', 'State whether the resident agrees with the judgement.'), '/data/residentAgreesJustified'));
      }
      break;
    }
    case 'complainant_informed':
    case 'six_week_check': {
      const r = report(input.data.reportId);
      if (!r) { out.push(unknownReport()); break; }
      if (r.judgement === null) out.push(v('not_judged', 'R-OV-27', T('Nog niet mogelijk: beoordeel eerst de klacht.', 'Not possible yet: judge the complaint first.'), '/data/reportId'));
      else if (input.type === 'six_week_check' && r.judgement.row !== 'J3') out.push(v('no_six_week_check', 'D-OV-06', T('Een controle na zes weken hoort alleen bij onbewust gedrag en een terechte klacht.', 'A six-week check belongs only to unconscious behaviour and a justified complaint.'), '/data/reportId'));
      break;
    }
    case 'follow_up_done':
      if (!Object.hasOwn(FOLLOW_UPS, input.data.step)) out.push(v('unknown_step', 'R-OV-29', T('Deze vervolgactie bestaat niet.', 'This follow-up action does not exist.'), '/data/step'));
      break;
    case 'escalated':
      out.push(...escalationCheck(s, input.data.action, input.data.reportId, input.data.hubSkipDecision ?? null, { nightWindow: ctx.nightWindow }));
      break;
    case 'action_step_done': {
      const d = input.data;
      const def = ACTION_STEPS[d.action].find((x) => x.step === d.step);
      if (s.action === null || d.action > s.action) out.push(v('action_not_started', 'R-OV-39', T('Nog niet mogelijk: deze stap van het protocol is nog niet begonnen.', 'Not possible yet: this step of the protocol has not started.'), '/data/action'));
      if (!def) out.push(v('unknown_step', 'R-OV-38', T('Dit onderdeel hoort niet bij deze stap.', 'This item is not part of this step.'), '/data/step'));
      else if (!isRecordedStep(def)) out.push(v('recorded_elsewhere', def.rule, T('Dit onderdeel volgt uit de brief of het besluit zelf.', 'This item follows from the letter or the decision itself.'), '/data/step'));
      break;
    }
    case 'letter_issued': {
      const d = input.data;
      if (letter(d.letterId)) out.push(v('duplicate_letter', 'R-OV-09', T('Deze brief is al vastgelegd.', 'This letter has already been recorded.'), '/data/letterId'));
      const needs = LETTER_ACTION[d.kind];
      if (needs !== undefined && !d.agreementsNotKept.some((a) => a.trim() !== '')) {
        out.push(v('agreements_not_cited', 'R-OV-09', T('Noem in de brief de afspraak uit het ondersteuningsplan die niet is nagekomen.', 'Cite in the letter the agreement of the support plan that was not kept.'), '/data/agreementsNotKept'));
      }
      if (needs !== undefined && (s.action === null || s.action < needs)) out.push(v('letter_before_action', 'R-OV-39', T('Nog niet mogelijk: deze brief hoort bij een latere stap van het protocol.', 'Not possible yet: this letter belongs to a later step of the protocol.'), '/data/kind'));
      if (d.kind === 'new_chance_letter') out.push(v('wrong_case', 'R-OV-57', T('De Nieuwe Kans Brief hoort bij de Nieuwe Kansregeling.', 'The New Chance letter belongs to the New Chance scheme.'), '/data/kind'));
      break;
    }
    case 'letter_signed': {
      const l = letter(input.data.letterId);
      if (!l) { out.push(unknownLetter()); break; }
      if (l.kind === 'warning_letter' && (input.data.signature !== 'signed' || !input.data.readAloud)) out.push(v('read_aloud_and_sign', 'R-OV-31', T('De waarschuwingsbrief wordt voorgelezen en daarna door de bewoner ondertekend.', 'The warning letter is read aloud and then signed by the resident.'), '/data/readAloud'));
      if (l.kind === 'formal_notice' && input.data.signature !== 'seen') out.push(v('sign_as_seen', 'R-OV-35', T('De bewoner tekent de sommatiebrief voor gezien.', 'The resident signs the formal notice as seen.'), '/data/signature'));
      break;
    }
    case 'letter_copied':
      if (!letter(input.data.letterId)) out.push(unknownLetter());
      break;
    case 'hub_involved':
      if (!input.data.situations.length) out.push(v('situation_required', 'R-OV-20', T('Kies minstens één situatie waarom het Meldpunt wordt betrokken.', 'Choose at least one situation why the hub is involved.'), '/data/situations'));
      break;
    case 'hub_lead_taken':
      if (s.hubInvolvedOn === null) out.push(v('hub_not_involved', 'MZ-8', T('Nog niet mogelijk: het Meldpunt is nog niet betrokken.', 'Not possible yet: the hub is not involved yet.')));
      break;
    case 'eiv_decided':
      if (s.hubLeadOn === null) out.push(v('hub_lead_required', 'R-OV-37', T('Nog niet mogelijk: over de Einde Interventie Verklaring wordt besloten onder regie van het Meldpunt.', 'Not possible yet: the End-of-Intervention Statement is decided under the hub’s lead.')));
      break;
    case 'alternative_accepted':
    case 'court_requested':
      if (!s.letters.some((l) => l.kind === 'dissolution_notice')) out.push(v('dissolution_missing', 'R-OV-36', T('Nog niet mogelijk: ontbind eerst de zorgleveringsovereenkomst.', 'Not possible yet: dissolve the care delivery agreement first.')));
      if (input.type === 'court_requested' && !eivRecorded(s)) {
        out.push(v('eiv_missing', 'R-OV-37', T('Nog niet mogelijk: een verzoek tot ontruiming vraagt een Einde Interventie Verklaring of een vastgelegde reden waarom die niet nodig is.', 'Not possible yet: an eviction request needs an End-of-Intervention Statement or a recorded reason why none is needed.')));
      }
      if (input.type === 'alternative_accepted' && !input.data.description.trim()) out.push(v('description_required', 'R-OV-42', T('Beschrijf de andere woonvorm en zorg.', 'Describe the alternative housing and care.'), '/data/description'));
      break;
    case 'timeout_started': {
      const d = input.data;
      if (s.timeout !== null && s.timeout.endedOn === null) out.push(v('timeout_running', 'R-OV-43', T('Er loopt al een time-out.', 'A time-out is already running.')));
      if (!d.corporationAligned) out.push(v('corporation_not_aligned', 'R-OV-43', T('Stem de time-out eerst af met de woningcorporatie.', 'Align the time-out with the housing corporation first.'), '/data/corporationAligned'));
      if (!isValidIsoDate(d.plannedEndOn)) { out.push(v('invalid_date', 'D-OV-09', T('Geef een geldige einddatum.', 'Give a valid end date.'), '/data/plannedEndOn')); break; }
      out.push(...checkTimeout(input.occurredOn, d.plannedEndOn));
      break;
    }
    case 'timeout_ended':
      if (s.timeout === null || s.timeout.endedOn !== null) out.push(v('no_timeout', 'R-OV-43', T('Er loopt geen time-out.', 'No time-out is running.')));
      break;
    case 'field_table_notified':
      if (s.replacement === null) out.push(v('no_replacement', 'R-OV-47', T('Nog niet mogelijk: er is nog geen besluit over herplaatsing.', 'Not possible yet: there is no decision on re-placement.')));
      break;
    case 'closed':
      if (!input.data.reason.trim()) out.push(v('reason_required', 'R-OV-05', T('Geef een reden voor het afsluiten.', 'Give a reason for closing.'), '/data/reason'));
      if (CATEGORY_1.includes(s.status)) {
        for (const code of REQUIRED_BEFORE_CLOSE) {
          if (s.followUps[code] === undefined) out.push(v('follow_up_missing', 'R-OV-29', T(`Nog niet mogelijk: eerst ${FOLLOW_UPS[code].nl.toLowerCase()}.`, `Not possible yet: first ${FOLLOW_UPS[code].en.toLowerCase()}.`), code));
        }
      }
      break;
    case 'corporation_informed':
      if (!input.data.approach.trim()) out.push(v('approach_required', 'R-OV-25', T('Zeg hoe de klacht wordt aangepakt.', 'State how the complaint will be handled.'), '/data/approach'));
      break;
    case 'court_judgment':
    case 'replacement_decided':
      break;
  }
  return out;
}
