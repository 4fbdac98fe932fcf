// Prints the JavaScript a participant's device loads (gzip, kB = 1000 bytes as Vite reports it)
// and fails when what index.html loads (the entry chunk and its static imports) is over budget.
// The second row adds the lazily loaded answer flow, the whole cost of answering a scan: it is
// printed so it can be watched, and everything a participant does not need (charts, d3,
// import/export, the editor) must stay out of both rows.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KB = 110;
const dist = process.argv[2] ?? 'dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

function collect(key, seen) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return;
  seen.add(key);
  for (const imported of chunk.imports ?? []) collect(imported, seen);
}

const routes = [
  { name: 'what index.html loads', entries: ['index.html'], budget: BUDGET_KB },
  { name: 'participant route with answer flow (#/s/<scan>)', entries: ['index.html', 'src/features/respond/RespondPage.tsx', 'src/features/respond/ThanksPage.tsx'], budget: null },
];

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file))).length / 1000;
const rows = [];
let failed = false;
for (const { name, entries, budget } of routes) {
  const seen = new Set();
  for (const entry of entries) {
    if (!manifest[entry]) throw new Error(`${entry} is not in the build manifest: was it renamed?`);
    collect(entry, seen);
  }
  const files = [...seen].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  const kb = files.reduce((sum, f) => sum + gzipKb(f), 0);
  const over = budget !== null && kb > budget;
  failed ||= over;
  rows.push({ route: name, chunks: files.length, 'JS gzip (kB)': kb.toFixed(1), budget: budget === null ? '(watched)' : `${budget} kB`, result: over ? 'OVER BUDGET' : 'ok' });
}
console.table(rows);
if (failed) {
  console.error(`index.html loads more than ${BUDGET_KB} kB gzip of JavaScript. Lazy-load what a participant does not need.`);
  process.exit(1);
}
