import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { openDemoScan } from './helpers';

// The printed report (docs/analysis.md "Printing the report"): A4 with 14 mm × 12 mm margins
// (src/ui/director.css @page) leaves 186 mm of width, 703 CSS px at 96 px an inch.
/** The number of pages in a PDF that Chromium wrote. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
const A4_PRINTABLE_WIDTH = Math.floor((186 / 25.4) * 96);
// The wide tables' landscape pages (src/features/results/report.css @page wide): 277 mm.
const A4_LANDSCAPE_PRINTABLE_WIDTH = Math.floor((277 / 25.4) * 96);

/**
 * Every word or number (a run without white space, or a figure with its sign: "n = 5",
 * "p < 0,001") in the report's table cells, captions and
 * headings that the layout breaks over two lines: its piece of text has boxes on more than one line.
 */
async function splitTokens(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const split: string[] = [];
    const containers = document.querySelectorAll('.report th, .report td, .report caption, .report h1, .report h2, .report h3');
    for (const container of containers) {
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\(?[np]\s[=<]\s[\d.,]+\)?|<\s[\d.,]+|\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) split.push(`${container.tagName.toLowerCase()}: ${match[0]}`);
        }
      }
    }
    return split;
  });
}

/**
 * Tables wider than the width of their page (portrait, or the landscape page a wide table is
 * given): they would be cut off on paper. Laid out at the portrait width, a table that does not
 * fit grows to the width it needs without breaking a word, which is what is measured.
 */
async function overflowingTables(page: Page): Promise<string[]> {
  return page.locator('.report table').evaluateAll((tables, { portrait, landscape }) =>
    tables
      .map((table) => {
        const width = getComputedStyle(table.closest('.report__table') ?? table).getPropertyValue('page') === 'wide' ? landscape : portrait;
        const left = table.closest('.report')!.getBoundingClientRect().left;
        return { table, width, used: Math.max(table.getBoundingClientRect().right - left, table.scrollWidth) };
      })
      .filter(({ width, used }) => used > width + 1)
      .map(({ table, used }) => `${table.querySelector('caption')?.textContent ?? '?'}: ${Math.round(used)} px`),
  { portrait: A4_PRINTABLE_WIDTH, landscape: A4_LANDSCAPE_PRINTABLE_WIDTH });
}

test('the printed report breaks no number or word and fits its tables on A4', async ({ page }) => {
  const scanId = await openDemoScan(page);
  await page.setViewportSize({ width: A4_PRINTABLE_WIDTH, height: 1000 });
  await page.goto(`./#/scans/${scanId}/report`);
  await expect(page.locator('.report__view')).toHaveCount(8);
  await expect(page.locator('.report__view[data-view="texts"] .loading')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });

  const split = await splitTokens(page);
  const overflowing = await overflowingTables(page);
  mkdirSync('artifacts', { recursive: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: 'artifacts/report-print.pdf' });
  expect(split).toEqual([]);
  expect(overflowing).toEqual([]);
  // Views follow each other without forced page breaks: the demo's report once took 18 pages,
  // several of them nearly empty; now its wide tables take landscape pages of their own, the
  // plain words open it, and the knobs are printed once: 17 pages at this width (16 from a wider
  // window, whose charts are less tall), each looked at, none nearly empty.
  expect(pdfPages(pdf)).toBeLessThanOrEqual(17);
  await expect(page.getByTestId('report-reading').getByRole('heading', { name: 'Zo leest u de resultaten' })).toBeVisible();
  await expect(page.locator('.report__view[data-view="thermostat"] table')).toHaveCount(1);
});
