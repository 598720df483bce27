/**
 * Category 2 of the nuisance protocol (overlast.md §6.4, R-OV-30…R-OV-39): the checklist of each
 * action 3–6, what is still missing before the next action, and whether an escalation may be
 * recorded. Pure.
 *
 * - R-OV-30 (proposal): each further action needs a new, similar (same nuisance type, within 12
 *   months of an earlier justified complaint of that type), justified complaint, received after
 *   the previous action started (or, from category 1, after the earlier complaint's six-week check
 *   or judgement). Only reports that count against the resident count (R-OV-10).
 * - R-OV-39: 3 → 4 → 5 → 6 in order; a skip only with a recorded hub decision while the hub is involved.
 * - The current action's checklist is complete first: R-OV-31 (action 3, the warning letter read aloud
 *   and signed), R-OV-34 (action 4, the official letter issued and copied), R-OV-35 (action 5, the
 *   formal notice signed "voor gezien").
 */
import { addPeriod } from '../calendar/index.ts';
import type { CaseLetter, CaseReport, EscalationAction, LetterKind, NuisanceState, Violation, Words } from './model.ts';

const T = (nl: string, en: string): Words => ({ nl, en });

export interface ActionStepDef { step: string; words: Words; rule: string; letter?: LetterKind }

export const ACTION_STEPS: Record<EscalationAction, ReadonlyArray<ActionStepDef>> = {
  3: [
    { step: 'warning_conversation', rule: 'R-OV-31', words: T('Waarschuwingsgesprek: welk gedrag klachten geeft, dat het moet stoppen en dat dit een waarschuwing is', 'Warning conversation: which behaviour causes complaints, that it must stop and that this is a warning') },
    { step: 'warning_letter_signed', rule: 'R-OV-31', letter: 'warning_letter', words: T('Waarschuwingsbrief voorgelezen en door de bewoner ondertekend', 'Warning letter read aloud and signed by the resident') },
    { step: 'next_steps_explained', rule: 'R-OV-31', words: T('De volgende stappen uitgelegd als het gedrag terugkomt', 'The next steps explained if the behaviour recurs') },
    { step: 'letter_archived', rule: 'R-OV-31', words: T('Brief met de nieuwe afspraken in het cliëntdossier', 'Letter with the new agreements in the client file') },
    { step: 'warning_letter_copied', rule: 'R-OV-31', letter: 'warning_letter', words: T('Kopie van de waarschuwingsbrief naar de woningcorporatie', 'Copy of the warning letter to the housing corporation') },
    { step: 'reporters_informed', rule: 'R-OV-32', words: T('Melders weten hoe zij de zorgaanbieder bereiken, ook buiten kantoortijd', 'Reporters know how to reach the care provider, also outside office hours') },
    { step: 'police_advice', rule: 'D-OV-07', words: T('Melders het advies gegeven ook de politie te bellen (overlast na 22.00 uur)', 'Reporters advised to also call the police (nuisance after 10 pm)') },
    { step: 'hub_contacted', rule: 'R-OV-33', words: T('Contact met het Meldpunt Zorg en Woonoverlast over de stappen', 'Contact with the Care and Housing Nuisance Hub about the steps') },
  ],
  4: [
    { step: 'official_warning_letter_issued', rule: 'R-OV-34', letter: 'official_warning_letter', words: T('Officiële waarschuwingsbrief verstuurd', 'Official warning letter sent') },
    { step: 'team_manager_conversation', rule: 'R-OV-34', words: T('Gesprek met de teammanager', 'Conversation with the team manager') },
    { step: 'registered_in_file', rule: 'R-OV-34', words: T('Nieuwe klachten, acties en afspraken vastgelegd in het dossier', 'New complaints, actions and agreements registered in the file') },
    { step: 'neighbours_informed', rule: 'R-OV-34', words: T('De buren geïnformeerd zoals afgesproken', 'The neighbours informed as agreed') },
    { step: 'official_warning_letter_copied', rule: 'R-OV-34', letter: 'official_warning_letter', words: T('Contactpersoon van de corporatie geïnformeerd, met kopie van de brief', 'Corporation contact informed, with a copy of the letter') },
    { step: 'hub_lead_discussed', rule: 'R-OV-34', words: T('Met het Meldpunt besproken of het de regie overneemt', 'Discussed with the hub whether it takes over the lead') },
    { step: 'legal_advice', rule: 'R-OV-38', words: T('Juridisch advies gevraagd', 'Legal advice sought') },
  ],
  5: [
    { step: 'formal_notice_issued', rule: 'R-OV-35', letter: 'formal_notice', words: T('Aangetekende sommatiebrief verstuurd', 'Registered formal notice sent') },
    { step: 'formal_notice_seen', rule: 'R-OV-35', letter: 'formal_notice', words: T('De bewoner heeft de sommatiebrief voor gezien getekend', 'The resident signed the formal notice as seen') },
    { step: 'formal_notice_filed', rule: 'R-OV-35', words: T('Brief in het cliëntdossier en het overlastdossier', 'Letter in the client file and the nuisance file') },
    { step: 'formal_notice_copied', rule: 'R-OV-35', letter: 'formal_notice', words: T('Kopie van de sommatiebrief naar de woningcorporatie', 'Copy of the formal notice to the housing corporation') },
    { step: 'legal_advice', rule: 'R-OV-38', words: T('Juridisch advies gevraagd', 'Legal advice sought') },
  ],
  6: [
    { step: 'care_agreement_dissolved', rule: 'R-OV-36', letter: 'dissolution_notice', words: T('Zorgleveringsovereenkomst ontbonden', 'Care delivery agreement dissolved') },
    { step: 'eiv', rule: 'R-OV-37', words: T('Einde Interventie Verklaring besloten (of vastgelegd waarom die niet nodig is)', 'End-of-Intervention Statement decided (or recorded why none is needed)') },
    { step: 'legal_advice', rule: 'R-OV-38', words: T('Juridisch advies gevraagd', 'Legal advice sought') },
  ],
};

/** The steps recorded with `action_step_done`; the letter steps follow from the letters and the EIV from its decision. */
export const isRecordedStep = (def: ActionStepDef) => def.letter === undefined && def.step !== 'eiv';
export const recordableSteps = (action: EscalationAction): ReadonlyArray<ActionStepDef> => ACTION_STEPS[action].filter(isRecordedStep);

/** D-OV-07: the default "after 10 pm" window (its end is a proposal). */
export const DEFAULT_NIGHT_WINDOW = { from: '22:00', to: '07:00' } as const;

/** D-OV-07: whether the nuisance took place in the night window ('YYYY-MM-DDTHH:mm'; no time → false). */
export function isNight(occurredAt: string | null, window: { from: string; to: string } = DEFAULT_NIGHT_WINDOW): boolean {
  const time = /^\d{4}-\d\d-\d\dT(\d\d:\d\d)/.exec(String(occurredAt))?.[1];
  if (time === undefined) return false;
  return window.from > window.to ? time >= window.from || time < window.to : time >= window.from && time < window.to;
}

/** R-OV-10: a report counts towards escalation only when it is against the resident (never C5). */
export const countsAgainst = (r: { channel: string; countsAgainstResident: boolean }) => r.countsAgainstResident && r.channel !== 'C5';

/** R-OV-37: an EIV was issued, or a reason why none is needed was recorded. */
export const eivRecorded = (s: NuisanceState) => s.eiv !== null && (s.eiv.issued || !!s.eiv.reasonNoneNeeded?.trim());

const lettersOf = (s: NuisanceState, kind: LetterKind): CaseLetter[] => s.letters.filter((l) => l.kind === kind);

/** Whether a step of the checklist is done: letter steps by the letters, the EIV by its record, the rest when recorded. */
export function stepDone(s: NuisanceState, action: EscalationAction, def: ActionStepDef): boolean {
  if (def.step === 'eiv') return eivRecorded(s);
  if (def.letter) {
    const ls = lettersOf(s, def.letter);
    if (def.step.endsWith('_copied')) return ls.some((l) => l.copiedOn !== null);
    if (def.step.endsWith('_seen')) return ls.some((l) => l.signature === 'seen');
    if (def.step.endsWith('_signed')) return ls.some((l) => l.signature === 'signed' && l.readAloud);
    return ls.length > 0;
  }
  if (def.step === 'hub_contacted' && s.hubInvolvedOn !== null) return true;
  return s.actionSteps[action]?.[def.step] !== undefined;
}

/** The checklist of an action; police advice only when nuisance (against the resident) took place at night (D-OV-07). */
export function stepsFor(s: NuisanceState, action: EscalationAction, opts: { nightWindow?: { from: string; to: string } } = {}): ReadonlyArray<ActionStepDef> {
  const night = s.reports.some((r) => countsAgainst(r) && isNight(r.occurredAt, opts.nightWindow));
  return ACTION_STEPS[action].filter((d) => d.step !== 'police_advice' || night);
}

/** What is still needed of an action's checklist (said before the next action is refused). */
export function missingSteps(s: NuisanceState, action: EscalationAction, opts: { nightWindow?: { from: string; to: string } } = {}): Array<{ step: string; words: Words; rule: string }> {
  return stepsFor(s, action, opts).filter((d) => !stepDone(s, action, d)).map((d) => ({ step: d.step, words: d.words, rule: d.rule }));
}

const v = (code: string, rule: string, text: Words, field: string): Violation => ({ code, rule, nl: text.nl, en: text.en, field });

type Judged = CaseReport & { judgement: NonNullable<CaseReport['judgement']> };
const justified = (r: CaseReport): r is Judged => r.judgement !== null && r.judgement.justified;

/** R-OV-30: why this report does not start the next action (empty when it does). */
function complaintCheck(s: NuisanceState, reportId: string | null): Violation[] {
  if (reportId === null) return [v('complaint_required', 'R-OV-30', T('Nog niet mogelijk: kies de nieuwe, terechte klacht die tot deze stap leidt.', 'Not possible yet: choose the new, justified complaint that leads to this step.'), '/data/reportId')];
  const r = s.reports.find((x) => x.id === reportId);
  if (!r) return [v('unknown_report', 'R-OV-30', T('Deze melding hoort niet bij deze zaak.', 'This report is not part of this case.'), '/data/reportId')];
  if (!countsAgainst(r)) return [v('report_does_not_count', 'R-OV-10', T('Nog niet mogelijk: een melding van de bewoner zelf over overlast door anderen telt nooit mee.', 'Not possible: a report by the resident about nuisance by others never counts.'), '/data/reportId')];
  if (!justified(r)) return [v('complaint_not_justified', 'R-OV-30', T('Nog niet mogelijk: deze klacht is (nog) niet terecht bevonden.', 'Not possible yet: this complaint has not been judged justified.'), '/data/reportId')];
  // Only reports against the resident are ever judged (the fold skips the others), so `justified` already counts them.
  const earlier = s.reports.filter(justified).filter((p) => p.id !== r.id && p.nuisanceType === r.nuisanceType && p.receivedOn <= r.receivedOn);
  const similar = earlier.filter((p) => addPeriod(p.receivedOn, 12, 'months') >= r.receivedOn);
  if (!similar.length) return [v('no_similar_complaint', 'R-OV-30', T('Nog niet mogelijk: er is geen eerdere terechte klacht van dezelfde soort in de 12 maanden ervoor.', 'Not possible yet: there is no earlier justified complaint of the same kind in the 12 months before.'), '/data/reportId')];
  const previous = s.action === null ? undefined : s.actionStartedOn[s.action];
  const after = previous !== undefined
    ? r.receivedOn > previous
    : similar.some((p) => r.receivedOn > (p.sixWeekCheckOn ?? p.judgement.on));
  if (!after) return [v('complaint_not_new', 'R-OV-30', T('Nog niet mogelijk: de klacht moet zijn binnengekomen na de vorige stap.', 'Not possible yet: the complaint must have come in after the previous step.'), '/data/reportId')];
  return [];
}

/** Every reason the escalation to `to` cannot be recorded now; empty when it can. */
export function escalationCheck(s: NuisanceState, to: EscalationAction, reportId: string | null, hubSkipDecision?: string | null, opts: { nightWindow?: { from: string; to: string } } = {}): Violation[] {
  const out: Violation[] = [];
  const current = s.action ?? 2;
  if (to <= current) {
    return [v('not_forward', 'R-OV-39', T('Nog niet mogelijk: deze stap is al gezet.', 'Not possible: this step has already been taken.'), '/data/action')];
  }
  if (to > current + 1) {
    if (!hubSkipDecision?.trim() || s.hubInvolvedOn === null) {
      out.push(v('skip_needs_hub_decision', 'R-OV-39', T('Nog niet mogelijk: een stap overslaan kan alleen met een vastgelegd besluit van het Meldpunt Zorg en Woonoverlast.', 'Not possible yet: skipping a step needs a recorded decision of the Care and Housing Nuisance Hub.'), '/data/hubSkipDecision'));
    }
  }
  if (s.action !== null) {
    for (const m of missingSteps(s, s.action, opts)) {
      out.push(v('step_missing', m.rule, T(`Nog niet mogelijk: eerst ${m.words.nl.toLowerCase()}.`, `Not possible yet: first ${m.words.en.toLowerCase()}.`), m.step));
    }
  }
  out.push(...complaintCheck(s, reportId));
  return out;
}
