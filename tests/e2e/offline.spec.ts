import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { expectNoAxeViolations } from './axe';
import { startVersionedServer, type VersionedServer } from './versionedServer';
import { answerCurrent, chooseOrganisation, DUTCH_SCALE, leaveParticipantMode, next, openDemoScan } from './helpers';

// The service worker (docs/offline-and-security.md) in the built app: once loaded, the app
// works with no network at all, and an update waits until no questionnaire is open.

mkdirSync('artifacts/screenshots', { recursive: true });

/** Waits until a service worker controls the page; with clientsClaim that is after precaching. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

/** Moves within the app as its links do: a hash change in the same document, not a page load. */
async function goToHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

async function answerAll(page: Page): Promise<void> {
  for (let i = 0; i < 13; i++) {
    await answerCurrent(page, DUTCH_SCALE[i % 5]!);
    await next(page, i + 2 <= 13 ? i + 2 : null);
  }
  await page.getByRole('button', { name: /Volgende/ }).click();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
}

test('once loaded, the app reloads, opens routes never visited and takes answers with no network', async ({ page, context }) => {
  const scanId = await openDemoScan(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  // The network really is gone: a URL the service worker does not hold cannot be fetched.
  const uncached = await page.evaluate(() => fetch(`./not-precached-${Date.now()}.txt`).then(() => 'fetched', () => 'failed'));
  expect(uncached).toBe('failed');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Workshop/ })).toBeVisible();
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await page.screenshot({ path: 'artifacts/screenshots/offline-scan-list.png' });

  // The questionnaire's code was never loaded in this page: it comes from the precache.
  await page.goto(`./#/s/${scanId}`);
  await expect(page.getByRole('heading', { name: 'Welkom bij de QuickScan' })).toBeVisible();
  // A participant's phone in a room without Wi-Fi.
  await page.setViewportSize({ width: 375, height: 740 });
  await chooseOrganisation(page, 'Gemeente');
  await page.screenshot({ path: 'artifacts/screenshots/offline-phone-statement.png' });
  await answerAll(page);
  await page.screenshot({ path: 'artifacts/screenshots/offline-phone-thanks.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  // The director leaves participant mode (its dialog's code, too, comes from the precache).
  await leaveParticipantMode(page);

  // Results and presenter, never opened before, count the answer given offline.
  await page.goto(`./#/scans/${scanId}/results`);
  await expect(page.getByText('27 ingevulde scans')).toBeVisible();
  await page.getByRole('link', { name: 'Heatmap', exact: true }).click();
  await expect(page.locator('.results__view[data-view="heatmap"] svg[role="img"]').first()).toBeVisible();
  await page.goto(`./#/scans/${scanId}/present`);
  await expect(page.getByText('27 ingevuld', { exact: true })).toBeVisible();
  await page.goto('./#/import');
  await expect(page.locator('input[type=file]')).toBeAttached();

  // A new tab, opened offline straight on a deep route (a full navigation, not a hash change).
  const fresh = await context.newPage();
  await fresh.goto(`./#/scans/${scanId}/report`);
  await expect(fresh.locator('.report__view')).toHaveCount(8);
  await fresh.close();
});

/** Opens the demo scan on the given server and returns its id. */
async function openDemoScanAt(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('link', { name: /Demo — Workshop/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Workshop/ })).toBeVisible();
  return /#\/scans\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/** Asks the browser to look for a new service worker now, as it does on its own from time to time. */
async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())!.update();
  });
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null, undefined, { timeout: 30_000 });
}

test.describe('updates', () => {
  let server: VersionedServer;
  test.beforeEach(async () => {
    server = await startVersionedServer();
  });
  test.afterEach(async () => {
    await server.close();
  });

  test('an update waits while a questionnaire is open, is offered after it, and reloads only when asked', async ({ page }) => {
    const scanId = await openDemoScanAt(page, server.url);
    await waitForServiceWorker(page);
    await goToHash(page, `#/s/${scanId}`);
    await chooseOrganisation(page, 'Politie');
    await answerCurrent(page, 'Eens');
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    server.deployNextVersion();
    await checkForUpdate(page);
    const banner = page.getByRole('status').filter({ hasText: 'nieuwe versie' });
    // workbox-window reports a waiting worker 200 ms after it is installed; give it ample time.
    await page.waitForTimeout(1_500);
    await expect(banner).toHaveCount(0);
    await expect(page.getByText('Stelling 1 van 13')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Eens', exact: true })).toBeChecked();

    // The participant's questionnaire is closed: now the update is offered.
    await leaveParticipantMode(page);
    await goToHash(page, '#/');
    await expect(banner).toBeVisible();
    await expect(banner.getByRole('button', { name: 'Nu herladen' })).toBeVisible();
    await page.screenshot({ path: 'artifacts/screenshots/update-banner.png' });
    await expectNoAxeViolations(page, 'scan list with the update banner');
    // Back in a questionnaire (its unfinished answers are offered, not shown): gone again.
    await goToHash(page, `#/s/${scanId}`);
    await expect(page.getByRole('heading', { name: 'Er staat een onafgemaakte scan op dit apparaat' })).toBeVisible();
    await expect(banner).toHaveCount(0);
    await leaveParticipantMode(page);
    await goToHash(page, '#/');
    await expect(banner).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'A new version of Ketenscan is ready' })).toBeVisible();
    await page.setViewportSize({ width: 375, height: 740 });
    await page.screenshot({ path: 'artifacts/screenshots/update-banner-phone-en.png' });
    // Nothing has reloaded the page by itself so far.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

    await page.getByRole('button', { name: 'Reload now' }).click();
    await page.waitForFunction(() => (window as unknown as { sameDocument?: boolean }).sameDocument === undefined, undefined, { timeout: 30_000 });
    await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    await expect(page.getByRole('status').filter({ hasText: /new version|nieuwe versie/ })).toHaveCount(0);
  });

  test('"Later" puts the offer away until the next page load', async ({ page }) => {
    await page.goto(server.url);
    await waitForServiceWorker(page);
    server.deployNextVersion();
    await checkForUpdate(page);
    const banner = page.getByRole('status').filter({ hasText: 'nieuwe versie' });
    await expect(banner).toBeVisible();
    await banner.getByRole('button', { name: 'Later' }).click();
    await expect(banner).toHaveCount(0);
    // A reload is a new page load: the version still waiting is offered again.
    await page.reload();
    await expect(banner).toBeVisible();
  });
});

test('the app is installable: a manifest with name, scope, standalone display and icons that load', async ({ page, request }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href!, page.url());
  const manifest = await (await request.get(manifestUrl.href)).json();
  expect(manifest).toMatchObject({ name: 'Ketenscan', short_name: 'Ketenscan', lang: 'nl', start_url: './', scope: './', display: 'standalone', theme_color: '#1d3557', background_color: '#1d3557' });
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
  expect(icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable', 'any any']);
  for (const icon of icons) {
    const response = await request.get(new URL(icon.src, manifestUrl).href);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type'], icon.src).toContain(icon.type);
  }
  // Chromium's own installability check, through the DevTools protocol.
  await waitForServiceWorker(page);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's browser contexts are incognito profiles, where Chromium never offers to
  // install; every other reason would be the app's.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  const { errors } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
});
