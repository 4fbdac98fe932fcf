import type { ComponentType } from 'react';
import { preloadable } from '../preloadable';
import { reloadPage } from './reloadPage';

const rearm = new Set<() => void>();

/** Lets every part whose code failed to load be fetched again by its next render: PagePart's "try again". */
export function retryFailedParts(): void {
  for (const again of rearm) again();
  rearm.clear();
}

/**
 * A part of a director's page whose code comes by `import()`: `preloadable`, so the page can load it
 * ahead (`preload`) and show it without suspending, and after a failed load (a network gone before
 * the service worker has the chunk) fetched again on "try again". React.lazy keeps a rejection for
 * good, so the part then gets a lazy of its own. When that fresh import fails as well, the page is
 * loaded afresh: a browser keeps a module whose fetch failed as failed for the life of the document
 * (Chromium repeats the failure without a request), and only a new document fetches it again
 * (docs/failures-and-storage.md). It lives here, not in `preloadable`, which is on the
 * participant's route.
 */
export function preloadablePart<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  const fresh = (afterRetry: boolean): ReturnType<typeof preloadable<P>> =>
    preloadable(() =>
      load().catch((error: unknown) => {
        if (afterRetry) reloadPage();
        else rearm.add(() => (current = fresh(true)));
        throw error;
      }),
    );
  let current = fresh(false);
  function PreloadablePart(props: P) {
    const Current = current;
    return <Current {...props} />;
  }
  return Object.assign(PreloadablePart, { preload: () => current.preload() });
}

/** Loads a page's parts ahead (its `loadParts`): settles when each has loaded or failed; a failure is left to the part's own boundary. */
export function preloadParts(parts: readonly { preload: () => Promise<unknown> }[]): Promise<unknown> {
  return Promise.allSettled(parts.map((part) => part.preload()));
}
