// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  ballotKey,
  checkBallot,
  createResponseOpener,
  createResponseSealer,
  createSessionCipher,
  encodeBallot,
  makeRecipientKeyPair,
  makeRecordId,
  makeSessionId,
  makeSessionKey,
  openBallot,
  openVoteDefinition,
  parseVoteDefinition,
  sealBallot,
  sealVoteDefinition,
  tallyBallots,
  votesLeft,
  type BallotContent,
  type LiveVoteDefinition,
} from '../../../src/domain/live';

function setUp() {
  const sessionId = makeSessionId();
  const cipher = createSessionCipher(sessionId, makeSessionKey());
  const keys = makeRecipientKeyPair();
  const sealer = createResponseSealer(sessionId, keys.publicKey);
  const opener = createResponseOpener(sessionId, keys.secretKey);
  if (!cipher.ok || !sealer.ok || !opener.ok) throw new Error('set-up');
  const vote: LiveVoteDefinition = {
    id: makeRecordId(),
    votesPerPerson: 3,
    options: [
      { itemId: 'i01', kind: 'discussionPoint' },
      { itemId: 'i07', kind: 'discussionPoint' },
      { itemId: 'i12', kind: 'uncertainDifference' },
    ],
  };
  return { sessionId, cipher: cipher.value, sealer: sealer.value, opener: opener.value, vote };
}

/** An altered phone's ballot: exactly these fields, nothing left out (encodeBallot drops empty counts). */
function rawBallot(content: BallotContent): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify({ v: content.voteId, p: content.voterId, n: content.sequence, c: content.counts }));
  return Uint8Array.from([0x10, ...json]);
}

const ballotOf = (vote: LiveVoteDefinition, voterId: string, sequence: number, counts: Record<string, number>): BallotContent => ({ voteId: vote.id, voterId, sequence, counts });

describe('the vote definition', () => {
  it('is sealed with the session key and opened only under its own vote id', async () => {
    const { cipher, vote } = setUp();
    const envelope = await sealVoteDefinition(cipher, vote);
    expect(await openVoteDefinition(cipher, vote.id, envelope)).toEqual(vote);
    expect(await openVoteDefinition(cipher, makeRecordId(), envelope)).toBeNull();
    const other = createSessionCipher(makeSessionId(), makeSessionKey());
    if (!other.ok) throw new Error('cipher');
    expect(await openVoteDefinition(other.value, vote.id, envelope)).toBeNull();
  });

  it('refuses a definition with votes per person out of range, an unknown kind or a repeated option', () => {
    const { vote } = setUp();
    const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    const base = { v: 1, id: vote.id, n: 3, o: [['i01', 'discussionPoint']] };
    expect(parseVoteDefinition(encode(base))).toEqual({ id: vote.id, votesPerPerson: 3, options: [{ itemId: 'i01', kind: 'discussionPoint' }] });
    expect(parseVoteDefinition(encode({ ...base, n: 11 }))).toBeNull();
    expect(parseVoteDefinition(encode({ ...base, n: 0 }))).toBeNull();
    expect(parseVoteDefinition(encode({ ...base, o: [['i01', 'other']] }))).toBeNull();
    expect(parseVoteDefinition(encode({ ...base, o: [['i01', 'discussionPoint'], ['i01', 'uncertainDifference']] }))).toBeNull();
    expect(parseVoteDefinition(encode({ ...base, o: [] }))).toBeNull();
  });
});

describe('a ballot', () => {
  it('is sealed to the director, opened only by the director, and only as a ballot under its own key', async () => {
    const { sealer, opener, vote, sessionId } = setUp();
    const key = ballotKey(vote.id, makeRecordId());
    const content = ballotOf(vote, makeRecordId(), 1, { i01: 2, i12: 1 });
    const envelope = await sealBallot(sealer, key, vote, content);
    expect(await openBallot(opener, key, envelope, vote)).toEqual({ ok: true, ballot: content });
    // Moved to another key, or opened as a response: it fails authentication.
    expect(await openBallot(opener, ballotKey(vote.id, makeRecordId()), envelope, vote)).toEqual({ ok: false, reason: 'undecryptable' });
    expect((await opener.open(key, envelope)).ok).toBe(false);
    // Another director's key (a phone holds none) cannot open it.
    const stranger = createResponseOpener(sessionId, makeRecipientKeyPair().secretKey);
    if (!stranger.ok) throw new Error('opener');
    expect(await openBallot(stranger.value, key, envelope, vote)).toEqual({ ok: false, reason: 'undecryptable' });
    // The voter id is not in the sealed bytes.
    expect(new TextDecoder('latin1').decode(envelope)).not.toContain(content.voterId);
  });

  it('a key of another vote is refused before opening', async () => {
    const { sealer, opener, vote } = setUp();
    const key = ballotKey(vote.id, makeRecordId());
    const envelope = await sealBallot(sealer, key, vote, ballotOf(vote, makeRecordId(), 1, { i01: 1 }));
    expect(await openBallot(opener, key, envelope, { ...vote, id: makeRecordId() })).toEqual({ ok: false, reason: 'other-vote' });
  });

  it('the director refuses a ballot with an unknown option, a fraction, a negative count, too many votes or another vote id, and never repairs it', async () => {
    const { sealer, opener, vote } = setUp();
    const voter = makeRecordId();
    const cases: [BallotContent, string][] = [
      [ballotOf(vote, voter, 1, { i99: 1 }), 'unknown-option'],
      [ballotOf(vote, voter, 1, { i01: 1.5 }), 'not-whole'],
      [ballotOf(vote, voter, 1, { i01: -1, i07: 2 }), 'not-whole'],
      [ballotOf(vote, voter, 1, { i01: 2, i07: 2 }), 'too-many-votes'],
      [{ ...ballotOf(vote, voter, 1, { i01: 1 }), voteId: makeRecordId() }, 'other-vote'],
      [ballotOf(vote, 'not-a-voter-id', 1, { i01: 1 }), 'malformed'],
      [ballotOf(vote, voter, 0, { i01: 1 }), 'malformed'],
    ];
    for (const [content, reason] of cases) {
      expect(checkBallot(vote, content)).toEqual({ ok: false, reason });
      // A phone of this version refuses to seal it; one that did (an altered phone) is refused by the director.
      const key = ballotKey(vote.id, makeRecordId());
      await expect(sealBallot(sealer, key, vote, content)).rejects.toThrow();
      const raw = await sealer.seal(key, rawBallot(content), 'ballot');
      expect(await openBallot(opener, key, raw, vote)).toEqual({ ok: false, reason });
    }
    const key = ballotKey(vote.id, makeRecordId());
    // What a phone of this version writes opens as it was given (counts of 0 left out).
    const genuine = ballotOf(vote, voter, 2, { i01: 1, i07: 0 });
    expect(await openBallot(opener, key, await sealer.seal(key, encodeBallot(genuine), 'ballot'), vote)).toEqual({ ok: true, ballot: { ...genuine, counts: { i01: 1 } } });
    const notJson = await sealer.seal(key, Uint8Array.of(0x10, 0x7b), 'ballot');
    expect(await openBallot(opener, key, notJson, vote)).toEqual({ ok: false, reason: 'malformed' });
    const otherFormat = await sealer.seal(key, Uint8Array.of(0x11, 0x7b, 0x7d), 'ballot');
    expect(await openBallot(opener, key, otherFormat, vote)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('votes left counts every option of the vote', () => {
    const { vote } = setUp();
    expect(votesLeft(vote, {})).toBe(3);
    expect(votesLeft(vote, { i01: 2 })).toBe(1);
    expect(votesLeft(vote, { i01: 2, i12: 2 })).toBe(-1);
  });
});

describe('the tally', () => {
  it("counts each voter's newest ballot only: a second ballot replaces the first, whatever the order they arrive in", () => {
    const { vote } = setUp();
    const [a, b, c] = [makeRecordId(), makeRecordId(), makeRecordId()];
    const ballots = [
      { key: 'k1', ballot: ballotOf(vote, a, 1, { i01: 3 }) },
      { key: 'k2', ballot: ballotOf(vote, b, 1, { i07: 1, i12: 2 }) },
      { key: 'k3', ballot: ballotOf(vote, c, 1, { i01: 1 }) },
      { key: 'k4', ballot: ballotOf(vote, a, 2, { i07: 2, i12: 1 }) },
    ];
    const expected = { counts: { i01: 1, i07: 3, i12: 3 }, ballots: 3 };
    expect(tallyBallots(vote, ballots)).toEqual(expected);
    expect(tallyBallots(vote, [...ballots].reverse())).toEqual(expected);
  });

  it('has an entry for every option, also with no ballots', () => {
    const { vote } = setUp();
    expect(tallyBallots(vote, [])).toEqual({ counts: { i01: 0, i07: 0, i12: 0 }, ballots: 0 });
  });
});
