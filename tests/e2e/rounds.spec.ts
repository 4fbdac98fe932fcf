import { expect, test } from '@playwright/test';
import { analyseScanProtected } from '../../src/domain/analysis';
import { generateDemoSeries } from '../../src/domain/demo/generateDemoScan';
import { compareRounds } from '../../src/domain/rounds/compareRounds';
import { openDemoScan } from './helpers';

// Issue 16, item 3: the demo is a series of two rounds, and the change per statement matches the
// analysis of each round. The answers of the demo do not depend on the date it was created, so the
// expected figures are computed here from the same generator and the same analysis.

const [first, second] = generateDemoSeries({ now: new Date() });
const analyse = (round: typeof first) => analyseScanProtected({ ...round.scan, responses: round.responses });
const before = analyse(first);
const after = analyse(second);
// Two decimals, half away from zero (docs/analysis.md, "Rounding: one number per figure").
const nl2 = (value: number) => ((Math.sign(value) * Math.floor(Math.abs(value) * 100 + 0.5 + 1e-7)) / 100).toFixed(2).replace('.', ',').replace('-', '−');
const groupN = (statement: (typeof before.statements)[number]) => statement.cells.reduce((s, c) => s + c.n, 0);

test('the demo series shows the change per statement between its two rounds', async ({ page }) => {
  await openDemoScan(page);
  await page.getByRole('link', { name: 'Verandering tussen rondes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Verandering tussen rondes: Demo — Workshop/ })).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'Ronde 2: Demo — Vervolgmeting' })).toBeVisible();
  await expect(page.getByText(`Ronde 1: ${before.totals.countedResponses} deelnemers · ronde 2: ${after.totals.countedResponses} deelnemers`)).toBeVisible();
  await expect(page.locator('[data-chart="round-change"] g[data-statement]')).toHaveCount(13);
  await page.screenshot({ path: 'test-results/rounds-chart.png', fullPage: true });

  await page.getByRole('button', { name: 'Toon als tabel' }).click();
  const table = page.getByRole('table', { name: /Verandering per stelling: Hele keten, ronde 1 → ronde 2/ });
  await expect(table.locator('tbody tr')).toHaveCount(13);
  for (const [index, statement] of before.statements.entries()) {
    const later = after.statements.find((s) => s.itemId === statement.itemId)!;
    const row = table.locator('tbody tr').nth(index);
    const cells = row.locator('td');
    await expect(cells.nth(0)).toHaveText(`${nl2(statement.chainMean!)} (n = ${groupN(statement)})`);
    await expect(cells.nth(1)).toHaveText(`${nl2(later.chainMean!)} (n = ${groupN(later)})`);
  }
  // Coordination per family (q05, row 5) improved beyond chance; capacity (q11) could be chance.
  await expect(table.locator('tbody tr').nth(4).locator('td').nth(3)).toContainText('verandering, waarschijnlijk geen toeval (p = ');
  await expect(table.locator('tbody tr').nth(10).locator('td').nth(3)).toContainText('verandering, kan toeval zijn (p = ');
  // The chance sentence counts the tests the page runs: every statement for the chain and for each
  // compared organisation, less the sides withheld as too few scores (they are tested nowhere).
  const comparison = compareRounds({ scan: first.scan, responses: first.responses }, { scan: second.scan, responses: second.responses });
  const tests = comparison.statements.flatMap((s) => [s.chain, ...s.groups]).filter((f) => f.p !== null).length;
  expect(tests).toBeLessThanOrEqual(13 * (comparison.groups.length + 1));
  await expect(page.getByTestId('chance-note')).toHaveText(
    `Deze vergelijking doet ${tests} toetsen (elke stelling voor de keten en voor elke organisatie); toeval alleen geeft daarbij al hooguit ongeveer ${Math.round(tests / 10 - 1e-9)} veranderingen met p < 0,10, ook als er eigenlijk niets veranderd is.`,
  );

  // Per organisation: a group that is a group in both rounds, with its n per round.
  await expect(page.getByRole('table', { name: /Verandering per stelling en organisatie/ }).getByRole('columnheader', { name: 'Politie (n=5→6)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Alleen in ronde 1' })).toBeVisible();
  await expect(page.getByText('Geen: alle stellingen komen in beide rondes voor.').first()).toBeVisible();

  // One organisation's change: its own means per round.
  await page.getByLabel('Bekijk de verandering voor').selectOption({ label: 'Jeugdbescherming (n=4→4)' });
  await page.getByRole('button', { name: 'Toon als tabel' }).click();
  const jb = page.getByRole('table', { name: /Verandering per stelling: Jeugdbescherming/ });
  const jbIndex = before.groups.findIndex((g) => g.id === 'jeugdbescherming');
  const q05Before = before.statements[4]!.cells[jbIndex]!;
  const q05After = after.statements[4]!.cells[after.groups.findIndex((g) => g.id === 'jeugdbescherming')]!;
  await expect(jb.locator('tbody tr').nth(4).locator('td').nth(0)).toHaveText(`${nl2(q05Before.mean!)} (n = ${q05Before.n})`);
  await expect(jb.locator('tbody tr').nth(4).locator('td').nth(1)).toHaveText(`${nl2(q05After.mean!)} (n = ${q05After.n})`);
});

test('two groups within one scan, in the perception-gap view: one partner against the rest, under the anonymity guard', async ({ page }) => {
  await openDemoScan(page);
  // The rounds page points to where the comparison now lives.
  await page.getByRole('link', { name: 'Verandering tussen rondes' }).click();
  await page.getByRole('link', { name: 'Naar het perceptieverschil van deze scan' }).click();
  await expect(page.getByRole('link', { name: 'Perceptieverschillen', exact: true })).toHaveAttribute('aria-current', 'page');
  const section = page.getByRole('region', { name: 'Twee groepen in deze scan vergelijken' });

  // Execution against management, by default. In the demo most partners have one or two managers:
  // their parts would show fewer than 3 people, so they are left out and too few remain.
  await expect(section.getByText(/Deze vergelijking kan niet: een van beide groepen heeft minder dan 3 mensen/)).toBeVisible();
  await expect(section.locator('[data-chart="round-change"]')).toHaveCount(0);
  await section.getByLabel('Vergelijk', { exact: true }).selectOption('organisation');
  await section.getByLabel('Partner', { exact: true }).selectOption({ label: 'Gemeente' });
  // Openbaar Ministerie and Parlan (2 people each) would show fewer than 3 as a part: left out of both sides.
  await expect(section.getByText('Gemeente: 6 mensen · de rest van de keten: 16 mensen')).toBeVisible();
  await expect(section.getByText('2 organisaties zijn buiten beide groepen gelaten')).toBeVisible();
  await expect(section.locator('[data-chart="round-change"] g[data-statement]')).toHaveCount(13);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/gap-comparison-1280.png', fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/gap-comparison-1024.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  // Keyboard: the table toggle is reached and pressed with the keyboard.
  await section.getByRole('button', { name: 'Toon als tabel' }).focus();
  await page.keyboard.press('Enter');
  const table = section.getByRole('table', { name: /Gemeente \(A\) tegenover de rest van de keten \(B\)/ });
  await expect(table.locator('tbody tr')).toHaveCount(13);
  // Row 5 (q05): the municipality's own mean, as its own figures in round 1 give it.
  const gemeente = first.responses.filter((r) => r.organisationId === 'gemeente').map((r) => r.answers.q05).filter((a): a is 1 | 2 | 3 | 4 | 5 => typeof a === 'number');
  const mean = gemeente.reduce((s, v) => s + v, 0) / gemeente.length;
  await expect(table.locator('tbody tr').nth(4).locator('td').nth(0)).toHaveText(`${nl2(mean)} (n = ${gemeente.length})`);

  // A partner with fewer people than the minimum is never set against the rest.
  await section.getByLabel('Partner', { exact: true }).selectOption({ label: 'Parlan' });
  await expect(section.getByText('Deze vergelijking kan niet: een van beide groepen heeft minder dan 3 mensen.')).toBeVisible();
  await expect(section.getByRole('table')).toHaveCount(0);
  await expect(section.locator('[data-chart="round-change"]')).toHaveCount(0);

  // With a filter on people the comparison is withheld, and the page says why.
  const filtered = new URL(page.url());
  filtered.search = 'level=uitvoering';
  await page.goto(filtered.toString());
  await expect(section.getByText(/Twee groepen vergelijken kan alleen zonder filter/)).toBeVisible();
  await expect(section.locator('[data-chart="round-change"]')).toHaveCount(0);
});

test('partners merged or renamed in round 2: the merged ones are listed as not comparable with the reason, the renamed one is compared under both names', async ({ page }) => {
  await openDemoScan(page);
  await page.getByRole('link', { name: 'Verandering tussen rondes' }).click();
  // Before any change every partner is the same group in both rounds (OM and Parlan pooled both times).
  const notice = page.getByTestId('rounds-not-compared');
  await expect(notice).toContainText('Elke partner is in beide rondes dezelfde groep en wordt vergeleken.');
  await expect(page.getByText('"Overige partners" bundelt in beide rondes dezelfde partners: Openbaar Ministerie en Parlan.')).toBeVisible();

  // In round 2 the director merges William Schrikker Groep into Jeugdbescherming and renames Gemeente.
  await page.getByRole('link', { name: /Ronde 2: Demo — Vervolgmeting/ }).click();
  await page.getByRole('link', { name: /Terug naar de scan/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Vervolgmeting/ })).toBeVisible();
  const roundTwo = page.url();
  await page.getByText('Opzet van de scan wijzigen').click();
  await page.getByLabel('Samenvoegen met: William Schrikker Groep').selectOption({ label: 'Jeugdbescherming' });
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Samenvoegen: William Schrikker Groep' }).click();
  await expect(page.getByText(/William Schrikker Groep is samengevoegd met Jeugdbescherming/)).toBeVisible();
  await page.getByLabel(/^Naam van Gemeente/).fill('Gemeente Zuid');
  await page.getByRole('button', { name: 'Naam opslaan: Gemeente' }).click();
  await expect(page.getByText('Gemeente Zuid').first()).toBeVisible();

  await page.goto(`${roundTwo}/rounds`);
  await expect(page.getByRole('heading', { level: 1, name: /Verandering tussen rondes: Demo — Vervolgmeting/ })).toBeVisible();
  await expect(notice.getByRole('listitem')).toHaveText([
    'Jeugdbescherming: samengevoegd met William Schrikker Groep tussen ronde 1 en ronde 2, dus niet dezelfde groep mensen.',
    'William Schrikker Groep: samengevoegd in Jeugdbescherming tussen ronde 1 en ronde 2, dus in ronde 2 geen eigen groep.',
  ]);
  const perGroup = page.getByRole('table', { name: /Verandering per stelling en organisatie/ });
  const headers = perGroup.getByRole('columnheader');
  await expect(headers.filter({ hasText: 'Jeugdbescherming' })).toHaveCount(0);
  await expect(headers.filter({ hasText: 'William Schrikker Groep' })).toHaveCount(0);
  await expect(perGroup.getByRole('columnheader', { name: 'Gemeente Zuid (eerder: Gemeente) (n=6→5)' })).toBeVisible();
  await expect(perGroup.getByRole('columnheader', { name: 'Politie (n=5→6)' })).toBeVisible();
  await page.screenshot({ path: 'test-results/rounds-not-compared.png', fullPage: true });
});
