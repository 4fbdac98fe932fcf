import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseScan, type AnalysisFilters } from '../../../src/domain/analysis';
import { countIntoTally, submittedInTally, type TallyRecord } from '../../../src/domain/tallyRecord';
import { LEVELS, type Answer, type Level, type Organisation, type Response } from '../../../src/domain/types';
import { FIXTURE_INSTRUMENT, makeResponse } from '../../fixtures/analysis/handComputedScan';

// The stored tally (docs/scale.md) against a recount: after any sequence of submits, imports,
// replacements and deletions, analysing the stored tally gives exactly the analysis of the
// responses that remain, for every filter.

const ORGANISATIONS: Organisation[] = Array.from({ length: 5 }, (_, k) => ({ id: `org${k}-zq`, name: `Naam${k}` }));
const ITEM_IDS = FIXTURE_INSTRUMENT.items.map((item) => item.id);

const answerArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<Answer>(1, 2, 3, 4, 5) },
  { weight: 1, arbitrary: fc.constant<Answer>('dk') },
  { weight: 1, arbitrary: fc.constant(undefined) },
  // Damaged values are never counted, in either way of counting.
  { weight: 1, arbitrary: fc.constantFrom(0, 7, 'x') },
);

const responseArb: fc.Arbitrary<Response> = fc
  .record({
    // One more than the scan has: a response of an organisation the scan does not list.
    org: fc.nat({ max: ORGANISATIONS.length }),
    level: fc.constantFrom<Level | null>(...LEVELS, null),
    answers: fc.array(answerArb, { minLength: ITEM_IDS.length, maxLength: ITEM_IDS.length }),
    keywords: fc.array(fc.constantFrom('Samen', 'samen ', 'SNEL', 'snel', 'traag', ' ', 'open  deur', 'Open deur'), { maxLength: 4 }),
    draft: fc.boolean().map((b) => b && Math.random() < 0.2),
  })
  .map(({ org, level, answers, keywords, draft }) => {
    const record: Record<string, Answer> = {};
    answers.forEach((answer, i) => {
      if (answer !== undefined) record[ITEM_IDS[i]!] = answer as Answer;
    });
    return makeResponse('r', ORGANISATIONS[org]?.id ?? 'unknown-org', level, record, keywords, draft ? 'draft' : 'submitted');
  });

type Step = { op: 'add'; response: Response } | { op: 'delete'; index: number } | { op: 'replace'; index: number; response: Response };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: responseArb.map((response) => ({ op: 'add' as const, response })) },
  { weight: 1, arbitrary: fc.nat().map((index) => ({ op: 'delete' as const, index })) },
  { weight: 2, arbitrary: fc.record({ index: fc.nat(), response: responseArb }).map((s) => ({ op: 'replace' as const, ...s })) },
);

const filtersArb: fc.Arbitrary<AnalysisFilters> = fc.record(
  {
    levels: fc.subarray([...LEVELS]),
    organisationIds: fc.subarray(ORGANISATIONS.map((o) => o.id)),
    kinds: fc.subarray(['thermometer', 'thermostat'] as const),
  },
  { requiredKeys: [] },
);

/** Applies the steps as the storage layer does: every write changes the responses and the tally together. */
function replay(steps: readonly Step[]): { responses: Response[]; record: TallyRecord } {
  const responses: Response[] = [];
  const record: TallyRecord = { scanId: 'fixture-scan', counts: {} };
  steps.forEach((step, n) => {
    if (step.op === 'add') {
      const response = { ...step.response, id: `r${n}` };
      responses.push(response);
      countIntoTally(record.counts, response, 1);
    } else if (responses.length > 0) {
      const index = step.index % responses.length;
      countIntoTally(record.counts, responses[index]!, -1);
      if (step.op === 'delete') responses.splice(index, 1);
      else {
        responses[index] = { ...step.response, id: responses[index]!.id };
        countIntoTally(record.counts, responses[index]!, 1);
      }
    }
  });
  return { responses, record };
}

describe('stored tally', () => {
  it('analyses to exactly what a recount of the remaining responses gives, for any writes and filters', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), filtersArb, fc.integer({ min: 1, max: 4 }), (steps, filters, minGroupSize) => {
        const { responses, record } = replay(steps);
        const base = { instrument: FIXTURE_INSTRUMENT, organisations: ORGANISATIONS, settings: { minGroupSize, gapThreshold: 1 }, filters };
        expect(analyseScan({ ...base, responses: [], tallyRecord: record })).toEqual(analyseScan({ ...base, responses }));
      }),
      { numRuns: 300 },
    );
  });

  it('returns to empty when every response is deleted again, whatever was counted', () => {
    fc.assert(
      fc.property(fc.array(responseArb, { maxLength: 30 }), (responses) => {
        const counts: Record<string, number> = {};
        responses.forEach((r) => countIntoTally(counts, r, 1));
        [...responses].reverse().forEach((r) => countIntoTally(counts, r, -1));
        expect(counts).toEqual({});
      }),
    );
  });

  it('counts a keyword once per response under its first spelling, and never a draft', () => {
    const counts: Record<string, number> = {};
    countIntoTally(counts, makeResponse('a', 'org0-zq', 'bestuur', { [ITEM_IDS[0]!]: 4 }, ['Samen', ' samen', 'SNEL']), 1);
    // A keyword spelled "n" is not a respondent.
    countIntoTally(counts, makeResponse('c', 'org1-zq', null, {}, ['n']), 1);
    expect(submittedInTally({ scanId: 'x', counts })).toBe(2);
    countIntoTally(counts, makeResponse('c', 'org1-zq', null, {}, ['n']), -1);
    countIntoTally(counts, makeResponse('b', 'org0-zq', null, { [ITEM_IDS[0]!]: 'dk' }, ['x'], 'draft'), 1);
    expect(counts).toEqual({
      'org0-zq\u0001bestuur\u0001n': 1,
      [`org0-zq\u0001bestuur\u0001a\u0001${ITEM_IDS[0]}\u00013`]: 1,
      'org0-zq\u0001bestuur\u0001k\u0001Samen': 1,
      'org0-zq\u0001bestuur\u0001k\u0001SNEL': 1,
    });
  });
});
