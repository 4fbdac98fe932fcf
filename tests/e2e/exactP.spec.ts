import { expect, test } from '@playwright/test';
import { generateDemoScan } from '../../src/domain/demo/generateDemoScan';
import { createRandom } from '../../src/domain/demo/random';
import { buildExchangeFile, serialiseExchangeFile } from '../../src/domain/exchange';
import type { Answer, SubmittedResponse } from '../../src/domain/types';

// A workshop of 25 people in six groups (docs/analysis.md, "Which p-value", "Without delaying the
// first view"): its results show at once, and every statement ends with the exact p, the slow
// ones computed by a worker after the first view.

test('a workshop of 25 in six groups gets the exact p on every statement without waiting for it', async ({ page }) => {
  test.setTimeout(120_000);
  const now = new Date('2026-12-01T10:00:00.000Z');
  const { scan } = generateDemoScan({ now });
  const random = createRandom(25);
  const sizes = [3, 3, 4, 4, 5, 6];
  const partners = scan.organisations.slice(0, sizes.length);
  const responses: SubmittedResponse[] = [];
  sizes.forEach((size, j) => {
    for (let r = 0; r < size; r++) {
      const answers: Record<string, Answer> = {};
      for (const item of scan.instrument.items) answers[item.id] = Math.min(5, Math.max(1, Math.round(2.6 + 0.2 * j + (random() + random() - 1) * 2))) as Answer;
      const n = String(responses.length).padStart(12, '0');
      responses.push({
        id: `5a0c1d2e-3f4a-4b5c-8d6e-${n}`, scanId: '', organisationId: partners[j]!.id, level: 'uitvoering', answers, comments: {}, keywords: [],
        improvement: '', startedAt: '2026-12-01T09:00:00.000Z', submittedAt: '2026-12-01T09:10:00.000Z', status: 'submitted', position: 0,
      } as SubmittedResponse);
    }
  });
  const workshop = { ...scan, id: '5a0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4', title: 'Werkplaats vijfentwintig', isDemo: false, series: undefined };
  const file = serialiseExchangeFile(buildExchangeFile([{ scan: workshop, responses: responses.map((r) => ({ ...r, scanId: workshop.id })) }], now, 'ketenscan e2e'));

  await page.goto('./#/import');
  await page.locator('input[type=file]').setInputFiles({ name: 'werkplaats.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByTestId('import-totals')).toContainText('nieuwe antwoorden: 25');
  await page.getByRole('button', { name: 'Inlezen' }).click();
  await expect(page.getByRole('link', { name: 'Naar Werkplaats vijfentwintig' })).toBeVisible();

  await page.goto(`./#/scans/${workshop.id}/results/gap`);
  const gapView = page.locator('.results__view[data-view="gap"]');
  await expect(gapView.locator('svg').first()).toBeVisible();
  await gapView.getByRole('button', { name: 'Toon als tabel' }).first().click();
  const table = gapView.locator('.chart-table table').first();
  const headers = await table.locator('thead th').allTextContents();
  const pColumn = headers.findIndex((h) => /^p\b/.test(h.trim()));
  const pCells = table.locator(`tbody tr td:nth-child(${pColumn + 1}), tbody tr th:nth-child(${pColumn + 1})`);
  // The first view does not wait: each p is there at once, exact or a Monte Carlo stand-in with its bound.
  for (const text of await pCells.allTextContents()) expect(text).toMatch(/\((exact|Monte Carlo, ± 0,0\d\d)\)$/);
  // Every statement ends exact: the worker's results replace the stand-ins where there were any.
  await expect(async () => {
    const texts = await pCells.allTextContents();
    expect(texts).toHaveLength(13);
    for (const text of texts) expect(text).toMatch(/\(exact\)$/);
  }).toPass({ timeout: 30_000 });
});
