// Evidence for a gap: the Kruskal–Wallis test on the 1–5 answers of the groups (docs/analysis.md,
// "How the numbers are computed" and "Which p-value", written for the chain director). Answers are whole
// numbers 1–5, so the ranks follow from the counts per answer: every answer k shares the average
// rank of its tie block. Cost does not depend on the number of respondents.

import { rankTestP, type PMethod } from './rankTestP';
import type { ScoreCounts } from './types';

export interface KruskalWallisResult {
  /** Tie-corrected H statistic (0 when every answer is the same). */
  h: number;
  /** Degrees of freedom: groups with at least one answer, minus one. */
  df: number;
  /**
   * Chance of an H this large or larger when the groups in fact agree, given the observed ties:
   * exact, Monte Carlo or the chi-square approximation (`method`; rankTestP.ts, docs/analysis.md).
   */
  p: number;
  method: PMethod;
  /** Monte Carlo only: the 99 % bound of p's error; null otherwise. */
  pError: number | null;
  /** Answers 1–5 over the groups taken into the test. */
  n: number;
}

/**
 * Kruskal–Wallis H with tie correction and its p-value: exact (conditional on the ties) at workshop
 * sizes, else Monte Carlo or the chi-square approximation (df = groups − 1), see rankTestP.ts.
 * Groups without an answer are left out; with fewer than two groups that answered there is nothing
 * to compare (null). When every answer is the same the tie correction is 0: there is no difference
 * at all, so H = 0 and p = 1 (exactly: every arrangement is the same).
 */
export function kruskalWallisOfCounts(groups: readonly ScoreCounts[]): KruskalWallisResult | null {
  const answered = groups.filter((counts) => sumOf(counts) > 0);
  if (answered.length < 2) return null;
  const totals = [0, 0, 0, 0, 0];
  for (const counts of answered) for (let k = 0; k < 5; k++) totals[k]! += counts[k] ?? 0;
  const n = sumOf(totals);
  // Average rank of answer k: the ranks below its block, plus the middle of the block.
  const averageRank: number[] = [];
  let below = 0;
  for (let k = 0; k < 5; k++) {
    const t = totals[k]!;
    averageRank.push(below + (t + 1) / 2);
    below += t;
  }
  // H = 12/(N(N+1)) · Σ n_i (R̄_i − (N+1)/2)²: the same as 12/(N(N+1)) · Σ R_i²/n_i − 3(N+1), without
  // subtracting two large numbers, so equal groups give exactly 0 instead of floating-point dust.
  const middle = (n + 1) / 2;
  let spread = 0;
  for (const counts of answered) {
    let rankSum = 0;
    for (let k = 0; k < 5; k++) rankSum += (counts[k] ?? 0) * averageRank[k]!;
    const size = sumOf(counts);
    const deviation = rankSum / size - middle;
    spread += size * deviation * deviation;
  }
  const df = answered.length - 1;
  const uncorrected = (12 / (n * (n + 1))) * spread;
  let ties = 0;
  for (const t of totals) ties += t * t * t - t;
  const correction = 1 - ties / (n * n * n - n);
  if (correction <= 1e-12) return { h: 0, df, p: 1, method: 'exact', pError: null, n };
  const h = uncorrected / correction;
  const test = rankTestP(answered, () => chiSquareSurvival(h, df));
  return { h, df, p: test.p, method: test.method, pError: test.error, n };
}

function sumOf(counts: readonly number[]): number {
  let sum = 0;
  for (const count of counts) sum += count;
  return sum;
}

/** P(X ≥ x) for X chi-square distributed with df degrees of freedom: Q(df/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

/** ln Γ(a) for a > 0 (Lanczos approximation, g = 7, 9 coefficients; about 15 significant digits). */
export function logGamma(a: number): number {
  if (a < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = a - 1;
  let sum = c[0]!;
  for (let i = 1; i < c.length; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const MAX_ITERATIONS = 500;
const TOLERANCE = 1e-15;

/**
 * Upper regularized incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a): the series for P when
 * x < a + 1, the continued fraction (modified Lentz) for Q otherwise, as in Numerical Recipes §6.2.
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let i = 1; i < MAX_ITERATIONS; i++) {
      term *= x / (a + i);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * TOLERANCE) break;
    }
    return Math.min(1, Math.max(0, 1 - sum * Math.exp(logPrefix)));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < TOLERANCE) break;
  }
  return Math.min(1, Math.max(0, Math.exp(logPrefix) * h));
}
