import type { ScanAnalysis } from '../analysis';
import type { VoteOption } from './types';

// What the room can vote on (docs/agreements.md "The ballot"): every statement the analysis marks
// as a discussion point or an uncertain difference, discussion points first, each kind in the
// instrument's order. Both are large gaps between partners; the room decides which to take up.

export function voteOptionsFromAnalysis(analysis: ScanAnalysis): VoteOption[] {
  const points: VoteOption[] = [];
  const uncertain: VoteOption[] = [];
  for (const statement of analysis.statements) {
    if (statement.gapClass === 'discussionPoint') points.push({ itemId: statement.itemId, kind: 'discussionPoint' });
    else if (statement.gapClass === 'uncertainDifference') uncertain.push({ itemId: statement.itemId, kind: 'uncertainDifference' });
  }
  return [...points, ...uncertain];
}

/** Counts with an entry for every option, 0 where none was given; counts for statements not on the ballot are dropped. */
export function completeCounts(options: readonly VoteOption[], counts: Readonly<Record<string, number>>): Record<string, number> {
  const complete: Record<string, number> = {};
  for (const option of options) complete[option.itemId] = counts[option.itemId] ?? 0;
  return complete;
}

/** The options ordered by votes received, most first; ties keep the ballot's order. */
export function rankByVotes(options: readonly VoteOption[], counts: Readonly<Record<string, number>>): VoteOption[] {
  return options
    .map((option, index) => ({ option, index, votes: counts[option.itemId] ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index)
    .map((entry) => entry.option);
}
