import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { analyseScanProtected, listGapStatements } from '../../src/domain/analysis';
import { generateDemoScan } from '../../src/domain/demo/generateDemoScan';
import { openDemoScan } from './helpers';

// Issue 23, item 3, "one number per figure": the same figure read in every view that shows it, a
// presenter slide, the report and the figures CSV is one string, and it is the rounding rule of
// docs/analysis.md ("Rounding: one number per figure") applied to the computed value. The demo's
// answers do not depend on the date, so the figures are computed here from the same generator.

const demo = generateDemoScan({ now: new Date() });
const analysis = analyseScanProtected({ instrument: demo.scan.instrument, organisations: demo.scan.organisations, responses: demo.responses, settings: demo.scan.settings });
const half = (value: number, decimals: number) => (Math.sign(value) * Math.floor(Math.abs(value) * 10 ** decimals + 0.5 + 1e-7)) / 10 ** decimals;
const nl2 = (value: number) => half(value, 2).toFixed(2).replace('.', ',');
const nlP = (p: number) => (p < 0.001 ? '< 0,001' : half(p, 3).toFixed(3).replace('.', ','));

const partner = analysis.groups.find((g) => g.source.kind === 'organisation' && g.indexes.thermometer.value !== null)!;
const partnerName = partner.source.kind === 'organisation' ? partner.source.name : '';
// A discussion point whose p is a number, not "< 0,001", when the demo has one.
const points = listGapStatements(analysis.statements).discussionPoints;
const point = points.find((s) => s.kruskalWallis!.p >= 0.001) ?? points[0]!;
const pointNumber = demo.scan.instrument.items.findIndex((i) => i.id === point.itemId) + 1;

/** The text of the cell under `column` in the row whose header starts with `row`. */
async function cell(table: Locator, row: string | RegExp, column: string): Promise<string> {
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.findIndex((h) => h.trim() === column);
  expect(index, `column "${column}" in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  const rowLocator = table.locator('tbody tr').filter({ has: table.page().getByRole('rowheader', { name: row }) }).first();
  return (await rowLocator.locator('th, td').nth(index).textContent())?.trim() ?? '';
}

const showTable = async (page: Page) => {
  const button = page.getByRole('button', { name: 'Toon als tabel' }).first();
  await button.click();
  await expect(page.locator('.chart-table').first()).toBeVisible();
};

test('one figure, one string: thermometer indexes, a gap and its p in every view, a slide, the report and the figures CSV', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  const scanId = await openDemoScan(page);
  const read: Record<'partner' | 'chain' | 'gap' | 'p', string[]> = { partner: [], chain: [], gap: [], p: [] };
  const expected = {
    partner: nl2(partner.indexes.thermometer.value!),
    chain: nl2(analysis.chain.thermometer.value!),
    gap: nl2(point.gap!),
    // p with its method beside it, as every view says it (docs/analysis.md, "Which p-value").
    p: `${nlP(point.kruskalWallis!.p)} (${point.kruskalWallis!.method === 'exact' ? 'exact' : 'method'})`,
  };

  // Thermometer view: the column labels, then the table.
  await page.goto(`./#/scans/${scanId}/results/thermometer`);
  const thermometer = page.locator('.results__view[data-view="thermometer"]');
  read.partner.push((await thermometer.locator(`svg [data-column="${partner.id}"] [data-value]`).textContent()) ?? '');
  read.chain.push((await thermometer.locator('svg [data-column="__chain__"] [data-value]').textContent()) ?? '');
  await showTable(page);
  read.partner.push(await cell(thermometer.locator('.chart-table table'), new RegExp(`^${partnerName}`), 'Index'));
  read.chain.push(await cell(thermometer.locator('.chart-table table'), /^Keten/, 'Index'));

  // Thermometer × thermostat: the table's thermometer column.
  await page.goto(`./#/scans/${scanId}/results/scatter`);
  await showTable(page);
  const scatter = page.locator('.results__view[data-view="scatter"] .chart-table table');
  read.partner.push(await cell(scatter, new RegExp(`^${partnerName}`), 'Thermometer'));
  read.chain.push(await cell(scatter, /^Keten/, 'Thermometer'));

  // Perception gap: the table's gap and p of the statement.
  await page.goto(`./#/scans/${scanId}/results/gap`);
  const gapView = page.locator('.results__view[data-view="gap"]');
  read.gap.push((await gapView.locator(`svg [data-row="${point.itemId}"] [data-gap]`).textContent()) ?? '');
  await showTable(page);
  const gapTable = gapView.locator('.chart-table table').first();
  const headers = await gapTable.locator('thead th').allTextContents();
  read.gap.push(await cell(gapTable, new RegExp(`^${pointNumber}\\. `), headers.find((h) => /^(Verschil|Gap)/.test(h.trim()))!.trim()));
  read.p.push(await cell(gapTable, new RegExp(`^${pointNumber}\\. `), headers.find((h) => /^p\b/.test(h.trim()))!.trim()));

  // The figures CSV, from the results page.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Cijfers als CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ketenscan-.*-cijfers-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, '').trim(), { header: true, delimiter: ';' }).data;
  read.partner.push(rows.find((r) => r.figure === 'index' && r.kind === 'Thermometer' && r.group === partnerName)?.mean ?? 'missing');
  read.chain.push(rows.find((r) => r.figure === 'index' && r.kind === 'Thermometer' && r.group === 'Keten')?.mean ?? 'missing');
  const pointRow = rows.find((r) => r.figure === 'statement' && r.statement_id === point.itemId && r.group === 'Keten');
  read.gap.push(pointRow?.gap ?? 'missing');
  read.p.push(pointRow ? `${pointRow.p} (${pointRow.p_method})` : 'missing');

  // The report: the thermometer's labels and table, and the discussion point's line.
  await page.goto(`./#/scans/${scanId}/report`);
  const reportThermometer = page.locator('.report__view[data-view="thermometer"]');
  await expect(reportThermometer.locator('svg[role="img"]')).toBeVisible();
  read.partner.push((await reportThermometer.locator(`svg [data-column="${partner.id}"] [data-value]`).textContent()) ?? '');
  read.chain.push((await reportThermometer.locator('svg [data-column="__chain__"] [data-value]').textContent()) ?? '');
  read.partner.push(await cell(reportThermometer.locator('.report__table table'), new RegExp(`^${partnerName}`), 'Index'));
  read.chain.push(await cell(reportThermometer.locator('.report__table table'), /^Keten/, 'Index'));
  const reportGapTable = page.locator('.report__view[data-view="gap"] .report__table table').first();
  read.gap.push(await cell(reportGapTable, new RegExp(`^${pointNumber}\\. `), headers.find((h) => /^(Verschil|Gap)/.test(h.trim()))!.trim()));
  read.p.push(await cell(reportGapTable, new RegExp(`^${pointNumber}\\. `), headers.find((h) => /^p\b/.test(h.trim()))!.trim()));
  const reportLine = (await page.locator('.report li').filter({ hasText: new RegExp(`^${pointNumber}\\. `) }).first().textContent()) ?? '';
  expect(reportLine).toContain(expected.gap);
  expect(reportLine).toContain(expected.p);

  // The presenter: the thermometer slide as a table, then the discussion point's slide.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`./#/scans/${scanId}/present`);
  await expect(page.locator('#slide-title')).toHaveText('Ingevulde scans');
  await page.keyboard.press('r');
  // The reading slide comes first (plain words before any figure), then the thermometer.
  await expect(page.locator('#slide-title')).toHaveText('Zo leest u de resultaten');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.slide svg[role="img"]')).toHaveCount(1);
  read.partner.push((await page.locator(`.slide svg [data-column="${partner.id}"] [data-value]`).textContent()) ?? '');
  read.chain.push((await page.locator('.slide svg [data-column="__chain__"] [data-value]').textContent()) ?? '');
  await page.keyboard.press('t');
  const slideTable = page.locator('.slide table');
  read.partner.push(await cell(slideTable, new RegExp(`^${partnerName}`), 'Index'));
  read.chain.push(await cell(slideTable, /^Keten/, 'Index'));
  await page.keyboard.press('t');
  const slide = page.locator(`.discussion-slide[data-statement="${point.itemId}"]`);
  const position = page.locator('.presenter__position');
  for (let i = 0; i < 80 && !(await slide.isVisible()); i++) {
    const before = await position.textContent();
    await page.keyboard.press('ArrowRight');
    await expect(position).not.toHaveText(before ?? '');
  }
  await expect(slide).toBeVisible();
  const kindLine = (await slide.locator('.discussion-slide__kind').textContent()) ?? '';
  expect(kindLine).toContain(expected.gap);
  expect(kindLine).toContain(expected.p.startsWith('<') ? `p ${expected.p}` : `p = ${expected.p}`);

  // One string per figure, and it is the rule's.
  for (const key of ['partner', 'chain', 'gap', 'p'] as const) {
    expect(new Set(read[key]), `${key}: ${read[key].join(' | ')}`).toEqual(new Set([expected[key]]));
  }
  expect(read.partner.length).toBeGreaterThanOrEqual(8);
  expect(read.gap.length).toBeGreaterThanOrEqual(4);
  expect(read.p.length).toBeGreaterThanOrEqual(3);
});
