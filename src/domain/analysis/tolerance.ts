/**
 * Tolerance for comparisons with a threshold and for rounding. Means are quotients of integers,
 * so a gap that is exactly 1.0 on paper can come out as 0.9999999999999996 in floating point; it
 * must still count as a discussion point, and a chain mean of exactly 4 must still be "strong".
 */
export const EPSILON = 1e-9;

/** a ≥ b, forgiving floating-point noise. */
export function isAtLeast(a: number, b: number): boolean {
  return a >= b - EPSILON;
}
