import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stackMarkers } from '../../../src/charts/common';
import { DivergingBars } from '../../../src/charts/DivergingBars';
import { GapDotPlot } from '../../../src/charts/GapDotPlot';
import type { DimensionSetting, DistributionRow, GapRow, GroupRef, IndexColumn } from '../../../src/charts/model/chartData';
import { getChartTheme } from '../../../src/charts/theme';
import { ThermometerChart } from '../../../src/charts/ThermometerChart';
import { ThermostatDial } from '../../../src/charts/ThermostatDial';
import { analyseScanProtected } from '../../../src/domain/analysis';
import { DiscussionSlide } from '../../../src/features/present/DiscussionSlide';
import { FIXTURE_INSTRUMENT, SCAN_D, SCAN_D_ORGANISATIONS, SCAN_D_RESPONSES } from '../../fixtures/analysis/handComputedScan';
import { getChart, svgTexts } from './helpers';

// Issue 25, item 3: charts that cannot be misread. Markers never hide each other, names are never
// cut, and a number in an answer bar never reads as a score.

/** Centres of the group markers in a chart part: from the marker's translate(x,y). */
function markerCentres(root: Element): { id: string; x: number; y: number }[] {
  return Array.from(root.querySelectorAll('[data-point]')).map((point) => {
    const transform = point.querySelector('[data-mark="group-symbol"]')?.getAttribute('transform') ?? '';
    const match = /translate\(([-\d.]+),([-\d.]+)\)/.exec(transform);
    if (!match) throw new Error(`no marker for ${point.getAttribute('data-point')}`);
    return { id: point.getAttribute('data-point') ?? '', x: Number(match[1]), y: Number(match[2]) };
  });
}

/** The smallest distance between any two marker centres. */
function closestPair(centres: readonly { x: number; y: number }[]): number {
  let closest = Infinity;
  centres.forEach((a, i) => centres.slice(i + 1).forEach((b) => (closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y)))));
  return closest;
}

const groups: GroupRef[] = [
  { id: 'politie', label: 'Politie', isIndicative: false },
  { id: 'veiligheidshuis', label: 'Veiligheidshuis', isIndicative: false },
  { id: 'om', label: 'Openbaar Ministerie', shortLabel: 'OM', isIndicative: false },
  { id: 'wsg', label: 'William Schrikker Groep', isIndicative: false },
];

describe('stackMarkers', () => {
  it('keeps markers at distinct positions on the axis', () => {
    expect(stackMarkers([10, 40, 70], 5)).toEqual([0, 0, 0]);
  });

  it('moves markers at equal positions apart by whole steps, in group order, nearest first', () => {
    expect(stackMarkers([50, 50, 50], 10)).toEqual([0, -10, 10]);
    expect(stackMarkers([50, 50, 50], 10, [-1, -1, -1])).toEqual([0, -10, -20]);
    expect(stackMarkers([50, 50], 10, [-1, 1])).toEqual([0, 10]);
  });

  it('moves a near-equal marker only as far as needed, and skips markers that are not drawn', () => {
    const offsets = stackMarkers([50, 53, null, 80], 10);
    expect(offsets).toEqual([0, -10, 0, 0]);
  });
});

describe('the gap view: no marker hides another', () => {
  // Statement 6 of the demo: Politie and Veiligheidshuis have the same mean; OM is a hair apart.
  const rows: GapRow[] = [
    {
      id: 'q06',
      number: 6,
      text: 'Informatie wordt tijdig gedeeld.',
      points: [
        { groupId: 'politie', mean: 3.5, n: 6, dk: 0 },
        { groupId: 'veiligheidshuis', mean: 3.5, n: 5, dk: 0 },
        { groupId: 'om', mean: 3.52, n: 5, dk: 0 },
        { groupId: 'wsg', mean: 2.1, n: 5, dk: 0 },
      ],
      chainMean: 3.15,
      gap: 1.42,
      isDiscussionPoint: true, isUncertainDifference: false, p: null, weightedMean: null, consensus: null,
    },
  ];

  it.each(['screen', 'projector'] as const)('keeps every two marker centres at least two radii apart (%s)', (size) => {
    const radius = getChartTheme(size).markSize;
    const svg = getChart(render(<GapDotPlot title="Verschillen" language="nl" size={size} width={size === 'projector' ? 1800 : 900} groups={groups} rows={rows} />).container);
    const centres = markerCentres(svg.querySelector('[data-row="q06"]')!);
    expect(centres).toHaveLength(4);
    expect(closestPair(centres)).toBeGreaterThanOrEqual(2 * radius);
    // The markers keep their value: equal means stay at the same x.
    const x = (id: string) => centres.find((c) => c.id === id)?.x;
    expect(x('politie')).toBe(x('veiligheidshuis'));
  });

  it('keeps each label beside its own marker: the labels stay apart and the stacked marker has a stem to the axis', () => {
    const svg = getChart(render(<GapDotPlot title="Verschillen" language="nl" width={900} groups={groups} rows={rows} />).container);
    const row = svg.querySelector('[data-row="q06"]')!;
    expect(row.querySelectorAll('[data-mark="stack-stem"]').length).toBeGreaterThanOrEqual(1);
    const labelYs = Array.from(row.querySelectorAll('[data-point="politie"] [data-label], [data-point="veiligheidshuis"] [data-label]')).map((l) => Number(l.getAttribute('y')));
    expect(new Set(labelYs).size).toBe(2);
  });
});

describe('the thermostat view: no marker hides another', () => {
  const dimensions: DimensionSetting[] = [
    {
      id: 'info',
      label: 'Informatie delen',
      chainValue: 3.2,
      values: [
        { groupId: 'politie', value: 3.4 },
        { groupId: 'veiligheidshuis', value: 3.4 },
        { groupId: 'om', value: 3.41 },
        { groupId: 'wsg', value: null },
      ],
    },
  ];

  it.each(['screen', 'projector'] as const)('keeps every two marker centres at least two radii apart (%s)', (size) => {
    const radius = getChartTheme(size).markSize * 1.1;
    const svg = getChart(render(<ThermostatDial title="Thermostaat" language="nl" size={size} width={size === 'projector' ? 1800 : 900} groups={groups} dimensions={dimensions} />).container);
    const centres = markerCentres(svg.querySelector('[data-dimension="info"]')!);
    expect(centres).toHaveLength(3);
    expect(closestPair(centres)).toBeGreaterThanOrEqual(2 * radius);
    // Every label sits above every marker: stacking never pushes a marker into the labels.
    const labelYs = Array.from(svg.querySelectorAll('[data-dimension="info"] [data-label]')).map((l) => Number(l.getAttribute('y')));
    expect(Math.max(...labelYs)).toBeLessThan(Math.min(...centres.map((c) => c.y)));
  });
});

describe('the thermometer: names are never cut', () => {
  const columns: IndexColumn[] = [
    ...['Politie', 'Openbaar Ministerie', 'Jeugdbescherming', 'Gemeente', 'William Schrikker Groep', 'Parlan', 'Veiligheidshuis'].map((label, i): IndexColumn => ({ id: `g${i}`, label, value: 3 + i / 10, band: 'attention', n: 5, isChain: false, isIndicative: false })),
    { id: '__chain__', label: 'Keten', value: 3.3, band: 'attention', n: 35, isChain: true, isIndicative: false },
  ];

  it('writes "William Schrikker Groep" whole, on as many lines as it needs', () => {
    const svg = getChart(render(<ThermometerChart title="Thermometer" language="nl" width={1000} columns={columns} chainMean={3.3} />).container);
    expect(svgTexts(svg.querySelector('[data-column="g4"]')!)).toContain('William Schrikker Groep');
    expect(svgTexts(svg).some((text) => text.includes('…'))).toBe(false);
  });

  it('in a column too narrow for a word, breaks the word with a hyphen and keeps every letter', () => {
    const svg = getChart(render(<ThermometerChart title="Thermometer" language="nl" width={700} columns={columns} chainMean={3.3} />).container);
    const lines = Array.from(svg.querySelectorAll('[data-column="g4"] tspan')).map((t) => t.textContent ?? '');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.join(' ').replace(/- /g, '')).toBe('William Schrikker Groep');
    expect(svgTexts(svg).some((text) => text.includes('…'))).toBe(false);
  });
});

describe('answer bars say what their colours and numbers are', () => {
  it('the distribution legend says first that the colours are the answers', () => {
    const rows: DistributionRow[] = [{ id: 'q01', number: 1, text: 'Doel.', counts: [0, 0, 0, 5, 0], n: 5, dk: 0, shares: [0, 0, 0, 1, 0], dkShare: 0, consensus: 1 }];
    const nl = svgTexts(getChart(render(<DivergingBars title="V" language="nl" rows={rows} />).container).querySelector('[data-part="legend"]')!);
    expect(nl.slice(0, 2)).toEqual(['Kleur = antwoord:', 'Helemaal oneens']);
    const en = svgTexts(getChart(render(<DivergingBars title="V" language="en" rows={rows} />).container).querySelector('[data-part="legend"]')!);
    expect(en[0]).toBe('Colour = answer:');
  });

  it('the discussion slide labels the bars as numbers of people, in its column header and its legend', () => {
    const analysis = analyseScanProtected({ instrument: FIXTURE_INSTRUMENT, organisations: SCAN_D_ORGANISATIONS, responses: SCAN_D_RESPONSES, settings: { minGroupSize: 3, gapThreshold: 1 } });
    const scan = SCAN_D;
    const statement = analysis.statements.find((s) => s.itemId === 's1');
    if (!statement) throw new Error('s1 missing');
    const { container } = render(<DiscussionSlide scan={scan} analysis={analysis} statement={statement} comments={null} />);
    const headers = Array.from(container.querySelectorAll('thead th')).map((th) => th.textContent);
    expect(headers).toContain('Antwoorden (aantal mensen)');
    const legend = container.querySelector('[data-legend]');
    expect(legend?.textContent).toContain('Kleur = antwoord:');
    expect(legend?.querySelector('[data-legend-counts]')?.textContent).toBe('Getal in een balk = aantal mensen met dat antwoord');
  });
});
