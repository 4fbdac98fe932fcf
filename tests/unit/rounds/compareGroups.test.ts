import { describe, expect, it } from 'vitest';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import { compareGroupsInScan } from '../../../src/domain/rounds/compareGroups';
import type { Level, Response } from '../../../src/domain/types';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';

const base = copyDefaultInstrument();
const scan = {
  instrument: { ...base, items: [base.items[0]!] },
  organisations: [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
  ],
  settings: { minGroupSize: 3, gapThreshold: 1, askLevel: true },
};
let n = 0;
const r = (organisationId: string, level: Level | null, q01: 1 | 2 | 3 | 4 | 5): Response => makeResponse(`r${n++}`, organisationId, level, { q01 });

describe('comparing two groups within one scan', () => {
  it('one partner against the rest: means, n and the rank test', () => {
    // a: {1,2,2}; rest (b): {4,5,5,5} — the hand-computed case of mannWhitney.test.ts.
    const responses = [r('a', null, 1), r('a', null, 2), r('a', null, 2), r('b', null, 4), r('b', null, 5), r('b', null, 5), r('b', null, 5)];
    const result = compareGroupsInScan(scan, responses, { kind: 'organisation', organisationId: 'a' });
    expect(result).toMatchObject({ ok: true, respondentsA: 3, respondentsB: 4, excludedOrganisationIds: [] });
    if (!result.ok) return;
    const { figure } = result.statements[0]!;
    expect(figure.earlierMean).toBeCloseTo(5 / 3, 12);
    expect(figure.laterMean).toBeCloseTo(19 / 4, 12);
    expect(figure.p).toBeCloseTo(2 / 35, 12);
    expect(figure.pMethod).toBe('exact');
    expect(figure.isUncertain).toBe(false);
  });

  it('withholds a side with fewer scores than the minimum on a statement, and tests nothing there', () => {
    // a: three people, but only one score (the others said "don't know"); b: four scores.
    const dk = (id: string): Response => makeResponse(`r${n++}`, id, null, { q01: 'dk' });
    const responses = [r('a', null, 1), dk('a'), dk('a'), r('b', null, 4), r('b', null, 5), r('b', null, 5), r('b', null, 5)];
    const result = compareGroupsInScan(scan, responses, { kind: 'organisation', organisationId: 'a' });
    expect(result).toMatchObject({ ok: true, respondentsA: 3, respondentsB: 4 });
    if (!result.ok) return;
    const { figure } = result.statements[0]!;
    // The one score is nowhere: no mean, no n, no change, no p.
    expect(figure).toMatchObject({ earlierTooFew: true, earlierMean: null, earlierN: 0, change: null, p: null, laterMean: 19 / 4, laterN: 4 });
    expect(figure.laterTooFew).toBeUndefined();
  });

  it('refuses a side under the minimum', () => {
    const responses = [r('a', null, 1), r('a', null, 2), r('b', null, 4), r('b', null, 5), r('b', null, 5)];
    expect(compareGroupsInScan(scan, responses, { kind: 'organisation', organisationId: 'a' })).toEqual({ ok: false, reason: 'side-too-small' });
  });

  it('levels: an organisation whose parts would isolate fewer than the minimum is left out of both sides', () => {
    const responses = [
      // a: 3 execution, 3 management — fits.
      ...[3, 3, 4].map((v) => r('a', 'uitvoering', v as 3 | 4)),
      ...[4, 4, 5].map((v) => r('a', 'management', v as 4 | 5)),
      // b: 3 execution and 1 management — that one person would be isolated: b is left out.
      ...[2, 2, 2].map((v) => r('b', 'uitvoering', v as 2)),
      r('b', 'management', 1),
      // 2 more of b without a level would make the left-out set 4 + 2 … b is left out whole (4 + 2 = 6 ≥ 3).
      r('b', null, 3),
      r('b', null, 3),
      r('b', null, 3),
    ];
    const result = compareGroupsInScan(scan, responses, { kind: 'levels', a: 'uitvoering', b: 'management' });
    expect(result).toMatchObject({ ok: true, respondentsA: 3, respondentsB: 3, excludedOrganisationIds: ['b'] });
    if (!result.ok) return;
    expect(result.statements[0]!.figure.earlierMean).toBeCloseTo(10 / 3, 12);
    expect(result.statements[0]!.figure.laterMean).toBeCloseTo(13 / 3, 12);
  });

  it('levels: refuses when everyone left out together is fewer than the minimum', () => {
    const responses = [...[3, 3, 4].map((v) => r('a', 'uitvoering', v as 3 | 4)), ...[4, 4, 5].map((v) => r('a', 'management', v as 4 | 5)), r('b', 'bestuur', 1)];
    // b (one board member) fails on its own and is left out: 1 person left out in all.
    expect(compareGroupsInScan(scan, responses, { kind: 'levels', a: 'uitvoering', b: 'management' })).toEqual({ ok: false, reason: 'left-out-too-small' });
    expect(compareGroupsInScan(scan, responses, { kind: 'levels', a: 'uitvoering', b: 'uitvoering' })).toEqual({ ok: false, reason: 'same-level' });
  });
});
