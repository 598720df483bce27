import { describe, expect, it } from 'vitest';
import { buildQueues, partyOf, taskOf, type QueueDeadline } from './queue.ts';

const d = (over: Partial<QueueDeadline>): QueueDeadline => ({
  caseKind: 'nuisance', caseId: 'c1', trajectoryId: null, clientId: null, clientName: null, key: 'D-OV-05', ruleId: 'D-OV-05', actors: ['nuisance_hub'], due: '2026-03-10', assigneeUserId: null, onTeam: false, ...over,
});
const queues = (role: 'nuisance_hub_officer' | 'care_worker', deadlines: QueueDeadline[]) =>
  buildQueues({ role, userId: 'u1', asOf: '2026-03-02', horizon: '2026-03-16', deadlines, signatures: [], reviews: [] });

describe('the hub\'s home queues (overlast.md §5)', () => {
  it('D-OV-05: the hub officer sees the cases past the three-month target as overdue and those about to pass it as due soon', () => {
    expect(partyOf('nuisance_hub_officer')).toBe('nuisance_hub');
    const q = queues('nuisance_hub_officer', [d({ caseId: 'late', due: '2026-02-27' }), d({ caseId: 'soon', due: '2026-03-10' }), d({ caseId: 'later', due: '2026-05-01' })]);
    expect(q.queues.map((x) => x.key)).toEqual(['overdue', 'dueSoon']);
    expect(q.queues[0]!.items.map((i) => i.caseId)).toEqual(['late']);
    expect(q.queues[1]!.items.map((i) => i.caseId)).toEqual(['soon']);
    expect(q.queues[0]!.items[0]!.text.nl).toBe('Meldpunt: overlast binnen drie maanden verholpen (bewaken)');
  });
  it('D-OV-01: a care worker\'s nuisance deadline (no team on a nuisance case) is its own work, worded without codes', () => {
    const q = queues('care_worker', [d({ key: 'D-OV-01:r1', ruleId: 'D-OV-01', actors: ['care_provider'], due: '2026-03-04' }), d({})]);
    const due = q.queues.find((x) => x.key === 'dueSoon')!;
    expect(due.items.map((i) => i.text.nl)).toEqual(['Zorgaanbieder: contact opnemen met de melder van overlast']);
    // The hub's own deadline waits on others for the care worker.
    expect(q.queues.find((x) => x.key === 'waitingOnOthers')!.items.map((i) => i.ruleId)).toEqual(['D-OV-05']);
  });
  it('every nuisance deadline reads as a task in words, never as its code', () => {
    for (const id of ['D-OV-01', 'D-OV-02', 'D-OV-03', 'D-OV-04', 'D-OV-05', 'D-OV-06', 'D-OV-08', 'D-OV-09', 'D-OV-10', 'D-OV-11', 'D-OV-12', 'D-OV-13', 'R-OV-33', 'R-OV-61']) {
      const t = taskOf(id);
      expect(t.nl, id).not.toMatch(/D-OV|R-OV|termijn afhandelen/);
      expect(t.en, id).not.toMatch(/D-OV|R-OV|handle the deadline/);
    }
  });
});
