/**
 * The home page's work queues: what waits for a role, said in words. Pure: the shell reads the open
 * deadlines of the cases the subject may read (the shared deadline table, filtered by the same
 * policy decision as the detail) and the forms waiting for a signature; this module decides which
 * queue each item belongs in and how it is worded ("Zorgaanbieder: woonevaluatie houden — uiterlijk
 * 12 december (3 dagen te laat)"). A new kind of case (offers, nuisance reports) adds rows to the
 * deadline table, and its items show up here without a new page.
 */
import { calendarDaysBetween, type IsoDate } from '../calendar/index.ts';
import { DEADLINE_RULES, type ActorKind, type DeadlineRuleId } from '../trajectories/index.ts';
import type { Role } from '../organisations/model.ts';

/** The deadlines of the nuisance protocol and the New Chance (src/domain/nuisance). */
type NuisanceRuleId = 'D-OV-01' | 'D-OV-02' | 'D-OV-03' | 'D-OV-04' | 'D-OV-05' | 'D-OV-06' | 'D-OV-08' | 'D-OV-10' | 'D-OV-11' | 'D-OV-12' | 'D-OV-13' | 'R-OV-33' | 'R-OV-61';

export interface LocalText {
  nl: string;
  en: string;
}

/** The party a role acts as in a case (null: the role has no case work of its own). */
export type Party = 'care_provider' | 'corporation' | 'wonen' | 'nuisance_hub';

export function partyOf(role: Role | null): Party | null {
  switch (role) {
    case 'care_worker':
    case 'team_manager':
    case 'independent_reviewer':
      return 'care_provider';
    case 'corporation_contact':
      return 'corporation';
    case 'wonen_officer':
      return 'wonen';
    case 'nuisance_hub_officer':
      return 'nuisance_hub';
    default:
      return null;
  }
}

/** The parties by name, as people read them. */
export const ACTOR_NAMES: Readonly<Record<ActorKind | 'client', LocalText>> = {
  care_provider: { nl: 'Zorgaanbieder', en: 'Care provider' },
  corporation: { nl: 'Woningcorporatie', en: 'Housing corporation' },
  wonen: { nl: 'Wonen', en: 'Wonen' },
  nuisance_hub: { nl: 'Meldpunt', en: 'Nuisance hub' },
  independent_reviewer: { nl: 'Onafhankelijke toetser', en: 'Independent reviewer' },
  client: { nl: 'Bewoner', en: 'Resident' },
};

/** What a deadline asks to be done, as a short task (the rule's label is the fallback for rules not listed). */
/** What each deadline asks, by rule: the Omslagroute's (DeadlineRuleId) and those of other kinds of case (R-MA-17: the offer's case review). */
export const DEADLINE_TASKS: Readonly<Partial<Record<DeadlineRuleId | 'R-MA-17' | NuisanceRuleId, LocalText>>> = {
  'D-01': { nl: 'passend woningaanbod doen', en: 'make a suitable housing offer' },
  'D-02': { nl: 'reageren op het woningaanbod', en: 'reply to the housing offer' },
  'D-03': { nl: 'de woning bezichtigen', en: 'view the dwelling' },
  'D-04': { nl: 'afwijzing met redenen geven', en: 'give the refusal with reasons' },
  'D-05': { nl: 'de cliënt informeren over het aanbod', en: 'inform the client of the offer' },
  'R-MA-17': { nl: 'casusbespreking na het geweigerde eenmalige aanbod', en: 'case review after the refused one-time offer' },
  'D-06': { nl: 'begeleidingsplan opstellen', en: 'draw up the support plan' },
  'D-07': { nl: 'kennismakingsgesprek inplannen', en: 'schedule the introduction meeting' },
  'D-08': { nl: 'kennismakingsgesprek houden', en: 'hold the introduction meeting' },
  'D-10': { nl: 'woonevaluatie houden', en: 'hold the housing evaluation' },
  'D-11': { nl: 'woonevaluatie houden', en: 'hold the housing evaluation' },
  'D-12': { nl: 'fibu-evaluatie houden', en: 'hold the fibu evaluation' },
  'D-13': { nl: 'voordracht bevestigen of retourneren', en: 'confirm or return the nomination' },
  'D-14': { nl: 'huurcontract op eigen naam regelen', en: 'arrange the lease in the resident’s own name' },
  'D-15': { nl: 'WoningNet-inschrijving verlengen', en: 'renew the WoningNet registration' },
  'D-16': { nl: 'lichte begeleiding afronden', en: 'end the light support' },
  'D-OV-09': { nl: 'time-out beëindigen', en: 'end the time-out' },
  // The nuisance protocol (overlast.md §4) and the New Chance (Annex 5).
  'D-OV-01': { nl: 'contact opnemen met de melder van overlast', en: 'approach the reporter of nuisance' },
  'D-OV-02': { nl: 'de corporatie direct informeren over de aanpak van de overlast', en: 'inform the corporation at once of how the nuisance is handled' },
  'D-OV-03': { nl: 'reageren op het signaal van de corporatie', en: 'respond to the corporation’s signal' },
  'D-OV-04': { nl: 'de corporatie laten weten hoe de klacht wordt aangepakt', en: 'tell the corporation how the complaint is handled' },
  'D-OV-05': { nl: 'overlast binnen drie maanden verholpen (bewaken)', en: 'nuisance resolved within three months (monitor)' },
  'D-OV-06': { nl: 'bij de klager navragen of de overlast is verholpen', en: 'ask the complainant whether the nuisance is resolved' },
  'D-OV-08': { nl: 'wederhoor: gesprek met de bewoner over de klacht', en: 'hear the resident on the complaint' },
  'D-OV-10': { nl: 'ruil of voorrang melden bij de veldtafel', en: 'report the swap or priority to the field table' },
  'D-OV-11': { nl: 'een andere woning bemiddelen binnen de termijn van de Nieuwe Kans', en: 'mediate another dwelling within the New Chance term' },
  'D-OV-12': { nl: 'de woondoelen van de Nieuwe Kans evalueren', en: 'evaluate the New Chance housing goals' },
  'D-OV-13': { nl: 'het Meldpunt informeren over de zorgen', en: 'inform the hub of the concerns' },
  'R-OV-33': { nl: 'contact opnemen met het Meldpunt over de stappen', en: 'contact the hub about the steps' },
  'R-OV-61': { nl: 'het Meldpunt informeren over de uitkomst van de evaluatie', en: 'inform the hub of the evaluation outcome' },
  'D-WON-1': { nl: 'besluiten op de urgentieaanvraag', en: 'decide on the urgency request' },
};

const GENERIC_TASK: LocalText = { nl: 'termijn afhandelen', en: 'handle the deadline' };

/** The task of a deadline rule in words; a rule this table does not know reads as its label. */
export function taskOf(ruleId: string): LocalText {
  const task = DEADLINE_TASKS[ruleId as DeadlineRuleId | 'R-MA-17' | NuisanceRuleId];
  if (task) return task;
  const rule = (DEADLINE_RULES as Readonly<Record<string, { label: LocalText } | undefined>>)[ruleId];
  return rule ? rule.label : GENERIC_TASK;
}

/** "Zorgaanbieder", "Zorgaanbieder en Wonen", "Zorgaanbieder, woningcorporatie en Wonen". */
export function actorsText(actors: ReadonlyArray<string>): LocalText {
  const known = actors.filter((a): a is ActorKind => a in ACTOR_NAMES);
  if (!known.length) return { nl: 'Onbekende partij', en: 'Unknown party' };
  const join = (lang: 'nl' | 'en') => {
    const names = known.map((a, i) => {
      const n = ACTOR_NAMES[a][lang];
      // Only the first name starts with a capital (Wonen is a name and keeps its capital).
      return i === 0 || a === 'wonen' ? n : n.charAt(0).toLowerCase() + n.slice(1);
    });
    if (names.length === 1) return names[0]!;
    return `${names.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${names[names.length - 1]}`;
  };
  return { nl: join('nl'), en: join('en') };
}

const MONTHS: Readonly<Record<'nl' | 'en', ReadonlyArray<string>>> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "12 december", with the year when it is not the year of `asOf` ("12 december 2027"). */
export function dayMonth(date: IsoDate, asOf: IsoDate, lang: 'nl' | 'en'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const base = `${d} ${MONTHS[lang][m - 1]}`;
  return date.slice(0, 4) === asOf.slice(0, 4) ? base : `${base} ${y}`;
}

/** "(3 dagen te laat)", "(vandaag)", "(nog 4 dagen)" — calendar days from `asOf`. */
export function dueText(due: IsoDate | null, asOf: IsoDate): LocalText {
  if (due === null) return { nl: 'gepauzeerd', en: 'paused' };
  const days = calendarDaysBetween(asOf, due);
  const when = (lang: 'nl' | 'en') => `${lang === 'nl' ? 'uiterlijk' : 'by'} ${dayMonth(due, asOf, lang)}`;
  if (days < 0) {
    const late = -days;
    return { nl: `${when('nl')} (${late} ${late === 1 ? 'dag' : 'dagen'} te laat)`, en: `${when('en')} (${late} ${late === 1 ? 'day' : 'days'} late)` };
  }
  if (days === 0) return { nl: `${when('nl')} (vandaag)`, en: `${when('en')} (today)` };
  return { nl: `${when('nl')} (nog ${days} ${days === 1 ? 'dag' : 'dagen'})`, en: `${when('en')} (${days} ${days === 1 ? 'day' : 'days'} left)` };
}

/** An open deadline of a case the subject may read (one row of the shared deadline table). */
export interface QueueDeadline {
  caseKind: string;
  caseId: string;
  trajectoryId: string | null;
  clientId: string | null;
  clientName: string | null;
  key: string;
  ruleId: string;
  actors: ReadonlyArray<string>;
  due: IsoDate | null;
  /** The user the deadline is assigned to (the personal supervisor, the corporation's contact), if any. */
  assigneeUserId: string | null;
  /** Whether the subject is on the case team. */
  onTeam: boolean;
}

/** A submitted form that still lacks signatures. */
export interface QueueSignature {
  formId: string;
  formTitle: LocalText;
  trajectoryId: string;
  clientId: string | null;
  clientName: string | null;
  missing: ReadonlyArray<'client' | 'care_provider' | 'corporation'>;
}

/** A nomination (transfer) waiting for the independent review. */
export interface QueueReview {
  trajectoryId: string;
  clientId: string | null;
  clientName: string | null;
  since: IsoDate | null;
}

export const QUEUE_KEYS = ['overdue', 'dueSoon', 'toSign', 'offers', 'urgency', 'nominations', 'transfers', 'reviews', 'waitingOnOthers', 'organisationOverdue'] as const;
export type QueueKey = (typeof QUEUE_KEYS)[number];

export interface QueueItem {
  /** What is needed and by whom, in words. */
  text: LocalText;
  /** The date part ("uiterlijk 12 december (3 dagen te laat)"), null for items without a date. */
  when: LocalText | null;
  clientName: string | null;
  caseKind: string;
  caseId: string;
  trajectoryId: string | null;
  clientId: string | null;
  due: IsoDate | null;
  overdue: boolean;
  /** Data only (never shown as text): the rule the item comes from, the form. */
  ruleId: string | null;
  key: string | null;
  formId: string | null;
  /** Who must act. */
  actors: string[];
}

export interface HomeQueues {
  counts: Record<QueueKey, number>;
  queues: Array<{ key: QueueKey; items: QueueItem[] }>;
}

export interface QueueInput {
  role: Role | null;
  userId: string;
  asOf: IsoDate;
  /** Deadlines due on or before this date are "due soon" (asOf + 10 working days). */
  horizon: IsoDate;
  deadlines: ReadonlyArray<QueueDeadline>;
  signatures: ReadonlyArray<QueueSignature>;
  reviews: ReadonlyArray<QueueReview>;
}

/** The queues each role has, in the order the home page shows them. */
export const ROLE_QUEUES: Readonly<Record<Role, ReadonlyArray<QueueKey>>> = {
  care_worker: ['overdue', 'dueSoon', 'toSign', 'waitingOnOthers'],
  corporation_contact: ['overdue', 'offers', 'dueSoon', 'toSign', 'waitingOnOthers'],
  wonen_officer: ['urgency', 'nominations', 'transfers', 'overdue'],
  independent_reviewer: ['reviews'],
  team_manager: ['organisationOverdue', 'dueSoon'],
  nuisance_hub_officer: ['overdue', 'dueSoon'],
  programme_analyst: [],
  org_admin: [],
  platform_admin: [],
  platform_editor: [],
};

const NOMINATION_RULE = 'D-13';
/** D-01: the offer clock (R-OR-13); its open deadlines are the corporation's clients waiting for an offer, however far the due date. */
const OFFER_RULE = 'D-01';
const TRANSFER_RULE = 'D-14';

export function deadlineItem(d: QueueDeadline, asOf: IsoDate): QueueItem {
  const who = actorsText(d.actors);
  const task = taskOf(d.ruleId);
  return {
    text: { nl: `${who.nl}: ${task.nl}`, en: `${who.en}: ${task.en}` },
    when: dueText(d.due, asOf),
    clientName: d.clientName,
    caseKind: d.caseKind,
    caseId: d.caseId,
    trajectoryId: d.trajectoryId,
    clientId: d.clientId,
    due: d.due,
    overdue: d.due !== null && d.due < asOf,
    ruleId: d.ruleId,
    key: d.key,
    formId: null,
    actors: [...d.actors],
  };
}

function signatureItem(s: QueueSignature, parties: ReadonlyArray<'client' | 'care_provider' | 'corporation'>): QueueItem {
  const who = actorsText(parties);
  return {
    text: { nl: `${who.nl}: ${s.formTitle.nl} ondertekenen`, en: `${who.en}: sign the ${s.formTitle.en}` },
    when: null,
    clientName: s.clientName,
    caseKind: 'trajectory',
    caseId: s.trajectoryId,
    trajectoryId: s.trajectoryId,
    clientId: s.clientId,
    due: null,
    overdue: false,
    ruleId: null,
    key: null,
    formId: s.formId,
    actors: [...parties],
  };
}

function reviewItem(r: QueueReview, asOf: IsoDate): QueueItem {
  return {
    text: { nl: 'Onafhankelijke toetser: voordracht voor omklap toetsen', en: 'Independent reviewer: review the transfer nomination' },
    when: r.since ? { nl: `ingevuld op ${dayMonth(r.since, asOf, 'nl')}`, en: `filled in on ${dayMonth(r.since, asOf, 'en')}` } : null,
    clientName: r.clientName,
    caseKind: 'trajectory',
    caseId: r.trajectoryId,
    trajectoryId: r.trajectoryId,
    clientId: r.clientId,
    due: null,
    overdue: false,
    ruleId: null,
    key: null,
    formId: null,
    actors: ['independent_reviewer'],
  };
}

/** Whether the deadline is the subject's own work as its party: its party acts, and it is assigned to the subject or to nobody on a case it is on. */
export function isOwnDeadline(d: QueueDeadline, party: Party, role: Role | null, userId: string): boolean {
  if (!d.actors.includes(party)) return false;
  if (party === 'care_provider') {
    // A care worker's own work: assigned to it, or unassigned on a case it is on the team of — or on another kind of
    // case addressed to its organisation (an offer to the care provider has no team yet).
    if (role === 'care_worker') return d.assigneeUserId === userId || (d.assigneeUserId === null && (d.onTeam || d.caseKind !== 'trajectory'));
    return true;
  }
  if (party === 'corporation') return d.assigneeUserId === null || d.assigneeUserId === userId || !d.actors.every((a) => a === 'corporation');
  return true;
}

/**
 * The queues of a role. Deadlines are sorted by due date (overdue first); a deadline lands in one
 * queue of the subject's own work at most; "wacht op anderen" holds the open deadlines of its cases
 * that only other parties act on.
 */
export function buildQueues(input: QueueInput): HomeQueues {
  const { role, userId, asOf, horizon } = input;
  const party = partyOf(role);
  const keys = role ? ROLE_QUEUES[role] : [];
  const sorted = [...input.deadlines].sort((a, b) => (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31') || a.caseId.localeCompare(b.caseId) || a.key.localeCompare(b.key));
  const lists = Object.fromEntries(QUEUE_KEYS.map((k) => [k, [] as QueueItem[]])) as Record<QueueKey, QueueItem[]>;
  const wants = (k: QueueKey) => keys.includes(k);

  for (const d of sorted) {
    const item = deadlineItem(d, asOf);
    const own = party !== null && isOwnDeadline(d, party, role, userId);
    if (role === 'wonen_officer') {
      if (own && d.ruleId === NOMINATION_RULE) lists.nominations.push(item);
      else if (own && d.actors.length === 1) lists.urgency.push(item);
      else if (d.ruleId === TRANSFER_RULE) lists.transfers.push(item);
      else if (own && item.overdue) lists.overdue.push(item);
      continue;
    }
    if (role === 'team_manager') {
      if (item.overdue) lists.organisationOverdue.push(item);
      else if (own && d.due !== null && d.due <= horizon) lists.dueSoon.push(item);
      continue;
    }
    if (role === 'corporation_contact' && own && d.ruleId === OFFER_RULE && !item.overdue) {
      lists.offers.push(item);
      continue;
    }
    if (own) {
      if (item.overdue) lists.overdue.push(item);
      else if (d.due !== null && d.due <= horizon) lists.dueSoon.push(item);
    } else if (party !== null && !d.actors.includes(party)) {
      lists.waitingOnOthers.push(item);
    }
  }
  if (party === 'care_provider' || party === 'corporation') {
    const mine: ReadonlyArray<'client' | 'care_provider' | 'corporation'> = party === 'corporation' ? ['corporation'] : ['care_provider', 'client'];
    for (const s of input.signatures) {
      const parties = s.missing.filter((p) => mine.includes(p));
      if (parties.length) lists.toSign.push(signatureItem(s, parties));
    }
  }
  for (const r of input.reviews) lists.reviews.push(reviewItem(r, asOf));

  const counts = Object.fromEntries(QUEUE_KEYS.map((k) => [k, wants(k) ? lists[k].length : 0])) as Record<QueueKey, number>;
  return { counts, queues: keys.map((k) => ({ key: k, items: lists[k] })) };
}

/** The number of items waiting for the subject's own action (what the start organisation is chosen by). */
export function openWork(q: HomeQueues): number {
  return q.queues.filter((x) => x.key !== 'waitingOnOthers' && x.key !== 'transfers').reduce((n, x) => n + x.items.length, 0);
}

/**
 * The membership to start in after login: the one with the most open work; on a tie, the one used
 * last; else the first.
 */
export function startMembership<M extends { id: string }>(memberships: ReadonlyArray<M>, work: ReadonlyMap<string, number>, lastUsedId: string | null): M | null {
  let best: M | null = null;
  let bestScore = -1;
  for (const m of memberships) {
    const score = (work.get(m.id) ?? 0) * 2 + (m.id === lastUsedId ? 1 : 0);
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}
