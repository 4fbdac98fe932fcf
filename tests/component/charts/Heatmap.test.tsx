import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../src/charts/contrast';
import { Heatmap, HeatmapTable } from '../../../src/charts/Heatmap';
import type { GroupRef, HeatmapRow } from '../../../src/charts/model/chartData';
import { divergingColour, getChartTheme } from '../../../src/charts/theme';
import { getChart, svgTexts, tableRows } from './helpers';

const groups: GroupRef[] = [
  { id: 'politie', label: 'Politie', isIndicative: false },
  { id: 'jb', label: 'Jeugdbescherming', shortLabel: 'JB', isIndicative: true },
];

const rows: HeatmapRow[] = [
  { id: 'q01', number: 1, text: 'Doel', cells: [{ groupId: 'politie', mean: 4.6, n: 9 }, { groupId: 'jb', mean: 1.4, n: 3 }], chainMean: 3 },
  { id: 'q02', number: 2, text: 'Belang', cells: [{ groupId: 'politie', mean: 3, n: 8 }, { groupId: 'jb', mean: null, n: 0 }], chainMean: 3 },
  { id: 'q03', number: 3, text: 'Taken', cells: [{ groupId: 'politie', mean: 2.5, n: 7 }], chainMean: 2.5 },
];

describe('Heatmap', () => {
  it('draws one cell per statement and group, plus the chain column', () => {
    const { container } = render(<Heatmap title="Heatmap" language="nl" groups={groups} rows={rows} chainLabel="Keten" />);
    const svg = screen.getByRole('img', { name: 'Heatmap' });
    expect(svg).toBe(getChart(container));
    expect(svg.querySelectorAll('[data-cell]')).toHaveLength(9);
    expect(svg.querySelectorAll('[data-cell$=":__chain__"]')).toHaveLength(3);
    expect(svg.querySelectorAll('[data-header]')).toHaveLength(3);
  });

  it('shows the mean and n in each cell, "–" without data', () => {
    const svg = getChart(render(<Heatmap title="H" language="nl" groups={groups} rows={rows} />).container);
    const cell = (id: string) => svg.querySelector(`[data-cell="${id}"]`)!;
    expect(cell('q01:politie').querySelector('[data-value]')?.textContent).toBe('4,60');
    expect(cell('q01:politie').querySelector('[data-n]')?.textContent).toBe('n\u00a0=\u00a09');
    expect(cell('q02:jb').getAttribute('data-no-data')).toBe('true');
    expect(cell('q02:jb').querySelector('[data-value]')?.textContent).toBe('–');
    // A group missing from a row's cells is no data too.
    expect(cell('q03:jb').querySelector('[data-value]')?.textContent).toBe('–');
  });

  it('colours high blue, neutral near white and low orange, with readable text on each', () => {
    const theme = getChartTheme('screen');
    const svg = getChart(render(<Heatmap title="H" language="en" groups={groups} rows={rows} />).container);
    const fill = (id: string) => svg.querySelector(`[data-cell="${id}"] rect`)!.getAttribute('fill')!;
    expect(fill('q01:politie')).toBe(divergingColour(4.6, theme));
    expect(divergingColour(5, theme)).toBe('rgb(33, 102, 172)');
    expect(divergingColour(1, theme)).toBe('rgb(179, 88, 6)');
    expect(divergingColour(3, theme)).toBe('rgb(247, 247, 247)');
    for (const id of ['q01:politie', 'q01:jb', 'q02:politie']) {
      const text = svg.querySelector(`[data-cell="${id}"] [data-value]`)!.getAttribute('fill')!;
      expect(contrastRatio(text, fill(id))).toBeGreaterThanOrEqual(4.5);
    }
    expect(svg.querySelector('[data-cell="q01:politie"] [data-value]')?.textContent).toBe('4.60');
  });

  it('abbreviates a column name that does not fit and spells it out in the legend', () => {
    const svg = getChart(render(<Heatmap title="H" language="nl" width={320} groups={groups} rows={rows} />).container);
    expect(svg.querySelector('[data-header="jb"]')?.textContent).toContain('JB *');
    expect(svg.querySelector('[data-header="jb"] title')?.textContent).toBe('Jeugdbescherming *');
    expect(svgTexts(svg)).toContain('JB * = Jeugdbescherming *');
  });

  it('has a table with the same figures', () => {
    render(<HeatmapTable title="Heatmap" language="nl" groups={groups} rows={rows} chainLabel="Keten" />);
    const table = screen.getByRole('table', { name: 'Heatmap' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Stelling', 'Politie', 'Jeugdbescherming *', 'Keten']);
    expect(tableRows(table)).toEqual([
      ['1. Doel', '4,60 (n\u00a0=\u00a09)', '1,40 (n\u00a0=\u00a03)', '3,00'],
      ['2. Belang', '3,00 (n\u00a0=\u00a08)', '–', '3,00'],
      ['3. Taken', '2,50 (n\u00a0=\u00a07)', '–', '2,50'],
    ]);
  });
});
