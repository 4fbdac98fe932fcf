import { registerServiceWorker } from './registerServiceWorker';

// Imported for its effect by main.tsx after the page has loaded; kept apart from
// registerServiceWorker so the entry chunk holds nothing but the import() call.
registerServiceWorker().catch((error: unknown) => {
  // Without a service worker (blocked by policy, some private windows) the app still works
  // while it is online. Nothing a participant could act on, so it is only logged.
  console.warn('Ketenscan: offline support is unavailable', error);
});
