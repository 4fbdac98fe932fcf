// Per-statement figures, derived from the tally: one cell per group, then the chain-wide
// figures (over every counted respondent) and the group-based ones (chain mean, gap, flag).

import type { Item } from '../types';
import { INDICATIVE_BELOW, type FormedGroup, type Grouping } from './groups';
import { EPSILON, bandOf, consensusOfCounts, countValid, isAtLeast, meanOfCounts, meanOfPresent, sampleSdOfCounts } from './statistics';
import { DK_SLOT, SLOTS, type Tally } from './tally';
import { classifyGap } from './gapEvidence';
import { shownMean } from './figures';
import { kruskalWallisOfCounts } from './kruskalWallis';
import type { GroupExtreme, ScoreCounts, StatementAnalysis, StatementCell } from './types';

/** Answers 1…5 and don't know of one statement, summed over some organisations. */
function sumSlots(tally: Tally, statement: number, organisationIndexes: Iterable<number>): { counts: ScoreCounts; dk: number } {
  const c = [0, 0, 0, 0, 0, 0];
  const base = statement * tally.organisationCount * SLOTS;
  for (const org of organisationIndexes) {
    const offset = base + org * SLOTS;
    for (let slot = 0; slot < SLOTS; slot++) c[slot]! += tally.counts[offset + slot] ?? 0;
  }
  return { counts: [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!], dk: c[DK_SLOT]! };
}

function analyseCell(tally: Tally, statement: number, group: FormedGroup): StatementCell {
  const { counts, dk } = sumSlots(tally, statement, group.memberIndexes);
  const n = countValid(counts);
  return {
    groupId: group.id,
    n,
    dk,
    unanswered: group.respondents - n - dk,
    mean: meanOfCounts(counts),
    sd: sampleSdOfCounts(counts),
    counts,
    isIndicative: n < INDICATIVE_BELOW,
  };
}

/** Highest (direction 1) or lowest (direction −1) group mean and every group that shares it. */
function findExtreme(cells: readonly StatementCell[], direction: 1 | -1): GroupExtreme | null {
  let best: number | null = null;
  for (const cell of cells) {
    if (cell.mean !== null && (best === null || (cell.mean - best) * direction > 0)) best = cell.mean;
  }
  if (best === null) return null;
  const extreme = best;
  const groupIds = cells.filter((cell) => cell.mean !== null && Math.abs(cell.mean - extreme) <= EPSILON).map((cell) => cell.groupId);
  return { mean: extreme, groupIds };
}

export function analyseStatement(
  tally: Tally,
  statement: number,
  item: Item,
  grouping: Grouping,
  gapThreshold: number,
): StatementAnalysis {
  const groups = grouping.groups;
  const cells = groups.map((group) => analyseCell(tally, statement, group));
  const allOrganisations = Array.from({ length: tally.organisationCount }, (_, index) => index);
  const { counts, dk } = sumSlots(tally, statement, allOrganisations);
  const n = countValid(counts);
  const suppressed = sumSlots(tally, statement, grouping.suppressedIndexes);

  const groupMeans = cells.map((cell) => cell.mean);
  const { value: chainMean, count: participatingGroups } = meanOfPresent(groupMeans);
  const highest = findExtreme(cells, 1);
  const lowest = findExtreme(cells, -1);
  const gap = highest !== null && lowest !== null ? highest.mean - lowest.mean : null;
  // The shown gap (two decimals) meets the threshold: a gap that reads 1.00 is large (docs/analysis.md, rounding).
  const hasLargeGap = gap !== null && participatingGroups >= 2 && isAtLeast(shownMean(gap), gapThreshold);
  const kruskalWallis = kruskalWallisOfCounts(cells.map((cell) => cell.counts));
  const gapClass = classifyGap(hasLargeGap, kruskalWallis);

  return {
    itemId: item.id,
    dimensionId: item.dimension,
    kind: item.kind,
    n,
    dk,
    unanswered: tally.countedResponses - n - dk,
    dkShare: n + dk === 0 ? null : dk / (n + dk),
    counts,
    weightedMean: meanOfCounts(counts),
    consensus: consensusOfCounts(counts),
    hasSuppressedAnswers: countValid(suppressed.counts) + suppressed.dk > 0,
    chainMean,
    band: bandOf(chainMean),
    participatingGroups,
    gap,
    hasLargeGap,
    kruskalWallis,
    gapClass,
    isDiscussionPoint: gapClass === 'discussionPoint',
    highest,
    lowest,
    cells,
  };
}
