import { afterEach, describe, expect, it } from 'vitest';
import { beginQuickPass, clearRankTestPCache, exactRankTestP, installExactDeferral, rankTestP, rememberExactP, type RankTable } from '../../../src/domain/analysis/rankTestP';

// The results page's quick pass (docs/analysis.md, "Without delaying the first view"): an exact
// enumeration that outlasts the pass gives way to a Monte Carlo p marked provisional, the table
// goes to the worker, and the worker's exact p replaces it.

// 25 people in groups of 3, 3, 4, 4, 5, 6 over the five scores: an enumeration of some length.
const TABLE: RankTable = [
  [1, 1, 1, 0, 0],
  [0, 2, 1, 0, 0],
  [0, 1, 2, 1, 0],
  [1, 0, 1, 2, 0],
  [0, 1, 1, 2, 1],
  [0, 0, 2, 2, 2],
];
const chiSquare = () => 0.5;

afterEach(() => {
  installExactDeferral(null);
  clearRankTestPCache();
});

describe('the quick pass', () => {
  it('gives a deferred table a provisional Monte Carlo p, then the exact p once the worker has it', () => {
    const deferred: RankTable[] = [];
    installExactDeferral((table) => deferred.push(table));
    // A pass whose time is already up: every enumeration stops at its first check.
    let clock = 0;
    const end = beginQuickPass(0, () => (clock += 1));
    const interim = rankTestP(TABLE, chiSquare);
    end();
    expect(interim).toMatchObject({ method: 'monteCarlo', provisional: true });
    expect(deferred).toEqual([TABLE]);
    // Asked again before the worker answers: the same stand-in, not a second request.
    expect(rankTestP(TABLE, chiSquare)).toBe(interim);
    expect(deferred).toHaveLength(1);

    const exact = exactRankTestP(TABLE)!;
    rememberExactP(TABLE, exact);
    expect(rankTestP(TABLE, chiSquare)).toEqual({ p: exact, method: 'exact', error: null });
    // The stand-in was within its stated bound of the exact p.
    expect(Math.abs(interim.p - exact)).toBeLessThanOrEqual(interim.error!);
  });

  it('keeps the Monte Carlo p, no longer provisional, when the worker cannot give an exact one', () => {
    installExactDeferral(() => undefined);
    let clock = 0;
    const end = beginQuickPass(0, () => (clock += 1));
    const interim = rankTestP(TABLE, chiSquare);
    end();
    rememberExactP(TABLE, null);
    const final = rankTestP(TABLE, chiSquare);
    expect(final).toMatchObject({ p: interim.p, method: 'monteCarlo' });
    expect(final.provisional).toBeUndefined();
  });

  it('computes on the spot outside a pass, or without a worker: tests, benchmarks, the worker itself', () => {
    let called = false;
    installExactDeferral(() => (called = true));
    expect(rankTestP(TABLE, chiSquare)).toMatchObject({ method: 'exact' });
    clearRankTestPCache();
    installExactDeferral(null);
    let clock = 0;
    const end = beginQuickPass(0, () => (clock += 1));
    expect(rankTestP(TABLE, chiSquare)).toMatchObject({ method: 'exact' });
    end();
    expect(called).toBe(false);
  });
});
