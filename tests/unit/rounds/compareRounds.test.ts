import { describe, expect, it } from 'vitest';
import { analyseScanProtected, POOLED_GROUP_ID } from '../../../src/domain/analysis';
import { generateDemoScan, generateDemoSeries } from '../../../src/domain/demo/generateDemoScan';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import { compareRounds, matchStatements } from '../../../src/domain/rounds/compareRounds';
import type { Answer, Instrument, Organisation, Response, Scan } from '../../../src/domain/types';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';
import { buildScan } from '../../fixtures/buildScan';

const base = copyDefaultInstrument();

describe('matchStatements', () => {
  it('matches by id, lists statements of one round only, and follows the later order', () => {
    const later: Instrument = {
      ...base,
      version: 2,
      items: [
        base.items[1]!,
        base.items[0]!,
        ...base.items.slice(2).filter((i) => i.id !== 'q05' && i.id !== 'q07'),
        { ...base.items[4]!, id: 'q14', text: { nl: 'Andere betekenis', en: '' } },
        { id: 'q15', dimension: 'leren', kind: 'thermometer', text: { nl: 'Nieuw', en: '' } },
      ],
    };
    const match = matchStatements(base, later);
    expect(match.matched.map((m) => m.id)).toEqual(['q02', 'q01', 'q03', 'q04', 'q06', 'q08', 'q09', 'q10', 'q11', 'q12', 'q13']);
    expect(match.onlyEarlier.map((i) => i.id)).toEqual(['q05', 'q07']);
    expect(match.onlyLater.map((i) => i.id)).toEqual(['q14', 'q15']);
  });

  it('keeps a statement reworded with the same meaning (same id) as a match, with both texts', () => {
    const later = { ...base, items: base.items.map((i) => (i.id === 'q03' ? { ...i, text: { nl: 'Ik ken de taken van de partners.', en: '' } } : i)) };
    const match = matchStatements(base, later);
    const q03 = match.matched.find((m) => m.id === 'q03')!;
    expect(q03.earlier.text.nl).toMatch(/^Ik weet welke taken/);
    expect(q03.later.text.nl).toBe('Ik ken de taken van de partners.');
    expect(match.onlyEarlier).toEqual([]);
  });
});

const scanOf = (organisations: string[]): Scan =>
  buildScan({
    id: 's',
    title: 't',
    instrument: { ...base, items: [base.items[0]!] },
    organisations: organisations.map((id) => ({ id, name: id.toUpperCase() })),
    createdAt: '2026-11-22T09:00:00.000Z',
  });
let counter = 0;
const answer = (organisationId: string, value: Answer): Response => makeResponse(`r${counter++}`, organisationId, null, { q01: value });

describe('compareRounds', () => {
  it('gives the change, n per round and the rank test, and leaves people in no group out', () => {
    const scan = scanOf(['a', 'b']);
    // a: {1,2,2} then {4,5,5,5}; b has two people in each round: under the guard, in no group.
    const earlier = [answer('a', 1), answer('a', 2), answer('a', 2), answer('b', 5), answer('b', 5)];
    const later = [answer('a', 4), answer('a', 5), answer('a', 5), answer('a', 5), answer('b', 1), answer('b', 1)];
    const result = compareRounds({ scan, responses: earlier }, { scan, responses: later });
    expect(result.groups).toEqual([{ id: 'a', name: 'A', earlierRespondents: 3, laterRespondents: 4 }]);
    const [q01] = result.statements;
    // Chain = the one group a: 5/3 → 19/4.
    expect(q01!.chain.earlierMean).toBeCloseTo(5 / 3, 12);
    expect(q01!.chain.laterMean).toBeCloseTo(19 / 4, 12);
    expect(q01!.chain.change).toBeCloseTo(19 / 4 - 5 / 3, 12);
    expect([q01!.chain.earlierN, q01!.chain.laterN]).toEqual([3, 4]);
    // Hand-computed in mannWhitney.test.ts: the exact p = 2/35.
    expect(q01!.chain.p).toBeCloseTo(2 / 35, 12);
    expect(q01!.chain.pMethod).toBe('exact');
    expect(q01!.chain.isUncertain).toBe(false);
    expect(q01!.groups).toEqual([q01!.chain]);
  });

  it('calls a small change uncertain, and a group present in one round only is not compared', () => {
    const earlierScan = scanOf(['a', 'c']);
    const laterScan = scanOf(['a']);
    const earlier = [answer('a', 3), answer('a', 4), answer('a', 3), answer('c', 2), answer('c', 2), answer('c', 2)];
    const later = [answer('a', 4), answer('a', 3), answer('a', 4)];
    const result = compareRounds({ scan: earlierScan, responses: earlier }, { scan: laterScan, responses: later });
    expect(result.groups.map((g) => g.id)).toEqual(['a']);
    const [q01] = result.statements;
    expect(q01!.groups[0]!.change).toBeCloseTo(1 / 3, 12);
    expect(q01!.groups[0]!.isUncertain).toBe(true);
    // The chain mean of round 1 is over both groups: (10/3 + 2)/2.
    expect(q01!.chain.earlierMean).toBeCloseTo((10 / 3 + 2) / 2, 12);
  });

  it('on the demo series: every change is the difference of each round\'s own analysis', () => {
    const [first, second] = generateDemoSeries({ now: new Date('2026-11-22T09:00:00.000Z') });
    // Round 1 is the demo workshop itself, answers and ids unchanged.
    const plain = generateDemoScan({ now: new Date('2026-05-24T09:00:00.000Z') });
    expect(first.responses.map((r) => r.answers)).toEqual(plain.responses.map((r) => r.answers));
    expect(first.scan.series).toEqual({ id: second.scan.series!.id, round: 1 });
    expect(second.scan.series!.round).toBe(2);

    const analyse = (round: typeof first) => analyseScanProtected({ ...round.scan, responses: round.responses });
    const a = analyse(first);
    const b = analyse(second);
    const result = compareRounds(first, second);
    expect(result.statements).toHaveLength(13);
    expect(result.onlyEarlier).toEqual([]);
    expect(result.onlyLater).toEqual([]);
    for (const change of result.statements) {
      const before = a.statements.find((s) => s.itemId === change.itemId)!;
      const after = b.statements.find((s) => s.itemId === change.itemId)!;
      expect(change.chain.earlierMean).toBe(before.chainMean);
      expect(change.chain.laterMean).toBe(after.chainMean);
      expect(change.chain.earlierN).toBe(before.cells.reduce((s, c) => s + c.n, 0));
      expect(change.chain.laterN).toBe(after.cells.reduce((s, c) => s + c.n, 0));
    }
    // The story of the demo: coordination per family (q05) improved beyond chance; capacity (q11) did not.
    const q05 = result.statements.find((s) => s.itemId === 'q05')!;
    expect(q05.chain.change!).toBeGreaterThan(0.4);
    expect(q05.chain.isUncertain).toBe(false);
    expect(result.statements.find((s) => s.itemId === 'q11')!.chain.isUncertain).toBe(true);
  });
});

// Partners that change between rounds (docs/instrument-and-rounds.md, "Partners that change"):
// a partner is compared only where the organisations it stands for are the same in both rounds.
describe('compareRounds: partners merged, split, renamed or unchanged', () => {
  const scanWith = (organisations: Organisation[]): Scan => ({ ...scanOf([]), organisations });
  const people = (organisationId: string, values: Answer[]) => values.map((v) => answer(organisationId, v));
  // Round 1: politie {2,2,3}, om {4,4,5}, gemeente {3,3,3}.
  const round1 = scanWith([
    { id: 'politie', name: 'Politie' },
    { id: 'om', name: 'OM' },
    { id: 'gemeente', name: 'Gemeente' },
  ]);
  const answers1 = [...people('politie', [2, 2, 3]), ...people('om', [4, 4, 5]), ...people('gemeente', [3, 3, 3])];

  it('unchanged: every partner compared, nothing listed as not comparable', () => {
    const result = compareRounds({ scan: round1, responses: answers1 }, { scan: round1, responses: answers1 });
    expect(result.groups.map((g) => g.id)).toEqual(['politie', 'om', 'gemeente']);
    expect(result.groups.every((g) => g.renamedFrom === undefined)).toBe(true);
    expect(result.notCompared).toEqual([]);
  });

  it('merged in round 2: the merged partner and the absorbed one are not compared, each with its reason; the rest is', () => {
    // The director merged OM into Politie in round 2: Politie now holds both partners' people.
    const round2 = scanWith([
      { id: 'politie', name: 'Politie', mergedFrom: ['om'] },
      { id: 'gemeente', name: 'Gemeente' },
    ]);
    const answers2 = [...people('politie', [2, 2, 3, 4, 4, 5]), ...people('gemeente', [4, 4, 4])];
    const result = compareRounds({ scan: round1, responses: answers1 }, { scan: round2, responses: answers2 });
    expect(result.groups.map((g) => g.id)).toEqual(['gemeente']);
    expect(result.notCompared).toEqual([
      { id: 'politie', name: 'Politie', reason: 'merged', others: ['OM'], tooFewIn: [] },
      { id: 'om', name: 'OM', reason: 'merged-into', others: ['Politie'], tooFewIn: [] },
    ]);
    // No "+1.17" for Politie (its round-2 mean 10/3 against 7/3 in round 1): it is not there at all.
    expect(result.statements[0]!.groups).toHaveLength(1);
    expect(result.statements[0]!.groups[0]!.change).toBeCloseTo(1, 12);
  });

  it('merged before both rounds (the next round copied the merged set-up): the same partner, compared', () => {
    const merged = scanWith([
      { id: 'politie', name: 'Politie', mergedFrom: ['om'] },
      { id: 'gemeente', name: 'Gemeente' },
    ]);
    const answers = [...people('politie', [2, 2, 3, 4, 4, 5]), ...people('gemeente', [3, 3, 3])];
    const result = compareRounds({ scan: merged, responses: answers }, { scan: merged, responses: answers });
    expect(result.groups.map((g) => g.id)).toEqual(['politie', 'gemeente']);
    expect(result.notCompared).toEqual([]);
  });

  it('split in round 2: the parts and what remains of the partner are not compared, with their reasons', () => {
    const round2 = scanWith([
      { id: 'politie', name: 'Politie' },
      { id: 'om', name: 'OM' },
      { id: 'gemeente', name: 'Gemeente' },
      { id: 'politie-noord', name: 'Politie Noord', splitFrom: 'politie' },
    ]);
    const answers2 = [...people('politie', [3, 3, 3]), ...people('politie-noord', [1, 1, 2]), ...people('om', [4, 4, 4]), ...people('gemeente', [3, 3, 3])];
    const result = compareRounds({ scan: round1, responses: answers1 }, { scan: round2, responses: answers2 });
    expect(result.groups.map((g) => g.id)).toEqual(['om', 'gemeente']);
    expect(result.notCompared).toEqual([
      { id: 'politie', name: 'Politie', reason: 'split', others: ['Politie Noord'], tooFewIn: [] },
      { id: 'politie-noord', name: 'Politie Noord', reason: 'split-off', others: ['Politie'], tooFewIn: [] },
    ]);
  });

  it('split into parts, the partner itself gone: listed as split into its parts', () => {
    const round2 = scanWith([
      { id: 'om', name: 'OM' },
      { id: 'gemeente', name: 'Gemeente' },
      { id: 'politie-noord', name: 'Politie Noord', splitFrom: 'politie' },
      { id: 'politie-zuid', name: 'Politie Zuid', splitFrom: 'politie' },
    ]);
    const answers2 = [...people('politie-noord', [1, 1, 2]), ...people('politie-zuid', [4, 4, 2]), ...people('om', [4, 4, 4]), ...people('gemeente', [3, 3, 3])];
    const result = compareRounds({ scan: round1, responses: answers1 }, { scan: round2, responses: answers2 });
    expect(result.groups.map((g) => g.id)).toEqual(['om', 'gemeente']);
    expect(result.notCompared.map((n) => [n.id, n.reason, n.others])).toEqual([
      ['politie-noord', 'split-off', ['Politie']],
      ['politie-zuid', 'split-off', ['Politie']],
      ['politie', 'split', ['Politie Noord', 'Politie Zuid']],
    ]);
  });

  it('renamed with the same membership: compared, with the old name', () => {
    const round2 = scanWith([
      { id: 'politie', name: 'Nationale Politie' },
      { id: 'om', name: 'OM' },
      { id: 'gemeente', name: 'Gemeente' },
    ]);
    const result = compareRounds({ scan: round1, responses: answers1 }, { scan: round2, responses: answers1 });
    expect(result.groups[0]).toEqual({ id: 'politie', name: 'Nationale Politie', renamedFrom: 'Politie', earlierRespondents: 3, laterRespondents: 3 });
    expect(result.notCompared).toEqual([]);
  });

  it('a partner new, gone, or too small in one round is listed, never silently dropped', () => {
    const round2 = scanWith([
      { id: 'politie', name: 'Politie' },
      { id: 'gemeente', name: 'Gemeente' },
      { id: 'parlan', name: 'Parlan' },
    ]);
    // OM is no partner in round 2, Parlan none in round 1; Politie has 2 people in round 2.
    const answers2 = [...people('politie', [3, 3]), ...people('gemeente', [3, 3, 4]), ...people('parlan', [2, 2, 2])];
    const result = compareRounds({ scan: round1, responses: answers1 }, { scan: round2, responses: answers2 });
    expect(result.groups.map((g) => g.id)).toEqual(['gemeente']);
    expect(result.notCompared).toEqual([
      { id: 'politie', name: 'Politie', reason: 'too-few', others: [], tooFewIn: ['later'] },
      { id: 'parlan', name: 'Parlan', reason: 'only-later', others: [], tooFewIn: [] },
      { id: 'om', name: 'OM', reason: 'only-earlier', others: [], tooFewIn: [] },
    ]);
  });

  it('the pooled group is compared only when it pools the same partners; otherwise it is listed too', () => {
    const five = scanWith([
      { id: 'politie', name: 'Politie' },
      { id: 'om', name: 'OM' },
      { id: 'gemeente', name: 'Gemeente' },
      { id: 'parlan', name: 'Parlan' },
    ]);
    // Round 1: om 1 + parlan 2 pooled. Round 2: om 1 + parlan 2 again → the same pool, compared.
    const a = [...people('politie', [2, 2, 3]), ...people('gemeente', [3, 3, 3]), ...people('om', [4]), ...people('parlan', [4, 5])];
    const same = compareRounds({ scan: five, responses: a }, { scan: five, responses: a });
    expect(same.groups.map((g) => g.id)).toEqual(['politie', 'gemeente', POOLED_GROUP_ID]);
    expect(same.groups[2]!.pooledNames).toEqual(['OM', 'Parlan']);
    expect(same.notCompared).toEqual([]);
    // Round 2: gemeente 2 + om 1 pooled, parlan 3 on its own: another pool.
    const b = [...people('politie', [2, 2, 3]), ...people('gemeente', [3, 3]), ...people('om', [4]), ...people('parlan', [4, 5, 5])];
    const other = compareRounds({ scan: five, responses: a }, { scan: five, responses: b });
    expect(other.groups.map((g) => g.id)).toEqual(['politie']);
    expect(other.notCompared.map((n) => [n.id, n.reason, n.tooFewIn])).toEqual([
      ['om', 'too-few', ['earlier', 'later']],
      ['gemeente', 'too-few', ['later']],
      ['parlan', 'too-few', ['earlier']],
      [POOLED_GROUP_ID, 'pool-differs', []],
    ]);
  });
});
