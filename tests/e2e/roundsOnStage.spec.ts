import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { openDemoScan } from './helpers';
import { arrowTo, expectReadableSlide, openPresenterRevealed, pressRevealUntilShown } from './stage';

// Issue 26, item 6: the change between rounds and the two-group comparison in the presenter and
// the report, with the rounds page's and the gap view's own figures (docs/presenter.md, "Rounds
// on the slides"; docs/instrument-and-rounds.md, "In the presenter and the report").

async function openRound2Rounds(page: Page): Promise<string> {
  const firstId = await openDemoScan(page);
  await page.goto(`./#/scans/${firstId}/rounds`);
  await page.getByRole('link', { name: /Ronde 2: Demo — Vervolgmeting/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Verandering tussen rondes: Demo — Vervolgmeting/ })).toBeVisible();
  const match = /#\/scans\/([0-9a-f-]{36})\/rounds/.exec(page.url());
  if (!match?.[1]) throw new Error(`no scan id in ${page.url()}`);
  return match[1];
}

/** Every body row of a table as its cells' texts (row header first). */
async function rowsOf(table: Locator): Promise<string[][]> {
  // The report's lazy sections arrive after its figures; on a busy machine that takes a while.
  await expect(table).toBeVisible({ timeout: 15_000 });
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())));
}

/** The chain's change table of the rounds page, ronde 1 → ronde 2. */
async function roundsPageChain(page: Page): Promise<string[][]> {
  await page.getByRole('button', { name: 'Toon als tabel' }).first().click();
  return rowsOf(page.getByRole('table', { name: 'Verandering per stelling: Hele keten, ronde 1 → ronde 2' }));
}

/** The gap view's comparison of Gemeente against the rest of round 2, as a table. */
async function gapViewGroups(page: Page, scanId: string): Promise<{ rows: string[][]; respondents: string }> {
  await page.goto(`./#/scans/${scanId}/results/gap`);
  const section = page.getByRole('region', { name: 'Twee groepen in deze scan vergelijken' });
  await section.getByLabel('Vergelijk', { exact: true }).selectOption('organisation');
  await section.getByLabel('Partner', { exact: true }).selectOption({ label: 'Gemeente' });
  await expect(section.locator('[data-chart="round-change"] g[data-statement]')).toHaveCount(13);
  const respondents = (await section.locator('.group-comparison__respondents').innerText()).trim();
  await section.getByRole('button', { name: 'Toon als tabel' }).click();
  return { rows: await rowsOf(section.getByRole('table')), respondents };
}

test('round 2 on the projector: the change since round 1 and two groups, with the rounds page\'s and the gap view\'s figures', async ({ page }) => {
  const scanId = await openRound2Rounds(page);
  const chain = await roundsPageChain(page);
  expect(chain).toHaveLength(13);
  const groups = await gapViewGroups(page, scanId);
  expect(groups.rows).toHaveLength(13);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await openPresenterRevealed(page, scanId);
  const title = page.locator('#slide-title');
  // After the agreements of round 1, before the first figure (docs/presenter.md, "Slides").
  await arrowTo(page, 'Verandering sinds ronde 1 (1/2)', 8);
  await page.keyboard.press('ArrowLeft');
  await expect(title).toHaveText('Afspraak 3 van 3 uit ronde 1');
  await page.keyboard.press('ArrowRight');
  const slide = page.getByTestId('round-change-slide');
  await expect(slide.locator('[data-chart="round-change"] g[data-statement]')).toHaveCount(7);
  await expect(slide).toContainText(/Ronde 1: 26 deelnemers/);
  await expectReadableSlide(page, 'round-change-slide-1920x1080');
  await expectNoAxeViolations(page, 'the change slide');

  // Table mode: the rounds page's rows, cell for cell, over the two slides.
  await page.keyboard.press('t');
  const first = await rowsOf(slide.getByRole('table'));
  await expectReadableSlide(page, 'round-change-table-1920x1080');
  await expectNoAxeViolations(page, 'the change slide as a table');
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText('Verandering sinds ronde 1 (2/2)');
  const second = await rowsOf(page.getByTestId('round-change-slide').getByRole('table'));
  expect([...first, ...second]).toEqual(chain);
  await expectReadableSlide(page, 'round-change-table-2-1920x1080');
  await page.keyboard.press('t');
  await expect(page.getByTestId('round-change-slide').locator('[data-chart="round-change"] g[data-statement]')).toHaveCount(6);

  await page.setViewportSize({ width: 1024, height: 768 });
  await expectReadableSlide(page, 'round-change-slide-2-1024x768');
  await page.keyboard.press('ArrowLeft');
  await expect(title).toHaveText('Verandering sinds ronde 1 (1/2)');
  await expectReadableSlide(page, 'round-change-slide-1024x768');

  // The two groups: after the views. The director picks them with the keyboard on the slide.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await arrowTo(page, /^Twee groepen vergelijken/);
  await expect(page.getByTestId('groups-refused')).toContainText('Deze vergelijking kan niet');
  await expectNoAxeViolations(page, 'the two-group slide, refused');
  await page.keyboard.press('Tab');
  const mode = page.getByTestId('groups-slide').getByLabel('Vergelijk', { exact: true });
  await expect(mode).toBeFocused();
  await mode.selectOption('organisation');
  const partner = page.getByTestId('groups-slide').getByLabel('Partner', { exact: true });
  await partner.selectOption({ label: 'Gemeente' });
  // The presenter's keys stay with the select while it has focus; Escape… not needed: → goes on once it is left.
  await expect(title).toHaveText('Twee groepen vergelijken (1/2)');
  const groupSlide = page.getByTestId('groups-slide');
  await expect(groupSlide).toContainText(groups.respondents);
  await expect(groupSlide.locator('[data-chart="round-change"] g[data-statement]')).toHaveCount(7);
  await expectReadableSlide(page, 'groups-slide-1920x1080');
  await expectNoAxeViolations(page, 'the two-group slide');
  await page.locator('#slide-title').focus();
  await page.keyboard.press('t');
  const groupsFirst = await rowsOf(groupSlide.getByRole('table'));
  await expectReadableSlide(page, 'groups-table-1920x1080');
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText('Twee groepen vergelijken (2/2)');
  const groupsSecond = await rowsOf(page.getByTestId('groups-slide').getByRole('table'));
  expect([...groupsFirst, ...groupsSecond]).toEqual(groups.rows);
  await page.keyboard.press('t');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.keyboard.press('ArrowLeft');
  await expect(title).toHaveText('Twee groepen vergelijken (1/2)');
  await expectReadableSlide(page, 'groups-slide-1024x768');
});

test('the report of round 2 has the change since round 1 and the two groups chosen in the gap view, with their figures', async ({ page }) => {
  const scanId = await openRound2Rounds(page);
  const chain = await roundsPageChain(page);
  const groups = await gapViewGroups(page, scanId);
  // The gap view's link carries the choice to the report.
  await page.getByRole('link', { name: 'Deze vergelijking in het rapport opnemen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Rapport/ })).toBeVisible();

  const change = page.getByTestId('report-round-change');
  // Lazy sections, read after the report's own figures: slow on a busy machine.
  await expect(change.getByRole('heading', { name: 'Verandering sinds ronde 1' })).toBeVisible({ timeout: 20_000 });
  await expect(change.locator('[data-chart="round-change"] g[data-statement]')).toHaveCount(13);
  expect(await rowsOf(change.getByRole('table'))).toEqual(chain);

  const section = page.getByTestId('report-groups');
  await expect(section.getByLabel('Partner', { exact: true })).toHaveValue(/.+/, { timeout: 20_000 });
  expect(await rowsOf(section.getByRole('table'))).toEqual(groups.rows);
  await expect(section).toContainText(groups.respondents);
  await expectNoAxeViolations(page, 'the report with the change and two groups');

  // The choice survives a reload (it is in the address) and is not printed.
  await page.reload();
  expect(await rowsOf(page.getByTestId('report-groups').getByRole('table'))).toEqual(groups.rows);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('report-groups').getByLabel('Partner', { exact: true })).toBeHidden();
  await expect(page.getByTestId('report-groups').getByRole('table')).toBeVisible();
  await page.getByTestId('report-round-change').screenshot({ path: 'artifacts/screenshots/report-round-change-print.png' });
  await page.getByTestId('report-groups').screenshot({ path: 'artifacts/screenshots/report-groups-print.png' });

  // Without a choice the section is not printed at all.
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('report-groups').getByLabel('Vergelijk', { exact: true }).selectOption('none');
  await expect(page.getByTestId('report-groups').getByRole('table')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('report-groups')).toBeHidden();
});

test('a part of the presenter that cannot load leaves the deck working, says so, and comes with try again', async ({ page }) => {
  const scanId = await openRound2Rounds(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  // The change slides' chunk cannot be fetched: a room's network on plain http, no service worker.
  const chunk = /\/assets\/RoundChangeSlide-[\w-]+\.js$/;
  await page.route(chunk, (route) => route.abort());
  await openPresenterRevealed(page, scanId);
  const missing = page.locator('[data-failure="presenter-part"]');
  await expect(missing).toContainText('Niet alles kon worden geladen (rondes, live-sessie); de rest werkt.');
  // One row at 1024×768, inside the window.
  const box = (await missing.boundingBox())!;
  expect(box.height).toBeLessThan(60);
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
  // The deck goes on without those slides: from the agreements of round 1 straight to the figures.
  await arrowTo(page, 'Afspraak 3 van 3 uit ronde 1', 8);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#slide-title')).not.toHaveText(/Verandering sinds ronde 1/);
  await expectNoAxeViolations(page, 'presenter with a part that could not load');
  await page.screenshot({ path: 'artifacts/screenshots/presenter-part-missing-1024x768.png' });

  await page.unroute(chunk);
  await missing.getByRole('button', { name: 'Opnieuw proberen' }).click();
  // Trying again may load the page afresh (the browser keeps a failed module): the results are then hidden again.
  await expect(missing).toHaveCount(0);
  await expect(page.locator('#slide-title')).toBeVisible();
  if ((await page.locator('#slide-title').innerText()) === 'Ingevulde scans') await pressRevealUntilShown(page);
  await page.keyboard.press('Home');
  await arrowTo(page, 'Verandering sinds ronde 1 (1/2)', 12);
});

test('the two-group comparison that cannot load says so under the gap view, which stays, and comes with try again', async ({ page }) => {
  const scanId = await openRound2Rounds(page);
  const chunk = /\/assets\/GroupComparison-[\w-]+\.js$/;
  await page.route(chunk, (route) => route.abort());
  await page.goto(`./#/scans/${scanId}/results/gap`);
  const failure = page.locator('[data-failure="part"]');
  await expect(failure).toContainText('De vergelijking van twee groepen kon niet worden geladen; de rest van de pagina werkt gewoon.');
  await expect(page.locator('[data-chart="gap"]').first()).toBeVisible();
  await page.unroute(chunk);
  await failure.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(page.getByRole('region', { name: 'Twee groepen in deze scan vergelijken' })).toBeVisible();
  await expect(failure).toHaveCount(0);
});
