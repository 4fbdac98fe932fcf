import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { answerCurrent, DUTCH_SCALE, next } from './helpers';

// What the live specs share: a phone-sized context, answering a whole questionnaire, and a
// program (`npm run relay`, `npm run room`) started in its own process group and stopped as
// Ctrl-C would.

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Starts `npx tsx <script>` and resolves once its output contains `ready`. */
export async function startProgram(script: string, env: Record<string, string>, ready: string, label: string): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: npx starts tsx, which starts node; stopProgram ends all of them.
    detached: true,
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${label}] ${chunk.toString()}`));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not start within 30 s`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      process.stdout.write(`[${label}] ${text}`);
      if (text.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`${label} exited with ${code}`)));
  });
  return child;
}

/** The relay port of a spec: next to the app's own port (E2E_PORT + 1). */
export const RELAY_PORT = Number(process.env.E2E_PORT ?? 4319) + 1;
export const RELAY_URL = `ws://127.0.0.1:${RELAY_PORT}`;

/**
 * Runs a relay on 127.0.0.1 (RELAY_PORT) with a data folder of its own for the whole spec file:
 * started before its first test, stopped (as Ctrl-C) and cleaned up after its last. Call once at
 * the top of a spec.
 */
export function relayForSpec(label: string): void {
  let relay: ChildProcess | null = null;
  let dataDir = '';
  test.beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `ketenscan-${label}-e2e-`));
    relay = await startProgram('relay/src/main.ts', { RELAY_PORT: String(RELAY_PORT), RELAY_HOST: '127.0.0.1', RELAY_DATA_DIR: dataDir }, 'listening', 'relay');
  });
  test.afterAll(async () => {
    await stopProgram(relay);
    rmSync(dataDir, { recursive: true, force: true });
  });
}

/** SIGTERM, as Ctrl-C: the relay stores every open session before it exits. */
export async function stopProgram(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  // npx may exit before the node process it started has stored its sessions: wait for the whole
  // group, so a test that removes the data folder next does not pull it from under a write.
  for (let waited = 0; waited < 10_000 && groupAlive(child.pid!); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** From the questionnaire's welcome screen to the thank-you screen. */
export async function answerAndSubmit(page: Page, organisation: string, beforeSubmit?: () => Promise<void>): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welkom bij de QuickScan' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('radio', { name: organisation, exact: true }).check();
  await page.getByRole('button', { name: 'Beginnen' }).click();
  for (let i = 0; i < 13; i++) {
    await expect(page.getByText(`Stelling ${i + 1} van 13`)).toBeVisible();
    await answerCurrent(page, DUTCH_SCALE[(i + organisation.length) % 5]!);
    await next(page, i + 2 <= 13 ? i + 2 : null);
  }
  await page.getByRole('button', { name: /Volgende/ }).click();
  await beforeSubmit?.();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
}

/** A phone-sized context that opens `url`; `watch` sees the context before its first page. */
export async function openPhone(browser: Browser, url: string, watch?: (context: BrowserContext) => void): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(PHONE);
  watch?.(context);
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

/** What a phone types: a browser adds http:// itself; an https address is shown whole. */
export function typedAddress(address: string): string {
  return /^https?:\/\//.test(address) ? address : `http://${address}`;
}
