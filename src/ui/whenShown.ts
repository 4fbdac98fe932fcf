/**
 * Calls `done` once `element` is on screen: not when the browser has painted it into a frame, but
 * when that frame has been shown, which is when the Element Timing API reports the element. The
 * element must carry `elementtiming={identifier}` from its first render (the browser registers it
 * when it paints it). Work that starts here (the results body's chunks, its database reads and
 * its analysis) no longer competes with the heading on the way to the screen, even when the
 * browser is slow to show a painted frame (docs/budgets.md, "The body after the heading").
 *
 * Where the API is missing (Firefox, Safari): after the next paint, a task queued from an
 * animation frame. In a hidden tab nothing is painted, so it runs at once, and it also runs when
 * the tab is hidden while waiting. `SHOWN_TIMEOUT_MS` is a last resort for a browser that never
 * reports: the work must start some time. Returns a function that cancels the wait.
 */
export const SHOWN_TIMEOUT_MS = 3000;

/** The part of a PerformanceElementTiming entry this reads (lib.dom has no type for it yet). */
interface ElementTimingEntry extends PerformanceEntry {
  readonly identifier: string;
  readonly element: Element | null;
}

export function whenShown(element: Element, identifier: string, done: () => void): () => void {
  let finished = false;
  let observer: PerformanceObserver | undefined;
  let frame: number | undefined;
  let afterPaint: number | undefined;
  let timeout: number | undefined;
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
  timeout = window.setTimeout(finish, SHOWN_TIMEOUT_MS);
  document.addEventListener('visibilitychange', onVisibility);

  if (document.visibilityState === 'hidden') {
    // Queued rather than called here: the caller's effect has not returned its cleanup yet.
    afterPaint = window.setTimeout(finish, 0);
  } else if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('element')) {
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
