import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyseScanProtected, type ScanAnalysis } from '../../../src/domain/analysis';
import type { PhoneVoteControl, PhoneVoteTally, VoteRecord } from '../../../src/domain/agreements/types';
import { createScan } from '../../../src/domain/scan';
import type { Answer } from '../../../src/domain/types';
import { VoteSlide } from '../../../src/features/agreements/VoteSlide';
import { VoteTally } from '../../../src/features/agreements/VoteTally';
import { useUiStore } from '../../../src/state/uiStore';
import { db } from '../../../src/storage/db';
import { listVotes, saveVote } from '../../../src/storage/agreementRepository';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';

// The presenter's vote slide (docs/agreements.md, "The vote slide"): the ballot, a show of hands
// typed in and saved as typed, a vote on the phones through a fake PhoneVoteControl, the tally.

const scan = createScan({ id: 'scan-vote', title: 'Workshop', date: '2026-12-07', organisationNames: ['Politie', 'Gemeente'], now: new Date('2026-12-07T10:00:00Z') });
const [pol, gem] = scan.organisations.map((o) => o.id) as [string, string];
let nextId = 0;
const respond = (organisationId: string, answers: Record<string, Answer>) => makeResponse(`v${++nextId}`, organisationId, null, answers);
const responses = [1, 2, 3].flatMap(() => [respond(pol, { q01: 1, q02: 3 }), respond(gem, { q01: 5, q02: 3 })]);
const base = analyseScanProtected({ instrument: scan.instrument, organisations: scan.organisations, responses, settings: scan.settings });
// The ballot: q01 and q03 discussion points, q02 an uncertain difference (set here, so the test
// does not depend on what three people a partner make of the evidence rule).
const CLASS: Record<string, 'discussionPoint' | 'uncertainDifference'> = { q01: 'discussionPoint', q03: 'discussionPoint', q02: 'uncertainDifference' };
const analysis: ScanAnalysis = { ...base, statements: base.statements.map((s) => ({ ...s, gapClass: CLASS[s.itemId] ?? 'none', isDiscussionPoint: CLASS[s.itemId] === 'discussionPoint' })) };
const item = (id: string) => scan.instrument.items.find((i) => i.id === id)!;
const clock = () => new Date('2026-12-07T11:00:00.000Z');

beforeEach(async () => {
  useUiStore.getState().setLanguage('nl');
  await db.delete();
  await db.open();
  await db.scans.add(structuredClone(scan));
});

const stored = async (): Promise<VoteRecord[]> => (await listVotes(scan.id)).votes;
const rowsOrder = (container: HTMLElement) => Array.from(container.querySelectorAll('.vote-tally__row')).map((row) => row.getAttribute('data-item'));

describe('the tally', () => {
  const options = [
    { itemId: 'q01', kind: 'discussionPoint' as const },
    { itemId: 'q03', kind: 'discussionPoint' as const },
    { itemId: 'q02', kind: 'uncertainDifference' as const },
  ];

  it('ranks the options by votes, writes every number beside its bar and names the kind in words', () => {
    const { container } = render(<VoteTally scan={scan} options={options} counts={{ q01: 2, q03: 7, q02: 4 }} showTable={false} />);
    expect(rowsOrder(container)).toEqual(['q03', 'q02', 'q01']);
    expect(screen.getByTestId('vote-count-q03')).toHaveTextContent(/^7$/);
    expect(screen.getByTestId('vote-count-q02')).toHaveTextContent(/^4$/);
    expect(screen.getByTestId('vote-count-q01')).toHaveTextContent(/^2$/);
    const uncertain = container.querySelector('[data-item="q02"]')!;
    expect(uncertain.textContent).toContain('Stelling 2 · Kan toeval zijn');
    expect(uncertain.textContent).toContain(item('q02').text.nl);
    // The longest bar is the most votes; the others in proportion.
    const width = (id: string) => (container.querySelector(`[data-item="${id}"] .vote-tally__bar`) as HTMLElement).style.width;
    expect([width('q03'), width('q02'), width('q01')]).toEqual(['100%', `${(4 / 7) * 100}%`, `${(2 / 7) * 100}%`]);
  });

  it('is the same ranking as a table in table mode', () => {
    const { container } = render(<VoteTally scan={scan} options={options} counts={{ q01: 2, q03: 7, q02: 4 }} showTable />);
    const rows = Array.from(container.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent));
    expect(rows).toEqual([
      [`Stelling 3: ${item('q03').text.nl}`, 'Bespreekpunt', '7'],
      [`Stelling 2: ${item('q02').text.nl}`, 'Kan toeval zijn', '4'],
      [`Stelling 1: ${item('q01').text.nl}`, 'Bespreekpunt', '2'],
    ]);
  });
});

describe('a show of hands', () => {
  it('refuses a wrong number of votes per person and an empty ballot, in words', async () => {
    const user = userEvent.setup();
    render(<VoteSlide scan={scan} analysis={analysis} showTable={false} phoneVote={null} now={clock} />);
    const perPerson = await screen.findByLabelText('Stemmen per persoon');
    await user.clear(perPerson);
    await user.type(perPerson, '11');
    for (const id of ['q01', 'q03', 'q02']) await user.click(screen.getByRole('checkbox', { name: new RegExp(`Stelling ${id.slice(2).replace(/^0/, '')} `) }));
    await user.click(screen.getByRole('button', { name: 'Stemmen met handopsteken' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Vul bij stemmen per persoon een heel getal van 1 tot 10 in.');
    expect(alert).toHaveTextContent('Zet ten minste één punt op het stembiljet.');
    expect(await stored()).toEqual([]);
    // Without a live session there is no phone button.
    expect(screen.queryByRole('button', { name: 'Stemming openen op de telefoons' })).toBeNull();
  });

  it('opens with the chosen options, saves every count as typed, and closes', async () => {
    const user = userEvent.setup();
    const { container } = render(<VoteSlide scan={scan} analysis={analysis} showTable={false} phoneVote={null} now={clock} />);
    const perPerson = await screen.findByLabelText('Stemmen per persoon');
    await user.clear(perPerson);
    await user.type(perPerson, '2');
    // The ballot in its order: discussion points first, then the uncertain difference; q03 left off.
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.map((b) => b.closest('label')?.textContent?.slice(0, 30))).toEqual([expect.stringMatching(/^Stelling 1 · Bespreekpunt/), expect.stringMatching(/^Stelling 3 · Bespreekpunt/), expect.stringMatching(/^Stelling 2 · Kan toeval zijn/)]);
    await user.click(boxes[1]!);
    await user.click(screen.getByRole('button', { name: 'Stemmen met handopsteken' }));

    const q02 = await screen.findByLabelText('Stemmen op stelling 2');
    const [opened] = await stored();
    expect(opened).toMatchObject({ method: 'hands', votesPerPerson: 2, options: [{ itemId: 'q01', kind: 'discussionPoint' }, { itemId: 'q02', kind: 'uncertainDifference' }], counts: { q01: 0, q02: 0 }, ballots: null, openedAt: clock().toISOString(), closedAt: null });
    expect(screen.queryByLabelText('Stemmen op stelling 3')).toBeNull();

    await user.clear(q02);
    await user.type(q02, '12');
    await vi.waitFor(async () => expect((await stored())[0]?.counts).toEqual({ q01: 0, q02: 12 }));
    await user.clear(screen.getByLabelText('Stemmen op stelling 1'));
    await user.type(screen.getByLabelText('Stemmen op stelling 1'), '5');
    await vi.waitFor(async () => expect((await stored())[0]?.counts).toEqual({ q01: 5, q02: 12 }));
    expect(rowsOrder(container)).toEqual(['q02', 'q01']);
    expect(screen.getByTestId('vote-count-q02')).toHaveTextContent(/^12$/);
    expect(screen.getByText('Handopsteken: 17 stemmen geteld.')).toBeInTheDocument();

    // A wrong count is named and not saved; closing waits until it is right.
    await user.clear(q02);
    await user.type(q02, '1000');
    expect(screen.getByText('Stelling 2: vul een heel getal van 0 tot 999 in.')).toBeInTheDocument();
    expect(q02).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Stemming sluiten' })).toBeDisabled();
    expect((await stored())[0]?.counts).toEqual({ q01: 5, q02: 100 });
    await user.clear(q02);
    await user.type(q02, '3');
    await vi.waitFor(async () => expect((await stored())[0]?.counts).toEqual({ q01: 5, q02: 3 }));

    await user.click(screen.getByRole('button', { name: 'Stemming sluiten' }));
    await vi.waitFor(async () => expect((await stored())[0]?.closedAt).toBe(clock().toISOString()));
    expect(await screen.findByText(/De stemming is gesloten\./)).toHaveTextContent('Handopsteken: 8 stemmen geteld.');
    expect(rowsOrder(container)).toEqual(['q01', 'q02']);
  });

  it('shows an open vote again after a reload, with the counts typed before it', async () => {
    await saveVote({ id: 'v1', scanId: scan.id, method: 'hands', votesPerPerson: 3, options: [{ itemId: 'q01', kind: 'discussionPoint' }, { itemId: 'q02', kind: 'uncertainDifference' }], counts: { q01: 4, q02: 9 }, ballots: null, openedAt: '2026-12-07T10:30:00.000Z', closedAt: null });
    const { container } = render(<VoteSlide scan={scan} analysis={analysis} showTable={false} phoneVote={null} now={clock} />);
    expect(await screen.findByLabelText('Stemmen op stelling 1')).toHaveValue(4);
    expect(screen.getByLabelText('Stemmen op stelling 2')).toHaveValue(9);
    expect(rowsOrder(container)).toEqual(['q02', 'q01']);
  });

  it('says so when the vote cannot be saved', async () => {
    await db.scans.delete(scan.id);
    const user = userEvent.setup();
    render(<VoteSlide scan={scan} analysis={analysis} showTable={false} phoneVote={null} now={clock} />);
    await user.click(await screen.findByRole('button', { name: 'Stemmen met handopsteken' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(await stored()).toEqual([]);
  });
});

describe('a vote on the phones', () => {
  function fakeControl(status: PhoneVoteControl['status'], tally: PhoneVoteTally, final: PhoneVoteTally, refused = 0): PhoneVoteControl & { open: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn> } {
    return { status, tally, problem: null, refused, open: vi.fn(async () => undefined), close: vi.fn(async () => final) };
  }

  it('opens on the phones with the ballot, draws the tally as it grows, and saves the final tally on close', async () => {
    const user = userEvent.setup();
    const ready = fakeControl('ready', { counts: {}, ballots: 0 }, { counts: {}, ballots: 0 });
    const { container, rerender } = render(<VoteSlide scan={scan} analysis={analysis} showTable={false} phoneVote={ready} now={clock} />);
    await user.click(await screen.findByRole('button', { name: 'Stemming openen op de telefoons' }));
    await vi.waitFor(() => expect(ready.open).toHaveBeenCalledTimes(1));
    const [opened] = await vi.waitFor(async () => {
      const votes = await stored();
      expect(votes).toHaveLength(1);
      return votes;
    });
    const allOptions = [
      { itemId: 'q01', kind: 'discussionPoint' },
      { itemId: 'q03', kind: 'discussionPoint' },
      { itemId: 'q02', kind: 'uncertainDifference' },
    ];
    expect(ready.open).toHaveBeenCalledWith({ id: opened!.id, options: allOptions, votesPerPerson: 3 });
    expect(opened).toMatchObject({ method: 'phones', ballots: 0, closedAt: null, votesPerPerson: 3 });

    // The relay's ballots arrive: the slide shows counts and phones, never who.
    const open = fakeControl('open', { counts: { q01: 1, q03: 6, q02: 2 }, ballots: 3 }, { counts: { q01: 2, q03: 6, q02: 4 }, ballots: 4 });
    rerender(<VoteSlide scan={scan} analysis={analysis} showTable={false} phoneVote={open} now={clock} />);
    expect(await screen.findByTestId('vote-ballots')).toHaveTextContent(/^3 telefoons hebben gestemd\.$/);
    expect(rowsOrder(container)).toEqual(['q03', 'q02', 'q01']);
    // A ballot the director's device refused is said beside the count, never counted.
    rerender(<VoteSlide scan={scan} analysis={analysis} showTable={false} phoneVote={{ ...open, refused: 1 }} now={clock} />);
    expect(await screen.findByTestId('vote-ballots')).toHaveTextContent('3 telefoons hebben gestemd. 1 biljet is geweigerd en niet geteld.');
    rerender(<VoteSlide scan={scan} analysis={analysis} showTable={false} phoneVote={open} now={clock} />);
    expect(screen.getByTestId('vote-count-q03')).toHaveTextContent(/^6$/);
    // Saved as it grows, so a reload of the presenter keeps it.
    await vi.waitFor(async () => expect((await stored())[0]).toMatchObject({ counts: { q01: 1, q03: 6, q02: 2 }, ballots: 3, closedAt: null }));

    await user.click(screen.getByRole('button', { name: 'Stemming sluiten' }));
    await vi.waitFor(async () => expect((await stored())[0]).toMatchObject({ method: 'phones', counts: { q01: 2, q03: 6, q02: 4 }, ballots: 4, closedAt: clock().toISOString() }));
    expect(open.close).toHaveBeenCalledTimes(1);
    const closed = fakeControl('closed', { counts: { q01: 2, q03: 6, q02: 4 }, ballots: 4 }, { counts: {}, ballots: 0 });
    rerender(<VoteSlide scan={scan} analysis={analysis} showTable={false} phoneVote={closed} now={clock} />);
    expect(await screen.findByText(/De stemming is gesloten\./)).toHaveTextContent('4 telefoons hebben gestemd.');
    expect(rowsOrder(container)).toEqual(['q03', 'q02', 'q01']);
  });

  it('keeps no open vote when the phones could not be reached, and shows why', async () => {
    const user = userEvent.setup();
    const failing: PhoneVoteControl = { status: 'ready', tally: { counts: {}, ballots: 0 }, problem: null, refused: 0, open: vi.fn(async () => Promise.reject(new Error('relay down'))), close: vi.fn() };
    const { rerender } = render(<VoteSlide scan={scan} analysis={analysis} showTable={false} phoneVote={failing} now={clock} />);
    await user.click(await screen.findByRole('button', { name: 'Stemming openen op de telefoons' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(await stored()).toEqual([]);
    rerender(<VoteSlide scan={scan} analysis={analysis} showTable={false} phoneVote={{ ...failing, status: 'failed', problem: 'De relay is niet bereikbaar.' }} now={clock} />);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('De relay is niet bereikbaar.');
  });

  it('offers no phone vote when no session runs', async () => {
    render(<VoteSlide scan={scan} analysis={analysis} showTable={false} phoneVote={{ status: 'unavailable', tally: { counts: {}, ballots: 0 }, problem: null, refused: 0, open: vi.fn(), close: vi.fn() }} now={clock} />);
    expect(await screen.findByRole('button', { name: 'Stemmen met handopsteken' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stemming openen op de telefoons' })).toBeNull();
    expect(within(screen.getByTestId('vote-slide')).getByText('Zonder live sessie stemt de zaal met handopsteken.')).toBeInTheDocument();
  });
});

it('speaks English when the presenter does', async () => {
  useUiStore.getState().setLanguage('en');
  await act(async () => {
    render(<VoteSlide scan={scan} analysis={analysis} showTable={false} phoneVote={null} now={clock} />);
  });
  expect(await screen.findByRole('button', { name: 'Vote by show of hands' })).toBeInTheDocument();
  expect(screen.getByLabelText('Votes per person')).toBeInTheDocument();
});
