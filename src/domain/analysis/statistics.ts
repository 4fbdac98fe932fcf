// Figures derived from answer counts. Everything here works on the five counts of one cell
// (how many answered 1, 2, 3, 4, 5), so the cost does not depend on the number of responses.

import type { Band, ScoreCounts } from './types';
import { shownMean } from './figures';
import { isAtLeast } from './tolerance';

export { EPSILON, isAtLeast } from './tolerance';

/** Lower bounds of the bands on the 1–5 scale (docs/analysis.md, "Band"); the only band rule. */
export const BAND_LIMITS = { strong: 4.0, attention: 3.0 } as const;

/**
 * The band of a mean as it is shown (two decimals, src/domain/analysis/figures.ts): 3.996 reads
 * 4.00 and is strong, 2.994 reads 2.99 and is concern, so the colour never contradicts the label
 * (docs/analysis.md, "Rounding: one number per figure").
 */
export function bandOf(mean: number | null): Band | null {
  if (mean === null) return null;
  const shown = shownMean(mean);
  if (isAtLeast(shown, BAND_LIMITS.strong)) return 'strong';
  if (isAtLeast(shown, BAND_LIMITS.attention)) return 'attention';
  return 'concern';
}

export function countValid(counts: ScoreCounts): number {
  return counts[0] + counts[1] + counts[2] + counts[3] + counts[4];
}

function sumScores(counts: ScoreCounts): number {
  return counts[0] + 2 * counts[1] + 3 * counts[2] + 4 * counts[3] + 5 * counts[4];
}

/** Arithmetic mean of the valid answers; null when there are none. */
export function meanOfCounts(counts: ScoreCounts): number | null {
  const n = countValid(counts);
  return n === 0 ? null : sumScores(counts) / n;
}

/** Sample standard deviation (divisor n − 1); null when n < 2. */
export function sampleSdOfCounts(counts: ScoreCounts): number | null {
  const n = countValid(counts);
  if (n < 2) return null;
  const mean = sumScores(counts) / n;
  let squares = 0;
  for (let i = 0; i < 5; i++) {
    const deviation = i + 1 - mean;
    squares += (counts[i] ?? 0) * deviation * deviation;
  }
  return Math.sqrt(squares / (n - 1));
}

/**
 * Tastle & Wierman (2007) consensus: 1 + Σ p_i · log2(1 − |i − μ| / 4), i = 1…5.
 * 1 when everyone gives the same answer, 0 when answers split evenly between 1 and 5.
 * A term with p_i = 0 is 0 (the limit of p·log p); |i − μ| = 4 only happens for such a term.
 */
export function consensusOfCounts(counts: ScoreCounts): number | null {
  const n = countValid(counts);
  if (n === 0) return null;
  const mean = sumScores(counts) / n;
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    const count = counts[i] ?? 0;
    if (count === 0) continue;
    const closeness = 1 - Math.abs(i + 1 - mean) / 4;
    sum += (count / n) * Math.log2(closeness);
  }
  // Clamp only floating-point noise: mathematically the value lies in [0, 1].
  return Math.min(1, Math.max(0, 1 + sum));
}

/** Unweighted mean of the values that are not null; null when there are none. */
export function meanOfPresent(values: readonly (number | null)[]): { value: number | null; count: number } {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    count++;
  }
  return { value: count === 0 ? null : sum / count, count };
}
