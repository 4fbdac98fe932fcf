import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import type { RoundInput } from '../../../src/domain/rounds/compareRounds';
import { seriesTrend } from '../../../src/domain/rounds/seriesTrend';
import type { Answer, Instrument } from '../../../src/domain/types';
import { TrendChart } from '../../../src/features/rounds/TrendChart';
import { TrendTable, trendRows } from '../../../src/features/rounds/TrendSection';
import { useUiStore } from '../../../src/state/uiStore';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';
import { buildScan } from '../../fixtures/buildScan';
import { exactRankTestP } from '../../fixtures/rounds/exactRankTest';

// The table twin of "Alle rondes" (docs/instrument-and-rounds.md, "All rounds: the trend"): three
// rounds, two statements, partners a and b; every cell expected here is worked out from the
// answers below (means by hand, p by counting every split of the answers, tests/fixtures/rounds/).

const base = copyDefaultInstrument();
const instrument: Instrument = { ...base, items: base.items.slice(0, 2) };
const organisations = [
  { id: 'a', name: 'A' },
  { id: 'b', name: 'B' },
];
let counter = 0;
const round = (rows: [string, Answer, Answer][]): RoundInput => ({
  scan: buildScan({ instrument, organisations }),
  responses: rows.map(([org, q01, q02]) => makeResponse(`r${counter++}`, org, null, { q01, q02 })),
});
const answers = {
  r1: { a: { q01: [1, 2, 2], q02: [3, 3, 3] }, b: { q01: [2, 2, 3], q02: [4, 4, 4] } },
  r2: { a: { q01: [4, 5, 5, 5], q02: [3, 3, 3, 3] }, b: { q01: [2, 3, 3], q02: [4, 4, 'dk'] } },
  r3: { a: { q01: [4, 4, 5], q02: [3, 3, 3] }, b: { q01: [1, 1], q02: [1, 1] } },
} as const;
const toRound = (r: (typeof answers)[keyof typeof answers]) =>
  round((['a', 'b'] as const).flatMap((org) => r[org].q01.map((q01, i): [string, Answer, Answer] => [org, q01, r[org].q02[i]!])));
const rounds = [toRound(answers.r1), toRound(answers.r2), toRound(answers.r3)];
const trend = seriesTrend(rounds);
const label = (item: { text: { nl: string } }, i: number) => `${i + 1}. ${item.text.nl}`;

// Dutch figures: two decimals for means, three for p, half away from zero.
const nl = (value: number, decimals: number) => (Math.round(Math.abs(value) * 10 ** decimals + 1e-9) / 10 ** decimals).toFixed(decimals).replace('.', ',');
const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const change = (value: number) => `${value > 0 ? '+' : '−'}${nl(value, 2)}`;
const verdict = (p: number) => `verandering, ${p < 0.1 ? 'waarschijnlijk geen toeval' : 'kan toeval zijn'} (p = ${nl(p, 3)}, exact)`;

beforeEach(() => useUiStore.setState({ language: 'nl' }));

function cellsOf(table: HTMLElement, row: number): string[] {
  const tr = within(table).getAllByRole('row')[row + 1]!;
  return within(tr).getAllByRole('cell').map((cell) => cell.textContent ?? '');
}

describe('TrendTable', () => {
  it('gives the chain per round with n and each consecutive change with its verdict', () => {
    render(<TrendTable rows={trendRows(trend, 'chain', label)} rounds={[1, 2, 3]} caption="Alle rondes: Hele keten" language="nl" isPartner={false} />);
    const table = screen.getByRole('table', { name: 'Alle rondes: Hele keten' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Stelling', 'Ronde 1', 'Ronde 1 → 2', 'Ronde 2', 'Ronde 2 → 3', 'Ronde 3']);
    // q01: the chain is the mean of a's and b's means, n the scores of both; b is in no group in round 3.
    const c1 = (mean([1, 2, 2]) + mean([2, 2, 3])) / 2;
    const c2 = (mean([4, 5, 5, 5]) + mean([2, 3, 3])) / 2;
    const c3 = mean([4, 4, 5]);
    const p12 = exactRankTestP([1, 2, 2, 2, 2, 3], [4, 5, 5, 5, 2, 3, 3]);
    const p23 = exactRankTestP([4, 5, 5, 5, 2, 3, 3], [4, 4, 5]);
    expect(cellsOf(table, 0)).toEqual([
      `${nl(c1, 2)}\u00a0(n\u00a0=\u00a06)`,
      `${change(c2 - c1)}: ${verdict(p12)}`,
      `${nl(c2, 2)}\u00a0(n\u00a0=\u00a07)`,
      `${change(c3 - c2)}: ${verdict(p23)}`,
      `${nl(c3, 2)}\u00a0(n\u00a0=\u00a03)`,
    ]);
    // q02: b's two scores in round 2 are withheld, so the chain there is a's alone; rounds 2 and 3 read the same.
    const p12b = exactRankTestP([3, 3, 3, 4, 4, 4], [3, 3, 3, 3]);
    expect(cellsOf(table, 1)).toEqual([
      `3,50\u00a0(n\u00a0=\u00a06)`,
      `${change(3 - 3.5)}: ${verdict(p12b)}`,
      `3,00\u00a0(n\u00a0=\u00a04)`,
      '0,00: onveranderd',
      `3,00\u00a0(n\u00a0=\u00a03)`,
    ]);
  });

  it('gives a partner only where it is compared, and says why a round has no figure', () => {
    render(<TrendTable rows={trendRows(trend, 'b', label)} rounds={[1, 2, 3]} caption="Alle rondes: B" language="nl" isPartner />);
    const table = screen.getByRole('table', { name: 'Alle rondes: B' });
    const p12 = exactRankTestP([2, 2, 3], [2, 3, 3]);
    expect(cellsOf(table, 0)).toEqual([`2,33\u00a0(n\u00a0=\u00a03)`, `${change(8 / 3 - 7 / 3)}: ${verdict(p12)}`, `2,67\u00a0(n\u00a0=\u00a03)`, '–', 'niet vergeleken']);
    expect(cellsOf(table, 1)).toEqual([`4,00\u00a0(n\u00a0=\u00a03)`, 'geen toets: te weinig scores aan één kant', 'te weinig scores', '–', 'niet vergeleken']);
  });
});

describe('TrendChart', () => {
  it('draws a panel per statement, a dashed and labelled segment for a change that could be chance, and no segment across a gap', () => {
    const rows = trendRows(trend, 'a', label);
    render(<TrendChart rows={rows} rounds={[1, 2, 3]} title="Alle rondes: A" description="d" language="nl" width={1200} roundLabel={(r) => `R${r}`} uncertainMark="?" unchangedLabel="onveranderd" isPartner />);
    const panels = document.querySelectorAll('[data-statement]');
    expect(panels).toHaveLength(2);
    // a on q01: {1,2,2} → {4,5,5,5} unlikely to be chance (solid), {4,5,5,5} → {4,4,5} could be chance (dashed, "?").
    const steps = panels[0]!.querySelectorAll('[data-step]:not([data-reference])');
    expect(steps).toHaveLength(2);
    expect(exactRankTestP([1, 2, 2], [4, 5, 5, 5])).toBeLessThan(0.1);
    expect(steps[0]!.getAttribute('data-uncertain')).toBe('false');
    expect(steps[0]!.querySelector('line')!.getAttribute('stroke-dasharray')).toBeNull();
    expect(steps[0]!.textContent).toBe(change(mean([4, 5, 5, 5]) - mean([1, 2, 2])));
    expect(exactRankTestP([4, 5, 5, 5], [4, 4, 5])).toBeGreaterThanOrEqual(0.1);
    expect(steps[1]!.getAttribute('data-uncertain')).toBe('true');
    expect(steps[1]!.querySelector('line')!.getAttribute('stroke-dasharray')).not.toBeNull();
    expect(steps[1]!.textContent).toBe(`${change(mean([4, 4, 5]) - mean([4, 5, 5, 5]))} ?`);
    // The chain, for reference: a thin line without labels, drawn across both steps of q01.
    expect(panels[0]!.querySelectorAll('[data-reference]')).toHaveLength(2);
    // b's line has a gap in round 3 (not a group there): one step only.
    const b = trendRows(trend, 'b', label);
    const { container } = render(<TrendChart rows={b} rounds={[1, 2, 3]} title="Alle rondes: B" description="d" language="nl" width={1200} roundLabel={(r) => `R${r}`} uncertainMark="?" unchangedLabel="onveranderd" isPartner />);
    const bq01 = container.querySelector('[data-statement="q01"]')!;
    expect(bq01.querySelectorAll('[data-step]:not([data-reference])')).toHaveLength(1);
    expect(bq01.querySelectorAll('rect[data-round]')).toHaveLength(2);
  });
});
