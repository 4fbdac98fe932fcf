import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DistributionTable, DivergingBars } from '../../../src/charts/DivergingBars';
import { GapDotPlot, GapTable } from '../../../src/charts/GapDotPlot';
import { Heatmap, HeatmapTable } from '../../../src/charts/Heatmap';
import * as model from '../../../src/charts/model/chartData';
import { ThermostatDial, ThermostatDialTable } from '../../../src/charts/ThermostatDial';
import { analyseScanProtected } from '../../../src/domain/analysis';
import { DiscussionSlide } from '../../../src/features/present/DiscussionSlide';
import { FIXTURE_INSTRUMENT, SCAN_D_EXPECTED, SCAN_D, SCAN_D_ORGANISATIONS, SCAN_D_RESPONSES } from '../../fixtures/analysis/handComputedScan';
import { getChart, tableRows } from './helpers';

// "Too few scores" (docs/analysis.md) through every view of hand-computed scan D
// (tests/fixtures/analysis/HAND-COMPUTED.md): Veilig Thuis has 3 respondents, but on s1 only
// vt-1 gave a score (a 2), the other two said "don't know". Its cell must read "too few scores"
// with its 2 don't-knows, and neither vt's figure on s1 (2,0 / 2,00) nor its n may appear.

const analysis = analyseScanProtected({ instrument: FIXTURE_INSTRUMENT, organisations: SCAN_D_ORGANISATIONS, responses: SCAN_D_RESPONSES, settings: { minGroupSize: 3, gapThreshold: 1 } });
const labels: model.ChartLabels = { chain: 'Keten', pooledGroup: 'Overige partners', localize: (text) => text.nl };
const groups = model.describeGroups(analysis, labels);
const E = SCAN_D_EXPECTED.s1;
const nl2 = (value: number) => value.toFixed(2).replace('.', ',');
const tableOf = (name: string) => tableRows(screen.getByRole('table', { name }));
const rowOf = (name: string, statement: string) => tableOf(name).find((row) => row[0] === statement) ?? [];

describe('a group with too few scores on a statement, in every view (scan D)', () => {
  it('heatmap: the cell says "te weinig scores", with the don\'t-know count in its title; no value, no n, no colour', () => {
    const heatmap = model.buildHeatmap(analysis, FIXTURE_INSTRUMENT, labels);
    const svg = getChart(render(<Heatmap title="Heatmap" language="nl" width={800} groups={heatmap.columns} rows={heatmap.rows} chainLabel="Keten" />).container);
    const cell = svg.querySelector('[data-cell="s1:vt"]');
    expect(cell?.hasAttribute('data-too-few-scores')).toBe(true);
    expect(cell?.querySelector('[data-value]')).toBeNull();
    expect(cell?.querySelector('[data-n]')).toBeNull();
    expect(cell?.querySelector('[data-fill]')?.getAttribute('data-fill')).toBe(svg.querySelector('[data-cell="s6:vt"] [data-fill]')?.getAttribute('data-fill'));
    expect(cell?.textContent).toContain('te weinig');
    expect(cell?.querySelector('title')?.textContent).toBe('1. S1 — Veilig Thuis *: te weinig scores (2 weet niet)');
    // The legend explains the mark.
    expect(svg.textContent).toContain('Te weinig scores');
    // The chain mean is over pol and rvdk only: 41/12.
    expect(svg.querySelector('[data-cell="s1:__chain__"] [data-value]')?.textContent).toBe('3,42'); // 41/12 = 3.4167, two decimals (docs/analysis.md, rounding)
    // vt's s3 has three scores: shown as usual.
    expect(svg.querySelector('[data-cell="s3:vt"] [data-value]')?.textContent).toBe('1,67'); // 5/3

    render(<HeatmapTable title="Heatmaptabel" language="nl" groups={heatmap.columns} rows={heatmap.rows} chainLabel="Keten" />);
    expect(rowOf('Heatmaptabel', '1. S1')).toEqual(['1. S1', 'te weinig scores (2 weet niet)', `${nl2(13 / 3)} (n\u00a0=\u00a03)`, '2,50 (n\u00a0=\u00a04)', nl2(E.chainMean)]);
    expect(screen.getByRole('table', { name: 'Heatmaptabel' }).closest('div')?.parentElement?.textContent).toContain('Te weinig scores: minder mensen van een groep gaven een score');
  });

  it('perception gap: no dot for vt on s1, its name under the statement; the table says "too few scores"; the gap is pol − rvdk', () => {
    const rows = model.buildGapRows(analysis, FIXTURE_INSTRUMENT, labels, 'statement');
    const svg = getChart(render(<GapDotPlot title="Gap" language="en" width={800} groups={groups} rows={rows} />).container);
    const row = svg.querySelector('[data-row="s1"]');
    expect(Array.from(row?.querySelectorAll('[data-point]') ?? []).map((p) => p.getAttribute('data-point'))).toEqual(['pol', 'rvdk']);
    expect(row?.querySelector('[data-too-few-scores]')?.textContent).toContain('Too few scores: VT *');
    expect(row?.querySelector('[data-too-few-scores] title')?.textContent).toBe("Too few scores: Veilig Thuis (too few scores (2 don't know))");
    expect(row?.querySelector('[data-gap]')?.textContent).toBe('1.83'); // 11/6
    // s3: vt has a dot and no "too few" line.
    expect(svg.querySelector('[data-row="s3"] [data-point="vt"]')).not.toBeNull();
    expect(svg.querySelector('[data-row="s3"] [data-too-few-scores]')).toBeNull();

    render(<GapTable title="Gap table" language="en" groups={groups} rows={rows} />);
    const s1 = rowOf('Gap table', '1. S1');
    expect(s1.slice(0, 7)).toEqual(['1. S1', "too few scores (2 don't know)", `${(13 / 3).toFixed(2)} (n\u00a0=\u00a03)`, '2.50 (n\u00a0=\u00a04)', E.chainMean.toFixed(2), E.weightedMean.toFixed(2), E.consensus.toFixed(2)]);
    expect(s1[7]).toBe(E.gap.toFixed(2));
  });

  it('distribution: counts and n without vt\'s score, and a note that says why', () => {
    const rows = model.buildDistributionRows(analysis, FIXTURE_INSTRUMENT, labels);
    const svg = getChart(render(<DivergingBars title="Verdeling" language="nl" width={800} rows={rows} />).container);
    expect(svg.querySelector('[data-row="s1"] [data-n]')?.textContent).toBe('7');
    render(<DistributionTable title="Verdelingtabel" language="nl" rows={rows} />);
    // c = [0, 2, 2, 2, 1] of 7 (HAND-COMPUTED.md): vt-1's 2 would have made it 3 of 8.
    expect(rowOf('Verdelingtabel', '1. S1')).toEqual(['1. S1', '0% (0)', '29% (2)', '29% (2)', '29% (2)', '14% (1)', '22% (2)', '7', nl2(E.consensus)]);
    expect(screen.getByRole('table', { name: 'Verdelingtabel' }).closest('div')?.parentElement?.textContent).toContain('Die scores tellen in geen enkel cijfer van de stelling mee.');
  });

  it('thermostat per theme: vt has no d1 value (its only d1 statement is withheld)', () => {
    const dimensions = model.buildDimensionSettings(analysis, FIXTURE_INSTRUMENT, 'thermostat', labels);
    const svg = getChart(render(<ThermostatDial title="Dial" language="nl" width={800} groups={groups} dimensions={dimensions} chainLabel="Keten" />).container);
    expect(Array.from(svg.querySelectorAll('[data-dimension="d1"] [data-point]')).map((p) => p.getAttribute('data-point'))).toEqual(['pol', 'rvdk']);
    render(<ThermostatDialTable title="Dialtabel" language="nl" groups={groups} dimensions={dimensions} chainLabel="Keten" />);
    expect(rowOf('Dialtabel', 'Eén')).toEqual(['Eén', '–', nl2(13 / 3), '2,50', nl2(41 / 12)]);
  });

  it('discussion slide: vt reads "te weinig scores" with its 2 don\'t-knows, no mean, n or answers bar', () => {
    const scan = SCAN_D;
    const statement = analysis.statements.find((s) => s.itemId === 's1');
    if (!statement) throw new Error('s1 missing');
    const { container } = render(<DiscussionSlide scan={scan} analysis={analysis} statement={statement} comments={null} />);
    const vt = container.querySelector('tr[data-group="vt"]');
    expect(vt?.querySelector('[data-too-few-scores]')?.textContent).toBe('te weinig scores');
    expect(vt?.querySelector('[data-dk]')?.textContent).toBe('2');
    expect(vt?.querySelector('.discussion-slide__mean')).toBeNull();
    expect(vt?.querySelector('[data-n]')).toBeNull();
    expect(vt?.querySelector('svg')).toBeNull();
    // Highest and lowest are pol and rvdk; the chain line is without vt's score.
    expect(container.querySelector('tr.is-high')?.getAttribute('data-group')).toBe('pol');
    expect(container.querySelector('tr.is-low')?.getAttribute('data-group')).toBe('rvdk');
    expect(container.querySelector('[data-chain]')?.textContent).toContain(nl2(E.chainMean));
    expect(container.querySelector('[data-chain]')?.textContent).toContain(nl2(E.weightedMean));
    expect(container.querySelector('.discussion-slide__note')?.textContent).toContain('Te weinig scores: minder dan 3 mensen van de groep gaven een score');
    // The rows show means with two decimals: vt's 2,00 appears nowhere.
    expect(container.textContent).not.toContain('2,00');
  });
});
