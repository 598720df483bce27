/** An offer made through the platform's matching keeps D-02…D-05 on its own case (case_kind 'offer'). */
import { describe, expect, it } from 'vitest';
import { OFFER, corp, toMatching } from '../../../test/support/trajectory-walk.ts';

const offerRules = ['D-02', 'D-03', 'D-04', 'D-05'];

describe('offers of the matching module on the trajectory', () => {
  it('D-02…D-05: none on the trajectory for a platform offer (they live on the offer case); D-01 is still met by informing the client', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', { ...OFFER, platformOfferId: '0b7e6a62-52b1-4c1c-9a43-0c5f0a51b0e1' }, corp);
    w.rec('offer_replied', '2026-03-31', { reply: 'request_viewing' });
    w.rec('viewing_held', '2026-04-02');
    w.rec('client_informed', '2026-04-03', { choicesDiscussed: true });
    const d = w.deadlines();
    expect(d.filter((x) => offerRules.includes(x.ruleId))).toEqual([]);
    expect(d.find((x) => x.ruleId === 'D-01')?.metOn).toBe('2026-04-03');
    expect(w.state.offers[0]).toMatchObject({ platformOffer: true, viewedOn: '2026-04-02', clientInformedOn: '2026-04-03' });
  });

  it('an offer recorded by hand keeps its D-02 and D-05 on the trajectory, next to a platform offer', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    w.rec('offer_refused', '2026-03-31', { reasons: 'Te ver van school' });
    w.rec('offer_received', '2026-04-06', { ...OFFER, platformOfferId: '0b7e6a62-52b1-4c1c-9a43-0c5f0a51b0e1' }, corp);
    const rules = w.deadlines().filter((x) => offerRules.includes(x.ruleId)).map((x) => [x.ruleId, x.start]);
    expect(rules).toEqual([['D-02', '2026-03-30'], ['D-05', '2026-04-02']]);
    expect(w.state.offers.map((o) => o.platformOffer ?? false)).toEqual([false, true]);
  });
});
