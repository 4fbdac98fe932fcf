import { expect, test, type Page, type Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openDemoScan } from './helpers';

// The results page's first frame comes first (docs/budgets.md, issue 15 point 3): heading, filters,
// tabs and the reserved area show before the responses are read and analysed, and the code that
// only saving an image needs is fetched when an image is saved. The build's own record of which
// module sits in which chunk (dist/.vite/chunk-modules.json) names the files, so the test follows
// the chunk names of every build.
const chunkModules = JSON.parse(readFileSync('dist/.vite/chunk-modules.json', 'utf8')) as Record<string, { modules: { id: string }[] }>;

function chunkOf(moduleId: string): string {
  const found = Object.entries(chunkModules).filter(([, chunk]) => chunk.modules.some((m) => m.id === moduleId));
  if (found.length !== 1) throw new Error(`${moduleId} is in ${found.length} chunks of dist/: build first (npm run build)`);
  return found[0]![0].replace(/^assets\//, '');
}

const BODY_CHUNK = chunkOf('src/features/results/ResultsBody.tsx');
const EXPORT_CHUNK = chunkOf('src/charts/exportImage.ts');

// The service worker precaches every chunk a few seconds after load; its requests would blur what
// the page itself asks for.
test.use({ serviceWorkers: 'block' });

/** Every script file the page requests, by file name. */
function recordScripts(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (name.endsWith('.js')) files.push(name);
  });
  return files;
}

test('the frame shows while the part that reads and analyses the responses is still loading, and nothing moves when it arrives', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  const scanId = await openDemoScan(page);

  // Hold the chunk that reads the responses and runs the analysis until the frame has been checked.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let bodyRequested = false;
  await page.route(`**/assets/${BODY_CHUNK}`, async (route: Route) => {
    bodyRequested = true;
    await held;
    await route.continue();
  });

  await page.goto(`./#/scans/${scanId}/results`);
  await page.reload();
  const heading = page.getByRole('heading', { level: 1, name: /^Resultaten: Demo — Workshop/ });
  const tabs = page.getByRole('navigation', { name: 'Weergaven' });
  await expect(heading).toBeVisible();
  await expect(tabs.getByRole('link', { name: 'Thermometer', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Filters', { exact: true })).toBeVisible();
  await expect(page.locator('.results__body').getByRole('status')).toHaveText('Bezig met laden…');
  // The body is requested once the heading is on screen (src/ui/whenShown.ts), which can be a
  // frame after the heading is in the DOM; it is held, so the frame is checked while it loads.
  await expect.poll(() => bodyRequested).toBe(true);
  // Nothing of the analysis is on screen yet: the frame did not wait for it.
  await expect(page.getByText(/ingevulde scans/)).toHaveCount(0);
  const tabsBefore = await tabs.boundingBox();
  const areaBefore = await page.locator('.results__body').boundingBox();
  expect(areaBefore!.height).toBeGreaterThanOrEqual(300);

  release();
  await expect(page.getByText(/\d+ ingevulde scans/)).toBeVisible();
  await expect(page.locator('.results__view[data-view="thermometer"] svg[role="img"]').first()).toBeVisible();
  expect(await tabs.boundingBox()).toEqual(tabsBefore);
  expect((await page.locator('.results__body').boundingBox())!.y).toBe(areaBefore!.y);
});

test('the image-export code is fetched when an image is saved, not with the results page', async ({ page }) => {
  const scanId = await openDemoScan(page);
  const scripts = recordScripts(page);
  await page.goto(`./#/scans/${scanId}/results`);
  await page.reload();
  await expect(page.locator('.results__view[data-view="thermometer"] svg[role="img"]').first()).toBeVisible();
  await page.getByRole('link', { name: 'Heatmap', exact: true }).click();
  await expect(page.locator('.results__view[data-view="heatmap"] svg[role="img"]').first()).toBeVisible();
  expect(scripts).toContain(BODY_CHUNK);
  expect(scripts).not.toContain(EXPORT_CHUNK);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Opslaan als SVG' }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/\.svg$/);
  expect(scripts).toContain(EXPORT_CHUNK);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
