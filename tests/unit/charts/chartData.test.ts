import { describe, expect, it } from 'vitest';
import { analyseScanProtected } from '../../../src/domain/analysis';
import { DEFAULT_INSTRUMENT } from '../../../src/domain/instrument/defaultInstrument';
import type { Answer } from '../../../src/domain/types';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';
import {
  buildDistributionRows,
  buildGapRows,
  buildHeatmap,
  buildIndexColumns,
  buildIndexPoints,
  buildKnobRows,
  knobReason,
  type ChartLabels,
} from '../../../src/charts/model/chartData';

const labels: ChartLabels = { chain: 'Keten', pooledGroup: 'Overige partners', localize: (t) => t.nl };
const organisations = [
  { id: 'pol', name: 'Politie' },
  { id: 'gem', name: 'Gemeente' },
  { id: 'om', name: 'OM' },
  { id: 'par', name: 'Parlan' },
];

let nextId = 0;
const respond = (organisationId: string, answers: Record<string, Answer>) => makeResponse(`r${++nextId}`, organisationId, null, answers);

// Politie (3): q01 2,2,2 · q02 4,4,5 — Gemeente (3): q01 5,5,4 · q02 4,4,4 — OM (2) + Parlan (1): pooled (3): q01 3,3,3
const responses = [
  respond('pol', { q01: 2, q02: 4 }), respond('pol', { q01: 2, q02: 4 }), respond('pol', { q01: 2, q02: 5 }),
  respond('gem', { q01: 5, q02: 4 }), respond('gem', { q01: 5, q02: 4 }), respond('gem', { q01: 4, q02: 4 }),
  respond('om', { q01: 3, q02: 'dk' }), respond('om', { q01: 3 }), respond('par', { q01: 3, q02: 'dk' }),
];
const analysis = analyseScanProtected({ instrument: DEFAULT_INSTRUMENT, organisations, responses, settings: { minGroupSize: 3, gapThreshold: 1 } });

describe('chart data', () => {
  it('gap rows: one point per group with a mean, the gap and the flag, sorted by gap', () => {
    const rows = buildGapRows(analysis, DEFAULT_INSTRUMENT, labels, 'gap');
    const q01 = rows[0]!;
    expect(q01.id).toBe('q01');
    expect(q01.number).toBe(1);
    expect(q01.points.map((p) => [p.groupId, Number(p.mean.toFixed(3)), p.n, p.dk])).toEqual([
      ['pol', 2, 3, 0],
      ['gem', 4.667, 3, 0],
      ['__pooled__', 3, 3, 0],
    ]);
    expect(q01.gap).toBeCloseTo(8 / 3);
    expect(q01.isDiscussionPoint).toBe(true);
    const q02 = rows.find((r) => r.id === 'q02')!;
    expect(q02.points.map((p) => p.groupId)).toEqual(['pol', 'gem']); // the pool gave only don't-knows
    expect(q02.gap).toBeCloseTo(1 / 3);
    expect(q02.isDiscussionPoint).toBe(false);
    // Statements nobody answered come last; instrument order breaks ties.
    expect(rows.slice(2).map((r) => r.number)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(buildGapRows(analysis, DEFAULT_INSTRUMENT, labels, 'mean')[0]!.id).toBe('q01');
    expect(buildGapRows(analysis, DEFAULT_INSTRUMENT, labels, 'statement').map((r) => r.number)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it('index columns: a column per group plus the chain, with n and bands', () => {
    const columns = buildIndexColumns(analysis, 'thermometer', labels);
    expect(columns.map((c) => c.label)).toEqual(['Politie', 'Gemeente', 'Overige partners', 'Keten']);
    // Thermometer statements with data: q02 only (q01 is a thermostat statement).
    expect(columns[0]!.value).toBeCloseTo(13 / 3);
    expect(columns[1]!.value).toBeCloseTo(4);
    expect(columns[2]!.value).toBeNull();
    expect(columns[3]).toMatchObject({ isChain: true, n: 9 });
    expect(columns[3]!.value).toBeCloseTo((13 / 3 + 4) / 2);
    expect(columns[0]!.band).toBe('strong');
    const thermostat = buildIndexColumns(analysis, 'thermostat', labels);
    expect(thermostat.map((c) => c.band)).toEqual(['concern', 'strong', 'attention', 'attention']);
  });

  it('index points: only groups that have both indexes', () => {
    const points = buildIndexPoints(analysis, labels);
    expect(points.map((p) => p.label)).toEqual(['Politie', 'Gemeente', 'Keten']);
    expect(points[0]!.thermostat).toBeCloseTo(2);
    expect(points[0]!.thermometer).toBeCloseTo(13 / 3);
  });

  it('distribution rows: counts, shares and the don\'t-know share over everyone', () => {
    const q02 = buildDistributionRows(analysis, DEFAULT_INSTRUMENT, labels)[1]!;
    expect(q02.counts).toEqual([0, 0, 0, 5, 1]);
    expect(q02.shares.map((s) => Number(s.toFixed(3)))).toEqual([0, 0, 0, 0.833, 0.167]);
    expect(q02.dk).toBe(2);
    expect(q02.dkShare).toBeCloseTo(2 / 8);
    expect(buildDistributionRows(analysis, DEFAULT_INSTRUMENT, labels)[4]!.shares).toEqual([0, 0, 0, 0, 0]);
  });

  it('heatmap: a column per group and a cell per group per statement', () => {
    const heatmap = buildHeatmap(analysis, DEFAULT_INSTRUMENT, labels);
    expect(heatmap.columns.map((c) => c.label)).toEqual(['Politie', 'Gemeente', 'Overige partners']);
    expect(heatmap.rows).toHaveLength(13);
    expect(heatmap.rows[0]!.cells.map((c) => c.n)).toEqual([3, 3, 3]);
    expect(heatmap.rows[1]!.cells[2]).toMatchObject({ mean: null, n: 0 });
  });

  it('knob rows: thermostat statements in rank order with a reason', () => {
    const knobs = buildKnobRows(analysis, DEFAULT_INSTRUMENT, labels);
    expect(knobs[0]).toMatchObject({ id: 'q01', rank: 1, dimension: 'Doel & visie', reason: 'gap' });
    expect(knobs.every((k) => DEFAULT_INSTRUMENT.items.find((i) => i.id === k.id)?.kind === 'thermostat')).toBe(true);
    expect(knobs.slice(1).every((k) => k.rank === null && k.reason === 'none')).toBe(true);
    expect(knobReason('concern', 'none')).toBe('low');
    expect(knobReason('concern', 'discussionPoint')).toBe('both');
    expect(knobReason('attention', 'discussionPoint')).toBe('gap');
    // A large gap that could be chance is named as such, never as "no large gap".
    expect(knobReason('attention', 'uncertainDifference')).toBe('gapChance');
    expect(knobReason('strong', 'uncertainDifference')).toBe('gapChance');
    expect(knobReason('concern', 'uncertainDifference')).toBe('lowGapChance');
    // Neither low nor a large gap: the knob says its band, never "low chain mean".
    expect(knobReason('attention', 'none')).toBe('attention');
    expect(knobReason('strong', 'none')).toBe('strong');
    expect(knobReason(null, 'none')).toBe('none');
  });

  it('a knob that is neither low nor a discussion point gives its band as the reason, not "low"', () => {
    // q03 (thermostat): Politie 4, 4, 5 and Gemeente 4, 4, 4 → chain mean 4.17, gap 0.33.
    const strong = analyseScanProtected({
      instrument: DEFAULT_INSTRUMENT,
      organisations,
      responses: [
        respond('pol', { q03: 4 }), respond('pol', { q03: 4 }), respond('pol', { q03: 5 }),
        respond('gem', { q03: 4 }), respond('gem', { q03: 4 }), respond('gem', { q03: 4 }),
      ],
      settings: { minGroupSize: 3, gapThreshold: 1 },
    });
    const knob = buildKnobRows(strong, DEFAULT_INSTRUMENT, labels).find((k) => k.id === 'q03')!;
    expect(knob.chainMean).toBeCloseTo(25 / 6);
    expect(knob).toMatchObject({ rank: 1, isDiscussionPoint: false, reason: 'strong' });
  });
});
