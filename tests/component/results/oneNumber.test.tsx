import { render, screen } from '@testing-library/react';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { chartText } from '../../../src/charts/common';
import { GapTable } from '../../../src/charts/GapDotPlot';
import { Heatmap, HeatmapTable } from '../../../src/charts/Heatmap';
import { KnobTable, knobReasonText } from '../../../src/charts/KnobList';
import * as model from '../../../src/charts/model/chartData';
import { ThermometerChart, ThermometerTable } from '../../../src/charts/ThermometerChart';
import { ThermostatDial, ThermostatDialTable } from '../../../src/charts/ThermostatDial';
import { analyseScanProtected, type Band } from '../../../src/domain/analysis';
import type { Answer, Organisation, Response } from '../../../src/domain/types';
import { DiscussionSlide } from '../../../src/features/present/DiscussionSlide';
import { buildFiguresCsv, FIGURES_CSV_COLUMNS } from '../../../src/features/results/figuresCsv';
import { FIXTURE_INSTRUMENT, makeResponse } from '../../fixtures/analysis/handComputedScan';
import { buildScan } from '../../fixtures/buildScan';
import { getChart, tableRows } from '../charts/helpers';

// "One number per figure" (docs/analysis.md, "Rounding: one number per figure"): a scan whose
// figures lie on the rounding boundaries, drawn through every view, its table, a slide and the
// figures CSV. The same figure reads as one string everywhere, and the band and the verdict
// agree with the number shown beside them.

const ORGS: Organisation[] = [
  { id: 'a', name: 'Politie' },
  { id: 'b', name: 'Gemeente' },
];

/** People of `org`: the i-th gives answers[item][i] on each item (don't know past the end of a list). */
function people(org: string, from: number, answers: Record<string, Answer[]>): Response[] {
  const size = Math.max(...Object.values(answers).map((list) => list.length));
  return Array.from({ length: size }, (_, i) => {
    const own: Record<string, Answer> = {};
    for (const [itemId, list] of Object.entries(answers)) own[itemId] = list[i] ?? 'dk';
    return makeResponse(`${org}-${from + i}`, org, null, own);
  });
}
const repeat = (answer: Answer, times: number): Answer[] => Array.from({ length: times }, () => answer);

// s1 (thermostat): Politie 2.99 (199 × 3, 1 × 1), Gemeente 3.985 (197 × 4, 3 × 3): the gap is 0.995, shown 1,00: large.
// s2 (thermometer): Politie 2.99, Gemeente 3.00: chain 2.995, shown 3,00, attention (never 2,99 or concern).
// s3 (thermostat): both 3.995 (199 × 4, 1 × 3): chain 3.995, shown 4,00, strong.
const responses = [
  ...people('a', 0, { s1: [...repeat(3, 199), 1], s2: [...repeat(3, 199), 1], s3: [...repeat(4, 199), 3] }),
  ...people('b', 0, { s1: [...repeat(4, 197), ...repeat(3, 3)], s2: repeat(3, 200), s3: [...repeat(4, 199), 3] }),
];
const scan = buildScan({ instrument: FIXTURE_INSTRUMENT, organisations: ORGS });
const analysis = analyseScanProtected({ instrument: FIXTURE_INSTRUMENT, organisations: ORGS, responses, settings: { minGroupSize: 3, gapThreshold: 1 } });
const labels: model.ChartLabels = { chain: 'Keten', pooledGroup: 'Overige partners', localize: (text) => text.nl };
const groups = model.describeGroups(analysis, labels);
const t = chartText('nl');
const BAND_WORD: Record<Band, string> = { strong: t('bandStrong'), attention: t('bandAttention'), concern: t('bandConcern') };

/** The band rule applied to the string a reader sees: "3,00" → attention. */
const bandOfShown = (text: string): Band => {
  const value = Number(text.replace(',', '.'));
  return value >= 4 ? 'strong' : value >= 3 ? 'attention' : 'concern';
};
const numberOf = (text: string) => Number(text.replace('< ', '').replace(',', '.'));

const csvRows = () => {
  const text = buildFiguresCsv(scan, analysis, 'nl', labels).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<(typeof FIGURES_CSV_COLUMNS)[number], string>>(text.trim(), { header: true, delimiter: ';' });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...FIGURES_CSV_COLUMNS]);
  return parsed.data;
};
const csvRow = (figure: string, statement: string, group: string, kind = '') =>
  csvRows().find((r) => r.figure === figure && r.statement_id === statement && r.group === group && (kind === '' || r.kind === kind));

describe('one number per figure, on the rounding boundaries', () => {
  it('computes the boundary figures the fixture intends', () => {
    const [s1, s2, s3] = analysis.statements;
    expect(s1!.gap).toBeCloseTo(0.995, 12);
    expect(s1!.hasLargeGap).toBe(true);
    expect(s2!.chainMean).toBeCloseTo(2.995, 12);
    expect(s2!.band).toBe('attention');
    expect(s3!.chainMean).toBeCloseTo(3.995, 12);
    expect(s3!.band).toBe('strong');
    expect(analysis.chain.thermometer.value).toBeCloseTo(2.995, 12);
  });

  it('thermometer chart and table: the label, the colour band and the band word agree, and are the CSV strings', () => {
    const columns = model.buildIndexColumns(analysis, 'thermometer', labels);
    const svg = getChart(render(<ThermometerChart title="Thermometer" language="nl" width={800} columns={columns} chainMean={analysis.chain.thermometer.value} />).container);
    const shown = Array.from(svg.querySelectorAll('[data-column]')).map((c) => [c.getAttribute('data-column'), c.querySelector('[data-value]')?.textContent ?? '', c.getAttribute('data-band')]);
    expect(shown).toEqual([
      ['a', '2,99', 'concern'],
      ['b', '3,00', 'attention'],
      ['__chain__', '3,00', 'attention'],
    ]);
    for (const [, value, band] of shown) expect(band).toBe(bandOfShown(value!));
    render(<ThermometerTable title="Thermometertabel" language="nl" columns={columns} />);
    const table = tableRows(screen.getByRole('table', { name: 'Thermometertabel' }));
    for (const row of table) expect(row[2]).toBe(BAND_WORD[bandOfShown(row[1]!)]);
    expect(table.map((row) => row[1])).toEqual(shown.map(([, value]) => value));
    const csvIndex = csvRows().filter((r) => r.figure === 'index' && r.kind === t('thermometer'));
    expect(csvIndex.map((r) => [r.group, r.mean, r.band])).toEqual(table.map((row) => [row[0], row[1], row[2]]));
  });

  it('thermostat dial and knobs: the chain value reads as in the CSV and the table, with its band', () => {
    const dimensions = model.buildDimensionSettings(analysis, FIXTURE_INSTRUMENT, 'thermostat', labels);
    const { container } = render(<ThermostatDial title="Dial" language="nl" width={800} groups={groups} dimensions={dimensions} chainLabel="Keten" />);
    render(<ThermostatDialTable title="Dialtabel" language="nl" groups={groups} dimensions={dimensions} chainLabel="Keten" />);
    const dialTable = tableRows(screen.getByRole('table', { name: 'Dialtabel' }));
    const titles = Array.from(getChart(container).querySelectorAll('title')).map((e) => e.textContent ?? '');
    for (const row of dialTable) {
      const chainValue = row[row.length - 1]!;
      expect(titles).toContain(`Keten: ${chainValue}`);
      expect(csvRows().find((r) => r.figure === 'dimension_index' && r.dimension === row[0] && r.group === 'Keten')?.mean).toBe(chainValue);
    }
    const knobs = model.buildKnobRows(analysis, FIXTURE_INSTRUMENT, labels).filter((k) => k.rank !== null);
    render(<KnobTable title="Knoppen" language="nl" knobs={knobs} />);
    const knobTable = tableRows(screen.getByRole('table', { name: 'Knoppen' }));
    const s3 = knobTable.find((row) => row[1]?.startsWith('3.'))!;
    // 3.995 reads 4,00 and is strong: the reason names the band the number is in.
    expect(s3[3]).toBe('4,00');
    expect(s3[6]).toBe(knobReasonText('strong', t));
    expect(csvRow('statement', 's3', 'Keten')).toMatchObject({ mean: '4,00', band: BAND_WORD.strong });
  });

  it('heatmap, gap table, slide and CSV read one string per figure; the verdict agrees with the shown gap and p', () => {
    const heatmap = model.buildHeatmap(analysis, FIXTURE_INSTRUMENT, labels);
    const svg = getChart(render(<Heatmap title="Heatmap" language="nl" width={800} groups={heatmap.columns} rows={heatmap.rows} chainLabel="Keten" />).container);
    render(<HeatmapTable title="Heatmaptabel" language="nl" groups={heatmap.columns} rows={heatmap.rows} chainLabel="Keten" />);
    const gapRows = model.buildGapRows(analysis, FIXTURE_INSTRUMENT, labels, 'statement');
    render(<GapTable title="Gaptabel" language="nl" groups={groups} rows={gapRows} />);
    const heatTable = tableRows(screen.getByRole('table', { name: 'Heatmaptabel' }));
    const gapTable = tableRows(screen.getByRole('table', { name: 'Gaptabel' }));
    const header = Array.from(screen.getByRole('table', { name: 'Gaptabel' }).querySelectorAll('thead th')).map((th) => th.textContent);
    const col = (name: string) => header.indexOf(name);

    for (const [index, statement] of analysis.statements.entries()) {
      if (statement.chainMean === null) continue;
      const id = statement.itemId;
      const chain = csvRow('statement', id, 'Keten')!;
      // Chain mean: heatmap cell, heatmap table, gap table, CSV.
      expect(svg.querySelector(`[data-cell="${id}:__chain__"] [data-value]`)?.textContent).toBe(chain.mean);
      expect(heatTable[index]![3]).toBe(chain.mean);
      expect(gapTable[index]![col(t('chainMean'))]).toBe(chain.mean);
      expect(chain.band).toBe(BAND_WORD[bandOfShown(chain.mean)]);
      // Group means: heatmap cell = table = CSV.
      for (const org of ORGS) {
        const cell = csvRow('statement', id, org.name)!;
        expect(svg.querySelector(`[data-cell="${id}:${org.id}"] [data-value]`)?.textContent).toBe(cell.mean);
        expect(heatTable[index]![ORGS.indexOf(org) + 1]).toBe(`${cell.mean} (n\u00a0=\u00a0${cell.n})`);
      }
      // Gap and p: gap table = CSV; the verdict follows the shown numbers.
      expect(gapTable[index]![col(t('gap'))]).toBe(chain.gap);
      expect(gapTable[index]![col(t('evidenceP'))]).toBe(chain.p === '' ? '–' : `${chain.p} (${chain.p_method})`);
      const isLarge = numberOf(chain.gap) >= 1;
      const isPoint = isLarge && chain.p !== '' && numberOf(chain.p) < 0.1;
      expect(chain.verdict).toBe(isPoint ? t('discussionPoint') : isLarge ? t('uncertainDifference') : '');
      expect(gapTable[index]![col(t('discussionPoint'))]).toBe(isPoint ? t('yes') : isLarge ? t('uncertainDifference') : t('no'));
    }

    // The slide of the one discussion point: gap, p and the means as the CSV has them.
    const s1 = analysis.statements[0]!;
    expect(s1.isDiscussionPoint).toBe(true);
    const { container } = render(<DiscussionSlide scan={scan} analysis={analysis} statement={s1} comments={null} />);
    const chain = csvRow('statement', 's1', 'Keten')!;
    expect(chain.gap).toBe('1,00');
    const kindLine = container.querySelector('.discussion-slide__kind')!.textContent!;
    expect(kindLine).toContain(chain.gap);
    expect(kindLine).toContain(chain.p);
    const slideMeans = Array.from(container.querySelectorAll('[data-group] .discussion-slide__mean')).map((e) => e.textContent);
    expect(slideMeans).toEqual([csvRow('statement', 's1', 'Gemeente')!.mean, csvRow('statement', 's1', 'Politie')!.mean]);
    expect(container.querySelector('[data-chain]')!.textContent).toContain(chain.mean);
  });
});
