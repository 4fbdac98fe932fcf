import type { Agreement, VoteRecord } from '../../domain/agreements/types';
import type { LocalizedText, Scan } from '../../domain/types';

// Small pure helpers the agreements feature's screens share (docs/agreements.md).

/** The statement's number in the scan's instrument (1-based) and its text; null when the instrument no longer has it. */
export function statementOf(scan: Scan, itemId: string): { number: number; text: LocalizedText } | null {
  const index = scan.instrument.items.findIndex((item) => item.id === itemId);
  const item = scan.instrument.items[index];
  return item ? { number: index + 1, text: item.text } : null;
}

/** The vote an agreement form and the end slide read: the newest one (by when it opened). */
export function latestVote(votes: readonly VoteRecord[]): VoteRecord | null {
  return votes.reduce<VoteRecord | null>((latest, vote) => (latest === null || vote.openedAt >= latest.openedAt ? vote : latest), null);
}

/** The partners' names in the scan's order; an id the scan no longer knows is shown as itself. */
export function partnerNames(scan: Scan, agreement: Pick<Agreement, 'partnerIds'>): string[] {
  const known = scan.organisations.filter((o) => agreement.partnerIds.includes(o.id)).map((o) => o.name);
  const unknown = agreement.partnerIds.filter((id) => !scan.organisations.some((o) => o.id === id));
  return [...known, ...unknown];
}
