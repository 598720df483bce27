#!/usr/bin/env node
// The mutants a test run let live (Survived, NoCoverage), per file, with the line and
// what was changed, from Stryker's JSON report: the list to write tests against.
//
//   node scripts/mutation-survivors.mjs [path-filter] [reports/mutation/mutation.json]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const reportPath = args.find((a) => a.endsWith('.json')) ?? 'reports/mutation/mutation.json';
const filter = args.find((a) => !a.endsWith('.json')) ?? '';
const report = JSON.parse(readFileSync(reportPath, 'utf8'));

for (const [file, { source, mutants }] of Object.entries(report.files)) {
  if (!file.includes(filter)) continue;
  const lines = source.split('\n');
  const live = mutants
    .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line);
  if (live.length === 0) continue;
  console.log(`\n## ${file} (${live.length})`);
  for (const m of live) {
    const l = m.location.start.line;
    const code = (lines[l - 1] ?? '').trim().slice(0, 110);
    const repl = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80);
    console.log(`${String(l).padStart(4)} ${m.status === 'NoCoverage' ? 'NOCOV' : 'SURV '} ${m.mutatorName}: ${repl}\n       | ${code}`);
  }
}
