import { describe, expect, it } from 'vitest';
import { mannWhitney, normalCdf } from '../../../src/domain/analysis/mannWhitney';

// Every expected value below is worked out by hand in the comments.

describe('mannWhitney', () => {
  it('two groups with no overlap: a = {1,2,2}, b = {4,5,5,5}', () => {
    // Pooled: 1 → rank 1; 2,2 → ranks 2,3 (avg 2.5); 4 → 4; 5,5,5 → 5,6,7 (avg 6).
    // R1 = 1 + 2.5 + 2.5 = 6; U1 = 6 − 3·4/2 = 0.
    // Ties: t = 2 (score 2) and t = 3 (score 5): Σ(t³ − t) = 6 + 24 = 30.
    // Var = (3·4/12)·(8 − 30/(7·6)) = 1 · (8 − 0.714285…) = 7.285714…; sd = 2.699206…
    // z = (|0 − 6| − 0.5) / 2.699206 = 2.037637… (the normal approximation said p = 0.0416).
    // Exactly: of the C(7,3) = 35 ways to pick a's three answers from 1,2,2,4,5,5,5, only {1,2,2}
    // (U = 0) and {5,5,5} (U = 12) are as far from n1·n2/2 = 6: p = 2/35 = 0.0571.
    const result = mannWhitney([1, 2, 0, 0, 0], [0, 0, 0, 1, 3])!;
    expect(result.u).toBe(0);
    expect(result.z).toBeCloseTo(2.037637, 5);
    expect(result.p).toBeCloseTo(2 / 35, 12);
    expect(result.method).toBe('exact');
  });

  it('is symmetric in p and gives U of the first group', () => {
    const ab = mannWhitney([1, 2, 0, 0, 0], [0, 0, 0, 1, 3])!;
    const ba = mannWhitney([0, 0, 0, 1, 3], [1, 2, 0, 0, 0])!;
    // U1 + U2 = n1·n2 = 12.
    expect(ba.u).toBe(12);
    expect(ba.p).toBeCloseTo(ab.p, 12);
  });

  it('heavy ties: a = {3,3,4}, b = {3,4,4}', () => {
    // Pooled: 3,3,3 → ranks 1–3 (avg 2); 4,4,4 → ranks 4–6 (avg 5).
    // R1 = 2 + 2 + 5 = 9; U1 = 9 − 6 = 3 = n1·n2/2: no difference at all.
    // z = max(0, |3 − 4.5| − 0.5)/sd … with U = 3 and mean 4.5: |−1.5| − 0.5 = 1.
    // Ties: 2·(27 − 3) = 48; Var = (9/12)·(7 − 48/30) = 0.75·5.4 = 4.05; sd = 2.012461…
    // z = 1/2.012461 = 0.496904… (the normal approximation said p = 0.619).
    // Exactly: a takes k of the three 4s (and 3 − k of the 3s): R1 = 2(3 − k) + 5k, U = 3k, so
    // |U − 4.5| is 4.5 (k = 0, 3) or 1.5 (k = 1, 2), never less than observed: p = 1.
    const result = mannWhitney([0, 0, 2, 1, 0], [0, 0, 1, 2, 0])!;
    expect(result.u).toBe(3);
    expect(result.z).toBeCloseTo(0.496904, 5);
    expect(result.p).toBeCloseTo(1, 12);
  });

  it('every answer the same: no evidence, p = 1; an empty group: no test', () => {
    expect(mannWhitney([0, 0, 0, 4, 0], [0, 0, 0, 3, 0])).toEqual({ u: 6, z: 0, p: 1, method: 'exact', pError: null });
    expect(mannWhitney([0, 0, 0, 0, 0], [1, 0, 0, 0, 0])).toBeNull();
  });

  it('the normal distribution function', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
  });
});
