import { StrictMode, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Workbox } from 'workbox-window';
import { UpdateBanner } from './UpdateBanner';
import './updateBanner.css';
import { useUpdateStore } from './updateStore';

// This module is imported dynamically by main.tsx once the app has rendered, so neither
// workbox-window nor the banner is in what a participant downloads before the first statement.
// How the service worker caches and updates: docs/offline-and-security.md.

/** The parts of workbox-window used here, so tests can pass a stand-in. */
export interface ServiceWorkerControl {
  addEventListener(type: 'waiting', listener: () => void): void;
  register(): Promise<ServiceWorkerRegistration | undefined>;
  update(): Promise<unknown>;
  messageSkipWaiting(): void;
}

/** How often a long-open tab (a director's, a presenter's) asks whether a new version exists. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export async function registerServiceWorker(
  control: ServiceWorkerControl = new Workbox('./sw.js', { scope: './' }),
  container: Pick<ServiceWorkerContainer, 'addEventListener'> = navigator.serviceWorker,
  reload: () => void = () => window.location.reload(),
): Promise<void> {
  let reloadRequested = false;
  // The first install also takes control of the page (clientsClaim); only a change the user
  // asked for may reload it.
  container.addEventListener('controllerchange', () => {
    if (reloadRequested) reload();
  });
  control.addEventListener('waiting', () => {
    useUpdateStore.setState({
      isUpdateWaiting: true,
      applyUpdate: () => {
        reloadRequested = true;
        control.messageSkipWaiting();
      },
    });
  });
  mountUpdateBanner();
  await control.register();
  window.setInterval(() => {
    if (navigator.onLine) void control.update().catch(() => undefined);
  }, UPDATE_CHECK_MS);
}

/** The banner gets its own small root next to the app's, so the app shell does not carry it. */
function mountUpdateBanner(): void {
  const host = document.createElement('div');
  host.className = 'update-banner-host';
  document.body.appendChild(host);
  createRoot(host).render(createElement(StrictMode, null, createElement(UpdateBanner)));
}
