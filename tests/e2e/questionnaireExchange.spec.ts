import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { readStore } from './idb';

// Issue 26, item 2: a questionnaire travels. Device A saves a named version and exports the
// questionnaire; device B (a fresh browser context) imports it: same id, same name, no duplicate
// on a second import, and B's next version and new statement never collide with A's.

interface StoredVersion {
  versionId: string;
  id: string;
  version: number;
  versionName?: string;
  items: { id: string }[];
}

function readVersions(page: Page): Promise<StoredVersion[]> {
  return readStore<StoredVersion>(page, 'instrumentVersions');
}

/** From the library: edit a version, add one statement in Dutch, save; returns the new statement's id. */
async function addStatementAndSave(page: Page, fromLabel: string, text: string, expectedSaved: number, name?: string): Promise<void> {
  await page.goto('./#/instruments');
  await page.getByRole('link', { name: new RegExp(`Bewerken vanuit deze versie\\s*: QuickScan ketensamenwerking — ${fromLabel}$`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijst bewerken' })).toBeVisible();
  await page.getByRole('button', { name: 'Stelling toevoegen' }).click();
  await page.getByLabel(/— Nederlands$/).last().fill(text);
  if (name !== undefined) await page.getByRole('textbox', { name: 'Naam van deze versie' }).fill(name);
  await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Opgeslagen als versie ${expectedSaved}.` })).toBeVisible();
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.goto('./#/import');
  await page.locator('input[type=file]').setInputFiles(path);
  await expect(page.getByTestId('import-totals')).toBeVisible();
}

test('a questionnaire exported on device A is imported on device B with its id and name, once, and B continues without collisions', async ({ page, browser }) => {
  // Device A.
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await addStatementAndSave(page, 'versie 1', 'Wij evalueren elk half jaar samen.', 2, 'Voorjaar 2027');
  const [savedOnA] = await readVersions(page);
  expect(savedOnA).toMatchObject({ version: 2 });
  const statementsOfA = savedOnA!.items.map((item) => item.id);
  expect(statementsOfA).toContain('q14');

  await page.goto('./#/instruments');
  const exportButton = page.getByRole('button', { name: /^Exporteren\s*: QuickScan ketensamenwerking$/ });
  await expect(exportButton).toBeVisible();
  await expectNoAxeViolations(page, 'the instrument library with "Exporteren"');
  await exportButton.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^ketenscan-vragenlijst-quickscan-ketensamenwerking-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByTestId('questionnaire-export-status')).toHaveText(`${download.suggestedFilename()} is opgeslagen.`);
  const path = (await download.path())!;
  const file = JSON.parse(readFileSync(path, 'utf8'));
  expect(file.scans).toEqual([]);
  expect(file.instrumentVersions.map((v: StoredVersion) => [v.versionId, v.version, v.versionName])).toEqual([[savedOnA!.versionId, 2, 'Voorjaar 2027']]);

  // Device B: a fresh browser context.
  const deviceB = await (await browser.newContext()).newPage();
  await deviceB.goto('./');
  await expect(deviceB.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await importFile(deviceB, path);
  await expect(deviceB.getByTestId('import-totals')).toContainText('vragenlijstversies: 1 nieuw, 0 al op dit apparaat');
  await expectNoAxeViolations(deviceB, 'the import preview of a questionnaire file');
  await deviceB.getByRole('button', { name: 'Inlezen' }).click();
  await expect(deviceB.getByTestId('import-done-versions')).toHaveText('Vragenlijstversies toegevoegd: 1.');
  const onB = await readVersions(deviceB);
  expect(onB.map((v) => [v.versionId, v.version, v.versionName])).toEqual([[savedOnA!.versionId, 2, 'Voorjaar 2027']]);
  await deviceB.goto('./#/instruments');

  // Called by its name on B too: the name travelled with the version.
  await expect(deviceB.getByRole('heading', { level: 2, name: 'QuickScan ketensamenwerking — Voorjaar 2027' })).toBeVisible();

  // A second import recognises it: nothing to do, no duplicate.
  await importFile(deviceB, path);
  await expect(deviceB.getByTestId('import-totals')).toContainText('vragenlijstversies: 0 nieuw, 1 al op dit apparaat');
  await expect(deviceB.getByRole('button', { name: 'Inlezen' })).toBeDisabled();
  expect(await readVersions(deviceB)).toHaveLength(1);

  // B continues from A's version: its save is numbered above A's, its new statement gets a number A never used.
  await addStatementAndSave(deviceB, 'Voorjaar 2027', 'Wij kennen elkaars werkwijze.', 3);
  const third = (await readVersions(deviceB)).find((v) => v.version === 3)!;
  const newOnB = third.items.map((item) => item.id).filter((id) => !statementsOfA.includes(id));
  expect(newOnB).toEqual(['q15']);
  expect((await readVersions(deviceB)).filter((v) => v.version === 3)).toHaveLength(1);
  await deviceB.context().close();
});

test('an export of scans brings the versions of their questionnaire along', async ({ page, browser }) => {
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await addStatementAndSave(page, 'versie 1', 'Wij evalueren elk half jaar samen.', 2);
  const [saved] = await readVersions(page);
  await page.goto('./');
  await page.getByRole('link', { name: /Demo — Workshop/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren als JSON' }).click()]);
  const path = (await download.path())!;
  const file = JSON.parse(readFileSync(path, 'utf8'));
  expect(file.scans).toHaveLength(1);
  expect(file.instrumentVersions.map((v: StoredVersion) => v.versionId)).toEqual([saved!.versionId]);

  const deviceB = await (await browser.newContext()).newPage();
  await deviceB.goto('./');
  await expect(deviceB.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await importFile(deviceB, path);
  await expect(deviceB.getByTestId('import-totals')).toContainText('vragenlijstversies: 1 nieuw, 0 al op dit apparaat');
  await deviceB.getByRole('button', { name: 'Inlezen' }).click();
  await expect(deviceB.getByTestId('import-done-versions')).toBeVisible();
  expect((await readVersions(deviceB)).map((v) => v.versionId)).toEqual([saved!.versionId]);
  await deviceB.context().close();
});
