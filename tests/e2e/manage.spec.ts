import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openDemoScan } from './helpers';

// Issue 16, item 5: a next round from a scan's set-up, the set-up as a file another device runs,
// and deleting a scan with the offer to save a copy first.

test('copy the set-up for a new round, run it on another device from a file, and delete with a copy first', async ({ page, browser }) => {
  await openDemoScan(page);
  await page.getByRole('button', { name: 'Opzet kopiëren voor een nieuwe ronde' }).click();
  // Round 1 is not the series' latest: the copy asks whose set-up (issue 26); this round's here.
  const source = page.getByRole('dialog', { name: 'Welke opzet kopiëren?' });
  await source.getByRole('radio', { name: 'De opzet van deze ronde (ronde 1)' }).check();
  await source.getByRole('button', { name: 'Nieuwe ronde maken' }).click();
  // The demo series has two rounds: this is the third, without answers, open.
  const title = 'Demo — Workshop ketensamenwerking gezinnen — ronde 3';
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('row', { name: /Totaal ingevuld 0/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Politie 0/ })).toBeVisible();
  await page.getByRole('link', { name: 'Verandering tussen rondes' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: /^Ronde 3: / })).toContainText('deze scan');
  await expect(page.getByRole('listitem').filter({ hasText: /^Ronde 1: Demo — Workshop/ })).toBeVisible();
  await page.getByRole('link', { name: /Terug naar de scan/ }).click();

  // The set-up as a file: exchange format v1, one scan, no answers.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Opzet opslaan als bestand (zonder antwoorden)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ketenscan-opzet-demo-workshop-ketensamenwerking-gezinnen-ronde-3-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(file).toMatchObject({ format: 'ketenscan', version: 1 });
  expect(file.scans).toHaveLength(1);
  expect(file.scans[0]).toMatchObject({ title, responses: [] });
  expect(file.scans[0].instrument.items).toHaveLength(13);
  expect(file.scans[0].organisations).toHaveLength(7);
  await expect(page.getByRole('status').filter({ hasText: 'Opzet opgeslagen als ketenscan-opzet-' })).toBeVisible();

  // Another device reads it and can run the same scan.
  const other = await browser.newContext();
  const device = await other.newPage();
  await device.goto('./#/import');
  await device.locator('input[type=file]').setInputFiles((await download.path())!);
  await expect(device.getByTestId('import-totals')).toContainText('nieuwe scans: 1');
  await device.getByRole('button', { name: 'Inlezen' }).click();
  await device.getByRole('link', { name: `Naar ${title}` }).click();
  await expect(device.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(device.getByRole('link', { name: 'Invullen op dit apparaat' })).toBeVisible();
  await other.close();

  // Delete: the dialog offers a copy first; the copy holds the scan, then the scan is gone.
  await page.getByRole('button', { name: 'Scan verwijderen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scan verwijderen?' });
  await expect(dialog).toContainText(`Scan "${title}" van dit apparaat verwijderen? Er zijn nog geen antwoorden.`);
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(dialog).toHaveCount(0);
  // Without answers there is nothing to keep a copy of: the dialog offers deleting only.
  await page.getByRole('button', { name: 'Scan verwijderen' }).click();
  await expect(dialog.getByRole('button', { name: 'Eerst een kopie opslaan' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Verwijderen' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);

  await openDemoScan(page);
  await page.getByRole('button', { name: 'Scan verwijderen' }).click();
  await expect(dialog).toContainText('met alle 26 antwoorden');
  await expect(dialog.getByRole('button', { name: 'Eerst een kopie opslaan' })).toBeFocused();
  const [copy] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Eerst een kopie opslaan' }).click()]);
  const saved = JSON.parse(readFileSync((await copy.path())!, 'utf8'));
  expect(saved.scans[0].responses).toHaveLength(26);
  await expect(dialog.getByRole('status')).toContainText('Kopie opgeslagen als');
  await dialog.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByRole('heading', { name: 'Scans', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Demo — Vervolgmeting/ })).toBeVisible();
});
