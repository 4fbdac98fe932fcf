import type { PhoneVoteTally, VoteOption, VoteOptionKind } from '../agreements/types';
import { VOTES_PER_PERSON } from '../agreements/types';
import { decodeUtf8, encodeUtf8, isRecordId, parseBallotKey } from '@ketenscan/live-protocol';
import type { SessionCipher } from './envelope';
import type { ResponseOpener, ResponseSealer } from './sealed';

// A vote of the room on the phones (docs/live-sessions.md "Votes", docs/agreements.md).
//
// The director's device writes the vote's definition, sealed with the session key (every phone
// reads it, the relay cannot): `{"v":1,"id":voteId,"n":votesPerPerson,"o":[[itemId,kind],…]}`.
// A phone answers with ballots sealed to the director's public key (sealed.ts, kind 'ballot'),
// each a new record under `<voteId>.<recordId>`:
//
//   [0x10 format][UTF-8 JSON {"v": voteId, "p": voterId, "n": sequence, "c": {itemId: votes}}]
//
// The voter id is random per phone and vote and travels only inside the box: nobody but the
// director can tell that two ballots came from the same phone. The director counts, per voter,
// only the ballot with the highest sequence, so a second ballot replaces the first although the
// relay never lets anything be overwritten. Every ballot is checked; a bad one is refused and
// counted, never repaired.

export const BALLOT_FORMAT = 0x10;
/** A ballot's plaintext is read up to this size (the sealed ballot's bound, less the box). */
export const BALLOT_MAX_PLAINTEXT_BYTES = 3 * 1024;
/** Options a vote may offer: every statement of the largest instrument, and then some. */
export const VOTE_MAX_OPTIONS = 60;

export interface LiveVoteDefinition {
  /** The vote's id on the relay (a record id), not the VoteRecord's id. */
  id: string;
  votesPerPerson: number;
  options: VoteOption[];
}

export interface BallotContent {
  voteId: string;
  /** Random per phone and vote (a record id); only the director sees it. */
  voterId: string;
  /** 1, 2, …: the phone's newest ballot counts. */
  sequence: number;
  /** itemId → votes; options left out have none. */
  counts: Record<string, number>;
}

const KINDS: readonly VoteOptionKind[] = ['discussionPoint', 'uncertainDifference'];

function isWholeIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function encodeVoteDefinition(vote: LiveVoteDefinition): Uint8Array {
  return encodeUtf8(JSON.stringify({ v: 1, id: vote.id, n: vote.votesPerPerson, o: vote.options.map((o) => [o.itemId, o.kind]) }));
}

/** A definition read from the document, checked; null when it is not one. */
export function parseVoteDefinition(bytes: Uint8Array): LiveVoteDefinition | null {
  const text = bytes.length <= 16 * 1024 ? decodeUtf8(bytes) : null;
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { v, id, n, o } = value as { v?: unknown; id?: unknown; n?: unknown; o?: unknown };
  if (v !== 1 || !isRecordId(id) || !isWholeIn(n, VOTES_PER_PERSON.min, VOTES_PER_PERSON.max) || !Array.isArray(o) || o.length === 0 || o.length > VOTE_MAX_OPTIONS) return null;
  const options: VoteOption[] = [];
  const seen = new Set<string>();
  for (const entry of o as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) return null;
    const [itemId, kind] = entry as unknown[];
    if (typeof itemId !== 'string' || itemId.length === 0 || itemId.length > 100 || seen.has(itemId)) return null;
    const known = KINDS.find((k) => k === kind);
    if (known === undefined) return null;
    seen.add(itemId);
    options.push({ itemId, kind: known });
  }
  return { id, votesPerPerson: n, options };
}

export async function sealVoteDefinition(cipher: SessionCipher, vote: LiveVoteDefinition): Promise<Uint8Array> {
  const bytes = encodeVoteDefinition(vote);
  if (parseVoteDefinition(bytes) === null) throw new Error('Not a vote definition');
  return cipher.seal('vote', vote.id, bytes);
}

/** A phone (and the director after a reload): the open vote's definition; `voteId` from the plain marker. */
export async function openVoteDefinition(cipher: SessionCipher, voteId: string, envelope: unknown): Promise<LiveVoteDefinition | null> {
  const opened = await cipher.open('vote', voteId, envelope);
  if (!opened.ok) return null;
  const vote = parseVoteDefinition(opened.value);
  return vote !== null && vote.id === voteId ? vote : null;
}

/** Votes left to give on a ballot (negative: too many). */
export function votesLeft(vote: LiveVoteDefinition, counts: Record<string, number>): number {
  let used = 0;
  for (const option of vote.options) used += counts[option.itemId] ?? 0;
  return vote.votesPerPerson - used;
}

export function encodeBallot(ballot: BallotContent): Uint8Array {
  const counts: Record<string, number> = {};
  for (const [itemId, votes] of Object.entries(ballot.counts)) if (votes > 0) counts[itemId] = votes;
  const json = encodeUtf8(JSON.stringify({ v: ballot.voteId, p: ballot.voterId, n: ballot.sequence, c: counts }));
  const bytes = new Uint8Array(json.length + 1);
  bytes[0] = BALLOT_FORMAT;
  bytes.set(json, 1);
  return bytes;
}

/** A phone: a ballot for `key` (ballotKey(voteId, recordId)), sealed to the director. Refuses a ballot its own vote would refuse. */
export async function sealBallot(sealer: ResponseSealer, key: string, vote: LiveVoteDefinition, ballot: BallotContent): Promise<Uint8Array> {
  const checked = checkBallot(vote, ballot);
  if (!checked.ok || parseBallotKey(key)?.voteId !== vote.id) throw new Error(`Not a ballot of this vote (${checked.ok ? 'key' : checked.reason})`);
  return sealer.seal(key, encodeBallot(ballot), 'ballot');
}

/** Why the director's device refused a ballot (counted, shown, never stored). */
export type BallotRefusal = 'undecryptable' | 'malformed' | 'other-vote' | 'unknown-option' | 'not-whole' | 'too-many-votes';

export type CheckedBallot = { ok: true; ballot: BallotContent } | { ok: false; reason: BallotRefusal };

/** The director's rules for one ballot of `vote`: never repaired, refused with the first reason found. */
export function checkBallot(vote: LiveVoteDefinition, ballot: BallotContent): CheckedBallot {
  if (ballot.voteId !== vote.id) return { ok: false, reason: 'other-vote' };
  if (!isRecordId(ballot.voterId) || !isWholeIn(ballot.sequence, 1, Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'malformed' };
  const options = new Set(vote.options.map((o) => o.itemId));
  let total = 0;
  for (const [itemId, votes] of Object.entries(ballot.counts)) {
    if (!options.has(itemId)) return { ok: false, reason: 'unknown-option' };
    if (!isWholeIn(votes, 0, Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'not-whole' };
    total += votes;
  }
  if (total > vote.votesPerPerson) return { ok: false, reason: 'too-many-votes' };
  return { ok: true, ballot };
}

/** The director: opens one ballot of `vote` under `key` and checks it. */
export async function openBallot(opener: ResponseOpener, key: string, envelope: unknown, vote: LiveVoteDefinition): Promise<CheckedBallot> {
  const parsedKey = parseBallotKey(key);
  if (parsedKey === null) return { ok: false, reason: 'malformed' };
  if (parsedKey.voteId !== vote.id) return { ok: false, reason: 'other-vote' };
  const opened = await opener.open(key, envelope, 'ballot');
  if (!opened.ok) return { ok: false, reason: 'undecryptable' };
  const bytes = opened.value;
  if (bytes.length < 2 || bytes.length > BALLOT_MAX_PLAINTEXT_BYTES || bytes[0] !== BALLOT_FORMAT) return { ok: false, reason: 'malformed' };
  const text = decodeUtf8(bytes.subarray(1));
  if (text === null) return { ok: false, reason: 'malformed' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'malformed' };
  const { v, p, n, c } = value as { v?: unknown; p?: unknown; n?: unknown; c?: unknown };
  if (typeof v !== 'string' || typeof p !== 'string' || typeof n !== 'number' || typeof c !== 'object' || c === null || Array.isArray(c)) return { ok: false, reason: 'malformed' };
  const counts: Record<string, number> = {};
  for (const [itemId, votes] of Object.entries(c as Record<string, unknown>)) {
    if (typeof votes !== 'number') return { ok: false, reason: 'not-whole' };
    counts[itemId] = votes;
  }
  return checkBallot(vote, { voteId: v, voterId: p, sequence: n, counts });
}

/** A ballot as the tally needs it: where it was (for a stable choice) and what it said. */
export interface CountedBallot {
  key: string;
  ballot: BallotContent;
}

/**
 * The tally of checked ballots: per voter only the one with the highest sequence (a tie, which a
 * genuine phone never makes, goes to the smaller key, so every device counts alike); every
 * option has an entry.
 */
export function tallyBallots(vote: LiveVoteDefinition, ballots: readonly CountedBallot[]): PhoneVoteTally {
  const newest = new Map<string, CountedBallot>();
  for (const entry of ballots) {
    const current = newest.get(entry.ballot.voterId);
    if (
      current === undefined ||
      entry.ballot.sequence > current.ballot.sequence ||
      (entry.ballot.sequence === current.ballot.sequence && entry.key < current.key)
    ) {
      newest.set(entry.ballot.voterId, entry);
    }
  }
  const counts: Record<string, number> = {};
  for (const option of vote.options) counts[option.itemId] = 0;
  for (const { ballot } of newest.values()) {
    for (const [itemId, votes] of Object.entries(ballot.counts)) counts[itemId] = (counts[itemId] ?? 0) + votes;
  }
  return { counts, ballots: newest.size };
}
