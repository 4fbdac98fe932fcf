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
