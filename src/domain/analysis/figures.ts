// One rounding rule for every figure Ketenscan shows (docs/analysis.md, "Rounding: one number per
// figure"). The domain rounds once, here, and classifies on the rounded value: the band of a mean,
// whether a gap is large, whether a p makes a discussion point or a change certain. The views
// format the same rounded value in the reader's notation (src/charts/format.ts), so a label never
// disagrees with its colour, flag or verdict, and one figure reads the same in every view.

import { EPSILON } from './tolerance';

/** Means, indexes, gaps, changes between rounds, consensus and knob priority: two decimals. */
export const MEAN_DECIMALS = 2;
/** p-values: three decimals; below SMALLEST_SHOWN_P they read "< 0.001". */
export const P_DECIMALS = 3;
export const SMALLEST_SHOWN_P = 0.001;

/**
 * Rounds half away from zero to `decimals` places. Values are quotients of integers (2.675 is
 * 107/40) that floating point stores a hair below the half (267.49999999999997 after × 100);
 * the domain's tolerance, EPSILON on the value, lets them round up as on paper. −0 becomes 0.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const magnitude = Math.floor(Math.abs(value) * factor + 0.5 + EPSILON * factor) / factor;
  return value < 0 && magnitude !== 0 ? -magnitude : magnitude;
}

/** A mean (index, gap, change, consensus, priority) as shown: two decimals. */
export function shownMean(value: number): number;
export function shownMean(value: number | null): number | null;
export function shownMean(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? value : roundHalfAwayFromZero(value, MEAN_DECIMALS);
}

/** A p-value as shown: three decimals, half up (0.0994 → 0.099, 0.0996 → 0.100). */
export function shownP(value: number): number;
export function shownP(value: number | null): number | null;
export function shownP(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? value : roundHalfAwayFromZero(value, P_DECIMALS);
}

/** True when a p reads "< 0.001" rather than a number. */
export function isBelowShownP(value: number): boolean {
  return value < SMALLEST_SHOWN_P;
}

/** A share 0…1 as a whole percentage (0.125 → 13). */
export function shownPercent(share: number): number {
  return roundHalfAwayFromZero(share * 100, 0);
}

/** The evidence rule on the shown p: p < limit as the reader sees it (0.0996 reads 0.100: not below 0.10). */
export function isShownPBelow(p: number | null, limit: number): boolean {
  return p !== null && Number.isFinite(p) && shownP(p) < limit - EPSILON;
}
