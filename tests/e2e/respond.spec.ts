import { expect, test } from '@playwright/test';
import { DEFAULT_INSTRUMENT } from '../../src/domain/instrument/defaultInstrument';
import { answerCurrent, chooseOrganisation, DUTCH_SCALE, next, scale, startAnswering } from './helpers';

const items = DEFAULT_INSTRUMENT.items;

test('answers survive a reload and the participant resumes at the next statement', async ({ page }) => {
  await startAnswering(page);
  await chooseOrganisation(page, 'Gemeente');
  const given = ['Helemaal oneens', 'Oneens', 'Eens', 'Helemaal eens', 'Weet niet / niet van toepassing'];
  for (let i = 0; i < 5; i++) {
    await answerCurrent(page, given[i]!);
    await next(page, i + 2);
  }
  await page.reload();
  await expect(page.getByText('Stelling 6 van 13')).toBeVisible();
  await expect(scale(page)).toHaveAccessibleName(items[5]!.text.nl);
  // Walk back over the five answers: each is still checked.
  for (let i = 4; i >= 0; i--) {
    await page.getByRole('button', { name: /Vorige/ }).click();
    await expect(page.getByText(`Stelling ${i + 1} van 13`)).toBeVisible();
    await expect(page.getByRole('radio', { name: given[i]!, exact: true })).toBeChecked();
  }
});

test('after submitting, the next participant starts blank and cannot go back to the answers', async ({ page }) => {
  const scanId = await startAnswering(page);
  await chooseOrganisation(page, 'Politie');
  for (let i = 0; i < items.length; i++) {
    await answerCurrent(page, DUTCH_SCALE[i % 5]!);
    await next(page, i + 2 <= items.length ? i + 2 : null);
  }
  await page.getByLabel('Woord 1').fill('vertrouwen');
  await page.getByRole('button', { name: /Volgende/ }).click();
  await expect(page.getByRole('heading', { name: 'Controleer uw antwoorden' })).toBeVisible();
  await expect(page.getByText('U hebt alle stellingen beantwoord.')).toBeVisible();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
  // The thank-you screen shows nothing of the answers.
  await expect(page.getByText('vertrouwen')).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(0);

  await page.getByRole('button', { name: 'Volgende deelnemer' }).click();
  await expect(page.getByRole('heading', { name: 'Welkom bij de QuickScan' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Politie', exact: true })).not.toBeChecked();

  // Back as far as history goes: never a statement, a review or an answer of the previous participant.
  for (let i = 0; i < 4; i++) {
    await page.goBack().catch(() => undefined);
    await expect(page.getByText(/Stelling \d+ van 13/)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Controleer uw antwoorden' })).toHaveCount(0);
    await expect(page.getByText('vertrouwen')).toHaveCount(0);
  }
  // And the participant route itself starts blank.
  await page.goto(`./#/s/${scanId}`);
  await expect(page.getByRole('heading', { name: 'Welkom bij de QuickScan' })).toBeVisible();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(1); // only "rather not say" for level
  await expect(page.getByRole('radio', { name: 'Zeg ik liever niet' })).toBeChecked();
});

test('the whole scan can be completed with the keyboard alone', async ({ page }) => {
  const scanId = await startAnswering(page);
  // Start over from the participant URL so no mouse action precedes the keyboard walk.
  await page.goto(`./#/s/${scanId}`);
  await expect(page.getByRole('heading', { name: 'Welkom bij de QuickScan' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Politie', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // moves to and selects the second organisation
  await expect(page.getByRole('radio', { name: 'Openbaar Ministerie', exact: true })).toBeChecked();
  await page.keyboard.press('Enter');
  for (let i = 0; i < items.length; i++) {
    await expect(page.getByText(`Stelling ${i + 1} van 13`)).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Helemaal oneens', exact: true })).toBeFocused();
    // ArrowRight from the first option selects "Oneens"; three more reach "Helemaal eens".
    const presses = (i % 4) + 1;
    for (let p = 0; p < presses; p++) await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: DUTCH_SCALE[presses]!, exact: true })).toBeChecked();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: 'Tot slot' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Woord 1')).toBeFocused();
  await page.keyboard.type('samen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Controleer uw antwoorden' })).toBeFocused();
  await expect(page.getByText('U hebt alle stellingen beantwoord.')).toBeVisible();
  // Tab to the submit button; every control on the way is reachable.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByRole('button', { name: 'Versturen' }).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByRole('button', { name: 'Versturen' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Focus moves to the thanks, so a screen reader says the answers were sent.
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeFocused();
});

test('a change from the review leads back to the review, not on through the later steps', async ({ page }) => {
  await startAnswering(page);
  await chooseOrganisation(page, 'Politie');
  for (let i = 0; i < items.length; i++) {
    await answerCurrent(page, DUTCH_SCALE[i % 5]!);
    await next(page, i + 2 <= items.length ? i + 2 : null);
  }
  await page.getByLabel('Woord 1').fill('samen');
  await page.getByRole('button', { name: /Volgende/ }).click();
  const review = page.getByRole('heading', { name: 'Controleer uw antwoorden' });
  await expect(review).toBeFocused();

  // A statement: its forward button says where it goes, and goes there.
  await page.getByRole('button', { name: 'Wijzig antwoord op stelling 3' }).click();
  await expect(page.getByText('Stelling 3 van 13')).toBeVisible();
  await answerCurrent(page, 'Helemaal oneens');
  await page.getByRole('button', { name: /Terug naar het overzicht/ }).click();
  await expect(review).toBeFocused();
  await expect(page.locator('.review-item').nth(2)).toContainText('1 · Helemaal oneens');

  // The organisation and the three words the same way.
  await page.getByRole('button', { name: 'Wijzig', exact: true }).first().click();
  await page.getByRole('radio', { name: 'Gemeente', exact: true }).check();
  await page.getByRole('button', { name: /Terug naar het overzicht/ }).click();
  await expect(review).toBeFocused();
  await expect(page.locator('.review-meta').first()).toContainText('Gemeente');
  await page.getByRole('button', { name: 'Wijzig drie woorden' }).click();
  await page.getByLabel('Woord 2').fill('vertrouwen');
  await page.getByRole('button', { name: /Terug naar het overzicht/ }).click();
  await expect(review).toBeFocused();
  await expect(page.getByText('samen, vertrouwen')).toBeVisible();

  // Going back a step during a change walks the steps again: forward is "Volgende" once more.
  await page.getByRole('button', { name: 'Wijzig antwoord op stelling 5' }).click();
  await page.getByRole('button', { name: /Vorige/ }).click();
  await expect(page.getByText('Stelling 4 van 13')).toBeVisible();
  await next(page, 5);
});

test('switching language mid-scan keeps the answers and switches the texts', async ({ page }) => {
  await startAnswering(page);
  await chooseOrganisation(page, 'Parlan');
  await answerCurrent(page, 'Eens');
  await next(page, 2);
  await answerCurrent(page, 'Oneens');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Statement 2 of 13')).toBeVisible();
  await expect(scale(page)).toHaveAccessibleName(items[1]!.text.en);
  await expect(page.getByRole('radio', { name: 'Disagree', exact: true })).toBeChecked();
  await page.getByRole('button', { name: /Previous/ }).click();
  await expect(page.getByRole('radio', { name: 'Agree', exact: true })).toBeChecked();
  await expect(scale(page)).toHaveAccessibleName(items[0]!.text.en);
  // The choice is remembered across a reload.
  await page.reload();
  await expect(page.getByText('Statement 1 of 13')).toBeVisible();
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByText('Stelling 1 van 13')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Eens', exact: true })).toBeChecked();
});

test('a new tab asks before showing an unfinished scan of someone else', async ({ page, context }) => {
  const scanId = await startAnswering(page);
  await chooseOrganisation(page, 'Veiligheidshuis');
  await answerCurrent(page, 'Helemaal eens');
  await next(page, 2);
  const other = await context.newPage();
  await other.goto(`./#/s/${scanId}`);
  await expect(other.getByRole('heading', { name: 'Er staat een onafgemaakte scan op dit apparaat' })).toBeVisible();
  await expect(other.getByText(/1 van 13 stellingen beantwoord/)).toBeVisible();
  await other.getByRole('button', { name: 'Ik ben een nieuwe deelnemer' }).click();
  await expect(other.getByRole('heading', { name: 'Welkom bij de QuickScan' })).toBeVisible();
  await expect(other.getByRole('radio', { name: 'Veiligheidshuis', exact: true })).not.toBeChecked();
});

test('the questionnaire opened from its link does not move while it loads (no layout shift, on a slow phone)', async ({ page, context }) => {
  const scanId = await startAnswering(page);
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { __shifts: number[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // A phone's CPU: the drafts are read while the page already stands, as on a real device.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto('about:blank');
  await page.goto(`./#/s/${scanId}`);
  await expect(page.getByRole('heading', { name: 'Welkom bij de QuickScan' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Voor de ketenregisseur: deelnamemodus verlaten' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)).toEqual([]);
});
