import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { DEFAULT_INSTRUMENT } from '../../../src/domain/instrument/defaultInstrument';
import type { Instrument } from '../../../src/domain/types';
import InstrumentLibraryPage from '../../../src/features/instrument/InstrumentLibraryPage';
import { useUiStore } from '../../../src/state/uiStore';
import { db } from '../../../src/storage/db';
import { saveInstrumentVersion } from '../../../src/storage/instrumentRepository';
import { recordFromSnapshot } from '../../../src/domain/exchange';
import { refuseWrites } from '../failures/refuseStorage';

// The questionnaire library names its versions (docs/instrument-and-rounds.md, "Versions").

afterEach(() => useUiStore.setState(useUiStore.getInitialState()));

const edited = (text: string): Instrument => ({ ...structuredClone(DEFAULT_INSTRUMENT), items: DEFAULT_INSTRUMENT.items.map((item, i) => (i === 0 ? { ...item, text: { nl: text, en: text } } : item)) });
const TITLE = DEFAULT_INSTRUMENT.title.nl;

function renderPage() {
  const location = memoryLocation({ path: '/instruments' });
  render(
    <Router hook={location.hook}>
      <InstrumentLibraryPage />
    </Router>,
  );
}

async function seed() {
  await db.delete();
  await db.open();
  const v2 = await saveInstrumentVersion(edited('Twee'), { id: DEFAULT_INSTRUMENT.id, version: 1 }, new Date('2027-03-01T10:00:00.000Z'));
  await saveInstrumentVersion(edited('Drie'), { id: v2.id, version: v2.version, versionId: v2.versionId }, new Date('2027-03-02T10:00:00.000Z'));
  return v2;
}

describe('InstrumentLibraryPage', () => {
  it('lists each version with its label, number, save date and what it was made from, and names it inline', async () => {
    const v2 = await seed();
    const user = userEvent.setup();
    renderPage();
    const v3 = (await screen.findByRole('heading', { name: `${TITLE} — versie 3` })).closest('li')!;
    expect(v3).toHaveTextContent('opgeslagen 2 maart 2027');
    expect(v3).toHaveTextContent('gemaakt vanuit versie 2');
    await user.click(within(screen.getByRole('heading', { name: `${TITLE} — versie 2` }).closest('li')!).getByRole('button', { name: /Naam geven/ }));
    const field = screen.getByRole('textbox', { name: /Naam van deze versie/ });
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('maxlength', '80');
    await user.type(field, 'Voorjaar');
    await user.click(screen.getByRole('button', { name: 'Naam opslaan' }));
    expect(await screen.findByRole('heading', { name: `${TITLE} — Voorjaar` })).toBeInTheDocument();
    expect((await db.instrumentVersions.get(v2.versionId))?.versionName).toBe('Voorjaar');
    // The version made from it names it by its new name; the named one shows its number.
    await waitFor(() => expect(screen.getByRole('heading', { name: `${TITLE} — versie 3` }).closest('li')).toHaveTextContent('gemaakt vanuit Voorjaar'));
    expect(screen.getByRole('heading', { name: `${TITLE} — Voorjaar` }).closest('li')).toHaveTextContent('nummer 2');

    // Blank: called by its number again. Cancel changes nothing.
    await user.click(within(screen.getByRole('heading', { name: `${TITLE} — Voorjaar` }).closest('li')!).getByRole('button', { name: /Naam geven/ }));
    await user.clear(screen.getByRole('textbox', { name: /Naam van deze versie/ }));
    await user.click(screen.getByRole('button', { name: 'Naam opslaan' }));
    expect(await screen.findByRole('heading', { name: `${TITLE} — versie 2` })).toBeInTheDocument();
    expect((await db.instrumentVersions.get(v2.versionId))?.versionName).toBeUndefined();
    await user.click(within(screen.getByRole('heading', { name: `${TITLE} — versie 2` }).closest('li')!).getByRole('button', { name: /Naam geven/ }));
    await user.type(screen.getByRole('textbox', { name: /Naam van deze versie/ }), 'Weg');
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect((await db.instrumentVersions.get(v2.versionId))?.versionName).toBeUndefined();
  });

  it('says so when the name cannot be stored, and keeps what was typed', async () => {
    await seed();
    const user = userEvent.setup();
    renderPage();
    await user.click(within((await screen.findByRole('heading', { name: `${TITLE} — versie 2` })).closest('li')!).getByRole('button', { name: /Naam geven/ }));
    await user.type(screen.getByRole('textbox', { name: /Naam van deze versie/ }), 'Voorjaar');
    refuseWrites();
    await user.click(screen.getByRole('button', { name: 'Naam opslaan' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Naam van deze versie/ })).toHaveValue('Voorjaar');
  });

  it('shows no save date for a version that came only with a scan, where it once said 1 January 1970', async () => {
    await db.delete();
    await db.open();
    const fromScan = recordFromSnapshot({ ...edited('Uit een scan'), version: 5 });
    await db.instrumentVersions.put(fromScan);
    renderPage();
    const item = (await screen.findByRole('heading', { name: `${TITLE} — versie 5` })).closest('li')!;
    expect(item).toHaveTextContent('overgenomen uit een scan, zonder opslagdatum');
    expect(item).not.toHaveTextContent('1970');
  });

  it('opens the editor of a version by its id, so two "versie 4"s from two devices each open their own', async () => {
    await db.delete();
    await db.open();
    const here = recordFromSnapshot({ ...edited('Hier'), version: 4 });
    const there = recordFromSnapshot({ ...edited('Daar'), version: 4 });
    await db.instrumentVersions.bulkPut([
      { ...here, savedAt: '2027-03-01T09:00:00.000Z' },
      { ...there, savedAt: '2027-03-05T09:00:00.000Z' },
    ]);
    renderPage();
    const links = await screen.findAllByRole('link', { name: /Bewerken vanuit deze versie: .* versie 4/ });
    expect(links.map((link) => link.getAttribute('href')).sort()).toEqual([`/instruments/edit/${encodeURIComponent(here.versionId)}`, `/instruments/edit/${encodeURIComponent(there.versionId)}`].sort());
  });
});
