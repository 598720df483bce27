/**
 * One language's texts: the base file plus every feature file `features/<name>.<lang>.json`
 * under the key `<name>`. Feature files are found by name (`import.meta.glob` in texts.<lang>.ts):
 * a new feature only adds its two JSON files, nothing needs registering.
 */
export type Texts = Record<string, unknown>;

export function withFeatures(base: Texts, files: Record<string, unknown>, lang: 'nl' | 'en'): Texts {
  const out: Texts = { ...base };
  const suffix = `.${lang}.json`;
  for (const [file, texts] of Object.entries(files)) {
    const name = file.slice(file.lastIndexOf('/') + 1, -suffix.length);
    out[name] = texts;
  }
  return out;
}
