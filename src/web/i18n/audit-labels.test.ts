/**
 * The audit log speaks words, not codes (issue 9): every action and every kind of record the
 * server writes to the audit trail, and every purpose, has a label in Dutch and in English. The
 * lists in src/domain/policy/audit-vocabulary.ts are the source of truth for what is audited.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTIONS, PURPOSES } from '../../domain/policy/policy.ts';
import { AUDIT_ACTIONS, AUDIT_ONLY_ACTIONS, AUDIT_RESOURCE_TYPES } from '../../domain/policy/audit-vocabulary.ts';
import { PURPOSE_LABELS } from '../../domain/privacy/visibility.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
type Tree = { [k: string]: string | Tree };
const LANGS = ['nl', 'en'] as const;
const texts = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(fs.readFileSync(path.join(here, `${l}.json`), 'utf8')) as Tree])) as Record<(typeof LANGS)[number], Tree>;

/** The labels under one branch (e.g. audit.actions), as a flat record of strings. */
function branch(tree: Tree, at: string): Record<string, string> {
  let node: string | Tree | undefined = tree;
  for (const part of at.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  expect(typeof node, at).toBe('object');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node as Tree)) if (typeof v === 'string') out[k] = v;
  return out;
}

const actionKey = (action: string) => action.replace(/\./g, '_');
/** A label reads as words: not empty, not the code itself, and no code-like token (a.b or a_b). */
const isWords = (label: string | undefined, code: string) => !!label && label.trim() !== '' && label !== code && !/\w\.\w|\w_\w/.test(label);

describe('audit vocabulary', () => {
  it('has no duplicates, and the audit-only actions are not policy actions', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(AUDIT_RESOURCE_TYPES).size).toBe(AUDIT_RESOURCE_TYPES.length);
    const policy = new Set<string>(ACTIONS);
    expect(AUDIT_ONLY_ACTIONS.filter((a) => policy.has(a))).toEqual([]);
    for (const a of AUDIT_ACTIONS) expect(a, a).toMatch(/^[a-z_]+\.[a-z_]+$/);
    for (const r of AUDIT_RESOURCE_TYPES) expect(r, r).toMatch(/^[a-z_]+$/);
  });

  it('holds every kind of record the platform derives from a route action (the part before the dot)', () => {
    const types = new Set<string>(AUDIT_RESOURCE_TYPES);
    const derived = [...new Set(ACTIONS.map((a) => a.split('.')[0]!))];
    expect(derived.filter((r) => !types.has(r))).toEqual([]);
  });
});

describe.each(LANGS)('audit labels (%s)', (lang) => {
  const actions = branch(texts[lang], 'audit.actions');
  const resourceTypes = branch(texts[lang], 'audit.resourceTypes');
  const purposes = branch(texts[lang], 'purposes');

  it('labels every policy action and every audited action in words', () => {
    for (const a of [...ACTIONS, ...AUDIT_ACTIONS]) expect(isWords(actions[actionKey(a)], a), `audit.actions.${actionKey(a)} (${a})`).toBe(true);
  });

  it('labels every audited kind of record in words', () => {
    for (const r of AUDIT_RESOURCE_TYPES) expect(isWords(resourceTypes[r], r), `audit.resourceTypes.${r}`).toBe(true);
  });

  it('labels nothing that is not audited (the vocabulary and the texts stay in step)', () => {
    const known = new Set<string>(AUDIT_ACTIONS.map(actionKey));
    expect(Object.keys(actions).filter((k) => !known.has(k))).toEqual([]);
    const types = new Set<string>(AUDIT_RESOURCE_TYPES);
    expect(Object.keys(resourceTypes).filter((k) => !types.has(k))).toEqual([]);
  });

  it('labels every purpose in words; the sharing purposes with the words of PURPOSE_LABELS', () => {
    for (const p of PURPOSES) expect(isWords(purposes[p], p), `purposes.${p}`).toBe(true);
    for (const [p, label] of Object.entries(PURPOSE_LABELS)) expect(purposes[p], `purposes.${p}`).toBe(label[lang]);
  });

  it('gives different actions different labels, so the filter can tell them apart', () => {
    const labels = AUDIT_ACTIONS.map((a) => actions[actionKey(a)]);
    const twice = labels.filter((l, i) => labels.indexOf(l) !== i);
    expect(twice).toEqual([]);
  });
});
