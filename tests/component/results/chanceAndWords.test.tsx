import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyseScanProtected } from '../../../src/domain/analysis';
import { createScan } from '../../../src/domain/scan';
import type { Answer, Response, Scan } from '../../../src/domain/types';
import ReportPage from '../../../src/features/results/ReportPage';
import { ViewExplanations } from '../../../src/features/results/Explanations';
import RoundsPage from '../../../src/features/rounds/RoundsPage';
import { useUiStore } from '../../../src/state/uiStore';
import { db } from '../../../src/storage/db';
import { changeTallies } from '../../../src/storage/tallyRepository';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';

// The chance sentence on each page that shows flags or verdicts (results, report, rounds), and
// the rounds page's words for a change: "could be chance", "unchanged" (docs/analysis.md).

const now = new Date('2026-11-22T10:00:00Z');
const series = 'series-1';
const round1: Scan = { ...createScan({ id: 'round-1', title: 'Ronde een', date: '2026-10-01', organisationNames: ['Politie', 'Gemeente'], now }), series: { id: series, round: 1 } };
const round2: Scan = { ...createScan({ id: 'round-2', title: 'Ronde twee', date: '2026-11-22', organisationNames: ['Politie', 'Gemeente'], now }), series: { id: series, round: 2 } };
const [pol, gem] = round1.organisations.map((o) => o.id) as [string, string];

let nextId = 0;
const respond = (scan: Scan, organisationId: string, answers: Record<string, Answer>): Response => ({ ...makeResponse(`c${++nextId}`, organisationId, null, answers), scanId: scan.id });
// q01: the same answers in both rounds (unchanged). q02: 1s become 5s (a change, unlikely to be
// chance: 6 against 6 fully apart). q03: 3, 3, 4 becomes 3, 4, 4 per partner (could be chance).
const people = (scan: Scan, q02: Answer, q03: readonly Answer[]) =>
  [pol, gem].flatMap((org) => q03.map((q3) => respond(scan, org, { q01: 3, q02, q03: q3 })));
const responses1 = people(round1, 1, [3, 3, 4]);
const responses2 = people(round2, 5, [3, 4, 4]);

async function seed() {
  await db.delete();
  await db.open();
  await db.transaction('rw', db.scans, db.responses, db.tallies, async () => {
    await db.scans.bulkAdd([structuredClone(round1), structuredClone(round2)]);
    await db.responses.bulkAdd([...responses1, ...responses2]);
    await changeTallies([], [...responses1, ...responses2]);
  });
}

beforeEach(async () => {
  useUiStore.getState().setLanguage('nl');
  await seed();
});

describe('the chance sentence', () => {
  it('explains p in the gap view, counted over the tested statements, in Dutch and English', () => {
    const analysis = analyseScanProtected({ instrument: round1.instrument, organisations: round1.organisations, responses: responses1, settings: round1.settings });
    // q01–q03 have answers from both partners: three tests.
    expect(analysis.statements.filter((s) => s.kruskalWallis !== null)).toHaveLength(3);
    const { unmount } = render(<ViewExplanations viewId="gap" analysis={analysis} />);
    expect(screen.getByTestId('chance-note')).toHaveTextContent(
      'Bij 3 getoetste stellingen geeft toeval alleen gemiddeld minder dan één bespreekpunt (p < 0,10), ook als de partners het eigenlijk eens zijn.',
    );
    unmount();
    useUiStore.getState().setLanguage('en');
    render(<ViewExplanations viewId="gap" analysis={analysis} />);
    expect(screen.getByTestId('chance-note')).toHaveTextContent('With 3 tested statements, chance alone gives less than one discussion point on average');
  });

  it('is in the report, beside the discussion points', async () => {
    render(<ReportPage scanId={round1.id} />);
    expect(await screen.findByRole('heading', { name: 'Rapport: Ronde een' })).toBeInTheDocument();
    expect(screen.getByTestId('chance-note')).toHaveTextContent('Bij 3 getoetste stellingen');
  });
});

describe('the rounds page', () => {
  it('names each change with its verdict, an unchanged statement as unchanged, and counts its tests', async () => {
    render(<RoundsPage scanId={round2.id} />);
    // Three statements with answers, each tested for the chain and both partners: 9 tests.
    expect(await screen.findByTestId('chance-note')).toHaveTextContent(
      'Deze vergelijking doet 9 toetsen (elke stelling voor de keten en voor elke organisatie); toeval alleen geeft daarbij al hooguit ongeveer 1 verandering met p < 0,10, ook als er eigenlijk niets veranderd is.',
    );
    fireEvent.click(screen.getAllByRole('button', { name: 'Toon als tabel' })[0]!);
    const table = await screen.findByRole('table', { name: /Verandering per stelling: Hele keten/ });
    const verdict = (row: number) => within(table).getAllByRole('row')[row]!.querySelectorAll('td')[3]?.textContent;
    expect(verdict(1)).toBe('onveranderd');
    expect(verdict(2)).toMatch(/^verandering, waarschijnlijk geen toeval \(p = 0,0\d\d, (exact|Monte Carlo, ± 0,0\d\d|benadering)\)$/);
    expect(verdict(3)).toMatch(/^verandering, kan toeval zijn \(p = 0,\d{3}, (exact|Monte Carlo, ± 0,0\d\d|benadering)\)$/);
    // A statement nobody answered has no test.
    expect(verdict(4)).toBe('verandering, geen toets');
    expect(table.textContent).not.toMatch(/onzeker/);

    const perGroup = screen.getByRole('table', { name: /Verandering per stelling en organisatie/ });
    const firstRow = within(perGroup).getAllByRole('row')[1]!;
    expect(Array.from(firstRow.querySelectorAll('td')).map((td) => td.textContent)).toEqual(['0,00 (onveranderd)', '0,00 (onveranderd)']);
  });
});
