import { describe, expect, it } from 'vitest';
import { analyseScan, analyseScanProtected, POOLED_GROUP_ID } from '../../../src/domain/analysis';
import { guardRespondentFilters } from '../../../src/domain/analysis/filterGuard';
import type { Level, Response } from '../../../src/domain/types';
import { FIXTURE_INSTRUMENT, makeResponse } from '../../fixtures/analysis/handComputedScan';

const organisations = [
  { id: 'pol', name: 'Politie' },
  { id: 'gem', name: 'Gemeente' },
  { id: 'par', name: 'Parlan' },
  { id: 'om', name: 'OM' },
];

function people(org: string, level: Level | null, count: number, s1: 1 | 2 | 3 | 4 | 5): Response[] {
  return Array.from({ length: count }, (_, i) => makeResponse(`${org}-${level}-${i}`, org, level, { s1 }));
}

// Police: 4 execution + 1 board (the example). Municipality: 3 execution + 3 management.
// Parlan 2 execution, OM 1 management: pooled as "other partners" (3).
const responses = [
  ...people('pol', 'uitvoering', 4, 2),
  ...people('pol', 'bestuur', 1, 5),
  ...people('gem', 'uitvoering', 3, 4),
  ...people('gem', 'management', 3, 3),
  ...people('par', 'uitvoering', 2, 1),
  ...people('om', 'management', 1, 5),
];
const input = { instrument: FIXTURE_INSTRUMENT, organisations, responses, settings: { minGroupSize: 3, gapThreshold: 1 } };

describe('no subtraction through filters', () => {
  it('shows the leak it closes: police with and without the board level differ by one person', () => {
    const all = analyseScan(input).statements[0]!.cells[0]!;
    const withoutBoard = analyseScan({ ...input, filters: { levels: ['uitvoering', 'management'] } }).statements[0]!.cells[0]!;
    expect(all.n - withoutBoard.n).toBe(1);
    // Sum of scores minus sum of scores: the board member's answer.
    expect(all.mean! * all.n - withoutBoard.mean! * withoutBoard.n).toBe(5);
  });

  it('withholds a group when the filter leaves out (or selects) fewer than the minimum within it', () => {
    const guard = guardRespondentFilters({ ...input, filters: { levels: ['uitvoering', 'management'] } }, 3);
    // pol: 4 selected, 1 left out → withheld. gem: 6 and 0 → applied. Pool par + om: 3 and 0 → applied.
    expect(guard.withheld).toEqual([{ groupId: 'pol', organisationIds: ['pol'] }]);
    expect(guard.organisationIds).toEqual(['gem', 'par', 'om']);
  });

  it('applies a filter that splits a group into parts of at least the minimum, or into all and nobody', () => {
    const guard = guardRespondentFilters({ ...input, filters: { levels: ['management'] } }, 3);
    // gem 3 and 3 → applied; pol 0 and 5 → applied (nobody selected); pool: om 1 selected, par 2 left out → withheld.
    expect(guard.withheld).toEqual([{ groupId: POOLED_GROUP_ID, organisationIds: ['par', 'om'] }]);
    const safe = analyseScanProtected({ ...input, filters: { levels: ['management'] } });
    expect(safe.groups.map((g) => [g.id, g.respondents])).toEqual([['gem', 3]]);
    expect(safe.withheldByFilter.map((g) => g.groupId)).toEqual([POOLED_GROUP_ID]);
    expect(safe.filters.levels).toEqual(['management']);
    // Counted: the 3 municipality managers; everyone else is left out by the filter or the guard.
    expect(safe.totals.countedResponses).toBe(3);
    expect(safe.totals.excludedByFilters).toBe(11);
    expect(safe.statements[0]!.n).toBe(3);
  });

  it('holds for the partner filter: leaving one organisation out of the pool withholds the pool', () => {
    const safe = analyseScanProtected({ ...input, filters: { organisationIds: ['pol', 'gem', 'par'] } });
    // Pool: par 2 selected, om 1 left out → withheld; pol and gem are wholly selected.
    expect(safe.withheldByFilter).toEqual([{ groupId: POOLED_GROUP_ID, organisationIds: ['par', 'om'] }]);
    expect(safe.groups.map((g) => g.id)).toEqual(['pol', 'gem']);
    expect(safe.filters.organisationIds).toEqual(['pol', 'gem', 'par']);
  });

  it('changes nothing without respondent filters, or when every group splits safely', () => {
    expect(analyseScanProtected(input)).toEqual(analyseScan(input));
    expect(guardRespondentFilters({ ...input, filters: { kinds: ['thermostat'] } }, 3).withheld).toEqual([]);
    const partners = { ...input, filters: { organisationIds: ['gem'] } };
    expect(analyseScanProtected(partners)).toEqual(analyseScan(partners));
  });

  it('never lets a filtered figure differ from the unfiltered one by fewer than the minimum within a group', () => {
    const levelSets: Level[][] = [['uitvoering'], ['management'], ['bestuur'], ['uitvoering', 'management'], ['uitvoering', 'bestuur'], ['management', 'bestuur']];
    const plain = analyseScanProtected(input);
    for (const levels of levelSets) {
      const filtered = analyseScanProtected({ ...input, filters: { levels } });
      for (const group of filtered.groups) {
        const before = plain.groups.find((g) => g.id === group.id)!;
        const difference = before.respondents - group.respondents;
        expect(difference === 0 || difference >= 3, `${levels.join('+')} ${group.id}`).toBe(true);
      }
    }
  });
});
