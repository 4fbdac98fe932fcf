import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Agreement, VoteRecord } from '../../../src/domain/agreements/types';
import { AgreementsSlide, ClosingAgreements } from '../../../src/features/agreements/AgreementsSlide';
import AgreementsSection from '../../../src/features/agreements/AgreementsSection';
import ReportAgreements from '../../../src/features/agreements/ReportAgreements';
import { useUiStore } from '../../../src/state/uiStore';
import { db } from '../../../src/storage/db';
import { listAgreements, saveAgreement, saveVote } from '../../../src/storage/agreementRepository';
import { buildScan } from '../../fixtures/buildScan';

// Agreements (docs/agreements.md): the form's checks in words, saving with the vote's count,
// changing and deleting (delete asks first), and where they are shown.

const scan = buildScan({ id: 'scan-a', organisations: [{ id: 'politie', name: 'Politie' }, { id: 'gemeente', name: 'Gemeente' }, { id: 'jeugd', name: 'Jeugdbescherming' }] });
const text = (id: string) => scan.instrument.items.find((i) => i.id === id)!.text.nl;
const number = (id: string) => scan.instrument.items.findIndex((i) => i.id === id) + 1;
const [first, second, third] = scan.instrument.items.map((i) => i.id) as [string, string, string];
const vote: VoteRecord = {
  id: 'vote-1',
  scanId: scan.id,
  method: 'hands',
  votesPerPerson: 3,
  options: [
    { itemId: first, kind: 'discussionPoint' },
    { itemId: second, kind: 'discussionPoint' },
    { itemId: third, kind: 'uncertainDifference' },
  ],
  counts: { [first]: 2, [second]: 9, [third]: 5 },
  ballots: null,
  openedAt: '2026-12-07T10:00:00.000Z',
  closedAt: '2026-12-07T10:10:00.000Z',
};
const clock = () => new Date('2026-12-07T11:00:00.000Z');
const agreement = (fields: Partial<Agreement>): Agreement => ({
  id: 'a1',
  scanId: scan.id,
  itemId: second,
  what: 'Eén gezamenlijk overleg per gezin',
  partnerIds: ['politie', 'jeugd'],
  due: '2027-03-01',
  votes: 9,
  voteId: vote.id,
  createdAt: '2026-12-07T10:20:00.000Z',
  updatedAt: '2026-12-07T10:20:00.000Z',
  followUp: null,
  ...fields,
});

beforeEach(async () => {
  useUiStore.getState().setLanguage('nl');
  await db.delete();
  await db.open();
  await db.scans.add(structuredClone(scan));
});

const stored = async () => (await listAgreements(scan.id)).agreements;

describe('the agreement form', () => {
  it('names every missing field in words and saves nothing', async () => {
    const user = userEvent.setup();
    render(<AgreementsSlide scan={scan} now={clock} />);
    await user.click(await screen.findByRole('button', { name: 'Afspraak bewaren' }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Beschrijf wat er gaat veranderen.', 'Kies ten minste één partner die het oppakt.']);
    expect(screen.getByLabelText('Wat gaat er veranderen?')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Wat gaat er veranderen?')).toHaveFocus();
    expect(await stored()).toEqual([]);
  });

  it('refuses a text over 500 characters and says how long it is', async () => {
    const user = userEvent.setup();
    render(<AgreementsSlide scan={scan} now={clock} />);
    const what = await screen.findByLabelText('Wat gaat er veranderen?');
    await user.click(what);
    await user.paste('x'.repeat(501));
    await user.click(screen.getByRole('checkbox', { name: 'Gemeente' }));
    await user.click(screen.getByRole('button', { name: 'Afspraak bewaren' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Wat er verandert: hoogstens 500 tekens (nu 501).');
    expect(await stored()).toEqual([]);
  });

  it('starts on the statement with the most votes and saves its votes with the agreement', async () => {
    await saveVote(vote);
    const user = userEvent.setup();
    render(<AgreementsSlide scan={scan} now={clock} />);
    const select = await screen.findByLabelText('Van welke stelling komt het?');
    await vi.waitFor(() => expect(select).toHaveValue(second));
    // Most votes first, then the rest of the instrument, then "not from one statement".
    const options = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(options.slice(0, 3)).toEqual([`Stelling ${number(second)}: ${text(second)} (9 stemmen)`, `Stelling ${number(third)}: ${text(third)} (5 stemmen)`, `Stelling ${number(first)}: ${text(first)} (2 stemmen)`]);
    expect(options.at(-1)).toBe('Niet van één stelling');
    expect(screen.getByTestId('agreement-votes')).toHaveTextContent('Stemmen uit de stemming: 9');

    await user.type(screen.getByLabelText('Wat gaat er veranderen?'), '  Eén gezamenlijk overleg per gezin ');
    await user.click(screen.getByRole('checkbox', { name: 'Jeugdbescherming' }));
    await user.click(screen.getByRole('checkbox', { name: 'Politie' }));
    await user.type(screen.getByLabelText('Wanneer klaar? (mag leeg)'), '2027-03-01');
    await user.click(screen.getByRole('button', { name: 'Afspraak bewaren' }));
    await vi.waitFor(async () => expect(await stored()).toHaveLength(1));
    const [saved] = await stored();
    expect(saved).toEqual({ ...agreement({}), id: saved!.id, createdAt: clock().toISOString(), updatedAt: clock().toISOString() });
    expect(await screen.findByRole('status')).toHaveTextContent('Afspraak bewaard.');
    // The list shows it; the form is empty again and moves to the next statement with most votes.
    const item = within(screen.getByTestId('agreement-list')).getByRole('listitem');
    expect(item).toHaveTextContent('Eén gezamenlijk overleg per gezin');
    expect(item).toHaveTextContent('Wie: Politie en Jeugdbescherming');
    expect(item).toHaveTextContent('Klaar: 1 maart 2027');
    expect(item).toHaveTextContent('Stemmen: 9');
    expect(screen.getByLabelText('Wat gaat er veranderen?')).toHaveValue('');
    expect(screen.getByLabelText('Van welke stelling komt het?')).toHaveValue(third);
    expect(screen.getByTestId('agreement-votes')).toHaveTextContent('Stemmen uit de stemming: 5');
  });

  it('keeps no votes for a statement that was not on the ballot', async () => {
    await saveVote({ ...vote, options: [{ itemId: first, kind: 'discussionPoint' }], counts: { [first]: 4 } });
    const user = userEvent.setup();
    render(<AgreementsSlide scan={scan} now={clock} />);
    await user.selectOptions(await screen.findByLabelText('Van welke stelling komt het?'), third);
    expect(screen.getByTestId('agreement-votes')).toHaveTextContent('Geen stemmen: dit punt stond niet op het stembiljet.');
    await user.selectOptions(screen.getByLabelText('Van welke stelling komt het?'), '');
    await user.type(screen.getByLabelText('Wat gaat er veranderen?'), 'Een gezamenlijke folder');
    await user.click(screen.getByRole('checkbox', { name: 'Gemeente' }));
    await user.click(screen.getByRole('button', { name: 'Afspraak bewaren' }));
    await vi.waitFor(async () => expect(await stored()).toHaveLength(1));
    expect((await stored())[0]).toMatchObject({ itemId: null, votes: null, voteId: null, due: null, partnerIds: ['gemeente'] });
  });

  it('changes an agreement and keeps when it was made', async () => {
    await saveVote(vote);
    await saveAgreement(agreement({}));
    const user = userEvent.setup();
    render(<AgreementsSlide scan={scan} now={clock} />);
    await user.click(await screen.findByRole('button', { name: 'Afspraak wijzigen: Eén gezamenlijk overleg per gezin' }));
    expect(screen.getByRole('heading', { name: 'Afspraak wijzigen' })).toBeInTheDocument();
    const what = screen.getByLabelText('Wat gaat er veranderen?');
    expect(what).toHaveValue('Eén gezamenlijk overleg per gezin');
    expect(screen.getByRole('checkbox', { name: 'Politie' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Gemeente' })).not.toBeChecked();
    await user.clear(what);
    await user.type(what, 'Eén overleg per gezin, binnen een week');
    await user.click(screen.getByRole('checkbox', { name: 'Politie' }));
    await user.clear(screen.getByLabelText('Wanneer klaar? (mag leeg)'));
    await user.click(screen.getByRole('button', { name: 'Afspraak bewaren' }));
    await vi.waitFor(async () => expect((await stored())[0]?.what).toBe('Eén overleg per gezin, binnen een week'));
    expect(await stored()).toEqual([agreement({ what: 'Eén overleg per gezin, binnen een week', partnerIds: ['jeugd'], due: null, updatedAt: clock().toISOString() })]);
    expect(await screen.findByRole('heading', { name: 'Nieuwe afspraak' })).toBeInTheDocument();
  });

  it('asks before it deletes, and a cancel keeps the agreement', async () => {
    await saveAgreement(agreement({}));
    const user = userEvent.setup();
    render(<AgreementsSlide scan={scan} now={clock} />);
    await user.click(await screen.findByRole('button', { name: 'Afspraak verwijderen: Eén gezamenlijk overleg per gezin' }));
    expect(screen.getByText('Deze afspraak verwijderen? Dat kan niet ongedaan worden gemaakt.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(await stored()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Afspraak verwijderen: Eén gezamenlijk overleg per gezin' }));
    await user.click(screen.getByRole('button', { name: 'Ja, verwijderen' }));
    await vi.waitFor(async () => expect(await stored()).toEqual([]));
    expect(await screen.findByText('Nog geen afspraken.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Afspraak verwijderd.');
  });

  it('says so when the scan is gone and the agreement cannot be saved', async () => {
    const user = userEvent.setup();
    render(<AgreementsSlide scan={scan} now={clock} />);
    await user.type(await screen.findByLabelText('Wat gaat er veranderen?'), 'Iets');
    await user.click(screen.getByRole('checkbox', { name: 'Gemeente' }));
    await db.scans.delete(scan.id);
    await user.click(screen.getByRole('button', { name: 'Afspraak bewaren' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(await stored()).toEqual([]);
  });
});

describe('where agreements are shown', () => {
  it('the closing slide keeps its question until there is an agreement, then lists what, who, when and votes', async () => {
    const { rerender } = render(<ClosingAgreements scan={scan} fallback={<p>Welke bespreekpunten pakken we op?</p>} />);
    expect(await screen.findByText('Welke bespreekpunten pakken we op?')).toBeInTheDocument();
    await saveAgreement(agreement({}));
    await saveAgreement(agreement({ id: 'a2', what: 'Een gezamenlijke folder', partnerIds: ['gemeente'], due: null, votes: null, itemId: null, createdAt: '2026-12-07T10:30:00.000Z' }));
    rerender(<ClosingAgreements scan={scan} fallback={<p>Welke bespreekpunten pakken we op?</p>} />);
    const list = await screen.findByTestId('closing-agreements');
    expect(screen.queryByText('Welke bespreekpunten pakken we op?')).toBeNull();
    expect(await within(list).findByText('Dit hebben we afgesproken (2):')).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Eén gezamenlijk overleg per gezinWie: Politie en Jeugdbescherming · Klaar: 1 maart 2027 · Stemmen: 9',
      'Een gezamenlijke folderWie: Gemeente · Klaar: geen datum',
    ]);
  });

  it('the scan page section shows the votes held as counts and the agreements', async () => {
    await saveVote(vote);
    await saveAgreement(agreement({}));
    render(<AgreementsSection scan={scan} />);
    const section = await screen.findByTestId('agreements-section');
    expect(within(section).getByRole('heading', { level: 2, name: 'Afspraken' })).toBeInTheDocument();
    const table = await within(section).findByRole('table');
    expect(table.querySelector('caption')?.textContent).toMatch(/^Stemming van .*: handopsteken, 3 stemmen per persoon$/);
    expect(Array.from(table.querySelectorAll('tbody td.num')).map((td) => td.textContent)).toEqual(['9', '5', '2']);
    expect(within(section).getByTestId('agreement-list')).toHaveTextContent('Eén gezamenlijk overleg per gezin');
  });

  it('the report lists every agreement in a table of its own', async () => {
    await saveAgreement(agreement({}));
    render(<ReportAgreements scan={scan} />);
    const section = await screen.findByTestId('report-agreements');
    const row = await within(section).findByRole('row', { name: /Eén gezamenlijk overleg per gezin/ });
    expect(Array.from(row.children).map((c) => c.textContent)).toEqual(['Eén gezamenlijk overleg per gezin', 'Politie en Jeugdbescherming', '1 maart 2027', `Stelling ${number(second)}: ${text(second)}`, '9']);
  });
});
