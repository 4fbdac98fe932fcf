import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GapDotPlot, GapTable } from '../../../src/charts/GapDotPlot';
import type { GapRow, GroupRef } from '../../../src/charts/model/chartData';
import { getChart } from './helpers';

const groups: GroupRef[] = [
  { id: 'a', label: 'Politie', isIndicative: false },
  { id: 'b', label: 'Gemeente', isIndicative: false },
];
const rows: GapRow[] = [
  { id: 'q1', number: 1, text: 'Een', points: [{ groupId: 'a', mean: 2, n: 5, dk: 0 }, { groupId: 'b', mean: 4, n: 6, dk: 0 }], chainMean: 3, gap: 2, isDiscussionPoint: true, isUncertainDifference: false, p: 0.0994, weightedMean: 3.0909, consensus: 0.61 },
  { id: 'q2', number: 2, text: 'Twee', points: [{ groupId: 'a', mean: 2, n: 3, dk: 0 }, { groupId: 'b', mean: 3.5, n: 4, dk: 0 }], chainMean: 2.75, gap: 1.5, isDiscussionPoint: false, isUncertainDifference: true, p: 0.2345, weightedMean: 2.857, consensus: 0.7 },
  { id: 'q3', number: 3, text: 'Drie', points: [{ groupId: 'a', mean: 3, n: 3, dk: 0 }, { groupId: 'b', mean: 3.2, n: 5, dk: 0 }], chainMean: 3.1, gap: 0.2, isDiscussionPoint: false, isUncertainDifference: false, p: 0.0004, weightedMean: 3.125, consensus: 0.9 },
];

describe('the gap chart marks the evidence', () => {
  it('draws a filled flag for a discussion point and an open flag with words for an uncertain difference', () => {
    const { container } = render(<GapDotPlot title="G" language="nl" width={900} groups={groups} rows={rows} />);
    const svg = getChart(container);
    expect(svg.querySelector('[data-row="q1"] [data-mark="discussion-point"]')?.textContent).toBe('Bespreekpunt');
    expect(svg.querySelector('[data-row="q1"] [data-mark="flag-icon"]')).not.toBeNull();
    const uncertain = svg.querySelector('[data-row="q2"] [data-mark="uncertain-difference"]');
    expect(uncertain?.textContent).toBe('Kan toeval zijn');
    expect(uncertain?.querySelector('[data-mark="open-flag-icon"] path')?.getAttribute('fill')).toBe('none');
    expect(svg.querySelector('[data-row="q3"] [data-mark="discussion-point"], [data-row="q3"] [data-mark="uncertain-difference"]')).toBeNull();
  });

  it('lists the weighted mean, consensus, kind of gap and p in the table; p rounded to three decimals', () => {
    const { container } = render(<GapTable title="G" language="nl" groups={groups} rows={rows} />);
    const bodyRows = Array.from(container.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent));
    const headers = Array.from(container.querySelectorAll('thead th')).map((th) => th.textContent);
    const col = (name: string) => headers.indexOf(name);
    expect(bodyRows.map((r) => r[col('Gewogen naar deelnemers')])).toEqual(['3,09', '2,86', '3,13']);
    expect(bodyRows.map((r) => r[col('Consensus (0–1)')])).toEqual(['0,61', '0,70', '0,90']);
    expect(bodyRows.map((r) => r[col('Bespreekpunt')])).toEqual(['ja', 'Kan toeval zijn', 'nee']);
    // 0.0994 reads 0,099: a discussion point (0.0996 would read 0,100 and is none, figures.test.ts).
    expect(bodyRows.map((r) => r[col('p (toets)')])).toEqual(['0,099', '0,235', '< 0,001']);
  });
});
