import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadRoute } from './app/routes';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const firstRoute = preloadRoute(window.location.hash.replace(/^#/, '').split('?')[0] ?? '/');
// A transition: React builds the first screen in slices of a few milliseconds instead of one
// long task, so the static header stays on screen and the page answers input meanwhile
// (docs/budgets.md).
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <App firstRoute={firstRoute} />
    </StrictMode>,
  ),
);

// Offline support, started a few seconds after the page has loaded and the main thread is idle:
// installing the service worker downloads every route's code (about 1 MB), which on a phone in a
// room with poor Wi-Fi must not compete with the chunks and the database work of the first
// screen. Development runs without a service worker: it would cache the dev server's modules.
// docs/offline-and-security.md
// On plain http at a network name (`npm run room`) the browser has no service worker at all: the
// app then needs the network to open, and the director's list of scans says so (docs/origins.md).
const OFFLINE_START_DELAY_MS = 3000;
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const start = () => void import('./app/offline/startOffline').catch(console.warn);
  const whenIdle = () => ('requestIdleCallback' in window ? window.requestIdleCallback(start, { timeout: 5000 }) : start());
  window.addEventListener('load', () => window.setTimeout(whenIdle, OFFLINE_START_DELAY_MS), { once: true });
}
