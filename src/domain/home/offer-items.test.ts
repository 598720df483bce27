/** Offers (case kind 'offer') on the home queues: the care provider's work before a client has a team. */
import { describe, expect, it } from 'vitest';
import { buildQueues, deadlineItem, isOwnDeadline, type QueueDeadline, type QueueInput } from './queue.ts';

const ASOF = '2026-03-02';
const ME = 'user-me';
const offer = (over: Partial<QueueDeadline> = {}): QueueDeadline => ({
  caseKind: 'offer', caseId: 'offer-1', trajectoryId: null, clientId: null, clientName: null,
  key: 'D-02', ruleId: 'D-02', actors: ['care_provider'], due: '2026-03-03', assigneeUserId: null, onTeam: false, ...over,
});
const input = (over: Partial<QueueInput>): QueueInput => ({ role: 'care_worker', userId: ME, asOf: ASOF, horizon: '2026-03-16', deadlines: [], signatures: [], reviews: [], ...over });
const itemsOf = (q: ReturnType<typeof buildQueues>, key: string) => q.queues.find((x) => x.key === key)?.items ?? [];

describe('offers on the home page', () => {
  it('D-02: an unassigned offer to the care provider is every care worker\'s own work there; an unassigned trajectory deadline only for the team', () => {
    expect(isOwnDeadline(offer(), 'care_provider', 'care_worker', ME)).toBe(true);
    expect(isOwnDeadline(offer({ caseKind: 'trajectory', trajectoryId: 'case-1' }), 'care_provider', 'care_worker', ME)).toBe(false);
    expect(isOwnDeadline(offer({ caseKind: 'trajectory', trajectoryId: 'case-1', onTeam: true }), 'care_provider', 'care_worker', ME)).toBe(true);
    expect(isOwnDeadline(offer({ assigneeUserId: 'someone-else' }), 'care_provider', 'care_worker', ME)).toBe(false);
    const q = buildQueues(input({ deadlines: [offer()] }));
    expect(itemsOf(q, 'dueSoon').map((i) => [i.caseKind, i.caseId, i.text.nl])).toEqual([['offer', 'offer-1', 'Zorgaanbieder: reageren op het woningaanbod']]);
  });

  it('R-MA-17: the case review after a refused one-time offer is worded for the care provider and Wonen', () => {
    const item = deadlineItem(offer({ key: 'R-MA-17', ruleId: 'R-MA-17', actors: ['care_provider', 'wonen'], due: '2026-03-16' }), ASOF);
    expect(item.text).toEqual({ nl: 'Zorgaanbieder en Wonen: casusbespreking na het geweigerde eenmalige aanbod', en: 'Care provider and Wonen: case review after the refused one-time offer' });
  });
});
