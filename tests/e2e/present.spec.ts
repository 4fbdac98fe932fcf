import { expect, test } from '@playwright/test';
import { analyseScanProtected, listGapStatements, orderByEvidence } from '../../src/domain/analysis';
import { generateDemoScan } from '../../src/domain/demo/generateDemoScan';
import { answerCurrent, chooseOrganisation, next, openDemoScan } from './helpers';
import { expectNoAxeViolations } from './axe';

const demo = generateDemoScan({ now: new Date() });
const analysis = analyseScanProtected({ instrument: demo.scan.instrument, organisations: demo.scan.organisations, responses: demo.responses, settings: demo.scan.settings });

test('presenter mode, by keyboard alone: hidden until revealed, slides, table, blank, leave', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const scanId = await openDemoScan(page);
  await page.goto(`./#/scans/${scanId}/present`);
  const title = page.locator('#slide-title');
  await expect(title).toHaveText('Ingevulde scans');
  await expect(page.getByText(`${demo.responses.length} ingevuld`, { exact: true })).toBeVisible();
  await expect(page.getByTestId('live-count-gemeente')).toHaveText('6');
  // Nothing of the results is on screen before the reveal, and → does not get there.
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText('Ingevulde scans');
  await expect(page.locator('.slide svg[role="img"]')).toHaveCount(0);
  await expect(page.getByText('Slide 1 van 1').or(page.getByText('Dia 1 van 1'))).toBeVisible();

  // Type sizes readable from the back of the room.
  // The slide is laid out at 1920×1080 logical pixels (docs/presenter.md); at this window size its scale is 1.
  const bodySize = await page.locator('.presenter__canvas').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(bodySize).toBeGreaterThanOrEqual(28);

  // The keys are listened to once the presenter has mounted: press until the results show (as room.spec does).
  await expect(async () => {
    await page.keyboard.press('r');
    await expect(title).not.toHaveText('Ingevulde scans', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  // First how to read the figures, in plain words (issue 25), then the first view with its own sentence.
  await expect(title).toHaveText('Zo leest u de resultaten');
  await expect(page.locator('.reading-slide [data-topic]')).toHaveCount(analysis.groups.some((g) => g.isIndicative) ? 7 : 6);
  await expect(page.locator('.reading-slide')).toContainText('Consensus is een getal van 0 tot 1.');
  await expect(page.locator('.reading-slide')).not.toContainText('Kruskal');
  await page.screenshot({ path: 'artifacts/screenshots/present-reading.png' });
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText('Thermometerindex per partner en voor de keten (1–5)');
  await expect(page.getByTestId('slide-lead')).toHaveText(/^Hoe staan we ervoor\?/);
  await expect(page.locator('.slide svg[role="img"]')).toHaveCount(1);
  await page.screenshot({ path: 'artifacts/screenshots/present-thermometer.png' });
  await expectNoAxeViolations(page, 'presenter thermometer slide', ['wcag2a', 'wcag2aa']);

  // T: the same slide as a table, with the chain index.
  await page.keyboard.press('t');
  const chainRow = page.locator('.slide table tr').filter({ has: page.getByRole('rowheader', { name: 'Keten' }) });
  // Two decimals, half away from zero (docs/analysis.md, "Rounding: one number per figure").
  const value = analysis.chain.thermometer.value!;
  await expect(chainRow).toContainText(((Math.sign(value) * Math.floor(Math.abs(value) * 100 + 0.5 + 1e-7)) / 100).toFixed(2).replace('.', ','));
  await page.keyboard.press('t');
  await expect(page.locator('.slide svg[role="img"]')).toHaveCount(1);

  // B: a blank screen; B again brings the slide back.
  await page.keyboard.press('b');
  await expect(page.locator('.presenter__blank')).toBeVisible();
  await expect(title).toHaveCount(0);
  await page.keyboard.press('b');
  await expect(title).toBeVisible();

  // Every slide fits the screen: nothing scrolls. The gap slides, one after another, keep the
  // evidence order they are cut in, and each says what chance alone gives.
  const gapRows: string[] = [];
  for (let i = 0; i < 40; i++) {
    const scroll = await page.evaluate(() => document.documentElement.scrollHeight);
    const slideTitle = (await title.textContent()) ?? '';
    expect(scroll, slideTitle).toBeLessThanOrEqual(1080 + 2);
    if (slideTitle.startsWith('Bespreekpunt 1 van')) break;
    if (slideTitle.startsWith('Gemiddelde per partner per stelling')) {
      // The rows are read once the slide's chart has drawn them: the title changes first.
      await expect(page.locator('.slide svg [data-row]').first()).toBeVisible();
      gapRows.push(...(await page.locator('.slide svg [data-row]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row') ?? ''))));
      await expect(page.getByTestId('chance-note')).toContainText('toeval alleen');
      await expect(page.getByTestId('gap-order')).toBeVisible();
    }
    // One slide at a time: the next is read only once the deck has moved on.
    const position = await page.locator('.presenter__position').textContent();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.presenter__position')).not.toHaveText(position ?? '');
  }
  const byEvidence = orderByEvidence(analysis.statements);
  const largeGaps = byEvidence.filter((s) => s.gapClass !== 'none').map((s) => s.itemId);
  expect(gapRows).toEqual(largeGaps.length > 0 ? largeGaps : byEvidence.map((s) => s.itemId));
  // The first discussion-point slide: the statement with the strongest evidence, its groups, a question.
  const widest = listGapStatements(analysis.statements).discussionPoints[0]!;
  const item = demo.scan.instrument.items.find((i) => i.id === widest.itemId)!;
  await expect(page.locator('.discussion-slide__statement')).toHaveText(item.text.nl);
  await expect(page.locator('.discussion-slide__question')).toBeVisible();
  await page.screenshot({ path: 'artifacts/screenshots/present-discussion.png' });

  await page.keyboard.press('End');
  await expect(title).toHaveText('Tot slot');
  await page.keyboard.press('Home');
  await expect(title).toHaveText('Ingevulde scans');
  await page.keyboard.press('h');
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText('Ingevulde scans');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`#/scans/${scanId}$`));
});

test('the live count goes up as a participant submits on this device', async ({ page, context }) => {
  const scanId = await openDemoScan(page);
  await page.goto(`./#/scans/${scanId}/present`);
  await expect(page.getByTestId('live-count-parlan')).toHaveText('2');
  const participant = await context.newPage();
  await participant.goto(`./#/s/${scanId}`);
  await chooseOrganisation(participant, 'Parlan');
  await answerCurrent(participant, 'Eens');
  for (let i = 2; i <= 13; i++) await next(participant, i);
  await next(participant, null);
  await participant.getByRole('button', { name: /Volgende/ }).click();
  await participant.getByRole('button', { name: 'Versturen' }).click();
  await expect(participant.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
  await expect(page.getByTestId('live-count-parlan')).toHaveText('3');
  await expect(page.getByText(`${demo.responses.length + 1} ingevuld`, { exact: true })).toBeVisible();
});
