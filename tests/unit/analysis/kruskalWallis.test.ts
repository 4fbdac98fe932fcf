import { describe, expect, it } from 'vitest';
import {
  analyseScan,
  chiSquareSurvival,
  classifyGap,
  kruskalWallisOfCounts,
  listGapStatements,
  type ScoreCounts,
  type StatementAnalysis,
} from '../../../src/domain/analysis';
import type { Answer, Organisation, Response } from '../../../src/domain/types';
import { FIXTURE_INSTRUMENT, makeResponse } from '../../fixtures/analysis/handComputedScan';

/** Counts of the answers 1–5 in a list of answers. */
function countsOf(answers: readonly number[]): ScoreCounts {
  const c = [0, 0, 0, 0, 0];
  for (const a of answers) c[a - 1]!++;
  return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!];
}

describe('chi-square survival (regularized upper incomplete gamma)', () => {
  it('matches the critical values of the chi-square table', () => {
    // Table values: P(X ≥ x) = 0.05 at 3.841459 (df 1), 5.991465 (2), 7.814728 (3), 9.487729 (4), 11.070498 (5).
    expect(chiSquareSurvival(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(5.991465, 2)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(7.814728, 3)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(9.487729, 4)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(11.070498, 5)).toBeCloseTo(0.05, 6);
    // 0.10 at 2.705543 (df 1) and 4.605170 (df 2); 0.01 at 6.634897 (df 1).
    expect(chiSquareSurvival(2.705543, 1)).toBeCloseTo(0.1, 6);
    expect(chiSquareSurvival(4.60517, 2)).toBeCloseTo(0.1, 6);
    expect(chiSquareSurvival(6.634897, 1)).toBeCloseTo(0.01, 6);
  });

  it('has the closed forms for 2 and 4 degrees of freedom: e^(−x/2) and e^(−x/2)(1 + x/2)', () => {
    for (const x of [0.1, 1, 3, 7, 12, 40]) {
      expect(chiSquareSurvival(x, 2)).toBeCloseTo(Math.exp(-x / 2), 12);
      expect(chiSquareSurvival(x, 4)).toBeCloseTo(Math.exp(-x / 2) * (1 + x / 2), 12);
    }
  });

  it('is 1 at x = 0 and falls towards 0 for large x', () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(200, 3)).toBeLessThan(1e-30);
  });
});

describe('Kruskal–Wallis on answer counts', () => {
  it('without ties: A = 1, 2 and B = 3, 4, 5 give H = 3 and the exact p = 2/10 (A = {1,2} or {4,5})', () => {
    // Ranks A 1+2 = 3, B 3+4+5 = 12; H = 12/(5·6)·(3²/2 + 12²/3) − 3·6 = 0.4·52.5 − 18 = 3.
    const result = kruskalWallisOfCounts([countsOf([1, 2]), countsOf([3, 4, 5])]);
    expect(result?.h).toBeCloseTo(3, 12);
    expect(result?.df).toBe(1);
    // Of the C(5,2) = 10 ways to give A two of the five answers, only {1,2} and {4,5} reach H = 3.
    expect(result?.p).toBeCloseTo(0.2, 12);
    expect(result?.method).toBe('exact');
  });

  it('with ties and a group of one score: fixture scan A s1 (1,1,1 | 5,5,5,5 | 1) gives H = 7 and the exact p = 1/35', () => {
    // Four 1s share rank 2.5, four 5s rank 6.5: R = 7.5, 26, 2.5. Uncorrected H = 194/6 − 27 = 16/3;
    // correction 1 − 2·(4³ − 4)/(8³ − 8) = 1 − 120/504 = 16/21, so H = 16/3 · 21/16 = 7.
    const result = kruskalWallisOfCounts([countsOf([1, 1, 1]), countsOf([5, 5, 5, 5]), countsOf([1])]);
    expect(result?.h).toBeCloseTo(7, 12);
    expect(result?.df).toBe(2);
    // Brute force over the 8!/(3!·4!·1!) = 280 label orders (tests/unit/analysis/rankTestP.test.ts
    // enumerates them): 8 reach H ≥ 7, so p = 8/280 = 1/35 (the chi-square said e^(−3.5) = 0.030).
    expect(result?.p).toBeCloseTo(1 / 35, 12);
    expect(result?.method).toBe('exact');
    expect(result?.n).toBe(8);
  });

  it('with ties: the worked example q05 of docs/analysis.md gives H = 5.884 and the exact p = 1/21 = 0.048', () => {
    // Police 2,2,3,3; municipality 4,5,5; other partners 3,2,4 (see docs/analysis.md).
    // Ranks: 2 → 2, 3 → 5, 4 → 7.5, 5 → 9.5; R = 14, 26.5, 14.5; Σ R²/n = 49 + 702.25/3 + 210.25/3 = 353.1667.
    // H = 12/110 · 353.1667 − 33 = 5.52727; correction 1 − (24 + 24 + 6 + 6)/990 = 930/990; H = 5.88387.
    const result = kruskalWallisOfCounts([countsOf([2, 2, 3, 3]), countsOf([4, 5, 5]), countsOf([3, 2, 4])]);
    expect(result?.h).toBeCloseTo(5.88387, 5);
    // 200 of the 10!/(4!·3!·3!) = 4200 label orders reach it: p = 1/21 (the chi-square said 0.0528).
    expect(result?.p).toBeCloseTo(1 / 21, 12);
  });

  it('needs two groups that answered: one group, or a second group without answers, gives no test', () => {
    expect(kruskalWallisOfCounts([countsOf([1, 2, 5])])).toBeNull();
    expect(kruskalWallisOfCounts([countsOf([1, 2, 5]), countsOf([])])).toBeNull();
    expect(kruskalWallisOfCounts([])).toBeNull();
  });

  it('gives H = 0 and p = 1 when every answer is the same (the tie correction is 0)', () => {
    expect(kruskalWallisOfCounts([countsOf([4, 4]), countsOf([4, 4, 4])])).toEqual({ h: 0, df: 1, p: 1, method: 'exact', pError: null, n: 5 });
  });

  it('leaves out groups without answers from the degrees of freedom', () => {
    const result = kruskalWallisOfCounts([countsOf([1, 2]), countsOf([]), countsOf([3, 4, 5])]);
    expect(result?.df).toBe(1);
    expect(result?.h).toBeCloseTo(3, 12);
  });

  it('agrees with ranking the answers one by one (same groups in another order)', () => {
    const a = kruskalWallisOfCounts([countsOf([2, 3, 4]), countsOf([3, 4, 4, 4, 5]), countsOf([1, 2, 3])]);
    const b = kruskalWallisOfCounts([countsOf([1, 2, 3]), countsOf([2, 3, 4]), countsOf([3, 4, 4, 4, 5])]);
    // Fixture scan A s3 (HAND-COMPUTED.md): H = 5.26061 · 1320/1230 = 5.64553; exact p = 382/9240 = 191/4620
    // (brute force over the 9240 label orders; the chi-square said 0.0594).
    expect(a?.h).toBeCloseTo(5.64553, 5);
    expect(a?.p).toBeCloseTo(191 / 4620, 12);
    expect(b?.p).toBeCloseTo(a?.p ?? NaN, 12);
    expect(b?.h).toBeCloseTo(a?.h ?? NaN, 12);
  });
});

describe('classification of a gap', () => {
  const test = (p: number) => ({ h: 1, df: 1, p, method: 'exact' as const, pError: null, n: 6 });
  it('is a discussion point only with a large gap and a shown p < 0.10 (three decimals, half up)', () => {
    expect(classifyGap(true, test(0.0994))).toBe('discussionPoint');
    // Reads 0.100 (docs/analysis.md, "Rounding: one number per figure"): not below 0.10.
    expect(classifyGap(true, test(0.0995))).toBe('uncertainDifference');
    expect(classifyGap(true, test(0.0999999))).toBe('uncertainDifference');
    expect(classifyGap(true, test(0.1))).toBe('uncertainDifference');
    expect(classifyGap(true, test(0.5))).toBe('uncertainDifference');
    expect(classifyGap(true, null)).toBe('uncertainDifference');
    expect(classifyGap(false, test(0.001))).toBe('none');
    expect(classifyGap(false, null)).toBe('none');
  });

  const ORGS: Organisation[] = [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
  ];
  const answersFor = (org: string, itemId: string, scores: readonly Answer[]): Response[] =>
    scores.map((score, i) => makeResponse(`${org}-${itemId}-${i}`, org, null, { [itemId]: score }));
  const analyse = (responses: Response[], gapThreshold = 1) =>
    analyseScan({ instrument: FIXTURE_INSTRUMENT, organisations: ORGS, responses, settings: { minGroupSize: 1, gapThreshold } });

  it('marks a gap of exactly the threshold as large, and lets the exact test decide the kind', () => {
    // a 2,3,3 (8/3) and b 1,2,2 (5/3): gap 1. Ranks: 1 → 1, 2 → 3, 3 → 5.5; R_a = 3 + 11 = 14, R_b = 1 + 6 = 7.
    // H = 12/42 · (196/3 + 49/3) − 21 = 23.333 − 21 = 2.3333; correction 1 − (24 + 6)/210 = 6/7 → H = 2.7222,
    // The chi-square said p = 0.099, a discussion point, just. Exactly: of the C(6,3) = 20 ways to split
    // 1,2,2,2,3,3 in three and three, 6 are as far apart: a takes both 3s and one of the three 2s
    // (3 ways), or the 1 and two of the 2s (3 ways): p = 6/20 = 0.30.
    const s1 = analyse([...answersFor('a', 's1', [2, 3, 3]), ...answersFor('b', 's1', [1, 2, 2])]).statements[0]!;
    expect(s1.hasLargeGap).toBe(true);
    expect(s1.kruskalWallis?.h).toBeCloseTo(2.72222, 5);
    expect(s1.kruskalWallis?.p).toBeCloseTo(0.3, 12);
    expect(s1.gapClass).toBe('uncertainDifference');
    // Twice as many people with the same answers: p = 30/924 = 5/154 < 0.10, a discussion point.
    const twice = analyse([...answersFor('a', 's1', [2, 3, 3, 2, 3, 3]), ...answersFor('b', 's1', [1, 2, 2, 1, 2, 2])]).statements[0]!;
    expect(twice.kruskalWallis?.p).toBeCloseTo(5 / 154, 12);
    expect(twice.gapClass).toBe('discussionPoint');
    expect(twice.isDiscussionPoint).toBe(true);
  });

  it('calls a large gap between two people an uncertain difference, not a discussion point', () => {
    // a 1, b 5: gap 4, H = 1, but of the two ways to give the two answers, both are as far apart: p = 1.
    const s1 = analyse([...answersFor('a', 's1', [1]), ...answersFor('b', 's1', [5])]).statements[0]!;
    expect(s1.gap).toBe(4);
    expect(s1.kruskalWallis?.p).toBeCloseTo(1, 12);
    expect(s1.gapClass).toBe('uncertainDifference');
    expect(s1.isDiscussionPoint).toBe(false);
  });

  it('orders discussion points by evidence, then gap; uncertain differences apart', () => {
    const statement = (itemId: string, gapClass: StatementAnalysis['gapClass'], p: number, gap: number) =>
      ({ itemId, gapClass, gap, kruskalWallis: { h: 0, df: 1, p, n: 0 } }) as unknown as StatementAnalysis;
    const { discussionPoints, uncertainDifferences } = listGapStatements([
      statement('q1', 'discussionPoint', 0.05, 1.2),
      statement('q2', 'discussionPoint', 0.01, 1.0),
      statement('q3', 'uncertainDifference', 0.4, 2.0),
      statement('q4', 'discussionPoint', 0.05, 1.5),
      statement('q5', 'none', 0.001, 0.2),
      statement('q6', 'uncertainDifference', 0.2, 1.1),
    ]);
    expect(discussionPoints.map((s) => s.itemId)).toEqual(['q2', 'q4', 'q1']);
    expect(uncertainDifferences.map((s) => s.itemId)).toEqual(['q6', 'q3']);
  });
});
