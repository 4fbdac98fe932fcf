import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations } from './axe';
import { readStore } from './idb';

// Votes and agreements travel with their scan (docs/agreements.md, "In the exchange file"):
// device A reads a file that has them, keeps them over a reload and exports the scan through
// the UI; a fresh device reads that export and holds the same votes and agreements by id, and a
// second import of it creates no duplicate.

const FIXTURE = join(process.cwd(), 'tests', 'fixtures', 'exchange', 'v1-room-records.json');
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  scans: { id: string; votes: { id: string }[]; agreements: { id: string; followUp: unknown }[] }[];
};
const scan = fixture.scans[0]!;
const agreementIds = scan.agreements.map((a) => a.id).sort();
const voteIds = scan.votes.map((v) => v.id).sort();

/**
 * The rows of the agreements or votes store that belong to the file's scan, read from IndexedDB
 * without the app's code (the demo's round 1 has votes and agreements of its own).
 */
async function readRows(page: Page, store: 'agreements' | 'votes'): Promise<{ id: string; scanId: string; followUp?: unknown }[]> {
  return (await readAllRows(page, store)).filter((row) => row.scanId === scan.id);
}

function readAllRows(page: Page, store: 'agreements' | 'votes'): Promise<{ id: string; scanId: string; followUp?: unknown }[]> {
  return readStore(page, store);
}

const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto('./#/import');
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByTestId('import-totals')).toBeVisible();
}

test('agreements and votes survive a reload, an export and an import on a fresh device, without duplicates', async ({ page, browser }) => {
  await page.goto('./');
  await importFile(page, FIXTURE);
  const totals = page.getByTestId('import-totals');
  await expect(totals).toContainText('afspraken: 3 nieuw, 0 bijgewerkt');
  await expect(totals).toContainText('stemmingen: 2 nieuw, 0 bijgewerkt');
  await expectNoAxeViolations(page, 'import preview with agreements and votes');
  await page.getByRole('button', { name: 'Inlezen' }).click();
  await expect(page.getByTestId('import-done-room')).toContainText('Afspraken: 3 toegevoegd of bijgewerkt. Stemmingen: 2 toegevoegd of bijgewerkt.');
  await expectNoAxeViolations(page, 'import done with agreements and votes');

  await page.reload();
  expect(idsOf(await readRows(page, 'agreements'))).toEqual(agreementIds);
  expect(idsOf(await readRows(page, 'votes'))).toEqual(voteIds);

  await page.goto(`./#/scans/${scan.id}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren als JSON' }).click()]);
  const exportedPath = (await download.path())!;
  const exported = JSON.parse(readFileSync(exportedPath, 'utf8')) as typeof fixture;
  expect(exported.scans[0]!.agreements.map((a) => a.id).sort()).toEqual(agreementIds);
  expect(exported.scans[0]!.votes.map((v) => v.id).sort()).toEqual(voteIds);
  // What was exported is what was read in: the follow-up set in a later round came along.
  expect(exported.scans[0]!.agreements).toEqual(scan.agreements);
  expect(exported.scans[0]!.votes).toEqual(scan.votes);

  // A fresh device: its own context, nothing of device A.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('./');
  expect(await readRows(other, 'agreements')).toEqual([]);
  await importFile(other, exportedPath);
  await expect(other.getByTestId('import-totals')).toContainText('afspraken: 3 nieuw');
  await other.getByRole('button', { name: 'Inlezen' }).click();
  await expect(other.getByTestId('import-done-room')).toBeVisible();
  const stored = await readRows(other, 'agreements');
  expect(idsOf(stored)).toEqual(agreementIds);
  // Nothing of the file landed under another scan.
  expect((await readAllRows(other, 'agreements')).filter((a) => agreementIds.includes(a.id)).every((a) => a.scanId === scan.id)).toBe(true);
  expect(stored.find((a) => a.id === scan.agreements[0]!.id)?.followUp).toEqual(scan.agreements[0]!.followUp);
  expect(idsOf(await readRows(other, 'votes'))).toEqual(voteIds);

  // The same file again: everything is kept, nothing new to read in, no duplicate.
  await importFile(other, exportedPath);
  await expect(other.getByTestId('import-totals')).toContainText('afspraken: 0 nieuw, 0 bijgewerkt (het bestand heeft een nieuwere versie), 3 gehouden');
  await expect(other.getByTestId('import-totals')).toContainText('stemmingen: 0 nieuw, 0 bijgewerkt (het bestand heeft een latere of gesloten versie), 2 gehouden');
  await expect(other.getByRole('button', { name: 'Inlezen' })).toBeDisabled();
  expect(await readRows(other, 'agreements')).toHaveLength(3);
  expect(await readRows(other, 'votes')).toHaveLength(2);
  await fresh.close();
});

test('a file whose agreement names a partner the scan does not have is refused with its place, and nothing is stored', async ({ page }) => {
  await page.goto('./');
  const bad = structuredClone(fixture) as unknown as { scans: { agreements: { partnerIds: string[] }[] }[] };
  bad.scans[0]!.agreements[2]!.partnerIds[0] = 'reclassering';
  await page.goto('./#/import');
  await page.locator('input[type=file]').setInputFiles({ name: 'afspraken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByRole('alert')).toContainText('scans[0].agreements[2].partnerIds[0]: "reclassering" is geen organisatie van deze scan');
  expect(await readRows(page, 'agreements')).toEqual([]);
});
