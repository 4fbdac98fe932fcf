import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Agreement } from '../../../src/domain/agreements/types';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import type { Organisation, Scan } from '../../../src/domain/types';
import { useUiStore } from '../../../src/state/uiStore';
import { db } from '../../../src/storage/db';
import { buildScan } from '../../fixtures/buildScan';
import { people, renderRounds, storeRounds } from './roundsPageFixture';

// The rounds page of round 2 shows round 1's agreements beside the change on their statements, and
// keeps the status and note the director sets (docs/agreements.md, "Follow-up in the next round").

const instrument = copyDefaultInstrument();
const seriesId = '5a5a5a5a-1111-4222-8333-444455556666';
const organisations: Organisation[] = [
  { id: 'politie', name: 'Politie' },
  { id: 'gemeente', name: 'Gemeente' },
];
const round = (id: string, n: number): Scan =>
  buildScan({ id, title: `Workshop — ronde ${n}`, date: `2026-0${n}-01`, instrument, organisations, createdAt: `2026-0${n}-01T09:00:00.000Z`, series: { id: seriesId, round: n } });
const first = round('11111111-1111-4111-8111-111111111111', 1);
const second = round('22222222-2222-4222-8222-222222222222', 2);

const agreement = (fields: Partial<Agreement>): Agreement => ({
  id: 'a-q02',
  scanId: first.id,
  itemId: 'q02',
  what: 'Eén regisseur per gezin',
  partnerIds: ['gemeente', 'politie'],
  due: '2026-04-01',
  votes: 9,
  voteId: null,
  createdAt: '2026-01-01T11:00:00.000Z',
  updatedAt: '2026-01-01T11:00:00.000Z',
  followUp: null,
  ...fields,
});

beforeEach(async () => {
  useUiStore.setState({ language: 'nl' });
  // Every statement: politie {2,2,3} → {4,4,5}, gemeente {3,3,3} → {4,4,4}.
  // Chain mean = mean of the two group means: (7/3 + 3)/2 = 2,67 → (13/3 + 4)/2 = 4,17; change +1,50.
  const responses = [
    ...people(first, 'politie', [2, 2, 3]),
    ...people(first, 'gemeente', [3, 3, 3]),
    ...people(second, 'politie', [4, 4, 5]),
    ...people(second, 'gemeente', [4, 4, 4]),
  ];
  await storeRounds([first, second], responses, () =>
    db.agreements.bulkAdd([
      agreement({}),
      agreement({ id: 'a-free', itemId: null, what: 'Elk kwartaal een ketenoverleg', partnerIds: ['politie'], due: null, votes: null, createdAt: '2026-01-01T11:05:00.000Z' }),
    ]),
  );
});

const itemOf = async (what: string) => {
  const section = await screen.findByTestId('follow-up-section');
  const item = (await within(section).findAllByTestId('follow-up-item')).find((li) => li.textContent?.includes(what));
  if (!item) throw new Error(`no follow-up item for ${what}`);
  return item;
};

describe('RoundsPage: the follow-up of round 1\'s agreements', () => {
  it('shows the agreement beside the chain change of its statement, with the same cells as the table', async () => {
    const user = userEvent.setup();
    renderRounds(second.id);
    const section = await screen.findByTestId('follow-up-section');
    expect(within(section).getByRole('heading', { name: 'Opvolging van de afspraken uit ronde 1' })).toBeInTheDocument();
    const item = await itemOf('Eén regisseur per gezin');
    expect(item).toHaveTextContent('WieGemeente en Politie');
    expect(item).toHaveTextContent('Uiterlijk1 april 2026');
    expect(item).toHaveTextContent('Stemmen9');
    expect(item).toHaveTextContent(`Over stelling2. ${instrument.items[1]!.text.nl}`);
    // By hand: 2,67 (n = 6) → 4,17 (n = 6), +1,50.
    expect(within(item).getByTestId('follow-up-earlier').textContent).toBe('2,67\u00a0(n\u00a0=\u00a06)');
    expect(within(item).getByTestId('follow-up-later').textContent).toBe('4,17\u00a0(n\u00a0=\u00a06)');
    expect(within(item).getByTestId('follow-up-change').textContent).toBe('+1,50');
    // The table row of the same statement says the same.
    await user.click(screen.getByRole('button', { name: 'Toon als tabel' }));
    const table = screen.getByRole('table', { name: /Verandering per stelling: Hele keten/ });
    const row = within(table).getByRole('row', { name: new RegExp(`^2\\. ${instrument.items[1]!.text.nl.slice(0, 20)}`) });
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 3)).toEqual(['2,67\u00a0(n\u00a0=\u00a06)', '4,17\u00a0(n\u00a0=\u00a06)', '+1,50']);
    expect(within(item).getByTestId('follow-up-verdict').textContent).toBe(cells[3]);
    expect(cells[3]).toMatch(/^verandering, waarschijnlijk geen toeval/);
    // The agreement without a statement stands apart.
    expect(within(section).getByRole('heading', { name: 'Afspraken uit ronde 1 zonder stelling' })).toBeInTheDocument();
    const free = await itemOf('Elk kwartaal een ketenoverleg');
    expect(free).toHaveTextContent('Uiterlijkgeen datum');
    expect(free).toHaveTextContent('Stemmenniet gestemd');
    expect(within(free).queryByTestId('follow-up-figures')).toBeNull();
  });

  it('saves the status when chosen and the note when the field is left, judged in round 2', async () => {
    const user = userEvent.setup();
    renderRounds(second.id);
    const item = await itemOf('Eén regisseur per gezin');
    const note = within(item).getByRole('textbox', { name: 'Toelichting bij afspraak: Eén regisseur per gezin' });
    // A note before a status cannot be kept: the page says so and saves nothing.
    await user.type(note, 'Loopt');
    await user.tab();
    expect(within(item).getByRole('alert')).toHaveTextContent('Kies eerst de stand');
    expect((await db.agreements.get('a-q02'))!.followUp).toBeNull();

    await user.selectOptions(within(item).getByRole('combobox', { name: 'Stand van afspraak: Eén regisseur per gezin' }), 'underway');
    await waitFor(async () => expect((await db.agreements.get('a-q02'))!.followUp).toMatchObject({ status: 'underway', note: 'Loopt', judgedInScanId: second.id }));
    expect(within(item).queryByRole('alert')).toBeNull();
    expect(within(item).getByRole('status')).toHaveTextContent('Bewaard.');

    await user.type(note, ' nog: convenant in concept');
    await user.tab();
    await waitFor(async () => expect((await db.agreements.get('a-q02'))!.followUp?.note).toBe('Loopt nog: convenant in concept'));

    // "Nog niet beoordeeld" clears it.
    await user.selectOptions(within(item).getByRole('combobox', { name: /Stand van afspraak: Eén regisseur/ }), '');
    await waitFor(async () => expect((await db.agreements.get('a-q02'))!.followUp).toBeNull());
  });

  it('says so when the status cannot be saved', async () => {
    const user = userEvent.setup();
    renderRounds(second.id);
    const item = await itemOf('Eén regisseur per gezin');
    // Storage refuses the write (a full disk): saving fails, and the page says it where it was tried.
    const put = vi.spyOn(db.agreements, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await user.selectOptions(within(item).getByRole('combobox', { name: /Stand van afspraak: Eén regisseur/ }), 'done');
    expect(await within(item).findByRole('alert')).toBeInTheDocument();
    expect(within(item).getByRole('status')).not.toHaveTextContent('Bewaard.');
    expect(put).toHaveBeenCalled();
    put.mockRestore();
    expect((await db.agreements.get('a-q02'))!.followUp).toBeNull();
  });

  it('says when round 1 agreed nothing', async () => {
    await db.agreements.clear();
    renderRounds(second.id);
    const section = await screen.findByTestId('follow-up-section');
    expect(section).toHaveTextContent('In ronde 1 zijn geen afspraken vastgelegd.');
  });
});
