import { describe, expect, it } from 'vitest';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import { compareRounds, type RoundInput } from '../../../src/domain/rounds/compareRounds';
import { seriesTrend } from '../../../src/domain/rounds/seriesTrend';
import type { Answer, Instrument, Response } from '../../../src/domain/types';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';
import { buildScan } from '../../fixtures/buildScan';

// Three rounds of one series, every expected figure worked out below from the answers:
// - partners a and b (minimum group size 3); c answers in round 2 only, with two people: in no
//   group, so in no chain figure; b has two people in round 3: in no group there, so b is not
//   compared between rounds 2 and 3 and its line stops at round 2;
// - in round 2, one of b's three people says "don't know" on q02: two scores, fewer than the
//   minimum, so b's figure on q02 is withheld in round 2;
// - round 3 replaces q03 by q14 (a new meaning, a new number): q03's line stops at round 2, q14's
//   starts at round 3, never joined.

const base = copyDefaultInstrument();
const [q01, q02, q03] = base.items;
const q14 = { ...q03!, id: 'q14', replaces: 'q03', text: { nl: 'Nieuwe betekenis', en: 'New meaning' } };
const instrument12: Instrument = { ...base, items: [q01!, q02!, q03!] };
const instrument3: Instrument = { ...base, version: 2, items: [q01!, q02!, q14] };
const organisations = [
  { id: 'a', name: 'A' },
  { id: 'b', name: 'B' },
  { id: 'c', name: 'C' },
];

let counter = 0;
type Row = [organisation: string, q01: Answer, q02: Answer, third: Answer];
function round(instrument: Instrument, rows: Row[]): RoundInput {
  const thirdId = instrument.items[2]!.id;
  const responses: Response[] = rows.map(([org, a1, a2, a3]) => makeResponse(`r${counter++}`, org, null, { q01: a1, q02: a2, [thirdId]: a3 }));
  return { scan: buildScan({ instrument, organisations }), responses };
}

const round1 = round(instrument12, [
  ['a', 1, 3, 4],
  ['a', 2, 3, 4],
  ['a', 2, 3, 5],
  ['b', 2, 4, 2],
  ['b', 2, 4, 3],
  ['b', 3, 4, 3],
]);
const round2 = round(instrument12, [
  ['a', 4, 3, 5],
  ['a', 5, 3, 5],
  ['a', 5, 3, 5],
  ['a', 5, 3, 5],
  ['b', 2, 4, 3],
  ['b', 3, 4, 3],
  ['b', 3, 'dk', 4],
  ['c', 5, 1, 1],
  ['c', 5, 1, 1],
]);
const round3 = round(instrument3, [
  ['a', 4, 3, 2],
  ['a', 4, 3, 2],
  ['a', 5, 3, 2],
  ['b', 1, 1, 1],
  ['b', 1, 1, 1],
]);

const trend = seriesTrend([round1, round2, round3]);
const statement = (id: string) => trend.statements.find((s) => s.itemId === id)!;
const partner = (id: string) => trend.partners.findIndex((p) => p.id === id);

describe('seriesTrend', () => {
  it('refuses fewer than two rounds', () => {
    expect(() => seriesTrend([round1])).toThrow(RangeError);
  });

  it('lists every statement of any round, the last round order first, and the partners compared in some pair', () => {
    expect(trend.roundCount).toBe(3);
    expect(trend.statements.map((s) => s.itemId)).toEqual(['q01', 'q02', 'q14', 'q03']);
    expect(trend.partners).toEqual([
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ]);
    expect(trend.respondents).toEqual([6, 9, 5]);
    expect(statement('q03').items.map((i) => i?.id ?? null)).toEqual(['q03', 'q03', null]);
    expect(statement('q14').item.text.nl).toBe('Nieuwe betekenis');
  });

  it('gives the chain mean per round as the mean of the groups\u2019 means, n over the people in groups only', () => {
    const line = statement('q01').chain;
    // Round 1: a {1,2,2} = 5/3, b {2,2,3} = 7/3 → 2, n 6. Round 2: a {4,5,5,5} = 19/4, b {2,3,3} = 8/3
    // (c's two people in no group) → (19/4 + 8/3) / 2 = 89/24, n 7. Round 3: a {4,4,5} = 13/3, b in no group, n 3.
    expect(line.points.map((p) => p!.mean)).toEqual([2, expect.closeTo(89 / 24, 12), expect.closeTo(13 / 3, 12)]);
    expect(line.points.map((p) => p!.n)).toEqual([6, 7, 3]);
    expect(line.steps[0]!.change).toBeCloseTo(89 / 24 - 2, 12);
    expect(line.steps[1]!.change).toBeCloseTo(13 / 3 - 89 / 24, 12);
  });

  it('leaves a withheld group out of the chain and shows no figure for it', () => {
    // q02 round 2: b has two scores (one "don't know"): withheld; the chain is a's 3 alone, n 4.
    const chain = statement('q02').chain;
    expect(chain.points).toEqual([{ mean: 3.5, n: 6 }, { mean: 3, n: 4 }, { mean: 3, n: 3 }]);
    const b = statement('q02').partners[partner('b')]!;
    expect(b.points).toEqual([{ mean: 4, n: 3 }, { mean: null, n: 0, tooFew: true }, null]);
    expect(b.steps[0]!.laterTooFew).toBe(true);
    expect(b.steps[0]!.p).toBeNull();
    // Rounds 2 → 3 of the chain on q02: 3 and 3, a change of 0.
    expect(chain.steps[1]!.change).toBe(0);
  });

  it('breaks a line where a statement is absent, and starts the statement that replaced it on its own', () => {
    const old = statement('q03');
    // Round 1: a {4,4,5} = 13/3, b {2,3,3} = 8/3 → 3.5; round 2: a 5, b {3,3,4} = 10/3 → 25/6.
    expect(old.chain.points[0]).toEqual({ mean: 3.5, n: 6 });
    expect(old.chain.points[1]!.mean).toBeCloseTo(25 / 6, 12);
    expect(old.chain.points[2]).toBeNull();
    expect(old.chain.steps[1]).toBeNull();
    const replacement = statement('q14');
    expect(replacement.chain.points).toEqual([null, null, { mean: 2, n: 3 }]);
    expect(replacement.chain.steps).toEqual([null, null]);
  });

  it('follows a partner only where it is compared, with the rank test of each pair', () => {
    const a = statement('q01').partners[partner('a')]!;
    expect(a.points).toEqual([{ mean: 5 / 3, n: 3 }, { mean: 19 / 4, n: 4 }, { mean: 13 / 3, n: 3 }]);
    // {1,2,2} against {4,5,5,5}: of the 35 ways to split the seven answers 3 + 4, only 2 are as far apart.
    expect(a.steps[0]!.p).toBeCloseTo(2 / 35, 12);
    expect(a.steps[0]!.isUncertain).toBe(false);
    // {4,5,5,5} against {4,4,5}: the rank sum of the four is 22 − 3.5k with k of the three 4s among
    // them; observed k = 1 (18.5, 2.5 from the expected 16). k = 0, 1 or 3 is as far or further:
    // 1 + 12 + 4 of the 35 splits, p = 17/35: could be chance.
    expect(a.steps[1]!.p).toBeCloseTo(17 / 35, 12);
    expect(a.steps[1]!.isUncertain).toBe(true);
    // b has two people in round 3: not a group there, so its line stops at round 2.
    const b = statement('q01').partners[partner('b')]!;
    expect(b.points).toEqual([{ mean: 7 / 3, n: 3 }, { mean: 8 / 3, n: 3 }, null]);
    expect(b.steps[1]).toBeNull();
  });

  it('gives every step exactly the figure and verdict of the two-round comparison of that pair', () => {
    const pairs = [compareRounds(round1, round2), compareRounds(round2, round3)];
    for (const s of trend.statements) {
      pairs.forEach((pair, i) => {
        const change = pair.statements.find((c) => c.itemId === s.itemId);
        expect(s.chain.steps[i]).toEqual(change?.chain ?? null);
        trend.partners.forEach((p, pi) => {
          const gi = pair.groups.findIndex((g) => g.id === p.id);
          expect(s.partners[pi]!.steps[i]).toEqual(change && gi >= 0 ? change.groups[gi]! : null);
        });
      });
    }
    expect(trend.comparisons[1]!.notCompared.map((n) => [n.id, n.reason])).toContainEqual(['b', 'too-few']);
  });

  it('reads the same from two rounds as the two-round comparison', () => {
    const two = seriesTrend([round1, round2]);
    const pair = compareRounds(round1, round2);
    const q = two.statements.find((s) => s.itemId === 'q01')!;
    const change = pair.statements.find((s) => s.itemId === 'q01')!;
    expect(q.chain.points.map((p) => p!.mean)).toEqual([change.chain.earlierMean, change.chain.laterMean]);
    expect(q.chain.points.map((p) => p!.n)).toEqual([change.chain.earlierN, change.chain.laterN]);
  });
});
