import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOrganisation } from '../../../src/domain/scanSetup';
import { countIntoTally, parseTallyKey, type TallyKey } from '../../../src/domain/tallyRecord';
import { LEVELS, type Level } from '../../../src/domain/types';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';

// The stored tally's keys are built (countIntoTally) and taken apart (parseTallyKey) in one
// module, src/domain/tallyRecord.ts: what one writes the other reads back whole.

const SEPARATOR = '\u0001';

/** Every key one response writes, taken apart. */
function partsOf(organisationId: string, level: Level | null, answers: Record<string, 1 | 2 | 3 | 4 | 5 | 'dk'>, keywords: string[]): (TallyKey | null)[] {
  const counts: Record<string, number> = {};
  countIntoTally(counts, makeResponse('r1', organisationId, level, answers, keywords, 'submitted'), 1);
  return Object.keys(counts).map(parseTallyKey);
}

describe('tally keys', () => {
  it('read back what countIntoTally wrote: organisation, level, answers by slot and keywords', () => {
    const parts = partsOf('politie', 'management', { s1: 1, s2: 5, s3: 'dk' }, ['Samen', 'snel']);
    expect(parts).toEqual(
      expect.arrayContaining([
        { organisationId: 'politie', level: 'management', field: 'n' },
        { organisationId: 'politie', level: 'management', field: 'a', item: 's1', slot: 0 },
        { organisationId: 'politie', level: 'management', field: 'a', item: 's2', slot: 4 },
        { organisationId: 'politie', level: 'management', field: 'a', item: 's3', slot: 5 },
        { organisationId: 'politie', level: 'management', field: 'k', spelling: 'Samen' },
        { organisationId: 'politie', level: 'management', field: 'k', spelling: 'snel' },
      ]),
    );
    expect(parts).toHaveLength(6);
  });

  it('read a response without a level as level null', () => {
    expect(partsOf('politie', null, {}, [])).toEqual([{ organisationId: 'politie', level: null, field: 'n' }]);
  });

  it('keep a partner whose name holds the separator apart: its id is a slug without it', () => {
    const added = addOrganisation([], `Veilig${SEPARATOR}Thuis`);
    if (!added.ok) throw new Error(added.problem);
    const id = added.organisations[0]!.id;
    expect(id).not.toContain(SEPARATOR);
    expect(partsOf(id, 'bestuur', { s1: 3 }, [])).toEqual([
      { organisationId: id, level: 'bestuur', field: 'n' },
      { organisationId: id, level: 'bestuur', field: 'a', item: 's1', slot: 2 },
    ]);
  });

  it('read a keyword or a statement id that holds the separator back whole', () => {
    const spelling = `een${SEPARATOR}twee`;
    const item = `s${SEPARATOR}1`;
    expect(partsOf('politie', null, { [item]: 2 }, [spelling])).toEqual([
      { organisationId: 'politie', level: null, field: 'n' },
      { organisationId: 'politie', level: null, field: 'a', item, slot: 1 },
      { organisationId: 'politie', level: null, field: 'k', spelling },
    ]);
  });

  it('round-trip for any organisation slug, level, statement id, answer and keyword', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        fc.constantFrom<Level | null>(...LEVELS, null),
        fc.string({ minLength: 1 }),
        fc.constantFrom<1 | 2 | 3 | 4 | 5 | 'dk'>(1, 2, 3, 4, 5, 'dk'),
        fc.string().filter((word) => word.trim() !== ''),
        (organisationId, level, item, answer, keyword) => {
          const parts = partsOf(organisationId, level, { [item]: answer }, [keyword]);
          expect(parts).toContainEqual({ organisationId, level, field: 'a', item, slot: answer === 'dk' ? 5 : answer - 1 });
          expect(parts.filter((p) => p?.field === 'k').map((p) => p !== null && p.field === 'k' && p.spelling)).toEqual([keyword.trim().replace(/\s+/g, ' ')]);
          expect(parts).not.toContain(null);
        },
      ),
    );
  });

  it.each([
    ['too few parts', `politie${SEPARATOR}-`],
    ['an unknown field', `politie${SEPARATOR}-${SEPARATOR}x`],
    ['a response count with more parts', `politie${SEPARATOR}-${SEPARATOR}n${SEPARATOR}1`],
    ['an answer without its slot', `politie${SEPARATOR}-${SEPARATOR}a${SEPARATOR}s1`],
    ['a keyword without its spelling', `politie${SEPARATOR}-${SEPARATOR}k`],
  ])('are null for a key countIntoTally never writes: %s', (_what, key) => {
    expect(parseTallyKey(key)).toBeNull();
  });
});
