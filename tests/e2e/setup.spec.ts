import { expect, test } from '@playwright/test';
import { answerCurrent, chooseOrganisation, DUTCH_SCALE, leaveParticipantMode, next, openDemoScan } from './helpers';

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

test('optional extras switched off are not asked, and the results offer no texts that were not asked', async ({ page }) => {
  const scanId = await openDemoScan(page);
  await page.getByText('Opzet van de scan wijzigen').click();
  const extras = page.getByRole('group', { name: 'Wat deelnemers naast de stellingen mogen invullen' });
  // An existing scan has none of these settings stored: everything is asked, as before.
  await expect(extras.getByRole('checkbox')).toHaveCount(3);
  for (const box of await extras.getByRole('checkbox').all()) await expect(box).toBeChecked();
  await extras.getByLabel('Een toelichting bij elke stelling').uncheck();
  await extras.getByLabel('Drie woorden die de samenwerking typeren').uncheck();
  await extras.getByLabel('Het belangrijkste verbeterpunt').uncheck();
  await extras.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/setup-extras.png' });
  await page.getByRole('button', { name: 'Opzet opslaan', exact: true }).click();
  await expect(page.getByText('De opzet is opgeslagen.')).toBeVisible();

  // The questionnaire: no comment under a statement, and after the last statement the review at once.
  await page.getByRole('link', { name: 'Invullen op dit apparaat' }).click();
  await chooseOrganisation(page, 'Politie');
  await expect(page.getByText('Toelichting toevoegen (niet verplicht)')).toHaveCount(0);
  for (let i = 0; i < 13; i++) {
    await answerCurrent(page, DUTCH_SCALE[i % 5]!);
    await next(page, i + 2 <= 13 ? i + 2 : null);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Controleer uw antwoorden' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/s/${scanId}/14$`));
  await expect(page.getByText('Drie woorden', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Verbeterpunt', { exact: true })).toHaveCount(0);
  // Back from the review is the last statement, not an empty step.
  await page.getByRole('button', { name: /Vorige/ }).click();
  await expect(page.getByText('Stelling 13 van 13')).toBeVisible();
  await next(page, null);
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
  await leaveParticipantMode(page);

  // The results: no keyword view and no "what people wrote" view, though the demo's answers hold texts.
  await page.goto(`./#/scans/${scanId}/results`);
  await expect(page.getByRole('link', { name: 'Thermometer', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Trefwoorden', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Wat mensen schreven', exact: true })).toHaveCount(0);
  await page.goto(`./#/scans/${scanId}/results/texts`);
  await expect(page.getByRole('link', { name: 'Thermometer', exact: true })).toHaveAttribute('aria-current', 'page');

  // Only the improvement point on again: the closing step asks that and nothing else.
  await page.goto(`./#/scans/${scanId}`);
  await page.getByText('Opzet van de scan wijzigen').click();
  await extras.getByLabel('Het belangrijkste verbeterpunt').check();
  await page.getByRole('button', { name: 'Opzet opslaan', exact: true }).click();
  await expect(page.getByText('De opzet is opgeslagen.')).toBeVisible();
  await page.goto(`./#/scans/${scanId}/results`);
  await expect(page.getByRole('link', { name: 'Wat mensen schreven', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Trefwoorden', exact: true })).toHaveCount(0);
  await page.getByRole('link', { name: 'Wat mensen schreven', exact: true }).click();
  await expect(page.locator('[data-part="improvements"]')).toBeVisible();
  await expect(page.locator('.free-texts__statement')).toHaveCount(0);
});
