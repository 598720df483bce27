/**
 * People read words, not codes: no visible text shows a rule ID (R-OR-12, D-13, D-OV-09, M-…),
 * a field code (E-16), a purpose code (PB-1) or an agreement code (AMB-OR-10). A code may only
 * appear inside a help disclosure (ADS Details), whose texts live under an allow-listed key.
 *
 * Scanned: every Dutch and English text (nl.json, en.json and the feature files), and every
 * {nl, en} text object exported by src/domain (deadline labels, phase names, event labels, form
 * field labels, options and help, check messages, purpose labels …).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CODE = /\b(R-[A-Z]{2,3}-\d+|D-(?:[A-Z]{2,3}-)?\d+|E-\d+|PB-\d+|M-[A-Z]*-?\d+|AMB-[A-Z]{2}-\d+)\b/;

/**
 * Keys whose text is shown only inside a help disclosure (ADS Details) and so may name codes:
 * a key segment named `help…`, `…Help`, `reference` or `references`.
 */
const HELP_SEGMENT = /^(help\w*|\w+Help|references?)$/;
const isHelpKey = (key: string): boolean => key.split('.').some((seg) => HELP_SEGMENT.test(seg));

const here = path.dirname(fileURLToPath(import.meta.url));
const domainRoot = path.resolve(here, '../../domain');
type Tree = { [k: string]: string | Tree };
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(here, file), 'utf8')) as Tree;
const FEATURES = fs.readdirSync(path.join(here, 'features')).filter((f) => f.endsWith('.nl.json')).map((f) => f.slice(0, -'.nl.json'.length));
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

/** Texts that show a code, as "lang:key :: text". */
function codesIn(texts: Record<string, string>, lang: string): string[] {
  return Object.entries(texts)
    .filter(([k, v]) => CODE.test(v) && !isHelpKey(k))
    .map(([k, v]) => `${lang}:${k} :: ${v}`);
}

/** Every {nl, en} text object reachable from a value, with its path. */
function localTexts(value: unknown, at: string, seen = new Set<unknown>()): Array<{ path: string; nl: string; en: string }> {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const o = value as Record<string, unknown>;
  const own = typeof o.nl === 'string' && typeof o.en === 'string' ? [{ path: at, nl: o.nl, en: o.en }] : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => localTexts(v, `${at}.${k}`, seen))];
}

function domainFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return domainFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('no codes in visible texts', () => {
  it('the scanner finds codes and respects the help allow-list', () => {
    const texts = {
      'a.intro': 'Binnen 5 werkdagen (D-13).',
      'a.field': 'Veld E-16',
      'a.purpose': 'PB-1 — Voordracht',
      'a.rule': 'Afspraak R-OR-62.',
      'a.other': 'D-OV-09 en M-12 en AMB-OR-10',
      'a.help': 'Regel R-OR-62',
      'a.codesHelp': 'PB-1',
      'a.reference': 'D-13',
      'a.words': 'Termijn voor het kennismakingsgesprek; COVID-19 en T3 zijn geen regelcodes.',
    };
    expect(codesIn(texts, 'nl').map((x) => x.split(' :: ')[0])).toEqual(['nl:a.intro', 'nl:a.field', 'nl:a.purpose', 'nl:a.rule', 'nl:a.other']);
    expect(localTexts({ x: [{ label: { nl: 'D-08 termijn', en: 'ok' } }] }, 'm')).toEqual([{ path: 'm.x.0.label', nl: 'D-08 termijn', en: 'ok' }]);
  });

  it('no Dutch or English text (main and feature files) shows a rule, field, purpose or agreement code outside a help key', () => {
    expect([...codesIn(flatten(load('nl')), 'nl'), ...codesIn(flatten(load('en')), 'en')]).toEqual([]);
  });

  it('no {nl, en} text exported by the domain (labels, names, options, help, messages) shows a code', async () => {
    const found: string[] = [];
    for (const file of domainFiles(domainRoot)) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const rel = path.relative(domainRoot, file);
      for (const [name, value] of Object.entries(mod)) {
        for (const x of localTexts(value, `${rel}:${name}`)) {
          // Form field help is shown as a hint under the field, not in a disclosure: no allow-list here but `reference`.
          if (/\.references?$/.test(x.path)) continue;
          for (const lang of ['nl', 'en'] as const) if (CODE.test(x[lang])) found.push(`${x.path}.${lang} :: ${x[lang]}`);
        }
      }
    }
    expect(found).toEqual([]);
  }, 60_000);
});
