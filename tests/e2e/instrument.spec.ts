import { expect, test } from '@playwright/test';
import { answerCurrent, DUTCH_SCALE, leaveParticipantMode, next } from './helpers';

// Issue 16, item 1: the director strikes, adds and reformulates a statement, runs a scan with the
// new version, and the results use it; the demo scan keeps its own questionnaire.

const REWORDED = 'Per gezin is er één regisseur met doorzettingsmacht.';
const ADDED = 'Ik weet wie ik moet bellen bij een ketenpartner.';
const STRUCK = 'Er zijn werkbare afspraken over welke informatie';

test('an edited questionnaire becomes version 2, a new scan runs on it, and the old scan keeps its own', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await page.getByRole('link', { name: 'Vragenlijsten bewerken' }).click();
  await page.getByRole('link', { name: /Bewerken vanuit deze versie\s*: QuickScan ketensamenwerking — versie 1/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijst bewerken' })).toBeVisible();

  // Strike q07.
  await page.getByRole('button', { name: 'Stelling verwijderen: Stelling 7 (q07)' }).click();
  await expect(page.getByText(/Stelling \d+ \(q07\)/)).toHaveCount(0);

  // Reword q05: the editor asks whether the meaning changes; "yes" gives it a new number.
  await page.getByLabel('Stelling 5 (q05) — Nederlands').fill(REWORDED);
  await expect(page.getByRole('group', { name: /Verandert daarmee de betekenis/ })).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  await expect(page.getByRole('alert')).toContainText('Stelling q05 is anders geformuleerd');
  await page.getByRole('radio', { name: /Ja, een andere betekenis/ }).check();
  await expect(page.getByLabel('Stelling 5 (q14) — Nederlands')).toHaveValue(REWORDED);

  // Add a statement, in Dutch only: the missing English is marked as a fallback.
  await page.getByRole('button', { name: 'Stelling toevoegen' }).click();
  await page.getByLabel('Stelling 13 (q15) — Nederlands').fill(ADDED);
  await expect(page.getByText('Vertaling ontbreekt — deelnemers zien hier de Nederlandse tekst')).toBeVisible();
  await page.screenshot({ path: 'test-results/instrument-editor.png', fullPage: false });

  await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen als versie 2.' })).toBeVisible();

  // A new scan: version 2 is preselected.
  await page.goto('./#/scans/new');
  await expect(page.getByText('Vragenlijst: QuickScan ketensamenwerking (versie 2, 13 stellingen)')).toBeVisible();
  await page.getByLabel('Titel').fill('Tweede ronde Zuid');
  await page.getByLabel('Minimale groepsgrootte').fill('1');
  await page.getByRole('button', { name: 'Scan aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tweede ronde Zuid' })).toBeVisible();
  const scanId = /#\/scans\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  await page.getByRole('link', { name: 'Invullen op dit apparaat' }).click();
  await page.getByRole('radio', { name: 'Politie', exact: true }).check();
  await page.getByRole('button', { name: 'Beginnen' }).click();
  for (let i = 0; i < 13; i++) {
    await expect(page.getByText(`Stelling ${i + 1} van 13`)).toBeVisible();
    if (i === 4) await expect(page.getByText(REWORDED)).toBeVisible();
    if (i === 12) await expect(page.getByText(ADDED)).toBeVisible();
    await expect(page.getByText(STRUCK)).toHaveCount(0);
    await answerCurrent(page, DUTCH_SCALE[i % 5]!);
    await next(page, i + 2 <= 13 ? i + 2 : null);
  }
  await page.getByRole('button', { name: /Volgende/ }).click();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
  await leaveParticipantMode(page);

  // The new scan's results are over the edited statements.
  await page.goto(`./#/scans/${scanId}/results/gap`);
  await expect(page.getByRole('heading', { level: 2, name: /Perceptieverschil|verschil/i }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Toon als tabel' }).click();
  const table = page.locator('.results__view table');
  await expect(table).toContainText(ADDED);
  await expect(table).toContainText(REWORDED);
  await expect(table).not.toContainText(STRUCK);
  await expect(table.locator('tbody tr')).toHaveCount(13);

  // The scan with answers is frozen: editing its questionnaire only makes a version for new scans.
  await page.goto(`./#/instruments/scan/${scanId}`);
  await expect(page.getByText('Deze scan heeft al antwoorden.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Opslaan en in deze scan gebruiken' })).toHaveCount(0);

  // The demo still shows its own questionnaire, q07 included.
  await page.goto('./');
  await page.getByRole('link', { name: /Demo — Workshop/ }).click();
  const demoId = /#\/scans\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await page.goto(`./#/scans/${demoId}/results/gap`);
  await page.getByRole('button', { name: 'Toon als tabel' }).click();
  await expect(table).toContainText(STRUCK);
  await expect(table).not.toContainText(ADDED);
  await expect(table).not.toContainText(REWORDED);
});
