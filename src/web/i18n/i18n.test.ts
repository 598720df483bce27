/**
 * The translations are complete: Dutch and English have the same keys, no text is empty, every
 * key the code asks for exists, and every role, organisation type and period unit has a label.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ORGANISATION_TYPES, ROLES } from '../../domain/organisations/model.ts';
import { PERIOD_UNITS } from '../../domain/calendar/calendar.ts';
import { NAV_ITEMS } from '../components/navigation.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.resolve(here, '..');
type Tree = { [k: string]: string | Tree };
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(here, file), 'utf8')) as Tree;
const FEATURES = fs.readdirSync(path.join(here, 'features')).filter((f) => f.endsWith('.nl.json')).map((f) => f.slice(0, -'.nl.json'.length));
/** The base texts plus every feature file under its own key (as index.ts merges them). */
const load = (lang: string): Tree => ({ ...read(`${lang}.json`), ...Object.fromEntries(FEATURES.map((f) => [f, read(`features/${f}.${lang}.json`)])) });

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

const nl = flatten(load('nl'));
const en = flatten(load('en'));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** A key exists as such or as the base of plural forms (key_one, key_other). */
const has = (dict: Record<string, string>, key: string) => key in dict || `${key}_other` in dict;

describe('web translations', () => {
  it('Dutch and English have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('no translation is empty and interpolations match', () => {
    for (const [k, v] of Object.entries(nl)) {
      expect(v.trim(), `nl ${k}`).not.toBe('');
      expect(en[k]?.trim(), `en ${k}`).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
      expect(vars(en[k] ?? ''), `placeholders of ${k}`).toEqual(vars(v));
    }
  });

  it('every key used in the code exists', () => {
    const used = new Set<string>();
    for (const file of sources(webRoot)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/\bmsg\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/label: '((?:nav)\.[a-zA-Z]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !has(nl, k));
    expect(missing).toEqual([]);
  });

  it('labels every role, organisation type, period unit and module', () => {
    for (const r of ROLES) expect(has(nl, `roles.${r}`), r).toBe(true);
    for (const o of ORGANISATION_TYPES) expect(has(nl, `orgTypes.${o}`), o).toBe(true);
    for (const u of PERIOD_UNITS) {
      expect(has(nl, `calendar.units.${u}`), u).toBe(true);
      expect(has(nl, `calendar.unitsCount.${u}`), u).toBe(true);
    }
    // Every card on the home page (a menu item other than home) has its text in both languages.
    for (const item of NAV_ITEMS.filter((i) => i.to !== '/')) {
      const key = `home.module.${item.label.split('.')[1]}`;
      expect(has(nl, key), key).toBe(true);
      expect(has(en, key), key).toBe(true);
    }
  });
});
