import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';
import { answerCurrent, DUTCH_SCALE, leaveParticipantMode, next } from './helpers';

// The built app under its Content-Security-Policy (docs/offline-and-security.md): the policy is
// in the page, an injected script does not run, nothing the app does trips it, and no request
// leaves for another origin during a whole workshop.

const VIEWS = ['Thermometer', 'Thermostaat', 'Perceptieverschillen', 'Verdeling', 'Heatmap', 'Thermometer × thermostaat', 'Trefwoorden'] as const;

// A fake camera lets the QR reader on the import page open (and load jsQR) without hardware.
test.use({
  launchOptions: {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
  permissions: ['camera'],
});

/** Collects every CSP violation in every page of the context, reloads included. */
async function recordCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('reportCspViolation', (_source, text: string) => {
    violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} on ${location.hash || '/'}`);
    });
  });
  context.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

test('the built page carries the policy, and an injected script, style or eval does not run while the app works', async ({ page, context }) => {
  const violations = await recordCspViolations(context);
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', CONTENT_SECURITY_POLICY);
  // The built index.html has no inline script or style for the policy to forbid.
  const html = readFileSync('dist/index.html', 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style/);
  expect(html).not.toMatch(/\sstyle=/);

  const outcome = await page.evaluate(() => {
    const w = window as unknown as { injectedScriptRan?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.injectedScriptRan = true;';
    document.body.appendChild(script);
    const style = document.createElement('style');
    style.textContent = 'body { display: none !important; }';
    document.head.appendChild(style);
    const handler = document.createElement('div');
    handler.innerHTML = '<img src="x:y" onerror="window.injectedScriptRan = true">';
    document.body.appendChild(handler);
    return { display: getComputedStyle(document.body).display, ran: w.injectedScriptRan === true };
  });
  // eval and new Function: Playwright's own evaluations are exempt from the policy (DevTools
  // allows them), so the attempt runs in a handler of a real click, as a page script would.
  await page.evaluate(() => {
    document.body.addEventListener(
      'click',
      () => {
        const w = window as unknown as { evalOutcome?: string };
        try {
          w.evalOutcome = new Function('return "ran"')() as string;
        } catch (error) {
          w.evalOutcome = error instanceof EvalError ? 'refused' : String(error);
        }
      },
      { once: true },
    );
  });
  await page.mouse.click(5, 400);
  await expect.poll(() => page.evaluate(() => (window as unknown as { evalOutcome?: string }).evalOutcome)).toBe('refused');
  expect(outcome.ran).toBe(false);
  expect(outcome.display).not.toBe('none');
  expect(await page.evaluate(() => (window as unknown as { injectedScriptRan?: boolean }).injectedScriptRan)).toBeUndefined();
  // It was the policy that stopped them.
  expect(violations.some((v) => v.startsWith('script-src-elem blocked inline'))).toBe(true);
  expect(violations.some((v) => v.startsWith('style-src-elem blocked inline'))).toBe(true);
  expect(violations.some((v) => v.startsWith('script-src-attr blocked inline'))).toBe(true);
  expect(violations.some((v) => v.startsWith('script-src blocked eval'))).toBe(true);

  // The app itself still works.
  await page.getByRole('link', { name: /Demo — Workshop/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Workshop/ })).toBeVisible();
});

async function answerWholeScan(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welkom bij de QuickScan' })).toBeVisible();
  await page.getByRole('radio', { name: 'Gemeente', exact: true }).check();
  await page.getByRole('button', { name: 'Beginnen' }).click();
  for (let i = 0; i < 13; i++) {
    await expect(page.getByText(`Stelling ${i + 1} van 13`)).toBeVisible();
    await answerCurrent(page, DUTCH_SCALE[(i + 1) % 5]!);
    await next(page, i + 2 <= 13 ? i + 2 : null);
  }
  await page.getByLabel('Woord 1').fill('<img src=x onerror=alert(1)>');
  await page.getByRole('button', { name: /Volgende/ }).click();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
}

test('a whole workshop trips no CSP directive and sends no request to another origin', async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  const violations = await recordCspViolations(context);
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  let byServiceWorker = 0;
  // Every request Chromium makes for this context: pages, workers and the service worker.
  context.on('request', (request) => {
    requests.push(request.url());
    if (request.serviceWorker()) byServiceWorker += 1;
  });
  // WebSockets are not requests: connect-src allows ws:/wss: for live sessions (issue 12), so a
  // workshop without one must be seen opening none.
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));

  // The director creates a scan and opens its page.
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await page.getByRole('link', { name: 'Nieuwe scan' }).click();
  await page.getByLabel('Titel').fill('Workshop <script>alert(1)</script>');
  await page.getByLabel('Ketenpartners').fill('Politie\nGemeente\nZorg & Veiligheid "Noord"\n');
  await page.getByRole('button', { name: 'Scan aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshop <script>alert(1)</script>' })).toBeVisible();
  const scanId = /#\/scans\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await page.getByRole('button', { name: 'Scan sluiten' }).click();
  await page.getByRole('button', { name: 'Scan heropenen' }).click();

  // A participant answers every statement and submits, then hands the answers off by QR.
  await page.getByRole('link', { name: 'Invullen op dit apparaat' }).click();
  await answerWholeScan(page);
  await page.getByRole('button', { name: 'Mijn antwoorden versturen' }).click();
  await expect(page.getByRole('img', { name: 'QR-code met uw antwoorden' })).toBeVisible();
  await page.getByText('Tekst van de QR-code').click();
  const [handoffFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar als bestand' }).click()]);
  await page.getByRole('button', { name: 'Volgende deelnemer' }).click();
  // The tab is the participant's room until the director leaves it (docs/shared-devices.md).
  await leaveParticipantMode(page);

  // The demo's results, every view, its table, and its chart saved as SVG and PNG.
  await page.goto('./');
  await page.getByRole('link', { name: /Demo — Workshop/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Demo — Workshop/ })).toBeVisible();
  const demoId = /#\/scans\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await page.getByRole('link', { name: 'Resultaten bekijken' }).click();
  for (const view of VIEWS) {
    await page.getByRole('link', { name: view, exact: true }).click();
    await expect(page.locator('.results__view svg[role="img"], .results__view .knob-list, .results__view .keyword-cloud').first()).toBeVisible();
  }
  await page.getByRole('link', { name: 'Heatmap', exact: true }).click();
  await page.getByRole('button', { name: 'Toon als tabel' }).first().click();
  for (const name of ['Opslaan als SVG', 'Opslaan als PNG (1920 × 1080)', 'Opslaan als PNG (2×)']) {
    const [image] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).first().click()]);
    expect((await image.path()) !== null, name).toBe(true);
  }

  // Presenter: reveal and walk the slides; the printable report.
  await page.goto(`./#/scans/${demoId}/present`);
  await expect(page.locator('#slide-title')).toHaveText('Ingevulde scans');
  await page.keyboard.press('r');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('t');
  await page.keyboard.press('Escape');
  await page.goto(`./#/scans/${demoId}/report`);
  await expect(page.locator('.report__view')).toHaveCount(8);

  // Export JSON, then read a file in (the participant's hand-off file) and open the camera reader.
  await page.goto(`./#/scans/${scanId}`);
  await expect(page.getByRole('row', { name: /Totaal ingevuld 1/ })).toBeVisible();
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren als JSON' }).click()]);
  const exported = JSON.parse(readFileSync((await json.path())!, 'utf8'));
  expect(exported.scans[0].title).toBe('Workshop <script>alert(1)</script>');
  await page.goto('./#/import');
  await page.locator('input[type=file]').setInputFiles((await handoffFile.path())!);
  await expect(page.getByTestId('import-totals')).toContainText('al aanwezig (overgeslagen): 1');
  await page.getByRole('button', { name: 'QR-code scannen met de camera' }).click();
  await expect(page.locator('video.qr-scanner__video')).toBeVisible();
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: 'Camera stoppen' }).click();

  // Text from users and files stayed text: no element was made from it.
  expect(await page.evaluate(() => document.querySelectorAll('script:not([src]), style').length)).toBe(0);

  const foreign = requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    return new URL(url).origin !== origin;
  });
  console.log(`requests seen during the workshop: ${requests.length}, of which by the service worker: ${byServiceWorker}; to another origin: ${foreign.length}`);
  expect(requests.length).toBeGreaterThan(20);
  // The service worker's own requests (its precache downloads) are among them.
  expect(byServiceWorker).toBeGreaterThan(20);
  expect(foreign, 'requests to another origin').toEqual([]);
  expect(sockets, 'WebSockets opened without a live session').toEqual([]);
  expect(violations, 'CSP violations').toEqual([]);
});
