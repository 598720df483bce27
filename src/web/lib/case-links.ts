/**
 * Where a deadline's case opens, and what it is called when it has no client name: a trajectory
 * opens on its case page; an offer (matching) on its offer page; a move on Wonen's or the care
 * provider's swap and move list; a nuisance case on its case page, a New Chance on its page.
 */
export interface CaseRef { caseKind: string; caseId: string; trajectoryId: string | null; formId?: string | null }

export function caseHref(item: CaseRef): string | null {
  if (item.formId) return `/formulieren/${item.formId}`;
  if (item.caseKind === 'offer') return `/aanbiedingen/${item.caseId}`;
  if (item.caseKind === 'move') return '/wonen/ruil-en-verhuizing';
  if (item.caseKind === 'nuisance') return `/overlast/zaken/${item.caseId}`;
  if (item.caseKind === 'new_chance') return `/nieuwe-kans/${item.caseId}`;
  return item.trajectoryId ? `/trajecten/${item.trajectoryId}` : null;
}

/** The translation key naming a case without a client name, by its kind. */
export function caseNameKey(caseKind: string): string {
  const keys: Record<string, string> = { offer: 'home.work.offerCase', move: 'home.work.moveCase', nuisance: 'home.work.nuisanceCase', new_chance: 'home.work.newChanceCase' };
  return keys[caseKind] ?? 'home.work.clientUnknown';
}
