/**
 * The Care and Housing Nuisance Hub (MZWO, overlast.md §5): the situations M1–M10 in plain words,
 * and the R-OV-20 proposal of which situations the platform itself recognises in a case so it can
 * prompt a report to the hub: M2 (two or more distinct reporters), M6 (action 3 reached despite
 * interventions), M10 (a harassment report). Only reports against the resident count (R-OV-10).
 * Once the hub is involved there is nothing to prompt. Pure.
 */
import { countsAgainst } from './escalation.ts';
import type { HubSituation, NuisanceState, Words } from './model.ts';

const T = (nl: string, en: string): Words => ({ nl, en });

export const HUB_SITUATION_WORDS: Record<HubSituation, Words> = {
  M1: T('De bewoner heeft geen ziektebesef, wil niet (meer) meewerken, dreigt uit te vallen of mijdt de zorg', 'The resident has no awareness of illness, no longer wants to cooperate, threatens to drop out or avoids care'),
  M2: T('Meerdere buren geven aan dat zij overlast ervaren', 'Several neighbours say they experience nuisance'),
  M3: T('Meerdere professionals (zoals GGD, GGZ of wijkagent) zijn of moeten worden betrokken', 'Several professionals (such as the GGD, mental health care or the community police officer) are or must be involved'),
  M4: T('Het incident is ernstig of heeft grote impact op de buren of de buurt', 'The incident is serious or has a large impact on the neighbours or the neighbourhood'),
  M5: T('Overlastgevend gedrag, verslaving, zorgnood of verloedering neemt toe', 'Nuisance behaviour, addiction, care need or neglect is increasing'),
  M6: T('De overlast blijft duren of komt steeds terug ondanks de interventies', 'The nuisance persists or keeps recurring despite interventions'),
  M7: T('Zorgaanbieder en woningcorporatie komen er samen niet uit of de samenwerking stagneert', 'Care provider and corporation cannot agree or the cooperation stagnates'),
  M8: T('De woning vervuilt', 'The dwelling is becoming filthy'),
  M9: T('De zorg stagneert door agressie van de bewoner of het werk wordt onveilig', 'Care stagnates due to the resident’s aggression or the work becomes unsafe'),
  M10: T('Er zijn tekenen van treiteren: intimidatie, agressie, pesten of bewust veroorzaakte of structurele overlast', 'There are signs of harassment: intimidation, aggression, bullying or deliberate or structural nuisance'),
};

/** R-OV-20 (proposal): the situations the case shows that call for a report to the hub; [] once the hub is involved. */
export function hubPrompts(s: NuisanceState): HubSituation[] {
  if (s.hubInvolvedOn !== null) return [];
  const counting = s.reports.filter(countsAgainst);
  const out: HubSituation[] = [];
  const reporters = new Set(counting.map((r) => r.reporterKey).filter((k): k is string => k !== null));
  if (reporters.size >= 2) out.push('M2');
  if (s.action !== null) out.push('M6');
  if (counting.some((r) => r.nuisanceType === 'harassment')) out.push('M10');
  return out;
}
