// Lighthouse budgets (docs/budgets.md), run after `npm run build`: `npm run lighthouse`.
//
// Serves dist/ with `vite preview`, starts Debian's Chromium once with its own profile, lets the
// app seed its demo workshop (the demo scan's id is a random UUID made on first start), and then
// runs Lighthouse 12 with its default mobile settings (Moto G Power screen, simulated slow 4G,
// 4× CPU slowdown) on the participant's answer page and on the director's results page.
// Each page runs RUNS times and the median of each category is gated: the CI machine is shared,
// and one run caught behind another job says more about the machine than about the app. The
// results page's performance is gated on the same audits with thread time (THREAD_TIME_GATED).
//
// Lighthouse's own storage reset stays on: before every run it clears the HTTP cache, service
// workers and Cache Storage (a cold load, as on a borrowed device), but by default it keeps
// IndexedDB, where the demo scan lives. The script checks afterwards that the scan was still there.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
// `LIGHTHOUSE_PAGES=results` (or `answer`) measures one page only, for working on it; CI measures both.
const ONLY = process.env.LIGHTHOUSE_PAGES?.split(',').map((p) => p.trim()).filter(Boolean);
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BUDGETS = [
  { id: 'performance', label: 'performance', min: 95 },
  { id: 'accessibility', label: 'accessibility', min: 100 },
  { id: 'best-practices', label: 'best practices', min: 95 },
];
const REPORT_DIR = join('artifacts', 'lighthouse');
// On a shared machine: `LIGHTHOUSE_MAX_LOAD=3` makes each run wait (at most LIGHTHOUSE_LOAD_WAIT
// seconds, default 300) until the 1-minute load average is under 3. Lighthouse multiplies the CPU
// time it observes by 4, so a run beside other jobs measures the machine (docs/budgets.md). A run
// that could not wait long enough still runs and is marked "busy" in its line.
const MAX_LOAD = process.env.LIGHTHOUSE_MAX_LOAD ? Number(process.env.LIGHTHOUSE_MAX_LOAD) : null;
const LOAD_WAIT_MS = Number(process.env.LIGHTHOUSE_LOAD_WAIT ?? 300) * 1000;
// `LIGHTHOUSE_THREAD_TIME=1` also prints, per run, the performance score of the same trace with every
// event's wall time replaced by its thread time (the time the main thread really ran, leaving out
// the time it waited for a core held by another job). For every page, to see whether a low score is
// the machine or the page (docs/budgets.md).
const THREAD_TIME = process.env.LIGHTHOUSE_THREAD_TIME === '1';
// Budgets gated on that thread-time score ('<page name>/<category id>'); Lighthouse's own
// wall-clock score is printed beside it and watched. The results page's blocking time is a row of
// 10-30 ms tasks that another job on the machine stretches two to three times: on this shared
// 2-core machine its wall-clock median was 95-97 when quiet and 91-94 at a load of 3-4.5, while the
// thread-time median stayed at 96-98 (docs/budgets.md, "Gated on thread time"). A wall-clock gate
// would fail CI at random; this one measures the page. The answer page keeps the wall-clock gate.
/** @type {Set<string>} */
const THREAD_TIME_GATED = new Set(['results page/performance']);

if (!existsSync(join('dist', 'index.html'))) {
  console.error('dist/ has no index.html: run `npm run build` first.');
  process.exit(1);
}

async function freePort() {
  if (process.env.LIGHTHOUSE_PORT) return Number(process.env.LIGHTHOUSE_PORT);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startPreview(port) {
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) throw new Error(`vite preview stopped:\n${output}`);
    try {
      if ((await fetch(base)).ok) return { child, base };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`vite preview did not answer on ${base}:\n${output}`);
}

/** Opens the app once in the profile Lighthouse will use, so the demo exists, and returns its id. */
async function demoScanId(browser, base) {
  const page = await browser.newPage();
  try {
    await page.goto(base, { waitUntil: 'load' });
    const handle = await page.waitForFunction(
      () => {
        for (const a of document.querySelectorAll('a')) {
          const match = /#\/scans\/([0-9a-f-]{36})$/.exec(a.getAttribute('href') ?? '');
          if (match && /Demo/.test(a.textContent ?? '')) return match[1];
        }
        return null;
      },
      { timeout: 30_000 },
    );
    return await handle.jsonValue();
  } finally {
    await page.close();
  }
}

/** True when `url` shows `selector` with `text`: proves the runs measured the real page, not "scan not found". */
async function shows(browser, url, text) {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction((t) => [...document.querySelectorAll('h1')].some((h) => h.textContent?.includes(t)), { timeout: 15_000 }, text);
    return true;
  } catch {
    return false;
  } finally {
    await page.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Waits until the load average is under MAX_LOAD (if set); false when it did not get there in time. */
async function calmEnough() {
  if (MAX_LOAD === null) return true;
  const until = Date.now() + LOAD_WAIT_MS;
  while (loadavg()[0] >= MAX_LOAD) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 5000));
  }
  return true;
}

/** The performance score of a saved run with wall durations replaced by thread durations. */
async function threadTimeScore(url, artifactsDir) {
  const tracePath = join(artifactsDir, 'defaultPass.trace.json');
  const trace = JSON.parse(readFileSync(tracePath, 'utf8'));
  for (const event of Array.isArray(trace) ? trace : trace.traceEvents) {
    if (event.ph === 'X' && typeof event.tdur === 'number' && typeof event.dur === 'number' && event.tdur < event.dur) event.dur = event.tdur;
  }
  writeFileSync(tracePath, JSON.stringify(trace));
  const result = await lighthouse(url, { output: 'json', logLevel: 'error', onlyCategories: BUDGETS.map((b) => b.id), auditMode: artifactsDir });
  return Math.round(result.lhr.categories.performance.score * 100);
}

/** Audits that cost points in a category (weighted, not full marks), worst first. */
function lostPoints(lhr, categoryId) {
  const category = lhr.categories[categoryId];
  const total = category.auditRefs.reduce((sum, ref) => sum + ref.weight, 0);
  return category.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit.score !== null && audit.score < 1)
    .map(({ ref, audit }) => ({
      id: ref.id,
      lost: ((1 - audit.score) * ref.weight * 100) / total,
      shown: audit.displayValue ?? '',
    }))
    .sort((a, b) => b.lost - a.lost);
}

const port = await freePort();
const { child: preview, base } = await startPreview(port);
const userDataDir = mkdtempSync(join(tmpdir(), 'ketenscan-lighthouse-'));
let chrome;
let exitCode = 0;
try {
  chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, userDataDir, logLevel: 'silent' });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  const scanId = await demoScanId(browser, base);
  const pages = [
    { name: 'answer page', url: `${base}#/s/${scanId}`, heading: 'Welkom bij de QuickScan' },
    { name: 'results page', url: `${base}#/scans/${scanId}/results`, heading: 'Resultaten' },
  ].filter((p) => !ONLY || ONLY.some((only) => p.name.startsWith(only)));
  if (pages.length === 0) throw new Error(`LIGHTHOUSE_PAGES=${process.env.LIGHTHOUSE_PAGES} names no page (answer, results)`);
  for (const page of pages) {
    if (!(await shows(browser, page.url, page.heading))) throw new Error(`${page.url} does not show "${page.heading}" before the runs`);
  }

  mkdirSync(REPORT_DIR, { recursive: true });
  const results = [];
  /** Each run's performance score with thread time instead of wall time, where measured. */
  const threadTimeScores = new Map();
  for (const page of pages) {
    const runs = [];
    for (let run = 1; run <= RUNS; run += 1) {
      const calm = await calmEnough();
      const needsThreadTime = THREAD_TIME || BUDGETS.some((b) => THREAD_TIME_GATED.has(`${page.name}/${b.id}`));
      const artifactsDir = needsThreadTime ? mkdtempSync(join(tmpdir(), 'ketenscan-lighthouse-run-')) : null;
      const result = await lighthouse(page.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: BUDGETS.map((b) => b.id),
        ...(artifactsDir ? { gatherMode: artifactsDir, auditMode: artifactsDir } : {}),
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${page.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      writeFileSync(join(REPORT_DIR, `${page.name.replace(/\W+/g, '-')}-${run}.json`), result.report);
      runs.push(lhr);
      const scores = BUDGETS.map((b) => `${b.label} ${Math.round(lhr.categories[b.id].score * 100)}`).join(', ');
      // Lighthouse's CPU benchmark and the load average say how busy the machine was: the 4x CPU
      // slowdown is applied to what this machine measured, so a busy machine scores lower.
      let estimate = '';
      if (artifactsDir) {
        threadTimeScores.set(lhr, await threadTimeScore(page.url, artifactsDir));
        estimate = `, thread time: performance ${threadTimeScores.get(lhr)}`;
        rmSync(artifactsDir, { recursive: true, force: true });
      }
      const machine = `benchmarkIndex ${Math.round(lhr.environment.benchmarkIndex)}, load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores${calm ? '' : `, busy: load stayed over ${MAX_LOAD}`}`;
      console.log(`${page.name} run ${run}/${RUNS}: ${scores} (${machine}${estimate})`);
    }
    // The scan must still be there: otherwise the runs measured "scan not found".
    if (!(await shows(browser, page.url, page.heading))) throw new Error(`${page.url} no longer shows "${page.heading}" after the runs`);
    results.push({ page, runs });
  }
  browser.disconnect();

  const rows = [];
  for (const { page, runs } of results) {
    for (const budget of BUDGETS) {
      const onThreadTime = THREAD_TIME_GATED.has(`${page.name}/${budget.id}`);
      const row = (label, scores, gated) => {
        const med = median(scores);
        const ok = med >= budget.min;
        if (!ok && gated) exitCode = 1;
        const result = ok ? 'ok' : gated ? 'FAIL' : 'UNDER (watched: the gate is on thread time)';
        rows.push([page.name, label, scores.join(' / '), String(med), budget.min === 100 ? '= 100' : `≥ ${budget.min}`, result]);
      };
      row(onThreadTime ? `${budget.label}, wall clock` : budget.label, runs.map((lhr) => Math.round(lhr.categories[budget.id].score * 100)), !onThreadTime);
      if (onThreadTime) row(`${budget.label}, thread time`, runs.map((lhr) => threadTimeScores.get(lhr)), true);
    }
  }
  const head = ['page', 'category', 'runs', 'median', 'budget', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(`\nLighthouse ${results[0].runs[0].lighthouseVersion}, ${results[0].runs[0].environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, mobile (simulated slow 4G, 4x CPU slowdown), median of ${RUNS}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));

  // The metrics and the audits that cost points in the median performance run, so a failing CI log
  // says where to look without opening a report.
  for (const { page, runs } of results) {
    const byPerf = [...runs].sort((a, b) => a.categories.performance.score - b.categories.performance.score);
    const lhr = byPerf[Math.floor(byPerf.length / 2)];
    const metric = (id) => lhr.audits[id].displayValue;
    console.log(`\n${page.name} (median run): FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`);
    for (const budget of BUDGETS) {
      const lost = lostPoints(lhr, budget.id).filter((a) => a.lost >= 0.5);
      if (lost.length > 0) console.log(`  ${budget.label}: ${lost.map((a) => `${a.id} −${a.lost.toFixed(1)}${a.shown ? ` (${a.shown})` : ''}`).join('; ')}`);
    }
  }
  // Audits Lighthouse could not compute. With Chromium newer than Lighthouse 12.2.3 some trace-based
  // diagnostics error (docs/budgets.md); they carry no weight, but a weighted one would skew a score.
  const errored = new Map();
  for (const { runs } of results) {
    for (const lhr of runs) {
      for (const audit of Object.values(lhr.audits)) {
        if (!audit.errorMessage) continue;
        const weighted = BUDGETS.some((b) => lhr.categories[b.id].auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0));
        errored.set(audit.id, weighted);
      }
    }
  }
  if (errored.size > 0) {
    console.log(`\nAudits Lighthouse could not run (no weight in a score): ${[...errored].filter(([, w]) => !w).map(([id]) => id).join(', ') || '-'}`);
    const weighted = [...errored].filter(([, w]) => w).map(([id]) => id);
    if (weighted.length > 0) console.warn(`WARNING: audits that do count could not run, scores are not reliable: ${weighted.join(', ')}`);
  }
  console.log(`\nFull reports: ${REPORT_DIR}/`);
  if (exitCode !== 0) console.error('\nFAIL: a Lighthouse median is under its budget (docs/budgets.md). Fix the page, not the budget.');
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await chrome?.kill();
  preview.kill();
  rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(exitCode);
