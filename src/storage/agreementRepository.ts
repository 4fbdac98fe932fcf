import { checkStoredAgreement, checkStoredVote } from '../domain/agreements/storedAgreement';
import type { Agreement, FollowUp, VoteRecord } from '../domain/agreements/types';
import { keepReadable } from '../domain/storedRecords';
import { db } from './db';
import { RecordNotFoundError } from './errors';

// The room's votes and agreements, per scan (docs/agreements.md). Director only: the participant's
// route never imports this module. Rows are checked as read; a damaged row is left out and counted.

const byCreated = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** The scan's agreements, oldest first, and how many rows could not be read. */
export async function listAgreements(scanId: string): Promise<{ agreements: Agreement[]; unreadable: number }> {
  const { rows, unreadable } = keepReadable(await db.agreements.where('scanId').equals(scanId).toArray(), checkStoredAgreement);
  return { agreements: rows.sort(byCreated), unreadable };
}

/** Adds or replaces one agreement (by id). The scan must still be on this device. */
export async function saveAgreement(agreement: Agreement): Promise<void> {
  await db.transaction('rw', db.scans, db.agreements, async () => {
    if ((await db.scans.get(agreement.scanId)) === undefined) throw new RecordNotFoundError('scan', agreement.scanId);
    await db.agreements.put(structuredClone(agreement));
  });
}

export async function deleteAgreement(id: string): Promise<void> {
  await db.agreements.delete(id);
}

/** Sets or clears what became of an agreement, judged in a later round. */
export async function setFollowUp(id: string, followUp: FollowUp | null, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', db.agreements, async () => {
    const row = await db.agreements.get(id);
    if (row === undefined) throw new RecordNotFoundError('agreement', id);
    await db.agreements.put({ ...row, followUp: followUp && structuredClone(followUp), updatedAt: now.toISOString() });
  });
}

/** The scan's votes, oldest first, and how many rows could not be read. */
export async function listVotes(scanId: string): Promise<{ votes: VoteRecord[]; unreadable: number }> {
  const { rows, unreadable } = keepReadable(await db.votes.where('scanId').equals(scanId).toArray(), checkStoredVote);
  return { votes: rows.sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id)), unreadable };
}

/** Adds or replaces one vote (by id): an open vote is saved again as its tally grows and when it closes. */
export async function saveVote(vote: VoteRecord): Promise<void> {
  await db.transaction('rw', db.scans, db.votes, async () => {
    if ((await db.scans.get(vote.scanId)) === undefined) throw new RecordNotFoundError('scan', vote.scanId);
    await db.votes.put(structuredClone(vote));
  });
}

export async function deleteVote(id: string): Promise<void> {
  await db.votes.delete(id);
}
