import { describe, expect, it } from 'vitest';
import { countIntoTally, submittedInTally, tallyKeyParts } from '../../../src/domain/tallyRecord';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';

// The stored tally's key (docs/scale.md) is built and taken apart by one module,
// src/domain/tallyRecord.ts: what countIntoTally writes, tallyKeyParts reads back.

describe('the tally key', () => {
  it('takes apart every key a submitted response writes into its organisation, level, field and parts', () => {
    const counts: Record<string, number> = {};
    countIntoTally(counts, makeResponse('r1', 'politie', 'bestuur', { q01: 4, q02: 'dk' }, ['Samen  werken', 'snel']), 1);
    countIntoTally(counts, makeResponse('r2', 'gemeente-2', null, { q01: 1 }), 1);
    const parts = Object.keys(counts)
      .map(tallyKeyParts)
      .sort((a, b) => a.join('|').localeCompare(b.join('|')));
    expect(parts).toEqual([
      ['gemeente-2', '-', 'a', 'q01', '0'],
      ['gemeente-2', '-', 'n'],
      ['politie', 'bestuur', 'a', 'q01', '3'],
      ['politie', 'bestuur', 'a', 'q02', '5'],
      ['politie', 'bestuur', 'k', 'Samen werken'],
      ['politie', 'bestuur', 'k', 'snel'],
      ['politie', 'bestuur', 'n'],
    ]);
  });

  it('keeps ids and spellings with spaces, colons and dashes whole', () => {
    const counts: Record<string, number> = {};
    countIntoTally(counts, makeResponse('r1', 'org: a-b c', 'uitvoering', {}, ['open deur: ja']), 1);
    expect(Object.keys(counts).map(tallyKeyParts)).toContainEqual(['org: a-b c', 'uitvoering', 'k', 'open deur: ja']);
    expect(submittedInTally({ scanId: 's', counts })).toBe(1);
  });
});
