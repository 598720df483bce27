/**
 * Whether a new three-party form (F-1 … F-4) may be started on a trajectory now, and if not, why —
 * one decision for the server (POST …/forms refuses with it) and the web (which offers a form only
 * when it may be started, and otherwise says in words why not yet).
 *
 * In order: only the care provider fills in a form (R-OR-35, R-OR-61, R-OR-67, R-OR-42; the nomination
 * by the personal supervisor); not on a closed trajectory; not without the client's consent (R-OR-82;
 * after a withdrawal R-OR-94); not before the phase the form belongs to; one open form of a kind at a
 * time (an evaluation form per evaluation).
 */
import type { FormKind } from './model.ts';

/** The phases of the route, in order (omslagroute.md §3); a form may be started from its phase on. */
const PHASE_ORDER = ['P0_consent', 'P1_referral', 'P2_urgency', 'P3_matching', 'P4_key_handover', 'P5_introduction', 'P6_support_plan', 'P7_living', 'P8_transfer', 'P9_aftercare'] as const;
type Phase = (typeof PHASE_ORDER)[number];

export interface FormStartContext {
  phase: Phase;
  status: 'active' | 'closed';
  /** The client's consent as the trajectory records it: active, and whether one was ever given. */
  consentActive: boolean;
  consentEverGiven: boolean;
  /** The party the user reads the case as. */
  viewer: 'care_provider' | 'corporation' | 'wonen' | 'nuisance_hub' | 'client';
  role: string | null;
  isPersonalSupervisor: boolean;
  /** The kinds with a form that is not final yet. */
  openKinds: ReadonlyArray<FormKind>;
}

export type FormStartCode =
  | 'care_provider_fills_in' | 'personal_supervisor_fills_in' | 'trajectory_closed' | 'no_consent' | 'consent_withdrawn' | 'form_not_yet' | 'form_open';

export interface FormStartRefusal {
  code: FormStartCode;
  rule: string | null;
  nl: string;
  en: string;
}

/** The rule that says who fills in each form. */
export const FILLED_IN_BY: Readonly<Record<FormKind, string>> = { 'F-1': 'R-OR-35', 'F-2': 'R-OR-61', 'F-3': 'R-OR-67', 'F-4': 'R-OR-42' };

/** From which phase on each form may be started, the rule, and the moment in words. */
export const FORM_FROM: Readonly<Record<FormKind, { phase: Phase; rule: string; name: { nl: string; en: string }; after: { nl: string; en: string } }>> = {
  'F-1': { phase: 'P4_key_handover', rule: 'R-OR-37', name: { nl: 'het supplement', en: 'the supplement' }, after: { nl: 'na de sleuteloverdracht', en: 'after the key handover' } },
  'F-2': { phase: 'P5_introduction', rule: 'R-OR-56', name: { nl: 'het woonevaluatieformulier', en: 'the housing evaluation form' }, after: { nl: 'na het kennismakingsgesprek', en: 'after the introduction meeting' } },
  'F-3': { phase: 'P5_introduction', rule: 'R-OR-67', name: { nl: 'de voordracht voor omklap', en: 'the nomination for lease transfer' }, after: { nl: 'na het kennismakingsgesprek', en: 'after the introduction meeting' } },
  'F-4': { phase: 'P1_referral', rule: 'R-OR-41', name: { nl: 'het begeleidingsplan', en: 'the support plan' }, after: { nl: 'na de toestemming van de cliënt', en: 'after the client’s consent' } },
};

const r = (code: FormStartCode, rule: string | null, nl: string, en: string): FormStartRefusal => ({ code, rule, nl, en });

/** Why this form may not be started now, or null when it may. */
export function formStartRefusal(kind: FormKind, c: FormStartContext): FormStartRefusal | null {
  if (c.viewer !== 'care_provider') {
    return r('care_provider_fills_in', FILLED_IN_BY[kind], 'De zorgaanbieder vult dit formulier in; de woningcorporatie ondertekent het als eigen partij.', 'The care provider fills in this form; the housing corporation signs it as its own party.');
  }
  if (kind === 'F-3' && c.role === 'care_worker' && !c.isPersonalSupervisor) {
    return r('personal_supervisor_fills_in', 'R-OR-67', 'De persoonlijk begeleider vult de voordracht voor omklap in.', 'The personal supervisor fills in the nomination for lease transfer.');
  }
  if (c.status === 'closed') return r('trajectory_closed', null, 'Niet mogelijk: het traject is afgesloten.', 'Not possible: the trajectory is closed.');
  if (!c.consentActive) {
    return c.consentEverGiven
      ? r('consent_withdrawn', 'R-OR-94', 'Niet mogelijk: de cliënt heeft de toestemming ingetrokken; leg eerst opnieuw toestemming vast.', 'Not possible: the client withdrew consent; record consent again first.')
      : r('no_consent', 'R-OR-82', 'Nog niet mogelijk: eerst toestemming van de cliënt vastleggen.', 'Not possible yet: first record the client’s consent.');
  }
  const from = FORM_FROM[kind];
  if (PHASE_ORDER.indexOf(c.phase) < PHASE_ORDER.indexOf(from.phase)) {
    return r('form_not_yet', from.rule, `Nog niet mogelijk: ${from.name.nl} begint ${from.after.nl}.`, `Not possible yet: ${from.name.en} starts ${from.after.en}.`);
  }
  if (kind !== 'F-2' && c.openKinds.includes(kind)) {
    return r('form_open', null, `Nog niet mogelijk: ${from.name.nl} is al in behandeling; werk dat bij.`, `Not possible yet: ${from.name.en} is already in progress; update that one.`);
  }
  return null;
}

/** Per form kind: whether it may be started now, and if not, why. */
export function formStartOptions(kinds: ReadonlyArray<FormKind>, c: FormStartContext): Array<{ kind: FormKind; mayStart: boolean; reason: FormStartRefusal | null }> {
  return kinds.map((kind) => {
    const reason = formStartRefusal(kind, c);
    return { kind, mayStart: reason === null, reason };
  });
}
