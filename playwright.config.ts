import { defineConfig } from '@playwright/test';

// End-to-end tests run the production build in Debian's Chromium (Playwright's own browser
// download cannot work on these machines). `npm run build` must have run first; .ci/run does.
// E2E_PORT lets several checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4319);
// The https preview of the room-https project; E2E_PORT + 1 is the live spec's relay.
const HTTPS_PORT = Number(process.env.E2E_HTTPS_PORT ?? PORT + 2);
const TLS_DIR = 'test-tls';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const launchOptions = (extraArgs: string[] = []) => ({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });

// Where the app is served from (docs/origins.md). `loopback` is the suite as it always ran: every
// spec at 127.0.0.1, a secure context. The room projects run the director's and the participant's
// flows again where a workshop may be: plain http at a network name (no secure context) and https
// at a network name. Their spec lists are kept apart so one can grow without the other.
// Every live test runs there too: live.spec.ts against a relay process, liveRoom.spec.ts through
// `npm run room` itself (it needs a room's name, so it does not run on loopback).
const ROOM_FLOWS = ['setup.spec.ts', 'respond.spec.ts', 'scans.spec.ts', 'kiosk.spec.ts', 'origins.spec.ts', 'live.spec.ts', 'liveRoom.spec.ts', 'liveVote.spec.ts', 'phoneSummary.spec.ts'];
export const ROOM_HTTP_SPECS = ROOM_FLOWS.map((spec) => `**/${spec}`);
export const ROOM_HTTPS_SPECS = ROOM_FLOWS.map((spec) => `**/${spec}`);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'nl-NL',
    viewport: { width: 1280, height: 800 },
    launchOptions: launchOptions(),
    trace: 'off',
  },
  projects: [
    { name: 'loopback', testIgnore: ['**/liveRoom.spec.ts'] },
    {
      // Plain http at a name that is not loopback, as `npm run room` serves it: window.isSecureContext is false.
      name: 'room-http',
      testMatch: ROOM_HTTP_SPECS,
      use: { baseURL: `http://room.test:${PORT}/`, launchOptions: launchOptions(['--host-resolver-rules=MAP room.test 127.0.0.1']) },
    },
    {
      // https at a name that is not loopback, with a certificate made for the test run; only this
      // project ignores certificate errors.
      name: 'room-https',
      testMatch: ROOM_HTTPS_SPECS,
      use: {
        baseURL: `https://room-secure.test:${HTTPS_PORT}/`,
        launchOptions: launchOptions(['--host-resolver-rules=MAP room-secure.test 127.0.0.1', '--ignore-certificate-errors']),
      },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The same build over https, for room-https (vite.config.ts reads PREVIEW_TLS_DIR).
      command: `node scripts/make-test-cert.mjs ${TLS_DIR} && npx vite preview --host 127.0.0.1 --port ${HTTPS_PORT} --strictPort`,
      env: { PREVIEW_TLS_DIR: TLS_DIR },
      url: `https://127.0.0.1:${HTTPS_PORT}/`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
