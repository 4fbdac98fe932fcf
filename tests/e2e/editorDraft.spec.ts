import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

// Issue 26, item 3 and the reordering of item 4: the editor keeps its drafts as they are typed,
// asks before leaving with changes, undoes and redoes steps, and moves a statement to any position
// by keyboard or by dragging, announced (docs/instrument-and-rounds.md, "Edit without fear").

const EDIT_LINK = /Bewerken vanuit deze versie\s*: QuickScan ketensamenwerking — versie 1/;

async function openEditor(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await page.getByRole('link', { name: 'Vragenlijsten bewerken' }).click();
  await page.getByRole('link', { name: EDIT_LINK }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijst bewerken' })).toBeVisible();
}

const statementIds = (page: Page) => page.locator('[data-statement-key]').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.statementId));
const announcement = (page: Page) => page.getByTestId('editor-announcement');

test('a draft survives a reload, and the page says it was restored', async ({ page }) => {
  await openEditor(page);
  const field = page.getByLabel('Stelling 2 (q02) — Nederlands');
  const original = await field.inputValue();
  await field.fill('Een zin die nog niet is opgeslagen.');
  await page.getByLabel('Naam van deze versie').fill('Najaar 2027');
  await expect(page.getByText(/Concept bewaard op dit apparaat/)).toBeVisible();

  // Reloading with changes gets the browser's own question; the test answers "leave".
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(asked).toEqual(['beforeunload']);
  await expect(page.getByText(/Uw niet-opgeslagen wijzigingen van .+ zijn teruggezet\./)).toBeVisible();
  await expect(page.getByLabel('Stelling 2 (q02) — Nederlands')).toHaveValue('Een zin die nog niet is opgeslagen.');
  await expect(page.getByLabel('Naam van deze versie')).toHaveValue('Najaar 2027');
  await page.screenshot({ path: 'test-results/editor-draft-restored.png' });

  // Weggooien starts again from the saved version, and a reload has nothing to restore.
  await page.getByRole('button', { name: 'Weggooien' }).click();
  await expect(page.getByLabel('Stelling 2 (q02) — Nederlands')).toHaveValue(original);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijst bewerken' })).toBeVisible();
  await expect(page.getByLabel('Stelling 2 (q02) — Nederlands')).toHaveValue(original);
  await expect(page.getByText(/zijn teruggezet/)).toHaveCount(0);
  expect(asked).toEqual(['beforeunload']);
});

test('leaving with changes asks first, by the back link and by the browser Back; axe finds nothing in the dialog', async ({ page }) => {
  await openEditor(page);
  const editorUrl = page.url();
  // Without changes nobody is asked.
  await page.getByRole('link', { name: '← Alle vragenlijsten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijsten' })).toBeVisible();
  await page.getByRole('link', { name: EDIT_LINK }).click();

  await page.getByLabel('Stelling 1 (q01) — Engels').fill('Changed, not saved.');
  await page.getByRole('link', { name: '← Alle vragenlijsten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Wijzigingen nog niet opgeslagen' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Blijven' })).toBeFocused();
  await expect(dialog).toContainText('blijven de wijzigingen op dit apparaat bewaard als concept');
  expect(page.url()).toBe(editorUrl);
  await expectNoAxeViolations(page, 'questionnaire editor with the leave dialog open');
  await page.screenshot({ path: 'test-results/editor-leave-dialog.png' });
  // Focus stays in the modal dialog; Escape stays in the editor.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Verlaten, concept bewaren' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel('Stelling 1 (q01) — Engels')).toHaveValue('Changed, not saved.');

  // The browser's Back asks too, and staying keeps the editor and its address.
  await page.goBack();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Blijven' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijst bewerken' })).toBeVisible();
  expect(page.url()).toBe(editorUrl);

  // Leaving keeps the draft: back in the editor it is restored.
  await page.goBack();
  await dialog.getByRole('button', { name: 'Verlaten, concept bewaren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijsten' })).toBeVisible();
  await page.getByRole('link', { name: EDIT_LINK }).click();
  await expect(page.getByText(/zijn teruggezet/)).toBeVisible();
  await expect(page.getByLabel('Stelling 1 (q01) — Engels')).toHaveValue('Changed, not saved.');
});

test('undo and redo take back and redo two steps, by button and by keyboard, announced', async ({ page }) => {
  await openEditor(page);
  const undo = page.getByRole('button', { name: 'Ongedaan maken' });
  const redo = page.getByRole('button', { name: 'Opnieuw' });
  await expect(undo).toBeDisabled();
  const text = page.getByLabel('Stelling 3 (q03) — Nederlands');
  const original = await text.inputValue();
  await text.fill('Stap één.');
  await page.getByRole('button', { name: 'Stelling verwijderen: Stelling 13 (q13)' }).click();
  await expect(page.locator('[data-statement-id="q13"]')).toHaveCount(0);

  await undo.click();
  await expect(page.locator('[data-statement-id="q13"]')).toHaveCount(1);
  await expect(announcement(page)).toHaveText(/Ongedaan gemaakt: stelling q13 verwijderd\./);
  // The keyboard, with focus on a button (not in a text field).
  await page.keyboard.press('Control+z');
  await expect(text).toHaveValue(original);
  await expect(announcement(page)).toHaveText(/Ongedaan gemaakt: tekst van stelling q03 gewijzigd\./);
  await expect(undo).toBeDisabled();

  await redo.focus();
  await page.keyboard.press('Control+Shift+z');
  await expect(text).toHaveValue('Stap één.');
  await page.keyboard.press('Control+y');
  await expect(page.locator('[data-statement-id="q13"]')).toHaveCount(0);
  await expect(announcement(page)).toHaveText(/Opnieuw gedaan: stelling q13 verwijderd\./);
  await expect(redo).toBeDisabled();
});

test('statement 13 moves to position 1 by keyboard in one action, announced, with focus on it; dragging moves too', async ({ page }) => {
  await openEditor(page);
  const select = page.getByRole('combobox', { name: 'Verplaats naar positie: Stelling 13 (q13)' });
  await select.focus();
  await page.keyboard.press('Home');
  await expect(select).toHaveValue('1');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Verplaatsen: Stelling 13 (q13)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(announcement(page)).toHaveText(/Stelling q13 staat nu op positie 1 van 13/);
  expect((await statementIds(page)).slice(0, 3)).toEqual(['q13', 'q01', 'q02']);
  const focusedIn = await page.evaluate(() => (document.activeElement?.closest('[data-statement-id]') as HTMLElement | null)?.dataset.statementId);
  expect(focusedIn).toBe('q13');
  await page.screenshot({ path: 'test-results/editor-moved.png' });

  // Drag q03 by its handle onto the upper half of q02: it lands before q02, as a mouse would (Playwright sends the dragover with the drop).
  await page.locator('[data-statement-id="q02"]').evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 200));
  const from = (await page.locator('[data-statement-id="q03"] .instrument-editor__drag').boundingBox())!;
  const onto = (await page.locator('[data-statement-id="q02"]').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5, { steps: 5 });
  await page.mouse.move(onto.x + onto.width / 2, onto.y + onto.height * 0.25, { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => (await statementIds(page)).slice(0, 5)).toEqual(['q13', 'q01', 'q03', 'q02', 'q04']);
  await expect(announcement(page)).toHaveText(/Stelling q03 staat nu op positie 3 van 13/);
});

test('the editor reads well on a phone-sized screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openEditor(page);
  await page.getByLabel('Stelling 1 (q01) — Engels').fill('');
  await page.getByRole('button', { name: 'Stelling verwijderen: Stelling 13 (q13)' }).click();
  await page.locator('[data-statement-id="q01"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/editor-phone.png' });
  await expectNoAxeViolations(page, 'questionnaire editor on a phone');
  await page.getByRole('link', { name: '← Alle vragenlijsten' }).click();
  await expect(page.getByRole('dialog', { name: 'Wijzigingen nog niet opgeslagen' })).toBeVisible();
  await page.screenshot({ path: 'test-results/editor-leave-dialog-phone.png' });
});
