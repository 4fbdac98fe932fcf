import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { answerCurrent, leaveParticipantMode, next } from './helpers';

// Issue 26, item 1: a version saved from the editor of an answered scan "for the next round" is
// the one the next round runs; a scan switches version only before its first answer; copying
// from an older round offers the latest round's set-up; and a scan's page never repeats what the
// previous scan's page said about an export.

const UNIQUE = 'Wij bespreken elk kwartaal samen wat er in de keten beter kan.';
const NAME = 'Najaar 2027';
const QUESTIONNAIRE = 'QuickScan ketensamenwerking';

const scanIdOf = (page: Page) => {
  const match = /#\/scans\/([0-9a-f-]{36})/.exec(page.url());
  if (!match?.[1]) throw new Error(`no scan id in ${page.url()}`);
  return match[1];
};

async function openRound2(page: Page) {
  await page.goto('./');
  await page.getByRole('link', { name: /Demo — Vervolgmeting/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Vervolgmeting/ })).toBeVisible();
  return scanIdOf(page);
}

test('a version saved from an answered round is the one its next round runs, and a new round switches version only before its first answer', async ({ page }) => {
  const round2 = await openRound2(page);
  const versionPanel = page.getByRole('region', { name: 'Versie van de vragenlijst' });
  await expect(versionPanel).toContainText(`Deze scan gebruikt "${QUESTIONNAIRE}", versie 1.`);
  await expect(versionPanel).toContainText('Deze scan heeft al antwoorden');
  await expect(versionPanel.getByRole('combobox')).toHaveCount(0);

  // Edit the answered round's questionnaire: it is frozen, so the save is a version for new scans.
  await page.goto(`./#/instruments/scan/${round2}`);
  await expect(page.getByText(/wat u nu opslaat wordt een nieuwe versie voor nieuwe scans \(bijvoorbeeld de volgende ronde\)/)).toBeVisible();
  await page.getByLabel('Stelling 1 (q01) — Nederlands').fill(UNIQUE);
  await page.getByRole('radio', { name: /Nee, dezelfde betekenis/ }).check();
  await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen als versie 2.' })).toBeVisible();

  // Name it on the library page.
  await page.goto('./#/instruments');
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${QUESTIONNAIRE} — versie 2` }) });
  await expect(item).toContainText('opgeslagen');
  await expect(item).toContainText(`gemaakt vanuit versie 1`);
  await item.getByRole('button', { name: new RegExp(`^Naam geven\\s*: ${QUESTIONNAIRE} — versie 2$`) }).click();
  const nameField = item.getByRole('textbox', { name: /Naam van deze versie/ });
  await expect(nameField).toBeFocused();
  await expect(nameField).toHaveAttribute('maxlength', '80');
  await nameField.fill(NAME);
  await nameField.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `De versie heet nu "${NAME}".` })).toBeVisible();
  const named = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${QUESTIONNAIRE} — ${NAME}` }) });
  await expect(named).toContainText('nummer 2');
  await expect(named.getByRole('button', { name: new RegExp(`^Naam geven\\s*: ${QUESTIONNAIRE} — ${NAME}$`) })).toBeFocused();
  await expectNoAxeViolations(page, 'the questionnaire library');
  await page.screenshot({ path: 'test-results/versions-library-1280.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/versions-library-390.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The next round of the answered round runs the named version.
  await page.goto(`./#/scans/${round2}`);
  await page.getByRole('button', { name: 'Opzet kopiëren voor een nieuwe ronde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /— ronde 3$/ })).toBeVisible();
  const round3 = scanIdOf(page);
  expect(round3).not.toBe(round2);
  await expect(versionPanel).toContainText(`Deze scan gebruikt "${QUESTIONNAIRE}", ${NAME}.`);
  await expect(versionPanel.getByRole('status')).toHaveText(`De nieuwe ronde gebruikt "${QUESTIONNAIRE}", ${NAME}: de nieuwste versie van deze vragenlijst op dit apparaat.`);

  // Before the first answer: any stored version can be chosen, and chosen back.
  const choice = versionPanel.getByRole('combobox', { name: 'Andere versie kiezen' });
  await expect(choice).toHaveValue(/.+/);
  await expectNoAxeViolations(page, "the scan page's version choice");
  await versionPanel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/versions-choice-1280.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await versionPanel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/versions-choice-390.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await choice.selectOption({ label: 'versie 1 (13 stellingen)' });
  await versionPanel.getByRole('button', { name: 'Deze versie gebruiken' }).click();
  await expect(versionPanel.getByRole('status')).toHaveText('De scan gebruikt nu versie 1.');
  await expect(versionPanel).toContainText(`Deze scan gebruikt "${QUESTIONNAIRE}", versie 1.`);
  await choice.selectOption({ label: `${NAME} (13 stellingen)` });
  await versionPanel.getByRole('button', { name: 'Deze versie gebruiken' }).click();
  await expect(versionPanel.getByRole('status')).toHaveText(`De scan gebruikt nu ${NAME}.`);

  // The participant sees the statement only version 2 has.
  await page.getByRole('link', { name: 'Invullen op dit apparaat' }).click();
  await page.getByRole('radio', { name: 'Politie', exact: true }).check();
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await expect(page.getByText('Stelling 1 van 13')).toBeVisible();
  await expect(page.getByText(UNIQUE)).toBeVisible();
  await answerCurrent(page, 'Eens');
  await next(page, 2);
  await leaveParticipantMode(page);

  // After the first answer (a draft counts) the choice is gone, and the page says why.
  expect(scanIdOf(page)).toBe(round3);
  await expect(versionPanel).toContainText('Deze scan heeft al antwoorden (ook onvoltooide tellen mee)');
  await expect(versionPanel.getByRole('combobox')).toHaveCount(0);
});

test("copying from an older round offers the latest round's set-up, and no page repeats another scan's export message", async ({ page }) => {
  const round2 = await openRound2(page);
  await page.goto('./');
  await page.getByRole('link', { name: /Demo — Workshop/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Workshop/ })).toBeVisible();
  const round1 = scanIdOf(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporteren als JSON' }).click();
  await download;
  const saved = page.getByText(/ketenscan-.*\.json is opgeslagen/);
  await expect(saved).toBeVisible();

  // Round 2's page, reached inside the app: the message was about round 1.
  await page.evaluate((id) => (location.hash = `#/scans/${id}`), round2);
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Vervolgmeting/ })).toBeVisible();
  await expect(saved).toHaveCount(0);

  // Round 1 is not the latest: the copy asks whose set-up, the latest round's by default.
  await page.evaluate((id) => (location.hash = `#/scans/${id}`), round1);
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Workshop/ })).toBeVisible();
  await page.getByRole('button', { name: 'Exporteren als JSON' }).click();
  await expect(saved).toBeVisible();
  await page.getByRole('button', { name: 'Opzet kopiëren voor een nieuwe ronde' }).click();
  const dialog = page.getByRole('dialog', { name: 'Welke opzet kopiëren?' });
  await expect(dialog).toContainText('De nieuwe ronde krijgt in beide gevallen nummer 3.');
  const latest = dialog.getByRole('radio', { name: /De opzet van de laatste ronde \(ronde 2: Demo — Vervolgmeting/ });
  await expect(latest).toBeChecked();
  await expect(latest).toBeFocused();
  await expect(dialog.getByRole('radio', { name: 'De opzet van deze ronde (ronde 1)' })).not.toBeChecked();
  await expectNoAxeViolations(page, "the next round's set-up choice");
  // Keyboard only: Tab to the button and press it.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Nieuwe ronde maken' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Demo — Vervolgmeting ketensamenwerking gezinnen — ronde 3' })).toBeVisible();
  // A fresh next round's page says nothing of round 1's export.
  await expect(saved).toHaveCount(0);
});
