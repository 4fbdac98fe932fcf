import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { analyseScanProtected } from '../../src/domain/analysis';
import { rankByVotes, voteOptionsFromAnalysis } from '../../src/domain/agreements/voteOptions';
import { generateDemoAgreements } from '../../src/domain/demo/demoAgreements';
import { generateDemoScan, generateDemoSeries } from '../../src/domain/demo/generateDemoScan';
import { openDemoScan, revealAndGoToEnd } from './helpers';
import { expectNoAxeViolations } from './axe';

// The room chooses and agrees (issue 24, docs/agreements.md): on the demo, a show of hands on the
// vote slide, an agreement typed on the agreements slide, the closing slide that lists it, and
// the same agreement after a reload, on the scan page and in the report. Screenshots go to
// artifacts/screenshots/agreements/.

const demo = generateDemoScan({ now: new Date() });
const analysis = analyseScanProtected({ instrument: demo.scan.instrument, organisations: demo.scan.organisations, responses: demo.responses, settings: demo.scan.settings });
const options = voteOptionsFromAnalysis(analysis);
const number = (itemId: string) => demo.scan.instrument.items.findIndex((i) => i.id === itemId) + 1;
// A different count on every option, not in ballot order, so the ranking shows.
const counts = Object.fromEntries(options.map((o, index) => [o.itemId, ((index * 5) % 11) + 1]));
const ranked = rankByVotes(options, counts);
const top = ranked[0]!;
// The demo's round 1 already holds a show of hands and three agreements (docs/agreements.md, "The demo").
const demoAgreed = generateDemoAgreements(generateDemoSeries({ now: new Date() })).agreements;
// The form starts on the most-voted statement that has no agreement yet.
const chosen = ranked.find((o) => !demoAgreed.some((a) => a.itemId === o.itemId))!;
const SHOTS = 'artifacts/screenshots/agreements';
mkdirSync(SHOTS, { recursive: true });

async function shoot(page: Page, name: string) {
  for (const [width, height] of [
    [1920, 1080],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(page.getByTestId('slide-canvas')).toHaveAttribute('data-scale', String(Math.min(width / 1920, height / 1080)));
    await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png` });
  }
}

test('a show of hands, an agreement, the closing slide, a reload, the scan page and the report', async ({ page }) => {
  test.setTimeout(120_000);
  expect(options.length).toBeGreaterThan(2);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const scanId = await openDemoScan(page);
  await revealAndGoToEnd(page, scanId);
  const title = page.locator('#slide-title');
  // The closing slide lists what the room agreed: here the demo's own agreements.
  await expect(page.getByTestId('closing-agreements')).toContainText(demoAgreed[0]!.what);
  await expect(page.getByText('Welke bespreekpunten pakken we op, en wie zet de eerste stap?')).toHaveCount(0);

  // The vote slide sits before the agreements slide and the end.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(title).toHaveText('Kiezen: wat pakken we op?');
  const slide = page.getByTestId('vote-slide');
  // The demo's show of hands is shown, closed; a new vote is set up beside it.
  await expect(slide.getByText(/De stemming is gesloten\./)).toBeVisible();
  await slide.getByRole('button', { name: 'Nieuwe stemming' }).click();
  await expect(slide.getByRole('checkbox')).toHaveCount(options.length);
  await expectNoAxeViolations(page, 'vote slide, setting up');
  await shoot(page, 'vote-setup');
  await page.setViewportSize({ width: 1920, height: 1080 });

  // Typing in a field never turns the slide: "2" and "t" stay in the field.
  const perPerson = slide.getByLabel('Stemmen per persoon');
  await perPerson.fill('');
  await perPerson.press('2');
  await expect(perPerson).toHaveValue('2');
  await expect(title).toHaveText('Kiezen: wat pakken we op?');
  await slide.getByRole('button', { name: 'Stemmen met handopsteken' }).click();

  for (const option of options) {
    const field = slide.getByLabel(`Stemmen op stelling ${number(option.itemId)}`, { exact: true });
    await field.fill(String(counts[option.itemId]));
  }
  const rows = slide.locator('.vote-tally__row');
  await expect(rows).toHaveCount(options.length);
  await expect(rows.first()).toHaveAttribute('data-item', top.itemId);
  expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-item')))).toEqual(ranked.map((o) => o.itemId));
  for (const option of options) await expect(slide.getByTestId(`vote-count-${option.itemId}`)).toHaveText(String(counts[option.itemId]));
  await expectNoAxeViolations(page, 'vote slide, show of hands');
  await shoot(page, 'vote-hands');
  await page.setViewportSize({ width: 1920, height: 1080 });

  // The table alternative has the same figures, most first (T typed in a count field stays there).
  await page.keyboard.press('t');
  await expect(slide.locator('tbody tr')).toHaveCount(0);
  await page.getByRole('button', { name: 'Tabel', exact: true }).click();
  const tableRows = slide.locator('tbody tr');
  await expect(tableRows).toHaveCount(options.length);
  expect(await tableRows.evaluateAll((els) => els.map((el) => el.getAttribute('data-item')))).toEqual(ranked.map((o) => o.itemId));
  await page.getByRole('button', { name: 'Grafiek', exact: true }).click();

  await slide.getByRole('button', { name: 'Stemming sluiten' }).click();
  await expect(slide.getByText(/De stemming is gesloten\./)).toBeVisible();
  await shoot(page, 'vote-closed');
  await page.setViewportSize({ width: 1920, height: 1080 });

  // The agreements slide: the statement with most votes and no agreement yet comes first, with its votes.
  await page.getByRole('button', { name: 'Volgende dia' }).click();
  await expect(title).toHaveText('Afspraken');
  const form = page.getByTestId('agreement-form');
  await expect(form.getByLabel('Van welke stelling komt het?')).toHaveValue(chosen.itemId);
  await expect(form.getByTestId('agreement-votes')).toHaveText(`Stemmen uit de stemming: ${counts[chosen.itemId]}`);
  await form.getByRole('button', { name: 'Afspraak bewaren' }).click();
  await expect(form.getByRole('alert')).toContainText('Beschrijf wat er gaat veranderen.');
  await expectNoAxeViolations(page, 'agreements slide, with field errors');
  await form.getByLabel('Wat gaat er veranderen?').fill('Eén gezamenlijk overleg per gezin, binnen een week na de melding');
  await form.getByRole('checkbox', { name: 'Politie' }).check();
  await form.getByRole('checkbox', { name: 'Gemeente' }).check();
  await form.getByLabel('Wanneer klaar? (mag leeg)').fill('2027-03-01');
  await form.getByRole('button', { name: 'Afspraak bewaren' }).click();
  await expect(page.getByTestId('agreement-list')).toContainText('Eén gezamenlijk overleg per gezin');
  // The fourth agreement: the list is taller than the slide, and the one just saved is in sight.
  const saved = page.getByTestId('agreement-list').locator('li').filter({ hasText: 'Eén gezamenlijk overleg per gezin' });
  await expect(saved).toBeInViewport({ ratio: 1 });
  await expectNoAxeViolations(page, 'agreements slide');
  await shoot(page, 'agreements-slide');
  await page.setViewportSize({ width: 1920, height: 1080 });

  await page.getByRole('button', { name: 'Volgende dia' }).click();
  await expect(title).toHaveText('Tot slot');
  const closing = page.getByTestId('closing-agreements');
  await expect(closing).toContainText('Eén gezamenlijk overleg per gezin, binnen een week na de melding');
  await expect(closing).toContainText('Wie: Politie en Gemeente · Klaar: 1 maart 2027 · Stemmen: ' + counts[chosen.itemId]);
  await shoot(page, 'end-slide');
  await page.setViewportSize({ width: 1920, height: 1080 });

  // A reload keeps the vote and the agreement.
  await page.reload();
  await revealAndGoToEnd(page, scanId);
  await expect(page.getByTestId('closing-agreements')).toContainText('Eén gezamenlijk overleg per gezin');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(title).toHaveText('Kiezen: wat pakken we op?');
  await expect(page.getByTestId('vote-slide').getByText(/De stemming is gesloten\./)).toBeVisible();
  await expect(page.getByTestId(`vote-count-${top.itemId}`)).toHaveText(String(counts[top.itemId]));

  // The scan page's section: the vote as counts and the agreement.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Workshop/ })).toBeVisible();
  const section = page.getByTestId('agreements-section');
  await expect(section.getByTestId('agreement-list')).toContainText('Eén gezamenlijk overleg per gezin');
  // Every vote held, oldest first: the demo's show of hands, then this one.
  await expect(section.getByRole('table')).toHaveCount(2);
  await expect(section.getByRole('table').last().locator('tbody td.num').first()).toHaveText(String(counts[top.itemId]));
  await section.scrollIntoViewIfNeeded();
  await expectNoAxeViolations(page, 'scan page with agreements');
  await page.setViewportSize({ width: 390, height: 844 });
  await section.getByRole('heading', { level: 2, name: 'Afspraken' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/scan-section-390x844.png` });
  await section.getByTestId('agreement-list').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/scan-section-list-390x844.png` });
  // Nothing of the section widens the page on a phone (a long statement in the select once did).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The report: a section of its own.
  await page.goto(`./#/scans/${scanId}/report`);
  const report = page.getByTestId('report-agreements');
  await expect(report.getByRole('heading', { level: 2, name: 'Afspraken' })).toBeVisible();
  await expect(report.getByRole('row', { name: /Eén gezamenlijk overleg per gezin/ })).toContainText('Politie en Gemeente');
  await expect(page.locator('.report__view svg[role="img"]')).toHaveCount(7);
  await expectNoAxeViolations(page, 'report with agreements');
});
