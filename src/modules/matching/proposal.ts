/**
 * The candidates for one dwelling, ranked by the engine (matching.md §5.1): read from the database
 * longest wait first, in batches, and stopped as soon as more candidates cannot change the answer.
 *
 * The engine ranks by score, then by longer wait, then by client. No candidate scores above
 * 100 − the dwelling's own penalties (SP-05…SP-07 hold for everyone). Candidates come in wait order,
 * so once `want` eligible candidates at that best score are in hand, every candidate not yet read
 * ranks below them: the top `want` is exact without reading the rest (OM-UTR: the proposal of N among
 * all waiting clients of the municipality). A municipality with fewer candidates is read whole.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { dwellingLines, propose } from '../../domain/matching/engine.ts';
import type { CandidateFacts, MatchingConfig, Proposal } from '../../domain/matching/model.ts';
import { candidateFacts, candidatePrefilter, currentConfig, dwellingFacts, placementsNearby, vulnerableNeighbourhoods, type CandidateRow, type DwellingRow } from './candidates.ts';

type Db = Kysely<Database>;

export const CANDIDATE_BATCH = 250;

export interface RankedCandidates {
  cfg: { version: number; config: MatchingConfig };
  facts: ReturnType<typeof dwellingFacts>;
  candidates: CandidateFacts[];
  proposal: Proposal;
  /** Every waiting candidate was read (not stopped early). */
  complete: boolean;
  batches: number;
}

export async function rankedCandidates(
  db: Db, d: DwellingRow,
  opts: { offerDate: string; careProviderId?: string | null; forCorporation: boolean; today: string; want?: number; model?: MatchingConfig['model']; batch?: number },
): Promise<RankedCandidates> {
  const cfg = await currentConfig(db, d.municipality_id);
  const config: MatchingConfig = opts.model ? { ...cfg.config, model: opts.model } : cfg.config;
  const nearby = await placementsNearby(db, d, opts.offerDate);
  const vulnerable = d.neighbourhood_code ? (await vulnerableNeighbourhoods(db, d.municipality_id)).includes(d.neighbourhood_code) : false;
  const facts = dwellingFacts(d, { placementsNearby24m: nearby, vulnerable });
  const best = Math.max(0, 100 - dwellingLines(facts, config).reduce((sum, l) => sum + l.penalty, 0));
  const want = opts.want ?? config.proposalSize;
  const batch = opts.batch ?? CANDIDATE_BATCH;
  const candidates: CandidateFacts[] = [];
  let after: { waitStartOn: string; clientId: string } | null = null;
  let batches = 0;
  for (;;) {
    const rows: CandidateRow[] = await candidatePrefilter(db, {
      municipalityId: d.municipality_id, pool: d.pool, neighbourhoodCode: d.neighbourhood_code, wheelchairSuitable: d.wheelchair_suitable,
      careProviderId: opts.careProviderId ?? null, corporationId: d.corporation_id, needsMatchingConsent: opts.forCorporation, today: opts.today, after, limit: batch,
    }).execute();
    batches += 1;
    candidates.push(...rows.map((r) => candidateFacts(r, opts.offerDate)));
    const proposal = propose(facts, candidates, opts.offerDate, config, cfg.version);
    const settled = proposal.assessments.filter((a) => a.eligibility === 'ELIGIBLE' && a.score === best).length >= want;
    const last: CandidateRow | undefined = rows[rows.length - 1];
    if (rows.length < batch || settled || !last) {
      return { cfg: { version: cfg.version, config }, facts, candidates, proposal, complete: rows.length < batch, batches };
    }
    after = { waitStartOn: last.wait_start_on, clientId: last.client_id };
  }
}
