import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { putRows, readStore } from './idb';
import { answerAndSubmit, openPhone, RELAY_URL, relayForSpec } from './liveHelpers';

// The results on the phones (issue 24 item 5, docs/live-sessions.md "The results on the phones"):
// a relay process on 127.0.0.1 (E2E_PORT + 1), the director's presenter and phone-sized contexts.
// Absent until the director switches it on after the reveal; then the phones show the projector's
// figures and the agreements; switched off, it goes.

relayForSpec('summary');

/** A scan of two partners whose every respondent forms a group (minimum 1), so the figures have names. */
async function createScan(page: Page, title: string): Promise<string> {
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await page.getByRole('link', { name: 'Nieuwe scan' }).click();
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Ketenpartners').fill('Politie\nGemeente\n');
  await page.getByLabel('Minimale groepsgrootte').fill('1');
  await page.getByRole('button', { name: 'Scan aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return /#\/scans\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/** An agreement as the agreements feature stores it (its own screens are another part of issue 24). */
async function storeAgreement(page: Page, scanId: string): Promise<void> {
  const scans = await readStore<{ id: string; organisations: { id: string; name: string }[] }>(page, 'scans');
  const politie = scans.find((s) => s.id === scanId)!.organisations.find((o) => o.name === 'Politie')!;
  const now = new Date().toISOString();
  // The id is made here: crypto.randomUUID does not exist in a page on plain http (room-http).
  await putRows(page, 'agreements', [
    { id: randomUUID(), scanId, itemId: null, what: 'Eén overleg per gezin', partnerIds: [politie.id], due: '2027-03-01', votes: 4, voteId: null, createdAt: now, updatedAt: now, followUp: null },
  ]);
}

test('the director switches the results on for the phones after the reveal: they show the projector’s figures and the agreements, and lose them when it goes off', async ({ browser }) => {
  test.setTimeout(180_000);
  const director = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await director.newPage();
  const scanId = await createScan(page, 'Uitslag op de telefoons');
  await storeAgreement(page, scanId);
  // Written beside Dexie, which does not see it: a reload makes the app read the database afresh
  // (Dexie's live queries may otherwise keep the scan page's earlier, empty answer).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Uitslag op de telefoons' })).toBeVisible();

  const relayField = page.getByLabel('Adres van de relay');
  await expect(relayField).toHaveValue(/^wss?:\/\//);
  await relayField.fill(RELAY_URL);
  await page.getByRole('button', { name: 'Live sessie starten' }).click();
  await expect(page.getByText('Verbonden met de relay.')).toBeVisible({ timeout: 15_000 });
  const joinUrl = await page.getByTestId('live-join-link').inputValue();
  await page.getByRole('link', { name: 'Presenteren' }).click();
  await expect(page.getByTestId('presenter-join')).toBeVisible();
  // Before the reveal there is no switch: the room has seen no figure yet.
  await expect(page.getByTestId('phone-summary-switch')).toHaveCount(0);

  const phones = [];
  for (const organisation of ['Politie', 'Gemeente']) {
    const phone = await openPhone(browser, joinUrl);
    phones.push(phone);
    await answerAndSubmit(phone.page, organisation);
    await expect(phone.page.getByTestId('live-delivery')).toHaveText('Uw antwoorden zijn aangekomen bij de ketenregisseur.', { timeout: 10_000 });
  }
  await expect(page.locator('.live-count__total')).toHaveText('2 ingevuld', { timeout: 10_000 });
  const phone = phones[0]!.page;
  await expect(phone.getByTestId('phone-summary')).toHaveCount(0);

  // The reveal, then the projector's chain thermometer index from its table.
  const title = page.locator('#slide-title');
  await page.getByRole('button', { name: 'Resultaten tonen' }).click();
  await expect(title).toHaveText('Zo leest u de resultaten');
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText('Thermometerindex per partner en voor de keten (1–5)');
  await page.keyboard.press('t');
  const chainRow = page.locator('.slide table tr').filter({ has: page.getByRole('rowheader', { name: 'Keten' }) });
  const projected = /\d,\d\d/.exec((await chainRow.textContent()) ?? '')?.[0];
  expect(projected).toBeDefined();
  await page.keyboard.press('t');

  // Switched on: the phones get the summary.
  const toggle = page.getByTestId('phone-summary-switch');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(toggle).toHaveText('Uitslag op de telefoons');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const panel = phone.getByTestId('phone-summary');
  await expect(panel).toBeVisible({ timeout: 15_000 });
  await expect(phone.getByTestId('phone-summary-thermometer')).toHaveText(new RegExp(`^${projected}, (sterk|aandacht|zorg)$`));
  await expect(panel.getByRole('heading', { level: 2, name: 'Uitslag' })).toBeVisible();
  await expect(phone.getByTestId('phone-summary-figures')).toHaveCount(13);
  const agreement = phone.getByTestId('phone-summary-agreement');
  await expect(agreement).toContainText('Eén overleg per gezin');
  await expect(agreement).toContainText('Wie: Politie');
  await expect(agreement).toContainText('Uiterlijk: 1 maart 2027');
  await expect(agreement).toContainText('4 stemmen');
  // The second phone shows it too, the same.
  await expect(phones[1]!.page.getByTestId('phone-summary-thermometer')).toHaveText(await phone.getByTestId('phone-summary-thermometer').innerText(), { timeout: 15_000 });
  // Readable on 390 px: nothing scrolls sideways.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: 'artifacts/phone-summary.png', fullPage: true });
  await panel.getByRole('heading', { level: 2 }).scrollIntoViewIfNeeded();
  await phone.screenshot({ path: 'artifacts/phone-summary-390x844.png' });
  await agreement.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: 'artifacts/phone-summary-agreements-390x844.png' });
  // The same phone coming back to the scan (a new tab, the QR code again) sees it on its "already answered" screen.
  const again = await phones[0]!.context.newPage();
  await again.goto(phone.url().replace(/\/thanks$/, ''));
  await expect(again.getByTestId('already-answered')).toBeVisible({ timeout: 15_000 });
  await expect(again.getByTestId('phone-summary-thermometer')).toHaveText(new RegExp(`^${projected}, `), { timeout: 15_000 });
  await expectNoAxeViolations(again, 'already answered with the results');
  await expectNoAxeViolations(phone, 'phone results panel');
  await page.screenshot({ path: 'artifacts/phone-summary-presenter.png' });

  // Switched off: it goes from the phones.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(panel).toHaveCount(0, { timeout: 15_000 });
  await expect(phones[1]!.page.getByTestId('phone-summary')).toHaveCount(0, { timeout: 15_000 });
  await expect(again.getByTestId('phone-summary')).toHaveCount(0, { timeout: 15_000 });
  await phone.screenshot({ path: 'artifacts/phone-summary-off.png', fullPage: true });

  await Promise.all([director.close(), ...phones.map((p) => p.context.close())]);
});
