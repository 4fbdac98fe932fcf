import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { answerCurrent, chooseOrganisation, next, openDemoScan } from './helpers';
import { expectNoAxeViolations } from './axe';

// The budget "axe-core: zero violations on every route" (docs/budgets.md). accessibility.spec.ts
// covers the scan list, the new-scan form and every participant step, results.spec.ts every
// result view; this file covers the routes and states left over.

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

test('the scan page, the report and the routes that show "not found" have no axe violations', async ({ page }) => {
  const scanId = await openDemoScan(page);
  await expect(page.getByRole('row', { name: /Totaal ingevuld 26/ })).toBeVisible();
  await expectNoAxeViolations(page, 'scan page');

  await page.goto(`./#/scans/${scanId}/report`);
  await expect(page.locator('.report__view svg[role="img"]')).toHaveCount(7);
  await expectNoAxeViolations(page, 'report page');

  await page.goto('./#/does/not/exist');
  await expect(page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' })).toBeVisible();
  await expectNoAxeViolations(page, 'not-found route');

  for (const path of [`scans/${UNKNOWN_ID}`, `scans/${UNKNOWN_ID}/results`, `s/${UNKNOWN_ID}`]) {
    await page.goto(`./#/${path}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Deze scan staat niet op dit apparaat' })).toBeVisible();
    await expectNoAxeViolations(page, `unknown scan (#/${path})`);
  }
});

test('the import page, empty, with a preview and with a refused file, has no axe violations', async ({ page }) => {
  await openDemoScan(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren als JSON' }).click()]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));

  await page.goto('./#/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Bestanden of QR-codes inlezen' })).toBeVisible();
  await expectNoAxeViolations(page, 'import page, empty');

  // A scan this device does not have yet: the preview lists what would be added.
  const fresh = { ...exported, scans: [{ ...exported.scans[0], id: '3c0a4d2f-7b5e-4f9c-8d3b-2a1f4e6d8c0b', title: 'Workshop Zuid' }] };
  fresh.scans[0].responses = fresh.scans[0].responses.map((r: { id: string }, i: number) => ({ ...r, id: `3c0a4d2f-7b5e-4f9c-8d3b-${String(i).padStart(12, '0')}` }));
  await page.locator('input[type=file]').setInputFiles({ name: 'zuid.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fresh)) });
  await expect(page.getByTestId('import-totals')).toContainText('nieuwe antwoorden: 26');
  await page.screenshot({ path: 'artifacts/screenshots/import-preview.png', fullPage: true });
  await expectNoAxeViolations(page, 'import page with a preview');

  await page.locator('input[type=file]').setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "ketenscan", "version": 1, "scans": [') });
  await expect(page.getByText('kapot.json').first()).toBeVisible();
  await expectNoAxeViolations(page, 'import page with a refused file');
});

test('presenter mode, the start slide, the reading slide, a chart slide and a discussion slide, has no axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const scanId = await openDemoScan(page);
  await page.goto(`./#/scans/${scanId}/present`);
  const title = page.locator('#slide-title');
  await expect(title).toHaveText('Ingevulde scans');
  await expectNoAxeViolations(page, 'presenter start slide (live count)');

  await page.keyboard.press('r');
  await expect(title).toHaveText('Zo leest u de resultaten');
  await expectNoAxeViolations(page, 'presenter reading slide');
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText('Thermometerindex per partner en voor de keten (1–5)');
  await expect(page.locator('.slide svg[role="img"]')).toHaveCount(1);
  await expectNoAxeViolations(page, 'presenter chart slide');

  await page.keyboard.press('t');
  await expect(page.locator('.slide table')).toBeVisible();
  await expectNoAxeViolations(page, 'presenter table slide');
  await page.keyboard.press('t');

  for (let i = 0; i < 40 && !(await title.textContent())?.startsWith('Bespreekpunt 1 van'); i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.discussion-slide__question')).toBeVisible();
  await expectNoAxeViolations(page, 'presenter discussion slide');

  // The dark high-contrast theme is the other half of what a projector shows.
  await page.keyboard.press('c');
  await expectNoAxeViolations(page, 'presenter discussion slide, other theme');
});

test('the thanks page, opened directly and after submitting with the hand-off shown, has no axe violations', async ({ page }) => {
  const scanId = await openDemoScan(page);
  await page.goto(`./#/s/${scanId}/thanks`);
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
  await expectNoAxeViolations(page, 'thanks page, opened directly');

  await page.goto(`./#/s/${scanId}`);
  await chooseOrganisation(page, 'Politie');
  await answerCurrent(page, 'Oneens');
  for (let i = 2; i <= 13; i++) await next(page, i);
  await next(page, null);
  await page.getByRole('button', { name: /Volgende/ }).click();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
  await page.getByRole('button', { name: 'Mijn antwoorden versturen' }).click();
  await expect(page.getByRole('img', { name: 'QR-code met uw antwoorden' })).toBeVisible();
  await expectNoAxeViolations(page, 'thanks page with the QR hand-off');
});

test('the questionnaire editor, the rounds page, the two-group comparison and the set-up panel have no axe violations (issue 16)', async ({ page }) => {
  const scanId = await openDemoScan(page);

  // The scan's set-up panel, opened.
  await page.getByText('Opzet van de scan wijzigen').click();
  await expect(page.getByRole('group', { name: 'Wat deelnemers naast de stellingen mogen invullen' })).toBeVisible();
  await expectNoAxeViolations(page, 'scan page with the set-up panel open');

  // The questionnaire editor: the list of versions, and editing one.
  await page.goto('./#/instruments');
  await expect(page.getByRole('link', { name: /Bewerken vanuit deze versie\s*: QuickScan ketensamenwerking — versie 1/ })).toBeVisible();
  await expectNoAxeViolations(page, 'questionnaire versions (#/instruments)');
  await page.getByRole('link', { name: /Bewerken vanuit deze versie\s*: QuickScan ketensamenwerking — versie 1/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijst bewerken' })).toBeVisible();
  await expectNoAxeViolations(page, 'questionnaire editor');
  // With a reworded statement (the meaning question) and an added one lacking its translation.
  await page.getByLabel('Stelling 5 (q05) — Nederlands').fill('Per gezin is er één regisseur met doorzettingsmacht.');
  await expect(page.getByRole('group', { name: /Verandert daarmee de betekenis/ })).toBeVisible();
  await page.getByRole('button', { name: 'Stelling toevoegen' }).click();
  await page.getByLabel('Stelling 14 (q14) — Nederlands').fill('Ik weet wie ik moet bellen.');
  await expect(page.getByText(/Vertaling ontbreekt/).first()).toBeVisible();
  await expectNoAxeViolations(page, 'questionnaire editor with a meaning question and a missing translation');
  await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expectNoAxeViolations(page, 'questionnaire editor with a refused save');

  // The rounds page of the demo series: chart, then tables. The editor has unsaved changes, so
  // going elsewhere asks first (issue 26); the edits are discarded.
  await page.goto(`./#/scans/${scanId}/rounds`);
  await page.getByRole('dialog', { name: 'Wijzigingen nog niet opgeslagen' }).getByRole('button', { name: 'Wijzigingen weggooien en verlaten' }).click();
  await expect(page.locator('[data-chart="round-change"] g[data-statement]')).toHaveCount(13);
  await expectNoAxeViolations(page, 'rounds page, chart');
  await page.getByRole('button', { name: 'Toon als tabel' }).first().click();
  await expect(page.getByRole('table', { name: /Verandering per stelling: Hele keten/ })).toBeVisible();
  await expectNoAxeViolations(page, 'rounds page, tables');

  // The two-group comparison in the perception-gap view: refused, chart, table.
  await page.goto(`./#/scans/${scanId}/results/gap`);
  const section = page.getByRole('region', { name: 'Twee groepen in deze scan vergelijken' });
  await expect(section.getByText(/Deze vergelijking kan niet/)).toBeVisible();
  await expectNoAxeViolations(page, 'gap view with a refused comparison');
  await section.getByLabel('Vergelijk', { exact: true }).selectOption('organisation');
  await section.getByLabel('Partner', { exact: true }).selectOption({ label: 'Gemeente' });
  await expect(section.locator('[data-chart="round-change"] g[data-statement]')).toHaveCount(13);
  await expectNoAxeViolations(page, 'gap view with a comparison chart');
  await section.getByRole('button', { name: 'Toon als tabel' }).click();
  await expect(section.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page, 'gap view with a comparison table');
});
