import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import type { Instrument, Organisation, Scan } from '../../../src/domain/types';
import { useUiStore } from '../../../src/state/uiStore';
import { buildScan } from '../../fixtures/buildScan';
import { people, renderRounds, storeRounds } from './roundsPageFixture';

// Beside a statement whose wording changed between two rounds, the rounds page says so in the words
// of the version comparison (docs/instrument-and-rounds.md, "Comparing versions").

const v1 = copyDefaultInstrument();
const v2: Instrument = {
  ...copyDefaultInstrument(),
  version: 2,
  items: v1.items.map((item) =>
    item.id === 'q02'
      ? { ...item, text: { nl: 'Stelling twee, duidelijker gezegd', en: 'Statement two, said more clearly' } }
      : item.id === 'q03'
        ? { id: 'q14', dimension: item.dimension, kind: item.kind, text: { nl: 'Stelling drie met een andere betekenis', en: 'Statement three with another meaning' }, replaces: 'q03' }
        : item,
  ),
};
const organisations: Organisation[] = [
  { id: 'politie', name: 'Politie' },
  { id: 'gemeente', name: 'Gemeente' },
];
const seriesId = '5a5a5a5a-1111-4222-8333-444455556667';
const round = (id: string, n: number, instrument: Instrument): Scan =>
  buildScan({ id, title: `Workshop — ronde ${n}`, date: `2026-0${n}-01`, instrument, organisations, createdAt: `2026-0${n}-01T09:00:00.000Z`, series: { id: seriesId, round: n } });
const first = round('11111111-1111-4111-8111-111111111112', 1, v1);
const second = round('22222222-2222-4222-8222-222222222223', 2, v2);

beforeEach(async () => {
  useUiStore.setState({ language: 'nl' });
  const responses = [...people(first, 'politie', [2, 2, 3]), ...people(first, 'gemeente', [3, 3, 3]), ...people(second, 'politie', [4, 4, 5]), ...people(second, 'gemeente', [4, 4, 4])];
  await storeRounds([first, second], responses);
});

describe('RoundsPage: wording that changed between the rounds', () => {
  it('marks the reworded statement, with round 1’s wording behind a disclosure, and only that one', async () => {
    renderRounds(second.id);
    const notes = await screen.findAllByTestId('reworded-note');
    expect(notes).toHaveLength(1);
    const row = notes[0]!.closest('tr')!;
    expect(within(row).getByRole('rowheader')).toHaveTextContent('Stelling twee, duidelijker gezegd');
    const summary = within(notes[0]!).getByText('anders verwoord, zelfde betekenis');
    expect(notes[0]).not.toHaveAttribute('open');
    await userEvent.click(summary);
    expect(notes[0]).toHaveAttribute('open');
    expect(within(notes[0]!).getByText(`Formulering in ronde 1: ${v1.items[1]!.text.nl}`)).toBeVisible();
  });

  it('names the statement a new meaning took the place of in the "only in round 2" list', async () => {
    renderRounds(second.id);
    const note = await screen.findByTestId('new-meaning-note');
    expect(note.closest('li')).toHaveTextContent(`q14 Stelling drie met een andere betekenis — nieuwe betekenis: niet vergeleken — in plaats van q03 (${v1.items[2]!.text.nl})`);
    // The replaced statement is still listed under round 1 only, without the note.
    const only1 = screen.getByRole('heading', { name: 'Alleen in ronde 1' }).nextElementSibling!;
    expect(within(only1 as HTMLElement).getByText(/q03/).closest('li')).not.toHaveTextContent('nieuwe betekenis');
  });
});
