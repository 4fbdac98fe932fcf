import { expect, type Page } from '@playwright/test';

// The presenter's slides in the browser tests: readable on the projector, reached by the keyboard.

/** Presses R until the results show: the presenter listens to its keys once it has mounted. */
export async function pressRevealUntilShown(page: Page) {
  const title = page.locator('#slide-title');
  await expect(async () => {
    await page.keyboard.press('r');
    await expect(title).not.toHaveText('Ingevulde scans', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Opens a scan's presenter and reveals the results. */
export async function openPresenterRevealed(page: Page, scanId: string) {
  await page.goto(`./#/scans/${scanId}/present`);
  await expect(page.locator('#slide-title')).toHaveText('Ingevulde scans');
  await pressRevealUntilShown(page);
}

/** The smallest text on the slide in logical pixels, and whether its body overflows. */
export async function measureSlide(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="slide-canvas"]')!;
    let smallest = Infinity;
    for (const el of canvas.querySelectorAll('*')) {
      if (el.closest('.visually-hidden')) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (own && el.getBoundingClientRect().width > 0) smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
    }
    const body = canvas.querySelector<HTMLElement>('.slide__body')!;
    return { smallest, overflows: body.scrollHeight > body.clientHeight + 1 || body.scrollWidth > body.clientWidth + 1 };
  });
}

/** No text under 24 px on the stage, nothing overflowing its body; a screenshot to look at. */
export async function expectReadableSlide(page: Page, shot: string) {
  const measured = await measureSlide(page);
  expect(measured.smallest, `smallest text on ${shot}`).toBeGreaterThanOrEqual(24);
  expect(measured.overflows, `${shot} overflows`).toBe(false);
  await page.screenshot({ path: `artifacts/screenshots/${shot}.png` });
}

/** Presses → until the slide's title matches, at most `max` times. */
export async function arrowTo(page: Page, title: RegExp | string, max = 60) {
  const heading = page.locator('#slide-title');
  for (let i = 0; i < max; i++) {
    const text = (await heading.innerText()).trim();
    if (typeof title === 'string' ? text === title : title.test(text)) return;
    await page.keyboard.press('ArrowRight');
    await expect(heading).not.toHaveText(text);
  }
  throw new Error(`no slide ${String(title)} within ${max} slides`);
}
