import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { DEFAULT_INSTRUMENT } from '../../../src/domain/instrument/defaultInstrument';
import { versionIdOf, type InstrumentRecord } from '../../../src/domain/instrument/versions';
import type { Instrument } from '../../../src/domain/types';
import VersionComparePage from '../../../src/features/instrument/VersionComparePage';
import { useUiStore } from '../../../src/state/uiStore';
import { db } from '../../../src/storage/db';

// The comparison of two versions (docs/instrument-and-rounds.md, "Comparing versions"): rows
// aligned by statement, the change in words with strike-through and underline, a count above.

const base = structuredClone(DEFAULT_INSTRUMENT) as Instrument;
const defaultId = versionIdOf(DEFAULT_INSTRUMENT);
// Version 2: q02 reworded (same meaning), q03 new meaning as q14, q04 struck, q15 added.
const v2: InstrumentRecord = {
  ...structuredClone(base),
  version: 2,
  versionId: 'aaaaaaaa-0000-4000-8000-000000000002',
  savedAt: '2027-01-01T00:00:00.000Z',
  basedOn: { id: base.id, version: 1, versionId: defaultId },
  items: [
    ...base.items
      .filter((item) => item.id !== 'q04')
      .map((item) =>
        item.id === 'q02' ? { ...item, text: { nl: 'Herschreven stelling twee', en: 'Rewritten statement two' } } : item.id === 'q03' ? { id: 'q14', dimension: item.dimension, kind: item.kind, text: { nl: 'Stelling met een nieuwe betekenis', en: 'A statement with a new meaning' }, replaces: 'q03' } : item,
      ),
    { id: 'q15', dimension: 'leren', kind: 'thermometer', text: { nl: 'Een gloednieuwe stelling', en: 'A brand-new statement' } },
  ],
};

function show(path: string) {
  const { hook, history } = memoryLocation({ path, record: true });
  render(
    <Router hook={hook}>
      <Switch>
        <Route path="/instruments/compare/:from/:to">{(params) => <VersionComparePage from={params.from} to={params.to} />}</Route>
      </Switch>
    </Router>,
  );
  return history;
}

beforeEach(async () => {
  useUiStore.setState({ language: 'nl' });
  await db.delete();
  await db.open();
  await db.instrumentVersions.add(structuredClone(v2));
});

const rowOf = (id: string) => screen.getByRole('rowheader', { name: id }).closest('tr')!;

describe('comparing two versions', () => {
  it('from the library ("base") compares a version with the one it was made from, each change in words', async () => {
    show(`/instruments/compare/base/${v2.versionId}`);
    const table = await screen.findByRole('table', { name: /versie 1 naast versie 2/ });
    expect(within(rowOf('q04')).getByText('geschrapt')).toBeInTheDocument();
    expect(within(rowOf('q04')).getByText(base.items[3]!.text.nl).tagName).toBe('DEL');
    expect(within(rowOf('q15')).getByText('nieuw')).toBeInTheDocument();
    expect(within(rowOf('q15')).getByText('Een gloednieuwe stelling').tagName).toBe('INS');
    const reworded = rowOf('q02');
    expect(within(reworded).getByText('anders verwoord, zelfde betekenis')).toBeInTheDocument();
    expect(within(reworded).getByText(base.items[1]!.text.nl)).toBeInTheDocument();
    expect(within(reworded).getByText('Herschreven stelling twee')).toBeInTheDocument();
    const newMeaning = rowOf('q03 → q14');
    expect(within(newMeaning).getByText('nieuwe betekenis: niet vergeleken')).toBeInTheDocument();
    expect(within(newMeaning).getByText(base.items[2]!.text.nl).tagName).toBe('DEL');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 14);
    const summary = screen.getByRole('region', { name: 'Samenvatting' });
    expect(within(summary).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '1 geschrapt',
      '1 nieuw',
      '1 anders verwoord, zelfde betekenis',
      '1 nieuwe betekenis: niet vergeleken',
      '0 verplaatst',
      '10 ongewijzigd',
    ]);
  });

  it('chooses another pair with the selects and keeps it in the address', async () => {
    const history = show(`/instruments/compare/base/${v2.versionId}`);
    await screen.findByRole('table');
    await userEvent.selectOptions(screen.getByLabelText('Nieuwere versie (rechts)'), defaultId);
    await waitFor(() => expect(history.at(-1)).toBe(`/instruments/compare/${defaultId}/${defaultId}`));
    expect(await screen.findByText('U vergelijkt een versie met zichzelf: er is niets veranderd.')).toBeInTheDocument();
    expect(screen.queryByText('geschrapt')).toBeNull();
  });

  it('says which version is not on the device', async () => {
    show(`/instruments/compare/${defaultId}/nope`);
    expect(await screen.findByRole('alert')).toHaveTextContent('Versie nope staat niet op dit apparaat');
  });

  it('speaks English when the director does', async () => {
    useUiStore.setState({ language: 'en' });
    show(`/instruments/compare/base/${v2.versionId}`);
    await screen.findByRole('table');
    expect(within(rowOf('q02')).getByText('reworded, same meaning')).toBeInTheDocument();
    expect(within(rowOf('q03 → q14')).getByText('new meaning: not compared')).toBeInTheDocument();
  });
});
