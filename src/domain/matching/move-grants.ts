/**
 * Swaps and moves on a mismatch (young-adults-and-moves.md Part B): who acts on a 'move' case, by
 * the case relations of the trajectory it belongs to (policy.ts relationsOf). The list uses the
 * same grants as the detail (move.list = move.read), so the list shows exactly the readable moves.
 * Which party may record which step (the independent reviewer reviews, Wonen decides) is the
 * domain's transition table (moves.ts MOVE_TRANSITIONS); a wrong party is refused there (403).
 */
import type { GrantTable } from '../policy/policy.ts';
import { CC_CASE, CW_TEAM, REVIEWER_CASE, TM_CASE, WON_CASE } from '../trajectories/grants.ts';

export const MOVE_ACTIONS = ['move.create', 'move.read', 'move.list', 'move.record_event'] as const;

/** Care provider staff on the case, its reviewers, the corporation's contact, Wonen of the municipality. */
const MOVE_READERS = [CW_TEAM, TM_CASE, REVIEWER_CASE, CC_CASE, WON_CASE];

export const MOVE_GRANTS: GrantTable<(typeof MOVE_ACTIONS)[number]> = {
  // R-MV-15: the care provider starts the request (a care worker on the team or its team manager).
  'move.create': [CW_TEAM, TM_CASE],
  'move.read': MOVE_READERS,
  'move.list': MOVE_READERS,
  'move.record_event': MOVE_READERS,
};
