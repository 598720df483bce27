/**
 * Shared pieces of the matching pages (issue 10, matching.md): the API shapes of dwellings, offers,
 * proposals and profiles as the pages read them, words for their enums, the help disclosure that
 * is the only place a rule or criterion code may appear, and the mapping of refusals to fields.
 */
import type { ReactNode } from 'react';
import { Paragraph } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { Lang } from '../../api/types.ts';
import type { FieldErrors } from '../../components/forms.tsx';
import { plainMessage } from '../../components/forms.tsx';

export type Text = { nl: string; en: string };
export const txt = (v: Text | string | null | undefined, lang: Lang): string => (v == null ? '' : typeof v === 'string' ? v : v[lang] ?? v.nl);

export interface DwellingAddress {
  street: string | null;
  houseNumber: number;
  houseLetter: string | null;
  addition: string | null;
  postcode: string;
  city: string | null;
  verified: boolean;
  municipalityCode?: string | null;
  neighbourhoodCode: string | null;
  neighbourhoodName: string | null;
  districtCode: string | null;
  districtName: string | null;
}

export type DwellingStatus = 'available' | 'offered' | 'let' | 'withdrawn' | 'unsuitable';
export const DWELLING_STATUSES: DwellingStatus[] = ['available', 'offered', 'let', 'withdrawn', 'unsuitable'];

export interface Dwelling {
  id: string;
  version: number;
  municipalityId: string;
  corporationId: string;
  reference: string | null;
  status: DwellingStatus;
  address: DwellingAddress;
  floor: number;
  lift: boolean;
  facilities: string[];
  facilitiesNote: string | null;
  noise: 'LOW' | 'MEDIUM' | 'HIGH';
  noiseNote: string | null;
  defects: string[];
  contact: { name: string; role: string; phone: string | null; email: string | null };
  stairwellInfo: string | null;
  liveability: 'OK' | 'UNDER_PRESSURE';
  liveabilityNote: string | null;
  accessType: 'porch' | 'gallery' | 'ground_level' | 'other';
  rooms: number;
  areaM2: number;
  dwellingType: 'studio' | 'apartment' | 'family' | 'room' | 'other';
  wheelchairSuitable: boolean;
  insideRing: boolean | null;
  onePersonUnit: boolean;
  liquorShopDistanceM: number | null;
  availableOn: string;
  pool: string[];
  rent: number;
  lastNuisanceFileOn?: string | null;
  offerable: boolean;
  offerableFrom: string | null;
  unsuitable?: { reasonCode: string | null; reason: string | null } | null;
  placementsNearby24m?: number;
  vulnerableNeighbourhood?: boolean;
  offerModel?: 'OM-AMS' | 'OM-UTR';
}

export function addressLine(a: Pick<DwellingAddress, 'street' | 'houseNumber' | 'houseLetter' | 'addition' | 'postcode' | 'city'> | null | undefined): string {
  if (!a) return '';
  const number = `${a.houseNumber}${a.houseLetter ?? ''}${a.addition ? `-${a.addition}` : ''}`;
  const pc = a.postcode ? `${a.postcode.slice(0, 4)} ${a.postcode.slice(4)}` : '';
  return [[a.street, number].filter(Boolean).join(' '), [pc, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

export type OfferStatus = 'proposed' | 'offered' | 'awaiting_reply' | 'viewing' | 'accepted' | 'client_informed' | 'final' | 'declined' | 'refused' | 'client_refused' | 'withdrawn';
export const CLOSED_OFFER_STATUSES: OfferStatus[] = ['final', 'declined', 'refused', 'client_refused', 'withdrawn'];

export interface OfferDeadline {
  ruleId: string;
  label: Text;
  start?: string;
  due: string;
  metOn?: string | null;
  status?: 'met' | 'cancelled' | 'missed' | 'open' | string;
}

export interface OfferListItem {
  id: string;
  status: OfferStatus;
  model: 'OM-AMS' | 'OM-UTR';
  offeredOn: string;
  availableOn: string;
  version: number;
  dwelling: { address: string; postcode: string; city: string | null; neighbourhood: string | null; rooms: number; areaM2: number };
  corporation: { id: string; name: string | null };
  careProvider: { id: string; name: string | null } | null;
  client: { trajectoryId: string; name: string } | null;
  next: { ruleId: string; label: Text; due: string } | null;
  stalled: boolean;
  closed: boolean;
}

export interface CandidateView {
  trajectoryId: string;
  rank: number | null;
  score: number | null;
  eligibility: 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_CHECK';
  waitDays?: number | null;
  name: string | null;
  careProvider?: string | null;
  householdSize?: number | null;
  /** Plain-language explanation, in the language asked for. */
  explanation?: unknown;
  breakdown?: Array<{ code: string; penalty: number; unknown: boolean }>;
  failing?: string[];
}

export interface OfferStep {
  type: string;
  possible: boolean;
  forYou?: boolean;
  reason: Text | null;
}

export interface OfferEventView { seq: number; type: string; occurredOn: string; data: Record<string, unknown>; recordedAt?: string }

export interface OfferDetail {
  id: string;
  version: number;
  model: 'OM-AMS' | 'OM-UTR';
  status: OfferStatus;
  offeredOn: string;
  availableOn: string;
  leaseType: string;
  extraClauses: string[];
  oneTimeOffer?: boolean;
  corporation: { id: string; name: string | null };
  careProvider: { id: string; name: string | null } | null;
  client: { trajectoryId: string; name: string | null } | null;
  dwelling: Dwelling;
  deadlines: OfferDeadline[];
  stalled: boolean;
  stalledBy?: Array<{ ruleId: string; label: Text; due: string }>;
  events: OfferEventView[];
  proposal: {
    id: string; configVersion: number; short: boolean; proposedCount?: number;
    chosen: { trajectoryId: string; rank: number | null; reason: string | null } | null;
    warnings?: unknown;
    candidates: CandidateView[];
  } | null;
  steps: OfferStep[];
  refusalReasons: Array<{ code: string; label: Text }>;
}

export interface CandidatesResponse { configVersion: number; warnings?: unknown; candidates: CandidateView[]; ineligible: CandidateView[] }

/** The codes behind an explanation ({ sentences, codes }), for a help disclosure only. */
export function codesOf(v: unknown): string[] {
  return v && typeof v === 'object' && Array.isArray((v as { codes?: unknown }).codes) ? ((v as { codes: unknown[] }).codes).map(String) : [];
}

/** Text in the UI language from the shapes the API uses for explanations and warnings (string, {nl,en}, lists of those, {text}). */
export function textLines(v: unknown, lang: Lang): string[] {
  if (v == null) return [];
  if (typeof v === 'string') return v.trim() ? [plainMessage(v)] : [];
  if (Array.isArray(v)) return v.flatMap((x) => textLines(x, lang));
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('sentences' in o) return textLines(o.sentences, lang);
    if (lang in o) return textLines(o[lang], lang);
    if ('text' in o) return textLines(o.text, lang);
    if ('message' in o) return textLines(o.message, lang);
  }
  return [];
}

/** A help disclosure: the only place codes (rules, criteria) may be shown. */
export function HelpCodes({ summary, children, testId }: { summary: string; children: ReactNode; testId?: string }) {
  return (
    <details className="tr-details tr-help-disclosure" data-testid={testId}>
      <summary>{summary}</summary>
      <div className="ams-paragraph ams-paragraph--small">{children}</div>
    </details>
  );
}

/** "Regels: R-MA-11, D-02" inside a help disclosure. */
export function RulesHelp({ rules }: { rules: ReadonlyArray<string> | undefined }) {
  const { t } = useTranslation();
  if (!rules?.length) return null;
  return (
    <HelpCodes summary={t('matching.help.rulesSummary')}>
      <Paragraph size="small">{t('matching.help.rules', { rules: rules.join(', ') })}</Paragraph>
    </HelpCodes>
  );
}

/**
 * Per-field errors of a 422 without codes: the messages in both languages (rule IDs stripped),
 * the JSON pointer mapped to a field name of the form.
 */
export function refusalErrors(err: unknown, fieldFor: (pointer: string) => string | null): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const e of err.problem.errors ?? []) {
    const name = fieldFor(e.field);
    if (!name) continue;
    const nl = plainMessage(e.messageNl ?? e.message);
    const en = plainMessage(e.messageEn ?? e.message);
    const prev = out[name];
    out[name] = prev ? { nl: `${prev.nl} ${nl}`, en: `${prev.en} ${en}` } : { nl, en };
  }
  return out;
}

/** The last segment of a JSON pointer ("/data/reason" → "reason"). */
export const lastSegment = (p: string) => p.split('/').filter(Boolean).pop() ?? null;

export function moneyText(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(n);
}
