// How many flags chance alone gives when many statements are tested at once (docs/analysis.md,
// "Chance in plain words"). At p < 0.10, a test flags a difference that is not there at most one
// time in ten: 13 statements on which the partners in fact agree give about one flag all the same.

import { EVIDENCE_P_BELOW } from './gapEvidence';

export interface ChanceFlags {
  /** The number of tests run (statements tested, or statements × groups on the rounds page). */
  tests: number;
  /** tests × 0.10, unrounded: the most flags chance alone gives on average. */
  expected: number;
  /**
   * What to say: `belowOne` when fewer than one half flag is expected (so "about 0" is not said),
   * otherwise `about` with `count` = expected rounded to a whole number (at least 1).
   */
  kind: 'belowOne' | 'about';
  count: number;
}

/**
 * The flags chance alone gives in `tests` tests at the evidence limit (p < 0.10), on average, when
 * nothing is there. With exact (discrete) tests the real rate is at most the limit, so the number
 * is an upper bound: the sentence says "at most about".
 */
export function flagsByChance(tests: number, rate: number = EVIDENCE_P_BELOW): ChanceFlags {
  const whole = Math.max(0, Math.floor(tests));
  const expected = whole * rate;
  // 1e-9: 5 × 0.1 is 0.5000000000000001 in floating point, 15 × 0.1 is 1.5000000000000002.
  const count = Math.round(expected - 1e-9);
  return count < 1 ? { tests: whole, expected, kind: 'belowOne', count: 0 } : { tests: whole, expected, kind: 'about', count };
}
