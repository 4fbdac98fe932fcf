import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from '../../../src/domain/analysis/keywords';
import { analyseScan, bandOf, consensusOfCounts, knobPriority, normaliseKeyword, sampleSdOfCounts, type AnalysisInput } from '../../../src/domain/analysis';
import type { Answer, Organisation, Response } from '../../../src/domain/types';
import { FIXTURE_INSTRUMENT, makeResponse } from '../../fixtures/analysis/handComputedScan';

const ORGS: Organisation[] = [
  { id: 'a', name: 'A' },
  { id: 'b', name: 'B' },
  { id: 'c', name: 'C' },
];

/** One response per score for organisation `org` on statement `itemId`. */
function answersFor(org: string, itemId: string, scores: readonly Answer[]): Response[] {
  return scores.map((score, i) => makeResponse(`${org}-${itemId}-${i}`, org, null, { [itemId]: score }));
}

function analyse(responses: Response[], overrides: Partial<AnalysisInput> = {}) {
  return analyseScan({ instrument: FIXTURE_INSTRUMENT, organisations: ORGS, responses, settings: { minGroupSize: 1, gapThreshold: 1 }, ...overrides });
}

describe('bands', () => {
  it('puts 4.0 in strong, 3.0–3.99 in attention and below 3 in concern', () => {
    expect(bandOf(4)).toBe('strong');
    expect(bandOf(3.99)).toBe('attention');
    expect(bandOf(3)).toBe('attention');
    expect(bandOf(2.99)).toBe('concern');
    expect(bandOf(null)).toBeNull();
  });

  it('treats a chain mean that is 4 on paper as strong despite floating point (4, 13/3, 11/3)', () => {
    const responses = [...answersFor('a', 's1', [4]), ...answersFor('b', 's1', [4, 4, 5]), ...answersFor('c', 's1', [3, 4, 4])];
    const s1 = analyse(responses).statements[0];
    expect(s1?.chainMean).toBeCloseTo(4, 12);
    expect(s1?.band).toBe('strong');
  });
});

describe('discussion points', () => {
  it('flags a gap of exactly the threshold even when floating point gives 0.9999999999999998 (8/3 − 5/3)', () => {
    // 2,3,3 against 1,2,2 twice over: the exact p = 5/154 < 0.10 (three against three could not reach it).
    const s1 = analyse([...answersFor('a', 's1', [2, 3, 3, 2, 3, 3]), ...answersFor('b', 's1', [1, 2, 2, 1, 2, 2])]).statements[0];
    expect(s1?.gap).toBeCloseTo(1, 12);
    expect(s1?.gap).toBeLessThan(1);
    expect(s1?.isDiscussionPoint).toBe(true);
  });

  it('does not flag a gap just under the threshold', () => {
    // 3 − 2.25 = 0.75 < 1
    const s1 = analyse([...answersFor('a', 's1', [3, 3]), ...answersFor('b', 's1', [2, 2, 2, 3])]).statements[0];
    expect(s1?.gap).toBeCloseTo(0.75, 12);
    expect(s1?.hasLargeGap).toBe(false);
    expect(s1?.isDiscussionPoint).toBe(false);
  });

  it('uses the scan setting for the threshold', () => {
    const responses = [...answersFor('a', 's1', [3, 3]), ...answersFor('b', 's1', [2, 2, 2, 3])];
    expect(analyse(responses, { settings: { minGroupSize: 1, gapThreshold: 0.5 } }).statements[0]?.hasLargeGap).toBe(true);
    expect(analyse(responses, { settings: { minGroupSize: 1, gapThreshold: 1 } }).statements[0]?.hasLargeGap).toBe(false);
  });
});

describe('statistics from counts', () => {
  it('computes the sample sd with divisor n − 1', () => {
    // 1, 3: mean 2, squares 1 + 1 = 2, divisor 1 → √2
    expect(sampleSdOfCounts([1, 0, 1, 0, 0])).toBeCloseTo(Math.SQRT2, 12);
    expect(sampleSdOfCounts([0, 0, 1, 0, 0])).toBeNull();
  });

  it('gives consensus 1 for unanimity, 0 for the 1/5 split and between for the rest', () => {
    expect(consensusOfCounts([0, 0, 7, 0, 0])).toBe(1);
    expect(consensusOfCounts([3, 0, 0, 0, 3])).toBe(0);
    expect(consensusOfCounts([0, 0, 0, 0, 0])).toBeNull();
    // 1 and 5 alone: a term with |i − μ| = 4 would be log2(0), but its share is 0.
    expect(consensusOfCounts([5, 0, 0, 0, 0])).toBe(1);
    expect(consensusOfCounts([0, 0, 0, 0, 5])).toBe(1);
    // 3 and 4 half each: μ = 3.5, both terms 0.5·log2(1 − 0.125) → 1 + log2(0.875) = 0.807355
    expect(consensusOfCounts([0, 0, 2, 2, 0])).toBeCloseTo(0.807355, 6);
  });
});

describe('knobs', () => {
  it('weighs a low chain mean twice as much as the gap', () => {
    expect(knobPriority(1, 0)).toBeCloseTo(2 / 3, 12);
    expect(knobPriority(5, 4)).toBeCloseTo(1 / 3, 12);
    expect(knobPriority(1, 4)).toBeCloseTo(1, 12);
    expect(knobPriority(null, 2)).toBeNull();
  });

  it('breaks equal priorities by the larger gap, then by statement order', () => {
    // s1: means 3 and 3 → chain 3, gap 0 → 1/3. s3: means 3.5 and 2.5 → chain 3, gap 1 → 1/3 + 1/12.
    // s6: same as s1 → tie with s1 on priority and gap → statement order keeps s1 first.
    const responses = [
      makeResponse('a1', 'a', null, { s1: 3, s3: 4, s6: 3 }),
      makeResponse('a2', 'a', null, { s1: 3, s3: 3, s6: 3 }),
      makeResponse('b1', 'b', null, { s1: 3, s3: 2, s6: 3 }),
      makeResponse('b2', 'b', null, { s1: 3, s3: 3, s6: 3 }),
    ];
    const knobs = analyse(responses).knobs;
    expect(knobs.map((k) => [k.itemId, k.rank])).toEqual([['s3', 1], ['s1', 2], ['s6', 3]]);
    // A tie on priority decided by the gap: chain 3.5 with gap 1 (1/4 + 1/12 = 1/3) vs chain 3 gap 0 (1/3).
    const tie = analyse([
      makeResponse('a1', 'a', null, { s1: 4, s3: 3 }),
      makeResponse('b1', 'b', null, { s1: 3, s3: 3 }),
    ]).knobs;
    expect(tie[0]?.priority).toBeCloseTo(tie[1]?.priority ?? NaN, 12);
    expect(tie.map((k) => k.itemId).slice(0, 2)).toEqual(['s1', 's3']);
  });

  it('lists only thermostat statements', () => {
    const knobs = analyse(answersFor('a', 's2', [1, 1])).knobs;
    expect(knobs.map((k) => k.itemId)).toEqual(['s1', 's3', 's6']);
  });
});

describe('keywords', () => {
  it('normalises case with Dutch rules and tidies spaces', () => {
    expect(normaliseKeyword('  IJzer   Sterk ')).toBe('ijzer sterk');
    expect(normaliseKeyword(' \t ')).toBe('');
  });

  it('sorts by count, then alphabetically, and prefers the alphabetically first spelling on a tie (Dutch collation: lower case first)', () => {
    const analysis = analyse([
      makeResponse('1', 'a', null, {}, ['Zorg', 'appel']),
      makeResponse('2', 'a', null, {}, ['zorg', 'Bos']),
      makeResponse('3', 'a', null, {}, ['bos']),
    ]);
    expect(analysis.keywords).toEqual([
      { key: 'bos', display: 'bos', count: 2 },
      { key: 'zorg', display: 'zorg', count: 2 },
      { key: 'appel', display: 'appel', count: 1 },
    ]);
  });
});

describe('defensive input handling', () => {
  it('counts neither drafts nor invalid answers, and never repairs an answer', () => {
    const broken = makeResponse('x', 'a', null, { s1: 7 as unknown as Answer, s2: '4' as unknown as Answer, s3: 2 });
    const draft = makeResponse('d', 'a', null, { s1: 1 }, [], 'draft');
    const analysis = analyse([broken, draft]);
    expect(analysis.totals.invalidAnswers).toBe(2);
    expect(analysis.totals.submittedResponses).toBe(1);
    expect(analysis.statements[0]?.n).toBe(0);
    expect(analysis.statements[1]?.n).toBe(0);
    expect(analysis.statements[2]?.counts).toEqual([0, 1, 0, 0, 0]);
  });

  it('counts an organisation listed twice once', () => {
    const analysis = analyse(answersFor('a', 's1', [2, 4]), { organisations: [...ORGS, { id: 'a', name: 'A again' }] });
    expect(analysis.groups.map((g) => g.id)).toEqual(['a']);
    expect(analysis.respondentsPerOrganisation.map((r) => r.organisationId)).toEqual(['a', 'b', 'c']);
  });

  it('treats a minimum group size below 1 as 1', () => {
    const analysis = analyse(answersFor('a', 's1', [2]), { settings: { minGroupSize: 0, gapThreshold: 1 } });
    expect(analysis.settings.minGroupSize).toBe(1);
    expect(analysis.groups.map((g) => g.id)).toEqual(['a']);
  });

  it('never lets a level filter match a response without a level', () => {
    const analysis = analyse([makeResponse('1', 'a', null, { s1: 3 }), makeResponse('2', 'a', 'bestuur', { s1: 5 })], { filters: { levels: ['bestuur'] } });
    expect(analysis.totals.countedResponses).toBe(1);
    expect(analysis.statements[0]?.weightedMean).toBe(5);
  });
});

describe('the worked example of docs/analysis.md', () => {
  it('gives the figures printed there (q05 with police, municipality and a pool of two)', () => {
    const organisations: Organisation[] = [
      { id: 'politie', name: 'Politie' },
      { id: 'gemeente', name: 'Gemeente' },
      { id: 'parlan', name: 'Parlan' },
      { id: 'om', name: 'Openbaar Ministerie' },
    ];
    const responses = [
      ...answersFor('politie', 's1', [2, 2, 3, 3, 'dk']),
      ...answersFor('gemeente', 's1', [4, 5, 5]),
      ...answersFor('parlan', 's1', [3]),
      ...answersFor('om', 's1', [2, 4]),
    ];
    const analysis = analyseScan({ instrument: FIXTURE_INSTRUMENT, organisations, responses, settings: { minGroupSize: 3, gapThreshold: 1 } });
    const s1 = analysis.statements[0];
    expect(analysis.groups.map((g) => [g.id, g.respondents, g.isIndicative])).toEqual([['politie', 5, false], ['gemeente', 3, true], ['__pooled__', 3, true]]);
    expect(s1?.cells.map((c) => Number(c.mean?.toFixed(2)))).toEqual([2.5, 4.67, 3]);
    expect(s1?.cells.map((c) => Number(c.sd?.toFixed(2)))).toEqual([0.58, 0.58, 1]);
    expect(s1?.cells[0]?.isIndicative).toBe(true);
    expect(s1?.chainMean?.toFixed(2)).toBe('3.39');
    expect(s1?.weightedMean?.toFixed(2)).toBe('3.30');
    expect(s1?.gap?.toFixed(2)).toBe('2.17');
    expect(s1?.isDiscussionPoint).toBe(true);
    expect(s1?.band).toBe('attention');
    expect(Math.round((s1?.dkShare ?? 0) * 100)).toBe(9);
    expect(s1?.consensus?.toFixed(2)).toBe('0.58');
    expect(analysis.knobs[0]?.priority?.toFixed(2)).toBe('0.45');
  });
});

describe('keyword order without a collator', () => {
  // compareText skips Intl.Collator for plain lower-case words; that shortcut must sort exactly
  // as Dutch collation does, or the keyword lists would change order with the words in them.
  const plain = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 '.split('')), maxLength: 8 });
  const dutch = new Intl.Collator('nl');
  const sign = (n: number) => Math.sign(n);

  it('orders plain lower-case words as Dutch collation does', () => {
    fc.assert(
      fc.property(plain, plain, (a, b) => {
        expect(sign(compareText(a, b))).toBe(sign(dutch.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)));
      }),
      { numRuns: 2000 },
    );
  });

  it('still uses Dutch collation for capitals and accents', () => {
    expect(compareText('zorg', 'Zorg')).toBeLessThan(0);
    expect(compareText('coördinatie', 'cooperatie')).toBeGreaterThan(0);
    expect(compareText('één', 'eend')).toBeLessThan(0);
    expect(['Zorg', 'appel', 'Bos', 'ëgel', 'egel'].sort(compareText)).toEqual(['appel', 'Bos', 'egel', 'ëgel', 'Zorg']);
  });
});
