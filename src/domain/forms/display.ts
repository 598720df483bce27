/**
 * How answers read for people (PDF, summaries, e-mail): yes/no as Ja/Nee, dates as
 * "maandag 6 april 2026", amounts as "€ 450,00", rows as small tables. Pure.
 */
import { formatDateEn, formatDateNl, isValidIsoDate } from '../calendar/index.ts';
import type { GoalDomain } from '../trajectories/model.ts';
import { NOT_APPLICABLE, isFieldVisible, ownValue } from './model.ts';
import type { FieldDefinition, FormData, FormDefinition, LocalText } from './model.ts';

export type Lang = 'nl' | 'en';

export type DisplayAnswer =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  /** `columns`: per column, 'short' (yes/no), 'date' or 'text' — a layout hint. */
  | { kind: 'table'; head: string[]; rows: string[][]; columns: ColumnKind[] };

export type ColumnKind = 'text' | 'short' | 'date';

export const GOAL_DOMAIN_LABELS: Readonly<Record<GoalDomain, LocalText>> = {
  daytime_activities: { nl: 'Passende en zinvolle dagbesteding', en: 'Appropriate and meaningful daytime activities' },
  social_functioning: { nl: 'Sociaal stabiel functioneren', en: 'Socially stable functioning' },
  psychological_functioning: { nl: 'Psychisch stabiel functioneren', en: 'Psychologically stable functioning' },
  financial_functioning: { nl: 'Financieel stabiel functioneren', en: 'Financially stable functioning' },
  children_environment: { nl: 'Gezonde en veilige omgeving voor kinderen', en: 'Healthy and safe environment for children' },
  safety: { nl: 'Veiligheid', en: 'Safety' },
  good_tenancy: { nl: 'Goed huurderschap', en: 'Good tenancy' },
  parenting: { nl: 'Ouderschap en ontwikkeling van het kind', en: 'Parenthood and child development' },
  housing_skills: { nl: 'Woonvaardigheden', en: 'Housing skills' },
};

const WORDS = {
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
  na: { nl: 'n.v.t.', en: 'not applicable' },
  agreed: { nl: 'Akkoord', en: 'Agreed' },
  notAgreed: { nl: 'Nog niet akkoord', en: 'Not yet agreed' },
  domain: { nl: 'Onderwerp', en: 'Topic' },
  goal: { nl: 'Doel', en: 'Goal' },
  linked: { nl: 'Gekoppeld aan urgentie', en: 'Linked to urgency' },
  result: { nl: 'Beoogd resultaat', en: 'Intended result' },
  target: { nl: 'Streefdatum', en: 'Target date' },
  status: { nl: 'Stand van zaken', en: 'Status' },
  achieved: { nl: 'Behaald?', en: 'Met?' },
  source: { nl: 'Onderbouwing (bron)', en: 'Substantiation (source)' },
  topic: { nl: 'Onderwerp', en: 'Topic' },
  discussed: { nl: 'Besproken', en: 'Discussed' },
  noDeposit: { nl: 'Nee, geen borg', en: 'No, no deposit' },
  deposit: { nl: 'Ja, borg', en: 'Yes, deposit' },
} as const;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** "maandag 6 april 2026" / "Monday 6 April 2026" (an invalid date is returned as is). */
export function formatDate(d: string, lang: Lang): string {
  if (!isValidIsoDate(d)) return d;
  return lang === 'nl' ? formatDateNl(d) : formatDateEn(d);
}

/** Without the weekday, for table cells: "6 april 2026" / "6 April 2026". */
export function formatShortDate(d: string, lang: Lang): string {
  if (!isValidIsoDate(d)) return d;
  return formatDate(d, lang).split(' ').slice(1).join(' ');
}

export function formatYesNo(v: unknown, lang: Lang): string {
  return v === 'yes' || v === true ? WORDS.yes[lang] : v === 'no' || v === false ? WORDS.no[lang] : str(v);
}

/** "€ 450,00" (nl) / "€450.00" (en), from whole euro cents. */
export function formatEuroCents(cents: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** The declaration text with the name filled in ("Ik, [naam], verklaar …"). */
export function declarationText(f: FieldDefinition, name: string, lang: Lang): string {
  const filler = name.trim() || '……………………';
  return f.label[lang].replace(/\[(naam|name)\]/g, filler);
}

/** The answer of one field, ready to show. */
export function displayAnswer(f: FieldDefinition, v: unknown, lang: Lang): DisplayAnswer {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return { kind: 'empty' };
  if (v === NOT_APPLICABLE && f.type !== 'text' && f.type !== 'longtext') return { kind: 'text', text: WORDS.na[lang] };
  switch (f.type) {
    case 'date':
      return { kind: 'text', text: formatDate(str(v), lang) };
    case 'yesno':
      return { kind: 'text', text: formatYesNo(v, lang) };
    case 'select': {
      const o = (f.options ?? []).find((x) => x.value === v);
      return { kind: 'text', text: o ? o.label[lang] : str(v) };
    }
    case 'yesno_text': {
      if (!isObj(v)) return { kind: 'text', text: str(v) };
      const a = formatYesNo(v.answer, lang);
      const t = str(v.text).trim();
      return { kind: 'text', text: t ? (a ? `${a} — ${t}` : t) : a };
    }
    case 'amount_eur': {
      if (!isObj(v)) return { kind: 'text', text: str(v) };
      if (v.answer === 'no') return { kind: 'text', text: WORDS.noDeposit[lang] };
      if (v.answer === 'yes') {
        const c = v.amountCents;
        return { kind: 'text', text: typeof c === 'number' && Number.isFinite(c) ? `${WORDS.deposit[lang]}: ${formatEuroCents(c, lang)}` : WORDS.yes[lang] };
      }
      return { kind: 'empty' };
    }
    case 'declaration': {
      if (!isObj(v)) return { kind: 'text', text: str(v) };
      const agreed = v.agreed === true ? WORDS.agreed[lang] : WORDS.notAgreed[lang];
      return { kind: 'text', text: `${declarationText(f, str(v.name), lang)}\n${agreed}` };
    }
    case 'date_or_period': {
      if (!isObj(v)) return { kind: 'text', text: str(v) };
      if (typeof v.date === 'string' && v.date) return { kind: 'text', text: formatDate(v.date, lang) };
      return str(v.period).trim() ? { kind: 'text', text: str(v.period) } : { kind: 'empty' };
    }
    case 'checklist': {
      if (!isObj(v)) return { kind: 'text', text: str(v) };
      return {
        kind: 'table',
        head: [WORDS.topic[lang], WORDS.discussed[lang]],
        rows: (f.items ?? []).map((i) => [i.label[lang], formatYesNo(v[i.id], lang) || '—']),
        columns: ['text', 'short'],
      };
    }
    case 'goals': {
      if (!Array.isArray(v)) return { kind: 'text', text: str(v) };
      if (v.length === 0) return { kind: 'empty' };
      const showDomain = (f.domains?.length ?? 0) !== 1;
      const head = [
        ...(showDomain ? [WORDS.domain[lang]] : []),
        WORDS.goal[lang],
        ...(f.withResults ? [WORDS.result[lang], WORDS.target[lang]] : []),
        WORDS.linked[lang],
      ];
      const rows = v.map((r) => {
        const row = isObj(r) ? r : {};
        const d = row.domain as GoalDomain | undefined;
        const td = str(row.targetDate);
        return [
          ...(showDomain ? [d && GOAL_DOMAIN_LABELS[d] ? GOAL_DOMAIN_LABELS[d][lang] : str(d)] : []),
          str(row.text),
          ...(f.withResults ? [str(row.intendedResult), td ? formatShortDate(td, lang) : ''] : []),
          formatYesNo(row.linkedToUrgency, lang),
        ];
      });
      const columns: ColumnKind[] = [...(showDomain ? ['text' as const] : []), 'text', ...(f.withResults ? ['text' as const, 'date' as const] : []), 'short'];
      return { kind: 'table', head, rows, columns };
    }
    case 'goal_status_rows': {
      if (!Array.isArray(v)) return { kind: 'text', text: str(v) };
      if (v.length === 0) return { kind: 'empty' };
      const head = [WORDS.goal[lang], WORDS.status[lang], WORDS.achieved[lang], ...(f.withSource ? [WORDS.source[lang]] : [])];
      const rows = v.map((r) => {
        const row = isObj(r) ? r : {};
        return [str(row.goal), str(row.status), formatYesNo(row.achieved, lang), ...(f.withSource ? [str(row.source)] : [])];
      });
      const columns: ColumnKind[] = ['text', 'text', 'short', ...(f.withSource ? ['text' as const] : [])];
      return { kind: 'table', head, rows, columns };
    }
    default:
      return { kind: 'text', text: str(v) };
  }
}

export interface DisplaySection {
  id: string;
  title: string;
  fields: Array<{ field: FieldDefinition; label: string; help?: string; answer: DisplayAnswer }>;
}

/**
 * The form as sections of shown fields with their answers (hidden/lapsed questions left out).
 * With `partialCopyOnly`, only fields marked `partialCopy` (§8.3: the corporation's part of F-3).
 */
export function displayForm(def: FormDefinition, data: FormData, lang: Lang, opts: { partialCopyOnly?: boolean } = {}): DisplaySection[] {
  const out: DisplaySection[] = [];
  for (const s of def.sections) {
    const fields = s.fields
      .filter((f) => isFieldVisible(def, data, f) && (!opts.partialCopyOnly || f.partialCopy))
      .map((f) => ({
        field: f,
        label: f.type === 'declaration' ? (lang === 'nl' ? 'Verklaring' : 'Declaration') : f.label[lang],
        ...(f.help ? { help: f.help[lang] } : {}),
        answer: displayAnswer(f, ownValue(data, f.id), lang),
      }));
    if (fields.length) out.push({ id: s.id, title: s.title[lang], fields });
  }
  return out;
}
