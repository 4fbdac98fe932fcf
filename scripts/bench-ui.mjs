// UI benchmark in real Chromium (docs/scale.md, docs/budgets.md). For each size (default 1,000
// and 100,000 submitted responses) it imports one file of that size into a fresh browser through
// the import page, and measures:
//   - the import: from the chosen file to the preview (read, check, plan) and the write, next to a
//     bare IndexedDB put of the same records in one transaction (the baseline);
//   - the first results view, cold: a reloaded page, from the navigation to the drawn chart;
//   - a view switch, a presenter slide change, and the JSON export;
//   - the JS heap on the results page after a forced garbage collection.
// Times are measured inside the page with performance.now() (two animation frames after the chart
// is in the DOM). Prints one table; run after `npm run build`.
//   npm run bench:ui                   BENCH_SIZES=1000,100000 (default), CHROME_PATH
//   BENCH_PORT=4179 (default)          the preview server's port
//   BENCH_ONLY=import                  only the import and its baseline (quicker, while working on it)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const PORT = Number(process.env.BENCH_PORT ?? 4179);
const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number);
const RUNS = 5;
const IMPORT_ONLY = process.env.BENCH_ONLY === 'import';
const TARGETS = {
  'import (read, check, plan)': null,
  'import (write)': null,
  'import (total)': null,
  'bare IndexedDB put (same records)': null,
  'results, first view (cold)': 1000,
  'switch view': 200,
  'presenter slide change': 100,
  'export JSON': null,
  'JS heap on results page after GC (MiB)': 40,
};

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
const base = `http://127.0.0.1:${PORT}/`;

/** Two animation frames after `selector` matches (and, with textNot, has other text): painted. */
const measure = (page, action, selector, textNot = null) =>
  page.evaluate(
    async ({ action, selector, textNot }) => {
      const start = performance.now();
      if (action.type === 'hash') location.hash = action.value;
      else if (action.type === 'click') document.querySelector(action.value).click();
      else window.dispatchEvent(new KeyboardEvent('keydown', { key: action.value, bubbles: true }));
      await new Promise((resolve) => {
        const done = () => {
          const el = document.querySelector(selector);
          return el !== null && (textNot === null || el.textContent !== textNot);
        };
        const check = () => (done() ? resolve() : requestAnimationFrame(check));
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - start;
    },
    { action, selector, textNot },
  );

/** An exchange file (v1) of the demo's set-up as a new scan with `count` synthetic responses. */
async function makeFile(page, count) {
  return page.evaluate(async (count) => {
    const open = () => new Promise((resolve, reject) => { const r = indexedDB.open('ketenscan'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const db = await open();
    const scan = await new Promise((resolve) => { const r = db.transaction('scans').objectStore('scans').getAll(); r.onsuccess = () => resolve(r.result.find((s) => s.isDemo)); });
    db.close();
    let seed = 42;
    const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
    const levels = ['uitvoering', 'management', 'bestuur'];
    const responses = [];
    for (let i = 0; i < count; i++) {
      const answers = {};
      for (const item of scan.instrument.items) answers[item.id] = random() < 0.05 ? 'dk' : 1 + Math.floor(random() * 5);
      const response = { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, organisationId: scan.organisations[i % scan.organisations.length].id, level: levels[i % 3], answers, keywords: ['bench', `w${i % 40}`], submittedAt: '2026-11-22T10:05:00.000Z' };
      if (i % 10 === 0) response.comments = { [scan.instrument.items[i % scan.instrument.items.length].id]: `Opmerking ${i}: overleg loopt stroef.` };
      if (i % 7 === 0) response.improvement = `Verbeterpunt ${i}`;
      responses.push(response);
    }
    const fileScan = { id: '11111111-2222-4333-8444-555555555555', title: `Bench ${count}`, date: scan.date, settings: scan.settings, instrument: scan.instrument, organisations: scan.organisations, responses };
    // Responses one per line, as the app writes them (serialiseExchangeFile): 100,000 are about 24 MB.
    const head = JSON.stringify({ format: 'ketenscan', version: 1, exportedAt: '2026-11-30T09:00:00.000Z', generator: 'bench-ui', scans: [{ ...fileScan, responses: '@' }] }, null, 2);
    return head.replace('"@"', `[\n${responses.map((r) => `        ${JSON.stringify(r)}`).join(',\n')}\n      ]`);
  }, count);
}

/** The baseline: the same records put into a scratch database in one transaction. */
function barePut(page, count) {
  return page.evaluate(async (count) => {
    // The app's own store definition (schemaHistory.ts, responses of v1): same key, same four indexes.
    const open = () => new Promise((resolve, reject) => {
      const r = indexedDB.open('bench-bare', 1);
      r.onupgradeneeded = () => {
        const store = r.result.createObjectStore('responses', { keyPath: 'id' });
        store.createIndex('scanId', 'scanId');
        store.createIndex('organisationId', 'organisationId');
        store.createIndex('[scanId+status]', ['scanId', 'status']);
        store.createIndex('[scanId+organisationId]', ['scanId', 'organisationId']);
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const db = await open();
    const answers = {};
    for (let q = 1; q <= 13; q++) answers[`q${String(q).padStart(2, '0')}`] = 1 + (q % 5);
    const started = performance.now();
    const tx = db.transaction('responses', 'readwrite');
    const store = tx.objectStore('responses');
    for (let i = 0; i < count; i++) store.put({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, scanId: 's', organisationId: 'o', level: 'uitvoering', answers, comments: {}, keywords: ['bench', `w${i % 40}`], improvement: '', startedAt: '2026-11-22T10:00:00.000Z', submittedAt: '2026-11-22T10:05:00.000Z', status: 'submitted', position: 0 });
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    const took = performance.now() - started;
    db.close();
    await new Promise((resolve) => { const r = indexedDB.deleteDatabase('bench-bare'); r.onsuccess = resolve; r.onerror = resolve; });
    return took;
  }, count);
}

async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / (1024 * 1024);
}

async function runSize(browser, count) {
  const samples = Object.fromEntries(Object.keys(TARGETS).map((k) => [k, []]));
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole('link', { name: /Demo — Workshop/ }).waitFor();
  const text = await makeFile(page, count);
  const megabytes = Buffer.byteLength(text) / 1e6;

  // Import through the import page, with the app's own performance measures.
  await page.goto(`${base}#/import`);
  const input = page.locator('input[type=file]');
  await input.waitFor({ state: 'attached' });
  // Through a file on disk: Playwright hands a buffer over only up to 50 MB.
  const dir = mkdtempSync(join(tmpdir(), 'ketenscan-bench-'));
  const path = join(dir, `bench-${count}.json`);
  writeFileSync(path, text);
  // The check runs in a Web Worker (parseWorker.ts); a CSP or build fault would fall back silently.
  let workers = 0;
  page.on('worker', (worker) => {
    if (worker.url().includes('parseWorker')) workers++;
  });
  const cspErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Worker/i.test(message.text())) cspErrors.push(message.text());
  });
  await input.setInputFiles(path);
  rmSync(dir, { recursive: true, force: true });
  await page.getByRole('button', { name: 'Inlezen' }).waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Inlezen' }).click({ timeout: 300_000, noWaitAfter: true });
  await page
    .getByRole('heading', { name: 'Klaar met inlezen' })
    .waitFor({ timeout: 300_000 })
    .catch(async (error) => {
      console.error(await page.locator('main').innerText());
      throw error;
    });
  const [check, write] = await page.evaluate(() => ['import:check', 'import:write'].map((name) => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? NaN));
  samples['import (read, check, plan)'].push(check);
  samples['import (write)'].push(write);
  samples['import (total)'].push(check + write);
  samples['bare IndexedDB put (same records)'].push(await barePut(page, count));
  console.log(`${count}: file checked in ${workers} worker(s)${cspErrors.length ? `; errors: ${cspErrors.join(' | ')}` : ''}`);
  if (IMPORT_ONLY) {
    await context.close();
    for (const key of Object.keys(samples)) if (samples[key].length === 0) delete samples[key];
    return { samples, megabytes };
  }

  const scanId = '11111111-2222-4333-8444-555555555555';
  const views = ['thermometer', 'gap', 'heatmap', 'distribution', 'thermostat'];
  for (let run = 0; run < RUNS; run++) {
    // Cold: a new page load, then the results route as a director opens it from the scan list.
    await page.goto(base);
    await page.reload();
    await page.getByRole('link', { name: new RegExp(`Bench ${count}`) }).waitFor();
    samples['results, first view (cold)'].push(await measure(page, { type: 'hash', value: `#/scans/${scanId}/results/thermometer` }, '.results__view[data-view="thermometer"] svg'));
    if (run === 0) samples['JS heap on results page after GC (MiB)'].push(await heapAfterGc(page));
    for (const view of views.slice(1)) {
      samples['switch view'].push(await measure(page, { type: 'click', value: `a[href$="/results/${view}"]` }, `.results__view[data-view="${view}"] svg, .results__view[data-view="${view}"] table`));
    }
  }
  await page.evaluate((id) => { location.hash = `#/scans/${id}/present`; }, scanId);
  await page.getByTestId('presenter').waitFor();
  await page.keyboard.press('r');
  await page.locator('.slide__body svg').first().waitFor();
  for (let i = 0; i < RUNS * 2; i++) {
    const before = await page.locator('#slide-title').textContent();
    samples['presenter slide change'].push(await measure(page, { type: 'key', value: i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft' }, '#slide-title', before));
  }
  await page.evaluate((id) => { location.hash = `#/scans/${id}`; }, scanId);
  const exportButton = page.getByRole('button', { name: 'Exporteren als JSON' });
  await exportButton.waitFor();
  for (let run = 0; run < 3; run++) {
    const started = Date.now();
    await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), exportButton.click()]);
    samples['export JSON'].push(Date.now() - started);
  }
  await context.close();
  return { samples, megabytes };
}

try {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      await sleep(200);
    }
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--js-flags=--expose-gc'],
  });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const results = new Map();
  const rows = [];
  for (const count of SIZES) {
    const { samples, megabytes } = await runSize(browser, count);
    results.set(count, samples);
    for (const [what, xs] of Object.entries(samples)) {
      const target = TARGETS[what];
      rows.push({
        measurement: what,
        responses: count,
        'file MB': megabytes.toFixed(1),
        samples: xs.length,
        median: median(xs).toFixed(1),
        max: Math.max(...xs).toFixed(1),
        target: target ?? '',
        result: target === null ? '' : median(xs) <= target ? 'met' : 'MISSED',
      });
    }
  }
  await browser.close();
  console.table(rows);
  for (const count of SIZES) {
    const s = results.get(count);
    const write = median(s['import (write)']);
    const total = median(s['import (total)']);
    const bare = median(s['bare IndexedDB put (same records)']);
    console.log(`${count} responses: import write / bare put ${(write / bare).toFixed(2)}×, whole import / bare put ${(total / bare).toFixed(2)}× (target ≤ 1.5×)`);
  }
  if (SIZES.length >= 2 && !IMPORT_ONLY) {
    const small = median(results.get(SIZES[0])['results, first view (cold)']);
    const large = median(results.get(SIZES.at(-1))['results, first view (cold)']);
    console.log(`first view ${SIZES.at(-1)} / ${SIZES[0]}: ${(large / small).toFixed(2)} (target ≤ 2)`);
  }
} finally {
  server.kill();
}
