import { describe, expect, it } from 'vitest';
import { formatFilterSearch, parseFilterSearch, withFilters } from '../../../src/features/results/filterParams';

describe('filters in the address', () => {
  it('round-trips level, partners and kind', () => {
    const filters = { levels: ['management' as const], organisationIds: ['politie', 'gemeente'], kinds: ['thermostat' as const] };
    const search = formatFilterSearch(filters);
    expect(search).toBe('level=management&orgs=politie,gemeente&kind=thermostat');
    expect(parseFilterSearch(`?${search}`)).toEqual(filters);
  });

  it('reads no filter from an empty or foreign search, and drops unknown levels and kinds', () => {
    expect(parseFilterSearch('')).toEqual({});
    expect(parseFilterSearch('?k=abc')).toEqual({});
    expect(parseFilterSearch('level=boss,bestuur&kind=both')).toEqual({ levels: ['bestuur'] });
    expect(formatFilterSearch({})).toBe('');
  });

  it('adds the filters to a link only when there are any', () => {
    expect(withFilters('/scans/x/present', {})).toBe('/scans/x/present');
    expect(withFilters('/scans/x/report', { levels: ['uitvoering'] })).toBe('/scans/x/report?level=uitvoering');
  });
});
