// Renders public/icons/icon.svg to the PNG icons the web app manifest names, in headless
// Chromium (Debian's /usr/bin/chromium, as the E2E tests use): one drawing, so the icons
// cannot drift apart. Run `node scripts/make-icons.mjs` after changing the SVG and commit
// the PNGs; the build only copies them.
//
// The maskable icon is the same drawing, slightly shrunk so the bars lie well inside the safe zone (a circle of 80 %
// of the width, https://w3c.github.io/manifest/#icon-masks) on a full-bleed background of the
// icon's own colour, so a launcher's circle or squircle mask never cuts into the bars.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync(new URL('../public/icons/icon.svg', import.meta.url), 'utf8');
const svgUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const BACKGROUND = '#1d3557';

const icons = [
  { file: 'icon-192.png', size: 192, scale: 1, background: null },
  { file: 'icon-512.png', size: 512, scale: 1, background: null },
  { file: 'icon-maskable-512.png', size: 512, scale: 0.9, background: BACKGROUND },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const { file, size, scale, background } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const inner = Math.round(size * scale);
    const offset = Math.round((size - inner) / 2);
    await page.setContent(
      `<html><body style="margin:0;background:${background ?? 'transparent'}">` +
        `<img src="${svgUrl}" width="${inner}" height="${inner}" style="position:absolute;left:${offset}px;top:${offset}px"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: new URL(`../public/icons/${file}`, import.meta.url).pathname, omitBackground: background === null });
    await page.close();
    console.log(`public/icons/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
