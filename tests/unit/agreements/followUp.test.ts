import { describe, expect, it } from 'vitest';
import { followUpAgreements, judgeFollowUp } from '../../../src/domain/agreements/followUp';
import type { Agreement } from '../../../src/domain/agreements/types';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import { compareRounds } from '../../../src/domain/rounds/compareRounds';
import type { Answer, Response, Scan } from '../../../src/domain/types';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';
import { buildScan } from '../../fixtures/buildScan';

// The follow-up of round 1's agreements in round 2, by hand (docs/agreements.md, "Follow-up in
// the next round"). Round 1 asks q01, q02, q03; round 2 asks q02 (moved first), q01 and a new
// q14, and struck q03. One partner, a, answers in both rounds (b is in round 1 only, without people).
const base = copyDefaultInstrument();
const [q01, q02, q03] = [base.items[0]!, base.items[1]!, base.items[2]!];
const earlier: Scan = buildScan({
  id: 'round-1',
  instrument: { ...base, items: [q01, q02, q03] },
  organisations: [
    { id: 'a', name: 'Politie' },
    { id: 'b', name: 'Reclassering' },
  ],
});
const later: Scan = buildScan({
  id: 'round-2',
  instrument: { ...base, version: 2, items: [q02, q01, { ...q03, id: 'q14', text: { nl: 'Nieuw', en: '' } }] },
  organisations: [{ id: 'a', name: 'Politie Zuid' }],
});
let counter = 0;
const person = (answers: Record<string, Answer>): Response => makeResponse(`r${counter++}`, 'a', null, answers);
// q01: {1, 2, 2} → {4, 5, 5, 5}: means 5/3 → 19/4, exact p = 2/35 (mannWhitney.test.ts): a change, unlikely to be chance.
// q02: {3, 3, 3} → {3, 3, 4}: means 3 → 10/3, a change that could be chance.
const earlierResponses = [person({ q01: 1, q02: 3, q03: 2 }), person({ q01: 2, q02: 3, q03: 2 }), person({ q01: 2, q02: 3, q03: 2 })];
const laterResponses = [person({ q01: 4, q02: 3, q14: 1 }), person({ q01: 5, q02: 3, q14: 1 }), person({ q01: 5, q02: 4, q14: 1 }), person({ q01: 5, q14: 1 })];
const comparison = compareRounds({ scan: earlier, responses: earlierResponses }, { scan: later, responses: laterResponses });

const agreement = (id: string, itemId: string | null, createdAt: string, fields: Partial<Agreement> = {}): Agreement => ({
  id,
  scanId: earlier.id,
  itemId,
  what: `Afspraak ${id}`,
  partnerIds: ['a'],
  due: null,
  votes: null,
  voteId: null,
  createdAt,
  updatedAt: createdAt,
  followUp: null,
  ...fields,
});

describe('followUpAgreements', () => {
  const done = judgeFollowUp('done', 'Overleg loopt', later.id, new Date('2027-05-01T10:00:00.000Z'));
  const agreements: Agreement[] = [
    agreement('on-q03', 'q03', '2026-11-22T10:00:00.000Z'),
    agreement('on-q01', 'q01', '2026-11-22T10:01:00.000Z', { followUp: done, partnerIds: ['a', 'b', 'gone'], votes: 7 }),
    agreement('free', null, '2026-11-22T10:02:00.000Z'),
    agreement('on-q02', 'q02', '2026-11-22T10:03:00.000Z', { followUp: { ...done, status: 'underway', judgedInScanId: 'round-3' } }),
    agreement('on-q99', 'q99', '2026-11-22T10:04:00.000Z'),
    agreement('other-scan', 'q01', '2026-11-22T09:00:00.000Z', { scanId: 'another' }),
  ];
  const result = followUpAgreements({ earlier, later, agreements, comparison });

  it('puts each agreement beside the chain change of its statement, in the order of the rounds page', () => {
    expect(result.earlierScanId).toBe('round-1');
    expect(result.laterScanId).toBe('round-2');
    // The page's rows: q02 (row 1), q01 (row 2); then the struck q03 and the unknown q99.
    expect(result.withStatement.map((e) => e.agreement.id)).toEqual(['on-q02', 'on-q01', 'on-q03', 'on-q99']);
    const [onQ02, onQ01] = result.withStatement;
    expect(onQ01!.change).toMatchObject({ kind: 'compared', index: 1 });
    if (onQ01!.change?.kind !== 'compared') throw new Error('compared');
    expect(onQ01!.change.figure.earlierMean).toBeCloseTo(5 / 3, 12);
    expect(onQ01!.change.figure.laterMean).toBeCloseTo(19 / 4, 12);
    expect(onQ01!.change.figure.change).toBeCloseTo(19 / 4 - 5 / 3, 12);
    expect(onQ01!.change.figure.p).toBeCloseTo(2 / 35, 12);
    expect(onQ01!.change.figure.isUncertain).toBe(false);
    // The very figure the rounds page shows for the chain: one evidence rule.
    expect(onQ01!.change.figure).toBe(comparison.statements[1]!.chain);
    if (onQ02!.change?.kind !== 'compared') throw new Error('compared');
    expect(onQ02!.change.index).toBe(0);
    expect(onQ02!.change.figure.earlierMean).toBeCloseTo(3, 12);
    expect(onQ02!.change.figure.laterMean).toBeCloseTo(10 / 3, 12);
    expect(onQ02!.change.figure.isUncertain).toBe(true);
  });

  it('shows no change for a struck statement or one it cannot find, and still lists them', () => {
    const [, , onQ03, onQ99] = result.withStatement;
    expect(onQ03!.change).toEqual({ kind: 'onlyEarlier', item: q03 });
    expect(onQ99!.change).toEqual({ kind: 'missing', itemId: 'q99' });
  });

  it('lists agreements without a statement apart, and leaves other scans out', () => {
    expect(result.withoutStatement.map((e) => e.agreement.id)).toEqual(['free']);
    expect(result.withoutStatement[0]!.change).toBeNull();
    expect([...result.withStatement, ...result.withoutStatement].some((e) => e.agreement.id === 'other-scan')).toBe(false);
  });

  it('names the partners by their later name, their earlier one, or their id', () => {
    expect(result.withStatement[1]!.partnerNames).toEqual(['Politie Zuid', 'Reclassering', 'gone']);
  });

  it('carries the follow-up and says whether it was judged in this round', () => {
    const byId = new Map(result.withStatement.map((e) => [e.agreement.id, e]));
    expect(byId.get('on-q01')!.followUp).toEqual({ status: 'done', note: 'Overleg loopt', judgedInScanId: 'round-2', updatedAt: '2027-05-01T10:00:00.000Z' });
    expect(byId.get('on-q01')!.judgedHere).toBe(true);
    expect(byId.get('on-q02')!.followUp?.status).toBe('underway');
    expect(byId.get('on-q02')!.judgedHere).toBe(false);
    expect(byId.get('on-q03')!.followUp).toBeNull();
    expect(byId.get('on-q03')!.judgedHere).toBe(false);
  });
});
