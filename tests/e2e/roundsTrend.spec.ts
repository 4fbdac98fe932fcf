import { expect, test, type Locator, type Page } from '@playwright/test';
import { buildExchangeFile } from '../../src/domain/exchange/build';
import { copyDefaultInstrument } from '../../src/domain/instrument/defaultInstrument';
import type { Answer, Instrument, Response, Scan } from '../../src/domain/types';
import { makeResponse } from '../fixtures/analysis/handComputedScan';
import { buildScan } from '../fixtures/buildScan';
import { exactRankTestP } from '../fixtures/rounds/exactRankTest';
import { expectNoAxeViolations } from './axe';
import { arrowTo, expectReadableSlide, openPresenterRevealed } from './stage';

// Issue 26, item 6: a series of three rounds shows the trend over all of them ("Alle rondes"), and
// its table equals a computation made here from the answers in the file this test imports: the
// chain mean per round (the mean of the groups' means), its n (the scores of the people in
// groups), the change between consecutive rounds and its verdict (p by counting every split of
// the two rounds' answers, tests/fixtures/rounds/exactRankTest.ts), for the chain and a partner.

const base = copyDefaultInstrument();
const items = base.items.slice(0, 3);
const instrument: Instrument = { ...base, items, dimensions: base.dimensions.filter((d) => items.some((i) => i.dimension === d.id)) };
const organisations = [
  { id: 'politie', name: 'Politie' },
  { id: 'jeugdbescherming', name: 'Jeugdbescherming' },
  { id: 'om', name: 'OM' },
];
const seriesId = '7e7e7e7e-2626-4626-8626-262626262626';
const scanIds = [1, 2, 3].map((n) => `7e7e7e7e-000${n}-4000-8000-000000000000`);
type Scores = Record<'q01' | 'q02' | 'q03', number[]>;
// Per round, per partner, the answers of its people (person i gave the i-th score on each statement).
// In round 3 the OM has two people: fewer than the minimum of 3, so in no group and in no figure.
const ANSWERS: Record<string, Scores>[] = [
  {
    politie: { q01: [2, 2, 3], q02: [3, 3, 4], q03: [4, 4, 4] },
    jeugdbescherming: { q01: [1, 2, 2], q02: [4, 4, 4], q03: [3, 3, 3] },
    om: { q01: [2, 3, 3], q02: [3, 4, 4], q03: [2, 2, 3] },
  },
  {
    politie: { q01: [4, 4, 5], q02: [3, 4, 4], q03: [4, 4, 5] },
    jeugdbescherming: { q01: [3, 4, 4], q02: [4, 4, 4], q03: [3, 3, 4] },
    om: { q01: [4, 4, 4], q02: [3, 3, 4], q03: [3, 3, 3] },
  },
  {
    politie: { q01: [5, 5, 5], q02: [4, 4, 4], q03: [4, 5, 5] },
    jeugdbescherming: { q01: [4, 4, 5], q02: [4, 4, 5], q03: [3, 4, 4] },
    om: { q01: [1, 1], q02: [2, 2], q03: [1, 1] },
  },
];
const MIN_GROUP = 3;

function seriesFile(questionnaire: Instrument = instrument, answers: Record<string, Record<string, number[]>>[] = ANSWERS): string {
  let counter = 0;
  const rounds = answers.map((partners, r) => {
    const scan: Scan = buildScan({
      id: scanIds[r]!,
      title: `Trend — ronde ${r + 1}`,
      date: `202${6 + r}-03-01`,
      createdAt: `202${6 + r}-03-01T09:00:00.000Z`,
      instrument: questionnaire,
      organisations,
      settings: { minGroupSize: MIN_GROUP, gapThreshold: 1, askLevel: false },
      series: { id: seriesId, round: r + 1 },
    });
    const responses: Response[] = Object.entries(partners).flatMap(([org, scores]) =>
      scores.q01!.map((_, i) => {
        const given = Object.fromEntries(Object.entries(scores).map(([q, values]) => [q, values[i] as Answer]));
        return { ...makeResponse(`7e7e7e7e-1111-4000-8000-${String(counter++).padStart(12, '0')}`, org, null, given), scanId: scan.id };
      }),
    );
    return { scan, responses };
  });
  return JSON.stringify(buildExchangeFile(rounds, new Date('2028-03-02T10:00:00.000Z'), 'roundsTrend.spec'));
}

// ---- the hand computation ----
const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;
/** Groups of a round: partners with at least the minimum of people. */
const groupsOf = (r: number) => Object.entries(ANSWERS[r]!).filter(([, scores]) => scores.q01.length >= MIN_GROUP);
const chainOf = (r: number, q: keyof Scores) => {
  const groups = groupsOf(r).map(([, scores]) => scores[q]);
  return { mean: mean(groups.map(mean)), scores: groups.flat() };
};
const partnerOf = (r: number, q: keyof Scores, id: string) => ({ mean: mean(ANSWERS[r]![id]![q]), scores: ANSWERS[r]![id]![q] });
// Dutch figures: two decimals for a mean or a change, three for p (below 0.001: "< 0,001"), half away from zero.
const nl = (value: number, decimals: number) => (Math.round(Math.abs(value) * 10 ** decimals + 1e-9) / 10 ** decimals).toFixed(decimals).replace('.', ',');
const meanCell = (figure: { mean: number; scores: number[] }) => `${nl(figure.mean, 2)}\u00a0(n\u00a0=\u00a0${figure.scores.length})`;
function stepCell(a: { mean: number; scores: number[] }, b: { mean: number; scores: number[] }): string {
  const change = b.mean - a.mean;
  if (nl(change, 2) === '0,00') return '0,00: onveranderd';
  const p = exactRankTestP(a.scores, b.scores);
  return `${change > 0 ? '+' : '−'}${nl(change, 2)}: verandering, ${p < 0.1 ? 'waarschijnlijk geen toeval' : 'kan toeval zijn'} (${p < 0.001 ? 'p < 0,001' : `p = ${nl(p, 3)}`}, exact)`;
}
const STATEMENTS = ['q01', 'q02', 'q03'] as const;

async function importSeries(page: Page, file = seriesFile(), answers = 26): Promise<void> {
  await page.goto('./#/import');
  await page.locator('input[type=file]').setInputFiles({ name: 'trend.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByTestId('import-totals')).toContainText(`nieuwe antwoorden: ${answers}`);
  await page.getByRole('button', { name: 'Inlezen' }).click();
  await expect(page.getByRole('heading', { name: 'Klaar met inlezen' })).toBeVisible();
}

async function expectRow(table: Locator, index: number, expected: string[]): Promise<void> {
  await expect(table.locator('tbody tr').nth(index).locator('td')).toHaveText(expected);
}

/** Imports the series and opens round 3's rounds page or report at its section "Alle rondes". */
async function openTrendOfRound3(page: Page, where: 'rounds' | 'report', testId: string): Promise<Locator> {
  await importSeries(page);
  await page.goto(`./#/scans/${scanIds[2]}/${where}`);
  const section = page.getByTestId(testId);
  await expect(section.getByRole('heading', { level: 2, name: 'Alle rondes' })).toBeVisible();
  await expect(section.getByText('Deelnemers per ronde: ronde 1: 9, ronde 2: 9 en ronde 3: 8')).toBeVisible();
  return section;
}

/** The chain's table over the three rounds, cell for cell against the hand computation. */
async function expectChainTable(table: Locator): Promise<void> {
  await expect(table.locator('thead th')).toHaveText(['Stelling', 'Ronde 1', 'Ronde 1 → 2', 'Ronde 2', 'Ronde 2 → 3', 'Ronde 3']);
  for (const [index, q] of STATEMENTS.entries()) {
    const [c1, c2, c3] = [0, 1, 2].map((r) => chainOf(r, q));
    await expectRow(table, index, [meanCell(c1!), stepCell(c1!, c2!), meanCell(c2!), stepCell(c2!, c3!), meanCell(c3!)]);
  }
}

test('a series of three rounds shows the trend, and its table equals the computation from the answers', async ({ page }) => {
  const section = await openTrendOfRound3(page, 'rounds', 'rounds-trend');
  const chart = section.locator('[data-chart="round-trend"]');
  await expect(chart.locator('g[data-statement]')).toHaveCount(3);
  // Every statement has a step between each pair of rounds for the chain.
  await expect(chart.locator('g[data-step]')).toHaveCount(6);

  // A change that could be chance is dashed and carries "?"; one beyond chance is solid, without it.
  const uncertain = chart.locator('g[data-step][data-uncertain="true"]');
  const certain = chart.locator('g[data-step][data-uncertain="false"]');
  const expectedUncertain = STATEMENTS.flatMap((q) => [0, 1].filter((r) => stepCell(chainOf(r, q), chainOf(r + 1, q)).includes('kan toeval zijn'))).length;
  await expect(uncertain).toHaveCount(expectedUncertain);
  expect(expectedUncertain).toBeGreaterThan(0);
  for (const step of await uncertain.all()) {
    await expect(step.locator('line')).toHaveAttribute('stroke-dasharray', /\d/);
    await expect(step.locator('text')).toHaveText(/\?$/);
  }
  for (const step of await certain.all()) await expect(step.locator('text')).not.toHaveText(/\?/);

  await section.getByRole('button', { name: 'Toon als tabel' }).click();
  const table = section.getByRole('table', { name: /Alle rondes per stelling: Hele keten/ });
  await expectChainTable(table);
  await expectNoAxeViolations(page, 'the rounds page with all rounds (table)');

  // One partner: Politie, compared in both pairs.
  await section.getByLabel('Lijn voor').selectOption({ label: 'Politie (met de keten ter vergelijking)' });
  await section.getByRole('button', { name: 'Toon als tabel' }).click();
  const politie = section.getByRole('table', { name: /Alle rondes per stelling: Politie/ });
  for (const [index, q] of STATEMENTS.entries()) {
    const [p1, p2, p3] = [0, 1, 2].map((r) => partnerOf(r, q, 'politie'));
    await expectRow(politie, index, [meanCell(p1!), stepCell(p1!, p2!), meanCell(p2!), stepCell(p2!, p3!), meanCell(p3!)]);
  }
  // The OM is no group in round 3: its line stops at round 2, and the table says why.
  await section.getByLabel('Lijn voor').selectOption({ label: 'OM (met de keten ter vergelijking)' });
  await section.getByRole('button', { name: 'Toon als tabel' }).click();
  const om = section.getByRole('table', { name: /Alle rondes per stelling: OM/ });
  const [o1, o2] = [0, 1].map((r) => partnerOf(r, 'q01', 'om'));
  await expectRow(om, 0, [meanCell(o1!), stepCell(o1!, o2!), meanCell(o2!), '–', 'niet vergeleken']);

  // Back to the chart: Politie's line with squares, the chain thin beside it.
  await section.getByLabel('Lijn voor').selectOption({ label: 'Politie (met de keten ter vergelijking)' });
  await expect(chart.locator('g[data-statement="q01"] rect[data-round]')).toHaveCount(3);
  await expect(chart.locator('g[data-statement="q01"] g[data-reference]')).toHaveCount(2);
  await expectNoAxeViolations(page, 'the rounds page with all rounds (chart, a partner)');

  for (const [width, height] of [
    [1920, 1080],
    [1024, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await section.scrollIntoViewIfNeeded();
    // Nothing wider than the screen: the panels wrap into columns, one column on a phone.
    const box = (await chart.locator('svg').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width + 1);
    await section.screenshot({ path: `test-results/rounds-trend-${width}x${height}.png` });
  }
  await expectNoAxeViolations(page, 'the rounds page with all rounds on a phone');
});

test('the report of round 3 shows the chain over all rounds with the same figures; the report of round 2 has no trend', async ({ page }) => {
  const section = await openTrendOfRound3(page, 'report', 'report-trend');
  // Chart and table at once: a printed page has no button to switch.
  await expect(section.locator('[data-chart="round-trend"] g[data-statement]')).toHaveCount(3);
  const table = section.getByRole('table', { name: /Alle rondes per stelling: Hele keten/ });
  await expectChainTable(table);
  await expectNoAxeViolations(page, 'the report with all rounds');
  await page.emulateMedia({ media: 'print' });
  await expect(table).toBeVisible();
  await section.screenshot({ path: 'test-results/report-trend-print.png' });
  await page.emulateMedia({ media: 'screen' });

  // Round 2 has two rounds up to it: the change since round 1, no trend.
  await page.goto(`./#/scans/${scanIds[1]}/report`);
  await expect(page.getByTestId('report-round-change')).toBeVisible();
  await expect(page.getByTestId('report-trend')).toHaveCount(0);
});

/** Opens round 3's presenter, reveals the results and goes to the first slide "Alle rondes". */
async function presentTrend(page: Page, firstTitle: string): Promise<void> {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openPresenterRevealed(page, scanIds[2]!);
  // After the change since the previous round (docs/presenter.md, "Rounds on the slides"). The
  // rounds' slides join the deck once their rounds are read: from the start again until they have.
  await expect(async () => {
    await page.keyboard.press('Home');
    await arrowTo(page, /^Verandering sinds ronde 2/, 8);
    await arrowTo(page, firstTitle, 4);
  }).toPass({ timeout: 20_000 });
}

test('the presenter of round 3 shows the chain over all rounds, its table with the hand computation, readable from 1024×768 to 1920×1080', async ({ page }) => {
  await importSeries(page);
  await presentTrend(page, 'Alle rondes');
  const slide = page.getByTestId('trend-slide');
  await expect(slide.locator('[data-chart="round-trend"] g[data-statement]')).toHaveCount(3);
  await expect(slide).toContainText('Deelnemers per ronde: ronde 1: 9, ronde 2: 9 en ronde 3: 8');
  await expectReadableSlide(page, 'trend-slide-1920x1080');
  await expectNoAxeViolations(page, 'the trend slide');
  await page.keyboard.press('t');
  await expectChainTable(slide.getByRole('table', { name: /Alle rondes per stelling: Hele keten/ }));
  await expectReadableSlide(page, 'trend-table-1920x1080');
  await expectNoAxeViolations(page, 'the trend slide as a table');
  await page.keyboard.press('t');
  await page.setViewportSize({ width: 1024, height: 768 });
  await expectReadableSlide(page, 'trend-slide-1024x768');
});

test('thirteen statements over three rounds: three trend slides of at most six, each readable on the projector', async ({ page }) => {
  // Every statement of the questionnaire, answered by a rule that gives each round another picture.
  const full = copyDefaultInstrument();
  const answers = [0, 1, 2].map((r) =>
    Object.fromEntries(
      organisations.map((o, g) => [o.id, Object.fromEntries(full.items.map((item, q) => [item.id, [0, 1, 2].map((i) => 1 + ((i + q + 2 * r + g) % 5))]))]),
    ),
  );
  await importSeries(page, seriesFile(full, answers), 27);
  await presentTrend(page, 'Alle rondes (1/3)');
  for (const [index, count] of [5, 5, 3].entries()) {
    await expect(page.locator('#slide-title')).toHaveText(`Alle rondes (${index + 1}/3)`);
    await expect(page.getByTestId('trend-slide').locator('[data-chart="round-trend"] g[data-statement]')).toHaveCount(count);
    await expectReadableSlide(page, `trend-slide-${index + 1}-of-3-1920x1080`);
    await page.keyboard.press('t');
    await expect(page.getByTestId('trend-slide').getByRole('table').locator('tbody tr')).toHaveCount(count);
    await expectReadableSlide(page, `trend-table-${index + 1}-of-3-1920x1080`);
    await page.keyboard.press('t');
    if (index < 2) await page.keyboard.press('ArrowRight');
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await expectReadableSlide(page, 'trend-slide-3-of-3-1024x768');
});

test('a series of two rounds keeps the page as it was: the trend starts at three rounds', async ({ page }) => {
  await importSeries(page);
  await page.goto(`./#/scans/${scanIds[2]}/rounds`);
  await expect(page.getByTestId('rounds-trend')).toBeVisible();
  await page.getByRole('button', { name: 'Deze scan uit de reeks halen' }).click();
  await page.goto(`./#/scans/${scanIds[1]}/rounds`);
  await expect(page.getByRole('list').filter({ hasText: 'Ronde 2: Trend — ronde 2' })).toBeVisible();
  await expect(page.getByTestId('rounds-trend')).toHaveCount(0);
});
