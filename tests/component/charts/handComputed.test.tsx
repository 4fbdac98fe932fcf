import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DistributionTable, DivergingBars } from '../../../src/charts/DivergingBars';
import { GapDotPlot, GapTable } from '../../../src/charts/GapDotPlot';
import { Heatmap, HeatmapTable } from '../../../src/charts/Heatmap';
import { IndexScatter, IndexScatterTable } from '../../../src/charts/IndexScatter';
import { KeywordCloud, KeywordTable } from '../../../src/charts/KeywordCloud';
import { KnobList, KnobTable } from '../../../src/charts/KnobList';
import * as model from '../../../src/charts/model/chartData';
import { ThermometerChart, ThermometerTable } from '../../../src/charts/ThermometerChart';
import { ThermostatDial, ThermostatDialTable } from '../../../src/charts/ThermostatDial';
import { analyseScanProtected } from '../../../src/domain/analysis';
import { FIXTURE_INSTRUMENT, SCAN_A_EXPECTED, SCAN_A_ORGANISATIONS, SCAN_A_RESPONSES } from '../../fixtures/analysis/handComputedScan';
import { getChart, tableRows } from './helpers';

// Every chart drawn from the model's output for the hand-computed scan A
// (tests/fixtures/analysis/HAND-COMPUTED.md): what the tests of the engine hold is what the
// charts and their tables show, through the one contract in src/charts/model/chartData.ts.

const analysis = analyseScanProtected({ instrument: FIXTURE_INSTRUMENT, organisations: SCAN_A_ORGANISATIONS, responses: SCAN_A_RESPONSES, settings: { minGroupSize: 3, gapThreshold: 1 } });
const labels: model.ChartLabels = { chain: 'Keten', pooledGroup: 'Overige partners', localize: (text) => text.nl };
const groups = model.describeGroups(analysis, labels);
const E = SCAN_A_EXPECTED;
const nl2 = (value: number) => value.toFixed(2).replace('.', ',');
const tableOf = (name: string) => tableRows(screen.getByRole('table', { name }));

describe('every chart from the model of hand-computed scan A', () => {
  it('thermometer: the group and chain indexes, their bands and n', () => {
    const columns = model.buildIndexColumns(analysis, 'thermometer', labels);
    const svg = getChart(render(<ThermometerChart title="Thermometer" language="nl" width={800} columns={columns} chainMean={analysis.chain.thermometer.value} />).container);
    expect(Array.from(svg.querySelectorAll('[data-column]')).map((c) => [c.getAttribute('data-column'), c.getAttribute('data-band'), c.querySelector('[data-value]')?.textContent])).toEqual([
      // Every figure carries two decimals, its band that of the shown value (docs/analysis.md "Rounding: one number per figure").
      ['pol', 'strong', '4,00'],
      ['gem', 'strong', '4,00'],
      // The pool's s4 is withheld (too few scores): its index and the chain's are s2 alone.
      ['__pooled__', 'strong', '4,00'],
      ['__chain__', 'strong', '4,00'],
    ]);
    render(<ThermometerTable title="Thermometertabel" language="nl" columns={columns} />);
    expect(tableOf('Thermometertabel')).toEqual([
      ['Politie *', nl2(E.groupIndexes.pol.thermometer[0]), 'Sterk', '3'],
      ['Gemeente', nl2(E.groupIndexes.gem.thermometer[0]), 'Sterk', '5'],
      ['Overige partners *', nl2(E.groupIndexes.__pooled__.thermometer[0]), 'Sterk', '3'],
      ['Keten', nl2(E.chainIndexes.thermometer[0]), 'Sterk', '11'],
    ]);
  });

  it('thermostat dial and knobs: per theme where each group sets the knob, the knobs in rank order', () => {
    const dimensions = model.buildDimensionSettings(analysis, FIXTURE_INSTRUMENT, 'thermostat', labels);
    const svg = getChart(render(<ThermostatDial title="Dial" language="nl" width={800} groups={groups} dimensions={dimensions} chainLabel="Keten" />).container);
    // The pool's only d1 thermostat statement (s1) is withheld: no point for it on d1.
    expect(svg.querySelectorAll('[data-dimension="d1"] [data-point]')).toHaveLength(2);
    expect(svg.querySelector('[data-dimension="d1"] [data-chain-value]')?.textContent).toBe('Keten 3,00');
    render(<ThermostatDialTable title="Dialtabel" language="en" groups={groups} dimensions={dimensions} chainLabel="Chain" />);
    const dialTable = screen.getByRole('table', { name: 'Dialtabel' });
    expect(tableRows(dialTable)).toEqual([
      ['Eén', nl2(E.groupIndexes.pol.d1.thermostat[0]!).replace(',', '.'), '5.00', '–', (E.chainIndexes.d1.thermostat[0]!).toFixed(2)],
      ['Twee', '3.00', '4.00', '2.00', '3.00'],
    ]);
    // The tables say "theme", as the views do.
    expect(dialTable.querySelector('thead th')?.textContent).toBe('Theme');

    const knobs = model.buildKnobRows(analysis, FIXTURE_INSTRUMENT, labels).filter((k) => k.rank !== null);
    expect(knobs.map((k) => [k.id, k.rank])).toEqual(E.knobs.filter((k) => k.rank !== null).map((k) => [k.itemId, k.rank]));
    render(<KnobList title="Knoppen" language="nl" knobs={knobs} />);
    expect(Array.from(document.querySelectorAll('[data-knob] .knob-list__rank')).map((r) => r.textContent)).toEqual(['1', '2']);
    render(<KnobTable title="Knoppentabel" language="en" knobs={knobs} />);
    // s3's gap (2.00) is over the threshold: a discussion point, or a large gap that could be chance, never "no large gap".
    const s3Reason = E.statements.s3.isDiscussionPoint ? 'large gap between partners (discussion point)' : 'large gap between partners, but it could be chance';
    expect(tableOf('Knoppentabel')).toEqual([
      ['1', '1. S1', 'Eén', E.statements.s1.chainMean.toFixed(2), '4.00', (2 / 3).toFixed(2), 'large gap between partners (discussion point)'],
      ['2', '3. S3', 'Twee', '3.00', '2.00', '0.50', s3Reason],
    ]);
    expect(screen.getByRole('table', { name: 'Knoppentabel' }).querySelectorAll('thead th')[2]?.textContent).toBe('Theme');
  });

  it('perception gap: the gap and flag of every statement, largest gap first', () => {
    const rows = model.buildGapRows(analysis, FIXTURE_INSTRUMENT, labels, 'gap');
    const svg = getChart(render(<GapDotPlot title="Gap" language="nl" width={800} groups={groups} rows={rows} />).container);
    expect(Array.from(svg.querySelectorAll('[data-row]')).map((r) => [r.getAttribute('data-row'), r.querySelector('[data-gap]')?.textContent, r.hasAttribute('data-discussion-point')])).toEqual([
      ['s1', '4,00', E.statements.s1.isDiscussionPoint],
      ['s3', '2,00', E.statements.s3.isDiscussionPoint],
      ['s2', '0,00', false],
      ['s4', '–', false],
      ['s5', '–', false],
      ['s6', '–', false],
    ]);
    // The pool's one score on s1 and s4 is withheld: no dot, its name under the statement instead.
    expect(svg.querySelectorAll('[data-row="s1"] [data-point]')).toHaveLength(2);
    expect(svg.querySelectorAll('[data-row="s4"] [data-point]')).toHaveLength(0);
    expect(svg.querySelector('[data-row="s1"] [data-too-few-scores]')?.textContent).toContain('Te weinig scores: OP *');
    render(<GapTable title="Gaptabel" language="nl" groups={groups} rows={rows} />);
    // Weighted mean and consensus from the fixture; p is the engine's (its method is tested in tests/unit/analysis).
    // The exact p: of the 35 ways to split these 7 scores into 3 and 4, only pol = the three 1s
    // reaches H ≥ 6, so p = 1/35 = 0.0286, shown with its method (HAND-COMPUTED.md).
    const p = '0,029 (exact)';
    expect(tableOf('Gaptabel')[0]).toEqual(['1. S1', '1,00 (n\u00a0=\u00a03)', '5,00 (n\u00a0=\u00a04)', 'te weinig scores (1 weet niet)', nl2(E.statements.s1.chainMean), nl2(E.statements.s1.weightedMean), nl2(E.statements.s1.consensus), '4,00', E.statements.s1.isDiscussionPoint ? 'ja' : 'nee', p]);
  });

  it('distribution: shares from the model, don\'t-know apart, n and consensus', () => {
    const rows = model.buildDistributionRows(analysis, FIXTURE_INSTRUMENT, labels);
    const svg = getChart(render(<DivergingBars title="Verdeling" language="nl" width={800} rows={rows} />).container);
    // 2 don't know of 2 + 7 (the pool's withheld score counts nowhere): 22 %.
    expect(svg.querySelector('[data-row="s1"] [data-dk]')?.textContent).toBe('22%');
    expect(Array.from(svg.querySelectorAll('[data-n]')).map((n) => n.textContent)).toEqual(['7', '11', '11', '0', '0', '0']);
    expect(svg.querySelector('[data-row="s5"] [data-no-data]')).not.toBeNull();
    render(<DistributionTable title="Verdelingtabel" language="nl" rows={rows} />);
    const table = tableOf('Verdelingtabel');
    expect(table[0]).toEqual(['1. S1', '43% (3)', '0% (0)', '0% (0)', '0% (0)', '57% (4)', '22% (2)', '7', nl2(E.statements.s1.consensus)]);
    expect(table[2]?.slice(1, 6)).toEqual(['9% (1)', '18% (2)', '27% (3)', '36% (4)', '9% (1)']);
    expect(table[2]?.[8]).toBe(nl2(E.statements.s3.consensus));
    expect(table[5]).toEqual(['6. S6', '–', '–', '–', '–', '–', '–', '0', '–']);
  });

  it('heatmap: the group means with n, and the chain mean', () => {
    const heatmap = model.buildHeatmap(analysis, FIXTURE_INSTRUMENT, labels);
    const svg = getChart(render(<Heatmap title="Heatmap" language="nl" width={800} groups={heatmap.columns} rows={heatmap.rows} chainLabel="Keten" />).container);
    expect(svg.querySelector('[data-cell="s1:gem"] [data-value]')?.textContent).toBe('5,00');
    expect(svg.querySelector('[data-cell="s1:gem"] [data-n]')?.textContent).toBe('n\u00a0=\u00a04');
    expect(svg.querySelector('[data-cell="s4:pol"]')?.hasAttribute('data-no-data')).toBe(true);
    expect(svg.querySelector('[data-cell="s1:__pooled__"]')?.hasAttribute('data-too-few-scores')).toBe(true);
    expect(svg.querySelector('[data-cell="s1:__pooled__"] [data-value]')).toBeNull();
    render(<HeatmapTable title="Heatmaptabel" language="nl" groups={heatmap.columns} rows={heatmap.rows} chainLabel="Keten" />);
    expect(tableOf('Heatmaptabel')[2]).toEqual(['3. S3', '3,00 (n\u00a0=\u00a03)', '4,00 (n\u00a0=\u00a05)', '2,00 (n\u00a0=\u00a03)', nl2(E.statements.s3.chainMean)]);
  });

  it('thermometer × thermostat: the groups that have both indexes, and the chain', () => {
    const points = model.buildIndexPoints(analysis, labels);
    const svg = getChart(render(<IndexScatter title="Scatter" language="nl" width={800} points={points} groups={groups} />).container);
    expect(Array.from(svg.querySelectorAll('[data-point]')).map((p) => p.getAttribute('data-point'))).toEqual(['pol', 'gem', '__pooled__', '__chain__']);
    render(<IndexScatterTable title="Scattertabel" language="nl" points={points} />);
    expect(tableOf('Scattertabel')).toEqual([
      ['Politie *', nl2(E.groupIndexes.pol.thermostat[0]), nl2(E.groupIndexes.pol.thermometer[0]), '3'],
      ['Gemeente', nl2(E.groupIndexes.gem.thermostat[0]), nl2(E.groupIndexes.gem.thermometer[0]), '5'],
      ['Overige partners *', nl2(E.groupIndexes.__pooled__.thermostat[0]), nl2(E.groupIndexes.__pooled__.thermometer[0]), '3'],
      ['Keten', nl2(E.chainIndexes.thermostat[0]), nl2(E.chainIndexes.thermometer[0]), '11'],
    ]);
  });

  it('keywords: the words and how many gave them', () => {
    const words = model.buildKeywordCounts(analysis);
    const svg = getChart(render(<KeywordCloud title="Woorden" language="nl" width={800} words={words} />).container);
    expect(Array.from(svg.querySelectorAll('[data-word]')).map((w) => [w.getAttribute('data-word'), w.querySelector('[data-count]')?.textContent])).toEqual(E.keywords.map((k) => [k.display, String(k.count)]));
    render(<KeywordTable title="Woordentabel" language="nl" words={words} />);
    expect(tableOf('Woordentabel')).toEqual(E.keywords.map((k) => [k.display, String(k.count)]));
  });
});
