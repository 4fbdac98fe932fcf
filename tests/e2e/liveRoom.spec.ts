import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { answerAndSubmit, openPhone, startProgram, stopProgram as stopRoom, typedAddress as typed } from './liveHelpers';
import { readStore } from './idb';

// The workshop as it really happens (issue 22, docs/live-sessions.md): `npm run room` serves the
// built app and its relay, the director opens it by a name that is not loopback, with the scan
// page and the presenter open together, and phones join by the address on the projector. It
// runs in the room projects of playwright.config.ts, whose Chromium maps the room's name to
// 127.0.0.1: `room-http` opens http://room.test:<port>/ — plain http, not a secure context,
// exactly as a laptop's LAN address — and `room-https` https://room-secure.test:<port>/, where
// `npm run room` gets the test's certificate (ROOM_TLS_CERT/KEY) and serves the relay at /relay
// on its own port (wss). Over http the relay runs on a port that is not 1234: the app learns it
// from ketenscan.config.json, which `npm run room` answers.


interface Room {
  url: string;
  relay: string;
  host: string;
  port: number;
}

let room: ChildProcess | null = null;
let where: Room | null = null;
let dataDir = '';

/** The room this project stands for, from its baseURL: the name and the scheme, ports of its own. */
function roomFor(baseURL: string): Room & { tls: boolean; relayPort: number } {
  const base = new URL(baseURL);
  const tls = base.protocol === 'https:';
  const port = Number(process.env.E2E_PORT ?? 4319) + (tls ? 24 : 20);
  const relayPort = port + 1;
  const url = `${base.protocol}//${base.hostname}:${port}`;
  return { url, host: base.hostname, port, tls, relayPort, relay: tls ? `wss://${base.hostname}:${port}/relay` : `ws://${base.hostname}:${relayPort}` };
}

/** `npm run room` on 127.0.0.1 (ROOM_HOST), with the relay on a port of its own. */
function startRoom(spec: ReturnType<typeof roomFor>, extraEnv: Record<string, string> = {}, folder = dataDir): Promise<ChildProcess> {
  const tls: Record<string, string> = spec.tls ? { ROOM_TLS_CERT: 'test-tls/cert.pem', ROOM_TLS_KEY: 'test-tls/key.pem' } : {};
  return startProgram('scripts/serve-room.ts', { ...tls, ...extraEnv, ROOM_PORT: String(spec.port), ROOM_HOST: '127.0.0.1', RELAY_PORT: String(spec.relayPort), RELAY_DATA_DIR: folder }, 'open the app', 'room');
}

test.beforeAll(async ({ baseURL }) => {
  const spec = roomFor(baseURL!);
  dataDir = mkdtempSync(join(tmpdir(), 'ketenscan-room-e2e-'));
  room = await startRoom(spec);
  where = spec;
});

test.afterAll(async () => {
  await stopRoom(room);
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts a live session on the scan page with the relay the room configured, and returns the address to type. */
async function startLive(page: Page): Promise<{ address: string; joinUrl: string }> {
  // The relay field proposes the room's relay, whatever its port.
  await expect(page.getByLabel('Adres van de relay')).toHaveValue(where!.relay);
  await page.getByRole('button', { name: 'Live sessie starten' }).click();
  await expect(page.getByTestId('live-connection')).toHaveText('Verbonden met de relay.', { timeout: 15_000 });
  const joinUrl = await page.getByTestId('live-join-link').inputValue();
  const address = (await page.getByTestId('live-join-address').textContent())!;
  // Nothing to type but host, port and code: no relay address in it.
  const shownOrigin = where!.url.replace(/^http:\/\//, '');
  expect(address.startsWith(`${shownOrigin}/#/j/`)).toBe(true);
  expect(address.slice(shownOrigin.length)).toMatch(/^\/#\/j\/([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{3}$/);
  expect(joinUrl).not.toContain('?r=');
  return { address, joinUrl };
}

test('the demo, live on a room network: scan page and presenter together, three phones by the typed address, one response each, presence and counts agree', async ({ browser }) => {
  test.setTimeout(240_000);
  const director = await browser.newContext();
  const page = await director.newPage();
  await page.goto(`${where!.url}/`);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(where!.url.startsWith('https:'));
  await page.getByRole('link', { name: /Demo — Workshop/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Workshop/ })).toBeVisible();
  const scanUrl = page.url();
  const { address } = await startLive(page);
  await expect(page.getByTestId('live-counter')).toHaveText('Binnengekomen: 0 · Geweigerd: 0');

  // The presenter in a second tab, as on the projector.
  const presenter = await director.newPage();
  await presenter.goto(`${scanUrl}/present`);
  await expect(presenter.getByTestId('presenter-join-address')).toHaveText(address);

  const phones: { context: BrowserContext; page: Page }[] = [];
  const organisations = ['Politie', 'Gemeente', 'Parlan'];
  for (const organisation of organisations) {
    const phone = await openPhone(browser, typed(phones.length === 1 ? address.replace(/#\/j\/.*/, (path) => path.toLowerCase()) : address));
    phones.push(phone);
    await answerAndSubmit(phone.page, organisation);
    await expect(phone.page.getByTestId('live-delivery')).toHaveText('Uw antwoorden zijn aangekomen bij de ketenregisseur.', { timeout: 15_000 });
    // Its own phone: one response, no "next participant", and no hand-off once delivered.
    await expect(phone.page.getByRole('button', { name: 'Volgende deelnemer' })).toHaveCount(0);
    await expect(phone.page.getByRole('button', { name: 'Mijn antwoorden versturen' })).toHaveCount(0);
  }
  await phones[0]!.page.screenshot({ path: 'artifacts/room-phone-thanks.png' });
  // A phone that joined holds the one scan it joined, never the demo.
  const phoneScans = await readStore(phones[0]!.page, 'scans');
  expect(phoneScans).toHaveLength(1);

  // Every response arrived once; both tabs say so, neither counts a refusal.
  await expect(page.getByTestId('live-counter')).toHaveText('Binnengekomen: 3 · Geweigerd: 0', { timeout: 15_000 });
  await expect(page.getByTestId('live-presence')).toHaveText('Telefoons verbonden: 3 · bezig met invullen: 0 · ingestuurd: 3', { timeout: 15_000 });
  await expect(presenter.getByTestId('presenter-presence')).toHaveText('Telefoons verbonden: 3 · bezig met invullen: 0 · ingestuurd: 3', { timeout: 15_000 });
  await presenter.screenshot({ path: 'artifacts/room-presenter.png' });
  await page.screenshot({ path: 'artifacts/room-scan-page.png', fullPage: true });
  await expectNoAxeViolations(page, 'scan page with a live session on a room network');
  await presenter.close();
  await page.reload();
  await expect(page.getByTestId('live-counter')).toHaveText('Binnengekomen: 3 · Geweigerd: 0', { timeout: 15_000 });
  // 26 demo responses and the three that arrived.
  await expect(page.getByRole('row', { name: /Totaal ingevuld 29/ })).toBeVisible();

  // The same phone cannot take a second participant.
  await phones[0]!.page.goto(`${where!.url}/#/s/${/#\/s\/([^/]+)/.exec(phones[0]!.page.url())![1]}`);
  await expect(phones[0]!.page.getByTestId('already-answered')).toBeVisible();

  // Closed while the phones are open: every one of them learns it.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Sessie sluiten' }).click();
  await expect(page.getByText('Deze live sessie is gesloten.')).toBeVisible();
  await expect(phones[0]!.page.getByRole('heading', { name: 'Deze scan is gesloten' })).toBeVisible({ timeout: 15_000 });
  await Promise.all([director.close(), ...phones.map((p) => p.context.close())]);
});

test('a new scan on a room network; a typo in the typed code is caught and can be typed again', async ({ browser }) => {
  test.setTimeout(180_000);
  const director = await browser.newContext();
  const page = await director.newPage();
  await page.goto(`${where!.url}/`);
  await page.getByRole('link', { name: 'Nieuwe scan' }).click();
  await page.getByLabel('Titel').fill('Zaal-workshop');
  await page.getByLabel('Ketenpartners').fill('Politie\nGemeente\nJeugdzorg\n');
  await page.getByRole('button', { name: 'Scan aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zaal-workshop' })).toBeVisible();
  const { address } = await startLive(page);

  // One character wrong, as when copying from the projector.
  const code = address.slice(address.indexOf('#/j/') + 4);
  const at = code.indexOf('-') + 1;
  const wrong = `${code.slice(0, at)}${code[at] === '7' ? '8' : '7'}${code.slice(at + 1)}`;
  const phone = await openPhone(browser, typed(address.replace(code, wrong)));
  await expect(phone.page.getByRole('alert')).toHaveText(/Deze code klopt niet/);
  await phone.page.screenshot({ path: 'artifacts/room-phone-typo.png' });
  await expectNoAxeViolations(phone.page, 'join page with a typo in the code');
  // The field holds the code as it came, to correct.
  await expect(phone.page.getByLabel('Code om mee te doen')).toHaveValue(wrong);
  await phone.page.getByLabel('Code om mee te doen').fill(code.toLowerCase());
  await phone.page.getByRole('button', { name: 'Meedoen' }).click();
  await answerAndSubmit(phone.page, 'Jeugdzorg');
  await expect(phone.page.getByTestId('live-delivery')).toHaveText('Uw antwoorden zijn aangekomen bij de ketenregisseur.', { timeout: 15_000 });
  await expect(page.getByTestId('live-counter')).toHaveText('Binnengekomen: 1 · Geweigerd: 0', { timeout: 15_000 });
  await Promise.all([director.close(), phone.context.close()]);
});

/** A room of its own for one test, with relay settings of its own, two ports above the shared one. */
async function withOwnRoom(baseURL: string, offset: number, env: Record<string, string>, body: () => Promise<void>): Promise<void> {
  const base = roomFor(baseURL);
  const port = base.port + offset;
  const spec = { ...base, port, relayPort: port + 1, url: base.url.replace(`:${base.port}`, `:${port}`), relay: base.tls ? `wss://${base.host}:${port}/relay` : `ws://${base.host}:${port + 1}` };
  const folder = mkdtempSync(join(tmpdir(), 'ketenscan-room-e2e-'));
  const own = await startRoom(spec, env, folder);
  const saved = where;
  where = spec;
  try {
    await body();
  } finally {
    where = saved;
    await stopRoom(own);
    rmSync(folder, { recursive: true, force: true });
  }
}

test('a phone the relay refuses, still open, learns that the session closed', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  // The relay takes one record per session: the second phone is refused.
  await withOwnRoom(baseURL!, 2, { RELAY_MAX_RECORDS_PER_SESSION: '1' }, async () => {
    const director = await browser.newContext();
    const page = await director.newPage();
    await page.goto(`${where!.url}/`);
    await page.getByRole('link', { name: /Demo — Workshop/ }).first().click();
    const { joinUrl } = await startLive(page);
    const first = await openPhone(browser, joinUrl);
    await answerAndSubmit(first.page, 'Politie');
    await expect(first.page.getByTestId('live-delivery')).toHaveText('Uw antwoorden zijn aangekomen bij de ketenregisseur.', { timeout: 15_000 });
    const refused = await openPhone(browser, joinUrl);
    await answerAndSubmit(refused.page, 'Gemeente');
    await expect(refused.page.getByTestId('live-delivery')).toHaveText(/De sessie weigert deze telefoon/, { timeout: 15_000 });
    // Its answers are not lost: the hand-off is offered.
    await expect(refused.page.getByRole('button', { name: 'Mijn antwoorden versturen' })).toBeVisible();
    await expect(page.getByTestId('live-counter')).toHaveText('Binnengekomen: 1 · Geweigerd: 0', { timeout: 15_000 });

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Sessie sluiten' }).click();
    await expect(page.getByText('Deze live sessie is gesloten.')).toBeVisible();
    await expect(refused.page.getByTestId('live-delivery')).toHaveText(/De sessie werd gesloten voordat uw antwoorden verstuurd waren/, { timeout: 15_000 });
    await refused.page.screenshot({ path: 'artifacts/room-phone-refused-closed.png' });
    await Promise.all([director.close(), first.context.close(), refused.context.close()]);
  });
});

test('a tablet passed round while offline delivers every answer, over more connections than one may carry', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  // One record per connection: the second answer needs a connection of its own.
  await withOwnRoom(baseURL!, 4, { RELAY_MAX_RECORDS_PER_CONNECTION: '1' }, async () => {
    const director = await browser.newContext();
    const page = await director.newPage();
    await page.goto(`${where!.url}/`);
    await page.getByRole('link', { name: /Demo — Workshop/ }).first().click();
    await page.getByLabel('Eén telefoon of tablet mag meerdere deelnemers na elkaar laten invullen').check();
    const { joinUrl } = await startLive(page);
    const tablet = await openPhone(browser, joinUrl);
    await expect(tablet.page.getByRole('heading', { name: 'Welkom bij de QuickScan' })).toBeVisible({ timeout: 15_000 });
    // The network goes while the first participant answers (on plain http no service worker
    // keeps the page's code, so the tablet loaded it before, as the answer flow does).
    await answerAndSubmit(tablet.page, 'Politie', () => tablet.context.setOffline(true));
    await tablet.page.getByRole('button', { name: 'Volgende deelnemer' }).click();
    await answerAndSubmit(tablet.page, 'Gemeente');
    await tablet.context.setOffline(false);
    await expect(page.getByTestId('live-counter')).toHaveText('Binnengekomen: 2 · Geweigerd: 0', { timeout: 45_000 });
    await expect(tablet.page.getByTestId('live-delivery')).toHaveText('Uw antwoorden zijn aangekomen bij de ketenregisseur.', { timeout: 15_000 });
    await Promise.all([director.close(), tablet.context.close()]);
  });
});
