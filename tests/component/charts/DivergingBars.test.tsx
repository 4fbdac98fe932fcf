import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { barStart, DistributionTable, DivergingBars } from '../../../src/charts/DivergingBars';
import type { DistributionRow } from '../../../src/charts/model/chartData';
import { getChart, normaliseSvg, svgTexts, tableRows } from './helpers';

// Rows as the model (src/charts/model/chartData.ts) gives them: shares and the don't-know share
// are computed there, once; the chart only places them.
const rows: DistributionRow[] = [
  { id: 'q01', number: 1, text: 'We hebben een gezamenlijk doel.', counts: [2, 4, 6, 6, 2], n: 20, dk: 5, shares: [0.1, 0.2, 0.3, 0.3, 0.1], dkShare: 0.2, consensus: 0.6 },
  { id: 'q02', number: 2, text: 'Het belang van het gezin gaat voor.', counts: [0, 0, 0, 10, 10], n: 20, dk: 0, shares: [0, 0, 0, 0.5, 0.5], dkShare: 0, consensus: 0.81 },
  { id: 'q03', number: 3, text: 'Niemand gaf een score.', counts: [0, 0, 0, 0, 0], n: 0, dk: 4, shares: [0, 0, 0, 0, 0], dkShare: 1, consensus: null },
];

describe('barStart', () => {
  it('splits neutral evenly around the centre', () => {
    expect(barStart(rows[0]!)).toBeCloseTo(-(0.1 + 0.2 + 0.15), 10);
    expect(barStart(rows[1]!)).toBeCloseTo(0, 10);
  });
});

describe('DivergingBars', () => {
  it('is named by its title and draws a bar per statement with five answer segments', () => {
    const { container } = render(<DivergingBars title="Verdeling" language="nl" rows={rows} />);
    const svg = screen.getByRole('img', { name: 'Verdeling' });
    expect(svg).toBe(getChart(container));
    expect(svg.querySelectorAll('[data-row]')).toHaveLength(3);
    expect(svg.querySelectorAll('[data-row="q01"] [data-segment]')).toHaveLength(6);
    // Neutral is two halves, one each side of the centre line.
    const neutral = svg.querySelectorAll('[data-row="q01"] [data-segment="3"] rect');
    expect(neutral).toHaveLength(2);
    expect(Number(neutral[0]!.getAttribute('width'))).toBeCloseTo(Number(neutral[1]!.getAttribute('width')), 0);
    const centre = Number(neutral[0]!.getAttribute('x')) + Number(neutral[0]!.getAttribute('width'));
    expect(Number(neutral[1]!.getAttribute('x'))).toBeCloseTo(centre, 0);
  });

  it('puts disagreement left of the centre and agreement right of it', () => {
    const svg = getChart(render(<DivergingBars title="V" language="nl" rows={rows} />).container);
    const left = (answer: number) => Number(svg.querySelector(`[data-row="q01"] [data-segment="${answer}"] rect`)!.getAttribute('x'));
    expect(left(1)).toBeLessThan(left(2));
    expect(left(2)).toBeLessThan(left(3));
    expect(left(3)).toBeLessThan(left(4));
    expect(left(4)).toBeLessThan(left(5));
  });

  it('prints percentages on wide segments, the don\'t-know share apart, and n', () => {
    const svg = getChart(render(<DivergingBars title="V" language="nl" rows={rows} />).container);
    const percents = (row: string) => Array.from(svg.querySelectorAll(`[data-row="${row}"] [data-percent]`)).map((t) => t.textContent);
    // With this scale (a 100 % bar and a 100 % don't-know share), 10 % and 20 % are too narrow to label…
    expect(percents('q01')).toEqual(['30%', '30%']);
    expect(percents('q02')).toEqual(['50%', '50%']);
    // …but every segment still names its share on hover.
    expect(svg.querySelector('[data-row="q01"] [data-segment="1"] title')?.textContent).toBe('Helemaal oneens: 10% (2)');
    expect(svg.querySelector('[data-row="q01"] [data-dk]')?.textContent).toBe('20%');
    expect(Array.from(svg.querySelectorAll('[data-n]')).map((t) => t.textContent)).toEqual(['20', '20', '0']);
    expect(svg.querySelector('[data-row="q02"] [data-dk]')?.textContent).toBe('0%');
  });

  it('draws "no data" for a statement without scores but still shows its don\'t-know share', () => {
    const svg = getChart(render(<DivergingBars title="V" language="en" rows={rows} />).container);
    const row = svg.querySelector('[data-row="q03"]')!;
    expect(row.querySelector('[data-no-data]')?.textContent).toBe('no data');
    expect(row.querySelectorAll('[data-segment]:not([data-segment="dk"])')).toHaveLength(0);
    expect(row.querySelector('[data-dk]')?.textContent).toBe('100%');
  });

  it('has a legend with the five answers and don\'t know, in the chosen language', () => {
    const nl = svgTexts(getChart(render(<DivergingBars title="V" language="nl" rows={rows} />).container));
    expect(nl).toEqual(expect.arrayContaining(['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens', 'Weet niet / niet van toepassing']));
  });

  it('has a table with the same shares, counts and n', () => {
    render(<DistributionTable title="Verdeling" language="en" rows={rows} />);
    const table = screen.getByRole('table', { name: 'Verdeling' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Statement', '1 Strongly disagree', '2 Disagree', '3 Neutral', '4 Agree', '5 Strongly agree', "Don't know / not applicable", 'n', 'Consensus']);
    expect(tableRows(table)).toEqual([
      ['1. We hebben een gezamenlijk doel.', '10% (2)', '20% (4)', '30% (6)', '30% (6)', '10% (2)', '20% (5)', '20', '0.60'],
      ['2. Het belang van het gezin gaat voor.', '0% (0)', '0% (0)', '0% (0)', '50% (10)', '50% (10)', '0% (0)', '20', '0.81'],
      ['3. Niemand gaf een score.', '–', '–', '–', '–', '–', '100% (4)', '0', '–'],
    ]);
  });

  it('matches its snapshot', () => {
    const { container } = render(<DivergingBars title="Verdeling" language="nl" width={720} rows={rows} />);
    expect(normaliseSvg(getChart(container))).toMatchSnapshot();
  });
});
