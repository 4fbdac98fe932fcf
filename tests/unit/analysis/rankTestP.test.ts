import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kruskalWallisOfCounts } from '../../../src/domain/analysis';
import { mannWhitney } from '../../../src/domain/analysis/mannWhitney';
import {
  ASYMPTOTIC_MIN_SCORES,
  chooseRankTestP,
  exactRankTestP,
  mannWhitneyNullDistribution,
  monteCarloRankTestP,
  type RankTable,
} from '../../../src/domain/analysis/rankTestP';
import { createRandom } from '../../../src/domain/demo/random';
import { permutationP, subsetP } from './permutationByHand';

/** Counts per score 1–5 of a list of answers. */
const countsOf = (answers: readonly number[]): [number, number, number, number, number] => {
  const c: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const a of answers) c[a - 1]!++;
  return c;
};
/** One column per distinct value: for tables without ties (every answer its own column). */
const oneColumnEach = (groups: readonly (readonly number[])[]): number[][] => {
  const values = [...new Set(groups.flat())].sort((x, y) => x - y);
  return groups.map((g) => values.map((v) => g.filter((x) => x === v).length));
};

describe('exact rank tests against published tables', () => {
  it('Kruskal–Wallis 3, 3, 3 without ties: H = 5.6000 has p = 0.050', () => {
    // {1,2,3} {4,5,9} {6,7,8}: R = 6, 18, 21; H = 12/90 · (36 + 324 + 441)/3 − 30 = 5.6.
    const groups = [[1, 2, 3], [4, 5, 9], [6, 7, 8]];
    const p = exactRankTestP(oneColumnEach(groups));
    expect(p).toBeCloseTo(0.05, 12);
    expect(permutationP(groups)).toBeCloseTo(0.05, 12);
  });

  it('Kruskal–Wallis 3, 3, 3 without ties: the largest H = 7.2 has p = 6/1680 = 0.0036', () => {
    // Only the 3! orders of the blocks {1,2,3}, {4,5,6}, {7,8,9} reach it, of 9!/(3!)³ = 1680.
    expect(exactRankTestP(oneColumnEach([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))).toBeCloseTo(6 / 1680, 12);
  });

  it('Mann–Whitney 4 + 4 without ties: P(U ≤ 3) = 0.100 and P(U ≤ 0) = 1/70', () => {
    const distribution = mannWhitneyNullDistribution([1, 1, 1, 1, 1, 1, 1, 1], 4);
    const atMost = (u: number) => distribution.filter((d) => d.u <= u).reduce((s, d) => s + d.probability, 0);
    expect(atMost(3)).toBeCloseTo(0.1, 12);
    expect(atMost(0)).toBeCloseTo(1 / 70, 12);
    expect(distribution.reduce((s, d) => s + d.probability, 0)).toBeCloseTo(1, 12);
    // Symmetric around n1·n2/2 = 8 without ties.
    expect(atMost(3)).toBeCloseTo(distribution.filter((d) => d.u >= 13).reduce((s, d) => s + d.probability, 0), 12);
  });

  it('Mann–Whitney 3 + 3 on 1–5 with ties: the null distribution of U for the pooled 2,3,3,3,4,4', () => {
    // C(6,3) = 20 subsets of the six answers; ranks 2 → 1, 3 → 3, 4 → 5.5; U = R1 − 6.
    // {2,3,3}: R1 = 7 (3 ways); {3,3,3}: 9 (1); {2,3,4}: 9.5 (3 · 2 = 6); {3,3,4}: 11.5 (3 · 2 = 6);
    // {2,4,4}: 12 (1); {3,4,4}: 14 (3).
    const distribution = mannWhitneyNullDistribution([0, 1, 3, 2, 0], 3);
    const twenty = distribution.map((d) => [d.u, Math.round(d.probability * 20)]);
    expect(twenty).toEqual([[1, 3], [3, 1], [3.5, 6], [5.5, 6], [6, 1], [8, 3]]);
  });
});

describe('exact rank tests on the issue\'s and hand-computed cases', () => {
  it('[2,3,3] against [3,4,4] (the level filter "Execution"): p = 6/20 = 0.30, and three against three never reaches 0.10', () => {
    expect(exactRankTestP([countsOf([2, 3, 3]), countsOf([3, 4, 4])])).toBeCloseTo(0.3, 12);
    expect(kruskalWallisOfCounts([countsOf([2, 3, 3]), countsOf([3, 4, 4])])).toMatchObject({ method: 'exact' });
    expect(kruskalWallisOfCounts([countsOf([2, 3, 3]), countsOf([3, 4, 4])])?.p).toBeCloseTo(0.3, 12);
    // The most extreme split of six different answers is 2 of C(6,3) = 20: p ≥ 0.10 always.
    expect(exactRankTestP([countsOf([1, 2, 3]), countsOf([3, 4, 5])])).toBeGreaterThanOrEqual(0.1);
    expect(exactRankTestP(oneColumnEach([[1, 2, 3], [4, 5, 6]]))).toBeCloseTo(2 / 20, 12);
  });

  it('a group of one score, with ties: {1} against {3,3,5} gives p = 2/4', () => {
    // Ranks 1 → 1, 3 → 2.5, 5 → 4. The single answer is 1 (1 way), 3 (2 ways) or 5 (1 way):
    // S = 1 + 81/3 = 28, 6.25 + 56.25/3 = 25, 16 + 36/3 = 28. Observed 28: p = (1 + 1)/4.
    expect(exactRankTestP([countsOf([1]), countsOf([3, 3, 5])])).toBeCloseTo(0.5, 12);
    expect(permutationP([[1], [3, 3, 5]])).toBeCloseTo(0.5, 12);
  });

  it('Mann–Whitney is the same test with two groups', () => {
    const a = countsOf([1, 2, 2, 3, 4]);
    const b = countsOf([3, 4, 4, 5, 5, 5]);
    expect(mannWhitney(a, b)?.p).toBeCloseTo(exactRankTestP([a, b])!, 12);
    expect(mannWhitney(a, b)?.p).toBeCloseTo(subsetP([1, 2, 2, 3, 4], [3, 4, 4, 5, 5, 5]), 12);
  });

  it('equals brute force over every order of the labels on small scans (any groups, ties, groups of one)', () => {
    const answers = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(answers, { minLength: 2, maxLength: 4 }), (groups) => {
        const expected = permutationP(groups);
        fc.pre(expected !== null);
        expect(exactRankTestP(groups.map(countsOf))).toBeCloseTo(expected!, 10);
      }),
      { numRuns: 150 },
    );
  });

  it('equals the subset count on two groups of up to 25 answers each', () => {
    const answers = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(answers, answers, (a, b) => {
        expect(mannWhitney(countsOf(a), countsOf(b))?.p).toBeCloseTo(subsetP(a, b), 10);
      }),
      { numRuns: 100 },
    );
  });
});

describe('which p-value', () => {
  const random = createRandom(23);
  const groupOf = (size: number, shift: number) => {
    const answers: number[] = [];
    for (let i = 0; i < size; i++) answers.push(Math.min(5, Math.max(1, Math.round(2.5 + shift + (random() + random() - 1) * 2))));
    return countsOf(answers);
  };

  it('a workshop of 25 people in six groups gets the exact p on every statement', () => {
    for (let statement = 0; statement < 13; statement++) {
      const table = [3, 3, 4, 4, 5, 6].map((size, j) => groupOf(size, (j % 3) * 0.3));
      const result = chooseRankTestP(table, () => Number.NaN);
      expect(result.method).toBe('exact');
      expect(result.error).toBeNull();
      expect(result.p).toBeGreaterThan(0);
      expect(result.p).toBeLessThanOrEqual(1);
    }
  });

  it('Monte Carlo lies within its stated 99 % bound of the exact p, the same on every run', () => {
    const table: RankTable = [countsOf([1, 2, 2, 3, 3]), countsOf([2, 3, 3, 4, 4]), countsOf([3, 4, 4, 5]), countsOf([2, 3, 4, 4, 5])];
    const exact = exactRankTestP(table)!;
    const mc = monteCarloRankTestP(table)!;
    expect(mc.method).toBe('monteCarlo');
    expect(Math.abs(mc.p - exact)).toBeLessThanOrEqual(mc.error!);
    expect(mc.error).toBeCloseTo(2.576 * Math.sqrt((mc.p * (1 - mc.p)) / 20_000), 12);
    expect(monteCarloRankTestP(table)).toEqual(mc);
  });

  it('takes Monte Carlo where enumeration would be too slow, with the bound beside p', () => {
    // Six groups of ten: beyond the enumeration budget, groups under the approximation's minimum.
    const table = [0, 1, 2, 3, 4, 5].map((j) => groupOf(10, j * 0.1));
    const result = chooseRankTestP(table, () => Number.NaN);
    expect(result.method).toBe('monteCarlo');
    expect(result.error).toBeGreaterThan(0);
    expect(result.error).toBeLessThan(0.01);
  });

  it('takes the approximation only when every group has at least the minimum of scores', () => {
    const large = [0, 1, 2, 3, 4].map((j) => groupOf(ASYMPTOTIC_MIN_SCORES * 4, j * 0.1));
    expect(chooseRankTestP(large, () => 0.5)).toEqual({ p: 0.5, method: 'asymptotic', error: null });
    const withSmall = [...large.slice(1), groupOf(ASYMPTOTIC_MIN_SCORES - 1, 0)];
    expect(chooseRankTestP(withSmall, () => 0.5).method).not.toBe('asymptotic');
    // Two groups of 30 are still cheap to enumerate: exact, not the approximation.
    expect(chooseRankTestP([groupOf(30, 0), groupOf(30, 0.5)], () => 0.5).method).toBe('exact');
  });

  it('keeps a scan of 100,000 answers in two large groups fast (the approximation, or exact when cheap)', () => {
    const table = [[4000, 9000, 15000, 14000, 8000], [5000, 10000, 14000, 13000, 8000]];
    const started = performance.now();
    const result = chooseRankTestP(table, () => 0.01);
    expect(result.method).toBe('asymptotic');
    expect(performance.now() - started).toBeLessThan(200);
  });
});
