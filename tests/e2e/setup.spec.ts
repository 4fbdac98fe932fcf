import { expect, test } from '@playwright/test';
import { openDemoScan } from './helpers';

// Issue 16, item 2: a director changes a scan's set-up: partners renamed, merged, added and
// (without answers only) removed, settings and the participants' start language.

test('the set-up of a scan: partners renamed, merged, added and removed under the guard; start language English', async ({ page }) => {
  const scanId = await openDemoScan(page);
  await page.getByText('Opzet van de scan wijzigen').click();

  // Removing a partner with answers is refused; merging moves its answers.
  await expect(page.getByRole('button', { name: 'Verwijderen: Parlan' })).toBeDisabled();
  await page.getByLabel('Samenvoegen met: Parlan').selectOption({ label: 'William Schrikker Groep' });
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Samenvoegen: Parlan' }).click();
  await expect(page.getByText('Parlan is samengevoegd met William Schrikker Groep; 2 antwoorden verplaatst.')).toBeVisible();
  await expect(page.getByRole('row', { name: /William Schrikker Groep 5/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Parlan/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Totaal ingevuld 26/ })).toBeVisible();

  // Rename keeps the answers with the organisation.
  await page.getByLabel('Naam van Politie · 5 antwoorden').fill('Politie Eenheid Zuid');
  await page.getByRole('button', { name: 'Naam opslaan: Politie' }).click();
  await expect(page.getByRole('row', { name: /Politie Eenheid Zuid 5/ })).toBeVisible();

  // Add one, then remove it again (it has no answers).
  await page.getByLabel('Nieuwe ketenpartner').fill('GGD');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('row', { name: /GGD 0/ })).toBeVisible();
  await page.getByRole('button', { name: 'Verwijderen: GGD' }).click();
  await expect(page.getByRole('row', { name: /GGD/ })).toHaveCount(0);

  // Settings: participants start in English, minimum group size 4.
  await page.getByLabel('Taal waarin deelnemers beginnen').selectOption('en');
  await page.getByLabel('Minimale groepsgrootte').fill('4');
  await page.getByRole('button', { name: 'Opzet opslaan', exact: true }).click();
  await expect(page.getByText('De opzet is opgeslagen.')).toBeVisible();
  await page.getByRole('link', { name: 'Invullen op dit apparaat' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to the QuickScan' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Politie Eenheid Zuid', exact: true })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Parlan', exact: true })).toHaveCount(0);
  expect(scanId).toMatch(/[0-9a-f-]{36}/);
});
