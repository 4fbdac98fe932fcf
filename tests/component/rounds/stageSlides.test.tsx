import { fireEvent, render, screen, within } from '@testing-library/react';
import { Suspense, useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { analyseScanProtected } from '../../../src/domain/analysis';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import type { Answer, Organisation, Response, Scan } from '../../../src/domain/types';
import GroupComparison from '../../../src/features/rounds/GroupComparison';
import GroupComparisonSlides from '../../../src/features/rounds/GroupComparisonSlide';
import RoundsPage from '../../../src/features/rounds/RoundsPage';
import { useRoundChangeSlides, type StageSlideSpec } from '../../../src/features/rounds/RoundChangeSlide';
import { loadRoundChange, type RoundChangeState } from '../../../src/features/rounds/useRoundChange';
import { useUiStore } from '../../../src/state/uiStore';
import { db } from '../../../src/storage/db';
import { changeTallies } from '../../../src/storage/tallyRepository';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';
import { buildScan } from '../../fixtures/buildScan';

// The presenter's slides on rounds and two groups show the rounds page's and the gap view's own
// figures (docs/presenter.md, "Rounds on the slides"): each slide is set against the page it
// comes from, rendered from the same stored data.

const instrument = copyDefaultInstrument();
const seriesId = '5a5a5a5a-1111-4222-8333-444455556666';
const round = (id: string, n: number, organisations: Organisation[]): Scan =>
  buildScan({ id, title: `Workshop — ronde ${n}`, date: `2026-0${n}-01`, instrument, organisations, createdAt: `2026-0${n}-01T09:00:00.000Z`, series: { id: seriesId, round: n } });
const first = round('11111111-1111-4111-8111-111111111111', 1, [
  { id: 'politie', name: 'Politie' },
  { id: 'om', name: 'OM' },
  { id: 'gemeente', name: 'Gemeente' },
]);
const second = round('22222222-2222-4222-8222-222222222222', 2, [
  { id: 'politie', name: 'Politie', mergedFrom: ['om'] },
  { id: 'gemeente', name: 'Gemeente Zuid' },
]);
let counter = 0;
// Each person answers statement k with a value that depends on k, so statements differ.
const people = (scan: Scan, organisationId: string, values: Answer[]): Response[] =>
  values.map((v) => ({
    ...makeResponse(
      `00000000-0000-4000-8000-${String(counter++).padStart(12, '0')}`,
      organisationId,
      null,
      Object.fromEntries(instrument.items.map((item, k) => [item.id, (((Number(v) - 1 + k) % 5) + 1) as Answer])),
    ),
    scanId: scan.id,
  }));
let responsesOfSecond: Response[] = [];

beforeEach(async () => {
  useUiStore.setState({ language: 'nl' });
  await db.delete();
  await db.open();
  responsesOfSecond = [...people(second, 'politie', [2, 2, 3, 4, 4, 5]), ...people(second, 'gemeente', [4, 4, 5])];
  const responses = [...people(first, 'politie', [2, 2, 3]), ...people(first, 'om', [4, 4, 5]), ...people(first, 'gemeente', [3, 3, 3]), ...responsesOfSecond];
  await db.transaction('rw', db.scans, db.responses, db.tallies, async () => {
    await db.scans.bulkAdd([first, second]);
    await db.responses.bulkAdd(responses);
    await changeTallies([], responses);
  });
});

/** Cell texts of every body row. */
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent));

function Slides({ slides, showTable }: { slides: readonly StageSlideSpec[]; showTable: boolean }) {
  return (
    <>
      {slides.map((s) => (
        <section key={s.id} aria-label={s.title}>
          {s.render(showTable)}
        </section>
      ))}
    </>
  );
}

function ChangeSlides({ state, showTable }: { state: RoundChangeState; showTable: boolean }) {
  return <Slides slides={useRoundChangeSlides(state)} showTable={showTable} />;
}

describe('the change since the previous round on the projector', () => {
  it('shows the rounds page\'s chain rows, seven statements a slide, and the partners not compared', async () => {
    const location = memoryLocation({ path: `/scans/${second.id}/rounds`, record: true });
    const page = render(
      <Router hook={location.hook}>
        <Suspense fallback={null}>
          <RoundsPage scanId={second.id} />
        </Suspense>
      </Router>,
    );
    await screen.findByTestId('rounds-not-compared');
    fireEvent.click(screen.getAllByRole('button', { name: 'Toon als tabel' })[0]!);
    const pageRows = rowsOf(screen.getByRole('table', { name: 'Verandering per stelling: Hele keten, ronde 1 → ronde 2' }));
    const notCompared = within(screen.getByTestId('rounds-not-compared')).getAllByRole('listitem').map((li) => li.textContent);
    page.unmount();

    const state = await loadRoundChange(second.id);
    expect(state.kind).toBe('ready');
    render(<ChangeSlides state={state} showTable />);
    const slides = screen.getAllByRole('region');
    expect(slides.map((s) => s.getAttribute('aria-label'))).toEqual(['Verandering sinds ronde 1 (1/2)', 'Verandering sinds ronde 1 (2/2)', 'Verandering sinds ronde 1: partners die niet vergeleken worden']);
    const slideRows = slides.slice(0, 2).flatMap((s) => rowsOf(within(s).getByRole('table')));
    expect(pageRows).toHaveLength(13);
    expect(slideRows).toEqual(pageRows);
    expect(rowsOf(within(slides[0]!).getByRole('table'))).toHaveLength(7);
    expect(within(slides[2]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(notCompared);
  });

  it('draws the chart on the projector with the same statements, and has no slide for round 1', async () => {
    render(<ChangeSlides state={await loadRoundChange(second.id)} showTable={false} />);
    const charts = screen.getAllByRole('img');
    expect(charts).toHaveLength(2);
    expect(charts[0]!.querySelectorAll('g[data-statement]')).toHaveLength(7);
    expect(charts[1]!.querySelectorAll('g[data-statement]')).toHaveLength(6);
    expect(screen.getAllByText('Open rondje: ronde 1 · dicht rondje: ronde 2 · gestreept: kan toeval zijn')).toHaveLength(2);
    expect(await loadRoundChange(first.id)).toEqual({ kind: 'none' });
  });
});

function GroupSlidesHost({ scan }: { scan: Scan }) {
  const [slides, setSlides] = useState<StageSlideSpec[]>([]);
  const analysis = analyseScanProtected({ instrument: scan.instrument, organisations: scan.organisations, responses: responsesOfSecond, settings: scan.settings });
  return (
    <>
      <GroupComparisonSlides scan={scan} analysis={analysis} onSlides={setSlides} />
      <Slides slides={slides} showTable />
    </>
  );
}

describe('two groups on the projector', () => {
  it('shows the gap view\'s figures for the partner chosen on the slide', async () => {
    const analysis = analyseScanProtected({ instrument: second.instrument, organisations: second.organisations, responses: responsesOfSecond, settings: second.settings });
    const view = render(<GroupComparison scan={second} analysis={analysis} />);
    const section = screen.getByRole('region', { name: 'Twee groepen in deze scan vergelijken' });
    fireEvent.change(within(section).getByLabelText('Partner'), { target: { value: 'gemeente' } });
    await within(section).findByText(/Gemeente Zuid: 3 mensen/);
    fireEvent.click(within(section).getByRole('button', { name: 'Toon als tabel' }));
    const expected = rowsOf(within(section).getByRole('table'));
    const respondents = section.querySelector('.group-comparison__respondents')!.textContent;
    view.unmount();

    render(<GroupSlidesHost scan={second} />);
    // The scan asks for no levels: a partner against the rest, the first partner at first.
    const picker = await screen.findByLabelText('Partner');
    expect(picker).toHaveValue('politie');
    fireEvent.change(picker, { target: { value: 'gemeente' } });
    await screen.findAllByText(/Gemeente Zuid: 3 mensen/);
    const slides = screen.getAllByRole('region');
    expect(slides.map((s) => s.getAttribute('aria-label'))).toEqual(['Twee groepen vergelijken (1/2)', 'Twee groepen vergelijken (2/2)']);
    expect(slides[0]).toHaveTextContent(respondents!);
    expect(slides.flatMap((s) => rowsOf(within(s).getByRole('table')))).toEqual(expected);
    // The choice is on the first slide only.
    expect(within(slides[1]!).queryByLabelText('Partner')).toBeNull();
  });

  it('shows why a comparison is refused, and no figure', async () => {
    const strict = { ...second, settings: { ...second.settings, minGroupSize: 4 } };
    render(<GroupSlidesHost scan={strict} />);
    fireEvent.change(await screen.findByLabelText('Partner'), { target: { value: 'gemeente' } });
    expect(await screen.findByText(/Deze vergelijking kan niet: een van beide groepen heeft minder dan 4 mensen/)).toBeInTheDocument();
    expect(screen.getAllByRole('region')).toHaveLength(1);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
