/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkModulesPlugin } from './scripts/chunkModulesPlugin.ts';
import { eagerCommonJsPlugin } from './scripts/eagerCommonJsPlugin.ts';
import { routePreloadPlugin } from './scripts/routePreloadPlugin.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** The test-only TLS key and certificate for `vite preview` (docs/origins.md); none without the variable. */
function previewTls(dir: string | undefined): { key: Buffer; cert: Buffer } | undefined {
  if (!dir) return undefined;
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

// The one colour of the header, the theme-color meta tag, the icons and the installed app's
// splash screen.
const BRAND_COLOUR = '#1d3557';
/** The results page's body and its charts, loaded once the heading is on screen (vite's modulePreload below). */
const RESULTS_BODY_CHUNK = /(^|\/)(ResultsBody|ResultView)-[\w-]+\.js$/;

// A strict Content-Security-Policy for the built app, delivered as a meta tag so it holds on
// any static host (no server headers needed). Why each directive: docs/offline-and-security.md.
// frame-ancestors, report-uri and sandbox are ignored in a meta tag; a host that can set
// headers should add `frame-ancestors 'none'` itself.
// connect-src: a meta tag is fixed at build time and cannot know which relay a director types
// in (or a phone's join link names) for a live session, so WebSockets may go to any host
// (`ws: wss:`), while fetch/XHR/beacons stay same-origin. The app opens a WebSocket only in a
// live session, to the relay the director chose (docs/offline-and-security.md, docs/live-sessions.md).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Adds the CSP meta tag to the built index.html only: the dev server injects inline scripts
 * (React refresh, the Vite client) that this policy would rightly refuse.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'ketenscan-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        // Right after <meta charset>: the policy covers only what the parser meets after it,
        // so it must come before every script and style sheet.
        const charset = /<meta charset="UTF-8" \/>/i;
        if (!charset.test(html)) throw new Error('index.html lost its <meta charset>: the CSP tag has no anchor');
        return html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
      },
    },
  };
}

// `base: './'` keeps every asset URL relative, so the built app runs from any folder
// or static host; routes live in the hash, so no server rewrite rules are needed.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    // Budgets (docs/budgets.md): modules per chunk for `npm run size`, and the opened page's
    // chunks preloaded at low priority from index.html.
    chunkModulesPlugin(),
    routePreloadPlugin(),
    // CommonJS packages compiled while they download, not when the page starts (docs/budgets.md).
    eagerCommonJsPlugin(),
    // Offline and installable: docs/offline-and-security.md. The service worker is registered
    // lazily by src/app/offline/ (injectRegister: false), so registering it adds nothing to
    // what a participant's device downloads before the first statement.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      // The SW would cache the dev server's modules; development runs without it.
      devOptions: { enabled: false },
      includeAssets: ['icons/icon.svg'],
      manifest: {
        id: './',
        name: 'Ketenscan',
        short_name: 'Ketenscan',
        description: 'QuickScan ketensamenwerking: partners vullen in, de ketenregisseur bespreekt de verschillen.',
        lang: 'nl',
        dir: 'ltr',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: BRAND_COLOUR,
        background_color: BRAND_COLOUR,
        icons: [
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Every route's chunk, every style sheet, index.html, the icons and the manifest: the
        // app, once loaded, opens any route with no network at all.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The build manifest is for scripts/check-bundle-size.mjs, not for the browser.
        globIgnores: ['.vite/**'],
        // Routes live in the hash, so every navigation asks for index.html.
        navigateFallback: 'index.html',
        // A new version waits until the user accepts it (registerType 'prompt'); the first
        // install takes control at once, so a reload straight after the first visit already
        // works offline.
        skipWaiting: false,
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        // jsQR (the QR reader on the import page) is ~130 kB; keep the default 2 MiB limit
        // explicit so a larger chunk fails the build instead of silently missing offline.
        maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(version) },
  // Bytes the participant's route need not carry (docs/budgets.md): React 19 has
  // useSyncExternalStore, so wouter's shim for older React is pointed at React's own hook.
  resolve: {
    alias: [{ find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: fileURLToPath(new URL('./src/app/useSyncExternalStore.ts', import.meta.url)) }],
  },
  build: {
    target: 'es2022',
    // Every browser the app supports (es2022) knows <link rel="modulepreload">; no polyfill.
    // The results body and its charts are fetched without a modulepreload link per chunk: each
    // link costs the main thread 0.3-3 ms to insert, a dozen of them one task of 10-15 ms right
    // when the body starts (docs/budgets.md, "Fewer links"). The browser's module loader fetches
    // their static imports itself; their style sheets still load through the helper (vite passes
    // only the scripts here).
    modulePreload: { polyfill: false, resolveDependencies: (filename, deps) => (RESULTS_BODY_CHUNK.test(filename) ? [] : deps) },
    manifest: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The few small modules a participant's device needs to keep and submit answers, one
        // chunk instead of five of 0.2-1.2 KiB, each with its own request and gzip overhead
        // (docs/budgets.md, "Small chunks"). Their dependencies stay where they are.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: 'answerStorage', test: /src[\\/](domain[\\/](ids|resume|draft)|storage[\\/](responseRepository|tallyRepository|phoneJoin))\.ts$/ }],
        },
      },
    },
  },
  server: { port: 5173, strictPort: false },
  preview: {
    port: 4173,
    strictPort: true,
    // The Playwright room projects open the preview at test names mapped to 127.0.0.1: plain http
    // at room.test and https at room-secure.test (docs/origins.md). vite answers 403 to any other
    // Host than localhost and IP addresses unless it is listed here.
    allowedHosts: ['room.test', 'room-secure.test'],
    // PREVIEW_TLS_DIR: serve over https with the key and certificate that
    // scripts/make-test-cert.mjs made there (the room-https project only).
    https: previewTls(process.env.PREVIEW_TLS_DIR),
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/component/**/*.test.tsx', 'tests/component/**/*.test.ts'],
    restoreMocks: true,
  },
});
