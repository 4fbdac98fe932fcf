// The chain director's list of conditions to work on: thermostat statements ranked by how low
// the chain scores them and how far the partners are apart (docs/analysis.md, "Knobs to turn first").

import { EPSILON } from './statistics';
import type { Knob, StatementAnalysis } from './types';

/**
 * Weights of the priority. Both parts are scaled to 0…1 by the widest range the 1–5 scale
 * allows (4 points): a low chain mean weighs twice as much as the gap, because a condition the
 * whole chain finds lacking needs work even when everyone agrees, while a gap on a condition
 * that scores well is first a conversation.
 */
export const KNOB_WEIGHTS = { lowness: 2 / 3, gap: 1 / 3 } as const;

/** priority = 2/3 · (5 − chain mean)/4 + 1/3 · gap/4, in [0, 1]; null without a chain mean. */
export function knobPriority(chainMean: number | null, gap: number | null): number | null {
  if (chainMean === null) return null;
  return KNOB_WEIGHTS.lowness * ((5 - chainMean) / 4) + KNOB_WEIGHTS.gap * ((gap ?? 0) / 4);
}

/**
 * Thermostat statements, highest priority first; equal priorities by larger gap, then by
 * instrument order. Statements without a chain mean follow in instrument order, unranked.
 */
export function rankKnobs(statements: readonly StatementAnalysis[]): Knob[] {
  const knobs = statements
    .map((statement, position) => ({ statement, position, priority: knobPriority(statement.chainMean, statement.gap) }))
    .filter(({ statement }) => statement.kind === 'thermostat');
  const ranked = knobs.filter((knob) => knob.priority !== null);
  const unranked = knobs.filter((knob) => knob.priority === null);
  ranked.sort((a, b) => {
    const byPriority = (b.priority ?? 0) - (a.priority ?? 0);
    if (Math.abs(byPriority) > EPSILON) return byPriority;
    const byGap = (b.statement.gap ?? 0) - (a.statement.gap ?? 0);
    if (Math.abs(byGap) > EPSILON) return byGap;
    return a.position - b.position;
  });
  return [...ranked, ...unranked].map(({ statement, priority }, index) => ({
    itemId: statement.itemId,
    dimensionId: statement.dimensionId,
    rank: priority === null ? null : index + 1,
    priority,
    chainMean: statement.chainMean,
    gap: statement.gap,
    band: statement.band,
    gapClass: statement.gapClass,
    isDiscussionPoint: statement.isDiscussionPoint,
  }));
}
