import type { ChangeFigure, RoundComparison } from '../rounds/compareRounds';
import type { Item, Organisation } from '../types';
import type { Agreement, FollowUp } from './types';

// A later round follows up the agreements of the round before it (docs/agreements.md,
// "Follow-up in the next round"): each agreement beside the change on the statement it came from,
// the very figure of the rounds comparison (the chain's change and its test, docs/instrument-and-
// rounds.md), so the rounds page, the presenter and the report judge it by one evidence rule.

/**
 * Where the agreement's statement stands in the comparison:
 * - `compared`: the statement is in both rounds; `figure` is the chain's change, `index` its place
 *   in `RoundComparison.statements` (the rounds page numbers its rows by that place);
 * - `onlyEarlier`: the statement was struck, or reworded with a new meaning (it got a new number),
 *   so no change is shown: a different question is not a change (docs/instrument-and-rounds.md);
 * - `missing`: the earlier round's questionnaire has no such statement (a damaged or foreign
 *   agreement); it is still listed, never dropped.
 */
export type FollowUpChange =
  | { kind: 'compared'; index: number; item: Item; figure: ChangeFigure }
  | { kind: 'onlyEarlier'; item: Item }
  | { kind: 'missing'; itemId: string };

export interface AgreementFollowUp {
  agreement: Agreement;
  /** The partners that took it up, by name (the later round's name of a renamed partner; the id when neither round knows it). */
  partnerNames: string[];
  /** null for an agreement without a statement. */
  change: FollowUpChange | null;
  /** What became of it, as the director set it; null until judged. */
  followUp: FollowUp | null;
  /** True when the follow-up was set in this later round (not in another one). */
  judgedHere: boolean;
}

export interface RoundFollowUp {
  earlierScanId: string;
  laterScanId: string;
  /** Agreements on a statement, in the statement's order (compared ones by their place, then the others), then by creation. */
  withStatement: AgreementFollowUp[];
  /** Agreements not tied to one statement, oldest first. */
  withoutStatement: AgreementFollowUp[];
}

export interface FollowUpInput {
  earlier: { id: string; instrument: { items: readonly Item[] }; organisations: readonly Organisation[] };
  later: { id: string; organisations: readonly Organisation[] };
  /** The earlier round's agreements (other scans' agreements are left out). */
  agreements: readonly Agreement[];
  /** compareRounds(earlier, later): the rounds page's own comparison. */
  comparison: Pick<RoundComparison, 'statements' | 'onlyEarlier'>;
}

const byCreated = (a: Agreement, b: Agreement) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Each agreement of the earlier round with the change on its statement and its follow-up. */
export function followUpAgreements({ earlier, later, agreements, comparison }: FollowUpInput): RoundFollowUp {
  const laterNames = new Map(later.organisations.map((o) => [o.id, o.name]));
  const earlierNames = new Map(earlier.organisations.map((o) => [o.id, o.name]));
  const earlierItems = new Map(earlier.instrument.items.map((item, position) => [item.id, { item, position }]));
  const changeOf = (itemId: string): FollowUpChange => {
    const index = comparison.statements.findIndex((s) => s.itemId === itemId);
    const statement = comparison.statements[index];
    if (statement) return { kind: 'compared', index, item: statement.later, figure: statement.chain };
    const only = comparison.onlyEarlier.find((item) => item.id === itemId) ?? earlierItems.get(itemId)?.item;
    return only ? { kind: 'onlyEarlier', item: only } : { kind: 'missing', itemId };
  };
  const entry = (agreement: Agreement): AgreementFollowUp => ({
    agreement,
    partnerNames: agreement.partnerIds.map((id) => laterNames.get(id) ?? earlierNames.get(id) ?? id),
    change: agreement.itemId === null ? null : changeOf(agreement.itemId),
    followUp: agreement.followUp,
    judgedHere: agreement.followUp?.judgedInScanId === later.id,
  });
  // Compared statements by their row on the page; the others after them, in the earlier questionnaire's order.
  const rank = (e: AgreementFollowUp): number => {
    const change = e.change!;
    if (change.kind === 'compared') return change.index;
    const position = earlierItems.get(change.kind === 'missing' ? change.itemId : change.item.id)?.position ?? earlier.instrument.items.length;
    return comparison.statements.length + position;
  };
  const own = agreements.filter((a) => a.scanId === earlier.id).sort(byCreated);
  const withStatement = own
    .filter((a) => a.itemId !== null)
    .map(entry)
    .map((e, order) => ({ e, order }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.order - b.order)
    .map(({ e }) => e);
  return {
    earlierScanId: earlier.id,
    laterScanId: later.id,
    withStatement,
    withoutStatement: own.filter((a) => a.itemId === null).map(entry),
  };
}

/** The follow-up the director sets in a later round: the status and note, stamped with that round and the time. */
export function judgeFollowUp(status: FollowUp['status'], note: string, laterScanId: string, now: Date): FollowUp {
  return { status, note, judgedInScanId: laterScanId, updatedAt: now.toISOString() };
}
