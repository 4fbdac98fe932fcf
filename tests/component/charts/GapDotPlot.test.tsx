import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GapDotPlot, GapTable } from '../../../src/charts/GapDotPlot';
import type { GapRow, GroupRef } from '../../../src/charts/model/chartData';
import { getChart, normaliseSvg, svgTexts, tableRows } from './helpers';

const groups: GroupRef[] = [
  { id: 'politie', label: 'Politie', isIndicative: false },
  { id: 'om', label: 'Openbaar Ministerie', shortLabel: 'OM', isIndicative: false },
  { id: 'vt', label: 'Veilig Thuis', isIndicative: true },
];

const rows: GapRow[] = [
  {
    id: 'q05',
    number: 5,
    text: 'Per gezin is duidelijk wie de regie voert en met welk mandaat.',
    points: [
      { groupId: 'politie', mean: 2.25, n: 9, dk: 1 },
      { groupId: 'om', mean: 4.5, n: 5, dk: 0 },
      { groupId: 'vt', mean: 3.125, n: 3, dk: 2 },
    ],
    chainMean: 3.29,
    gap: 2.25,
    isDiscussionPoint: true, isUncertainDifference: false, p: null, weightedMean: null, consensus: null,
  },
  {
    id: 'q03',
    number: 3,
    text: 'Ik weet welke taken en bevoegdheden de andere ketenpartners hebben.',
    points: [
      { groupId: 'politie', mean: 3.5, n: 9, dk: 0 },
      { groupId: 'om', mean: 3.6, n: 5, dk: 0 },
    ],
    chainMean: 3.55,
    gap: 0.1,
    isDiscussionPoint: false, isUncertainDifference: false, p: null, weightedMean: null, consensus: null,
  },
  { id: 'q10', number: 10, text: 'Gezinnen worden actief betrokken.', points: [], chainMean: null, gap: null, isDiscussionPoint: false, isUncertainDifference: false, p: null, weightedMean: null, consensus: null },
];

function renderPlot(language: 'nl' | 'en' = 'nl') {
  return render(<GapDotPlot title="Perceptieverschillen" language={language} groups={groups} rows={rows} />);
}

describe('GapDotPlot', () => {
  it('is named by its title and draws one row per statement in the given order', () => {
    const { container } = renderPlot();
    expect(screen.getByRole('img', { name: 'Perceptieverschillen' })).toBe(getChart(container));
    expect(Array.from(getChart(container).querySelectorAll('[data-row]')).map((r) => r.getAttribute('data-row'))).toEqual(['q05', 'q03', 'q10']);
  });

  it('draws one marker per group per statement, each with its own shape and label', () => {
    const svg = getChart(renderPlot().container);
    const row = (id: string) => svg.querySelector(`[data-row="${id}"]`)!;
    expect(row('q05').querySelectorAll('[data-point]')).toHaveLength(3);
    expect(row('q03').querySelectorAll('[data-point]')).toHaveLength(2);
    expect(row('q10').querySelectorAll('[data-point]')).toHaveLength(0);
    expect(row('q05').querySelectorAll('[data-mark="group-symbol"]')).toHaveLength(3);
    const shapes = Array.from(row('q05').querySelectorAll('[data-mark="group-symbol"]')).map((p) => p.getAttribute('d'));
    expect(new Set(shapes).size).toBe(3);
    expect(Array.from(row('q05').querySelectorAll('[data-label]')).map((l) => l.textContent)).toEqual(['Pol', 'OM', 'VT *']);
  });

  it('names the ends of its axis with the scale\'s full labels, the words a participant answered with', () => {
    const axis = (language: 'nl' | 'en') => Array.from(getChart(renderPlot(language).container).querySelectorAll('[data-part="axis"] text')).map((t) => t.textContent);
    expect(axis('nl')).toEqual(expect.arrayContaining(['helemaal oneens', 'helemaal eens']));
    expect(axis('nl')).not.toContain('oneens');
    expect(axis('en')).toEqual(expect.arrayContaining(['strongly disagree', 'strongly agree']));
  });

  it('gives n (and don\'t know) per dot in its title', () => {
    const svg = getChart(renderPlot().container);
    const titles = Array.from(svg.querySelectorAll('[data-row="q05"] [data-point] > title')).map((t) => t.textContent);
    expect(titles).toEqual(['Politie: 2,25 (n\u00a0=\u00a09, weet niet\u00a01)', 'Openbaar Ministerie: 4,50 (n\u00a0=\u00a05, weet niet\u00a00)', 'Veilig Thuis *: 3,13 (n\u00a0=\u00a03, weet niet\u00a02)']);
  });

  it('orders the dots along the 1–5 axis and spans the range from lowest to highest', () => {
    const svg = getChart(renderPlot().container);
    const x = (group: string) => Number(svg.querySelector(`[data-row="q05"] [data-point="${group}"] [data-mark="group-symbol"]`)!.getAttribute('transform')!.match(/translate\(([\d.]+)/)![1]);
    expect(x('politie')).toBeLessThan(x('vt'));
    expect(x('vt')).toBeLessThan(x('om'));
    const range = svg.querySelector('[data-row="q05"] [data-mark="range"]')!;
    expect(Number(range.getAttribute('x1'))).toBeCloseTo(x('politie'), 0);
    expect(Number(range.getAttribute('x2'))).toBeCloseTo(x('om'), 0);
  });

  it('flags only the discussion points, with an icon and the word', () => {
    const svg = getChart(renderPlot().container);
    expect(svg.querySelectorAll('[data-mark="discussion-point"]')).toHaveLength(1);
    const flagged = svg.querySelector('[data-row="q05"] [data-mark="discussion-point"]')!;
    expect(flagged.querySelector('[data-mark="flag-icon"]')).not.toBeNull();
    expect(flagged.textContent).toBe('Bespreekpunt');
    expect(svg.querySelector('[data-row="q03"] [data-mark="discussion-point"]')).toBeNull();
  });

  it('shows the gap per row, formatted per language, and "no data" for an empty row', () => {
    const nl = getChart(renderPlot('nl').container);
    expect(Array.from(nl.querySelectorAll('[data-gap]')).map((g) => g.textContent)).toEqual(['2,25', '0,10', '–']);
    expect(nl.querySelector('[data-row="q10"] [data-no-data]')?.textContent).toBe('geen gegevens');
  });

  it('speaks English', () => {
    const en = getChart(renderPlot('en').container);
    expect(Array.from(en.querySelectorAll('[data-gap]')).map((g) => g.textContent)).toEqual(['2.25', '0.10', '–']);
    expect(svgTexts(en)).toEqual(expect.arrayContaining(['Discussion point', 'Gap', 'Chain mean', '* indicative: small group', 'OM = Openbaar Ministerie']));
  });

  it('keeps labels of close dots apart (different lanes)', () => {
    const close: GapRow[] = [{ id: 'x', number: 1, text: 'X', points: [{ groupId: 'politie', mean: 3.0, n: 3, dk: 0 }, { groupId: 'om', mean: 3.02, n: 3, dk: 0 }, { groupId: 'vt', mean: 3.04, n: 3, dk: 0 }], chainMean: 3.02, gap: 0.04, isDiscussionPoint: false, isUncertainDifference: false, p: null, weightedMean: null, consensus: null }];
    const svg = getChart(render(<GapDotPlot title="T" language="nl" groups={groups} rows={close} />).container);
    const ys = Array.from(svg.querySelectorAll('[data-label]')).map((l) => Number(l.getAttribute('y')));
    expect(new Set(ys).size).toBe(3);
  });

  it('has a table with the same figures, per group with n', () => {
    render(<GapTable title="Perceptieverschillen" language="nl" groups={groups} rows={rows} />);
    const table = screen.getByRole('table', { name: 'Perceptieverschillen' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Stelling', 'Politie', 'Openbaar Ministerie', 'Veilig Thuis *', 'Ketengemiddelde', 'Gewogen naar deelnemers', 'Consensus (0–1)', 'Verschil', 'Bespreekpunt', 'p (toets)']);
    expect(tableRows(table)).toEqual([
      ['5. Per gezin is duidelijk wie de regie voert en met welk mandaat.', '2,25 (n\u00a0=\u00a09)', '4,50 (n\u00a0=\u00a05)', '3,13 (n\u00a0=\u00a03)', '3,29', '–', '–', '2,25', 'ja', '–'],
      ['3. Ik weet welke taken en bevoegdheden de andere ketenpartners hebben.', '3,50 (n\u00a0=\u00a09)', '3,60 (n\u00a0=\u00a05)', '–', '3,55', '–', '–', '0,10', 'nee', '–'],
      ['10. Gezinnen worden actief betrokken.', '–', '–', '–', '–', '–', '–', '–', 'nee', '–'],
    ]);
  });

  it('matches its snapshot', () => {
    const { container } = render(<GapDotPlot title="Perceptieverschillen" language="nl" width={720} groups={groups} rows={rows} />);
    expect(normaliseSvg(getChart(container))).toMatchSnapshot();
  });
});
