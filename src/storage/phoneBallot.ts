// A phone's ballot in a vote on the phones (docs/live-sessions.md "Votes"), per live session, in
// localStorage: the voter id it made for the vote, the sequence of its last ballot and what that
// ballot said. The voter id never leaves the phone except inside a ballot sealed to the
// director. localStorage, as the phone's join record (phoneOutbox.ts): small, per device, kept
// across a reload so a second ballot after a reload still replaces the first. Checked as read:
// anything else reads as none (the phone then starts afresh with a new voter id).

export const PHONE_BALLOT_PREFIX = 'ketenscan-live-ballot:';

export interface StoredPhoneBallot {
  voteId: string;
  voterId: string;
  /** The sequence of the last ballot sent; 0 before the first. */
  sequence: number;
  /** The votes of the last ballot sent. */
  counts: Record<string, number>;
}

const ID = /^[A-Za-z0-9_-]{22}$/;

export function readPhoneBallot(sessionId: string): StoredPhoneBallot | null {
  try {
    const text = localStorage.getItem(PHONE_BALLOT_PREFIX + sessionId);
    if (text === null || text.length > 8192) return null;
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { voteId, voterId, sequence, counts } = value as Partial<StoredPhoneBallot>;
    if (typeof voteId !== 'string' || !ID.test(voteId) || typeof voterId !== 'string' || !ID.test(voterId)) return null;
    if (typeof sequence !== 'number' || !Number.isInteger(sequence) || sequence < 0) return null;
    if (typeof counts !== 'object' || counts === null || Array.isArray(counts) || Object.values(counts).some((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 0)) return null;
    return { voteId, voterId, sequence, counts };
  } catch {
    return null;
  }
}

/** False when localStorage refuses (private browsing, full): the ballot still goes, see docs. */
export function writePhoneBallot(sessionId: string, ballot: StoredPhoneBallot): boolean {
  try {
    localStorage.setItem(PHONE_BALLOT_PREFIX + sessionId, JSON.stringify(ballot));
    return true;
  } catch {
    return false;
  }
}
