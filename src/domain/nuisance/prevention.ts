/**
 * Attention for nuisance from the start (overlast.md R-OV-14…R-OV-17, Annex 1 "Aandacht voor
 * overlast vanaf de start"): the start conversation of care provider and resident when independent
 * living begins — how the dwelling must be furnished under the corporation's rules, which behaviour
 * is and is not desired and its consequences, how the resident relates to the neighbours — the
 * furnishing minimum (underlay, floor covering, curtains; a certified underlay under a hard floor),
 * the voluntary acquaintance with the neighbours, and the "high nuisance risk" flag (R-OV-16).
 * Pure: what is still open (said in words), and which input is impossible.
 */
import type { Violation, Words } from './model.ts';

const T = (nl: string, en: string): Words => ({ nl, en });

/** R-OV-15: the certification marks of an underlay. */
export const UNDERLAY_MARKS = ['TUV', 'TNO'] as const;
export type UnderlayMark = (typeof UNDERLAY_MARKS)[number];

/** R-OV-15: the minimum insulation of an underlay under a hard floor. */
export const MIN_DB_LIN = 10;
export const MIN_DB_LW = 21;

export interface Furnishing {
  floorCovering: boolean;
  curtains: boolean;
  /** Laminate, vinyl or wood. */
  hardFloor: boolean;
  underlay: { mark: UnderlayMark | null; dbLin: number | null; dbLw: number | null } | null;
  /** Advice: keep the purchase receipt. */
  receiptKept: boolean;
}

export interface StartConversation {
  heldOn: string | null;
  /** R-OV-14 (a): how the dwelling must be furnished under the corporation's rules. */
  furnishingRules: boolean;
  /** R-OV-14 (b): which behaviour is and is not desired, and the consequences of unwanted behaviour. */
  behaviourAndConsequences: boolean;
  /** R-OV-14 (c): how the resident relates to the neighbours and introduces themselves. */
  neighbours: boolean;
  /** R-OV-17: getting acquainted with the neighbours is advisable and the resident's own choice. */
  acquaintance: 'done' | 'planned' | 'declined' | 'not_discussed';
  furnishing: Furnishing;
  /** R-OV-16: a resident with a high risk of nuisance: short lines, earlier internal notices. */
  highRisk: boolean;
  note: string | null;
}

export interface PreventionGap {
  code: string;
  rule: string;
  /** MUST: part of the agreements; ADVICE: advised, not required. */
  level: 'MUST' | 'ADVICE';
  words: Words;
}

/** R-OV-15: why the floor does not meet the minimum (empty when it does or there is no hard floor). */
export function underlayGaps(f: Furnishing): PreventionGap[] {
  if (!f.hardFloor) return [];
  const u = f.underlay;
  if (!u) return [{ code: 'underlay_missing', rule: 'R-OV-15', level: 'MUST', words: T('Onder de harde vloer ligt nog geen gecertificeerde ondervloer.', 'There is no certified underlay under the hard floor yet.') }];
  const out: PreventionGap[] = [];
  if (!u.mark) out.push({ code: 'underlay_not_certified', rule: 'R-OV-15', level: 'MUST', words: T('De ondervloer heeft geen TÜV- of TNO-keurmerk.', 'The underlay has no TÜV or TNO mark.') });
  if (u.dbLin === null || u.dbLin < MIN_DB_LIN) out.push({ code: 'underlay_db_lin', rule: 'R-OV-15', level: 'MUST', words: T(`De ondervloer isoleert minder dan ${MIN_DB_LIN} dB Lin (of dat is niet bekend).`, `The underlay insulates less than ${MIN_DB_LIN} dB Lin (or it is not known).`) });
  if (u.dbLw === null || u.dbLw < MIN_DB_LW) out.push({ code: 'underlay_db_lw', rule: 'R-OV-15', level: 'MUST', words: T(`De ondervloer isoleert minder dan ${MIN_DB_LW} dB Lw (of dat is niet bekend).`, `The underlay insulates less than ${MIN_DB_LW} dB Lw (or it is not known).`) });
  return out;
}

/** Everything of the start conversation and the furnishing that is still open, in words, MUST before ADVICE. */
export function preventionGaps(p: StartConversation): PreventionGap[] {
  const out: PreventionGap[] = [];
  if (!p.heldOn) out.push({ code: 'conversation_not_held', rule: 'R-OV-14', level: 'MUST', words: T('Het startgesprek over wonen en overlast is nog niet gehouden.', 'The start conversation about living and nuisance has not been held yet.') });
  if (!p.furnishingRules) out.push({ code: 'furnishing_rules', rule: 'R-OV-14', level: 'MUST', words: T('Nog bespreken: hoe de woning volgens de regels van de corporatie moet worden ingericht.', 'Still to discuss: how the dwelling must be furnished under the corporation’s rules.') });
  if (!p.behaviourAndConsequences) out.push({ code: 'behaviour', rule: 'R-OV-14', level: 'MUST', words: T('Nog bespreken: welk gedrag wel en niet gewenst is, en wat de gevolgen van ongewenst gedrag kunnen zijn.', 'Still to discuss: which behaviour is and is not desired, and the possible consequences of unwanted behaviour.') });
  if (!p.neighbours) out.push({ code: 'neighbours', rule: 'R-OV-14', level: 'MUST', words: T('Nog bespreken: hoe de bewoner zich verhoudt tot de buren en de buurt, en zich voorstelt.', 'Still to discuss: how the resident relates to the neighbours and the neighbourhood, and introduces themselves.') });
  if (!p.furnishing.floorCovering) out.push({ code: 'floor_covering', rule: 'R-OV-15', level: 'MUST', words: T('Er ligt nog geen vloerbedekking.', 'There is no floor covering yet.') });
  if (!p.furnishing.curtains) out.push({ code: 'curtains', rule: 'R-OV-15', level: 'MUST', words: T('Er hangen nog geen gordijnen.', 'There are no curtains yet.') });
  out.push(...underlayGaps(p.furnishing));
  if (p.furnishing.hardFloor && !p.furnishing.receiptKept) out.push({ code: 'receipt', rule: 'R-OV-15', level: 'ADVICE', words: T('Advies: bewaar de aankoopbon van de ondervloer.', 'Advice: keep the purchase receipt of the underlay.') });
  // R-OV-17: acquaintance is voluntary; declining it is the resident's choice and never a gap.
  if (p.acquaintance === 'not_discussed') out.push({ code: 'acquaintance', rule: 'R-OV-17', level: 'ADVICE', words: T('Advies: bespreek of de bewoner kennis wil maken met de buren (dat is een vrije keuze).', 'Advice: discuss whether the resident wants to get acquainted with the neighbours (a free choice).') });
  // What is required comes first: the advice items above are the last ones pushed.
  return out;
}

const RANGE = T('Een isolatiewaarde ligt tussen 0 en 60 dB.', 'An insulation value lies between 0 and 60 dB.');

/** Input no start conversation can have: a date after today, insulation figures outside 0–60 dB. */
export function checkStartConversation(p: StartConversation, today: string): Violation[] {
  const out: Violation[] = [];
  const future = T('Het startgesprek kan niet in de toekomst zijn gehouden.', 'The start conversation cannot have been held in the future.');
  if (p.heldOn !== null && p.heldOn > today) out.push({ code: 'date_in_future', rule: 'R-OV-14', ...future, field: '/heldOn' });
  const u = p.furnishing.underlay;
  for (const [key, value] of [['dbLin', u?.dbLin ?? null], ['dbLw', u?.dbLw ?? null]] as const) {
    if (value !== null && (value < 0 || value > 60)) out.push({ code: 'db_out_of_range', rule: 'R-OV-15', ...RANGE, field: `/furnishing/underlay/${key}` });
  }
  return out;
}
