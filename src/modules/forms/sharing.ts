/**
 * What a viewer gets of a three-party form (omslagroute.md §8.3, domain/privacy/visibility.ts):
 * the care provider works on every form; outside the care provider a form is shared only as
 * the visibility matrix says and only once it is submitted (a draft is the care provider's
 * working material, not a copy). The corporation never sees the support plan (R-OR-46) and
 * gets only the aftercare part of the nomination (F-3 partial copy: V-01, V-03, V-09); Wonen
 * receives the nomination once it was sent to Wonen (R-OR-68, R-OR-71).
 *
 * Only the care provider fills in the forms (R-OR-35, R-OR-61, R-OR-67); the corporation signs
 * F-1 and F-2 as its own party.
 */
import { Problem } from '../../platform/http/problem.ts';
import { FORM_ARTEFACT, FORM_PURPOSES, PURPOSE_LABELS, VISIBILITY, formSharedUnder, type Viewer } from '../../domain/privacy/visibility.ts';
import type { FormDefinition, FormKind, FormStatus } from '../../domain/forms/index.ts';
import type { CaseAccess, LoadedTrajectory } from '../trajectories/index.ts';

/** full: everything; copy: the whole form as a copy (read-only); partial: the §8.3 part only. */
export type FormCopy = 'full' | 'copy' | 'partial';

export type Sharing = { ok: true; copy: FormCopy } | { ok: false; problem: Problem };

/** The rule that says who fills in each form. */
export const FILLED_IN_BY_RULE: Readonly<Record<FormKind, string>> = {
  'F-1': 'R-OR-35',
  'F-2': 'R-OR-61',
  'F-3': 'R-OR-67',
  'F-4': 'R-OR-42',
};

/** Whether a nomination (F-3) was ever sent to Wonen in this trajectory (it stays with Wonen's outcome). */
function sentToWonen(t: LoadedTrajectory): boolean {
  const s = t.state;
  return s.sentToWonenOn !== null || s.wonenConfirmedOn !== null || s.wonenReturned !== null;
}

/** Who reads, and under which purpose (CaseAccess). */
export interface FormReader {
  viewer: Viewer;
  purpose: string | null;
}

export function formSharing(reader: FormReader, kind: FormKind, status: FormStatus, t: LoadedTrajectory): Sharing {
  const { viewer } = reader;
  if (viewer === 'care_provider') return { ok: true, copy: 'full' };
  const access = VISIBILITY[FORM_ARTEFACT[kind]][viewer];
  if (access === 'none') {
    const supportPlan = kind === 'F-4';
    return {
      ok: false,
      problem: new Problem({
        status: 403,
        code: 'artefact_not_visible',
        titleNl: 'Niet zichtbaar voor uw organisatie',
        titleEn: 'Not visible to your organisation',
        detailNl: supportPlan
          ? 'De woningcorporatie heeft geen toegang tot het begeleidingsplan.'
          : `Formulier ${kind} wordt niet met uw organisatie gedeeld.`,
        detailEn: supportPlan ? 'The housing corporation has no access to the support plan.' : `Form ${kind} is not shared with your organisation.`,
        rule: supportPlan ? 'R-OR-46' : 'R-OR-86',
        extra: { kind },
      }),
    };
  }
  if (!formSharedUnder(viewer, kind, reader.purpose)) {
    const allowed = FORM_PURPOSES[kind];
    const list = (lang: 'nl' | 'en') => allowed.map((p) => `“${PURPOSE_LABELS[p][lang]}”`).join(lang === 'nl' ? ' of ' : ' or ');
    return {
      ok: false,
      problem: new Problem({
        status: 403,
        code: 'form_not_for_purpose',
        titleNl: 'Niet gedeeld voor dit doel',
        titleEn: 'Not shared for this purpose',
        detailNl: `Dit formulier wordt alleen gedeeld voor ${list('nl')}.`,
        detailEn: `This form is shared only for ${list('en')}.`,
        rule: 'R-OR-86',
        extra: { kind, allowedPurposes: allowed },
      }),
    };
  }
  if (status === 'draft' || (viewer === 'wonen' && kind === 'F-3' && !sentToWonen(t))) {
    return {
      ok: false,
      problem: new Problem({
        status: 403,
        code: 'form_not_shared',
        titleNl: 'Nog niet gedeeld',
        titleEn: 'Not shared yet',
        detailNl: viewer === 'wonen' ? 'De voordracht is nog niet naar directie Wonen gestuurd.' : 'Dit formulier is nog een concept van de zorgaanbieder; u ontvangt het zodra het is ingediend.',
        detailEn: viewer === 'wonen' ? 'The nomination has not been sent to directie Wonen yet.' : 'This form is still a draft of the care provider; you receive it once it is submitted.',
        rule: viewer === 'wonen' ? 'R-OR-68' : 'R-OR-86',
        extra: { kind },
      }),
    };
  }
  return { ok: true, copy: access === 'partial' ? 'partial' : access === 'full' ? 'full' : 'copy' };
}

/** The sharing, or the problem that refuses it. */
export function requireSharing(reader: FormReader, kind: FormKind, status: FormStatus, t: LoadedTrajectory): FormCopy {
  const s = formSharing(reader, kind, status, t);
  if (!s.ok) throw s.problem;
  return s.copy;
}

/** Attachments are part of the whole form: not of a partial copy (F-3 for the corporation). */
export function requireAttachmentsShared(copy: FormCopy, kind: FormKind) {
  if (copy === 'partial') {
    throw new Problem({
      status: 403,
      code: 'attachments_not_shared',
      titleNl: 'Bijlagen niet gedeeld',
      titleEn: 'Attachments not shared',
      detailNl: 'U ontvangt alleen het deel over zorg en ondersteuning na omklap; de bijlagen horen daar niet bij.',
      detailEn: 'You receive only the part on care and support after transfer; the attachments are not part of it.',
      rule: 'R-OR-86',
      extra: { kind },
    });
  }
}

/** R-OR-35 / R-OR-61 / R-OR-67: only the care provider fills in a form; for F-3 the personal supervisor. */
export function requireFilledInByCareProvider(access: CaseAccess, kind: FormKind, role: string | null) {
  if (access.viewer !== 'care_provider') {
    throw new Problem({
      status: 422,
      code: 'care_provider_fills_in',
      titleNl: 'Niet toegestaan volgens de afspraken',
      titleEn: 'Not allowed by the rules',
      detailNl: 'De zorgaanbieder vult dit formulier in; de woningcorporatie ondertekent het als eigen partij.',
      detailEn: 'The care provider fills in this form; the housing corporation signs it as its own party.',
      rule: FILLED_IN_BY_RULE[kind],
      extra: { kind },
    });
  }
  if (kind === 'F-3' && role === 'care_worker' && !access.isPersonalSupervisor) {
    throw new Problem({
      status: 422,
      code: 'personal_supervisor_fills_in',
      titleNl: 'Niet toegestaan volgens de afspraken',
      titleEn: 'Not allowed by the rules',
      detailNl: 'De persoonlijk begeleider vult de Voordracht voor Omklap in.',
      detailEn: 'The personal supervisor fills in the nomination for lease transfer.',
      rule: 'R-OR-67',
    });
  }
}

/** The definition as the viewer sees it: a partial copy shows only the `partialCopy` fields. */
export function definitionFor(def: FormDefinition, copy: FormCopy): FormDefinition {
  if (copy !== 'partial') return def;
  return {
    ...def,
    sections: def.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => f.partialCopy) })).filter((s) => s.fields.length > 0),
    checks: [],
  };
}

/** The data as the viewer sees it. */
export function dataFor(def: FormDefinition, data: Record<string, unknown>, copy: FormCopy): Record<string, unknown> {
  if (copy !== 'partial') return data;
  const keep = new Set(def.sections.flatMap((s) => s.fields.filter((f) => f.partialCopy).map((f) => f.id)));
  return Object.fromEntries(Object.entries(data).filter(([k]) => keep.has(k)));
}
