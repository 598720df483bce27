/**
 * Steps that explain themselves (issue 9): `GET /trajectories/:id/steps` tells the recording
 * party which steps it can record now, which step(s) the route suggests next, and for every other
 * step it may record what is still missing — in words, from the same checks that refuse a step
 * (domain/trajectories/availability.ts). A refused step reads "Nog niet mogelijk: …" with the same
 * words (`refusalInWords`, used by the POST of events).
 */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { Problem, problem } from '../../platform/http/problem.ts';
import { IdParams, ProblemResponses } from '../../platform/http/schemas.ts';
import { todayIn } from '../../platform/clock.ts';
import type { CaseEventRefused, CaseViolation } from '../../platform/cases/engine.ts';
import { TRANSITIONS, type EventType } from '../../domain/trajectories/index.ts';
import {
  LEGAL_EFFECT_EVENTS, availability, missingItem, notYetPossible, suggestedNext, type MissingItem, type StepAvailability,
} from '../../domain/trajectories/availability.ts';
import { actorOf, authorizeCase } from './access.ts';
import { loadTrajectory } from './repository.ts';

const Label = Type.Object({ nl: Type.String(), en: Type.String() });
const Missing = Type.Object({ code: Type.String(), nl: Type.String(), en: Type.String(), ruleId: Type.Union([Type.String(), Type.Null()]) });
const Step = {
  type: Type.String(),
  label: Label,
  /** Whether the step belongs to certain phases (rather than being possible at any time). */
  phaseStep: Type.Boolean(),
  /** A decision with legal effect: the UI asks for a confirmation first. */
  legalEffect: Type.Boolean(),
};
const StepsResponse = Type.Object({
  suggested: Type.Array(Type.Object(Step)),
  available: Type.Array(Type.Object(Step)),
  unavailable: Type.Array(Type.Object({ ...Step, missing: Type.Array(Missing) })),
});

const ERASED: MissingItem = { code: 'client_erased', ruleId: null, nl: 'De gegevens van deze cliënt zijn gewist; er kan niets meer worden vastgelegd.', en: 'This client’s data has been erased; nothing more can be recorded.' };

const stepOf = (type: EventType) => ({ type, label: TRANSITIONS[type].label, phaseStep: Array.isArray(TRANSITIONS[type].from), legalEffect: LEGAL_EFFECT_EVENTS.has(type) });

/** Whether a violation is about what must be in place before the step (domain guards mark these). */
const isPrecondition = (x: CaseViolation) => (x as { precondition?: boolean }).precondition === true;

/**
 * A refusal in the words of availability: when something must be in place first, the title is
 * "Nog niet mogelijk" and the detail lists what is missing (then any problem with the data); the
 * field errors, the violations and the rule ID stay as the engine made them.
 */
export function refusalInWords(err: CaseEventRefused): Problem {
  const missing = err.violations.filter(isPrecondition);
  if (!missing.length) return err;
  const rest = err.violations.filter((x) => !isPrecondition(x));
  const words = notYetPossible(missing);
  return new Problem({
    ...err.init,
    titleNl: 'Nog niet mogelijk',
    titleEn: 'Not possible yet',
    detailNl: [words.nl, ...rest.map((x) => x.nl)].join(' '),
    detailEn: [words.en, ...rest.map((x) => x.en)].join(' '),
    extra: { ...err.init.extra, missing: missing.map((x) => missingItem({ ...x, rule: x.rule ?? null })) },
  });
}

export async function stepsRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  app.get('/trajectories/:id/steps', {
    config: { action: 'trajectory.record_event', resourceType: 'trajectory' },
    schema: {
      tags: ['trajectories'],
      summary: 'The steps you can record now, the suggested next step(s), and for the others what is still missing (in words, with the rule)',
      params: IdParams,
      querystring: Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false }),
      response: { 200: StepsResponse, ...ProblemResponses },
    },
  }, async (req) => {
    const t = await loadTrajectory(db, req.params.id);
    if (!t) throw problem.notFound('Het traject', 'The trajectory');
    // The same decision as recording a step: relation, purpose in this phase, consent, processing agreement.
    const actor = actorOf(subjectOf(req), await authorizeCase(db, clock, req, 'trajectory.record_event', t));
    const today = todayIn(clock);
    const all: StepAvailability[] = t.client.erased
      ? availability(t.state, actor, today).map((a) => ({ type: a.type, available: false, missing: [ERASED] }))
      : availability(t.state, actor, today);
    return {
      suggested: t.client.erased ? [] : suggestedNext(t.state, actor, today).map(stepOf),
      available: all.filter((a) => a.available).map((a) => stepOf(a.type)),
      unavailable: all.flatMap((a) => (a.available ? [] : [{ ...stepOf(a.type), missing: a.missing }])),
    };
  });
}
