import { startTransition, useCallback, useLayoutEffect, useState } from 'react';

/** Width used where nothing can be measured (no ResizeObserver, e.g. jsdom or an old browser). */
export const FALLBACK_CHART_WIDTH = 800;
/** Layouts below this width would squeeze the 1–5 axes to nothing; narrower screens scroll. */
export const MIN_CHART_WIDTH = 320;

export interface ChartWidth<T extends HTMLElement> {
  /** Put on the wrapper element whose width the chart should fill. */
  ref: (element: T | null) => void;
  width: number;
  /**
   * False until the wrapper's width is known (fixed, measured, or no way to measure). Charts draw
   * nothing before that: drawing at the fallback width and again at the real one doubled the
   * work of the results page, in one long task on a phone (docs/budgets.md, Lighthouse).
   */
  isMeasured: boolean;
}

/**
 * The width available to a chart, followed with a ResizeObserver on its wrapper. A `fixedWidth`
 * wins (exports, snapshots, presenter slides of known size); without ResizeObserver the width is
 * `fallback`. Widths are whole pixels, floored, so a chart never pushes its wrapper wider.
 * The first width comes from the observer's first callback, after the browser's own layout, so
 * nothing forces a synchronous layout while React commits.
 */
export function useChartWidth<T extends HTMLElement = HTMLDivElement>(
  fixedWidth?: number,
  fallback: number = FALLBACK_CHART_WIDTH,
): ChartWidth<T> {
  const [element, setElement] = useState<T | null>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  const ref = useCallback((node: T | null) => setElement(node), []);
  const canMeasure = fixedWidth === undefined && typeof ResizeObserver !== 'undefined';

  useLayoutEffect(() => {
    if (!element || !canMeasure) return;
    const observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      // A transition: React draws the chart in slices of a few milliseconds instead of one long
      // task, and a resize never blocks a key press (docs/budgets.md).
      if (width > 0) startTransition(() => setMeasured(width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, canMeasure]);

  const width = fixedWidth ?? measured ?? fallback;
  return { ref, width: Math.max(MIN_CHART_WIDTH, Math.floor(width)), isMeasured: !canMeasure || measured !== null };
}
