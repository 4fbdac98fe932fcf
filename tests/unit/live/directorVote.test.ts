// @vitest-environment node
import * as Y from 'yjs';
import { create } from 'zustand';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ballotKey,
  createResponseOpener,
  createResponseSealer,
  createSessionCipher,
  getBallotsMap,
  makeRecipientKeyPair,
  makeRecordId,
  makeSessionId,
  makeSessionKey,
  openVoteDefinition,
  readOpenVoteId,
  readVoteDefinitionEnvelope,
  sealBallot,
  type LiveVoteDefinition,
} from '../../../src/domain/live';
import type { VoteOption } from '../../../src/domain/agreements/types';

// The director's side of a vote (src/features/live/directorVote.ts) over a document without a
// relay: the running session of directorLive.ts is replaced by one Y.Doc, so what is tested is
// the control's own work — opening writes the vote, each voter's newest ballot counts, a bad
// ballot is refused and counted, and after close() nothing more counts (as with a relay of an
// older version that lets a late ballot through).

const live = vi.hoisted(() => ({ session: null as null | Record<string, unknown> }));

vi.mock('../../../src/features/live/directorLive', () => {
  const useDirectorLive = create(() => ({ closed: false, connection: 'connected' }));
  return { useDirectorLive, runningSessionFor: () => live.session };
});

const { closePhoneVote, openPhoneVote, useDirectorVote, watchPhoneVotes } = await import('../../../src/features/live/directorVote');

const OPTIONS: VoteOption[] = [
  { itemId: 'a', kind: 'discussionPoint' },
  { itemId: 'b', kind: 'uncertainDifference' },
];

function setUp() {
  const sessionId = makeSessionId();
  const cipher = createSessionCipher(sessionId, makeSessionKey());
  const keys = makeRecipientKeyPair();
  const opener = createResponseOpener(sessionId, keys.secretKey);
  const sealer = createResponseSealer(sessionId, keys.publicKey);
  if (!cipher.ok || !opener.ok || !sealer.ok) throw new Error('set-up');
  const doc = new Y.Doc();
  live.session = { doc, cipher: cipher.value, opener: opener.value, provider: {}, waitUntilSent: async () => true };
  return { doc, cipher: cipher.value, sealer: sealer.value };
}

async function readVote(setup: ReturnType<typeof setUp>): Promise<LiveVoteDefinition> {
  const id = readOpenVoteId(setup.doc);
  const vote = id === null ? null : await openVoteDefinition(setup.cipher, id, readVoteDefinitionEnvelope(setup.doc));
  if (vote === null) throw new Error('no open vote in the document');
  return vote;
}

/** A phone's ballot, added to the document as the relay would pass it on. */
async function addBallot(setup: ReturnType<typeof setUp>, vote: LiveVoteDefinition, voterId: string, sequence: number, counts: Record<string, number>, raw = false): Promise<void> {
  const key = ballotKey(vote.id, makeRecordId());
  const envelope = raw
    ? await setup.sealer.seal(key, Uint8Array.from([0x10, ...new TextEncoder().encode(JSON.stringify({ v: vote.id, p: voterId, n: sequence, c: counts }))]), 'ballot')
    : await sealBallot(setup.sealer, key, vote, { voteId: vote.id, voterId, sequence, counts });
  getBallotsMap(setup.doc).set(key, envelope);
}

describe('the director\u2019s vote control', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => {
    useDirectorVote.setState({ scanId: null, status: 'unavailable', tally: { counts: {}, ballots: 0 }, problem: null, refused: 0, refusals: {} });
  });
  afterEach(() => {
    stop();
    live.session = null;
  });

  it('is unavailable without a running session', async () => {
    stop = watchPhoneVotes('scan-1');
    expect(useDirectorVote.getState().status).toBe('unavailable');
    await openPhoneVote('scan-1', { options: OPTIONS, votesPerPerson: 3 });
    expect(useDirectorVote.getState().problem).toBe('no-session');
  });

  it('opens a vote, counts each voter\u2019s newest ballot, refuses a bad one, and counts nothing after the close', async () => {
    const setup = setUp();
    stop = watchPhoneVotes('scan-1');
    expect(useDirectorVote.getState().status).toBe('ready');
    await openPhoneVote('scan-1', { options: OPTIONS, votesPerPerson: 3 });
    expect(useDirectorVote.getState().status).toBe('open');
    const vote = await readVote(setup);
    expect(vote.options).toEqual(OPTIONS);
    expect(vote.votesPerPerson).toBe(3);

    const [one, two] = [makeRecordId(), makeRecordId()];
    await addBallot(setup, vote, one, 1, { a: 3 });
    await addBallot(setup, vote, two, 1, { b: 2 });
    await vi.waitFor(() => expect(useDirectorVote.getState().tally).toEqual({ counts: { a: 3, b: 2 }, ballots: 2 }));
    // A second ballot of the same phone replaces its first.
    await addBallot(setup, vote, one, 2, { a: 1, b: 1 });
    await vi.waitFor(() => expect(useDirectorVote.getState().tally).toEqual({ counts: { a: 1, b: 3 }, ballots: 2 }));
    // Too many votes: refused and counted, and it does not replace that phone's ballot.
    await addBallot(setup, vote, two, 5, { a: 4 }, true);
    await vi.waitFor(() => expect(useDirectorVote.getState().refused).toBe(1));
    expect(useDirectorVote.getState().tally).toEqual({ counts: { a: 1, b: 3 }, ballots: 2 });
    expect(Object.values(useDirectorVote.getState().refusals)).toEqual(['too-many-votes']);

    const final = await closePhoneVote('scan-1');
    expect(final).toEqual({ counts: { a: 1, b: 3 }, ballots: 2 });
    expect(useDirectorVote.getState().status).toBe('closed');
    expect(readOpenVoteId(setup.doc)).toBeNull();
    // A ballot that still arrives (a relay of an older version would pass it) is not counted.
    await addBallot(setup, vote, makeRecordId(), 1, { b: 3 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(useDirectorVote.getState().tally).toEqual(final);
  });
});
