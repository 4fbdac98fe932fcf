import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { openDemoScan } from './helpers';
import { putRows, readStore } from './idb';

// Issue 26, items 4 and 5: the participant preview of the editor's unsaved draft (both languages,
// nothing recorded), two versions side by side with each change in words, and the rounds page
// naming a rewording (docs/instrument-and-rounds.md, "Preview as a participant", "Comparing versions").

const REWORDED_SAME = 'We hebben samen één concreet doel voor de aanpak van gezinnen.';
const REWORDED_SAME_EN = 'Together we have one concrete goal for how we work with families.';
const NEW_MEANING = 'Per gezin is er één regisseur met doorzettingsmacht.';
const ADDED = 'Ik weet wie ik moet bellen bij een ketenpartner.';
const STRUCK = 'Er zijn werkbare afspraken over welke informatie';

async function storedCounts(page: Page) {
  const [responses, scans] = await Promise.all([readStore(page, 'responses'), readStore(page, 'scans')]);
  return { responses: responses.length, scans: scans.length };
}

test('the preview shows the unsaved draft in both languages and records nothing; the comparison names every change', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  const before = await storedCounts(page);
  await page.getByRole('link', { name: 'Vragenlijsten bewerken' }).click();
  await page.getByRole('link', { name: /Bewerken vanuit deze versie\s*: QuickScan ketensamenwerking — versie 1/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijst bewerken' })).toBeVisible();

  // q01 reworded, same meaning (both languages); q05 reworded with a new meaning; q07 struck; q15 added in Dutch only.
  await page.getByLabel('Stelling 1 (q01) — Nederlands').fill(REWORDED_SAME);
  await page.getByLabel('Stelling 1 (q01) — Engels').fill(REWORDED_SAME_EN);
  await page.getByRole('group', { name: 'Stelling 1 (q01)' }).getByRole('radio', { name: /Nee, dezelfde betekenis/ }).check();
  await page.getByLabel('Stelling 5 (q05) — Nederlands').fill(NEW_MEANING);
  await page.getByRole('group', { name: 'Stelling 5 (q05)' }).getByRole('radio', { name: /Ja, een andere betekenis/ }).check();
  await page.getByRole('button', { name: 'Stelling verwijderen: Stelling 7 (q07)' }).click();
  await page.getByRole('button', { name: 'Stelling toevoegen' }).click();
  await page.getByLabel('Stelling 13 (q15) — Nederlands').fill(ADDED);

  // The preview: the draft as it is now, unsaved.
  const open = page.getByRole('button', { name: 'Voorbeeld als deelnemer' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Voorbeeld als deelnemer' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('preview-banner')).toContainText('nergens bewaard of verstuurd');
  await expect(dialog.getByText('Stelling 1 van 13')).toBeVisible();
  await expect(dialog.getByRole('heading', { name: REWORDED_SAME })).toBeVisible();
  await expect(dialog.getByRole('radiogroup').or(dialog.getByRole('group', { name: REWORDED_SAME }))).toBeVisible();
  await dialog.getByRole('radio', { name: 'Helemaal eens' }).check();
  await expectNoAxeViolations(page, 'the participant preview');
  await page.screenshot({ path: 'test-results/preview-1280.png' });
  await dialog.getByRole('radio', { name: 'Engels' }).check();
  await expect(dialog.getByRole('heading', { name: REWORDED_SAME_EN })).toBeVisible();
  await expect(dialog.getByText('Statement 1 of 13')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: "Don't know / not applicable" })).toBeVisible();
  // The added statement has no English: the participant sees the Dutch, and the preview says so.
  await dialog.getByRole('radio', { name: 'Alle stellingen onder elkaar' }).check();
  await expect(dialog.locator('.statement__heading')).toHaveCount(13);
  await expect(dialog.getByRole('heading', { name: ADDED })).toBeVisible();
  await expect(dialog.getByText('Vertaling ontbreekt — deelnemers zien hier de Nederlandse tekst')).toBeVisible();
  await expect(dialog.getByText(STRUCK)).toHaveCount(0);
  await expectNoAxeViolations(page, 'the participant preview as a list, in English');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();
  // The editor kept its draft, and the preview wrote nothing.
  await expect(page.getByLabel('Stelling 1 (q01) — Nederlands')).toHaveValue(REWORDED_SAME);
  expect(await storedCounts(page)).toEqual(before);

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await open.click();
  await expect(dialog.getByRole('heading', { name: REWORDED_SAME })).toBeVisible();
  await page.screenshot({ path: 'test-results/preview-390.png' });
  await dialog.getByRole('button', { name: 'Voorbeeld sluiten' }).click();
  await expect(open).toBeFocused();
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen als versie 2.' })).toBeVisible();

  // The library: compare version 2 with the version it was made from.
  await page.getByRole('link', { name: 'Alle vragenlijsten' }).first().click();
  await page.getByRole('link', { name: /^Vergelijken\s*: QuickScan ketensamenwerking — versie 2/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versies vergelijken' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Stellingen van versie 1 naast versie 2, één rij per stelling' });
  const row = (id: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: id, exact: true }) });
  await expect(row('q07')).toContainText('geschrapt');
  await expect(row('q07').locator('del')).toContainText(STRUCK);
  await expect(row('q15')).toContainText('nieuw');
  await expect(row('q15').locator('ins')).toHaveText(ADDED);
  await expect(row('q01')).toContainText('anders verwoord, zelfde betekenis');
  await expect(row('q01')).toContainText(REWORDED_SAME);
  await expect(row('q05 → q14')).toContainText('nieuwe betekenis: niet vergeleken');
  await expect(row('q05 → q14').locator('ins')).toHaveText(NEW_MEANING);
  await expect(table.locator('tbody tr')).toHaveCount(14);
  await expect(page.getByRole('region', { name: 'Samenvatting' }).getByRole('listitem')).toHaveText([
    '1 geschrapt',
    '1 nieuw',
    '1 anders verwoord, zelfde betekenis',
    '1 nieuwe betekenis: niet vergeleken',
    '0 verplaatst',
    '10 ongewijzigd',
  ]);
  await expectNoAxeViolations(page, 'the version comparison');
  await page.screenshot({ path: 'test-results/compare-1280.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/compare-390.png' });
  await expectNoAxeViolations(page, 'the version comparison on a phone');
});

test('the rounds page says which statement was reworded with the same meaning, with the earlier wording', async ({ page }) => {
  await openDemoScan(page);
  // Round 2 of the demo ran on a questionnaire in which q02 got clearer words (same number).
  const scans = await readStore<{ id: string; series?: { round: number }; instrument: { items: { id: string; text: { nl: string; en: string } }[] } }>(page, 'scans');
  const second = scans.find((s) => s.series?.round === 2)!;
  const original = second.instrument.items.find((i) => i.id === 'q02')!.text.nl;
  const reworded = { ...second, instrument: { ...second.instrument, items: second.instrument.items.map((i) => (i.id === 'q02' ? { ...i, text: { nl: 'Het doel van de samenwerking is voor iedereen helder.', en: 'The goal of working together is clear to all.' } } : i)) } };
  await putRows(page, 'scans', [reworded]);
  await page.goto(`./#/scans/${second.id}/rounds`);
  await expect(page.getByRole('heading', { level: 1, name: /Verandering tussen rondes: Demo — Vervolgmeting/ })).toBeVisible();
  const notes = page.getByTestId('reworded-note');
  await expect(notes).toHaveCount(1);
  const note = notes.first();
  await expect(page.getByRole('row').filter({ has: note }).getByRole('rowheader')).toContainText('Het doel van de samenwerking is voor iedereen helder.');
  await note.getByText('anders verwoord, zelfde betekenis').click();
  await expect(note.getByText(`Formulering in ronde 1: ${original}`)).toBeVisible();
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/rounds-reworded.png' });
  await expectNoAxeViolations(page, 'the rounds page with a reworded statement');
});
