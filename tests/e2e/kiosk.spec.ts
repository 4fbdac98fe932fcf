import { expect, test, type Page } from '@playwright/test';
import { answerAllAndReview, answerCurrent, chooseOrganisation, leaveParticipantMode, next, openDemoScan, startAnswering } from './helpers';

// One shared device passed round the table: every participant starts clean, and nothing of
// anyone before them is on screen, in history, in memory or in session storage.

const RESUME_PROMPT = 'Er staat een onafgemaakte scan op dit apparaat';
const WELCOME = 'Welkom bij de QuickScan';

async function answerFive(page: Page): Promise<void> {
  await chooseOrganisation(page, 'Gemeente');
  for (const [i, label] of ['Oneens', 'Eens', 'Neutraal', 'Helemaal eens', 'Oneens'].entries()) {
    await answerCurrent(page, label);
    await next(page, i + 2);
  }
}

async function expectBlankWelcome(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: WELCOME })).toBeVisible();
  await expect(page.getByRole('heading', { name: RESUME_PROMPT })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Gemeente', exact: true })).not.toBeChecked();
}

async function openDirectorPage(page: Page, scanId: string): Promise<void> {
  await page.goto(`./#/scans/${scanId}`);
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Workshop/ })).toBeVisible();
}

test('A leaves half-way, B within the idle window starts afresh, C sees no prompt; the director discards A', async ({ context }) => {
  const a = await context.newPage();
  const scanId = await startAnswering(a);
  await answerFive(a);
  await a.close();

  const b = await context.newPage();
  await b.goto(`./#/s/${scanId}`);
  await expect(b.getByRole('heading', { name: RESUME_PROMPT })).toBeVisible();
  // Nothing of A's answers before the choice: only how far A got.
  await expect(b.getByText(/5 van 13 stellingen beantwoord/)).toBeVisible();
  await expect(b.getByRole('radio')).toHaveCount(0);
  await expect(b.getByText('Gemeente')).toHaveCount(0);
  // "I am a new participant" is the first choice in focus order after the heading.
  await b.keyboard.press('Tab');
  await expect(b.getByRole('button', { name: 'Ik ben een nieuwe deelnemer' })).toBeFocused();
  await b.keyboard.press('Enter');
  await expectBlankWelcome(b);
  await chooseOrganisation(b, 'Politie');
  await answerAllAndReview(b);
  await b.getByRole('button', { name: 'Versturen' }).click();
  await b.getByRole('button', { name: 'Volgende deelnemer' }).click();

  // C on the same tab, and C on a fresh tab: no prompt, A is never offered again.
  await expectBlankWelcome(b);
  const c = await context.newPage();
  await c.goto(`./#/s/${scanId}`);
  await expectBlankWelcome(c);

  const director = await context.newPage();
  await openDirectorPage(director, scanId);
  const list = director.getByRole('table', { name: /Onafgemaakte vragenlijsten/ });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText('5 van 13');
  await expect(list).toContainText('Geparkeerd');
  await expect(list).not.toContainText('Gemeente');
  director.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('5 van 13');
    void dialog.accept();
  });
  await list.getByRole('button', { name: /Onafgemaakte vragenlijst van .* weggooien/ }).click();
  await expect(director.getByRole('status').filter({ hasText: 'De onafgemaakte vragenlijst is weggegooid.' })).toBeVisible();
  await expect(director.getByRole('table', { name: /Onafgemaakte vragenlijsten/ })).toHaveCount(0);
});

test('after the idle window nobody is asked: the unfinished questionnaire is parked for the director', async ({ context }) => {
  await context.clock.install();
  const a = await context.newPage();
  const scanId = await startAnswering(a);
  await answerFive(a);
  await a.close();
  await context.clock.fastForward('21:00');

  const b = await context.newPage();
  await b.goto(`./#/s/${scanId}`);
  await expectBlankWelcome(b);

  const director = await context.newPage();
  await openDirectorPage(director, scanId);
  const list = director.getByRole('table', { name: /Onafgemaakte vragenlijsten/ });
  await expect(list).toContainText('5 van 13');
  await expect(list).toContainText('Geparkeerd');
});

test('a questionnaire left open and untouched past the idle window is parked and the screen starts afresh', async ({ context }) => {
  await context.clock.install();
  const page = await context.newPage();
  const scanId = await startAnswering(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('radio', { name: 'Gemeente', exact: true }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('radio', { name: 'Disagree', exact: true }).check();
  await context.clock.fastForward('19:00');
  await expect(page.getByRole('radio', { name: 'Disagree', exact: true })).toBeChecked();
  await context.clock.fastForward('02:00');
  await expectBlankWelcome(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  const director = await context.newPage();
  await openDirectorPage(director, scanId);
  await expect(director.getByRole('table', { name: /Onafgemaakte vragenlijsten/ })).toContainText('Geparkeerd');
});

test('every step has its own place in the history: back walks down the steps to the welcome screen and stays there', async ({ page }) => {
  const scanId = await startAnswering(page);
  await chooseOrganisation(page, 'Veiligheidshuis');
  await answerAllAndReview(page);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Tot slot' })).toBeVisible();
  for (let i = 13; i >= 1; i--) {
    await page.goBack();
    await expect(page.getByText(`Stelling ${i} van 13`)).toBeVisible();
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
  }
  await page.goBack();
  await expect(page.getByRole('heading', { name: WELCOME })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Veiligheidshuis', exact: true })).toBeChecked();
  for (let i = 1; i <= 2; i++) {
    await page.goForward();
    await expect(page.getByText(`Stelling ${i} van 13`)).toBeVisible();
  }
  await page.goBack();
  await page.goBack();
  // Below the first screen is the room's floor: back stays on the welcome screen.
  for (let i = 0; i < 3; i++) {
    await page.goBack().catch(() => undefined);
    await expect(page.getByRole('heading', { name: WELCOME })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/s/${scanId}$`));
  }
});

test('back and forward stay inside the questionnaire, and back from the thanks screen shows nobody\'s answers', async ({ page }) => {
  const scanId = await openDemoScan(page);
  await page.getByRole('link', { name: 'Invullen op dit apparaat' }).click();
  await expect(page.getByRole('heading', { name: WELCOME })).toBeVisible();
  // Back on the welcome screen: it stays, the director's page never shows.
  await page.goBack();
  await expect(page.getByRole('heading', { name: WELCOME })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Scan verwijderen' })).toHaveCount(0);

  await chooseOrganisation(page, 'Jeugdbescherming');
  await answerCurrent(page, 'Eens');
  await next(page, 2);
  await answerCurrent(page, 'Oneens');
  await next(page, 3);
  await page.goBack();
  await expect(page.getByText('Stelling 2 van 13')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Oneens', exact: true })).toBeChecked();
  await page.goBack();
  await expect(page.getByText('Stelling 1 van 13')).toBeVisible();
  await page.goForward();
  await expect(page.getByText('Stelling 2 van 13')).toBeVisible();
  // Step by step: each step back has landed (a heading is on screen) before the next is taken;
  // four quick history steps in a row could overtake the room's own corrections of the address.
  for (let i = 0; i < 4; i++) {
    await page.goBack();
    await expect(page.locator('h1')).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: WELCOME })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/s/${scanId}`));
  await expect(page.getByRole('button', { name: 'Scan verwijderen' })).toHaveCount(0);

  // A typed address of a director's page does not leave the room either.
  await page.goto(`./#/scans/${scanId}/results`);
  await expect(page).toHaveURL(new RegExp(`#/s/${scanId}`));
  await expect(page.getByRole('heading', { name: /Resultaten/ })).toHaveCount(0);

  await page.goForward().catch(() => undefined);
  await page.goto(`./#/s/${scanId}/2`);
  await expect(page.getByText('Stelling 2 van 13')).toBeVisible();
  await next(page, 3);
  for (let i = 3; i <= 13; i++) {
    await answerCurrent(page, 'Neutraal');
    await next(page, i + 1 <= 13 ? i + 1 : null);
  }
  await page.getByLabel('Woord 1').fill('geheimwoord');
  await page.getByRole('button', { name: /Volgende/ }).click();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();

  // Back, as far as it goes: only blank welcome screens of the room.
  for (let i = 0; i < 6; i++) {
    await page.goBack().catch(() => undefined);
    await expect(page).toHaveURL(new RegExp(`#/s/${scanId}`));
    await expect(page.getByText(/Stelling \d+ van 13/)).toHaveCount(0);
    await expect(page.getByText('geheimwoord')).toHaveCount(0);
    await expect(page.getByRole('radio', { checked: true, name: 'Jeugdbescherming' })).toHaveCount(0);
  }
});

test('the hand-off belongs to one person: gone after a reload, after "next participant" and after the idle timeout; the language resets', async ({ page, context }) => {
  await context.clock.install();
  const scanId = await startAnswering(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('radio', { name: 'Parlan', exact: true }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < 13; i++) {
    await page.getByRole('radio', { name: 'Agree', exact: true }).check();
    await page.getByRole('button', { name: /Next/ }).click();
  }
  await page.getByRole('button', { name: /Next/ }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send my answers' })).toBeVisible();

  // A reload ends the hand-off: it lived in this tab's memory only.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send my answers' })).toHaveCount(0);

  // Next participant: Dutch again, blank, and nothing personal left in session storage.
  await page.getByRole('button', { name: 'Next participant' }).click();
  await expect(page.getByRole('heading', { name: WELCOME })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  const session = await page.evaluate(() => Object.fromEntries(Object.entries(sessionStorage)));
  expect(Object.keys(session).sort()).toEqual(['ketenscan-participant-language', 'ketenscan-room']);
  expect(session['ketenscan-room']).toBe(scanId);
  // The device's own language preference was never changed by the participant.
  expect(await page.evaluate(() => localStorage.getItem('ketenscan-language'))).toBeNull();

  // The idle timeout on the thanks screen does the same by itself.
  await chooseOrganisation(page, 'Politie');
  await answerAllAndReview(page);
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('button', { name: 'Mijn antwoorden versturen' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await context.clock.fastForward('01:31');
  await expectBlankWelcome(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByText('Mijn antwoorden versturen')).toHaveCount(0);
});

test('leaving participant mode takes a confirmation and the PIN the director set', async ({ page }) => {
  const scanId = await openDemoScan(page);
  await page.getByLabel('Pincode (4 tot 8 cijfers, niet verplicht)').fill('12');
  await page.getByRole('button', { name: 'Pincode opslaan' }).click();
  await expect(page.getByRole('alert')).toHaveText('Een pincode bestaat uit 4 tot 8 cijfers.');
  await page.getByLabel('Pincode (4 tot 8 cijfers, niet verplicht)').fill('2468');
  await page.getByRole('button', { name: 'Pincode opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De pincode is opgeslagen.' })).toBeVisible();

  await page.getByRole('link', { name: 'Invullen op dit apparaat' }).click();
  await page.getByRole('button', { name: 'Voor de ketenregisseur: deelnamemodus verlaten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deelnamemodus verlaten?' });
  // Staying is the default: Enter or Escape keeps the participant where they are.
  await expect(dialog.getByRole('button', { name: 'Terug naar de vragenlijst' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { name: WELCOME })).toBeVisible();

  await page.getByRole('button', { name: 'Voor de ketenregisseur: deelnamemodus verlaten' }).click();
  await dialog.getByLabel('Pincode van de ketenregisseur').fill('1357');
  await dialog.getByRole('button', { name: 'Verlaten' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Deze pincode klopt niet.');
  await page.keyboard.press('Escape');
  await leaveParticipantMode(page, '2468');
  await expect(page).toHaveURL(new RegExp(`#/scans/${scanId}$`));
  await expect(page.getByRole('button', { name: 'Scan verwijderen' })).toBeVisible();
});

test('on a phone the statement stays in view with its progress line, and there is no keyboard tip', async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await phone.newPage();
  const scanId = await openDemoScan(page);
  await page.goto(`./#/s/${scanId}`);
  await page.getByRole('radio', { name: 'Politie', exact: true }).tap();
  await page.getByRole('button', { name: 'Beginnen' }).tap();
  for (let i = 1; i <= 3; i++) {
    await expect(page.getByText(`Stelling ${i} van 13`)).toBeInViewport();
    await expect(page.locator('.app-header')).toBeInViewport();
    await expect(page.getByText(/pijltjestoetsen/)).toHaveCount(0);
    await page.getByRole('radio', { name: 'Eens', exact: true }).tap();
    await page.getByRole('button', { name: /Volgende/ }).tap();
  }
  await page.screenshot({ path: 'artifacts/screenshots/kiosk-phone-statement.png' });
  await phone.close();
});
