/**
 * Plain-language explanations of an assessment and of a proposal's warnings (matching.md §5,
 * R-MA-11: people choose, and they should see why a candidate ranks where it does).
 *
 * - Sentences never carry rule codes (HC-…, SP-…); the codes are returned apart, for a help
 *   disclosure.
 * - R-MA-25/R-MA-26: only derived housing needs are named ("a dwelling without a liquor shop
 *   nearby is wanted", "a low-stimulus dwelling is advised"), never a reason behind a need. The
 *   engine has no care data, so no audience can be shown more; the audiences differ only in
 *   who has to act (the nomination analysis is the care provider's, R-MA-05).
 */
import type { CandidateAssessment, HardConstraintId, PenaltyLine, SoftPenaltyId } from './model.ts';

export type Audience = 'corporation' | 'care_provider' | 'wonen';
export type Lang = 'nl' | 'en';
type Text = { nl: string; en: string };

export interface Explanation {
  /** Plain sentences, no codes. */
  sentences: string[];
  /** The rule IDs behind the sentences, for a help disclosure only. */
  codes: string[];
}

const km = (n: number): Text => ({ nl: String(n).replace('.', ','), en: String(n) });

/** Why points were deducted: completes "N punten minder omdat …". */
function penaltyReason(l: PenaltyLine): Text {
  const n = l.measure ?? 0;
  switch (l.id) {
    case 'SP-01': return { nl: 'de woning niet in een voorkeurswijk ligt', en: 'the dwelling is not in a preferred neighbourhood' };
    case 'SP-02': return { nl: `een school van de kinderen ${km(n).nl} km verderop ligt (hemelsbreed)`, en: `a school of the children is ${km(n).en} km away (straight line)` };
    case 'SP-03': return { nl: `het een galerijflat is voor een groot huishouden (${n} personen)`, en: `it is a gallery flat for a large household (${n} persons)` };
    case 'SP-04': return { nl: 'een prikkelarme woning is geadviseerd en de woning gehorig is', en: 'a low-stimulus dwelling is advised and the dwelling has noise transmission' };
    case 'SP-05': return { nl: 'de leefbaarheid van de portiek of galerij onder druk staat', en: 'the liveability of the stairwell or gallery is under pressure' };
    case 'SP-06': return n === 1
      ? { nl: 'er in de laatste 24 maanden 1 plaatsing uit het programma in deze portiek of galerij was', en: 'there was 1 programme placement in this stairwell or gallery in the last 24 months' }
      : { nl: `er in de laatste 24 maanden ${n} plaatsingen uit het programma in deze portiek of galerij waren`, en: `there were ${n} programme placements in this stairwell or gallery in the last 24 months` };
    case 'SP-07': return { nl: 'de buurt op de gemeentelijke lijst van kwetsbare buurten staat', en: "the neighbourhood is on the municipality's list of vulnerable neighbourhoods" };
    case 'SP-08': return { nl: 'het een rolstoelwoning is en er geen rolstoelwoning nodig is', en: 'it is a wheelchair dwelling and no wheelchair dwelling is needed' };
    case 'SP-09': return { nl: `een woning zonder drankwinkel in de buurt gewenst is en er een op ${n} m ligt`, en: `a dwelling without a liquor shop nearby is wanted and there is one at ${n} m` };
  }
}

/** What is not known for a soft criterion ("Niet meegeteld, want onbekend: …"). */
const UNKNOWN_SOFT: Record<SoftPenaltyId, Text> = {
  'SP-01': { nl: 'de wijk van de woning', en: "the dwelling's neighbourhood" },
  'SP-02': { nl: 'de afstand tot de school', en: 'the distance to the school' },
  'SP-03': { nl: 'de grootte van het huishouden', en: 'the household size' },
  'SP-04': { nl: 'of een prikkelarme woning nodig is', en: 'whether a low-stimulus dwelling is needed' },
  'SP-05': { nl: 'de leefbaarheid van de portiek of galerij', en: 'the liveability of the stairwell or gallery' },
  'SP-06': { nl: 'eerdere plaatsingen in de portiek of galerij', en: 'earlier placements in the stairwell or gallery' },
  'SP-07': { nl: 'of de buurt kwetsbaar is', en: 'whether the neighbourhood is vulnerable' },
  'SP-08': { nl: 'of een rolstoelwoning nodig is', en: 'whether a wheelchair dwelling is needed' },
  'SP-09': { nl: 'drankwinkel in de buurt (afstand of woonwens)', en: 'liquor shop nearby (distance or housing need)' },
};

/** What must be checked for a hard constraint with missing data. */
const MISSING_HARD: Record<HardConstraintId, Text> = {
  'HC-01': { nl: 'de datum van het laatste overlastdossier', en: 'the date of the last nuisance file' },
  'HC-02': { nl: 'de wijk van de woning', en: "the dwelling's neighbourhood" },
  'HC-03': { nl: 'of een rolstoelwoning nodig is', en: 'whether a wheelchair dwelling is needed' },
  'HC-04': { nl: 'of een woning op de begane grond of met lift nodig is', en: 'whether a ground-floor dwelling or a lift is needed' },
  'HC-05': { nl: 'drankwinkel in de buurt (afstand of woonwens)', en: 'liquor shop nearby (distance or housing need)' },
  'HC-06': { nl: 'of de woning binnen de ring ligt', en: 'whether the dwelling is inside the ring road' },
  'HC-07': { nl: 'de leeftijd van de kinderen', en: "the children's ages" },
  'HC-08': { nl: 'het inkomen (voor de regels over passend toewijzen)', en: 'the income (for the suitability rules)' },
  'HC-09': { nl: 'de voordracht', en: 'the nomination' },
  'HC-10': { nl: 'de doelgroep', en: 'the target group' },
};

/** Why a hard constraint fails, in words. */
function failReason(id: HardConstraintId, a: CandidateAssessment, audience: Audience): Text {
  switch (id) {
    case 'HC-01': return { nl: 'de woning had kort geleden een overlastdossier', en: 'the dwelling had a recent nuisance file' };
    case 'HC-02': return { nl: 'de woning ligt in een wijk die is uitgesloten', en: 'the dwelling is in an excluded neighbourhood' };
    case 'HC-03': return { nl: 'een rolstoelwoning is nodig en deze woning is niet rolstoelgeschikt', en: 'a wheelchair dwelling is needed and this dwelling is not wheelchair-suitable' };
    case 'HC-04': return { nl: 'een woning op de begane grond of met lift is nodig; deze woning ligt op een verdieping zonder lift', en: 'a ground-floor dwelling or a lift is needed; this dwelling is upstairs without a lift' };
    case 'HC-05': return { nl: 'een woning zonder drankwinkel in de buurt is gewenst; er ligt er een dichtbij', en: 'a dwelling without a liquor shop nearby is wanted; there is one close by' };
    case 'HC-06': return { nl: 'de woning past niet bij het jongerencontract (soort, oppervlakte of aantal kamers)', en: 'the dwelling does not fit the youth contract (type, floor area or number of rooms)' };
    case 'HC-07': return { nl: 'het huishouden heeft kinderen en de woning is bedoeld voor één persoon', en: 'the household has children and the dwelling is meant for one person' };
    case 'HC-08': {
      const rules = (a.suitability ?? []).filter((s) => !s.unknown);
      return {
        nl: `de woning is niet passend (${rules.map((s) => s.label.nl).join('; ')})`,
        en: `the dwelling is not suitable (${rules.map((s) => s.label.en).join('; ')})`,
      };
    }
    case 'HC-09': return audience === 'care_provider'
      ? { nl: 'leg eerst de voordracht vast (analyse van kansen en risico’s)', en: 'record the nomination first (analysis of chances and risks)' }
      : { nl: 'de zorgaanbieder heeft de voordracht nog niet vastgelegd', en: 'the care provider has not recorded the nomination yet' };
    case 'HC-10': return { nl: 'de doelgroep hoort niet bij de groepen waaraan de woning is aangeboden', en: 'the target group is not among the groups the dwelling is offered to' };
  }
}

/** The sentence about the place in the ranking, compared with the neighbour above or below. */
function rankSentence(a: CandidateAssessment, ranked: CandidateAssessment[]): Text | null {
  if (a.rank === null) return null;
  const r = a.rank;
  const peer = (rank: number) => ranked.find((x) => x.rank === rank && x.eligibility === a.eligibility);
  const above = peer(r - 1);
  const below = peer(r + 1);
  const tie = above?.score === a.score ? above : below?.score === a.score ? below : undefined;
  if (tie) {
    const [first, second] = tie === above ? [tie, a] : [a, tie];
    const why: Text = first.waitDays !== second.waitDays
      ? second.waitDays === null
        ? { nl: `wachttijd bekend (${first.waitDays} dagen) gaat voor onbekend`, en: `a known wait (${first.waitDays} days) goes before an unknown one` }
        : { nl: `langere wachttijd (${first.waitDays} dagen tegen ${second.waitDays}) gaat voor`, en: `the longer wait (${first.waitDays} days against ${second.waitDays}) goes first` }
      : first.waitStartOn !== second.waitStartOn
        ? { nl: 'even lang gewacht; de eerdere startdatum gaat voor', en: 'equal wait; the earlier start date goes first' }
        : { nl: 'ook de wachttijd is gelijk; de vaste volgorde op cliëntnummer beslist', en: 'the wait is equal too; the fixed order of client numbers decides' };
    const other = tie.rank!;
    return { nl: `Nr. ${r}: gelijk aan nr. ${other}; ${why.nl}.`, en: `No. ${r}: equal to no. ${other}; ${why.en}.` };
  }
  if (above) {
    const longer = a.waitDays !== null && (above.waitDays === null || a.waitDays > above.waitDays);
    return longer
      ? { nl: `Nr. ${r}: lagere score dan nr. ${r - 1} (${a.score} tegen ${above.score}); een langere wachttijd telt alleen bij gelijke score.`, en: `No. ${r}: lower score than no. ${r - 1} (${a.score} against ${above.score}); a longer wait only counts at an equal score.` }
      : { nl: `Nr. ${r}: lagere score dan nr. ${r - 1} (${a.score} tegen ${above.score}).`, en: `No. ${r}: lower score than no. ${r - 1} (${a.score} against ${above.score}).` };
  }
  return { nl: `Nr. ${r}.`, en: `No. ${r}.` };
}

const unique = (xs: string[]): string[] => [...new Set(xs)].sort();

/**
 * Why this candidate scores and ranks as it does, or why it does not qualify. `ranked` is the
 * proposal's assessment list (for ties with the neighbours); without it only the rank is named.
 */
export function explainAssessment(
  a: CandidateAssessment,
  audience: Audience,
  lang: Lang,
  ranked: CandidateAssessment[] = [],
): Explanation {
  const sentences: Text[] = [];
  if (a.eligibility === 'INELIGIBLE') {
    const reasons = a.failing.map((id) => failReason(id, a, audience));
    sentences.push({
      nl: `Komt niet in aanmerking: ${reasons.map((x) => x.nl).join('; ')}.`,
      en: `Does not qualify: ${reasons.map((x) => x.en).join('; ')}.`,
    });
  } else {
    const lines = a.breakdown.filter((l) => l.penalty > 0);
    sentences.push(lines.length === 0
      ? { nl: `Score ${a.score}: geen punten minder.`, en: `Score ${a.score}: no points deducted.` }
      : {
        nl: `Score ${a.score}: ${lines.map((l) => `${l.penalty} punten minder omdat ${penaltyReason(l).nl}`).join('; ')}.`,
        en: `Score ${a.score}: ${lines.map((l) => `${l.penalty} points less because ${penaltyReason(l).en}`).join('; ')}.`,
      });
    const unknown = a.breakdown.filter((l) => l.unknown).map((l) => UNKNOWN_SOFT[l.id]);
    if (unknown.length > 0) {
      sentences.push({
        nl: `Niet meegeteld omdat het niet bekend is: ${unknown.map((x) => x.nl).join(', ')}.`,
        en: `Not counted because it is not known: ${unknown.map((x) => x.en).join(', ')}.`,
      });
    }
    if (a.eligibility === 'NEEDS_CHECK') {
      const missing = a.missingData.map((id) => MISSING_HARD[id]);
      sentences.push({
        nl: `Eerst controleren, dit ontbreekt: ${missing.map((x) => x.nl).join(', ')}. Pas daarna kan de kandidaat worden voorgesteld.`,
        en: `Check first, this is missing: ${missing.map((x) => x.en).join(', ')}. Only then can the candidate be proposed.`,
      });
    }
    const place = rankSentence(a, ranked);
    if (place) sentences.push(place);
  }
  // The codes behind the sentences: the failing constraints only when ineligible.
  const codes = a.eligibility === 'INELIGIBLE'
    ? unique(a.failing)
    : unique([...a.missingData, ...a.breakdown.filter((l) => l.penalty > 0 || l.unknown).map((l) => l.id)]);
  return { sentences: sentences.map((s) => s[lang]), codes };
}

/** The dwelling-only warnings of a proposal (R-MA-08) in words, for the corporation's liveability judgement. */
export function explainWarnings(warnings: PenaltyLine[], lang: Lang): Explanation {
  const sentences = warnings.map((w): Text => {
    const n = w.measure ?? 0;
    switch (w.id) {
      case 'SP-05': return { nl: 'De leefbaarheid van de portiek of galerij staat onder druk.', en: 'The liveability of the stairwell or gallery is under pressure.' };
      case 'SP-06': return n === 1
        ? { nl: '1 plaatsing uit het programma in deze portiek of galerij in de laatste 24 maanden.', en: '1 programme placement in this stairwell or gallery in the last 24 months.' }
        : { nl: `${n} plaatsingen uit het programma in deze portiek of galerij in de laatste 24 maanden.`, en: `${n} programme placements in this stairwell or gallery in the last 24 months.` };
      case 'SP-07': return { nl: 'De buurt staat op de gemeentelijke lijst van kwetsbare buurten.', en: "The neighbourhood is on the municipality's list of vulnerable neighbourhoods." };
      default: {
        const reason = penaltyReason(w);
        return { nl: `Let op: ${reason.nl}.`, en: `Note: ${reason.en}.` };
      }
    }
  });
  return { sentences: sentences.map((s) => s[lang]), codes: unique(warnings.map((w) => w.id)) };
}
