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
  await expect(result).toContainText('Samengevoegd tot "Overige partners": Openbaar Ministerie, Parlan.');
});
