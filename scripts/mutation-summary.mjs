#!/usr/bin/env node
// The mutation score per domain module (src/domain/<module>), and per file with
// --files, from Stryker's JSON report (npm run test:mutation writes it).
//
//   node scripts/mutation-summary.mjs [--files] [reports/mutation/mutation.json]
//
// Score as Stryker computes it: detected (killed, timeout) over valid mutants
// (detected + survived + no coverage). Compile errors, runtime errors and
// ignored (static) mutants are not valid and not counted.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const perFile = args.includes('--files');
const reportPath = args.find((a) => !a.startsWith('--')) ?? 'reports/mutation/mutation.json';
const report = JSON.parse(readFileSync(reportPath, 'utf8'));

const empty = () => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, invalid: 0 });
const groups = new Map();
const count = (key, status) => {
  const g = groups.get(key) ?? empty();
  groups.set(key, g);
  switch (status) {
    case 'Killed': g.killed++; break;
    case 'Timeout': g.timeout++; break;
    case 'Survived': g.survived++; break;
    case 'NoCoverage': g.noCoverage++; break;
    case 'Ignored': g.ignored++; break;
    default: g.invalid++; // CompileError, RuntimeError
  }
};

for (const [file, { mutants }] of Object.entries(report.files)) {
  const rel = file.replace(/\\/g, '/').replace(/^.*?src\/domain\//, '');
  const key = perFile ? rel : rel.split('/')[0];
  for (const m of mutants) {
    count(key, m.status);
    count('(all of src/domain)', m.status);
  }
}

const score = (g) => {
  const detected = g.killed + g.timeout;
  const valid = detected + g.survived + g.noCoverage;
  return valid === 0 ? NaN : (100 * detected) / valid;
};
const rows = [...groups.entries()].sort(([a], [b]) => (a.startsWith('(') ? 1 : b.startsWith('(') ? -1 : a.localeCompare(b)));
const header = ['module', 'score', 'killed', 'timeout', 'survived', 'no cov', 'ignored', 'invalid'];
const table = rows.map(([k, g]) => [k, Number.isNaN(score(g)) ? 'n/a' : score(g).toFixed(2), g.killed, g.timeout, g.survived, g.noCoverage, g.ignored, g.invalid].map(String));
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table) console.log(line(r));
