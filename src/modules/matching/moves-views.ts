/**
 * The representations of a swap or move the API serves: the case with its steps in words, and the
 * decision (DR-MV-1 … DR-MV-4) for the current inputs in words. Rule IDs are data (`rule`), for a
 * help disclosure; the words never carry them.
 */
import {
  MOVE_REASON_WORDS, MOVE_TRANSITIONS, caseDecision, type CaseDecision, type MoveEventType, type MoveState,
} from '../../domain/matching/moves.ts';
import { DEADLINE_RULES } from '../../domain/trajectories/index.ts';
import type { LoadedMove, MoveDeadlineRow } from './moves-repository.ts';
import { awaitingWonen } from './moves-repository.ts';

const STATUS_WORDS: Record<MoveState['status'], { nl: string; en: string }> = {
  preparing: { nl: 'In voorbereiding', en: 'Being prepared' },
  submitted: { nl: 'Voorgelegd aan de directie Wonen', en: 'Submitted to directie Wonen' },
  agreed: { nl: 'Besloten in de extra woonevaluatie', en: 'Agreed in the extra housing evaluation' },
  registered: { nl: 'Geregistreerd in WoningNet', en: 'Registered in WoningNet' },
  completed: { nl: 'Verhuisd', en: 'Moved' },
  withdrawn: { nl: 'Ingetrokken', en: 'Withdrawn' },
};

/** The procedure's steps in order (R-MV-15 … R-MV-23), done or not. */
function steps(s: MoveState) {
  const list: Array<[MoveEventType, string | null]> = [
    ['substantiation_recorded', s.substantiation?.on ?? null],
    ['independent_review_done', s.independentReviewOn],
    ['submitted_to_wonen', s.submittedOn],
    ['wonen_decided', s.wonen?.on ?? null],
    ['extra_evaluation_recorded', s.extraEvaluationOn],
    ['furnishing_recorded', s.furnishing?.on ?? null],
    ['registered', s.registered?.on ?? null],
    ['completed', s.completedOn],
    ['introduction_meeting_held', s.introductionMeetingHeldOn],
  ];
  const needsWonen = caseDecision(s).wonenApprovalNeeded;
  return list
    .filter(([type]) => type !== 'wonen_decided' || needsWonen || s.wonen)
    .map(([type, on]) => ({ type, label: MOVE_TRANSITIONS[type].label, rules: MOVE_TRANSITIONS[type].rules, done: on !== null, on }));
}

export function decisionView(d: CaseDecision) {
  return {
    kind: d.kind,
    outcome: d.outcome,
    wonenApprovalNeeded: d.wonenApprovalNeeded,
    reasons: d.reasons.map((r) => ({ rule: r.rule, nl: r.words.nl, en: r.words.en })),
    swap: d.swap && { outcome: d.swap.outcome, row: d.swap.row, approvalRequired: d.swap.approvalRequired, adviseMove: d.swap.adviseMove },
    move: d.move && { outcome: d.move.outcome, row: d.move.row, newUrgency: d.move.newUrgency, targetRequirement: d.move.targetRequirement },
    target: d.target && { outcome: d.target.outcome, row: d.target.row, wonenDecisionRequired: d.target.wonenDecisionRequired },
    route: {
      woningnetCode: d.route.woningnetCode,
      activeMediation: d.route.activeMediation,
      registration: d.route.woningnetRegistration,
      countsTowardAgreedNumbers: d.route.countsTowardAgreedNumbers,
      monitorMoveReason: d.route.monitorMoveReason,
      furnishing: { nl: 'Geen recht op nieuwe inrichtingskosten; een lening kan worden aangevraagd via de zorgaanbieder.', en: 'No right to new furnishing costs; a loan can be applied for via the care provider.' },
      vacatedDwelling: d.route.vacatedDwelling === 'back_to_corporation'
        ? { nl: 'De vrijgekomen woning gaat terug naar de corporatie, die beslist of zij opnieuw wordt aangeboden.', en: 'The vacated dwelling goes back to the corporation, which decides whether it is offered again.' }
        : { nl: 'De vrijgekomen woning gaat naar de andere ruilpartij.', en: 'The vacated dwelling goes to the other swap party.' },
      introductionMeeting: { nl: 'Na de verhuizing volgt een kennismakingsgesprek, ook binnen dezelfde corporatie.', en: 'An introduction meeting follows the move, also within the same corporation.' },
    },
    // D-MV-01: a SHOULD without a date — a signal, never a dated deadline.
    signals: d.signals.map((x) => ({ rule: x.rule, nature: x.nature, nl: x.words.nl, en: x.words.en })),
  };
}

export function deadlineRowView(r: MoveDeadlineRow, asOf: string) {
  const rule = DEADLINE_RULES[r.rule_id as 'D-07' | 'D-08'];
  const status = r.met_on ? 'met' : r.closed_as ? r.closed_as : r.due_date && r.due_date < asOf ? 'missed' : 'open';
  return {
    key: r.key, ruleId: r.rule_id, appliesFor: 'D-MV-02', start: r.start_date, due: r.due_date, metOn: r.met_on, status,
    label: r.rule_id === 'D-07'
      ? { nl: 'Kennismakingsgesprek na de verhuizing inplannen binnen 6 weken', en: 'Schedule the introduction meeting after the move within 6 weeks' }
      : r.rule_id === 'D-08' ? { nl: 'Kennismakingsgesprek na de verhuizing binnen 3 maanden', en: 'Introduction meeting after the move within 3 months' } : (rule?.label ?? { nl: r.rule_id, en: r.rule_id }),
  };
}

/** The move as the party may see it. The substantiation's text stays with the care provider and Wonen (R-MV-15, R-MV-16). */
export function moveView(m: LoadedMove, relation: string | null, deadlines: MoveDeadlineRow[], asOf: string) {
  const s = m.state;
  const careSide = relation === 'case_team' || relation === 'case_care_provider' || relation === 'case_wonen';
  return {
    id: m.id,
    kind: m.kind,
    trajectoryId: m.trajectoryId,
    otherTrajectoryId: m.otherTrajectoryId,
    careProviderId: m.careProviderId,
    corporationId: m.corporationId,
    municipalityId: m.municipalityId,
    status: s.status,
    statusLabel: STATUS_WORDS[s.status],
    awaitingWonen: awaitingWonen(s),
    startedOn: s.startedOn,
    reason: s.reason ? { code: s.reason, label: MOVE_REASON_WORDS[s.reason] } : null,
    currentArea: s.currentArea,
    targetArea: s.targetArea,
    similar: s.similar,
    facts: s.facts,
    substantiation: s.substantiation ? { on: s.substantiation.on, byPractitioner: s.substantiation.byPractitioner, ...(careSide ? { summary: s.substantiation.summary } : {}) } : null,
    wonen: s.wonen,
    newAddress: s.newAddress,
    steps: steps(s),
    decision: decisionView(caseDecision(s)),
    deadlines: deadlines.map((d) => deadlineRowView(d, asOf)),
    events: m.events.map((e) => ({ id: e.id, seq: e.seq, type: e.type, label: MOVE_TRANSITIONS[e.type]?.label ?? { nl: e.type, en: e.type }, occurredOn: e.occurredOn, recordedAt: e.recordedAt })),
    viewer: relation,
    version: m.version,
  };
}
