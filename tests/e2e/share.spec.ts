import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { generateDemoScan } from '../../src/domain/demo/generateDemoScan';
import { openDemoScan } from './helpers';

// The demo's partners with fewer than 3 respondents (Openbaar Ministerie 2, Parlan 2) are pooled
// in the results; the anonymised export must pool them the same way and say so.
const demo = generateDemoScan({ now: new Date() });

test('the anonymised export pools small partners, cuts times to the day and says what it did', async ({ page }) => {
  await openDemoScan(page);
  await expect(page.getByRole('heading', { name: 'Volledige export — voor uw eigen apparaten' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Geanonimiseerde export — om te delen' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Geanonimiseerd als JSON' }).click()]);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  const [scan] = file.scans;
  expect(scan.title).toMatch(/\(geanonimiseerd\)$/);
  const names = scan.organisations.map((o: { name: string }) => o.name);
  expect(names).toContain('Overige partners');
  expect(names).not.toContain('Parlan');
  expect(names).not.toContain('Openbaar Ministerie');
  expect(scan.responses).toHaveLength(demo.responses.length);
  for (const r of scan.responses) expect(r.submittedAt).toMatch(/T00:00:00\.000Z$/);
  const result = page.getByTestId('shared-export-result');
  await expect(result).toContainText('(geanonimiseerd)');
  await expect(result).toContainText('Samengevoegd tot "Overige partners": Openbaar Ministerie en Parlan.');
});

test.describe('in Amsterdam', () => {
  test.use({ timezoneId: 'Europe/Amsterdam' });

  test('the anonymised export has fresh ids, days in the scan\'s time zone, and arrives on a fresh device as a scan of its own', async ({ page, browser }) => {
    await openDemoScan(page);
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
      return readFileSync((await file.path())!, 'utf8');
    };
    const full = JSON.parse(await download('Exporteren als JSON'));
    const sharedText = await download('Geanonimiseerd als JSON');
    const shared = JSON.parse(sharedText);
    const csvLong = await download('Geanonimiseerd als CSV (één regel per antwoord)');
    const csvWide = await download('Geanonimiseerd als CSV (één regel per deelnemer)');
    await expect(page.getByTestId('shared-export-result')).toContainText('De scan en alle antwoorden hebben nieuwe nummers');

    // No id of the original scan, its series or any of its responses in the JSON or either CSV.
    const original = full.scans[0];
    const originalIds: string[] = [original.id, ...(original.series ? [original.series.id] : []), ...original.responses.map((r: { id: string }) => r.id)];
    expect(originalIds.length).toBeGreaterThan(20);
    for (const text of [sharedText, csvLong, csvWide]) for (const id of originalIds) expect(text).not.toContain(id);
    expect(shared.scans[0].series).toBeUndefined();
    // Each export is a scan of its own: the CSV's scan id is a fresh UUID too.
    const csvScanId = csvLong.split('\r\n')[1]!.split(';')[0];
    expect(csvScanId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(csvScanId).not.toBe(original.id);

    // The days are the days in Amsterdam of the original times, not the UTC days.
    const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
    const expectedDays = original.responses.map((r: { submittedAt: string }) => `${amsterdamDay.format(new Date(r.submittedAt))}T00:00:00.000Z`).sort();
    expect(shared.scans[0].responses.map((r: { submittedAt: string }) => r.submittedAt).sort()).toEqual(expectedDays);

    // A fresh device with its own demo: the file is a new scan, not merged into that demo.
    const context = await browser.newContext({ timezoneId: 'Europe/Amsterdam' });
    const fresh = await context.newPage();
    await fresh.goto('./');
    await expect(fresh.getByRole('link', { name: /Demo — Workshop/ }).first()).toBeVisible();
    await fresh.goto('./#/import');
    await fresh.locator('input[type=file]').setInputFiles({ name: 'gedeeld.json', mimeType: 'application/json', buffer: Buffer.from(sharedText) });
    const totals = fresh.getByTestId('import-totals');
    await expect(totals).toContainText('nieuwe scans: 1');
    await expect(totals).toContainText('scans die er al zijn: 0');
    await expect(totals).toContainText(`nieuwe antwoorden: ${original.responses.length}`);
    await expect(totals).toContainText('al aanwezig (overgeslagen): 0');
    await expect(totals).toContainText('conflicten: 0');
    await fresh.getByRole('button', { name: 'Inlezen' }).click();
    await expect(fresh.getByRole('link', { name: `Naar ${shared.scans[0].title}` })).toBeVisible();
    await context.close();
  });
});
