import { expect, test } from '@playwright/test';
import { answerCurrent, chooseOrganisation, next, startAnswering } from './helpers';
import { expectNoAxeViolations } from './axe';

test('the participant pages and the scan pages have no axe violations', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await expectNoAxeViolations(page, 'scan list');
  await page.getByRole('link', { name: 'Nieuwe scan' }).click();
  await expect(page.getByRole('heading', { name: 'Nieuwe scan' })).toBeVisible();
  await expectNoAxeViolations(page, 'new scan form');
  await page.getByRole('button', { name: 'Scan aanmaken' }).click();
  await expect(page.getByText('Geef de scan een titel.').first()).toBeVisible();
  await expectNoAxeViolations(page, 'new scan form with errors');

  await startAnswering(page);
  await expectNoAxeViolations(page, 'welcome');
  await chooseOrganisation(page, 'Politie');
  await answerCurrent(page, 'Eens');
  await expectNoAxeViolations(page, 'statement');
  await page.getByText('Toelichting toevoegen (niet verplicht)').click();
  await expectNoAxeViolations(page, 'statement with comment');
  for (let i = 2; i <= 13; i++) await next(page, i);
  await next(page, null);
  await expectNoAxeViolations(page, 'extras');
  await page.getByRole('button', { name: /Volgende/ }).click();
  await expect(page.getByRole('heading', { name: 'Controleer uw antwoorden' })).toBeVisible();
  await expectNoAxeViolations(page, 'review');
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
  await expectNoAxeViolations(page, 'thanks');
});

test('answer options are touch targets of at least 44 px on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await startAnswering(page);
  await chooseOrganisation(page, 'Gemeente');
  const options = page.locator('.answer-option');
  await expect(options).toHaveCount(6);
  for (let i = 0; i < 6; i++) {
    const box = await options.nth(i).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);
  }
  for (const name of [/Vorige/, /Volgende/, 'English']) {
    const box = await page.getByRole('button', { name }).boundingBox();
    expect(box!.height, String(name)).toBeGreaterThanOrEqual(44);
  }
  // Nothing scrolls sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
