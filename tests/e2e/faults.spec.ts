import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_INSTRUMENT } from '../../src/domain/instrument/defaultInstrument';
import { answerCurrent, chooseOrganisation, DUTCH_SCALE, next, openDemoScan, scale, startAnswering } from './helpers';
import { putRows, readResponses, readStore } from './idb';

// Fault tests in Chromium (issue 11, item 7; docs/storage-and-migrations.md).

const items = DEFAULT_INSTRUMENT.items;
const SIX = ['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens', 'Weet niet / niet van toepassing'] as const;
const SIX_STORED: Record<string, number | string> = { q01: 1, q02: 2, q03: 3, q04: 4, q05: 5, q06: 'dk' };
const COMMENT = 'Informatie komt te laat — "altijd" na het overleg.';

/** Organisation, six statements answered, a comment on the sixth; the participant is on statement 6. */
async function answerSixWithComment(page: Page): Promise<string> {
  const scanId = await startAnswering(page);
  await chooseOrganisation(page, 'Gemeente');
  for (let i = 0; i < 6; i++) {
    await answerCurrent(page, SIX[i]!);
    if (i < 5) await next(page, i + 2);
  }
  await page.getByText('Toelichting toevoegen (niet verplicht)').click();
  await page.getByLabel('Toelichting bij deze stelling').fill(COMMENT);
  return scanId;
}

test('a page closed while answering: every answer and the comment are in IndexedDB for the next page', async ({ context }) => {
  const page = await context.newPage();
  const scanId = await answerSixWithComment(page);
  // No beforeunload, no waiting: the tab is gone right after the last keystroke.
  await page.close();

  const reopened = await context.newPage();
  await reopened.goto('./');
  // The app shows its first page once the database is open and anything noted aside is written.
  await expect(reopened.getByRole('heading', { name: 'Scans', level: 1 })).toBeVisible();
  const drafts = (await readResponses(reopened, scanId)).filter((r) => r.status === 'draft');
  expect(drafts).toHaveLength(1);
  const [draft] = drafts;
  expect(draft!.answers).toEqual(SIX_STORED);
  expect(draft!.comments).toEqual({ q06: COMMENT });
  expect(draft!.organisationId).toBe('gemeente');
  expect(draft!.position).toBe(6);
  expect(draft!.submittedAt).toBeNull();
});

test('the last keystroke\'s write aborted as the tab goes: the next start writes it from the note taken before', async ({ context }) => {
  // Makes every IndexedDB write fail once the flag is set, as a write cut off by a closing tab
  // never lands (docs/failures-and-storage.md, "The last keystroke").
  await context.addInitScript(() => {
    const flag = window as unknown as { __ketenscanCutWrites?: boolean };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (flag.__ketenscanCutWrites) throw new DOMException('Simulated: the tab closed mid-write.', 'AbortError');
      return put.apply(this, args);
    };
  });
  const page = await context.newPage();
  const scanId = await startAnswering(page);
  await chooseOrganisation(page, 'Gemeente');
  await answerCurrent(page, SIX[3]!);
  await expect.poll(async () => (await readResponses(page, scanId)).find((r) => r.status === 'draft')?.answers).toEqual({ q01: 4 });
  await page.evaluate(() => ((window as unknown as { __ketenscanCutWrites?: boolean }).__ketenscanCutWrites = true));
  await page.getByText('Toelichting toevoegen (niet verplicht)').click();
  await page.getByLabel('Toelichting bij deze stelling').fill(COMMENT);
  await expect.poll(async () => (await readResponses(page, scanId)).find((r) => r.status === 'draft')?.comments).toEqual({});
  await page.close();

  // Any page of the app writes it on start: here the director's list of scans.
  const reopened = await context.newPage();
  await reopened.goto('./');
  await expect(reopened.getByRole('heading', { name: 'Scans', level: 1 })).toBeVisible();
  const [draft] = (await readResponses(reopened, scanId)).filter((r) => r.status === 'draft');
  expect(draft!.answers).toEqual({ q01: 4 });
  expect(draft!.comments).toEqual({ q01: COMMENT });
  expect(await reopened.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ketenscan-unsaved:')))).toEqual([]);
});

test('a reload in the same tab continues at the statement the participant was on, answers and comment present', async ({ page }) => {
  await answerSixWithComment(page);
  await page.reload();
  await expect(page.getByText('Stelling 6 van 13')).toBeVisible();
  await expect(scale(page)).toHaveAccessibleName(items[5]!.text.nl);
  await expect(page.getByRole('radio', { name: SIX[5], exact: true })).toBeChecked();
  await expect(page.getByLabel('Toelichting bij deze stelling')).toHaveValue(COMMENT);
  for (let i = 4; i >= 0; i--) {
    await page.getByRole('button', { name: /Vorige/ }).click();
    await expect(page.getByText(`Stelling ${i + 1} van 13`)).toBeVisible();
    await expect(page.getByRole('radio', { name: SIX[i]!, exact: true })).toBeChecked();
  }
});

test('storage full while submitting: a clear message, and the response stays a complete draft', async ({ page }) => {
  // Once the flag is set, every IndexedDB write fails as a full disk makes it fail.
  await page.addInitScript(() => {
    const flag = window as unknown as { __ketenscanDiskFull?: boolean };
    const failWhenFull = <A extends unknown[], R>(write: (this: IDBObjectStore, ...args: A) => R) =>
      function (this: IDBObjectStore, ...args: A): R {
        if (flag.__ketenscanDiskFull) throw new DOMException('Simulated: the quota has been exceeded.', 'QuotaExceededError');
        return write.apply(this, args);
      };
    IDBObjectStore.prototype.put = failWhenFull(IDBObjectStore.prototype.put);
    IDBObjectStore.prototype.add = failWhenFull(IDBObjectStore.prototype.add);
  });
  const scanId = await startAnswering(page);
  const submittedBefore = (await readResponses(page, scanId)).filter((r) => r.status === 'submitted').length;
  await chooseOrganisation(page, 'Politie');
  const expected: Record<string, number | string> = {};
  for (let i = 0; i < items.length; i++) {
    const dk = i === 3;
    await answerCurrent(page, dk ? 'Weet niet / niet van toepassing' : DUTCH_SCALE[i % 5]!);
    expected[items[i]!.id] = dk ? 'dk' : (i % 5) + 1;
    await next(page, i + 2 <= items.length ? i + 2 : null);
  }
  await page.getByLabel('Woord 1').fill('vol');
  await page.getByRole('button', { name: /Volgende/ }).click();
  await expect(page.getByRole('heading', { name: 'Controleer uw antwoorden' })).toBeVisible();

  await page.evaluate(() => {
    (window as unknown as { __ketenscanDiskFull?: boolean }).__ketenscanDiskFull = true;
  });
  await page.getByRole('button', { name: 'Versturen' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Versturen lukte niet' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('De opslagruimte van deze browser is vol.');
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toHaveCount(0);
  await page.screenshot({ path: 'artifacts/durable-quota-submit.png', fullPage: true });

  // Nothing half-written: the response is still a draft with every answer, nothing was marked submitted.
  const rows = await readResponses(page, scanId);
  const drafts = rows.filter((r) => r.status === 'draft');
  expect(drafts).toHaveLength(1);
  expect(drafts[0]!.answers).toEqual(expected);
  expect(drafts[0]!.keywords).toEqual(['vol', '', '']);
  expect(drafts[0]!.submittedAt).toBeNull();
  expect(rows.filter((r) => r.status === 'submitted')).toHaveLength(submittedBefore);

  // Space freed: the same draft is submitted, complete.
  await page.evaluate(() => {
    (window as unknown as { __ketenscanDiskFull?: boolean }).__ketenscanDiskFull = false;
  });
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
  const after = await readResponses(page, scanId);
  const sent = after.find((r) => r.id === drafts[0]!.id);
  expect(sent).toMatchObject({ status: 'submitted', answers: expected, keywords: ['vol'] });
  expect(after.filter((r) => r.status === 'submitted')).toHaveLength(submittedBefore + 1);
});

test('damaged records: the app starts, says how many were set aside, and the rest works with correct figures', async ({ page }) => {
  const scanId = await openDemoScan(page);
  await page.getByRole('link', { name: 'Resultaten bekijken' }).click();
  await expect(page.getByText('26 ingevulde scans')).toBeVisible();
  // The chart loads after the summary: read the view once it is drawn, not its loading text.
  await expect(page.locator('.results__view svg[role="img"]').first()).toBeVisible();
  const summaryBefore = await page.locator('.results-summary').innerText();
  const viewBefore = await page.locator('.results__view').innerText();

  const [scan] = (await readStore(page, 'scans')).filter((s) => s.id === scanId);
  const [response] = (await readResponses(page, scanId)).filter((r) => r.status === 'submitted');
  await putRows(page, 'responses', [
    { ...response, id: '00000000-0000-4000-8000-00000000dead', answers: '{"q01":3}' },
    { id: 'not-a-response', 0: 'ÿþ' },
  ]);
  await putRows(page, 'scans', [{ ...scan, id: '00000000-0000-4000-8000-00000000beef', title: 'Kapotte scan', isDemo: false, instrument: undefined }]);

  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Scans', exact: true })).toBeVisible();
  await expect(page.getByText('3 records konden niet worden gelezen en zijn apart gezet.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await expect(page.getByText('Kapotte scan')).toHaveCount(0);
  await expect(page.locator('.scan-card').filter({ hasText: 'Demo — Workshop' })).toContainText('26 ingevuld');
  await page.screenshot({ path: 'artifacts/durable-unreadable-list.png', fullPage: true });

  await page.getByRole('link', { name: /Demo — Workshop/ }).click();
  await expect(page.getByText('1 antwoord op deze scan kon niet worden gelezen en is apart gezet. Het telt niet mee.')).toBeVisible();
  await expect(page.locator('tfoot')).toContainText('26');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren als JSON' }).click()]);
  expect(json.suggestedFilename()).toMatch(/\.json$/);
  await expect(page.getByRole('status').filter({ hasText: 'is opgeslagen.' })).toContainText('1 record kon niet worden gelezen en staat niet in het bestand.');
  await page.screenshot({ path: 'artifacts/durable-unreadable-scan.png', fullPage: true });

  await page.getByRole('link', { name: 'Resultaten bekijken' }).click();
  await expect(page.getByText('1 antwoord op deze scan kon niet worden gelezen en is apart gezet. Het telt niet mee.')).toBeVisible();
  await expect.poll(() => page.locator('.results-summary').innerText()).toBe(summaryBefore);
  await expect.poll(() => page.locator('.results__view').innerText()).toBe(viewBefore);

  // A damaged scan's own address says it is not on this device rather than crashing.
  await page.goto('./#/scans/00000000-0000-4000-8000-00000000beef');
  await expect(page.getByRole('heading', { name: 'Deze scan staat niet op dit apparaat' })).toBeVisible();
  await page.goto('./#/s/00000000-0000-4000-8000-00000000beef');
  await expect(page.getByRole('heading', { name: 'Deze scan staat niet op dit apparaat' })).toBeVisible();
});
