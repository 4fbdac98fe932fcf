import { describe, expect, it } from 'vitest';
import { analyseScanProtected, collectFreeTexts, POOLED_GROUP_ID } from '../../../src/domain/analysis';
import type { Response } from '../../../src/domain/types';
import { FIXTURE_INSTRUMENT, makeResponse } from '../../fixtures/analysis/handComputedScan';

const organisations = [
  { id: 'pol', name: 'Politie' },
  { id: 'par', name: 'Parlan' },
  { id: 'om', name: 'OM' },
  { id: 'lone', name: 'Eenling' },
];

function withTexts(response: Response, comments: Record<string, string>, improvement = ''): Response {
  return { ...response, comments, improvement };
}

// pol 3 → own group; par 2 + om 1 → "other partners". The lone organisation is used in its own scan below.
const responses: Response[] = [
  withTexts(makeResponse('p1', 'pol', 'uitvoering', { s1: 2 }), { s1: '  Zelden   overleg ', s2: 'Goed' }, 'Vaker samen aan tafel'),
  withTexts(makeResponse('p2', 'pol', 'uitvoering', { s1: 3 }), { s1: 'Afspraken zijn onduidelijk' }),
  withTexts(makeResponse('p3', 'pol', 'bestuur', { s1: 4 }), { s1: '   ' }, 'Budget'),
  withTexts(makeResponse('r1', 'par', 'uitvoering', { s1: 5 }), { s1: 'Wij weten het niet <b>vet</b>' }, 'Casusregie'),
  withTexts(makeResponse('r2', 'par', 'uitvoering', { s1: 5 }), {}),
  withTexts(makeResponse('o1', 'om', 'management', { s1: 1 }), { s1: 'Bel ons eerder' }),
  // A draft never counts.
  withTexts(makeResponse('d1', 'pol', 'uitvoering', { s1: 1 }, [], 'draft'), { s1: 'Concept' }, 'Concept'),
];

describe('what people wrote', () => {
  it('groups the comments per statement, in group order then alphabetically, under the group their scores count in', () => {
    const analysis = analyseScanProtected({ instrument: FIXTURE_INSTRUMENT, organisations: organisations.slice(0, 3), responses, settings: { minGroupSize: 3, gapThreshold: 1 } });
    const texts = collectFreeTexts(responses, analysis);
    expect(texts.comments.map((s) => s.itemId)).toEqual(['s1', 's2']);
    expect(texts.comments[0]!.texts).toEqual([
      { groupId: 'pol', text: 'Afspraken zijn onduidelijk' },
      { groupId: 'pol', text: 'Zelden overleg' },
      // Parlan (2) and OM (1) are each too small: their texts carry the pool's name, never their own.
      { groupId: POOLED_GROUP_ID, text: 'Bel ons eerder' },
      { groupId: POOLED_GROUP_ID, text: 'Wij weten het niet <b>vet</b>' },
    ]);
    expect(texts.improvements).toEqual([
      { groupId: 'pol', text: 'Budget' },
      { groupId: 'pol', text: 'Vaker samen aan tafel' },
      { groupId: POOLED_GROUP_ID, text: 'Casusregie' },
    ]);
  });

  it('leaves out the texts of people whose organisation forms no group', () => {
    // pol 3 and lone 1: no pool is possible (1 < 3), so lone forms no group and its texts must not appear.
    const lone = withTexts(makeResponse('l1', 'lone', 'uitvoering', { s1: 1 }), { s1: 'Alleen ik zeg dit' }, 'Mijn geheim');
    const rs = [...responses.filter((r) => r.organisationId === 'pol'), lone];
    const analysis = analyseScanProtected({ instrument: FIXTURE_INSTRUMENT, organisations: [organisations[0]!, organisations[3]!], responses: rs, settings: { minGroupSize: 3, gapThreshold: 1 } });
    expect(analysis.anonymity.suppressedOrganisationIds).toEqual(['lone']);
    const texts = collectFreeTexts(rs, analysis);
    const all = JSON.stringify(texts);
    expect(all).not.toContain('Alleen ik');
    expect(all).not.toContain('geheim');
    expect(all).not.toContain('lone');
    expect(texts.improvements.map((t) => t.text)).toEqual(['Budget', 'Vaker samen aan tafel']);
  });

  it('follows the filters and the filter guard: no texts of a withheld group, none of other levels', () => {
    // Level "uitvoering": pol has 2 selected and 1 left out (fewer than 3) → pol is withheld;
    // the pool par 2 + om 1 → 2 selected, 1 left out → withheld too. Nothing may be shown.
    const filtered = analyseScanProtected({
      instrument: FIXTURE_INSTRUMENT, organisations: organisations.slice(0, 3), responses, settings: { minGroupSize: 3, gapThreshold: 1 },
      filters: { levels: ['uitvoering'] },
    });
    expect(filtered.withheldByFilter.map((g) => g.groupId)).toEqual(['pol', POOLED_GROUP_ID]);
    expect(collectFreeTexts(responses, filtered)).toEqual({ comments: [], improvements: [] });
  });

  it('keeps only the statements of the chosen kind', () => {
    const analysis = analyseScanProtected({
      instrument: FIXTURE_INSTRUMENT, organisations: organisations.slice(0, 3), responses, settings: { minGroupSize: 3, gapThreshold: 1 },
      filters: { kinds: ['thermostat'] },
    });
    expect(collectFreeTexts(responses, analysis).comments.map((s) => s.itemId)).toEqual(['s1']);
  });
});
