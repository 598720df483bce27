/**
 * Worklist items carry a deadline's rule as a code (issue 12: lean list payloads); the web names it
 * from features/deadlineTexts.<lang>.json. Every rule of the domain has its words there, the same
 * words the domain gives the rule (so the worklist and a case's detail say the same), and every Atw
 * article a due date can be moved by has its words.
 */
import { describe, expect, it } from 'vitest';
import nl from './features/deadlineTexts.nl.json';
import en from './features/deadlineTexts.en.json';
import { DEADLINE_RULES } from '../../domain/trajectories/index.ts';
import { NUISANCE_DEADLINES } from '../../domain/nuisance/deadlines.ts';
import { NEW_CHANCE_DEADLINES } from '../../domain/nuisance/new-chance.ts';
import { OFFER_DEADLINES } from '../../domain/matching/offer.ts';

type Labelled = Record<string, { label?: { nl: string; en: string } }>;
const TABLES: Labelled[] = [DEADLINE_RULES, NUISANCE_DEADLINES, NEW_CHANCE_DEADLINES, OFFER_DEADLINES] as unknown as Labelled[];

describe('deadline rule texts of the web app', () => {
  it('every deadline rule of the domain has its words in Dutch and English', () => {
    const ids = new Set(TABLES.flatMap((t) => Object.keys(t)));
    for (const id of ids) {
      expect((nl.rules as Record<string, string>)[id], `nl ${id}`).toBeTruthy();
      expect((en.rules as Record<string, string>)[id], `en ${id}`).toBeTruthy();
    }
    expect(Object.keys(nl.rules).sort()).toEqual([...ids].sort());
  });

  it('a rule of the trajectory table reads as the domain names it (the worklist and the detail agree)', () => {
    for (const [id, rule] of Object.entries(DEADLINE_RULES as unknown as Labelled)) {
      expect((nl.rules as Record<string, string>)[id]).toBe(rule.label!.nl);
      expect((en.rules as Record<string, string>)[id]).toBe(rule.label!.en);
    }
  });

  it('both Atw articles that move a due date have words', () => {
    for (const rule of ['ATW_ART1', 'ATW_ART2']) {
      expect((nl.atw as Record<string, string>)[rule]).toBeTruthy();
      expect((en.atw as Record<string, string>)[rule]).toBeTruthy();
    }
  });
});
