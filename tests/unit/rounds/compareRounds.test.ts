import { describe, expect, it } from 'vitest';
import { analyseScanProtected } from '../../../src/domain/analysis';
import { generateDemoScan, generateDemoSeries } from '../../../src/domain/demo/generateDemoScan';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import { compareRounds, matchStatements } from '../../../src/domain/rounds/compareRounds';
import type { Answer, Instrument, Response, Scan } from '../../../src/domain/types';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';

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

const scanOf = (organisations: string[]): Scan => ({
  id: 's',
  title: 't',
  date: '2026-11-22',
  settings: { minGroupSize: 3, gapThreshold: 1, askLevel: false },
  instrument: { ...base, items: [base.items[0]!] },
  organisations: organisations.map((id) => ({ id, name: id.toUpperCase() })),
  status: 'open',
  isDemo: false,
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
