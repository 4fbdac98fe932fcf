import { expect, test, type Locator, type Page } from '@playwright/test';
import { analyseScanProtected, listGapStatements } from '../../src/domain/analysis';
import { generateDemoScan } from '../../src/domain/demo/generateDemoScan';
import { openDemoScan } from './helpers';

// "Too few scores" (docs/analysis.md): a group's figure on a statement needs at least the minimum
// group size in scores. The demo has such cells: Veiligheidshuis (4 people) gave statement 10 one
// score and three don't-knows; on a discussion point another group is withheld the same way. The
// results views, the presenter and the report must say "te weinig scores" there, never a figure.

const demo = generateDemoScan({ now: new Date() });
const analysis = analyseScanProtected({ instrument: demo.scan.instrument, organisations: demo.scan.organisations, responses: demo.responses, settings: demo.scan.settings });
const min = analysis.settings.minGroupSize;
const groupIndex = analysis.groups.findIndex((g) => g.id === 'veiligheidshuis');
const q10 = analysis.statements.find((s) => s.itemId === 'q10')!;
const vhOnQ10 = q10.cells[groupIndex]!;
const withheldPoint = listGapStatements(analysis.statements).discussionPoints.find((s) => s.cells.some((c) => c.tooFewScores && c.dk > 0));
const number10 = `10. ${demo.scan.instrument.items[9]!.text.nl}`;

/** The table cell of a row (by its row header's start) under a column (by its header's start). */
async function tableCell(table: Locator, rowStart: string, columnStart: string): Promise<Locator> {
  await expect(table.locator('thead th').first()).toBeVisible();
  const headers = await table.locator('thead th').allTextContents();
  const column = headers.findIndex((h) => h.startsWith(columnStart));
  expect(column, `column ${columnStart} in ${headers.join(' | ')}`).toBeGreaterThan(0);
  const row = table.locator('tbody tr').filter({ has: table.page().getByRole('rowheader').filter({ hasText: rowStart }) }).first();
  return row.locator('th, td').nth(column);
}

/** No shown "n = 1" or "n = 2": with minimum 3 every figure rests on at least three scores. */
async function expectNoFigureOnTooFewScores(page: Page, scope: Locator): Promise<void> {
  const text = (await scope.textContent()) ?? '';
  // \s: the figures write "n = 5" with non-breaking spaces (docs/language.md).
  for (let n = 1; n < min; n++) expect(text, page.url()).not.toMatch(new RegExp(`\\(n\\s=\\s${n}\\)`));
}

test.beforeAll(() => {
  // The demo is the fixture: it must hold the cells this test is about.
  expect(min).toBe(3);
  expect(vhOnQ10).toMatchObject({ tooFewScores: true, mean: null, n: 0 });
  expect(vhOnQ10.dk).toBe(3);
  expect(withheldPoint).toBeDefined();
});

test('results, presenter and report say "te weinig scores" where a group has fewer than the minimum in scores', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const scanId = await openDemoScan(page);

  // Heatmap: the cell is words, not a figure; the table says the same with the don't-know count.
  await page.goto(`./#/scans/${scanId}/results/heatmap`);
  const heatmap = page.locator('.results__view[data-view="heatmap"]');
  const cell = heatmap.locator('[data-cell="q10:veiligheidshuis"]');
  await expect(cell).toHaveAttribute('data-too-few-scores');
  await expect(cell.locator('[data-value]')).toHaveCount(0);
  await expect(cell.locator('title')).toHaveText(/te weinig scores \(3 weet niet\)$/);
  await heatmap.getByRole('button', { name: 'Toon als tabel' }).first().click();
  const heatmapTable = heatmap.locator('table').first();
  await expect(await tableCell(heatmapTable, number10, 'Veiligheidshuis')).toHaveText('te weinig scores (3 weet niet)');
  await expect(await tableCell(heatmapTable, number10, 'Keten')).toHaveText(q10.chainMean!.toFixed(2).replace('.', ','));
  await expectNoFigureOnTooFewScores(page, heatmapTable);

  // Perception gap: no dot for the group on statement 10, its name under the statement; the table.
  await page.goto(`./#/scans/${scanId}/results/gap`);
  const gap = page.locator('.results__view[data-view="gap"]');
  const gapRow = gap.locator('svg [data-row="q10"]');
  await expect(gapRow.locator('[data-point="veiligheidshuis"]')).toHaveCount(0);
  // Every group withheld on statement 10, in group order (the demo has two).
  const withheldOn10 = analysis.groups
    .map((group, index) => ({ group, cell: q10.cells[index]! }))
    .filter(({ cell }) => cell.tooFewScores)
    .map(({ group, cell }) => `${demo.scan.organisations.find((o) => o.id === group.id)?.name ?? 'Overige partners'} (te weinig scores (${cell.dk} weet niet))`);
  expect(withheldOn10).toContain('Veiligheidshuis (te weinig scores (3 weet niet))');
  await expect(gapRow.locator('[data-too-few-scores] title')).toHaveText(`Te weinig scores: ${withheldOn10.join(', ')}`);
  await gap.getByRole('button', { name: 'Toon als tabel' }).first().click();
  const gapTable = gap.locator('table').first();
  await expect(await tableCell(gapTable, number10, 'Veiligheidshuis')).toHaveText('te weinig scores (3 weet niet)');
  await expectNoFigureOnTooFewScores(page, gapTable);

  // Presenter: the discussion point with a withheld group shows it in words, with no mean, n or bar.
  const point = withheldPoint!;
  const withheldGroup = analysis.groups[point.cells.findIndex((c) => c.tooFewScores && c.dk > 0)]!;
  const withheldCell = point.cells.find((c) => c.tooFewScores && c.dk > 0)!;
  await page.goto(`./#/scans/${scanId}/present`);
  const position = page.locator('.presenter__position');
  await expect(page.locator('#slide-title')).toHaveText('Ingevulde scans');
  await page.keyboard.press('r');
  await expect(position).not.toHaveText(/van 1$/);
  const slide = page.locator(`.discussion-slide[data-statement="${point.itemId}"]`);
  for (let i = 0; i < 60 && !(await slide.isVisible()); i++) {
    const before = await position.textContent();
    await page.keyboard.press('ArrowRight');
    await expect(position).not.toHaveText(before ?? '');
  }
  await expect(slide).toBeVisible();
  const row = slide.locator(`tr[data-group="${withheldGroup.id}"]`);
  await expect(row.locator('[data-too-few-scores]')).toHaveText('te weinig scores');
  await expect(row.locator('[data-dk]')).toHaveText(String(withheldCell.dk));
  await expect(row.locator('[data-n], .discussion-slide__mean, svg.mini-bar')).toHaveCount(0);
  await expect(slide.locator('.discussion-slide__note')).toContainText(`Te weinig scores: minder dan ${min} mensen van de groep gaven een score`);

  // Report: the heatmap and gap tables say the same.
  await page.goto(`./#/scans/${scanId}/report`);
  for (const viewId of ['heatmap', 'gap']) {
    const table = page.locator(`.report__view[data-view="${viewId}"] .report__table table`).first();
    await expect(await tableCell(table, number10, 'Veiligheidshuis')).toHaveText('te weinig scores (3 weet niet)');
    await expectNoFigureOnTooFewScores(page, table);
  }
  await expect(page.locator('.report__view[data-view="heatmap"] [data-cell="q10:veiligheidshuis"]').first()).toHaveAttribute('data-too-few-scores');
});
