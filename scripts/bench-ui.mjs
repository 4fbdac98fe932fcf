// UI benchmark in real Chromium: with 10,000 submitted responses in IndexedDB, how long until
// the first results view is drawn, a view switch, and a presenter slide change. Measured inside
// the page with performance.now() from the user's action to the moment the new view's chart is
// in the DOM and painted (two animation frames). Prints a table; run after `npm run build`.
//   npm run bench:ui            (uses /usr/bin/chromium, or CHROME_PATH)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const PORT = 4179;
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 10_000);
const RUNS = 5;
const TARGETS = { 'first results view': 1000, 'switch view': 200, 'presenter slide change': 100, 'export JSON': 1000, 'import JSON (read, check, plan)': null, 'import JSON (write)': null, 'import JSON (total)': 2000, 'bare IndexedDB put (same records)': null };

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
const base = `http://127.0.0.1:${PORT}/`;
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
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(base);
  await page.getByRole('link', { name: /Demo — Workshop/ }).waitFor();

  // Seed the demo scan with synthetic submitted responses through the raw IndexedDB API.
  const { id: scanId, bare } = await page.evaluate(async (count) => {
    const open = () => new Promise((resolve, reject) => { const r = indexedDB.open('ketenscan'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const db = await open();
    const all = (store) => new Promise((resolve) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); });
    const scan = (await all('scans')).find((s) => s.isDemo);
    let seed = 42;
    const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
    const started = performance.now();
    const tx = db.transaction('responses', 'readwrite');
    const store = tx.objectStore('responses');
    for (let i = 0; i < count; i++) {
      const org = scan.organisations[i % scan.organisations.length];
      const answers = {};
      for (const item of scan.instrument.items) answers[item.id] = random() < 0.05 ? 'dk' : 1 + Math.floor(random() * 5);
      store.put({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, scanId: scan.id, organisationId: org.id, level: 'uitvoering', answers, comments: {}, keywords: ['bench', `w${i % 40}`], improvement: '', startedAt: '2026-11-22T10:00:00.000Z', submittedAt: '2026-11-22T10:05:00.000Z', status: 'submitted', position: 0 });
    }
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    const bare = performance.now() - started;
    db.close();
    return { id: scan.id, bare };
  }, RESPONSES);

  // Waits until `selector` matches, or (with `textNot`) until its text differs from `textNot`.
  const measure = (action, selector, textNot = null) =>
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

  const samples = Object.fromEntries(Object.keys(TARGETS).map((k) => [k, []]));
  samples['bare IndexedDB put (same records)'].push(bare);
  const views = ['thermometer', 'gap', 'heatmap', 'distribution', 'thermostat'];
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate(() => { location.hash = '#/'; });
    await page.getByRole('link', { name: /Demo — Workshop/ }).waitFor();
    samples['first results view'].push(await measure({ type: 'hash', value: `#/scans/${scanId}/results/thermometer` }, '.results__view[data-view="thermometer"] svg'));
    for (const view of views.slice(1)) {
      samples['switch view'].push(await measure({ type: 'click', value: `a[href$="/results/${view}"]` }, `.results__view[data-view="${view}"] svg, .results__view[data-view="${view}"] table`));
    }
  }
  await page.evaluate((id) => { location.hash = `#/scans/${id}/present`; }, scanId);
  await page.getByTestId('presenter').waitFor();
  await page.keyboard.press('r');
  await page.locator('.slide__body svg').first().waitFor();
  for (let i = 0; i < RUNS * 2; i++) {
    const before = await page.locator('#slide-title').textContent();
    samples['presenter slide change'].push(
      await measure({ type: 'key', value: i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft' }, '#slide-title', before),
    );
  }
  // Export: from the click to the file handed to the browser.
  await page.evaluate((id) => { location.hash = `#/scans/${id}`; }, scanId);
  const exportButton = page.getByRole('button', { name: 'Exporteren als JSON' });
  await exportButton.waitFor();
  let exported = null;
  for (let run = 0; run < 3; run++) {
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    samples['export JSON'].push(Date.now() - started);
    exported = await download.path();
  }

  // Import into a fresh browser (its own demo, none of the 10,000): read, check and plan, then write.
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext();
    const fresh = await context.newPage();
    await fresh.goto(base);
    await fresh.getByRole('link', { name: /Demo — Workshop/ }).waitFor();
    await fresh.goto(`${base}#/import`);
    const input = fresh.locator('input[type=file]');
    await input.waitFor({ state: 'attached' });
    await input.setInputFiles(exported);
    await fresh.getByRole('button', { name: 'Inlezen' }).waitFor();
    await fresh.getByRole('button', { name: 'Inlezen' }).click();
    await fresh.getByRole('heading', { name: 'Ingelezen' }).waitFor({ timeout: 60_000 });
    // The app's own performance measures: from the chosen file to the preview, and the transaction.
    const [check, write] = await fresh.evaluate(() => ['import:check', 'import:write'].map((name) => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? NaN));
    samples['import JSON (read, check, plan)'].push(check);
    samples['import JSON (write)'].push(write);
    samples['import JSON (total)'].push(check + write);
    await context.close();
  }
  await browser.close();

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = Object.entries(samples).map(([what, xs]) => ({
    measurement: what,
    responses: RESPONSES,
    samples: xs.length,
    'median ms': median(xs).toFixed(1),
    'max ms': Math.max(...xs).toFixed(1),
    'target ms': TARGETS[what] ?? '',
    result: TARGETS[what] === null ? '' : median(xs) <= TARGETS[what] ? 'met' : 'MISSED',
  }));
  console.table(rows);
  const write = median(samples['import JSON (write)']);
  const total = median(samples['import JSON (total)']);
  console.log(`import write / bare put: ${(write / bare).toFixed(2)}×; whole import / bare put: ${(total / bare).toFixed(2)}× (target ≤ 1.5× for the write)`);
} finally {
  server.kill();
}
