// Vitest setup shared by unit and component tests.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Without vitest globals, Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

// findBy… and waitFor wait up to 1 s by default; on CI's two busy cores a page that reads
// IndexedDB can take longer to show. Waiting longer changes no assertion.
configure({ asyncUtilTimeout: 5000 });

// jsdom lays nothing out and has no scrollIntoView; the browser tests check what scrolling shows
// (the presenter's agreements slide following a new agreement, tests/e2e/agreements.spec.ts).
// Unit tests in the node environment have no Element at all.
if (typeof Element !== 'undefined') Element.prototype.scrollIntoView ??= function scrollIntoView() {};
