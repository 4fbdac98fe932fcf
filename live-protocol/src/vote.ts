import * as Y from 'yjs';
import { isByteArray } from './bytes';
import { getMetaMap } from './document';
import { isRecordId } from './ids';
import { BALLOT_ENVELOPE_MAX_BYTES } from './limits';
import { isWellFormedSealedRecord } from './sealedRecord';

// A vote of the room on the phones (docs/live-sessions.md "Votes"). Beside the layout of
// document.ts, in the same document:
//
//   Y.Map 'meta'     'vote'            → <voteId>          (plain: which vote is open, so the relay
//                                                           can refuse a ballot for any other; gone
//                                                           when the vote closes)
//                    'voteDefinition'  → Uint8Array        (envelope, kind 'vote', id = voteId:
//                                                           options and votes per person)
//   Y.Map 'ballots'  <voteId>.<recordId> → Uint8Array      (sealed to the director, sealedRecord.ts)
//
// Only the director writes 'meta'. A phone only adds new keys to 'ballots', and only under the
// open vote's id; a ballot is never overwritten: a phone that changes its mind adds a new one,
// and the director counts each voter's newest (src/domain/live/ballot.ts).

export const BALLOTS_MAP = 'ballots';
export const META_VOTE = 'vote';
export const META_VOTE_DEFINITION = 'voteDefinition';

export function getBallotsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(BALLOTS_MAP);
}

/** The key of a ballot: the vote it is for, a dot, and a fresh record id. */
export function ballotKey(voteId: string, recordId: string): string {
  return `${voteId}.${recordId}`;
}

/** The vote and record id of a ballot key, or null for any other key. */
export function parseBallotKey(key: unknown): { voteId: string; recordId: string } | null {
  if (typeof key !== 'string') return null;
  const dot = key.indexOf('.');
  if (dot < 0) return null;
  const voteId = key.slice(0, dot);
  const recordId = key.slice(dot + 1);
  return isRecordId(voteId) && isRecordId(recordId) ? { voteId, recordId } : null;
}

/** The director's device: opens a vote (its sealed definition and the plain marker, in one transaction). */
export function writeOpenVote(doc: Y.Doc, voteId: string, definition: Uint8Array): void {
  if (!isRecordId(voteId)) throw new Error('A vote id is a record id');
  doc.transact(() => {
    const meta = getMetaMap(doc);
    meta.set(META_VOTE_DEFINITION, definition);
    meta.set(META_VOTE, voteId);
  });
}

/** The director's device: closes the open vote; from then on the relay refuses a ballot. The definition stays, so a phone can say the vote closed. */
export function writeVoteClosed(doc: Y.Doc): void {
  const meta = getMetaMap(doc);
  if (meta.has(META_VOTE)) meta.delete(META_VOTE);
}

/** The id of the open vote, or null when none is open. */
export function readOpenVoteId(doc: Y.Doc): string | null {
  const value = getMetaMap(doc).get(META_VOTE);
  return isRecordId(value) ? value : null;
}

export function readVoteDefinitionEnvelope(doc: Y.Doc): Uint8Array | null {
  const value = getMetaMap(doc).get(META_VOTE_DEFINITION);
  return isByteArray(value) ? value : null;
}

/** A ballot as the relay can judge it: the right shape and size of a sealed box. */
export function isWellFormedBallot(value: unknown): value is Uint8Array {
  return isWellFormedSealedRecord(value) && value.length <= BALLOT_ENVELOPE_MAX_BYTES;
}

export type AddBallotResult = 'added' | 'exists' | 'vote-not-open' | 'invalid-record-id' | 'too-large';

/** A phone: adds one sealed ballot for the open vote under a fresh record id; never overwrites. */
export function addBallotEnvelope(doc: Y.Doc, voteId: string, recordId: string, envelope: Uint8Array): AddBallotResult {
  if (!isRecordId(recordId)) return 'invalid-record-id';
  if (readOpenVoteId(doc) !== voteId) return 'vote-not-open';
  if (envelope.length > BALLOT_ENVELOPE_MAX_BYTES) return 'too-large';
  const ballots = getBallotsMap(doc);
  const key = ballotKey(voteId, recordId);
  if (ballots.has(key)) return 'exists';
  ballots.set(key, envelope);
  return 'added';
}

export interface BallotEnvelope {
  key: string;
  envelope: Uint8Array;
}

/** The ballots of one vote, sorted by key; entries of the wrong shape (of that vote) listed apart. */
export function readBallotEnvelopes(doc: Y.Doc, voteId: string): { records: BallotEnvelope[]; malformed: string[] } {
  const records: BallotEnvelope[] = [];
  const malformed: string[] = [];
  getBallotsMap(doc).forEach((value, key) => {
    const parsed = parseBallotKey(key);
    if (parsed !== null && parsed.voteId !== voteId) return;
    if (parsed !== null && isByteArray(value) && value.length <= BALLOT_ENVELOPE_MAX_BYTES) records.push({ key, envelope: value });
    else if (key.startsWith(`${voteId}.`)) malformed.push(key);
  });
  records.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { records, malformed };
}
