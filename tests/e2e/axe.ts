import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

// axe-core itself, injected by evaluation: @axe-core/playwright declares Node ≥ 22 and would make
// `npm ci` warn on the Node this project supports, and an evaluated script is not an inline
// <script>, so the app's Content-Security-Policy does not have to be loosened for the test.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}

/** Runs axe on the page as it is now and fails with every violation and where it is. */
export async function expectNoAxeViolations(page: Page, label: string, tags: readonly string[] = WCAG_TAGS): Promise<void> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (runTags) => {
    // Colours caught half-way through a 120 ms transition are not what anyone reads.
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: runTags } });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) }));
  }, [...tags]);
  const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}
