import { describe, expect, it } from 'vitest';
import { analyseScan, analyseScanProtected } from '../../../src/domain/analysis';
import { DEFAULT_INSTRUMENT } from '../../../src/domain/instrument/defaultInstrument';
import type { Answer, Response } from '../../../src/domain/types';

const organisations = [
  { id: 'a', name: 'A' },
  { id: 'b', name: 'B' },
  { id: 'small', name: 'Small' },
];

function response(id: string, organisationId: string, q01: Answer): Response {
  return {
    id, scanId: 's', organisationId, level: 'uitvoering', answers: { q01 }, comments: {}, keywords: [], improvement: '',
    startedAt: '2026-11-22T10:00:00.000Z', submittedAt: '2026-11-22T10:05:00.000Z', status: 'submitted', position: 0,
  };
}

const responses = [
  response('1', 'a', 4), response('2', 'a', 4), response('3', 'a', 4),
  response('4', 'b', 2), response('5', 'b', 2), response('6', 'b', 2),
  response('7', 'small', 1), // one person: under the threshold of 3, no pool possible
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
    const tiny = analyseScanProtected({ ...input, responses: [response('1', 'a', 5), response('2', 'b', 1)] });
    expect(tiny.groups).toEqual([]);
    expect(tiny.statements[0]!.n).toBe(0);
    expect(tiny.statements[0]!.weightedMean).toBeNull();
  });
});
