import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KnobList, KnobTable } from '../../../src/charts/KnobList';
import type { DimensionSetting, GroupRef, KnobRow } from '../../../src/charts/model/chartData';
import { ThermostatDial, ThermostatDialTable } from '../../../src/charts/ThermostatDial';
import { getChart, svgTexts, tableRows } from './helpers';

const groups: GroupRef[] = [
  { id: 'politie', label: 'Politie', isIndicative: false },
  { id: 'om', label: 'Openbaar Ministerie', shortLabel: 'OM', isIndicative: false },
  { id: 'vt', label: 'Veilig Thuis', isIndicative: true },
];

const dimensions: DimensionSetting[] = [
  { id: 'doel', label: 'Doel & visie', chainValue: 3.2, values: [{ groupId: 'politie', value: 2.5 }, { groupId: 'om', value: 4 }, { groupId: 'vt', value: 3.1 }] },
  { id: 'regie', label: 'Regie & mandaat', chainValue: 2.45, values: [{ groupId: 'politie', value: 2.4 }, { groupId: 'om', value: null }, { groupId: 'vt', value: 2.5 }] },
];

describe('ThermostatDial', () => {
  it('is named by its title and shows one dial per dimension with a marker per group that has a value', () => {
    const { container } = render(<ThermostatDial title="Thermostaat" language="nl" groups={groups} dimensions={dimensions} />);
    const svg = screen.getByRole('img', { name: 'Thermostaat' });
    expect(svg).toBe(getChart(container));
    expect(svg.querySelectorAll('[data-dimension]')).toHaveLength(2);
    expect(svg.querySelectorAll('[data-dimension="doel"] [data-point]')).toHaveLength(3);
    expect(svg.querySelectorAll('[data-dimension="regie"] [data-point]')).toHaveLength(2);
    expect(Array.from(svg.querySelectorAll('[data-dimension="doel"] [data-label]')).map((l) => l.textContent)).toEqual(['Pol', 'OM', 'VT *']);
  });

  it('marks the chain value per dimension, in the reader\'s notation', () => {
    const nl = getChart(render(<ThermostatDial title="T" language="nl" groups={groups} dimensions={dimensions} />).container);
    expect(Array.from(nl.querySelectorAll('[data-chain-value]')).map((t) => t.textContent)).toEqual(['Keten 3,20', 'Keten 2,45']);
    const en = getChart(render(<ThermostatDial title="T" language="en" groups={groups} dimensions={dimensions} />).container);
    expect(Array.from(en.querySelectorAll('[data-chain-value]')).map((t) => t.textContent)).toEqual(['Chain 3.20', 'Chain 2.45']);
    expect(svgTexts(en)).toEqual(expect.arrayContaining(['OM = Openbaar Ministerie', 'Pol = Politie', '* indicative: small group']));
  });

  it('stacks labels of close markers', () => {
    const svg = getChart(render(<ThermostatDial title="T" language="nl" groups={groups} dimensions={dimensions} />).container);
    const ys = Array.from(svg.querySelectorAll('[data-dimension="regie"] [data-label]')).map((l) => Number(l.getAttribute('y')));
    expect(ys[0]).not.toBe(ys[1]);
  });

  it('has a table with the same values', () => {
    render(<ThermostatDialTable title="Thermostaat" language="nl" groups={groups} dimensions={dimensions} />);
    expect(tableRows(screen.getByRole('table', { name: 'Thermostaat' }))).toEqual([
      ['Doel & visie', '2,50', '4,00', '3,10', '3,20'],
      ['Regie & mandaat', '2,40', '–', '2,50', '2,45'],
    ]);
  });
});

const knobs: KnobRow[] = [
  { id: 'q05', number: 5, text: 'Per gezin is duidelijk wie de regie voert.', dimension: 'Regie & mandaat', rank: 1, chainMean: 2.45, gap: 1.6, priority: 0.59, reason: 'both', isDiscussionPoint: true },
  { id: 'q11', number: 11, text: 'Mijn organisatie maakt voldoende tijd vrij.', dimension: 'Uitvoering', rank: 2, chainMean: 2.8, gap: 0.4, priority: 0.4, reason: 'low', isDiscussionPoint: false },
  { id: 'q03', number: 3, text: 'Ik weet welke taken de anderen hebben.', dimension: 'Relatie & vertrouwen', rank: 3, chainMean: 3.6, gap: 1.2, priority: 0.33, reason: 'gap', isDiscussionPoint: true },
];

describe('KnobList', () => {
  it('lists the knobs in the given order with mean, gap and why', () => {
    render(<KnobList title="Knoppen" language="nl" knobs={knobs} />);
    const list = screen.getByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('5. Per gezin is duidelijk wie de regie voert.');
    expect(items[0]).toHaveTextContent('Regie & mandaat · Ketengemiddelde 2,45 · verschil 1,60');
    expect(items[0]).toHaveTextContent('Waarom: laag ketengemiddelde en groot verschil');
    expect(items[1]).toHaveTextContent('Waarom: laag ketengemiddelde, geen groot verschil');
    expect(items[2]).toHaveTextContent('Waarom: groot verschil tussen partners');
    expect(screen.getByRole('figure', { name: 'Knoppen' })).toBeInTheDocument();
  });

  it('flags discussion points only where flagged', () => {
    const { container } = render(<KnobList title="Knobs" language="en" knobs={knobs} />);
    const flags = container.querySelectorAll('[data-discussion-point]');
    expect(flags).toHaveLength(2);
    expect(flags[0]).toHaveTextContent('Discussion point');
    expect(container.querySelector('[data-knob="q11"] [data-discussion-point]')).toBeNull();
  });

  it('can show only the first few, and has a table with two decimals', () => {
    render(<KnobList title="K" language="nl" knobs={knobs} maxItems={2} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    render(<KnobTable title="Knoppen" language="nl" knobs={knobs} />);
    expect(tableRows(screen.getByRole('table', { name: 'Knoppen' }))).toEqual([
      ['1', '5. Per gezin is duidelijk wie de regie voert.', 'Regie & mandaat', '2,45', '1,60', '0,59', 'laag ketengemiddelde en groot verschil (bespreekpunt)'],
      ['2', '11. Mijn organisatie maakt voldoende tijd vrij.', 'Uitvoering', '2,80', '0,40', '0,40', 'laag ketengemiddelde, geen groot verschil'],
      ['3', '3. Ik weet welke taken de anderen hebben.', 'Relatie & vertrouwen', '3,60', '1,20', '0,33', 'groot verschil tussen partners (bespreekpunt)'],
    ]);
  });
});
