/**
 * The daily digest: one e-mail per user whose worklist has overdue deadlines or deadlines due
 * within 10 working days, written to the outbox (dedupe key digest:<userId>:<date>, so building
 * twice on a day writes nothing new).
 *
 * Privacy by design: e-mail leaves the platform (mail servers, phones, forwarding), so a digest
 * names a client by initials only ("A.D."), never by name, birth date or address, and links to
 * the trajectory in Thuisroute, where the reader logs in and the read is authorised and audited.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn, type Clock } from '../../platform/clock.ts';
import { decide, type Subject } from '../../domain/policy/index.ts';
import type { OrganisationType, Role } from '../../domain/organisations/model.ts';
import { formatDateEn, formatDateNl, type WorkingCalendar } from '../../domain/calendar/index.ts';
import { DEADLINE_RULES, type DeadlineRuleId } from '../../domain/trajectories/index.ts';
import { loadCalendar } from '../calendar/index.ts';
import { OrganisationScopes } from '../../platform/scope.ts';
import { WORKLIST_HORIZON_WORKING_DAYS, servedWorklistRows, worklistRows } from '../trajectories/index.ts';
import { enqueueEmail } from './outbox.ts';

type Db = Kysely<Database>;
export type DigestLang = 'nl' | 'en';

export interface DigestItem {
  ruleId: string;
  label: { nl: string; en: string };
  due: string;
  overdue: boolean;
  /** The case the deadline belongs to (shared deadline table: trajectories and, later, other kinds of case). */
  caseKind: string;
  caseId: string;
  /** Set for a trajectory's deadline. */
  trajectoryId: string | null;
  /** Initials of the client only (privacy by design), or null when the client was erased. */
  initials: string | null;
}

export interface DigestInput {
  lang: DigestLang;
  userName: string;
  today: string;
  horizon: string;
  items: ReadonlyArray<DigestItem>;
  publicBaseUrl: string;
}

export interface RenderedDigest {
  subject: string;
  text: string;
  html: string;
}

/** Dutch surname particles (tussenvoegsels): not part of the initial of the surname. */
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', "'t", 't', 'ter', 'ten', 'te', 'in', 'op', 'aan', 'la', 'le', 'du', 'da', 'di', 'del', 'von', 'zu', 'vd', "'s", 'uit', 'onder', 'over', 'bij', 'voor']);

const firstLetter = (word: string) => (Array.from(word.replace(/^[^\p{L}]+/u, ''))[0] ?? '').toLocaleUpperCase('nl');

/** "Ayla Demir" → "A.D.", "Jan Willem van der Berg" → "J.W.B."; null when nothing is known. */
export function clientInitials(firstName: string | null, lastName: string | null): string | null {
  const given = (firstName ?? '').split(/[\s-]+/).filter(Boolean).map(firstLetter).filter(Boolean);
  const surnameWords = (lastName ?? '').split(/\s+/).filter(Boolean);
  const main = surnameWords.find((w) => !PARTICLES.has(w.toLocaleLowerCase('nl'))) ?? surnameWords[surnameWords.length - 1];
  const letters = [...given, ...(main ? [firstLetter(main)] : [])].filter(Boolean);
  return letters.length ? letters.map((l) => `${l}.`).join('') : null;
}

const T = {
  nl: {
    termijn: (n: number) => (n === 1 ? 'termijn' : 'termijnen'),
    subject: (o: number, u: number) => {
      const parts: string[] = [];
      if (o) parts.push(`${o} ${T.nl.termijn(o)} verlopen`);
      if (u) parts.push(o ? `${u} binnenkort` : `${u} ${T.nl.termijn(u)} binnenkort`);
      return `Thuisroute: ${parts.join(', ')}`;
    },
    greeting: (name: string) => `Goedemorgen ${name},`,
    intro: (today: string) => `Dit is uw dagelijks overzicht van termijnen in Thuisroute op ${today}.`,
    overdue: 'Verlopen termijnen',
    upcoming: (horizon: string) => `Binnenkort (tot en met ${horizon})`,
    due: 'Uiterlijk',
    client: 'Cliënt',
    erased: '(gegevens gewist)',
    open: 'Open het traject',
    more: (n: number) => `… en nog ${n} ${T.nl.termijn(n)}. U ziet ze allemaal in Thuisroute.`,
    worklist: 'Al uw termijnen staan in uw werklijst',
    privacy: 'Om privacyredenen staan in deze e-mail alleen de initialen van cliënten. De gegevens zelf ziet u na inloggen in Thuisroute.',
    why: 'U ontvangt deze e-mail omdat u in Thuisroute termijnen heeft die aandacht vragen.',
    formatDate: formatDateNl,
  },
  en: {
    deadline: (n: number) => (n === 1 ? 'deadline' : 'deadlines'),
    subject: (o: number, u: number) => {
      const parts: string[] = [];
      if (o) parts.push(`${o} ${T.en.deadline(o)} overdue`);
      if (u) parts.push(o ? `${u} due soon` : `${u} ${T.en.deadline(u)} due soon`);
      return `Thuisroute: ${parts.join(', ')}`;
    },
    greeting: (name: string) => `Good morning ${name},`,
    intro: (today: string) => `This is your daily overview of deadlines in Thuisroute for ${today}.`,
    overdue: 'Overdue deadlines',
    upcoming: (horizon: string) => `Due soon (up to and including ${horizon})`,
    due: 'Due',
    client: 'Client',
    erased: '(data erased)',
    open: 'Open the trajectory',
    more: (n: number) => `… and ${n} more ${T.en.deadline(n)}. You can see them all in Thuisroute.`,
    worklist: 'All your deadlines are on your worklist',
    privacy: 'For privacy reasons this e-mail shows clients by their initials only. Log in to Thuisroute to see the details.',
    why: 'You receive this e-mail because you have deadlines in Thuisroute that need attention.',
    formatDate: formatDateEn,
  },
} as const;

const MAX_LISTED = 100;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function trajectoryLink(publicBaseUrl: string, trajectoryId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/trajecten/${trajectoryId}`;
}

/** The page of an item's case: the trajectory page, else the worklist (other kinds of case add their page here). */
function caseLink(publicBaseUrl: string, i: DigestItem): string {
  return i.trajectoryId ? trajectoryLink(publicBaseUrl, i.trajectoryId) : `${publicBaseUrl.replace(/\/+$/, '')}/`;
}

/** Subject, text and HTML of one digest (pure). Overdue first, then upcoming, each by due date. */
export function renderDigest(input: DigestInput): RenderedDigest {
  const t = T[input.lang];
  const byDue = (a: DigestItem, b: DigestItem) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.ruleId.localeCompare(b.ruleId));
  const overdue = input.items.filter((i) => i.overdue).sort(byDue);
  const upcoming = input.items.filter((i) => !i.overdue).sort(byDue);
  const base = input.publicBaseUrl.replace(/\/+$/, '');
  let budget = MAX_LISTED;
  const take = (list: DigestItem[]) => {
    const shown = list.slice(0, Math.max(0, budget));
    budget -= shown.length;
    return shown;
  };
  const groups = [
    { title: `${t.overdue} (${overdue.length})`, items: take(overdue), total: overdue.length },
    { title: `${t.upcoming(t.formatDate(input.horizon))} (${upcoming.length})`, items: take(upcoming), total: upcoming.length },
  ].filter((g) => g.total > 0);
  const hidden = input.items.length - groups.reduce((n, g) => n + g.items.length, 0);
  const who = (i: DigestItem) => i.initials ?? t.erased;
  const label = (i: DigestItem) => i.label[input.lang];

  const text = [
    t.greeting(input.userName),
    '',
    t.intro(t.formatDate(input.today)),
    ...groups.flatMap((g) => [
      '',
      g.title,
      ...g.items.flatMap((i) => [`- ${i.ruleId} ${label(i)}`, `  ${t.due}: ${t.formatDate(i.due)} · ${t.client}: ${who(i)}`, `  ${caseLink(base, i)}`]),
    ]),
    ...(hidden > 0 ? ['', t.more(hidden)] : []),
    '',
    `${t.worklist}: ${base}/`,
    '',
    '-- ',
    t.privacy,
    t.why,
    '',
  ].join('\n');

  const html = [
    '<!doctype html>',
    `<html lang="${input.lang}"><head><meta charset="utf-8"><title>${escapeHtml(T[input.lang].subject(overdue.length, upcoming.length))}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 15px; color: #1a1a1a;">',
    `<p>${escapeHtml(t.greeting(input.userName))}</p>`,
    `<p>${escapeHtml(t.intro(t.formatDate(input.today)))}</p>`,
    ...groups.flatMap((g) => [
      `<h2 style="font-size: 17px;">${escapeHtml(g.title)}</h2>`,
      '<ul>',
      ...g.items.map(
        (i) =>
          `<li><strong>${escapeHtml(i.ruleId)}</strong> ${escapeHtml(label(i))}<br>${escapeHtml(t.due)}: ${escapeHtml(t.formatDate(i.due))} · ${escapeHtml(t.client)}: ${escapeHtml(who(i))} · ` +
          `<a href="${escapeHtml(caseLink(base, i))}">${escapeHtml(t.open)}</a></li>`,
      ),
      '</ul>',
    ]),
    ...(hidden > 0 ? [`<p>${escapeHtml(t.more(hidden))}</p>`] : []),
    `<p><a href="${escapeHtml(`${base}/`)}">${escapeHtml(t.worklist)}</a></p>`,
    `<p style="font-size: 12px; color: #555;">${escapeHtml(t.privacy)}<br>${escapeHtml(t.why)}</p>`,
    '</body></html>',
  ].join('\n');

  return { subject: t.subject(overdue.length, upcoming.length), text, html };
}

export interface BuildDigestsOptions {
  publicBaseUrl: string;
  /** Reuse the app's scope cache; a private one otherwise. */
  scopes?: OrganisationScopes;
}

export interface BuildDigestsResult {
  date: string;
  /** Users looked at (active, with an active membership). */
  users: number;
  /** Digests written to the outbox now. */
  written: number;
  /** Users who already had today's digest. */
  alreadyBuilt: number;
  /** Users with nothing to report. */
  empty: number;
}

export const digestDedupeKey = (userId: string, date: string) => `digest:${userId}:${date}`;

/**
 * One outbox row per active user whose worklist (the same query as GET /worklist, scope "mine",
 * for each of the user's active memberships) has overdue deadlines or deadlines due within
 * 10 working days. Idempotent per day through the dedupe key.
 */
export async function buildDigests(db: Db, clock: Clock, opts: BuildDigestsOptions): Promise<BuildDigestsResult> {
  const today = todayIn(clock);
  const scopes = opts.scopes ?? new OrganisationScopes(db, clock);
  const memberships = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as user_id', 'u.email', 'u.name', 'u.locale', 'm.organisation_id', 'm.role', 'o.type as organisation_type'])
    .where('m.active', '=', true)
    .where('o.active', '=', true)
    .where('u.active', '=', true)
    .orderBy('u.id')
    .execute();
  const byUser = new Map<string, typeof memberships>();
  for (const m of memberships) byUser.set(m.user_id, [...(byUser.get(m.user_id) ?? []), m]);

  const calendars = new Map<string, Promise<WorkingCalendar>>();
  const calendarOf = (orgId: string) => {
    let c = calendars.get(orgId);
    if (!c) calendars.set(orgId, (c = loadCalendar(db, orgId)));
    return c;
  };

  const result: BuildDigestsResult = { date: today, users: byUser.size, written: 0, alreadyBuilt: 0, empty: 0 };
  for (const [userId, ms] of byUser) {
    const key = digestDedupeKey(userId, today);
    const existing = await db.selectFrom('outbox_emails').select('id').where('dedupe_key', '=', key).executeTakeFirst();
    if (existing) {
      result.alreadyBuilt++;
      continue;
    }
    const items = new Map<string, DigestItem>();
    let horizon = today;
    for (const m of ms) {
      const subject: Subject = {
        userId,
        role: m.role as Role,
        organisationId: m.organisation_id,
        organisationType: m.organisation_type as OrganisationType,
        scope: await scopes.subtree(m.organisation_id),
        municipalityIds: await scopes.municipalitiesOf(m.organisation_id),
      };
      if (!decide(subject, 'worklist.read').allowed) continue;
      const h = (await calendarOf(m.organisation_id)).addWorkingDays(today, WORKLIST_HORIZON_WORKING_DAYS);
      if (h > horizon) horizon = h;
      const rows = servedWorklistRows(subject, await worklistRows(db, { subject, asOf: today, horizon: h, scope: 'mine', limit: 500, today }));
      for (const { r } of rows) {
        const k = `${r.case_kind}|${r.case_id}|${r.key}`;
        if (items.has(k) || !r.due_date) continue;
        items.set(k, {
          ruleId: r.rule_id,
          label: DEADLINE_RULES[r.rule_id as DeadlineRuleId]?.label ?? { nl: r.rule_id, en: r.rule_id },
          due: r.due_date,
          overdue: r.due_date < today,
          caseKind: r.case_kind,
          caseId: r.case_id,
          trajectoryId: r.trajectory_id,
          initials: clientInitials(r.first_name, r.last_name),
        });
      }
    }
    if (items.size === 0) {
      result.empty++;
      continue;
    }
    const first = ms[0]!;
    const lang: DigestLang = first.locale === 'en' ? 'en' : 'nl';
    const mail = renderDigest({ lang, userName: first.name, today, horizon, items: [...items.values()], publicBaseUrl: opts.publicBaseUrl });
    if (await enqueueEmail(db, clock, { to: first.email, subject: mail.subject, text: mail.text, html: mail.html, dedupeKey: key })) result.written++;
    else result.alreadyBuilt++;
  }
  return result;
}
