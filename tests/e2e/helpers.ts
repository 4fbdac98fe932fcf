import { expect, type Page } from '@playwright/test';
import { pressRevealUntilShown } from './stage';

/** Opens the app, waits for the demo workshop and returns the demo scan's id. */
export async function openDemoScan(page: Page): Promise<string> {
  await page.goto('./');
  const link = page.getByRole('link', { name: /Demo — Workshop/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Workshop/ })).toBeVisible();
  const match = /#\/scans\/([0-9a-f-]{36})/.exec(page.url());
  if (!match?.[1]) throw new Error(`no scan id in ${page.url()}`);
  return match[1];
}

/** Goes from the demo scan's page to the participant's first screen. */
export async function startAnswering(page: Page): Promise<string> {
  const scanId = await openDemoScan(page);
  await page.getByRole('link', { name: 'Invullen op dit apparaat' }).click();
  await expect(page.getByRole('heading', { name: 'Welkom bij de QuickScan' })).toBeVisible();
  return scanId;
}

export async function chooseOrganisation(page: Page, name: string): Promise<void> {
  await page.getByRole('radio', { name, exact: true }).check();
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await expect(page.getByText('Stelling 1 van 13')).toBeVisible();
}

/** The radio group of the statement on screen (its accessible name is the statement). */
export function scale(page: Page) {
  return page.locator('fieldset.statement');
}

export async function answerCurrent(page: Page, label: string): Promise<void> {
  await page.getByRole('radio', { name: label, exact: true }).check();
}

export async function next(page: Page, expectedStatement: number | null): Promise<void> {
  await page.getByRole('button', { name: /Volgende/ }).click();
  if (expectedStatement !== null) await expect(page.getByText(`Stelling ${expectedStatement} van 13`)).toBeVisible();
}

export const DUTCH_SCALE = ['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens'] as const;

/** The director's deliberate way out of the participant's room (confirmation, then the PIN if set). */
export async function leaveParticipantMode(page: Page, pin?: string): Promise<void> {
  await page.getByRole('button', { name: 'Voor de ketenregisseur: deelnamemodus verlaten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deelnamemodus verlaten?' });
  await expect(dialog).toBeVisible();
  if (pin !== undefined) await dialog.getByLabel('Pincode van de ketenregisseur').fill(pin);
  await dialog.getByRole('button', { name: 'Verlaten' }).click();
  await expect(page).toHaveURL(/#\/scans\/[0-9a-f-]{36}$/);
}

/** Answers every statement with the given labels (cycled) from statement 1, then goes to the review. */
export async function answerAllAndReview(page: Page, labels: readonly string[] = DUTCH_SCALE): Promise<void> {
  for (let i = 0; i < 13; i++) {
    await answerCurrent(page, labels[i % labels.length]!);
    await next(page, i + 2 <= 13 ? i + 2 : null);
  }
  await page.getByRole('button', { name: /Volgende/ }).click();
  await expect(page.getByRole('heading', { name: 'Controleer uw antwoorden' })).toBeVisible();
}

/** Opens a scan's presenter, reveals the results and goes to the last slide ("Tot slot"). */
export async function revealAndGoToEnd(page: Page, scanId: string) {
  await page.goto(`./#/scans/${scanId}/present`);
  const title = page.locator('#slide-title');
  await expect(title).not.toHaveText('');
  // The keys are listened to once the presenter has mounted: press until the results show.
  if ((await title.textContent()) === 'Ingevulde scans') await pressRevealUntilShown(page);
  // What people wrote is read after the reveal and adds slides: End again until the last slide stays last.
  await expect(async () => {
    await page.keyboard.press('End');
    await expect(title).toHaveText('Tot slot', { timeout: 1_000 });
    await page.waitForTimeout(700);
    await expect(title).toHaveText('Tot slot', { timeout: 100 });
  }).toPass({ timeout: 20_000 });
}
