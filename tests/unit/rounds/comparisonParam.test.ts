import { describe, expect, it } from 'vitest';
import { formatComparisonParam, parseComparisonParam, withComparisonParam } from '../../../src/features/rounds/comparisonParam';

// The report's two-group choice in the address (docs/instrument-and-rounds.md, "In the presenter and the report").
describe('the groups parameter', () => {
  it('reads back what it writes, for both kinds', () => {
    for (const mode of [{ kind: 'levels', a: 'uitvoering', b: 'management' }, { kind: 'organisation', organisationId: 'org-7' }] as const) {
      expect(parseComparisonParam(formatComparisonParam(mode))).toEqual(mode);
    }
  });

  it('treats anything unreadable as no choice', () => {
    for (const value of [null, '', 'levels', 'levels:uitvoering', 'levels:uitvoering,baas', 'levels:a,b,c', 'organisation:', 'groups:x']) expect(parseComparisonParam(value)).toBeNull();
  });

  it('keeps the results filters beside it, and removes only itself', () => {
    const search = withComparisonParam('?level=uitvoering&orgs=a,b', { kind: 'organisation', organisationId: 'gemeente' });
    expect(search).toBe('level=uitvoering&orgs=a,b&groups=organisation:gemeente');
    expect(withComparisonParam(search, null)).toBe('level=uitvoering&orgs=a,b');
  });
});
