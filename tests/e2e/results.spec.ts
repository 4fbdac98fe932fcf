import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { analyseScanProtected, type ScanAnalysis } from '../../src/domain/analysis';
import { generateDemoScan } from '../../src/domain/demo/generateDemoScan';
import { openDemoScan } from './helpers';
import { expectNoAxeViolations } from './axe';

// The demo's answers do not depend on the date, so the test can compute the expected figures
// with the same engine from the same seeded generator, independently of the page.
const demo = generateDemoScan({ now: new Date() });
const input = {
  instrument: demo.scan.instrument,
  organisations: demo.scan.organisations,
  responses: demo.responses,
  settings: demo.scan.settings,
};
const analysis: ScanAnalysis = analyseScanProtected(input);
// Every figure: two decimals, rounded half away from zero on the computed value (docs/analysis.md, "Rounding: one number per figure").
const nl2 = (value: number | null) => (value === null ? '–' : ((Math.sign(value) * Math.floor(Math.abs(value) * 100 + 0.5 + 1e-7)) / 100).toFixed(2).replace('.', ','));
const groupName = (id: string) => demo.scan.organisations.find((o) => o.id === id)?.name ?? 'Overige partners';

const VIEWS = [
  ['thermometer', 'Thermometer'],
  ['thermostat', 'Thermostaat'],
  ['gap', 'Perceptieverschillen'],
  ['distribution', 'Verdeling'],
  ['heatmap', 'Heatmap'],
  ['scatter', 'Thermometer × thermostaat'],
  ['keywords', 'Trefwoorden'],
] as const;

mkdirSync('artifacts/screenshots', { recursive: true });

async function tableRow(page: Page, header: string) {
  return page.locator('.chart-table tr').filter({ has: page.getByRole('rowheader', { name: header, exact: false }) }).first();
}

test('every results view shows the analysis figures, passes axe, and is saved as a screenshot', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const scanId = await openDemoScan(page);
  await page.getByRole('link', { name: 'Resultaten bekijken' }).click();
  await expect(page.getByText(`${demo.responses.length} ingevulde scans`)).toBeVisible();
  const points = analysis.statements.filter((s) => s.isDiscussionPoint).length;
  await expect(page.getByText(`${points} bespreekpunten`)).toBeVisible();

  for (const [viewId, tab] of VIEWS) {
    await page.getByRole('link', { name: tab, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/scans/${scanId}/results/${viewId}$`));
    const view = page.locator(`.results__view[data-view="${viewId}"]`);
    await expect(view.locator('svg[role="img"], .knob-list, .keyword-cloud').first()).toBeVisible();
    await page.screenshot({ path: `artifacts/screenshots/results-${viewId}.png`, fullPage: true });
    await expectNoAxeViolations(page, `results ${viewId}`);
  }

  // Thermometer: each group's index and n, and the chain's, in the table alternative.
  await page.getByRole('link', { name: 'Thermometer', exact: true }).click();
  await page.getByRole('button', { name: 'Toon als tabel' }).first().click();
  for (const group of analysis.groups) {
    const row = await tableRow(page, groupName(group.id));
    await expect(row).toContainText(nl2(group.indexes.thermometer.value));
    await expect(row).toContainText(String(group.respondents));
  }
  await expect(await tableRow(page, 'Keten')).toContainText(nl2(analysis.chain.thermometer.value));
  await expectNoAxeViolations(page, 'thermometer table');

  // Perception gap: every statement's gap and discussion flag.
  await page.getByRole('link', { name: 'Perceptieverschillen', exact: true }).click();
  await page.getByRole('button', { name: 'Toon als tabel' }).first().click();
  const rows = page.locator('.chart-table tbody tr');
  await expect(rows).toHaveCount(analysis.statements.length);
  for (const statement of analysis.statements) {
    const number = demo.scan.instrument.items.findIndex((i) => i.id === statement.itemId) + 1;
    const row = rows.filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${number}\\. `) }) });
    await expect(row).toContainText(nl2(statement.gap));
    await expect(row).toContainText(statement.isDiscussionPoint ? 'ja' : statement.gapClass === 'uncertainDifference' ? 'Kan toeval zijn' : 'nee');
  }
  // Chance in plain words, beside the discussion points: tested statements × 0.10.
  const tested = analysis.statements.filter((s) => s.kruskalWallis !== null).length;
  const byChance = Math.round(tested / 10 - 1e-9);
  await expect(page.getByTestId('chance-note')).toHaveText(
    `Bij ${tested} getoetste stellingen geeft toeval alleen al hooguit ongeveer ${byChance} ${byChance === 1 ? 'bespreekpunt' : 'bespreekpunten'} (p < 0,10), ook als de partners het eigenlijk eens zijn.`,
  );

  // Heatmap: the cell of the largest gap's highest group.
  const widest = [...analysis.statements].sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0))[0]!;
  await page.getByRole('link', { name: 'Heatmap', exact: true }).click();
  await page.getByRole('button', { name: 'Toon als tabel' }).first().click();
  const number = demo.scan.instrument.items.findIndex((i) => i.id === widest.itemId) + 1;
  const heatRow = page.locator('.chart-table tbody tr').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${number}\\. `) }) });
  await expect(heatRow).toContainText(nl2(widest.highest!.mean));
  await expect(heatRow).toContainText(nl2(widest.lowest!.mean));
});

test('a level filter recomputes the figures and can be cleared', async ({ page }) => {
  const scanId = await openDemoScan(page);
  await page.goto(`./#/scans/${scanId}/results/thermometer`);
  await page.getByText('Filters').click();
  await page.getByLabel('Niveau').selectOption('uitvoering');
  // Counted: the execution-level respondents of the groups the filter may split (the filter guard,
  // docs/analysis.md, holds back groups where it would set apart fewer than the minimum).
  const counted = analyseScanProtected({ ...input, filters: { levels: ['uitvoering'] } }).totals.countedResponses;
  expect(counted).toBeGreaterThan(0);
  await expect(page.getByText(`${counted} ingevulde scans`)).toBeVisible();
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(page.getByText(`${demo.responses.length} ingevulde scans`)).toBeVisible();
  // Clearing the last filter leaves the panel open.
  await expect(page.getByLabel('Niveau')).toBeVisible();
  await expect(page.getByLabel('Niveau')).toHaveValue('');
});
