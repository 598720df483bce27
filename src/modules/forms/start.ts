/**
 * Starting a form over HTTP: the domain's one decision (domain/forms/start.ts) fed from the case,
 * the access and the open forms; the list offers `start` per kind, POST …/forms refuses with it.
 */
import { Problem } from '../../platform/http/problem.ts';
import { formStartRefusal, type FormStartContext, type FormStartRefusal } from '../../domain/forms/start.ts';
import type { FormKind } from '../../domain/forms/index.ts';
import type { CaseAccess, LoadedTrajectory } from '../trajectories/index.ts';

export function formStartContext(t: LoadedTrajectory, access: Pick<CaseAccess, 'viewer' | 'isPersonalSupervisor'>, role: string | null, openKinds: ReadonlyArray<FormKind>): FormStartContext {
  const s = t.state;
  return {
    phase: s.phase, status: s.status, consentActive: s.consentActive, consentEverGiven: s.consentId !== null,
    viewer: access.viewer, role, isPersonalSupervisor: access.isPersonalSupervisor, openKinds,
  };
}

/** The refusal as a problem: 409 for a form already in progress (with its id), otherwise 422 with the rule. */
export function startProblem(kind: FormKind, x: FormStartRefusal, openFormId: string | null): Problem {
  if (x.code === 'form_open') {
    return new Problem({ status: 409, code: 'form_open', titleNl: 'Nog niet mogelijk', titleEn: 'Not possible yet', detailNl: x.nl, detailEn: x.en, extra: { kind, formId: openFormId } });
  }
  const notYet = x.code === 'no_consent' || x.code === 'form_not_yet';
  return new Problem({
    status: 422, code: x.code,
    titleNl: notYet ? 'Nog niet mogelijk' : 'Niet toegestaan volgens de afspraken', titleEn: notYet ? 'Not possible yet' : 'Not allowed by the rules',
    detailNl: x.nl, detailEn: x.en, ...(x.rule ? { rule: x.rule } : {}), extra: { kind },
  });
}

export { formStartRefusal };
