/**
 * Plain-language explanations (R-MA-11, R-MA-25, R-MA-26): exact sentences in Dutch and English
 * for the worked examples, no rule codes in the words, derived housing needs only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidate, dwelling, north } from '../../../test/support/matching-fixtures.ts';
import { DEFAULT_MATCHING_CONFIG } from './config.ts';
import { assess, propose } from './engine.ts';
import { explainAssessment, explainWarnings } from './explain.ts';
import type { Audience, Lang } from './explain.ts';
import type { CandidateAssessment, MatchingConfig, PenaltyLine } from './model.ts';

const AMS: MatchingConfig = { ...DEFAULT_MATCHING_CONFIG, model: 'OM-AMS' };
const UTR: MatchingConfig = { ...DEFAULT_MATCHING_CONFIG, model: 'OM-UTR' };
const DAY = '2021-03-01';

/** Example 6 (matching.md §6). */
function example6() {
  const u201 = dwelling({ id: 'U-201', rooms: 2, areaM2: 55, floor: 1, lift: false, neighbourhoodCode: 'U-K', vulnerableNeighbourhood: true, noise: 'MEDIUM' });
  return propose(u201, [
    candidate({ id: 'A', excludedNeighbourhoods: ['U-K'], waitStartOn: '2020-05-01' }),
    candidate({ id: 'B', waitStartOn: '2020-10-01' }),
    candidate({ id: 'C', waitStartOn: '2020-11-20' }),
    candidate({ id: 'D', lowStimulus: true, waitStartOn: '2020-07-01' }),
    candidate({ id: 'E', preferredNeighbourhoods: ['U-L'], waitStartOn: '2020-06-01' }),
  ], '2021-05-03', UTR, 1);
}
const byId = (p: ReturnType<typeof example6>, id: string) => p.assessments.find((a) => a.candidateId === id)!;

describe('explainAssessment', () => {
  it('SP-07, R-MA-23: example 6, B and C tie at 90: the longer wait goes first, in Dutch and English', () => {
    const p = example6();
    expect(explainAssessment(byId(p, 'B'), 'corporation', 'nl', p.assessments)).toEqual({
      sentences: [
        'Score 90: 10 punten minder omdat de buurt op de gemeentelijke lijst van kwetsbare buurten staat.',
        'Nr. 1: gelijk aan nr. 2; langere wachttijd (214 dagen tegen 164) gaat voor.',
      ],
      codes: ['SP-07'],
    });
    expect(explainAssessment(byId(p, 'C'), 'corporation', 'nl', p.assessments).sentences[1]).toBe('Nr. 2: gelijk aan nr. 1; langere wachttijd (214 dagen tegen 164) gaat voor.');
    expect(explainAssessment(byId(p, 'C'), 'corporation', 'en', p.assessments).sentences).toEqual([
      "Score 90: 10 points less because the neighbourhood is on the municipality's list of vulnerable neighbourhoods.",
      'No. 2: equal to no. 1; the longer wait (214 days against 164) goes first.',
    ]);
  });

  it('SP-04, SP-01: example 6, D and E: lower score; a longer wait only counts at an equal score', () => {
    const p = example6();
    expect(explainAssessment(byId(p, 'D'), 'corporation', 'nl', p.assessments)).toEqual({
      sentences: [
        'Score 80: 10 punten minder omdat een prikkelarme woning is geadviseerd en de woning gehorig is; 10 punten minder omdat de buurt op de gemeentelijke lijst van kwetsbare buurten staat.',
        'Nr. 3: lagere score dan nr. 2 (80 tegen 90); een langere wachttijd telt alleen bij gelijke score.',
      ],
      codes: ['SP-04', 'SP-07'],
    });
    expect(explainAssessment(byId(p, 'E'), 'corporation', 'en', p.assessments).sentences).toEqual([
      "Score 75: 15 points less because the dwelling is not in a preferred neighbourhood; 10 points less because the neighbourhood is on the municipality's list of vulnerable neighbourhoods.",
      'No. 4: lower score than no. 3 (75 against 80); a longer wait only counts at an equal score.',
    ]);
  });

  it('HC-02: example 6, A does not qualify: the excluded neighbourhood in words', () => {
    const p = example6();
    expect(explainAssessment(byId(p, 'A'), 'corporation', 'nl', p.assessments)).toEqual({
      sentences: ['Komt niet in aanmerking: de woning ligt in een wijk die is uitgesloten.'],
      codes: ['HC-02'],
    });
    expect(explainAssessment(byId(p, 'A'), 'wonen', 'en').sentences).toEqual(['Does not qualify: the dwelling is in an excluded neighbourhood.']);
  });

  it('SP-02, SP-03: example 3 W-104: the school distance with a decimal comma and the household size', () => {
    const school = { lat: 52.35, lon: 4.88 };
    const k3 = candidate({ adults: 2, children: [2013, 2015, 2018, 2020].map((y, i) => ({ birthYear: y, schoolGoing: i < 2, school: i < 2 ? school : null })), preferredNeighbourhoods: ['N-W2'] });
    const a = assess(dwelling({ rooms: 4, accessType: 'gallery', floor: 3, lift: true, neighbourhoodCode: 'N-W2', location: north(school, 4.2) }), k3, DAY, AMS);
    expect(explainAssessment(a, 'care_provider', 'nl').sentences).toEqual([
      'Score 60: 20 punten minder omdat een school van de kinderen 4,2 km verderop ligt (hemelsbreed); 20 punten minder omdat het een galerijflat is voor een groot huishouden (6 personen).',
    ]);
    expect(explainAssessment(a, 'care_provider', 'en').sentences[0]).toBe(
      'Score 60: 20 points less because a school of the children is 4.2 km away (straight line); 20 points less because it is a gallery flat for a large household (6 persons).',
    );
  });

  it('SP-08, SP-09, SP-05, SP-06: the remaining reasons in both languages', () => {
    const soft: MatchingConfig = { ...AMS, liquorHard: false };
    const a = assess(
      dwelling({ wheelchairSuitable: true, liquorShopDistanceM: 120, liveability: 'UNDER_PRESSURE', placementsNearby24m: 1 }),
      candidate({ avoidLiquorShop: true, needsWheelchair: false }), DAY, soft,
    );
    expect(a.score).toBe(20);
    expect(explainAssessment(a, 'corporation', 'nl').sentences[0]).toBe(
      'Score 20: 15 punten minder omdat de leefbaarheid van de portiek of galerij onder druk staat; 10 punten minder omdat er in de laatste 24 maanden 1 plaatsing uit het programma in deze portiek of galerij was; 25 punten minder omdat het een rolstoelwoning is en er geen rolstoelwoning nodig is; 30 punten minder omdat een woning zonder drankwinkel in de buurt gewenst is en er een op 120 m ligt.',
    );
    expect(explainAssessment(a, 'corporation', 'en').sentences[0]).toBe(
      'Score 20: 15 points less because the liveability of the stairwell or gallery is under pressure; 10 points less because there was 1 programme placement in this stairwell or gallery in the last 24 months; 25 points less because it is a wheelchair dwelling and no wheelchair dwelling is needed; 30 points less because a dwelling without a liquor shop nearby is wanted and there is one at 120 m.',
    );
    const two = assess(dwelling({ placementsNearby24m: 2 }), candidate(), DAY, AMS);
    expect(explainAssessment(two, 'corporation', 'nl').sentences[0]).toBe('Score 80: 20 punten minder omdat er in de laatste 24 maanden 2 plaatsingen uit het programma in deze portiek of galerij waren.');
    expect(explainAssessment(two, 'corporation', 'en').sentences[0]).toBe('Score 80: 20 points less because there were 2 programme placements in this stairwell or gallery in the last 24 months.');
  });

  it('score 100 without deductions; without the ranked list only the rank is named; an unranked assessment gets no rank sentence', () => {
    const a = { ...assess(dwelling(), candidate(), DAY, AMS), rank: 1 };
    expect(explainAssessment(a, 'corporation', 'nl')).toEqual({ sentences: ['Score 100: geen punten minder.', 'Nr. 1.'], codes: [] });
    expect(explainAssessment(a, 'corporation', 'en').sentences).toEqual(['Score 100: no points deducted.', 'No. 1.']);
    expect(explainAssessment({ ...a, rank: null }, 'corporation', 'en').sentences).toEqual(['Score 100: no points deducted.']);
  });

  it('NEEDS_CHECK and unknown soft data: what is missing, in words', () => {
    const a = { ...assess(dwelling({ wheelchairSuitable: true, floor: 2, lift: false, noise: 'HIGH' }), candidate({ needsWheelchair: null, groundFloorOrLift: null, lowStimulus: null }), DAY, AMS), rank: 1 };
    expect(a.eligibility).toBe('NEEDS_CHECK');
    expect(explainAssessment(a, 'care_provider', 'nl')).toEqual({
      sentences: [
        'Score 100: geen punten minder.',
        'Niet meegeteld omdat het niet bekend is: of een prikkelarme woning nodig is, of een rolstoelwoning nodig is.',
        'Eerst controleren, dit ontbreekt: of een woning op de begane grond of met lift nodig is. Pas daarna kan de kandidaat worden voorgesteld.',
        'Nr. 1.',
      ],
      codes: ['HC-04', 'SP-04', 'SP-08'],
    });
    expect(explainAssessment(a, 'care_provider', 'en').sentences.slice(1, 3)).toEqual([
      'Not counted because it is not known: whether a low-stimulus dwelling is needed, whether a wheelchair dwelling is needed.',
      'Check first, this is missing: whether a ground-floor dwelling or a lift is needed. Only then can the candidate be proposed.',
    ]);
  });

  it('HC-03…HC-10: every failing constraint in words; the nomination sentence depends on who reads it', () => {
    const a = assess(
      dwelling({ wheelchairSuitable: false, floor: 2, lift: false, liquorShopDistanceM: 10, onePersonUnit: true, rooms: 1, areaM2: 60, rent: 900, pool: [] }),
      candidate({ needsWheelchair: true, groundFloorOrLift: true, avoidLiquorShop: true, youngAdultTrack: true, adults: 2, children: [{ birthYear: 2020, schoolGoing: false, school: null }], nominationRecorded: false, monthlyIncome: 1000 }),
      DAY, AMS,
    );
    expect(a.failing).toEqual(['HC-03', 'HC-04', 'HC-05', 'HC-06', 'HC-07', 'HC-08', 'HC-09', 'HC-10']);
    expect(explainAssessment(a, 'corporation', 'nl').sentences).toEqual([
      'Komt niet in aanmerking: een rolstoelwoning is nodig en deze woning is niet rolstoelgeschikt; een woning op de begane grond of met lift is nodig; deze woning ligt op een verdieping zonder lift; een woning zonder drankwinkel in de buurt is gewenst; er ligt er een dichtbij; de woning past niet bij het jongerencontract (soort, oppervlakte of aantal kamers); het huishouden heeft kinderen en de woning is bedoeld voor één persoon; de woning is niet passend (Voorbeeldregel: ten hoogste 2 personen per kamer; Voorbeeldregel: geen huur boven € 800 bij een inkomen onder € 1.800 per maand); de zorgaanbieder heeft de voordracht nog niet vastgelegd; de doelgroep hoort niet bij de groepen waaraan de woning is aangeboden.',
    ]);
    expect(explainAssessment(a, 'care_provider', 'en').sentences[0]).toContain('record the nomination first (analysis of chances and risks)');
    expect(explainAssessment(a, 'wonen', 'en').sentences[0]).toContain('the care provider has not recorded the nomination yet');
    expect(explainAssessment(a, 'care_provider', 'en').sentences[0]).toContain('the dwelling is not suitable (Example rule: at most 2 persons per room; Example rule: no rent above € 800 for an income below € 1,800 a month)');
    expect(explainAssessment(a, 'corporation', 'en').codes).toEqual(['HC-03', 'HC-04', 'HC-05', 'HC-06', 'HC-07', 'HC-08', 'HC-09', 'HC-10']);
  });

  it('HC-08: a rule that cannot be checked (unknown income) is not named as failing', () => {
    const a = assess(dwelling({ rooms: 1, rent: 900 }), candidate({ adults: 3, monthlyIncome: null }), DAY, AMS);
    expect(explainAssessment(a, 'corporation', 'en').sentences).toEqual(['Does not qualify: the dwelling is not suitable (Example rule: at most 2 persons per room).']);
  });

  it('ties: an unknown wait, an equal wait with another start date, and a full tie decided by the fixed order', () => {
    const ax = (id: string, rank: number, over: Partial<CandidateAssessment> = {}): CandidateAssessment => ({
      candidateId: id, clientId: id, eligibility: 'ELIGIBLE', failing: [], missingData: [], score: 90, breakdown: [],
      waitDays: 100, waitStartOn: '2020-01-01', rank, ...over,
    });
    const known = ax('a', 1);
    const unknown = ax('b', 2, { waitDays: null, waitStartOn: null });
    expect(explainAssessment(unknown, 'corporation', 'nl', [known, unknown]).sentences[1]).toBe('Nr. 2: gelijk aan nr. 1; wachttijd bekend (100 dagen) gaat voor onbekend.');
    expect(explainAssessment(known, 'corporation', 'en', [known, unknown]).sentences[1]).toBe('No. 1: equal to no. 2; a known wait (100 days) goes before an unknown one.');
    const early = ax('a', 1, { waitStartOn: '2020-01-01' });
    const late = ax('b', 2, { waitStartOn: '2020-01-02' });
    expect(explainAssessment(late, 'corporation', 'nl', [early, late]).sentences[1]).toBe('Nr. 2: gelijk aan nr. 1; even lang gewacht; de eerdere startdatum gaat voor.');
    expect(explainAssessment(late, 'corporation', 'en', [early, late]).sentences[1]).toBe('No. 2: equal to no. 1; equal wait; the earlier start date goes first.');
    const same = ax('b', 2);
    expect(explainAssessment(same, 'corporation', 'nl', [ax('a', 1), same]).sentences[1]).toBe('Nr. 2: gelijk aan nr. 1; ook de wachttijd is gelijk; de vaste volgorde op cliëntnummer beslist.');
    expect(explainAssessment(same, 'corporation', 'en', [ax('a', 1), same]).sentences[1]).toBe('No. 2: equal to no. 1; the wait is equal too; the fixed order of client numbers decides.');
    // A tie with the one above is named before a tie with the one below.
    const mid = ax('m', 2, { waitDays: 50 });
    expect(explainAssessment(mid, 'corporation', 'nl', [ax('a', 1), mid, ax('z', 3, { waitDays: 10 })]).sentences[1]).toBe('Nr. 2: gelijk aan nr. 1; langere wachttijd (100 dagen tegen 50) gaat voor.');
    // Another eligibility is no peer: a NEEDS_CHECK below an ELIGIBLE one with the same score.
    const check = ax('n', 2, { eligibility: 'NEEDS_CHECK', missingData: ['HC-03'] });
    expect(explainAssessment(check, 'corporation', 'nl', [ax('a', 1), check]).sentences.at(-1)).toBe('Nr. 2.');
  });

  it('lower score: with an equal or shorter wait no remark about the wait; an unknown wait above counts as shorter', () => {
    const ax = (id: string, rank: number, score: number, waitDays: number | null): CandidateAssessment => ({
      candidateId: id, clientId: id, eligibility: 'ELIGIBLE', failing: [], missingData: [], score, breakdown: [], waitDays, waitStartOn: null, rank,
    });
    const top = ax('a', 1, 90, 100);
    expect(explainAssessment(ax('b', 2, 80, 100), 'corporation', 'nl', [top]).sentences[1]).toBe('Nr. 2: lagere score dan nr. 1 (80 tegen 90).');
    expect(explainAssessment(ax('b', 2, 80, 100), 'corporation', 'en', [top]).sentences[1]).toBe('No. 2: lower score than no. 1 (80 against 90).');
    expect(explainAssessment(ax('b', 2, 80, 101), 'corporation', 'nl', [top]).sentences[1]).toContain('een langere wachttijd telt alleen bij gelijke score');
    expect(explainAssessment(ax('b', 2, 80, null), 'corporation', 'nl', [top]).sentences[1]).toBe('Nr. 2: lagere score dan nr. 1 (80 tegen 90).');
    expect(explainAssessment(ax('b', 2, 80, 5), 'corporation', 'nl', [ax('a', 1, 90, null)]).sentences[1]).toContain('een langere wachttijd telt alleen bij gelijke score');
  });

  it('R-MA-25, R-MA-26 (property): no rule codes and no reasons behind a need in any sentence, for every audience and language', () => {
    const forbidden = /\b(HC|SP|R-MA|F-C|F-D)-\d|verslav|addict|diagnos|psychi|alcohol|drugs/i;
    const p = example6();
    const soft: MatchingConfig = { ...AMS, liquorHard: false };
    const extra = [
      assess(dwelling({ liquorShopDistanceM: 50 }), candidate({ avoidLiquorShop: true }), DAY, AMS),
      assess(dwelling({ liquorShopDistanceM: 50 }), candidate({ avoidLiquorShop: true }), DAY, soft),
      assess(dwelling({ liquorShopDistanceM: null }), candidate({ avoidLiquorShop: true }), DAY, AMS),
      assess(dwelling({ liquorShopDistanceM: null, neighbourhoodCode: null }), candidate({ avoidLiquorShop: null, preferredNeighbourhoods: ['x'] }), DAY, soft),
    ];
    fc.assert(fc.property(
      fc.constantFrom(...p.assessments, ...extra),
      fc.constantFrom<Audience>('corporation', 'care_provider', 'wonen'),
      fc.constantFrom<Lang>('nl', 'en'),
      (a, audience, lang) => {
        for (const s of explainAssessment(a, audience, lang, p.assessments).sentences) expect(s).not.toMatch(forbidden);
      },
    ));
  });
});

describe('explainWarnings (R-MA-08)', () => {
  it('R-MA-08: example 5: "2 plaatsingen uit het programma in deze portiek of galerij in de laatste 24 maanden"', () => {
    const p = propose(dwelling({ noise: 'HIGH', placementsNearby24m: 2 }), [], DAY, AMS, 1);
    expect(explainWarnings(p.warnings, 'nl')).toEqual({
      sentences: ['2 plaatsingen uit het programma in deze portiek of galerij in de laatste 24 maanden.'],
      codes: ['SP-06'],
    });
    expect(explainWarnings(p.warnings, 'en').sentences).toEqual(['2 programme placements in this stairwell or gallery in the last 24 months.']);
  });

  it('R-MA-08: liveability, one placement and a vulnerable neighbourhood, in order', () => {
    const p = propose(dwelling({ liveability: 'UNDER_PRESSURE', placementsNearby24m: 1, vulnerableNeighbourhood: true }), [], DAY, AMS, 1);
    expect(explainWarnings(p.warnings, 'nl')).toEqual({
      sentences: [
        'De leefbaarheid van de portiek of galerij staat onder druk.',
        '1 plaatsing uit het programma in deze portiek of galerij in de laatste 24 maanden.',
        'De buurt staat op de gemeentelijke lijst van kwetsbare buurten.',
      ],
      codes: ['SP-05', 'SP-06', 'SP-07'],
    });
    expect(explainWarnings(p.warnings, 'en').sentences).toEqual([
      'The liveability of the stairwell or gallery is under pressure.',
      '1 programme placement in this stairwell or gallery in the last 24 months.',
      "The neighbourhood is on the municipality's list of vulnerable neighbourhoods.",
    ]);
    expect(explainWarnings([], 'nl')).toEqual({ sentences: [], codes: [] });
  });

  it('another criterion given as a warning is still worded without its code', () => {
    const w: PenaltyLine = { id: 'SP-07', penalty: 10, unknown: false, dwellingOnly: true };
    const other: PenaltyLine = { id: 'SP-01', penalty: 15, unknown: false, dwellingOnly: false };
    expect(explainWarnings([other, w, w], 'nl')).toEqual({
      sentences: ['Let op: de woning niet in een voorkeurswijk ligt.', 'De buurt staat op de gemeentelijke lijst van kwetsbare buurten.', 'De buurt staat op de gemeentelijke lijst van kwetsbare buurten.'],
      codes: ['SP-01', 'SP-07'],
    });
    expect(explainWarnings([other], 'en').sentences).toEqual(['Note: the dwelling is not in a preferred neighbourhood.']);
  });
});
