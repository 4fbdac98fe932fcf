import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { versionIdOf } from '../../../src/domain/instrument/versions';
import type { Instrument } from '../../../src/domain/types';
import { VersionChoice } from '../../../src/features/scans/manage/VersionChoice';
import { useUiStore } from '../../../src/state/uiStore';
import { db } from '../../../src/storage/db';
import { saveInstrumentVersion } from '../../../src/storage/instrumentRepository';
import { SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';
import { seedDatabase } from '../seedDatabase';

// A scan's questionnaire version (docs/instrument-and-rounds.md, "Versions"): chosen freely until
// the first answer, frozen after it, with the reason on the page.

afterEach(() => useUiStore.setState(useUiStore.getInitialState()));

const edited = (text: string, id = SMALL_SCAN.instrument.id): Instrument => ({
  ...structuredClone(SMALL_SCAN.instrument),
  id,
  items: SMALL_SCAN.instrument.items.map((item, i) => (i === 0 ? { ...item, text: { nl: text, en: text } } : item)),
});

describe('VersionChoice', () => {
  it('offers every stored version, grouped by questionnaire, and puts the chosen one in a scan without answers', async () => {
    await seedDatabase(SMALL_SCAN, []);
    const named = await saveInstrumentVersion({ ...edited('Nieuw'), versionName: 'Najaar' }, null, new Date('2027-03-01T00:00:00.000Z'));
    await saveInstrumentVersion({ ...edited('Ander', 'andere-lijst'), title: { nl: 'Andere lijst', en: 'Other list' } }, null, new Date('2027-03-02T00:00:00.000Z'));
    const user = userEvent.setup();
    render(<VersionChoice scan={SMALL_SCAN} responseCount={0} />);
    const choice = await screen.findByRole('combobox', { name: 'Andere versie kiezen' });
    const groups = within(choice).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('label'))).toEqual([SMALL_SCAN.instrument.title.nl, 'Andere lijst']);
    expect(within(groups[0]!).getAllByRole('option').map((o) => o.textContent)).toEqual([`Najaar (${SMALL_SCAN.instrument.items.length} stellingen)`, `versie ${SMALL_SCAN.instrument.version} (${SMALL_SCAN.instrument.items.length} stellingen)`]);
    const apply = screen.getByRole('button', { name: 'Deze versie gebruiken' });
    expect(apply).toBeDisabled();
    await user.selectOptions(choice, named.versionId);
    await user.click(apply);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('De scan gebruikt nu Najaar.'));
    const stored = await db.scans.get(SMALL_SCAN.id);
    expect(stored?.instrument.versionId).toBe(named.versionId);
    expect(stored?.instrument.items[0]?.text.nl).toBe('Nieuw');
  });

  it('offers no choice once the scan has answers, and says why', async () => {
    await seedDatabase(SMALL_SCAN, SMALL_RESPONSES);
    await saveInstrumentVersion(edited('Nieuw'), null);
    render(<VersionChoice scan={SMALL_SCAN} responseCount={SMALL_RESPONSES.length} />);
    expect(await screen.findByText(/Deze scan heeft al antwoorden \(ook onvoltooide tellen mee\), dus zijn vragenlijst ligt vast/)).toBeInTheDocument();
    expect(screen.getByText(`Deze scan gebruikt "${SMALL_SCAN.instrument.title.nl}", versie ${SMALL_SCAN.instrument.version}.`)).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(versionIdOf((await db.scans.get(SMALL_SCAN.id))!.instrument)).toBe(versionIdOf(SMALL_SCAN.instrument));
  });

  it('says so when an answer arrived between the choice and the press', async () => {
    await seedDatabase(SMALL_SCAN, []);
    const newer = await saveInstrumentVersion(edited('Nieuw'), null);
    const user = userEvent.setup();
    render(<VersionChoice scan={SMALL_SCAN} responseCount={0} />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Andere versie kiezen' }), newer.versionId);
    await db.responses.add(structuredClone(SMALL_RESPONSES[0]!));
    await user.click(screen.getByRole('button', { name: 'Deze versie gebruiken' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Intussen heeft iemand geantwoord'));
    expect(versionIdOf((await db.scans.get(SMALL_SCAN.id))!.instrument)).toBe(versionIdOf(SMALL_SCAN.instrument));
  });
});
