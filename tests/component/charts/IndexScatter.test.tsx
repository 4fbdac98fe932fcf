import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IndexScatter, IndexScatterTable, placePointLabels } from '../../../src/charts/IndexScatter';
import type { IndexPoint } from '../../../src/charts/model/chartData';
import { estimateTextWidth } from '../../../src/charts/text';
import { getChart, svgTexts, tableRows } from './helpers';

const points: IndexPoint[] = [
  { id: 'politie', label: 'Politie', thermostat: 3.8, thermometer: 4.2, n: 9, isChain: false, isIndicative: false },
  { id: 'om', label: 'Openbaar Ministerie', shortLabel: 'OM', thermostat: 2.7, thermometer: 3.55, n: 5, isChain: false, isIndicative: false },
  { id: 'vt', label: 'Veilig Thuis', thermostat: 2.2, thermometer: 2.35, n: 3, isChain: false, isIndicative: true },
  { id: '__chain__', label: 'Keten', thermostat: 2.9, thermometer: 3.37, n: 17, isChain: true, isIndicative: false },
];

describe('IndexScatter', () => {
  it('is named by its title and draws a point per group and the chain', () => {
    const { container } = render(<IndexScatter title="Thermometer × thermostaat" language="nl" points={points} />);
    const svg = screen.getByRole('img', { name: 'Thermometer × thermostaat' });
    expect(svg).toBe(getChart(container));
    expect(svg.querySelectorAll('[data-point]')).toHaveLength(4);
    expect(svg.querySelectorAll('[data-part="points"] [data-mark="group-symbol"]')).toHaveLength(3);
    expect(svg.querySelectorAll('[data-point="__chain__"] [data-mark="chain-symbol"]')).toHaveLength(1);
    expect(Array.from(svg.querySelectorAll('[data-label]')).map((l) => l.textContent)).toEqual(['Pol', 'OM', 'VT *', 'Keten']);
  });

  it('places thermostat across and thermometer up', () => {
    const svg = getChart(render(<IndexScatter title="T" language="nl" points={points} />).container);
    const position = (id: string) => svg.querySelector(`[data-point="${id}"] [data-mark="group-symbol"]`)!.getAttribute('transform')!.match(/translate\(([\d.]+),([\d.]+)\)/)!.slice(1).map(Number);
    const [polX, polY] = position('politie');
    const [vtX, vtY] = position('vt');
    expect(polX).toBeGreaterThan(vtX!);
    expect(polY).toBeLessThan(vtY!);
  });

  it('draws the diagonal and names the four quadrants and both axes', () => {
    const svg = getChart(render(<IndexScatter title="T" language="en" points={points} />).container);
    expect(svg.querySelector('[data-mark="diagonal"]')).not.toBeNull();
    const texts = svgTexts(svg).join(' | ');
    for (const phrase of ['Good conditions, good', 'Weak conditions, weak', 'results lag', 'weak conditions', 'Thermostat: are the conditions in place? (1–5)', 'Thermometer: how are we doing? (1–5)', 'Line: thermometer = thermostat']) {
      expect(texts).toContain(phrase);
    }
    expect(svg.querySelector('[data-point="politie"] title')?.textContent).toBe('Politie: thermostat 3.80, thermometer 4.20 (n\u00a0=\u00a09)');
  });

  it('places labels of nearby points without overlap', () => {
    const items = [
      { x: 100, y: 100, text: 'Pol' },
      { x: 104, y: 102, text: 'OM' },
      { x: 98, y: 104, text: 'Gem' },
    ];
    const placed = placePointLabels(items, 14, 7, { left: 0, right: 400, top: 0, bottom: 400 });
    const boxes = placed.map((p, i) => {
      const width = estimateTextWidth(items[i]!.text, 14);
      const left = p.anchor === 'start' ? p.x : p.anchor === 'end' ? p.x - width : p.x - width / 2;
      return { left, right: left + width, top: p.y - 8.4, bottom: p.y + 8.4 };
    });
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(false);
      }
  });

  it('has a table with both indexes and n', () => {
    render(<IndexScatterTable title="Scatter" language="nl" points={points} />);
    expect(tableRows(screen.getByRole('table', { name: 'Scatter' }))).toEqual([
      ['Politie', '3,80', '4,20', '9'],
      ['Openbaar Ministerie', '2,70', '3,55', '5'],
      ['Veilig Thuis *', '2,20', '2,35', '3'],
      ['Keten', '2,90', '3,37', '17'],
    ]);
  });
});
