// What the room chooses and agrees after the reveal, and how the next round follows it up
// (docs/agreements.md). Kept per scan in IndexedDB (src/storage/agreementRepository.ts), carried
// in the exchange file, and read by the presenter, the report, the scan page and the rounds page.
// Agreements name partners (organisation ids of the scan), never people; a vote is kept as counts.

/** Why a statement is on the ballot: the two gap classes of docs/analysis.md that the room may take up. */
export type VoteOptionKind = 'discussionPoint' | 'uncertainDifference';

/** One statement the room can spend votes on. */
export interface VoteOption {
  /** The statement's item id in the scan's instrument. */
  itemId: string;
  kind: VoteOptionKind;
}

/** How the votes were gathered: sealed ballots from the phones through the relay, or a show of hands typed in by the director. */
export type VoteMethod = 'phones' | 'hands';

/** Votes a person may spread over the options (dot-voting); the director sets it per vote. */
export const VOTES_PER_PERSON = { min: 1, max: 10, default: 3 } as const;

/** A vote of the room on one scan, as counts: who voted what is never kept. */
export interface VoteRecord {
  /** UUID */
  id: string;
  scanId: string;
  method: VoteMethod;
  /** Votes each person could spread over the options. */
  votesPerPerson: number;
  /** The ballot, in the order shown. */
  options: VoteOption[];
  /** itemId → votes it received; every option has an entry (0 when none). */
  counts: Record<string, number>;
  /** Phones whose ballot counted (method 'phones'); null for a show of hands. */
  ballots: number | null;
  /** ISO timestamps. */
  openedAt: string;
  /** null while the vote is still open. */
  closedAt: string | null;
}

/** What became of an agreement, judged in a later round: the director sets it. */
export type FollowUpStatus = 'done' | 'underway' | 'dropped';
export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['done', 'underway', 'dropped'];

export interface FollowUp {
  status: FollowUpStatus;
  /** A short note: what happened (may be empty). */
  note: string;
  /** The round (scan id) in which it was judged. */
  judgedInScanId: string;
  /** ISO timestamp */
  updatedAt: string;
}

/** What the room agreed on one point: what will change, who takes it up, by when, and the vote it got. */
export interface Agreement {
  /** UUID */
  id: string;
  /** The scan (round) in whose workshop it was agreed. */
  scanId: string;
  /** The statement it came from; null for an agreement not tied to one statement. */
  itemId: string | null;
  /** What will change. */
  what: string;
  /** Organisation ids of the scan that take it up (at least one). */
  partnerIds: string[];
  /** ISO date yyyy-mm-dd, or null when no date was set. */
  due: string | null;
  /** Votes its statement got, or null when it was not voted on. */
  votes: number | null;
  /** The vote those votes come from, or null. */
  voteId: string | null;
  /** ISO timestamps; updatedAt decides which of two copies an import keeps. */
  createdAt: string;
  updatedAt: string;
  /** Set in a later round; null until then. */
  followUp: FollowUp | null;
}

/** Bounds of what a director types (also the exchange format's limits). */
export const AGREEMENT_LIMITS = {
  what: 500,
  note: 500,
  partners: 50,
  /** Agreements and votes per scan. */
  perScan: 100,
} as const;

/** A vote on the phones as the presenter sees it: the tally so far, never who gave which vote. */
export interface PhoneVoteTally {
  /** itemId → votes so far, from the newest ballot of every phone. */
  counts: Record<string, number>;
  /** Phones whose ballot counts. */
  ballots: number;
}

/**
 * 'unavailable': no live session runs (the room votes by show of hands); 'ready': a session runs
 * and no vote is open; 'open': ballots are taken; 'closed': the last vote closed, late ballots
 * are refused; 'failed': opening or closing did not reach the relay (problem says why).
 */
export type PhoneVoteStatus = 'unavailable' | 'ready' | 'open' | 'closed' | 'failed';

/**
 * What the presenter's vote slide needs from a vote held on the phones. Implemented by the live
 * feature (src/features/live), drawn by the agreements feature; the two meet in the presenter.
 */
export interface PhoneVoteControl {
  status: PhoneVoteStatus;
  /** Of the open vote, or of the one that closed last. */
  tally: PhoneVoteTally;
  /** Why the last action failed, in the user's language; null when none did. */
  problem: string | null;
  /** Ballots of this vote the director's device refused (wrong vote, unknown option, too many votes): never counted, never repaired. */
  refused: number;
  /** Opens a vote on every joined phone; the id is the VoteRecord's id. */
  open(vote: { id: string; options: VoteOption[]; votesPerPerson: number }): Promise<void>;
  /** Closes the open vote: from then on a ballot is refused (by the relay and by the director's device); resolves to the final tally. */
  close(): Promise<PhoneVoteTally>;
}
