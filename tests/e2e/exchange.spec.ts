import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { addHandoffPart, type HandoffParts } from '../../src/domain/exchange/handoffParts';
import { answerCurrent, chooseOrganisation, next, openDemoScan } from './helpers';

test('export a scan as JSON and CSV, and read the JSON into another browser', async ({ page, browser }) => {
  await openDemoScan(page);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren als JSON' }).click()]);
  expect(json.suggestedFilename()).toMatch(/^ketenscan-demo-workshop-ketensamenwerking-gezinnen-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync((await json.path())!, 'utf8'));
  expect(exported).toMatchObject({ format: 'ketenscan', version: 1 });
  expect(exported.scans[0].responses).toHaveLength(26);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (één regel per antwoord)', exact: true }).click()]);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.split('\r\n').filter((l) => l.length > 0)).toHaveLength(1 + 26 * 13);

  // A colleague's browser with its own copy of the demo: the same ids, so all are duplicates;
  // then a scan it does not have is added.
  const other = await browser.newContext();
  const colleague = await other.newPage();
  await colleague.goto('./#/import');
  await colleague.locator('input[type=file]').setInputFiles((await json.path())!);
  await expect(colleague.getByTestId('import-totals')).toContainText('al aanwezig (overgeslagen): 26');
  await expect(colleague.getByRole('button', { name: 'Inlezen' })).toBeDisabled();

  const renamed = { ...exported, scans: [{ ...exported.scans[0], id: '2b9f3c1e-6a4d-4e8b-9c2a-1f0e3d5c7b9a', title: 'Workshop Noord' }] };
  renamed.scans[0].responses = renamed.scans[0].responses.map((r: { id: string }, i: number) => ({ ...r, id: `2b9f3c1e-6a4d-4e8b-9c2a-${String(i).padStart(12, '0')}` }));
  await colleague.locator('input[type=file]').setInputFiles({ name: 'noord.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(renamed)) });
  await expect(colleague.getByTestId('import-totals')).toContainText('nieuwe antwoorden: 26');
  await colleague.getByRole('button', { name: 'Inlezen' }).click();
  await expect(colleague.getByRole('heading', { name: 'Klaar met inlezen' })).toBeVisible();
  await colleague.getByRole('link', { name: 'Naar Workshop Noord' }).click();
  await expect(colleague.getByRole('heading', { level: 1, name: 'Workshop Noord' })).toBeVisible();
  await expect(colleague.getByRole('row', { name: /Totaal ingevuld 26/ })).toBeVisible();
  await other.close();
});

test('a bad file is refused with its place named, and nothing is stored', async ({ page }) => {
  await openDemoScan(page);
  await page.goto('./#/import');
  const bad = readFileSync('tests/fixtures/bad-imports/answer-6.json');
  await page.locator('input[type=file]').setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: bad });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Niet ingelezen — er is niets opgeslagen');
  await expect(alert).toContainText('bestand 1');
  await expect(alert).toContainText(/answers\.q\d\d/);
  await expect(page.getByRole('button', { name: 'Inlezen' })).toHaveCount(0);
  // Text from a file is shown as text, never as HTML.
  await page.locator('input[type=file]').setInputFiles({ name: '<b>x</b>.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"<img src=x onerror=alert(1)>"}') });
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
});

test('phone files of a new scan read into another browser: one new scan, nothing "already here"; a vague file gets a precise refusal', async ({ page, browser }) => {
  await openDemoScan(page);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren als JSON' }).click()]);
  const exported = JSON.parse(readFileSync((await json.path())!, 'utf8'));
  // A scan the other browser does not have (every browser starts with the same demo).
  const scan = { ...exported.scans[0], id: '4c1d2e3f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', title: 'Workshop West' };
  scan.responses = scan.responses.map((r: { id: string }, i: number) => ({ ...r, id: `4c1d2e3f-5a6b-4c7d-8e9f-${String(i).padStart(12, '0')}` }));
  // One file per phone, as the hand-off saves them; the first file twice.
  const files = scan.responses.slice(0, 5).map((response: unknown, i: number) => ({
    name: `telefoon-${i + 1}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...exported, scans: [{ ...scan, responses: [response] }] })),
  }));
  const empty = await (await browser.newContext()).newPage();
  await empty.goto('./');
  await expect(empty.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await empty.goto('./#/import');
  await empty.locator('input[type=file]').setInputFiles([...files, { ...files[0], name: 'telefoon-1-kopie.json' }]);
  const totals = empty.getByTestId('import-totals');
  await expect(totals).toContainText('nieuwe scans: 1');
  await expect(totals).toContainText('scans die er al zijn: 0');
  await expect(totals).toContainText('nieuwe antwoorden: 5');
  await expect(totals).toContainText('al aanwezig (overgeslagen): 0');
  await expect(totals).toContainText('in meer dan één bestand (één keer geteld): 1');
  await empty.getByRole('button', { name: 'Inlezen' }).click();
  await expect(empty.getByRole('link', { name: `Naar ${scan.title}` })).toBeVisible();

  await empty.locator('input[type=file]').setInputFiles({ name: 'handwerk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...exported, version: '1' })) });
  await expect(empty.getByRole('alert')).toContainText('handwerk.json), version: de versie is de tekst "1"; het moet het getal 1 zijn, zonder aanhalingstekens');
  await empty.locator('input[type=file]').setInputFiles({ name: 'lijst.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([exported])) });
  await expect(empty.getByRole('alert')).toContainText('het bestand bevat een lijst (een JSON-array, die begint met [), geen object');
  await empty.context().close();
});

test('a participant hands off answers by QR text; the director reads them in', async ({ page, browser }) => {
  const scanId = await openDemoScan(page);
  await page.goto(`./#/s/${scanId}`);
  await chooseOrganisation(page, 'Gemeente');
  await answerCurrent(page, 'Helemaal eens');
  for (let i = 2; i <= 13; i++) await next(page, i);
  await next(page, null);
  await page.getByRole('button', { name: /Volgende/ }).click();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await page.getByRole('button', { name: 'Mijn antwoorden versturen' }).click();
  await expect(page.getByRole('img', { name: 'QR-code met uw antwoorden' })).toBeVisible();
  await page.getByText('Tekst van de QR-code').click();
  const code = (await page.getByTestId('handoff-text').textContent())!;
  expect(code.startsWith('KS1:')).toBe(true);
  // "Next participant" takes the hand-off away.
  await page.getByRole('button', { name: 'Volgende deelnemer' }).click();
  await expect(page.getByText('Mijn antwoorden versturen')).toHaveCount(0);

  const director = await (await browser.newContext()).newPage();
  await director.goto('./');
  await expect(director.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await director.goto('./#/import');
  await director.getByLabel('Of plak de tekst van een QR-code of een JSON-bestand').fill(code);
  await director.getByRole('button', { name: 'Tekst controleren' }).click();
  await expect(director.getByTestId('import-totals')).toContainText('nieuwe antwoorden: 1');
  await director.getByRole('button', { name: 'Inlezen' }).click();
  await expect(director.getByText(/Toegevoegd: 0 scans en 1 antwoord\./)).toBeVisible();
  await director.goto(`./#/scans/${scanId}`);
  await expect(director.getByRole('row', { name: /Totaal ingevuld 27/ })).toBeVisible();
});

/** Reads the QR code on screen back from its drawn modules, with the decoder the director's camera uses. */
async function readShownQr(page: import('@playwright/test').Page): Promise<{ text: string | null; modules: number; width: number }> {
  const svg = page.locator('.handoff__qr svg');
  const [viewBox, d, box] = await Promise.all([svg.getAttribute('viewBox'), svg.locator('path').getAttribute('d'), svg.boundingBox()]);
  const size = Number(viewBox!.split(' ')[2]);
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const match of d!.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const x0 = Number(match[1]) * scale;
    const y0 = Number(match[2]) * scale;
    for (let y = y0; y < y0 + scale; y++) for (let x = x0; x < x0 + scale; x++) pixels.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  }
  return { text: jsQR(pixels, width, width)?.data ?? null, modules: size - 8, width: box!.width };
}

test('on a phone, answers with comments go out as a few large QR codes that join back into one', async ({ page, browser }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const scanId = await openDemoScan(page);
  await page.goto(`./#/s/${scanId}`);
  await chooseOrganisation(page, 'Gemeente');
  await answerCurrent(page, 'Eens');
  await page.getByText('Toelichting toevoegen (niet verplicht)').click();
  const comment = 'Het casusoverleg loopt stroef: wij horen vaak pas achteraf wat er over een gezin is besloten, en dan is het te laat om bij te sturen.';
  await page.getByLabel('Toelichting bij deze stelling').fill(comment);
  for (let i = 2; i <= 13; i++) await next(page, i);
  await next(page, null);
  await page.getByLabel('Het belangrijkste verbeterpunt is …').fill('Eén aanspreekpunt per gezin, ook ’s avonds bereikbaar.');
  await page.getByRole('button', { name: /Volgende/ }).click();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await page.getByRole('button', { name: 'Mijn antwoorden versturen' }).click();
  await expect(page.getByText(/Uw antwoorden passen in \d QR-codes/)).toBeVisible();

  let held: HandoffParts | null = null;
  let whole: string | null = null;
  const total = Number((await page.getByText(/^Code 1 van \d$/).textContent())!.slice(-1));
  expect(total).toBeGreaterThan(1);
  for (let k = 1; k <= total; k++) {
    await expect(page.getByText(`Code ${k} van ${total}`, { exact: true })).toBeVisible();
    const shown = await readShownQr(page);
    // Version 11 or lower (61 modules), drawn nearly across the phone: about 5 px a module.
    expect(shown.modules).toBeLessThanOrEqual(61);
    expect(shown.width / (shown.modules + 8)).toBeGreaterThanOrEqual(4.5);
    const result = addHandoffPart(held, shown.text!);
    if (result.kind === 'complete') whole = result.text;
    else if (result.kind === 'partial') held = result.parts;
    else throw new Error(`part ${k} does not read`);
    if (k < total) await page.getByRole('button', { name: /Volgende code/ }).click();
  }
  await expect(page.getByRole('button', { name: /Volgende code/ })).toBeDisabled();
  await page.screenshot({ path: 'artifacts/handoff-parts-phone.png', fullPage: true });
  // The joined parts are the code itself: the same text the participant can show in full.
  await page.getByText('Tekst van de QR-code').click();
  expect(whole).toBe(await page.getByTestId('handoff-text').textContent());

  const director = await (await browser.newContext()).newPage();
  await director.goto('./');
  await expect(director.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await director.goto('./#/import');
  await director.getByLabel('Of plak de tekst van een QR-code of een JSON-bestand').fill(whole!);
  await director.getByRole('button', { name: 'Tekst controleren' }).click();
  await expect(director.getByTestId('import-totals')).toContainText('nieuwe antwoorden: 1');
  await director.context().close();
});

test('the report prints to an A4 PDF with every view, its table and the questionnaire', async ({ page }) => {
  const scanId = await openDemoScan(page);
  await page.goto(`./#/scans/${scanId}/report`);
  await expect(page.locator('.report__view')).toHaveCount(8);
  await expect(page.locator('.report__view svg[role="img"]')).toHaveCount(7);
  await expect(page.locator('.report__view .report__table table').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'De vragenlijst' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' })).toBeHidden();
  // No heading may end a printed page: each one keeps to what follows (the questionnaire's
  // heading, last on the page after the last table, once stood alone), and no chart is taller
  // than an A4 page leaves under its heading.
  const headings = await page.locator('.report h1, .report h2, .report h3').evaluateAll((els) => els.map((el) => `${el.textContent}: ${getComputedStyle(el).breakAfter}`));
  expect(headings.length).toBeGreaterThanOrEqual(10);
  for (const heading of headings) expect(heading).toMatch(/: avoid$/);
  const intros = await page.locator('.report__view > h2 + .hint').evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
  expect(intros).toEqual(Array(8).fill('avoid'));
  const tallest = await page.locator('.report svg[role="img"]').evaluateAll((els) => Math.max(...els.map((el) => el.getBoundingClientRect().height)));
  expect(tallest).toBeLessThanOrEqual((22 / 2.54) * 96 + 1);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: 'artifacts/report.pdf' });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(8);
});

test('several chosen scans are exported together in one file', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Nieuwe scan' }).click();
  await page.getByLabel('Titel').fill('Tweede workshop');
  await page.getByRole('button', { name: 'Scan aanmaken' }).click();
  await page.goto('./');
  await page.getByRole('checkbox', { name: /Tweede workshop/ }).check();
  await page.getByRole('checkbox', { name: /Demo — Workshop/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteer de gekozen scans (2)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ketenscan-2-scans-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(file.scans.map((s: { title: string }) => s.title).sort()).toEqual(['Demo — Workshop ketensamenwerking gezinnen', 'Tweede workshop']);
});
