/**
 * Calls `done` once `element` is on screen. While the page has not been shown at all yet, that
 * means when the element's frame has been shown, not merely painted: the Element Timing API
 * reports it then, and a browser can take a second to show its first frame (docs/budgets.md,
 * "The heading on screen, the entry and the blocking time"). The element must carry
 * `elementtiming={identifier}` from its first render (the browser registers it when it paints
 * it). Work that starts here (the results body's chunks, its database reads and its analysis)
 * then no longer competes with the heading on its way to the screen.
 *
 * Once the page has been shown (an in-app navigation), and where the API is missing (Firefox,
 * Safari), the next paint is enough: a task queued from an animation frame. Element Timing would
 * not report an element scrolled out of view. In a hidden tab nothing is painted, so it runs at
 * once, and it also runs when the tab is hidden while waiting. `SHOWN_TIMEOUT_MS` is a last
 * resort: the work must start some time. Returns a function that cancels the wait.
 */
export const SHOWN_TIMEOUT_MS = 3000;

/** The part of a PerformanceElementTiming entry this reads (lib.dom has no type for it yet). */
interface ElementTimingEntry extends PerformanceEntry {
  readonly identifier: string;
  readonly element: Element | null;
}

/** True once the page has shown its first contentful frame. */
function pageShown(): boolean {
  return performance.getEntriesByType('paint').some((entry) => entry.name === 'first-contentful-paint');
}

export function whenShown(element: Element, identifier: string, done: () => void): () => void {
  let finished = false;
  let observer: PerformanceObserver | undefined;
  let frame: number | undefined;
  let afterPaint: number | undefined;
  const cleanup = () => {
    observer?.disconnect();
    if (frame !== undefined) cancelAnimationFrame(frame);
    window.clearTimeout(afterPaint);
    window.clearTimeout(timeout);
    document.removeEventListener('visibilitychange', onVisibility);
  };
  const finish = () => {
    if (finished) return;
    finished = true;
    cleanup();
    done();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') finish();
  };
  const timeout = window.setTimeout(finish, SHOWN_TIMEOUT_MS);
  document.addEventListener('visibilitychange', onVisibility);

  if (document.visibilityState === 'hidden') {
    // Queued rather than called here: the caller's effect has not returned its cleanup yet.
    afterPaint = window.setTimeout(finish, 0);
  } else if (!pageShown() && typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('element')) {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as ElementTimingEntry[]) {
        // The same identifier may be buffered from an earlier visit to the page: only this element counts.
        if (entry.identifier === identifier && entry.element === element) finish();
      }
    });
    observer.observe({ type: 'element', buffered: true });
  } else {
    // A timeout queued from an animation frame runs after that frame's paint.
    frame = requestAnimationFrame(() => (afterPaint = window.setTimeout(finish, 0)));
  }
  return () => {
    finished = true;
    cleanup();
  };
}
