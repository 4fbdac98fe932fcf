import { describe, expect, it } from 'vitest';
import { analyseScan, analyseScanProtected } from '../../../src/domain/analysis';
import { DEFAULT_INSTRUMENT } from '../../../src/domain/instrument/defaultInstrument';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';

const organisations = [
  { id: 'a', name: 'A' },
  { id: 'b', name: 'B' },
  { id: 'small', name: 'Small' },
];


const responses = [
  makeResponse('1', 'a', 'uitvoering', { q01: 4 }), makeResponse('2', 'a', 'uitvoering', { q01: 4 }), makeResponse('3', 'a', 'uitvoering', { q01: 4 }),
  makeResponse('4', 'b', 'uitvoering', { q01: 2 }), makeResponse('5', 'b', 'uitvoering', { q01: 2 }), makeResponse('6', 'b', 'uitvoering', { q01: 2 }),
  makeResponse('7', 'small', 'uitvoering', { q01: 1 }), // one person: under the threshold of 3, no pool possible
];
const input = { instrument: DEFAULT_INSTRUMENT, organisations, responses, settings: { minGroupSize: 3, gapThreshold: 1 } };

describe('analyseScanProtected', () => {
  it('leaves a suppressed respondent out of every chain-wide figure, so nothing can be subtracted', () => {
    const plain = analyseScan(input);
    // The leak the policy closes: chain-wide sum minus group sums is the lone respondent's answer.
    const q01 = plain.statements[0]!;
    const groupSum = q01.cells.reduce((sum, c) => sum + (c.mean ?? 0) * c.n, 0);
    expect(q01.weightedMean! * q01.n - groupSum).toBeCloseTo(1);

    const safe = analyseScanProtected(input).statements[0]!;
    expect(safe.n).toBe(6);
    expect(safe.weightedMean).toBeCloseTo(3);
    expect(safe.counts).toEqual([0, 3, 0, 3, 0]);
    expect(safe.hasSuppressedAnswers).toBe(false);
  });

  it('still reports who was left out, and counts them as participants', () => {
    const safe = analyseScanProtected(input);
    expect(safe.anonymity.suppressedOrganisationIds).toEqual(['small']);
    expect(safe.anonymity.suppressedRespondents).toBe(1);
    expect(safe.respondentsPerOrganisation.find((r) => r.organisationId === 'small')?.respondents).toBe(1);
    // The results page's "submitted scans" counts them too: 7, as the scan page says, not 6.
    expect(safe.totals.countedResponses).toBe(7);
    expect(safe.groups.map((g) => g.id)).toEqual(['a', 'b']);
  });

  it('equals the plain analysis when nobody is suppressed, and respects an organisation filter', () => {
    const withoutSmall = { ...input, responses: responses.filter((r) => r.organisationId !== 'small') };
    expect(analyseScanProtected(withoutSmall)).toEqual(analyseScan(withoutSmall));
    const onlyA = analyseScanProtected({ ...input, filters: { organisationIds: ['a', 'small'] } });
    expect(onlyA.groups.map((g) => g.id)).toEqual(['a']);
    expect(onlyA.statements[0]!.n).toBe(3);
  });

  it('shows nothing when every organisation is too small', () => {
    const tiny = analyseScanProtected({ ...input, responses: [makeResponse('1', 'a', 'uitvoering', { q01: 5 }), makeResponse('2', 'b', 'uitvoering', { q01: 1 })] });
    expect(tiny.groups).toEqual([]);
    expect(tiny.totals.countedResponses).toBe(2);
    expect(tiny.statements[0]!.n).toBe(0);
    expect(tiny.statements[0]!.weightedMean).toBeNull();
  });
});
