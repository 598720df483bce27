/** The home page's work queues: which queue an item lands in per role, and how it is worded. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorsText, buildQueues, dayMonth, deadlineItem, dueText, openWork, partyOf, startMembership, taskOf, QUEUE_KEYS, type QueueDeadline, type QueueInput } from './queue.ts';

const ASOF = '2026-12-15';
const HORIZON = '2026-12-29';
const ME = 'user-me';

const dl = (over: Partial<QueueDeadline>): QueueDeadline => ({
  caseKind: 'trajectory', caseId: 'case-1', trajectoryId: 'case-1', clientId: 'client-1', clientName: 'Sanne Jansen',
  key: 'D-10#1', ruleId: 'D-10', actors: ['care_provider'], due: '2026-12-12', assigneeUserId: ME, onTeam: true, ...over,
});
const input = (over: Partial<QueueInput>): QueueInput => ({ role: 'care_worker', userId: ME, asOf: ASOF, horizon: HORIZON, deadlines: [], signatures: [], reviews: [], ...over });
const itemsOf = (q: ReturnType<typeof buildQueues>, key: string) => q.queues.find((x) => x.key === key)?.items ?? [];

describe('wording', () => {
  it('D-10: a late housing evaluation reads as party, task and how late', () => {
    const item = deadlineItem(dl({}), ASOF);
    expect(item.text.nl).toBe('Zorgaanbieder: woonevaluatie houden');
    expect(item.when?.nl).toBe('uiterlijk 12 december (3 dagen te laat)');
    expect(item.text.en).toBe('Care provider: hold the housing evaluation');
    expect(item.when?.en).toBe('by 12 December (3 days late)');
    expect(item.overdue).toBe(true);
    expect(item.ruleId).toBe('D-10');
  });

  it('D-01: three parties are joined in words, Wonen keeps its capital', () => {
    expect(actorsText(['care_provider', 'corporation', 'wonen'])).toEqual({ nl: 'Zorgaanbieder, woningcorporatie en Wonen', en: 'Care provider, housing corporation and Wonen' });
    expect(actorsText(['wonen'])).toEqual({ nl: 'Wonen', en: 'Wonen' });
    expect(actorsText(['corporation', 'care_provider'])).toEqual({ nl: 'Woningcorporatie en zorgaanbieder', en: 'Housing corporation and care provider' });
    expect(actorsText(['martians']).nl).toBe('Onbekende partij');
  });

  it('due text: one day late, today, one day left, days left, next year, paused', () => {
    expect(dueText('2026-12-14', ASOF).nl).toBe('uiterlijk 14 december (1 dag te laat)');
    expect(dueText('2026-12-15', ASOF)).toEqual({ nl: 'uiterlijk 15 december (vandaag)', en: 'by 15 December (today)' });
    expect(dueText('2026-12-16', ASOF)).toEqual({ nl: 'uiterlijk 16 december (nog 1 dag)', en: 'by 16 December (1 day left)' });
    expect(dueText('2026-12-19', ASOF).nl).toBe('uiterlijk 19 december (nog 4 dagen)');
    expect(dueText('2027-01-05', ASOF).nl).toBe('uiterlijk 5 januari 2027 (nog 21 dagen)');
    expect(dueText(null, ASOF)).toEqual({ nl: 'gepauzeerd', en: 'paused' });
    expect(dayMonth('2026-03-01', ASOF, 'en')).toBe('1 March');
  });

  it('D-WON-1: Wonen’s urgency decision reads as a task, with Wonen named once', () => {
    expect(deadlineItem(dl({ ruleId: 'D-WON-1', actors: ['wonen'] }), ASOF).text).toEqual({ nl: 'Wonen: besluiten op de urgentieaanvraag', en: 'Wonen: decide on the urgency request' });
  });

  it('a rule without a task of its own reads as its label; an unknown rule as a plain task, never its code', () => {
    expect(taskOf('D-09').nl).toBe('Intermediaire verhuur minimaal 1 jaar (vroegste omklap)');
    expect(taskOf('D-99')).toEqual({ nl: 'termijn afhandelen', en: 'handle the deadline' });
    expect(deadlineItem(dl({ ruleId: 'D-99' }), ASOF).text.nl).not.toContain('D-99');
  });

  it('no item text or date text shows a rule code (property)', () => {
    const rules = ['D-01', 'D-02', 'D-03', 'D-04', 'D-05', 'D-06', 'D-07', 'D-08', 'D-09', 'D-10', 'D-11', 'D-12', 'D-13', 'D-14', 'D-15', 'D-16', 'D-OV-09', 'D-WON-1', 'D-17', 'X-1'];
    fc.assert(fc.property(fc.constantFrom(...rules), fc.integer({ min: -400, max: 400 }), (ruleId, offset) => {
      const due = new Date(Date.UTC(2026, 11, 15 + offset)).toISOString().slice(0, 10);
      const item = deadlineItem(dl({ ruleId, due }), ASOF);
      for (const s of [item.text.nl, item.text.en, item.when?.nl ?? '', item.when?.en ?? '']) expect(s).not.toMatch(/\b[A-Z]-\d|D-OV|D-WON/);
      expect(item.overdue).toBe(offset < 0);
    }));
  });
});

describe('queues per role', () => {
  it('D-10: a care worker sees her overdue and due-soon deadlines, not those assigned to a colleague', () => {
    const q = buildQueues(input({
      deadlines: [
        dl({ key: 'a', due: '2026-12-12' }),
        dl({ key: 'b', due: '2026-12-29' }), // last day within the horizon
        dl({ key: 'c', due: '2026-12-30' }), // first day after it
        dl({ key: 'd', due: '2026-12-20', assigneeUserId: 'colleague' }),
        dl({ key: 'e', due: '2026-12-20', assigneeUserId: null, onTeam: true }),
      ],
    }));
    expect(itemsOf(q, 'overdue').map((i) => i.key)).toEqual(['a']);
    expect(itemsOf(q, 'dueSoon').map((i) => i.key)).toEqual(['e', 'b']);
    expect(q.counts).toMatchObject({ overdue: 1, dueSoon: 2, toSign: 0, waitingOnOthers: 0, urgency: 0 });
    expect(q.queues.map((x) => x.key)).toEqual(['overdue', 'dueSoon', 'toSign', 'waitingOnOthers']);
  });

  it('D-13, D-14: a care worker waits on Wonen and the corporation; D-01 is her own work too', () => {
    const q = buildQueues(input({
      deadlines: [
        dl({ key: 'D-13', ruleId: 'D-13', actors: ['wonen'], assigneeUserId: null, due: '2026-12-18' }),
        dl({ key: 'D-14', ruleId: 'D-14', actors: ['corporation'], assigneeUserId: 'contact', due: '2027-02-01' }),
        dl({ key: 'D-01', ruleId: 'D-01', actors: ['care_provider', 'corporation', 'wonen'], due: '2026-12-01' }),
      ],
    }));
    expect(itemsOf(q, 'waitingOnOthers').map((i) => [i.key, i.text.nl])).toEqual([
      ['D-13', 'Wonen: voordracht bevestigen of retourneren'],
      ['D-14', 'Woningcorporatie: huurcontract op eigen naam regelen'],
    ]);
    expect(itemsOf(q, 'overdue').map((i) => i.key)).toEqual(['D-01']);
    expect(openWork(q)).toBe(1);
  });

  it('D-01: a corporation contact owns the overdue offer deadline of its client, whoever it is assigned to', () => {
    const q = buildQueues(input({
      role: 'corporation_contact',
      deadlines: [
        dl({ key: 'D-01', ruleId: 'D-01', actors: ['care_provider', 'corporation', 'wonen'], assigneeUserId: 'supervisor', due: '2026-11-01' }),
        dl({ key: 'D-14', ruleId: 'D-14', actors: ['corporation'], assigneeUserId: 'other-contact', due: '2026-12-20' }),
        dl({ key: 'D-14b', ruleId: 'D-14', actors: ['corporation'], assigneeUserId: ME, due: '2026-12-21' }),
        dl({ key: 'D-10', ruleId: 'D-10', actors: ['care_provider'], assigneeUserId: 'supervisor', due: '2026-12-20' }),
      ],
    }));
    expect(itemsOf(q, 'overdue').map((i) => i.key)).toEqual(['D-01']);
    expect(itemsOf(q, 'dueSoon').map((i) => i.key)).toEqual(['D-14b']);
    expect(itemsOf(q, 'waitingOnOthers').map((i) => i.key)).toEqual(['D-10']);
  });

  it('D-01, R-OR-13: a corporation contact sees its clients waiting for an offer however far the due date, and an overdue one as late', () => {
    const q = buildQueues(input({
      role: 'corporation_contact',
      deadlines: [
        dl({ key: 'far', ruleId: 'D-01', actors: ['care_provider', 'corporation', 'wonen'], assigneeUserId: 'supervisor', due: '2027-03-01' }),
        dl({ key: 'today', ruleId: 'D-01', actors: ['care_provider', 'corporation', 'wonen'], assigneeUserId: 'supervisor', due: '2026-12-15' }),
        dl({ key: 'late', ruleId: 'D-01', actors: ['care_provider', 'corporation', 'wonen'], assigneeUserId: 'supervisor', due: '2026-12-14' }),
        dl({ key: 'not-ours', ruleId: 'D-01', actors: ['care_provider', 'wonen'], assigneeUserId: 'supervisor', due: '2027-01-01' }),
      ],
    }));
    expect(itemsOf(q, 'offers').map((i) => [i.key, i.text.nl])).toEqual([
      ['today', 'Zorgaanbieder, woningcorporatie en Wonen: passend woningaanbod doen'],
      ['far', 'Zorgaanbieder, woningcorporatie en Wonen: passend woningaanbod doen'],
    ]);
    expect(itemsOf(q, 'overdue').map((i) => i.key)).toEqual(['late']);
    expect(itemsOf(q, 'dueSoon')).toEqual([]);
    expect(q.queues.map((x) => x.key)).toEqual(['overdue', 'offers', 'dueSoon', 'toSign', 'waitingOnOthers']);
    expect(q.counts.offers).toBe(2);
    // The care worker shares D-01 but has no offers queue: hers is in due soon or overdue only.
    const cw = buildQueues(input({ deadlines: [dl({ key: 'far', ruleId: 'D-01', actors: ['care_provider', 'corporation', 'wonen'], due: '2027-03-01' })] }));
    expect(cw.counts.offers).toBe(0);
    expect(cw.queues.map((x) => x.key)).not.toContain('offers');
  });

  it('D-13: Wonen sees nominations, its own urgency decisions and the corporations’ lease steps', () => {
    const q = buildQueues(input({
      role: 'wonen_officer',
      deadlines: [
        dl({ key: 'D-13', ruleId: 'D-13', actors: ['wonen'], assigneeUserId: null, due: '2026-12-18' }),
        dl({ key: 'U', ruleId: 'D-17', actors: ['wonen'], assigneeUserId: null, due: '2026-12-10' }),
        dl({ key: 'D-14', ruleId: 'D-14', actors: ['corporation'], assigneeUserId: 'c', due: '2027-01-20' }),
        dl({ key: 'D-01', ruleId: 'D-01', actors: ['care_provider', 'corporation', 'wonen'], assigneeUserId: 's', due: '2026-12-01' }),
        dl({ key: 'D-10', ruleId: 'D-10', actors: ['care_provider'], assigneeUserId: 's', due: '2026-12-01' }),
      ],
    }));
    expect(itemsOf(q, 'nominations').map((i) => i.key)).toEqual(['D-13']);
    expect(itemsOf(q, 'urgency').map((i) => i.key)).toEqual(['U']);
    expect(itemsOf(q, 'transfers').map((i) => i.key)).toEqual(['D-14']);
    expect(itemsOf(q, 'overdue').map((i) => i.key)).toEqual(['D-01']);
    expect(q.counts).toMatchObject({ nominations: 1, urgency: 1, transfers: 1, overdue: 1, dueSoon: 0 });
  });

  it('a team manager sees every overdue deadline of the organisation', () => {
    const q = buildQueues(input({
      role: 'team_manager',
      deadlines: [dl({ key: 'a', assigneeUserId: 'x' }), dl({ key: 'b', actors: ['wonen'], ruleId: 'D-13', assigneeUserId: null }), dl({ key: 'c', due: '2026-12-20', assigneeUserId: 'y' })],
    }));
    expect(itemsOf(q, 'organisationOverdue').map((i) => i.key)).toEqual(['a', 'b']);
    expect(itemsOf(q, 'dueSoon').map((i) => i.key)).toEqual(['c']);
  });

  it('forms to sign: the care provider signs for itself and records the resident’s; the corporation signs for itself', () => {
    const sig = { formId: 'f1', formTitle: { nl: 'Woonevaluatie', en: 'housing evaluation' }, trajectoryId: 't1', clientId: 'c1', clientName: 'S', missing: ['client', 'corporation'] as const };
    const cw = buildQueues(input({ signatures: [sig] }));
    expect(itemsOf(cw, 'toSign').map((i) => i.text.nl)).toEqual(['Bewoner: Woonevaluatie ondertekenen']);
    const cc = buildQueues(input({ role: 'corporation_contact', signatures: [sig] }));
    expect(itemsOf(cc, 'toSign').map((i) => [i.text.nl, i.formId])).toEqual([['Woningcorporatie: Woonevaluatie ondertekenen', 'f1']]);
    const none = buildQueues(input({ role: 'corporation_contact', signatures: [{ ...sig, missing: ['client'] }] }));
    expect(none.counts.toSign).toBe(0);
    expect(buildQueues(input({ role: 'wonen_officer', signatures: [sig] })).counts.toSign).toBe(0);
  });

  it('an independent reviewer sees the nominations to review', () => {
    const q = buildQueues(input({ role: 'independent_reviewer', reviews: [{ trajectoryId: 't1', clientId: 'c1', clientName: 'S', since: '2026-12-01' }], deadlines: [dl({})] }));
    expect(q.queues.map((x) => x.key)).toEqual(['reviews']);
    expect(itemsOf(q, 'reviews')[0]).toMatchObject({ text: { nl: 'Onafhankelijke toetser: voordracht voor omklap toetsen' }, when: { nl: 'ingevuld op 1 december' } });
    expect(q.counts.overdue).toBe(0);
  });

  it('roles without case work have no queues; counts cover every queue key', () => {
    for (const role of ['programme_analyst', 'org_admin', 'platform_admin', null] as const) {
      const q = buildQueues(input({ role, deadlines: [dl({})] }));
      expect(q.queues).toEqual([]);
      expect(Object.keys(q.counts).sort()).toEqual([...QUEUE_KEYS].sort());
      expect(Object.values(q.counts).every((n) => n === 0)).toBe(true);
    }
    expect(partyOf('independent_reviewer')).toBe('care_provider');
    expect(partyOf('nuisance_hub_officer')).toBe('nuisance_hub');
  });

  it('a deadline lands in at most one queue, and counts equal the queue lengths (property)', () => {
    const roles = ['care_worker', 'corporation_contact', 'wonen_officer', 'team_manager'] as const;
    const arb = fc.record({
      key: fc.uuid(), ruleId: fc.constantFrom('D-01', 'D-10', 'D-13', 'D-14', 'D-17'),
      actors: fc.subarray(['care_provider', 'corporation', 'wonen'], { minLength: 1 }),
      day: fc.integer({ min: -30, max: 30 }), assignee: fc.constantFrom(ME, 'other', null), onTeam: fc.boolean(),
    });
    fc.assert(fc.property(fc.constantFrom(...roles), fc.array(arb, { maxLength: 20 }), (role, rows) => {
      const deadlines = rows.map((r) => dl({ key: r.key, ruleId: r.ruleId, actors: r.actors, due: new Date(Date.UTC(2026, 11, 15 + r.day)).toISOString().slice(0, 10), assigneeUserId: r.assignee, onTeam: r.onTeam }));
      const q = buildQueues(input({ role, deadlines }));
      const keys = q.queues.flatMap((x) => x.items.map((i) => i.key));
      expect(new Set(keys).size).toBe(keys.length);
      for (const x of q.queues) expect(q.counts[x.key]).toBe(x.items.length);
    }));
  });
});

describe('the start organisation', () => {
  const ms = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('the membership with the most open work wins, even over the one used last', () => {
    expect(startMembership(ms, new Map([['b', 2], ['c', 1]]), 'c')?.id).toBe('b');
    expect(startMembership(ms, new Map([['a', 0], ['c', 1]]), 'a')?.id).toBe('c');
  });
  it('on a tie the one used last wins, else the first', () => {
    expect(startMembership(ms, new Map([['a', 1], ['c', 1]]), 'c')?.id).toBe('c');
    expect(startMembership(ms, new Map(), 'b')?.id).toBe('b');
    expect(startMembership(ms, new Map(), null)?.id).toBe('a');
    expect(startMembership(ms, new Map(), 'gone')?.id).toBe('a');
    expect(startMembership([], new Map(), null)).toBeNull();
  });
});
