// One classification of the statements with a large gap, used by the results page, the slides
// and the report alike (docs/analysis.md, "Discussion point, or a large gap that could be
// chance"; the words for it: "Words: one per meaning").

import { isShownPBelow } from './figures';
import type { KruskalWallisResult } from './kruskalWallis';
import type { StatementAnalysis } from './types';

/** A large gap becomes a discussion point when the Kruskal–Wallis p-value is below this. */
export const EVIDENCE_P_BELOW = 0.1;

/**
 * - `discussionPoint`: gap ≥ threshold between at least two groups, and p < 0.10;
 * - `uncertainDifference`: the same gap, but p ≥ 0.10: chance alone makes such a gap common;
 * p as it is shown (three decimals, figures.ts): 0.0994 reads 0.099 and is a discussion point,
 * 0.0996 reads 0.100 and is not, so the flag never contradicts the number beside it.
 * - `none`: no gap of the threshold's size.
 */
export type GapClass = 'discussionPoint' | 'uncertainDifference' | 'none';

export function classifyGap(hasLargeGap: boolean, test: KruskalWallisResult | null): GapClass {
  if (!hasLargeGap) return 'none';
  return test !== null && isShownPBelow(test.p, EVIDENCE_P_BELOW) ? 'discussionPoint' : 'uncertainDifference';
}

/** Strongest evidence first (smallest p), then the larger gap, then instrument order. */
export function compareByEvidence(a: StatementAnalysis, b: StatementAnalysis): number {
  const pa = a.kruskalWallis?.p ?? 1;
  const pb = b.kruskalWallis?.p ?? 1;
  if (pa !== pb) return pa - pb;
  return (b.gap ?? 0) - (a.gap ?? 0);
}

/** The discussion points and the uncertain differences, each ordered by evidence, then gap. */
export function listGapStatements(statements: readonly StatementAnalysis[]): {
  discussionPoints: StatementAnalysis[];
  uncertainDifferences: StatementAnalysis[];
} {
  // Array.prototype.sort is stable, so equal p and gap keep instrument order.
  return {
    discussionPoints: statements.filter((s) => s.gapClass === 'discussionPoint').sort(compareByEvidence),
    uncertainDifferences: statements.filter((s) => s.gapClass === 'uncertainDifference').sort(compareByEvidence),
  };
}

/**
 * The statements in the order of the presenter's gap slides (docs/presenter.md): the discussion
 * points, then the large gaps that could be chance, each by evidence; the other statements after
 * them, largest gap first. Slides are cut from this list and each slide keeps its order.
 */
export function orderByEvidence(statements: readonly StatementAnalysis[]): StatementAnalysis[] {
  const { discussionPoints, uncertainDifferences } = listGapStatements(statements);
  const rest = statements.filter((s) => s.gapClass === 'none').sort((a, b) => (b.gap ?? -1) - (a.gap ?? -1));
  return [...discussionPoints, ...uncertainDifferences, ...rest];
}
