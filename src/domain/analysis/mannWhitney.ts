import { rankTestP, type PMethod } from './rankTestP';
import type { ScoreCounts } from './types';

// Mann–Whitney U test of two groups of answers on the 1–5 scale, from their counts per score
// (docs/instrument-and-rounds.md, "Is a change real?"). Answers are heavily tied on a five-point
// scale, so ranks are averaged over ties. The two-sided p-value is the Kruskal–Wallis test's with two
// groups (rankTestP.ts): P(|U − n1·n2/2| ≥ the observed one) over every arrangement of the pooled
// answers, exact at workshop sizes, else Monte Carlo; only with two large groups the normal
// approximation (tie-corrected variance, continuity correction ½).
// The rank step is kept small and local on purpose: kruskalWallis.ts (issue 13) has its own, and
// the two can share one helper when both branches are merged.

export interface MannWhitneyResult {
  /** U of the first group: the number of pairs (a, b) with a > b, ties counting ½. */
  u: number;
  /** The standard score of U after the continuity correction; 0 when the groups are equal. */
  z: number;
  /** Two-sided p-value; 1 when every answer is the same. */
  p: number;
  /** How p was found (docs/analysis.md, "Which p-value"). */
  method: PMethod;
  /** Monte Carlo only: the 99 % bound of p's error; null otherwise. */
  pError: number | null;
}

/** Average rank of each score 1–5 in the pooled answers of both groups. */
function averageRanks(a: ScoreCounts, b: ScoreCounts): number[] {
  const ranks: number[] = [];
  let below = 0;
  for (let s = 0; s < 5; s++) {
    const tied = a[s]! + b[s]!;
    ranks.push(below + (tied + 1) / 2);
    below += tied;
  }
  return ranks;
}

/** Standard normal cumulative distribution (Abramowitz & Stegun 7.1.26, error < 1.5·10⁻⁷). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The test, or null when either group has no answer. */
export function mannWhitney(a: ScoreCounts, b: ScoreCounts): MannWhitneyResult | null {
  const n1 = a.reduce((s, v) => s + v, 0);
  const n2 = b.reduce((s, v) => s + v, 0);
  if (n1 === 0 || n2 === 0) return null;
  const n = n1 + n2;
  const ranks = averageRanks(a, b);
  const rankSum = a.reduce((s, count, i) => s + count * ranks[i]!, 0);
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  let ties = 0;
  for (let s = 0; s < 5; s++) {
    const t = a[s]! + b[s]!;
    ties += t * t * t - t;
  }
  const variance = ((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1)));
  if (!(variance > 0)) return { u, z: 0, p: 1, method: 'exact', pError: null };
  const z = Math.max(0, Math.abs(u - (n1 * n2) / 2) - 0.5) / Math.sqrt(variance);
  const test = rankTestP([a, b], () => Math.min(1, 2 * (1 - normalCdf(z))));
  return { u, z, p: test.p, method: test.method, pError: test.error };
}
