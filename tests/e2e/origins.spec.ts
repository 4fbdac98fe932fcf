import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { answerAllAndReview } from './helpers';
import { readStore, type StoredResponse } from './idb';

// Issue 22: the app on every address a workshop uses (docs/origins.md). Runs in each Playwright
// project: loopback (127.0.0.1), room-http (plain http at room.test: not a secure context) and
// room-https (https at room-secure.test). On each, a director creates a scan and a participant
// starts and submits a response (both need ids, which crypto.randomUUID gave only in a secure
// context); on http the page says what is off and why, and nowhere else.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const isSecureAddress = (baseURL: string) => {
  const url = new URL(baseURL);
  return url.protocol === 'https:' || LOOPBACK.has(url.hostname);
};

/** The start of every sentence about what plain http switches off. */
const HTTP_REASON = 'Deze pagina is geopend via gewoon http';

async function createScan(page: Page, title: string): Promise<string> {
  await page.goto('./');
  await page.getByRole('link', { name: 'Nieuwe scan' }).click();
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Ketenpartners').fill('Politie\nGemeente\n');
  await page.getByLabel(/Vraag deelnemers naar hun niveau/).uncheck();
  await page.getByRole('button', { name: 'Scan aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const match = /#\/scans\/([0-9a-f-]{36})$/.exec(page.url());
  if (!match?.[1]) throw new Error(`no scan id in ${page.url()}`);
  return match[1];
}

test('a new scan, a response started and submitted, and what is off said only where it is off', async ({ page, baseURL }) => {
  const secure = isSecureAddress(baseURL!);
  await page.goto('./');
  expect(await page.evaluate(() => window.isSecureContext)).toBe(secure);
  // Offline use: a service worker takes control on https and loopback (main.tsx starts it about
  // three seconds after load); on plain http there is none to start.
  if (secure) await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  else expect(await page.evaluate(() => 'serviceWorker' in navigator)).toBe(false);

  // The list of scans: offline, camera and clipboard in one notice, persistent storage in the storage panel.
  await expect(page.getByRole('heading', { level: 1, name: 'Scans' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Opslag op dit apparaat' })).toBeVisible();
  const notice = page.getByRole('region', { name: 'Op dit adres staat een deel van Ketenscan uit' });
  const storage = page.getByRole('region', { name: 'Opslag op dit apparaat' });
  if (secure) {
    await expect(notice).toHaveCount(0);
    await expect(page.getByText(HTTP_REASON)).toHaveCount(0);
  } else {
    await expect(notice.getByText(new RegExp(`^${HTTP_REASON}.*alleen toe via https of op het eigen adres van deze laptop`))).toBeVisible();
    await expect(notice.getByRole('listitem')).toHaveText([/^Werken zonder netwerk/, /^QR-codes lezen met de camera/, /^Rechtstreeks naar het klembord kopiëren/]);
    await expect(storage.getByText(new RegExp(`^${HTTP_REASON}.*blijvend te bewaren`))).toBeVisible();
  }

  // The director creates a scan (its id is made on this page) ...
  const scanId = await createScan(page, `Workshop ${new URL(baseURL!).host}`);
  const participantUrl = `${new URL(baseURL!).origin}/#/s/${scanId}`;
  // ... and the browser's answer about persistent storage is shown; on http with the reason.
  if (secure) await expect(page.getByText(HTTP_REASON)).toHaveCount(0);
  else await expect(page.getByRole('status').filter({ hasText: /blijvend te bewaren/ })).toContainText(HTTP_REASON);

  // Copying the participant link does what it says: on the clipboard when it says "copied",
  // selected when it says so. Pasted into the import page's text box to see what was copied.
  await expect(page.getByLabel('Link voor deelnemers')).toHaveValue(participantUrl);
  await page.getByRole('button', { name: 'Link kopiëren' }).click();
  const outcome = page.getByTestId('copy-outcome');
  await expect(outcome).not.toBeEmpty();
  // Chromium copies on every origin: by the async clipboard on a secure one, by execCommand('copy') on http.
  await expect(outcome).toHaveText('Gekopieerd: de link staat op het klembord.');
  await page.goto('./#/import');
  const pasteBox = page.getByLabel('Of plak de tekst van een QR-code of een JSON-bestand');
  await pasteBox.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(pasteBox).toHaveValue(participantUrl);

  // The import page: the camera is offered only where the browser allows it.
  if (secure) {
    await expect(page.getByRole('button', { name: 'QR-code scannen met de camera' })).toBeVisible();
    await expect(page.getByTestId('camera-off')).toHaveCount(0);
  } else {
    await expect(page.getByRole('button', { name: 'QR-code scannen met de camera' })).toHaveCount(0);
    await expect(page.getByTestId('camera-off')).toHaveText(new RegExp(`^${HTTP_REASON}.*camera.*bestand.*plak`));
    // The alternatives stay: files and pasted text.
    await expect(page.getByRole('button', { name: 'Tekst controleren' })).toBeEnabled();
  }

  // The participant starts (the response's id is made here) and submits.
  await page.goto(`./#/s/${scanId}`);
  await page.getByRole('radio', { name: 'Gemeente', exact: true }).check();
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await expect(page.getByText('Stelling 1 van 13')).toBeVisible();
  await answerAllAndReview(page);
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
  const stored = (await readStore<StoredResponse>(page, 'responses')).filter((r) => r.scanId === scanId).map((r) => `${r.status} ${r.id}`);
  expect(stored).toEqual([expect.stringMatching(/^submitted [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)]);
});

test('on plain http the sentences fit a phone and a laptop', async ({ page, baseURL }) => {
  test.skip(isSecureAddress(baseURL!), 'the sentences show only on plain http');
  for (const [name, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['laptop', { width: 1280, height: 800 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.goto('./');
    const notice = page.getByRole('region', { name: 'Op dit adres staat een deel van Ketenscan uit' });
    await expect(notice.getByRole('listitem')).toHaveCount(3);
    await expect(page.getByText(/blijvend te bewaren/).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `artifacts/origins/http-${name}-scans.png`, fullPage: true });
    if (name === 'phone') await expectNoAxeViolations(page, 'the list of scans on plain http');
    await page.goto('./#/import');
    await expect(page.getByTestId('camera-off')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: `artifacts/origins/http-${name}-import.png`, fullPage: true });
    if (name === 'phone') await expectNoAxeViolations(page, 'the import page on plain http');
    await page.goto('./');
    await page.getByRole('link', { name: /Demo — Workshop/ }).click();
    await page.getByRole('button', { name: 'Link kopiëren' }).click();
    await expect(page.getByTestId('copy-outcome')).toHaveText('Gekopieerd: de link staat op het klembord.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    if (name === 'phone') await expectNoAxeViolations(page, "a scan's page on plain http, after copying");
    await page.locator('.action-panel').first().screenshot({ path: `artifacts/origins/http-${name}-copy.png` });
  }
});
