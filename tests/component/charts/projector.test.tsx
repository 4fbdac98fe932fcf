import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { buildDemoData } from '../../../src/charts/dev/demoData';
import { DivergingBars } from '../../../src/charts/DivergingBars';
import { GapDotPlot } from '../../../src/charts/GapDotPlot';
import { Heatmap } from '../../../src/charts/Heatmap';
import { IndexScatter } from '../../../src/charts/IndexScatter';
import { KeywordCloud } from '../../../src/charts/KeywordCloud';
import { ThermometerChart } from '../../../src/charts/ThermometerChart';
import { ThermostatDial } from '../../../src/charts/ThermostatDial';
import { getChart } from './helpers';

const d = buildDemoData('nl');
const common = { language: 'nl' as const, size: 'projector' as const, width: 1920 };

const charts: [string, ReactElement][] = [
  ['thermometer', <ThermometerChart title="T" {...common} columns={d.thermometerColumns} chainMean={d.chainThermometer} />],
  ['dial', <ThermostatDial title="T" {...common} groups={d.groups} dimensions={d.dialDimensions} />],
  ['gap', <GapDotPlot title="T" {...common} groups={d.groups} rows={d.gapRows} />],
  ['distribution', <DivergingBars title="T" {...common} rows={d.distributionRows} />],
  ['heatmap', <Heatmap title="T" {...common} groups={d.groups} rows={d.heatmapRows} chainLabel="Keten" />],
  ['scatter', <IndexScatter title="T" {...common} points={d.scatterPoints} groups={d.groups} />],
  ['keywords', <KeywordCloud title="T" {...common} words={d.keywords} />],
];

/** The font size a <text> or <tspan> is drawn at: its own, else the nearest ancestor's. */
function fontSizeOf(element: Element): number {
  for (let e: Element | null = element; e; e = e.parentElement) {
    const size = e.getAttribute('font-size');
    if (size) return Number(size);
  }
  return 16;
}

describe('projector size', () => {
  for (const [name, chart] of charts) {
    it(`${name}: every text at least 24 px, black on white`, () => {
      const svg = getChart(render(chart).container);
      const texts = Array.from(svg.querySelectorAll('text, tspan')).filter((t) => (t.textContent ?? '').trim() !== '');
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect(fontSizeOf(text)).toBeGreaterThanOrEqual(24);
      expect(svg.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
      expect(svg.getAttribute('fill')).toBe('#000000');
    });
  }
});
