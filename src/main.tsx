import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadRoute } from './app/routes';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
preloadRoute(window.location.hash.replace(/^#/, '').split('?')[0] ?? '/');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Offline support, loaded after the page has loaded so it neither delays nor enlarges what a
// participant downloads first (module scripts always run before the load event). Development
// runs without a service worker: it would cache the dev server's modules.
// docs/offline-and-security.md
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => void import('./app/offline/startOffline').catch(console.warn), { once: true });
}
