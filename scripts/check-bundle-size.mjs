// The participant's download budget (docs/budgets.md). Run after `npm run build`: `npm run size`.
//
// Gated: everything a participant's device downloads before the first statement can be answered
// on #/s/<scan> = index.html's entry chunk and its static imports, plus the lazily loaded
// respond route (RespondPage) and everything it imports statically, plus every style sheet of
// those chunks (manifest `css`). At most BUDGET_KIB KiB gzip (KiB = 1024 bytes, gzip level 9).
// Watched: the thanks page a participant sees after submitting (ThanksPage and its static
// imports, on top of the answer route). Information: the director's results route.
//
// The results page's first frame comes first (docs/budgets.md): its route chunk and what it imports
// statically hold the frame only (no analysis, charts, d3), and nothing the results route loads
// holds the participant's answer flow or the image-export code (loaded when an image is saved).
//
// It also fails when any chunk of the participant's routes holds a module that belongs to
// another part of the app (results, charts, d3, import/export, editor, presenter, live session,
// encryption). Module ids per chunk come from dist/.vite/chunk-modules.json, written by
// scripts/chunkModulesPlugin.ts during the build, so the message can name the module.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KIB = 125;
const dist = process.argv[2] ?? 'dist';
const RESPOND = 'src/features/respond/RespondPage.tsx';
const THANKS = 'src/features/respond/ThanksPage.tsx';
const RESULTS = 'src/features/results/ResultsPage.tsx';
// Loaded by the results page's frame as soon as it renders: reads the responses and runs the analysis.
const RESULTS_BODY = 'src/features/results/ResultsBody.tsx';
// Loaded by ResultsBody as soon as it runs (lazy, in parallel with the data): part of what the page downloads.
const RESULT_VIEW = 'src/features/results/views/ResultView.tsx';
const DEMO = 'src/storage/demoRepository.ts';

/** Modules a participant never needs. Each rule names the part of the app it belongs to. */
const FORBIDDEN = [
  { what: 'results', test: /^src\/features\/results\/|^src\/domain\/analysis\// },
  { what: 'charts', test: /^src\/charts\// },
  { what: 'd3', test: /node_modules\/(d3-[^/]+|internmap)\// },
  {
    what: 'import/export',
    test: /^src\/features\/exchange\/|^src\/domain\/exchange\/|^src\/storage\/exchangeRepository|node_modules\/(papaparse|fflate|uqr|jsqr|qrcode-generator)\//,
  },
  { what: 'editor', test: /^src\/features\/[^/]*editor[^/]*\/|^src\/features\/instrument\/|^src\/domain\/instrument\/(draft|validate|versions|storedInstrument)|^src\/storage\/instrumentRepository/i },
  { what: 'presenter', test: /^src\/features\/present\/|^src\/state\/presenter/ },
  {
    what: 'live session / sync',
    test: /node_modules\/(yjs|y-protocols|lib0|@hocuspocus\/[^/]+)\/|^src\/(features\/|domain\/)?(live|relay|sync|session)[^/]*\/|^(live-protocol|relay)\//i,
  },
  { what: 'encryption', test: /node_modules\/@noble\/|^src\/(features\/|domain\/)?(crypto|encryption)[^/]*\//i },
];

/** Never on the results route: the participant's answer flow, and what only saving an image needs. */
const NOT_ON_RESULTS = [
  { what: "the participant's answer flow", test: /^src\/features\/respond\// },
  { what: 'image export (loaded when an image is saved)', test: /^src\/charts\/exportImage\.ts$/ },
];
/** Not in the results page's frame either: it must draw before the responses are read and analysed. */
const NOT_IN_RESULTS_FRAME = [
  ...NOT_ON_RESULTS,
  { what: 'analysis', test: /^src\/domain\/analysis\// },
  { what: 'charts', test: /^src\/charts\// },
  { what: 'd3', test: /node_modules\/(d3-[^/]+|internmap)\// },
];

const readJson = (file) => JSON.parse(readFileSync(join(dist, '.vite', file), 'utf8'));
const manifest = readJson('manifest.json');
if (!existsSync(join(dist, '.vite', 'chunk-modules.json'))) {
  throw new Error('dist/.vite/chunk-modules.json is missing: is chunkModulesPlugin() still in vite.config.ts?');
}
const chunkModules = readJson('chunk-modules.json');

const gzipBytes = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kib = (bytes) => (bytes / 1024).toFixed(1);

/**
 * The manifest key of a source file. A module that is imported statically by one chunk and
 * dynamically by another becomes a shared chunk, keyed `_<Name>-<hash>.js` instead of its path.
 */
function manifestKey(name) {
  if (manifest[name] || !name.startsWith('src/')) return name;
  const base = name.split('/').pop().replace(/\.tsx?$/, '');
  const shared = Object.keys(manifest).filter((key) => key.startsWith(`_${base}-`) && key.endsWith('.js'));
  return shared.length === 1 ? shared[0] : name;
}

/** Manifest keys of `entry` and everything it imports statically (not its dynamic imports). */
function staticClosure(entryName, seen = new Set()) {
  const entry = manifestKey(entryName);
  if (seen.has(entry)) return seen;
  if (!manifest[entry]) throw new Error(`${entry} is not in the build manifest: was it renamed? Update scripts/check-bundle-size.mjs.`);
  seen.add(entry);
  for (const imported of manifest[entry].imports ?? []) staticClosure(imported, seen);
  return seen;
}

/** The few biggest contributors of a chunk, by package or source folder, to say what it is. */
function describe(file) {
  const modules = chunkModules[file]?.modules ?? [];
  const byOwner = new Map();
  for (const { id, renderedLength } of modules) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
    const owner = pkg ? pkg[1] : id.startsWith('src/') ? id.split('/').slice(0, -1).join('/') || id : id;
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + renderedLength);
  }
  const top = [...byOwner.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([owner]) => owner);
  return top.join(', ') + (byOwner.size > 4 ? ', …' : '');
}

/** Files (JS then CSS) of a set of manifest keys, each with its role, in first-seen order. */
function filesOf(keys, role) {
  const files = [];
  for (const key of keys) {
    const chunk = manifest[key];
    files.push({ file: chunk.file, role: role(key), what: describe(chunk.file) });
    for (const css of chunk.css ?? []) files.push({ file: css, role: 'style sheet', what: `CSS of ${chunk.file.replace(/^assets\//, '')}` });
  }
  return files;
}

function roleOf(key, entries) {
  if (key === 'index.html') return 'entry (index.html)';
  if (entries.includes(key)) return `lazy route ${key.split('/').pop().replace(/\.tsx?$/, '')}`;
  return 'static import';
}

// The small script index.html runs to preload the opened page's chunks (scripts/routePreloadPlugin.ts):
// every page downloads it, so it counts with the entry.
const routePreload = /src="\.\/(assets\/route-preload-[^"]+\.js)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1];
if (!routePreload) throw new Error('dist/index.html loads no assets/route-preload-*.js: is routePreloadPlugin() still in vite.config.ts?');

/** A route = entry chunks with their static imports; `already` = files counted in an earlier row. */
function route(entries, already = new Set()) {
  const keys = new Set();
  for (const entry of entries) staticClosure(entry, keys);
  const preload = entries.includes('index.html') ? [{ file: routePreload, role: 'entry (index.html)', what: "preloads the opened page's chunks" }] : [];
  const files = [...preload, ...filesOf([...keys], (key) => roleOf(key, entries))].filter((f, i, all) => all.findIndex((g) => g.file === f.file) === i);
  const rows = files.filter((f) => !already.has(f.file)).map((f) => ({ ...f, bytes: gzipBytes(f.file) }));
  return { rows, files: new Set(files.map((f) => f.file)), bytes: rows.reduce((sum, r) => sum + r.bytes, 0) };
}

function offenders(files, rules = FORBIDDEN) {
  const found = [];
  for (const file of files) {
    for (const { id } of chunkModules[file]?.modules ?? []) {
      const rule = rules.find((r) => r.test.test(id));
      if (rule) found.push({ file, id, what: rule.what });
    }
  }
  return found;
}

function printTable(title, rows) {
  const head = ['file', 'what it is', 'KiB gzip'];
  const body = rows.map((r) => [r.file, `${r.role}: ${r.what}`, kib(r.bytes)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

const answer = route(['index.html', RESPOND]);
const thanks = route([THANKS], answer.files);
const demo = route([DEMO], answer.files);
const results = route(['index.html', RESULTS, RESULTS_BODY, RESULT_VIEW]);
const resultsFrame = route(['index.html', RESULTS]);

printTable('Participant: what is downloaded before the first statement can be answered (#/s/<scan>)', answer.rows);
printTable('Participant: added by the thanks page after submitting (#/s/<scan>/thanks)', thanks.rows);

const answerOver = answer.bytes > BUDGET_KIB * 1024;
const forbidden = offenders([...answer.files, ...thanks.files].filter((f) => f.endsWith('.js')));
const summary = [
  ['answer route (gated)', kib(answer.bytes), `${BUDGET_KIB} KiB`, answerOver ? 'OVER BUDGET' : 'ok'],
  ['answer route + thanks page (watched)', kib(answer.bytes + thanks.bytes), '-', 'watched'],
  ['first start on a fresh device: + demo generator (info)', kib(answer.bytes + demo.bytes), '-', 'info'],
  ['director: results page frame #/scans/<id>/results (info)', kib(resultsFrame.bytes), '-', 'info'],
  ['director: results route, data and charts included (info)', kib(results.bytes), '-', 'info'],
];
console.log('\nTotals (gzip level 9, KiB = 1024 bytes)');
const sw = [0, 1, 2, 3].map((i) => Math.max(...summary.map((s) => s[i].length)));
for (const s of summary) console.log(s.map((c, i) => (i === 1 ? c.padStart(sw[i]) : c.padEnd(sw[i]))).join('  '));

let failed = false;
if (answerOver) {
  failed = true;
  console.error(`\nFAIL: the participant's answer route is ${kib(answer.bytes)} KiB gzip, over the budget of ${BUDGET_KIB} KiB. Lazy-load what a participant does not need (docs/budgets.md).`);
}
if (forbidden.length > 0) {
  failed = true;
  console.error('\nFAIL: the participant\'s routes contain modules that belong elsewhere (lazy-load them from the page that needs them):');
  for (const { file, id, what } of forbidden) console.error(`  ${what}: ${id} (in ${file})`);
}
const entryFiles = route(['index.html']).files;
const onlyJs = (files) => [...files].filter((f) => f.endsWith('.js') && !entryFiles.has(f));
const resultsWrong = [
  ...offenders(onlyJs(resultsFrame.files), NOT_IN_RESULTS_FRAME),
  ...offenders(onlyJs(results.files).filter((f) => !resultsFrame.files.has(f)), NOT_ON_RESULTS),
];
if (resultsWrong.length > 0) {
  failed = true;
  console.error("\nFAIL: the results page's first frame waits for code it does not need (docs/budgets.md, the first frame first):");
  for (const { file, id, what } of resultsWrong) console.error(`  ${what}: ${id} (in ${file})`);
}
if (failed) process.exit(1);
console.log(`\nok: ${kib(answer.bytes)} KiB of ${BUDGET_KIB} KiB; no results, charts, d3, import/export, editor, presenter, live-session or encryption code on the participant's route.`);
console.log("ok: the results page's frame holds no analysis, charts or d3; the results route holds no answer-flow or image-export code.");
