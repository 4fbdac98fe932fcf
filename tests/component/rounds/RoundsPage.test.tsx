import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import type { Organisation, Scan } from '../../../src/domain/types';
import { useUiStore } from '../../../src/state/uiStore';
import { buildScan } from '../../fixtures/buildScan';
import { people, renderRounds, storeRounds } from './roundsPageFixture';

// The rounds page after the director merged OM into Politie in round 2: Politie is not compared
// (its round-2 group holds OM's people too), OM does not vanish, Gemeente is compared under its
// new name (docs/instrument-and-rounds.md, "Partners that change").

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

beforeEach(async () => {
  useUiStore.setState({ language: 'nl' });
  const responses = [
    ...people(first, 'politie', [2, 2, 3]),
    ...people(first, 'om', [4, 4, 5]),
    ...people(first, 'gemeente', [3, 3, 3]),
    ...people(second, 'politie', [2, 2, 3, 4, 4, 5]),
    ...people(second, 'gemeente', [4, 4, 4]),
  ];
  await storeRounds([first, second], responses);
});

describe('RoundsPage: partners that change between rounds', () => {
  it('lists the merged and the absorbed partner as not compared, with the reason, and compares the renamed one under both names', async () => {
    renderRounds(second.id);
    const notice = await screen.findByTestId('rounds-not-compared');
    expect(within(notice).getByRole('heading', { name: 'Partners die niet vergeleken worden' })).toBeInTheDocument();
    expect(within(notice).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Politie: samengevoegd met OM tussen ronde 1 en ronde 2, dus niet dezelfde groep mensen.',
      'OM: samengevoegd in Politie tussen ronde 1 en ronde 2, dus in ronde 2 geen eigen groep.',
    ]);
    expect(notice).toHaveTextContent('kan een deel van de verandering van het ketengemiddelde uit die indeling komen');
    // Only the renamed Gemeente is compared per organisation, under its new and old name.
    const options = within(screen.getByRole('combobox', { name: 'Bekijk de verandering voor' })).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Hele keten', 'Gemeente Zuid (eerder: Gemeente) (n=3→3)']);
    const table = screen.getByRole('table', { name: /Verandering per stelling en organisatie/ });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Stelling', 'Gemeente Zuid (eerder: Gemeente) (n=3→3)']);
    expect(within(table).queryByText(/Politie/)).toBeNull();
  });

  it('in English too', async () => {
    useUiStore.setState({ language: 'en' });
    renderRounds(second.id);
    const notice = await screen.findByTestId('rounds-not-compared');
    expect(within(notice).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Politie: merged with OM between round 1 and round 2, so not the same group of people.',
      'OM: merged into Politie between round 1 and round 2, so no group of its own in round 2.',
    ]);
  });
});
