import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { analyseScanProtected } from '../../src/domain/analysis';
import { generateDemoScan } from '../../src/domain/demo/generateDemoScan';
import { openDemoScan } from './helpers';

// Issue 13: the room. Expected figures come from the engine on the same seeded demo (as in
// results.spec.ts); the page is checked against them.
const demo = generateDemoScan({ now: new Date() });
const settings = demo.scan.settings;
const base = { instrument: demo.scan.instrument, organisations: demo.scan.organisations, responses: demo.responses, settings };

mkdirSync('artifacts/screenshots', { recursive: true });

test('a level filter that would isolate fewer than the minimum shows no figure for that group', async ({ page }) => {
  // In the demo, "management" selects 2 of the 4 at Jeugdbescherming (2 left out, fewer than 3).
  const filtered = analyseScanProtected({ ...base, filters: { levels: ['management'] } });
  const withheld = filtered.withheldByFilter.map((g) => g.groupId);
  expect(withheld).toContain('jeugdbescherming');
  expect(filtered.groups.map((g) => g.id)).toEqual(['gemeente']);

  await page.setViewportSize({ width: 1366, height: 900 });
  const scanId = await openDemoScan(page);
  await page.goto(`./#/scans/${scanId}/results/thermometer`);
  await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel('Niveau').selectOption({ label: 'Management' });
  const notice = page.getByTestId('filter-withheld');
  await expect(notice).toContainText('Jeugdbescherming');
  await expect(notice).toContainText('Veiligheidshuis');
  await expect(notice).toContainText('Overige partners');
  await page.getByRole('button', { name: 'Toon als tabel' }).first().click();
  const table = page.locator('.chart-table');
  await expect(table.getByRole('rowheader', { name: /^Gemeente/ })).toBeVisible();
  for (const name of ['Jeugdbescherming', 'Veiligheidshuis', 'Overige partners', 'Politie']) {
    await expect(table.getByRole('rowheader', { name: new RegExp(`^${name}`) })).toHaveCount(0);
  }
  await page.screenshot({ path: 'artifacts/screenshots/room-filter-withheld.png', fullPage: true });
});
