import { expect, test } from '@playwright/test';
import { DEFAULT_INSTRUMENT } from '../../src/domain/instrument/defaultInstrument';
import { answerCurrent, chooseOrganisation, DUTCH_SCALE, next, startAnswering } from './helpers';

test('no request leaves for another origin while a participant answers the whole scan', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await startAnswering(page);
  await chooseOrganisation(page, 'Jeugdbescherming');
  for (let i = 0; i < DEFAULT_INSTRUMENT.items.length; i++) {
    await answerCurrent(page, DUTCH_SCALE[(i + 2) % 5]!);
    await next(page, i + 2 <= 13 ? i + 2 : null);
  }
  await page.getByRole('button', { name: /Volgende/ }).click();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
  expect(requests.length).toBeGreaterThan(0);
  const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
  expect(foreign).toEqual([]);
});

test('an unknown route shows a friendly page with a way back', async ({ page }) => {
  await page.goto('./#/does/not/exist');
  await expect(page.getByRole('heading', { name: 'Deze pagina bestaat niet' })).toBeVisible();
  await page.getByRole('link', { name: 'Naar het overzicht van scans' }).click();
  await expect(page.getByRole('heading', { name: 'Scans', exact: true })).toBeVisible();
});

test('an unknown scan id says the scan is not on this device', async ({ page }) => {
  await page.goto('./#/s/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'Deze scan staat niet op dit apparaat' })).toBeVisible();
});

test('without usable IndexedDB the app says answers cannot be kept', async ({ page }) => {
  await page.addInitScript(() => {
    // What a locked-down or private window does: opening a database fails.
    const failing = {
      open() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    };
    Object.defineProperty(window, 'indexedDB', { value: failing, configurable: true });
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Antwoorden kunnen op dit apparaat niet worden bewaard' })).toBeVisible();
  await expect(page.getByText(/privé- of incognitovenster/)).toBeVisible();
});
