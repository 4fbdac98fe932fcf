// @vitest-environment node
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ballotKey, BALLOT_ENVELOPE_MAX_BYTES, makeRecordId, writeOpenVote, writeVoteClosed } from '@ketenscan/live-protocol';
import { isPlainAddition, judgePhoneUpdate } from '../../../relay/src/rules';
import { sealedLike } from './helpers';

// The relay's rules for ballots (docs/live-sessions.md "Votes"): a phone may add a new ballot
// only under the open vote's id, a well-formed sealed box of at most BALLOT_ENVELOPE_MAX_BYTES,
// never overwriting one; ballots count as records.

const LIMIT = 1024 * 1024;

function relayWithVote(): { relay: Y.Doc; voteId: string } {
  const relay = new Y.Doc();
  relay.getMap('meta').set('definition', new Uint8Array(40));
  const voteId = makeRecordId();
  writeOpenVote(relay, voteId, new Uint8Array(60));
  return { relay, voteId };
}

function phoneOf(relay: Y.Doc): Y.Doc {
  const phone = new Y.Doc();
  Y.applyUpdate(phone, Y.encodeStateAsUpdate(relay));
  return phone;
}

const diff = (phone: Y.Doc, relay: Y.Doc) => Y.encodeStateAsUpdate(phone, Y.encodeStateVector(relay));

describe('ballots at the relay', () => {
  it('accepts a new ballot for the open vote, by the fast path, counted as a record with its bytes', () => {
    const { relay, voteId } = relayWithVote();
    const phone = phoneOf(relay);
    phone.getMap('ballots').set(ballotKey(voteId, makeRecordId()), sealedLike(200));
    const update = diff(phone, relay);
    expect(isPlainAddition(relay, update)).toBe(true);
    expect(judgePhoneUpdate(relay, update, LIMIT, Y.encodeStateAsUpdate(relay).length)).toEqual({ verdict: 'accepted', records: 1, recordBytes: 200 });
    // And on the copy (no size known): the same verdict.
    expect(judgePhoneUpdate(relay, update, LIMIT)).toEqual({ verdict: 'accepted', records: 1, recordBytes: 200 });
  });

  it('refuses a ballot when no vote was ever opened, after the vote closed, or for another vote', () => {
    const never = new Y.Doc();
    never.getMap('meta').set('definition', new Uint8Array(40));
    const phone = phoneOf(never);
    phone.getMap('ballots').set(ballotKey(makeRecordId(), makeRecordId()), sealedLike(200));
    expect(judgePhoneUpdate(never, diff(phone, never), LIMIT).verdict).toBe('vote-not-open');

    const { relay, voteId } = relayWithVote();
    const other = phoneOf(relay);
    other.getMap('ballots').set(ballotKey(makeRecordId(), makeRecordId()), sealedLike(200));
    expect(judgePhoneUpdate(relay, diff(other, relay), LIMIT).verdict).toBe('vote-not-open');

    const late = phoneOf(relay);
    writeVoteClosed(relay);
    late.getMap('ballots').set(ballotKey(voteId, makeRecordId()), sealedLike(200));
    const update = diff(late, relay);
    expect(judgePhoneUpdate(relay, update, LIMIT, Y.encodeStateAsUpdate(relay).length).verdict).toBe('vote-not-open');
  });

  it('refuses overwriting or deleting a ballot the relay has, a key that is not a ballot key, and a box that is too large or not sealed', () => {
    const { relay, voteId } = relayWithVote();
    const existing = ballotKey(voteId, makeRecordId());
    relay.getMap('ballots').set(existing, sealedLike(200));
    const cases: [(phone: Y.Doc) => void, string][] = [
      [(phone) => phone.getMap('ballots').set(existing, sealedLike(200)), 'changes-existing-data'],
      [(phone) => phone.getMap('ballots').delete(existing), 'changes-existing-data'],
      [(phone) => phone.getMap('ballots').set(makeRecordId(), sealedLike(200)), 'invalid-record'],
      [(phone) => phone.getMap('ballots').set(ballotKey(voteId, makeRecordId()), sealedLike(BALLOT_ENVELOPE_MAX_BYTES + 1)), 'invalid-record'],
      [(phone) => phone.getMap('ballots').set(ballotKey(voteId, makeRecordId()), new Uint8Array(200)), 'record-not-sealed'],
      [(phone) => phone.getMap('ballots').set(ballotKey(voteId, makeRecordId()), new Y.Map()), 'invalid-record'],
      // Opening a vote of its own: 'meta' is the director's.
      [(phone) => writeOpenVote(phone, makeRecordId(), new Uint8Array(60)), 'changes-existing-data'],
      [(phone) => writeVoteClosed(phone), 'changes-existing-data'],
    ];
    for (const [change, verdict] of cases) {
      const phone = phoneOf(relay);
      change(phone);
      expect(judgePhoneUpdate(relay, diff(phone, relay), LIMIT).verdict, verdict).toBe(verdict);
    }
  });

  it('a first sync that repeats the close the phone learned is accepted (it deletes nothing the relay still has)', () => {
    const { relay, voteId } = relayWithVote();
    relay.getMap('ballots').set(ballotKey(voteId, makeRecordId()), sealedLike(200));
    writeVoteClosed(relay);
    const phone = phoneOf(relay);
    expect(judgePhoneUpdate(relay, Y.encodeStateAsUpdate(phone), LIMIT).verdict).toBe('accepted');
  });
});
