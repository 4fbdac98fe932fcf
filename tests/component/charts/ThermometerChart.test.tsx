import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ThermometerChart, ThermometerTable } from '../../../src/charts/ThermometerChart';
import type { IndexColumn } from '../../../src/charts/model/chartData';
import { bandOf } from '../../../src/domain/analysis';
import { getChart, normaliseSvg, svgTexts, tableRows } from './helpers';

const columns: IndexColumn[] = [
  { id: 'politie', label: 'Politie', value: 4.25, band: 'strong', n: 12, isChain: false, isIndicative: false },
  { id: 'gemeente', label: 'Gemeente', value: 3.4, band: 'attention', n: 8, isChain: false, isIndicative: false },
  { id: 'jb', label: 'Jeugdbescherming', value: 2.5, band: 'concern', n: 4, isChain: false, isIndicative: true },
  { id: 'om', label: 'Openbaar Ministerie', value: null, band: null, n: 0, isChain: false, isIndicative: false },
  { id: '__chain__', label: 'Keten', value: 3.38, band: 'attention', n: 24, isChain: true, isIndicative: false },
];

describe('ThermometerChart', () => {
  it('is named by its title and draws one column per group plus the chain', () => {
    const { container } = render(<ThermometerChart title="Thermometerindex" language="nl" columns={columns} chainMean={3.38} />);
    const svg = screen.getByRole('img', { name: 'Thermometerindex' });
    expect(svg).toBe(getChart(container));
    expect(svg.querySelectorAll('[data-column]')).toHaveLength(5);
    expect(svg.querySelectorAll('[data-chain]')).toHaveLength(1);
    expect(svg.querySelector('[data-chain]')?.getAttribute('data-column')).toBe('__chain__');
    expect(screen.getByText('Thermometerindex', { selector: 'figcaption' })).toBeInTheDocument();
  });

  it('shows value and n above each column with a decimal comma in Dutch', () => {
    const { container } = render(<ThermometerChart title="T" language="nl" columns={columns} chainMean={3.38} />);
    const svg = getChart(container);
    const values = Array.from(svg.querySelectorAll('[data-value]')).map((e) => e.textContent);
    const ns = Array.from(svg.querySelectorAll('[data-n]')).map((e) => e.textContent);
    expect(values).toEqual(['4,25', '3,40', '2,50', '–', '3,38']);
    expect(svg.querySelector('[data-column="om"] [data-no-data-label]')?.textContent).toBe('geen gegevens');
    expect(ns).toEqual(['n\u00a0=\u00a012', 'n\u00a0=\u00a08', 'n\u00a0=\u00a04', 'n\u00a0=\u00a00', 'n\u00a0=\u00a024']);
    expect(svgTexts(svg)).toContain('Keten 3,38');
  });

  it('uses a decimal point and English labels in English', () => {
    const { container } = render(<ThermometerChart title="T" language="en" columns={columns} chainMean={3.38} />);
    const svg = getChart(container);
    expect(Array.from(svg.querySelectorAll('[data-value]')).map((e) => e.textContent)).toEqual(['4.25', '3.40', '2.50', '–', '3.38']);
    expect(svg.querySelector('[data-no-data-label]')?.textContent).toBe('no data');
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['Chain 3.38', 'Strong', 'Attention', 'Concern', 'Strong (≥ 4.00)', '* indicative: small group']));
  });

  it('puts each column in its band, draws no liquid for no data, and marks indicative groups', () => {
    const { container } = render(<ThermometerChart title="T" language="nl" columns={columns} chainMean={3.38} />);
    const svg = getChart(container);
    const bands = Array.from(svg.querySelectorAll('[data-column]')).map((c) => c.getAttribute('data-band'));
    expect(bands).toEqual(['strong', 'attention', 'concern', null, 'attention']);
    const noData = svg.querySelector('[data-column="om"]')!;
    expect(noData.getAttribute('data-no-data')).toBe('true');
    expect(noData.querySelector('[data-mark="liquid"]')).toBeNull();
    expect(svg.querySelectorAll('[data-mark="liquid"]')).toHaveLength(4);
    expect(svg.querySelector('[data-column="jb"] > title')?.textContent).toBe('Jeugdbescherming *: 2,50 (n\u00a0=\u00a04)');
    expect(svg.querySelector('[data-column="politie"] > title')?.textContent).toBe('Politie: 4,25 (n\u00a0=\u00a012)');
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['* indicatief: kleine groep', 'Geen gegevens']));
    expect(svgTexts(svg).some((text) => text.endsWith('*') && text.startsWith('Jeugd'))).toBe(true);
  });

  it('never labels a value in the colour of a band it is not in: 3.996 reads "4,00" (strong), 2.996 "3,00" (attention)', () => {
    // docs/analysis.md, "Rounding: one number per figure": the band is the band of the shown value.
    // Bands as the model gives them, from the domain's rule: the label must agree with its band.
    const edge: IndexColumn[] = [2.96, 3.996, 2.996, 3.994].map((value, i) => ({ id: 'abcd'[i]!, label: 'ABCD'[i]!, value, band: bandOf(value), n: 5, isChain: false, isIndicative: false }));
    const { container } = render(<ThermometerChart title="T" language="nl" columns={edge} chainMean={null} />);
    const svg = getChart(container);
    expect(Array.from(svg.querySelectorAll('[data-value]')).map((e) => e.textContent)).toEqual(['2,96', '4,00', '3,00', '3,99']);
    expect(Array.from(svg.querySelectorAll('[data-column]')).map((c) => c.getAttribute('data-band'))).toEqual(['concern', 'strong', 'attention', 'attention']);
  });

  it('puts a higher value higher up the tube', () => {
    const { container } = render(<ThermometerChart title="T" language="nl" columns={columns} chainMean={null} />);
    const top = (id: string) => Number(getChart(container).querySelector(`[data-column="${id}"] [data-mark="liquid"] rect`)!.getAttribute('y'));
    expect(top('politie')).toBeLessThan(top('gemeente'));
    expect(top('gemeente')).toBeLessThan(top('jb'));
    expect(getChart(container).querySelector('[data-part="chain-mean"]')).toBeNull();
  });

  it('colours by the band the analysis gives, with the domain\'s tolerance: 4 that came out as 3.9999999999999996 is strong', () => {
    const almostFour = 4 - 4e-16;
    expect(bandOf(almostFour)).toBe('strong');
    const column: IndexColumn = { id: 'a', label: 'A', value: almostFour, band: bandOf(almostFour), n: 3, isChain: false, isIndicative: false };
    const { container } = render(<ThermometerChart title="T" language="nl" columns={[column]} chainMean={null} />);
    expect(getChart(container).querySelector('[data-column="a"]')!.getAttribute('data-band')).toBe('strong');
  });

  it('draws projector text at least 24 px', () => {
    const { container } = render(<ThermometerChart title="T" language="nl" size="projector" width={1920} columns={columns} chainMean={3.38} />);
    const sizes = Array.from(getChart(container).querySelectorAll('text')).map((t) => Number(t.getAttribute('font-size') ?? getChart(container).getAttribute('font-size')));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    expect(Number(getChart(container).querySelector('[data-value]')!.getAttribute('font-size'))).toBeGreaterThanOrEqual(28);
  });

  it('has a table with the same figures', () => {
    render(<ThermometerTable title="Thermometerindex" language="nl" columns={columns} />);
    const table = screen.getByRole('table', { name: 'Thermometerindex' });
    expect(tableRows(table)).toEqual([
      ['Politie', '4,25', 'Sterk', '12'],
      ['Gemeente', '3,40', 'Aandacht', '8'],
      ['Jeugdbescherming *', '2,50', 'Zorg', '4'],
      ['Openbaar Ministerie', '–', 'geen gegevens', '0'],
      ['Keten', '3,38', 'Aandacht', '24'],
    ]);
    expect(screen.getByRole('rowheader', { name: 'Politie' })).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Groep', 'Index', 'Band', 'n']);
  });

  it('matches its snapshot', () => {
    const { container } = render(<ThermometerChart title="Thermometerindex" language="nl" width={640} columns={columns} chainMean={3.38} />);
    expect(normaliseSvg(getChart(container))).toMatchSnapshot();
  });
});
