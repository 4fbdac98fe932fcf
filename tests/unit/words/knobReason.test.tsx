import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chartText } from '../../../src/charts/common';
import { KnobList, KnobTable, knobReasonText } from '../../../src/charts/KnobList';
import { buildKnobRows, knobReason, type ChartLabels } from '../../../src/charts/model/chartData';
import { analyseScanProtected, type Band, type GapClass } from '../../../src/domain/analysis';
import { DEFAULT_INSTRUMENT } from '../../../src/domain/instrument/defaultInstrument';
import type { Answer } from '../../../src/domain/types';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';

// A knob's reason never says "no large gap" for a gap at or over the scan's threshold; a large gap
// that could be chance reads as the gap view calls it (docs/analysis.md, "Knobs to turn first").

const labels: ChartLabels = { chain: 'Keten', pooledGroup: 'Overige partners', localize: (t) => t.nl };
const organisations = [
  { id: 'pol', name: 'Politie' },
  { id: 'gem', name: 'Gemeente' },
];
let nextId = 0;
const respond = (organisationId: string, answers: Record<string, Answer>) => makeResponse(`k${++nextId}`, organisationId, null, answers);
const scores = (organisationId: string, item: string, list: number[]) => list.map((score) => respond(organisationId, { [item]: score as Answer }));

// Thermostat statements q03, q05, q07 of the default instrument (hand-computed):
// - q03: Politie 2,3,4 (3.00) · Gemeente 3,4,5 (4.00): gap 1.00 = threshold, chain 3.50 (attention);
//   ranks 1, 2.5, 4.5 | 2.5, 4.5, 6 → tie-corrected H = 1.26, p ≈ 0.26 (exact: no 3 + 3 split reaches
//   0.10): a large gap that could be chance.
// - q05: Politie 1,2,3 (2.00) · Gemeente 2,3,4 (3.00): gap 1.00, chain 2.50 (concern), the same
//   ranks: low, and a large gap that could be chance.
// - q07: Politie 4,4,4 · Gemeente 4,4,5: gap 0.33, chain 4.17 (strong): no large gap.
const responses = [
  ...scores('pol', 'q03', [2, 3, 4]),
  ...scores('gem', 'q03', [3, 4, 5]),
  ...scores('pol', 'q05', [1, 2, 3]),
  ...scores('gem', 'q05', [2, 3, 4]),
  ...scores('pol', 'q07', [4, 4, 4]),
  ...scores('gem', 'q07', [4, 4, 5]),
];
const analysis = analyseScanProtected({ instrument: DEFAULT_INSTRUMENT, organisations, responses, settings: { minGroupSize: 3, gapThreshold: 1 } });
const knobs = buildKnobRows(analysis, DEFAULT_INSTRUMENT, labels).filter((k) => k.rank !== null);
const NO_LARGE_GAP = { nl: /geen groot verschil/i, en: /no large gap/i } as const;

describe('knob reasons', () => {
  it('name a large gap that could be chance as the gap view does, for a low and a middling chain mean', () => {
    const byId = new Map(knobs.map((k) => [k.id, k]));
    expect(byId.get('q03')).toMatchObject({ gap: 1, isDiscussionPoint: false, reason: 'gapChance' });
    expect(byId.get('q05')).toMatchObject({ gap: 1, isDiscussionPoint: false, reason: 'lowGapChance' });
    expect(byId.get('q07')).toMatchObject({ isDiscussionPoint: false, reason: 'strong' });
    expect(analysis.statements.find((s) => s.itemId === 'q03')?.gapClass).toBe('uncertainDifference');
    expect(analysis.statements.find((s) => s.itemId === 'q05')?.gapClass).toBe('uncertainDifference');
    for (const language of ['nl', 'en'] as const) {
      const t = chartText(language);
      const chanceWords = t('uncertainDifference').toLowerCase();
      expect(knobReasonText('gapChance', t)).toContain(chanceWords);
      expect(knobReasonText('lowGapChance', t)).toContain(chanceWords);
      expect(knobReasonText('strong', t)).toMatch(NO_LARGE_GAP[language]);
    }
  });

  it('never say "no large gap" when the gap is at or over the threshold, in any band and gap class', () => {
    const bands: (Band | null)[] = ['concern', 'attention', 'strong', null];
    const largeGaps: GapClass[] = ['discussionPoint', 'uncertainDifference'];
    for (const language of ['nl', 'en'] as const) {
      const t = chartText(language);
      for (const band of bands) {
        for (const gapClass of largeGaps) expect(knobReasonText(knobReason(band, gapClass), t), `${language} ${band} ${gapClass}`).not.toMatch(NO_LARGE_GAP[language]);
      }
    }
    // And through the analysis: every knob whose gap reaches the threshold.
    const large = knobs.filter((k) => k.gap !== null && k.gap >= analysis.settings.gapThreshold - 1e-9);
    expect(large.map((k) => k.id).sort()).toEqual(['q03', 'q05']);
    for (const knob of large) {
      expect(knobReasonText(knob.reason, chartText('en'))).not.toMatch(NO_LARGE_GAP.en);
      expect(knobReasonText(knob.reason, chartText('nl'))).not.toMatch(NO_LARGE_GAP.nl);
    }
  });

  it('shows the reason in the list and the table', () => {
    const { container } = render(<KnobList title="Knobs" language="en" knobs={knobs} />);
    const why = (id: string) => container.querySelector(`[data-knob="${id}"] .knob-list__why`)?.textContent;
    expect(why('q03')).toBe('Why: large gap between partners, but it could be chance');
    expect(why('q05')).toBe('Why: low chain mean; large gap, but it could be chance');
    expect(why('q07')).toBe('Why: chain mean in the strong band, no large gap');
    const table = render(<KnobTable title="Knoppen" language="nl" knobs={knobs} />).container;
    const cells = Array.from(table.querySelectorAll('tbody tr')).map((row) => row.lastElementChild?.textContent);
    expect(cells).toContain('groot verschil tussen partners, maar het kan toeval zijn');
    expect(cells).toContain('laag ketengemiddelde; groot verschil, maar het kan toeval zijn');
  });
});
