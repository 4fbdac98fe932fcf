import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEFAULT_INSTRUMENT } from '../../src/domain/instrument/defaultInstrument';
import { createSessionCipher, deriveSessionFromCode, makeDirectorToken, makeRecipientKeyPair, sealRecipientKey, writeRecipientEnvelope } from '../../src/domain/live';
import { connectNodeClient } from '../../relay/src/nodeClient';
import { readStore } from './idb';
import { expectNoAxeViolations } from './axe';
import { answerAndSubmit, openPhone as openLivePhone, startProgram, stopProgram, typedAddress as typedAddressOf } from './liveHelpers';

// Live sessions end to end (issue 12, docs/live-sessions.md "In the app"): a relay process on
// 127.0.0.1 started as `npm run relay` starts it, the director's page and several phone-sized
// browser contexts. Ports: the relay on E2E_PORT + 1 (4461 next to 4460).

const RELAY_PORT = Number(process.env.E2E_PORT ?? 4319) + 1;
const RELAY_URL = `ws://127.0.0.1:${RELAY_PORT}`;
let relay: ChildProcess | null = null;
let dataDir = '';

/** Starts the relay as `npm run relay` does; resolves once it listens. */
function startRelay(): Promise<ChildProcess> {
  return startProgram('relay/src/main.ts', { RELAY_PORT: String(RELAY_PORT), RELAY_HOST: '127.0.0.1', RELAY_DATA_DIR: dataDir }, 'listening', 'relay');
}

const stopRelay = stopProgram;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ketenscan-live-e2e-'));
  relay = await startRelay();
});

test.afterAll(async () => {
  await stopRelay(relay);
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every origin a context talks to: requests and WebSockets. */
function watchOrigins(context: BrowserContext): { requests: string[]; sockets: string[] } {
  const seen = { requests: [] as string[], sockets: [] as string[] };
  context.on('request', (request) => seen.requests.push(request.url()));
  context.on('page', (page) => page.on('websocket', (socket) => seen.sockets.push(socket.url())));
  return seen;
}

async function createScan(page: Page, title: string): Promise<string> {
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await page.getByRole('link', { name: 'Nieuwe scan' }).click();
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Ketenpartners').fill('Politie\nGemeente\nJeugdzorg\n');
  await page.getByRole('button', { name: 'Scan aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return /#\/scans\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/** Types the test's relay over the proposed one, once the proposal is there (as a director would). */
async function useTestRelay(page: Page): Promise<void> {
  const field = page.getByLabel('Adres van de relay');
  await expect(field).toHaveValue(/^wss?:\/\//);
  await field.fill(RELAY_URL);
}

async function openPhone(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page; seen: ReturnType<typeof watchOrigins> }> {
  let seen: ReturnType<typeof watchOrigins> | null = null;
  const phone = await openLivePhone(browser, url, (context) => {
    seen = watchOrigins(context);
  });
  return { ...phone, seen: seen! };
}

test('three phones join by the link and the presenter counts them; an offline phone delivers later; a relay restart loses and duplicates nothing; a closed session refuses a late phone', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL!).origin;
  const director = await browser.newContext();
  const directorSeen = watchOrigins(director);
  const page = await director.newPage();
  const scanId = await createScan(page, 'Live workshop');

  // Start a live session on the test's relay.
  const relayField = page.getByLabel('Adres van de relay');
  // Without a configured relay: port 1234 on the page's own host, wss for an https page.
  const page_ = new URL(baseURL!);
  await expect(relayField).toHaveValue(`${page_.protocol === 'https:' ? 'wss' : 'ws'}://${page_.hostname}:1234`);
  await relayField.fill(RELAY_URL);
  // Phones here take a second participant in turn ("Volgende deelnemer"), as a passed-round tablet would.
  await page.getByLabel('Eén telefoon of tablet mag meerdere deelnemers na elkaar laten invullen').check();
  await page.getByRole('button', { name: 'Live sessie starten' }).click();
  await expect(page.getByText('Verbonden met de relay.')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('img', { name: 'QR-code om mee te doen op de eigen telefoon' })).toBeVisible();
  const joinUrl = await page.getByTestId('live-join-link').inputValue();
  // The short form: a 27-character join code (session id and key derive from it, the last
  // character checks it) and, as this relay is not the page's configured one, its address.
  expect(joinUrl).toMatch(new RegExp(`^${origin}/#/j/[0-9A-HJKMNP-TV-Z]{27}\\?r=ws%3A%2F%2F127.0.0.1%3A${RELAY_PORT}%2F$`));
  const code = /#\/j\/([0-9A-Z]{27})/.exec(joinUrl)![1]!;
  const typedAddress = await page.getByTestId('live-join-address').textContent();
  expect(typedAddress).toBe(`${origin.replace('http://', '')}/#/j/${code.match(/.{1,4}/g)!.join('-')}?r=ws%3A%2F%2F127.0.0.1%3A${RELAY_PORT}%2F`);
  await page.screenshot({ path: 'artifacts/live-scan-page.png', fullPage: true });
  await expectNoAxeViolations(page, 'scan page with a live session');

  // The presenter stays connected and shows the join QR code on its first slide.
  await page.getByRole('link', { name: 'Presenteren' }).click();
  await expect(page.locator('.live-count__total')).toHaveText('0 ingevuld');
  await expect(page.getByTestId('presenter-join')).toBeVisible();
  await expect(page.getByTestId('presenter-join-address')).toHaveText(typedAddress!);

  const phones = [];
  for (const organisation of ['Politie', 'Gemeente']) {
    // The second phone types the short address as shown, in lower case: the same session.
    const typed = typedAddressOf(typedAddress!.replace(/#\/j\/[^?]+/, (path) => path.toLowerCase()));
    const phone = await openPhone(browser, phones.length === 0 ? joinUrl : typed);
    phones.push(phone);
    if (phones.length === 1) {
      await expect(phone.page.getByRole('heading', { name: 'Welkom bij de QuickScan' })).toBeVisible({ timeout: 15_000 });
      await phone.page.screenshot({ path: 'artifacts/live-phone-joined.png' });
      // The phone now holds the director's scan (its id came in the decrypted definition).
      expect(phone.page.url()).toMatch(new RegExp(`#/s/${scanId}$`));
    }
    await answerAndSubmit(phone.page, organisation);
    await expect(phone.page.getByTestId('live-delivery')).toHaveText('Uw antwoorden zijn aangekomen bij de ketenregisseur.', { timeout: 10_000 });
  }
  await expect(page.locator('.live-count__total')).toHaveText('2 ingevuld', { timeout: 5_000 });

  // The third phone submits while offline: it says so, and nothing arrives while it is offline.
  const third = await openPhone(browser, joinUrl);
  phones.push(third);
  await answerAndSubmit(third.page, 'Jeugdzorg', () => third.context.setOffline(true));
  await expect(third.page.getByTestId('live-delivery')).toContainText('Nog niet verstuurd', { timeout: 10_000 });
  await third.page.screenshot({ path: 'artifacts/live-phone-offline.png' });
  await page.waitForTimeout(2000);
  await expect(page.locator('.live-count__total')).toHaveText('2 ingevuld');
  // Its tab is closed before the network is back: a new tab delivers from the per-device record.
  await third.page.close();
  await third.context.setOffline(false);
  const thirdAgain = await third.context.newPage();
  await thirdAgain.goto(`${origin}/#/s/${scanId}`);
  await expect(page.locator('.live-count__total')).toHaveText('3 ingevuld', { timeout: 15_000 });
  await page.screenshot({ path: 'artifacts/live-presenter.png' });

  // The relay stops and starts again mid-session: nothing is lost, nothing counts twice.
  await stopRelay(relay);
  relay = await startRelay();
  await phones[1]!.page.getByRole('button', { name: 'Volgende deelnemer' }).click();
  await answerAndSubmit(phones[1]!.page, 'Politie');
  await expect(page.locator('.live-count__total')).toHaveText('4 ingevuld', { timeout: 30_000 });
  await expect(phones[1]!.page.getByTestId('live-delivery')).toHaveText('Uw antwoorden zijn aangekomen bij de ketenregisseur.', { timeout: 10_000 });

  // Back on the scan page: the counter, the stored responses (merged like an import, once each).
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('live-counter')).toHaveText('Binnengekomen: 4 · Geweigerd: 0');
  await expect(page.getByRole('row', { name: /Totaal ingevuld 4/ })).toBeVisible();

  // A link with another key cannot open the scan; a relay that is not there is said so.
  const { sessionId } = deriveSessionFromCode(code)!;
  const otherKey = `${origin}/#/join/${sessionId}?k=${'A'.repeat(42)}Q&r=ws%3A%2F%2F127.0.0.1%3A${RELAY_PORT}`;
  const wrong = await openPhone(browser, otherKey);
  await expect(wrong.page.getByRole('alert')).toHaveText(/verkeerde sleutel/, { timeout: 15_000 });
  const nowhere = await openPhone(browser, joinUrl.replace(`%3A${RELAY_PORT}`, `%3A${RELAY_PORT + 8}`));
  await expect(nowhere.page.getByRole('alert')).toHaveText(/De sessie is niet bereikbaar/, { timeout: 15_000 });
  await nowhere.page.screenshot({ path: 'artifacts/live-phone-unreachable.png' });
  const broken = await openPhone(browser, joinUrl.replace(code, code.slice(0, 20)));
  await expect(broken.page.getByRole('alert')).toHaveText(/Deze code heeft 20 tekens; een code heeft er 27/);
  await expectNoAxeViolations(broken.page, 'join page with a message');
  for (const phone of [wrong, nowhere, broken]) expect(await phone.page.evaluate(() => location.hash)).toMatch(/^#\/(join|j)\//);
  await Promise.all([wrong.context.close(), nowhere.context.close(), broken.context.close()]);

  // Closing: the phones are told, a late phone is refused with a clear message.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Sessie sluiten' }).click();
  await expect(page.getByText('Deze live sessie is gesloten.')).toBeVisible();
  await phones[0]!.page.getByRole('button', { name: 'Volgende deelnemer' }).click();
  await expect(phones[0]!.page.getByRole('heading', { name: 'Deze scan is gesloten' })).toBeVisible({ timeout: 10_000 });
  const late = await openPhone(browser, joinUrl);
  await expect(late.page.getByTestId('join-closed')).toBeVisible({ timeout: 15_000 });
  await expect(late.page.getByRole('heading', { name: 'Deze sessie is gesloten' })).toBeVisible();
  await late.page.screenshot({ path: 'artifacts/live-phone-closed.png' });
  await expect(page.getByRole('row', { name: /Totaal ingevuld 4/ })).toBeVisible();

  // Only this origin and the relay's WebSocket were contacted, by any device.
  for (const seen of [directorSeen, ...phones.map((p) => p.seen), late.seen]) {
    const foreign = seen.requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
    expect(foreign).toEqual([]);
    expect(seen.sockets.every((url) => url.startsWith(`${RELAY_URL}`))).toBe(true);
  }
  expect(directorSeen.sockets.length).toBeGreaterThan(0);

  // What the relay stored is ciphertext and random ids: no title, organisation or statement.
  await stopRelay(relay);
  const statements = DEFAULT_INSTRUMENT.items.map((item) => item.text.nl);
  const stored = readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'));
  expect(stored.length).toBeGreaterThanOrEqual(2);
  for (const text of ['Live workshop', 'Politie', 'Gemeente', 'Jeugdzorg', scanId, ...statements]) {
    expect(stored.some((content) => content.includes(text)), text).toBe(false);
  }
  relay = await startRelay();
  console.log(`scan ${scanId}: sockets director ${directorSeen.sockets.length}, phones ${phones.map((p) => p.seen.sockets.length).join('/')}`);
  await Promise.all([director.close(), ...phones.map((p) => p.context.close()), late.context.close()]);
});

test('without a relay the join link carries the scan, and the phone hands its answers back by QR code', async ({ browser }) => {
  test.setTimeout(120_000);
  const director = await browser.newContext();
  const page = await director.newPage();
  await createScan(page, 'Workshop zonder relay');
  await page.getByRole('button', { name: 'QR-code zonder relay tonen' }).click();
  await expect(page.getByRole('img', { name: 'QR-code met de scan zelf, om mee te doen zonder relay' })).toBeVisible();
  const link = await page.getByTestId('live-offline-link').inputValue();
  expect(link).toContain('#/join/');
  expect(link).toContain('?d=');

  const phone = await openPhone(browser, link);
  await answerAndSubmit(phone.page, 'Gemeente');
  await phone.page.getByRole('button', { name: 'Mijn antwoorden versturen' }).click();
  await expect(phone.page.getByRole('img', { name: 'QR-code met uw antwoorden' })).toBeVisible();
  expect(phone.seen.sockets).toEqual([]);
  await Promise.all([director.close(), phone.context.close()]);
});

test('a session closed while the laptop is offline is closed on the relay once the scan page is back', async ({ browser }) => {
  test.setTimeout(120_000);
  const director = await browser.newContext();
  const page = await director.newPage();
  await createScan(page, 'Offline gesloten');
  await useTestRelay(page);
  await page.getByRole('button', { name: 'Live sessie starten' }).click();
  await expect(page.getByText('Verbonden met de relay.')).toBeVisible({ timeout: 15_000 });
  const joinUrl = await page.getByTestId('live-join-link').inputValue();

  await director.setOffline(true);
  await expect(page.getByText(/Geen verbinding met de relay/)).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Sessie sluiten' }).click();
  await expect(page.getByText('Deze live sessie is gesloten.')).toBeVisible({ timeout: 10_000 });
  // The relay did not hear it: a phone can still join.
  const early = await openPhone(browser, joinUrl);
  await expect(early.page.getByRole('heading', { name: 'Welkom bij de QuickScan' })).toBeVisible({ timeout: 15_000 });

  // Back online, the scan page sends the close; the phone already in is told, a new one is refused.
  await director.setOffline(false);
  await page.reload();
  await expect(page.getByText('Deze live sessie is gesloten.')).toBeVisible({ timeout: 10_000 });
  await expect(early.page.getByRole('heading', { name: 'Deze scan is gesloten' })).toBeVisible({ timeout: 15_000 });
  const late = await openPhone(browser, joinUrl);
  await expect(late.page.getByTestId('join-closed')).toBeVisible({ timeout: 15_000 });
  await Promise.all([director.close(), early.context.close(), late.context.close()]);
});

test('someone who controls the relay and holds the code swaps the director key: the director stops, phones refuse the session', async ({ browser }) => {
  test.setTimeout(120_000);
  const director = await browser.newContext();
  const page = await director.newPage();
  const scanId = await createScan(page, 'Sleutel vastgepind');
  await useTestRelay(page);
  await page.getByRole('button', { name: 'Live sessie starten' }).click();
  await expect(page.getByText('Verbonden met de relay.')).toBeVisible({ timeout: 15_000 });
  const joinUrl = await page.getByTestId('live-join-link').inputValue();

  // The attacker: the code from the projector, and the relay's power to write anything (here,
  // the director's own token read from the laptop, as a relay operator could act).
  const rows = await readStore<{ key: string; value: unknown }>(page, 'meta');
  const stored = JSON.parse(String(rows.find((row) => row.key === `live-session:${scanId}`)!.value)) as { code: string; secret: string };
  const { sessionId, key } = deriveSessionFromCode(stored.code)!;
  const cipher = createSessionCipher(sessionId, key);
  if (!cipher.ok) throw new Error(cipher.error);
  const attacker = connectNodeClient(RELAY_URL, sessionId, makeDirectorToken(stored.secret));
  try {
    await attacker.synced;
    writeRecipientEnvelope(attacker.doc, await sealRecipientKey(cipher.value, makeRecipientKeyPair().publicKey));

    // The director's device notices that the key in the document is not its own, and stops.
    await expect(page.getByTestId('live-connection')).toHaveText(/Gestopt: in de sessie op de relay staat een sleutel/, { timeout: 15_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'Gestopt' })).toBeVisible();
    // The projector invites nobody into the rewritten session.
    await expect(page.getByTestId('live-join-qr')).toHaveCount(0);
    await page.screenshot({ path: 'artifacts/live-tampered.png' });

    // A phone with the projected code recomputes the pin and refuses: nothing stored, nothing sent.
    const phone = await openPhone(browser, joinUrl);
    await expect(phone.page.getByRole('alert')).toHaveText(/Deze sessie hoort niet bij de code/, { timeout: 15_000 });
    expect(await readStore(phone.page, 'scans')).toEqual([]);
    await Promise.all([director.close(), phone.context.close()]);
  } finally {
    attacker.destroy();
  }
});
