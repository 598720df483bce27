/**
 * Shared pieces of the nuisance pages (overlast.md §3, §6): the API shapes as the pages read them,
 * the words for channels, kinds, relations and states, and due dates in words ("uiterlijk dinsdag
 * 3 maart", overdue said in words). Codes only inside the help disclosure.
 */
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@amsterdam/design-system-react';
import type { Lang } from '../../api/types.ts';
import { ApiError } from '../../api/client.ts';
import { plainMessage, type FieldErrors } from '../../components/forms.tsx';
import { CHANNEL_WORDS, NUISANCE_TYPE_WORDS, type Channel, type NuisanceType } from '../../../domain/nuisance/model.ts';
import { HelpCodes } from '../matching/common.tsx';

export type Text = { nl: string; en: string };
export const txt = (v: Text | string | null | undefined, lang: Lang): string => (v == null ? '' : typeof v === 'string' ? v : v[lang] ?? v.nl);

export const CHANNEL_LABELS = CHANNEL_WORDS;
export const KIND_LABELS = NUISANCE_TYPE_WORDS;
export const channelWords = (c: string, lang: Lang) => txt(CHANNEL_WORDS[c as Channel], lang) || c;
export const kindWords = (k: string, lang: Lang) => txt(NUISANCE_TYPE_WORDS[k as NuisanceType], lang) || k;

export const RELATIONS = ['neighbour', 'local_resident', 'corporation', 'police', 'professional', 'resident', 'other'] as const;
export const LETTER_KINDS = ['written_feedback', 'warning_letter', 'official_warning_letter', 'formal_notice', 'dissolution_notice'] as const;

export interface Reporter { name?: string | null; phone?: string | null; email?: string | null; relation: string }
export interface ReportView {
  id: string; channel: string; channelLabel: Text; nuisanceType: string; nuisanceTypeLabel: Text; description: string;
  occurredAt: string | null; receivedAt: string; receivedOn: string; countsAgainstResident: boolean; reporter: Reporter;
  reporterContactedOn?: string | null; heardOn?: string | null; complainantInformedOn?: string | null; sixWeekCheckOn?: string | null; resolved?: boolean | null;
  judgement?: { row: string; behaviour: 'conscious' | 'unconscious'; justified: boolean; residentAgrees: boolean | null; on: string; followUps?: unknown } | null;
}
export interface IncomingReport extends ReportView {
  caseId: string; address: string; caseStatus: string; earlyWarningAt?: string;
  clock: Array<{ ruleId: string; label: Text; due: string; metOn: string | null; overdue: boolean }>;
}
export interface CaseListItem {
  id: string; version: number; address: string; district: string | null; status: string; openedOn: string; closedOn: string | null;
  hubInvolved: boolean; hubLead: boolean; action: number | null; firstComplaintOn: string | null; party: string | null;
  next: { ruleId: string; due: string; overdue: boolean } | null; overdueCount: number;
}
export interface CaseDeadline { key: string; ruleId: string; label: Text; actor: string; start: string; due: string; metOn: string | null; closedAs: string | null; overdue: boolean }
export interface CaseStep { type: string; label: Text; possible: boolean; needs: Text[] }
export interface CaseLetterView { id: string; kind: string; action: number | null; issuedOn: string; signedOn: string | null; signature: 'signed' | 'seen' | null; copiedOn: string | null; pdf: boolean }
export interface NuisanceCaseView {
  id: string; version: number; status: string; address: string; district: string | null; openedOn: string; hasSupport: boolean;
  resident: { name: string | null; trajectoryId: string | null } | null;
  careProvider: { id: string; name: string | null } | null; corporation: { id: string; name: string | null } | null;
  hub: { id: string; name: string | null; involved: boolean; lead: boolean; situations: Array<{ code: string; label: Text }> } | null;
  hubPrompts: Array<{ code: string; label: Text }>;
  action: number | null; firstComplaintOn: string | null; overThreeMonths: boolean; reviewFlag?: boolean; legalAdvice: boolean;
  checklist: Array<{ action: number; steps: Array<{ step: string; label: Text; doneOn: string | null }>; missing: Text[] }>;
  timeout?: { startOn: string; plannedEndOn: string; endedOn: string | null; outcome: string | null } | null;
  courtRequestedOn: string | null; closedOn: string | null;
  reports: ReportView[]; deadlines: CaseDeadline[]; letters: CaseLetterView[];
  events: Array<{ seq: number; type: string; label: Text; occurredOn: string; data: Record<string, unknown> }>;
  steps: CaseStep[];
}

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'nl-NL');

/** "dinsdag 3 maart" / "Tuesday 3 March" (the year only when it is not this year's). */
export function dayWords(iso: string, lang: Lang, thisYear = new Date().getFullYear()): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  const withYear = d.getUTCFullYear() !== thisYear;
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'long', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(d);
}

/** A due date in words with its state: "uiterlijk dinsdag 3 maart", "gedaan op …", "te laat: uiterlijk …". */
export function DueWords({ due, metOn, overdue, closed }: { due: string; metOn?: string | null; overdue: boolean; closed?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  if (metOn) return <span className="tr-status tr-status--ok tr-status--wrap">{t('nuisance.due.met', { date: dayWords(metOn, lang) })}</span>;
  if (closed) return <span className="tr-status tr-status--muted tr-status--wrap">{t('nuisance.due.closed')}</span>;
  if (overdue) return <span className="tr-status tr-status--bad tr-status--wrap">{t('nuisance.due.overdue', { date: dayWords(due, lang) })}</span>;
  return <span className="tr-status tr-status--info tr-status--wrap">{t('nuisance.due.open', { date: dayWords(due, lang) })}</span>;
}

/** The rules behind what the page shows, only inside a help disclosure. */
export function NuisanceRulesHelp({ rules }: { rules: ReadonlyArray<string> }) {
  const { t } = useTranslation();
  const list = [...new Set(rules.filter(Boolean))];
  if (!list.length) return null;
  return (
    <HelpCodes summary={t('nuisance.help.summary')}>
      <Paragraph size="small">{t('nuisance.help.rules', { rules: list.join(', ') })}</Paragraph>
    </HelpCodes>
  );
}

/**
 * A refusal as form errors: each message (rule IDs stripped) on the field the pointer names, or on
 * `fallback` (the form's first field) when it names none of the form's fields; a problem without
 * field errors gives its own message.
 */
export function refusalAsErrors(err: unknown, fields: ReadonlyArray<string>, fallback: string): FieldErrors {
  if (!(err instanceof ApiError)) return { [fallback]: { nl: 'Er ging iets mis. Probeer het opnieuw.', en: 'Something went wrong. Please try again.' } };
  const out: FieldErrors = {};
  const add = (name: string, nl: string, en: string) => {
    const prev = out[name];
    out[name] = prev ? { nl: `${prev.nl} ${plainMessage(nl)}`, en: `${prev.en} ${plainMessage(en)}` } : { nl: plainMessage(nl), en: plainMessage(en) };
  };
  for (const e of err.problem.errors ?? []) {
    const seg = e.field.split('/').filter(Boolean).pop() ?? '';
    add(fields.includes(seg) ? seg : fallback, e.messageNl ?? e.message, e.messageEn ?? e.message);
  }
  if (!Object.keys(out).length) {
    const m = err.problem.messages;
    add(fallback, m?.nl.detail ?? err.problem.detail, m?.en.detail ?? err.problem.detail);
  }
  return out;
}
