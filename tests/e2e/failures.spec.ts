import { expect, test, type Page } from '@playwright/test';
import { generateDemoScan } from '../../src/domain/demo/generateDemoScan';
import { buildExchangeFile, serialiseExchangeFile } from '../../src/domain/exchange';
import type { SubmittedResponse } from '../../src/domain/types';
import { expectNoAxeViolations } from './axe';
import { openDemoScan } from './helpers';

// Storage that refuses, the way a full disk does: once the app has started, every IndexedDB write
// throws a QuotaExceededError DOMException. Each director action must say so in a translated
// role="alert" and leave the data as it was. Screenshots go to artifacts/ (gitignored).

const FULL = 'De opslag van deze browser is vol';

declare global {
  interface Window {
    ketenscanRefuseWrites?: boolean;
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const refuse = (original: (...args: never[]) => unknown) =>
      function (this: unknown, ...args: never[]) {
        if (window.ketenscanRefuseWrites) throw new DOMException('The quota has been exceeded (simulated).', 'QuotaExceededError');
        return original.apply(this, args);
      };
    for (const method of ['add', 'put', 'delete', 'clear'] as const) {
      IDBObjectStore.prototype[method] = refuse(IDBObjectStore.prototype[method]) as never;
    }
    for (const method of ['update', 'delete'] as const) {
      IDBCursor.prototype[method] = refuse(IDBCursor.prototype[method]) as never;
    }
  });
});

const refuseWrites = (page: Page, on: boolean) => page.evaluate((value) => (window.ketenscanRefuseWrites = value), on);

/** A real workshop from another device: the demo's answers under new ids. */
function workshopFile(title: string): Buffer {
  const { scan, responses } = generateDemoScan({ now: new Date('2026-11-20T09:00:00.000Z') });
  const id = '5c2d7a10-3b4e-4f6a-8b9c-0d1e2f3a4b5c';
  const moved = (responses as SubmittedResponse[]).map((r, i) => ({ ...r, id: `5c2d7a10-3b4e-4f6a-8b9c-${String(i).padStart(12, '0')}`, scanId: id, submittedAt: new Date(Date.now() - (30 - i) * 60_000).toISOString() }));
  return Buffer.from(serialiseExchangeFile(buildExchangeFile([{ scan: { ...scan, id, title, isDemo: false }, responses: moved }], new Date(), 'e2e')));
}

test('creating a scan on a full disk says so and stores nothing', async ({ page }) => {
  await page.goto('./#/scans/new');
  await page.getByRole('textbox', { name: /Titel/ }).fill('Workshop zonder ruimte');
  await refuseWrites(page, true);
  await page.getByRole('button', { name: 'Scan aanmaken' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(FULL);
  // The browser's own words, once: Dexie's wrapper repeats them, the alert does not.
  await expect(alert).toContainText('Technische melding: QuotaExceededError: The quota has been exceeded (simulated).');
  expect((await alert.textContent())!.split('QuotaExceededError').length).toBe(2);
  await expect(page).toHaveURL(/#\/scans\/new$/);
  await alert.screenshot({ path: 'artifacts/failures-create-scan.png' });
  await page.screenshot({ path: 'artifacts/failures-create-scan-page.png', fullPage: true });
  await expectNoAxeViolations(page, 'new scan with a failure alert');

  await refuseWrites(page, false);
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Workshop zonder ruimte' })).toHaveCount(0);
});

test('deleting and closing a scan on a full disk say so and change nothing', async ({ page }) => {
  const scanId = await openDemoScan(page);
  await refuseWrites(page, true);
  await page.getByRole('button', { name: 'Scan verwijderen' }).click();
  await page.getByRole('dialog', { name: 'Scan verwijderen?' }).getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByRole('alert')).toContainText(FULL);
  await expect(page).toHaveURL(new RegExp(`#/scans/${scanId}$`));
  await page.getByRole('alert').screenshot({ path: 'artifacts/failures-delete-scan.png' });

  await page.getByRole('button', { name: 'Melding sluiten' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Scan sluiten' }).click();
  await expect(page.getByRole('alert')).toContainText(FULL);
  await expect(page.getByRole('button', { name: 'Scan sluiten' })).toBeVisible();

  await refuseWrites(page, false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Workshop/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Totaal ingevuld 26/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Scan sluiten' })).toBeVisible();
});

test('an import on a full disk says so, keeps the preview and writes nothing', async ({ page }) => {
  await page.goto('./#/import');
  await page.locator('input[type=file]').setInputFiles({ name: 'zuid.json', mimeType: 'application/json', buffer: workshopFile('Workshop Zuid') });
  await expect(page.getByTestId('import-totals')).toContainText('nieuwe antwoorden: 26');
  await refuseWrites(page, true);
  await page.getByRole('button', { name: 'Inlezen' }).click();
  await expect(page.getByRole('alert')).toContainText(FULL);
  await expect(page.getByRole('button', { name: 'Inlezen' })).toBeEnabled();
  await expect(page.getByText('Bezig met inlezen…')).toHaveCount(0);
  await page.screenshot({ path: 'artifacts/failures-import.png', fullPage: true });

  await refuseWrites(page, false);
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Workshop Zuid' })).toHaveCount(0);
});

test('after an import of a real workshop: storage panel, persistence answer and the backup reminder', async ({ page }) => {
  await page.goto('./#/import');
  await page.locator('input[type=file]').setInputFiles({ name: 'zuid.json', mimeType: 'application/json', buffer: workshopFile('Workshop Zuid') });
  await page.getByRole('button', { name: 'Inlezen' }).click();
  await expect(page.getByRole('heading', { name: 'Klaar met inlezen' })).toBeVisible();

  await page.goto('./');
  const reminder = page.getByRole('region', { name: 'Maak een reservekopie' });
  await expect(reminder).toContainText('26 deelnemers hebben de vragenlijst ingevuld, en op dit apparaat is nog geen reservekopie gemaakt.');
  const panel = page.getByRole('region', { name: 'Opslag op dit apparaat' });
  await expect(panel).toContainText(/Ketenscan gebruikt .* van de .* die deze browser beschikbaar stelt\./);
  await reminder.screenshot({ path: 'artifacts/storage-reminder.png' });
  await panel.screenshot({ path: 'artifacts/storage-panel.png' });
  await page.screenshot({ path: 'artifacts/storage-scan-list.png', fullPage: true });
  await expectNoAxeViolations(page, 'scan list with backup reminder and storage panel');

  const [download] = await Promise.all([page.waitForEvent('download'), reminder.getByRole('button', { name: 'Nu een reservekopie opslaan' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  await expect(reminder).toHaveCount(0);
  await expect(page.getByText(/is opgeslagen\. Bewaar het bestand op een veilige plek\./)).toBeVisible();

  await page.getByRole('link', { name: 'Workshop Zuid' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshop Zuid' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /De browser/ })).toBeVisible();
  await page.screenshot({ path: 'artifacts/storage-persistence-notice.png' });
  await expectNoAxeViolations(page, 'scan page with the persistence answer');
});

test('a window with a tiny quota is explained as probably private, in Dutch and English', async ({ page }) => {
  await page.addInitScript(() => {
    // What an incognito window reports: a small quota held in memory, no persistence.
    Object.defineProperty(StorageManager.prototype, 'estimate', { value: async () => ({ usage: 420 * 1024, quota: 100 * 1024 * 1024 }) });
    Object.defineProperty(StorageManager.prototype, 'persisted', { value: async () => false });
  });
  await page.goto('./');
  const panel = page.getByRole('region', { name: 'Opslag op dit apparaat' });
  await expect(panel.getByTestId('private-warning')).toContainText('Dit lijkt een privé- of incognitovenster: de browser geeft Ketenscan maar 100 MB.');
  await expect(panel).toContainText('Ketenscan gebruikt 420 kB van de 100 MB');
  // Asking a private window to keep data permanently cannot help.
  await expect(panel.getByRole('button', { name: 'Vraag de browser om blijvende opslag' })).toHaveCount(0);
  await panel.screenshot({ path: 'artifacts/storage-panel-private-nl.png' });
  await page.getByRole('button', { name: 'English' }).click();
  const english = page.getByRole('region', { name: 'Storage on this device' });
  await expect(english.getByTestId('private-warning')).toContainText('Everything entered here disappears as soon as this window closes.');
  await english.screenshot({ path: 'artifacts/storage-panel-private-en.png' });
});

test('a backup reminder that cannot read says so in its place; the list stays and "try again" brings it back', async ({ page }) => {
  await page.addInitScript(() => {
    // The reminder's first read of the last backup time fails once, as a storage backend can.
    const get = IDBObjectStore.prototype.get;
    let refused = false;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      if (!refused && this.name === 'meta' && key === 'lastBackupAt') {
        refused = true;
        throw new DOMException('The backend failed (simulated).', 'UnknownError');
      }
      return get.call(this, key);
    };
  });
  await page.goto('./');
  const failure = page.locator('[data-failure="part"]');
  await expect(failure).toContainText('De herinnering aan een reservekopie kon niet worden geladen; de rest van de pagina werkt gewoon.');
  await expect(failure).toContainText('Technische melding: UnknownError: The backend failed (simulated).');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reservekopie van alle scans' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Opslag op dit apparaat' })).toBeVisible();
  await page.screenshot({ path: 'artifacts/failures-page-part.png', fullPage: true });
  await expectNoAxeViolations(page, 'scan list with a part that could not read');
  await failure.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(failure).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
});
