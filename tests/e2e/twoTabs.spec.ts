import { CURRENT_SCHEMA_VERSION } from '../../src/storage/schemaHistory';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_INSTRUMENT } from '../../src/domain/instrument/defaultInstrument';
import { answerCurrent, chooseOrganisation, DUTCH_SCALE, next, openDemoScan } from './helpers';
import { readResponses } from './idb';

// Several tabs of one browser on the same scan (issue 11, items 4 and 5;
// docs/storage-and-migrations.md). Every tab has its own connection to the same IndexedDB.

const items = DEFAULT_INSTRUMENT.items;
const DEMO_SUBMITTED = 26;

function organisationRow(director: Page, name: string) {
  return director.getByRole('row', { name: new RegExp(`^${name}\\b`) });
}

async function submitFromReview(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Volgende/ }).click();
  await expect(page.getByRole('heading', { name: 'Controleer uw antwoorden' })).toBeVisible();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
}

test('two tabs answer the same scan at once; a third tab counts live; no write is lost', async ({ context }) => {
  // Three pages and 26 answers on a shared two-core machine: more than the default minute.
  test.setTimeout(180_000);
  const director = await context.newPage();
  const scanId = await openDemoScan(director);
  await expect(director.locator('tfoot')).toContainText(String(DEMO_SUBMITTED));

  // Both participants are on the welcome screen before either starts, as on two laptops side by side.
  const [first, second] = [await context.newPage(), await context.newPage()];
  for (const tab of [first, second]) {
    await tab.goto(`./#/s/${scanId}`);
    await expect(tab.getByRole('heading', { name: 'Welkom bij de QuickScan' })).toBeVisible();
  }
  await chooseOrganisation(first, 'Parlan');
  await chooseOrganisation(second, 'Openbaar Ministerie');
  const unfinished = director.getByRole('table', { name: /Onafgemaakte vragenlijsten/ }).locator('tbody tr');
  await expect(unfinished).toHaveCount(2);

  // Interleaved, statement by statement: each write lands while the other tab is writing too.
  const firstAnswers: Record<string, number | string> = {};
  const secondAnswers: Record<string, number | string> = {};
  for (let i = 0; i < items.length; i++) {
    const id = items[i]!.id;
    const following = i + 2 <= items.length ? i + 2 : null;
    // A background tab gets no animation frames, which Playwright's actions wait for: the tab
    // being acted on is brought to the front, as a person switching tabs would.
    await first.bringToFront();
    await answerCurrent(first, DUTCH_SCALE[i % 5]!);
    firstAnswers[id] = (i % 5) + 1;
    const nextFirst = first.getByRole('button', { name: /Volgende/ }).click();
    await second.bringToFront();
    const secondDk = i % 6 === 5;
    await answerCurrent(second, secondDk ? 'Weet niet / niet van toepassing' : DUTCH_SCALE[4 - (i % 5)]!);
    secondAnswers[id] = secondDk ? 'dk' : 5 - (i % 5);
    await Promise.all([nextFirst, next(second, following)]);
    if (following !== null) await expect(first.getByText(`Stelling ${following} van 13`)).toBeVisible();
  }
  await first.bringToFront();
  await first.getByLabel('Woord 1').fill('eerste');
  await second.bringToFront();
  await second.getByLabel('Woord 1').fill('tweede');

  await first.bringToFront();
  await submitFromReview(first);
  await expect(director.locator('tfoot')).toContainText(String(DEMO_SUBMITTED + 1));
  await expect(organisationRow(director, 'Parlan')).toContainText('3');
  await expect(unfinished).toHaveCount(1);

  await second.bringToFront();
  await submitFromReview(second);
  await expect(director.locator('tfoot')).toContainText(String(DEMO_SUBMITTED + 2));
  await expect(organisationRow(director, 'Openbaar Ministerie')).toContainText('3');
  await expect(unfinished).toHaveCount(0);

  const rows = await readResponses(director, scanId);
  expect(rows.filter((r) => r.status === 'draft')).toEqual([]);
  const fresh = rows.filter((r) => r.status === 'submitted' && (r.keywords[0] === 'eerste' || r.keywords[0] === 'tweede'));
  expect(fresh).toHaveLength(2);
  expect(fresh.find((r) => r.keywords[0] === 'eerste')).toMatchObject({ organisationId: 'parlan', answers: firstAnswers });
  expect(fresh.find((r) => r.keywords[0] === 'tweede')).toMatchObject({ organisationId: 'openbaar-ministerie', answers: secondAnswers });
  expect(rows.filter((r) => r.status === 'submitted')).toHaveLength(DEMO_SUBMITTED + 2);
});

test('one draft edited from two tabs in turn keeps the edits of both (each write changes one field)', async ({ context }) => {
  const first = await context.newPage();
  const scanId = await openDemoScan(first);
  await first.goto(`./#/s/${scanId}`);
  await chooseOrganisation(first, 'Gemeente');
  await answerCurrent(first, 'Helemaal oneens');
  await next(first, 2);
  await answerCurrent(first, 'Oneens');
  await next(first, 3);
  const [draft] = (await readResponses(first, scanId)).filter((r) => r.status === 'draft');
  expect(draft).toBeDefined();

  // The second tab holds the same draft (as after "continue" on a shared device): it reads the
  // stored draft, with the two answers of the first tab, and resumes on statement 3.
  const second = await context.newPage();
  await second.addInitScript(({ key, id }) => sessionStorage.setItem(key, id), { key: `ketenscan-active-draft:${scanId}`, id: draft!.id });
  await second.goto(`./#/s/${scanId}`);
  await expect(second.getByText('Stelling 3 van 13')).toBeVisible();
  await answerCurrent(second, 'Neutraal');
  await next(second, 4);
  await answerCurrent(second, 'Eens');
  await next(second, 5);

  // The first tab still shows its older copy (statements 3 and 4 open). Its edits must not
  // overwrite what the second tab stored.
  await first.getByRole('button', { name: /Vorige/ }).click();
  await first.getByRole('button', { name: /Vorige/ }).click();
  await expect(first.getByText('Stelling 1 van 13')).toBeVisible();
  await answerCurrent(first, 'Helemaal eens');
  await next(first, 2);
  await first.getByText('Toelichting toevoegen (niet verplicht)').click();
  await first.getByLabel('Toelichting bij deze stelling').fill('van het eerste tabblad');

  await expect
    .poll(async () => (await readResponses(first, scanId)).find((r) => r.id === draft!.id)?.comments)
    .toEqual({ q02: 'van het eerste tabblad' });
  const stored = (await readResponses(first, scanId)).find((r) => r.id === draft!.id);
  expect(stored).toMatchObject({ status: 'draft', organisationId: 'gemeente' });
  expect(stored!.answers).toEqual({ q01: 5, q02: 2, q03: 3, q04: 4 });
});

test('an old tab is told to reload when another tab opens a newer database version', async ({ context }) => {
  const old = await context.newPage();
  await openDemoScan(old);
  const other = await context.newPage();
  await other.goto('./');
  await expect(other.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();

  // What a newer build does on opening: IndexedDB version (current schema version + 1) × 10, as Dexie numbers it.
  const newer = (CURRENT_SCHEMA_VERSION + 1) * 10;
  const newVersion = await other.evaluate(
    (target) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('ketenscan', target);
        request.onupgradeneeded = () => request.result.createObjectStore('futureTable', { keyPath: 'id' });
        request.onsuccess = () => {
          const version = request.result.version;
          request.result.close();
          resolve(version);
        };
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('blocked: an old tab did not give way'));
      }),
    newer,
  );
  expect(newVersion).toBe(newer);

  const banner = old.getByRole('alert');
  await expect(banner).toContainText('Ketenscan is bijgewerkt in een ander tabblad — laad deze pagina opnieuw');
  await expect(old.getByRole('heading', { name: /Demo — Workshop/ })).toHaveCount(0);
  await old.screenshot({ path: 'artifacts/durable-updated-elsewhere.png' });
  await old.getByRole('button', { name: 'Opnieuw laden' }).click();
  // This build is now the older one: it refuses the newer database instead of reading it.
  await expect(old.getByText('Op dit apparaat is een nieuwere versie van Ketenscan gebruikt.')).toBeVisible();
  await old.screenshot({ path: 'artifacts/durable-newer-version.png' });
});
