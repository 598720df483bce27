/**
 * The home page's work queues over HTTP (GET /api/v1/home): each role finds its work, every item
 * is a case its detail lets the role read, nobody sees items of cases it may not read, the login
 * starts in the organisation where the work is, and a 403 on a case names the membership that may
 * read it (switchTo) only when there is one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actFor, startTestApp, userId, type Agent, type TestContext } from '../support/harness.ts';
import { buildCase } from '../support/case-builder.ts';

let ctx: TestContext;

interface Item { text: { nl: string; en: string }; when: { nl: string; en: string } | null; trajectoryId: string | null; clientId: string | null; caseId: string; caseKind: string; ruleId: string | null; actors: string[]; overdue: boolean; clientName: string | null }
interface Home { role: string | null; counts: Record<string, number>; queues: Array<{ key: string; items: Item[] }> }

const home = async (a: Agent): Promise<Home> => {
  const res = await a.get('/api/v1/home');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const queue = (h: Home, key: string) => h.queues.find((q) => q.key === key)?.items ?? [];
const allItems = (h: Home) => h.queues.flatMap((q) => q.items);
const sessionOrg = async (a: Agent) => {
  const s = (await a.get('/api/v1/auth/session')).json();
  return s.memberships.find((m: { id: string }) => m.id === s.activeMembershipId)?.organisationCode as string;
};

async function everyItemReadable(a: Agent, h: Home) {
  for (const i of allItems(h)) {
    // Every item's case is readable by its own detail: a trajectory, or another kind of case (an offer, a move, a nuisance case, a New Chance).
    const path = ({ offer: 'offers', move: 'moves', nuisance: 'nuisance/cases', new_chance: 'new-chance' } as Record<string, string>)[i.caseKind] ?? 'trajectories';
    const res = await a.get(`/api/v1/${path}/${i.caseKind === 'trajectory' ? i.trajectoryId : i.caseId}`);
    expect(res.statusCode, `${i.text.nl} ${res.body}`).toBe(200);
  }
}

beforeAll(async () => {
  ctx = await startTestApp({ demoCases: true });
});
afterAll(async () => {
  await ctx?.close();
});

describe('each role finds its work', () => {
  it('the care worker with two memberships starts at the care provider of her cases (the membership with work)', async () => {
    const cw = await ctx.login('begeleider');
    // "Stichting Onderdak" comes first by name; her demo cases are at Zorggroep Horizon.
    expect(await sessionOrg(cw)).toBe('ZA-HORIZON');
  });

  it('care worker: her overdue and due-soon deadlines in words, and what she waits on from Wonen (D-13)', async () => {
    const cw = await ctx.login('begeleider');
    const h = await home(cw);
    expect(h.role).toBe('care_worker');
    expect(h.queues.map((q) => q.key)).toEqual(['overdue', 'dueSoon', 'toSign', 'waitingOnOthers']);
    const own = [...queue(h, 'overdue'), ...queue(h, 'dueSoon')];
    expect(own.length).toBeGreaterThan(0);
    for (const i of own) {
      expect(i.actors).toContain('care_provider');
      expect(i.text.nl).toMatch(/^Zorgaanbieder/);
      expect(i.when?.nl).toMatch(/^uiterlijk \d+ \w+/);
      expect(i.ruleId).toMatch(/^D-/);
      expect(i.text.nl).not.toContain(i.ruleId!);
    }
    expect(queue(h, 'overdue').every((i) => i.overdue && /te laat\)$/.test(i.when!.nl))).toBe(true);
    const waiting = queue(h, 'waitingOnOthers');
    expect(waiting.find((i) => i.ruleId === 'D-13')?.text.nl).toBe('Wonen: voordracht bevestigen of retourneren');
    expect(h.counts.overdue).toBe(queue(h, 'overdue').length);
    await everyItemReadable(cw, h);
  });

  it('D-01: the corporation sees its client’s overdue offer deadline on its home page and in its worklist', async () => {
    const cc = await ctx.login('corporatie');
    const h = await home(cc);
    const d01 = queue(h, 'overdue').filter((i) => i.ruleId === 'D-01');
    expect(d01.length).toBeGreaterThan(0);
    expect(d01[0]!.text.nl).toBe('Zorgaanbieder, woningcorporatie en Wonen: passend woningaanbod doen');
    await everyItemReadable(cc, h);
    const wl = (await cc.get('/api/v1/worklist')).json();
    expect(wl.items.map((i: { ruleId: string; trajectoryId: string }) => `${i.ruleId}:${i.trajectoryId}`)).toContain(`D-01:${d01[0]!.trajectoryId}`);
  });

  it('D-13, D-WON-1: Wonen sees the nomination and the urgency request waiting for its decision', async () => {
    const won = await ctx.login('wonen');
    const h = await home(won);
    expect(h.queues.map((q) => q.key)).toEqual(['urgency', 'nominations', 'transfers', 'overdue']);
    const noms = queue(h, 'nominations');
    expect(noms.map((i) => i.ruleId)).toContain('D-13');
    expect(noms[0]!.text.nl).toBe('Wonen: voordracht bevestigen of retourneren');
    // D-WON-1: the urgency request waiting for Wonen's decision (the demo's referral), in words.
    const urgency = queue(h, 'urgency');
    expect(urgency.map((i) => i.ruleId)).toContain('D-WON-1');
    expect(urgency.find((i) => i.ruleId === 'D-WON-1')!.text.nl).toBe('Wonen: besluiten op de urgentieaanvraag');
    expect(urgency.every((i) => i.actors.join() === 'wonen')).toBe(true);
    await everyItemReadable(won, h);
  });

  it('the team manager sees the organisation’s overdue work; roles without case work get no queues', async () => {
    const tm = await ctx.login('teammanager');
    const h = await home(tm);
    expect(queue(h, 'organisationOverdue').length).toBeGreaterThan(0);
    await everyItemReadable(tm, h);
    for (const who of ['analist', 'admin', 'beheerder']) {
      const x = await home(await ctx.login(who));
      expect(x.queues, who).toEqual([]);
    }
  });

  it('the independent reviewer sees a filled-in nomination to review', async () => {
    const od = await ctx.login('onafhankelijk');
    const h = await home(od);
    expect(h.queues.map((q) => q.key)).toEqual(['reviews']);
    // The demo's only nomination was reviewed already: one waiting is made by resetting its review.
    const frank = await ctx.db.selectFrom('clients as c').innerJoin('trajectories as t', 't.client_id', 'c.id').select(['t.id', 't.state']).where('c.first_name', '=', 'Frank').executeTakeFirstOrThrow();
    const state = (typeof frank.state === 'string' ? JSON.parse(frank.state) : frank.state) as Record<string, unknown>;
    await ctx.db.updateTable('trajectories').set({ state: JSON.stringify({ ...state, review: null, sentToWonenOn: null }) }).where('id', '=', frank.id).execute();
    try {
      const after = await home(od);
      expect(queue(after, 'reviews').map((i) => [i.trajectoryId, i.text.nl])).toEqual([[frank.id, 'Onafhankelijke toetser: voordracht voor omklap toetsen']]);
      await everyItemReadable(od, after);
    } finally {
      await ctx.db.updateTable('trajectories').set({ state: JSON.stringify(state) }).where('id', '=', frank.id).execute();
    }
  });
});

describe('nobody sees items of cases it may not read', () => {
  it('another care worker of the same organisation, not on the team, sees none of the demo cases (only the offers to the organisation)', async () => {
    const a = await ctx.login('collega');
    const h = await home(a);
    expect(allItems(h).filter((i) => i.caseKind === 'trajectory')).toEqual([]);
    // An offer to the care provider is the organisation's work until a client is named: readable by its detail.
    await everyItemReadable(a, h);
  });

  it('acting for the other organisation, the care worker sees none of Horizon’s cases', async () => {
    const cw = await actFor(await ctx.login('begeleider'), 'ZA-ONDERDAK');
    const h = await home(cw);
    const horizonCases = new Set((await ctx.db.selectFrom('trajectories as t').innerJoin('organisations as o', 'o.id', 't.care_provider_id').select('t.id').where('o.code', '=', 'ZA-HORIZON').execute()).map((r) => r.id));
    expect(allItems(h).filter((i) => horizonCases.has(i.caseId))).toEqual([]);
  });

  it('D-01: Wonen and the corporation see an overdue deadline only while the client’s consent covers their purpose', async () => {
    const cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
    const won = await ctx.login('wonen');
    const kept = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P3_matching', purposes: ['PB-1', 'PB-2'], corporation: true, firstName: 'Met', lastName: 'Toestemming' });
    const gone = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P3_matching', purposes: ['PB-1', 'PB-2'], corporation: true, withdraw: true, firstName: 'Zonder', lastName: 'Toestemming' });
    // Both offers are late (D-01 after 3 months): moved back in the deadline table.
    await ctx.db.updateTable('deadlines').set({ due_date: '2026-02-20' }).where('rule_id', '=', 'D-01').where('case_id', 'in', [kept.trajectoryId, gone.trajectoryId]).execute();
    const seen = async (a: Agent) => new Set(queue(await home(a), 'overdue').filter((i) => i.ruleId === 'D-01').map((i) => i.caseId));
    for (const a of [won, await ctx.login('corporatie')]) {
      const s = await seen(a);
      expect(s.has(kept.trajectoryId)).toBe(true);
      expect(s.has(gone.trajectoryId)).toBe(false);
    }
    // The care provider still works on both.
    const mine = await seen(cw);
    expect(mine.has(kept.trajectoryId) && mine.has(gone.trajectoryId)).toBe(true);
  });
});

describe('the organisation context', () => {
  it('the home read is audited with the cases and purposes it showed', async () => {
    const cc = await ctx.login('corporatie');
    const h = await home(cc);
    const row = await ctx.db.selectFrom('audit_log').select(['action', 'details', 'outcome']).where('action', '=', 'home.read').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const details = (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as { trajectoryIds: string[]; purposes: Record<string, string> };
    expect(row.outcome).toBe('success');
    expect(new Set(details.trajectoryIds)).toEqual(new Set(allItems(h).map((i) => i.caseId)));
    expect(Object.values(details.purposes).every((p) => /^PB-\d$/.test(p))).toBe(true);
  });

  it('a 403 on a case names the other membership that may read it; without one, no switchTo', async () => {
    const cw = await ctx.login('begeleider');
    const item = queue(await home(cw), 'overdue')[0] ?? queue(await home(cw), 'dueSoon')[0]!;
    await actFor(cw, 'ZA-ONDERDAK');
    const refused = await cw.get(`/api/v1/trajectories/${item.trajectoryId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().switchTo).toMatchObject({ organisationName: 'Zorggroep Horizon', role: 'care_worker' });
    const client = await cw.get(`/api/v1/clients/${item.clientId}`);
    expect(client.statusCode).toBe(403);
    expect(client.json().switchTo?.organisationName).toBe('Zorggroep Horizon');
    // A refused write (inside its transaction) answers 403 at once, without the switch offer: on one
    // database connection, looking up the other memberships' scopes would wait for the transaction.
    const write = await cw.post(`/api/v1/trajectories/${item.trajectoryId}/events`, { type: 'woningnet_renewal_paid', occurredOn: '2026-12-01', data: {} }, { 'if-match': '"1"' });
    expect(write.statusCode).toBe(403);
    expect(write.json().switchTo).toBeUndefined();

    const collega = await ctx.login('collega');
    const none = await collega.get(`/api/v1/trajectories/${item.trajectoryId}`);
    expect(none.statusCode).toBe(403);
    expect(none.json().switchTo).toBeUndefined();
    // The corporation reading a case of another corporation's client: nothing to switch to either.
    const other = await ctx.login('teammanager');
    expect((await other.get(`/api/v1/trajectories/${item.trajectoryId}`)).json().switchTo).toBeUndefined();
  });

  it('the login starts in the membership with work, also after the user switched away', async () => {
    const cw = await actFor(await ctx.login('begeleider'), 'ZA-ONDERDAK');
    expect(await sessionOrg(cw)).toBe('ZA-ONDERDAK');
    expect(await sessionOrg(await ctx.login('begeleider'))).toBe('ZA-HORIZON');
  });

  it('with no work anywhere, the login starts in the membership used last', async () => {
    // Move the care worker's demo cases to a colleague: no work in either organisation.
    const me = await userId(ctx, 'begeleider');
    const colleague = await userId(ctx, 'collega');
    await ctx.db.updateTable('deadlines').set({ assignee_user_id: colleague }).where('assignee_user_id', '=', me).execute();
    await ctx.db.updateTable('trajectory_team').set({ user_id: colleague }).where('user_id', '=', me).execute();
    // The organisation's open offers and nuisance cases (unassigned work of everyone in it) go to the colleague as well.
    await ctx.db.updateTable('deadlines').set({ assignee_user_id: colleague }).where('case_kind', 'in', ['offer', 'nuisance', 'new_chance']).where('assignee_user_id', 'is', null).execute();
    try {
      await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
      const cw = await ctx.login('begeleider');
      expect(await sessionOrg(cw)).toBe('ZA-HORIZON');
      await actFor(cw, 'ZA-ONDERDAK');
      expect(await sessionOrg(await ctx.login('begeleider'))).toBe('ZA-ONDERDAK');
    } finally {
      await ctx.db.updateTable('trajectory_team').set({ user_id: me }).where('user_id', '=', colleague).where('added_by', '=', me).execute();
      await ctx.db.updateTable('deadlines').set({ assignee_user_id: me }).where('assignee_user_id', '=', colleague).where('case_kind', '=', 'trajectory').execute();
      await ctx.db.updateTable('deadlines').set({ assignee_user_id: null }).where('assignee_user_id', '=', colleague).where('case_kind', 'in', ['offer', 'nuisance', 'new_chance']).execute();
    }
  });
});
