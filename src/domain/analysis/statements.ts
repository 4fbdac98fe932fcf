// Per-statement figures, derived from the tally: one cell per group, then the chain-wide
// figures (over every counted respondent) and the group-based ones (chain mean, gap, flag).
// A group with 1…minGroupSize−1 scores on a statement is withheld on it, and its scores count in
// none of the statement's figures (docs/analysis.md, "Too few scores").

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

const NO_COUNTS: ScoreCounts = [0, 0, 0, 0, 0];

/** A group's cell; withheld (tooFewScores) when the group gave 1…minGroupSize−1 scores. */
function analyseCell(tally: Tally, statement: number, group: FormedGroup, minGroupSize: number): { cell: StatementCell; withheld: ScoreCounts } {
  const { counts: scores, dk } = sumSlots(tally, statement, group.memberIndexes);
  const scoreCount = countValid(scores);
  const tooFewScores = scoreCount > 0 && scoreCount < minGroupSize;
  const counts = tooFewScores ? NO_COUNTS : scores;
  const n = tooFewScores ? 0 : scoreCount;
  const cell: StatementCell = {
    groupId: group.id,
    n,
    dk,
    unanswered: group.respondents - scoreCount - dk,
    mean: meanOfCounts(counts),
    sd: sampleSdOfCounts(counts),
    counts,
    isIndicative: n < INDICATIVE_BELOW,
    tooFewScores,
    withheldScores: tooFewScores ? scoreCount : 0,
  };
  return { cell, withheld: tooFewScores ? scores : NO_COUNTS };
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
  settings: { minGroupSize: number; gapThreshold: number },
): StatementAnalysis {
  const { minGroupSize, gapThreshold } = settings;
  const analysed = grouping.groups.map((group) => analyseCell(tally, statement, group, minGroupSize));
  const cells = analysed.map(({ cell }) => cell);
  const allOrganisations = Array.from({ length: tally.organisationCount }, (_, index) => index);
  const all = sumSlots(tally, statement, allOrganisations);
  // The chain-wide figures without the scores of withheld cells: else subtracting the shown group
  // figures from them would give those few scores back.
  const withheld = [0, 0, 0, 0, 0];
  for (const entry of analysed) for (let k = 0; k < 5; k++) withheld[k]! += entry.withheld[k]!;
  const counts: ScoreCounts = [
    all.counts[0] - withheld[0]!,
    all.counts[1] - withheld[1]!,
    all.counts[2] - withheld[2]!,
    all.counts[3] - withheld[3]!,
    all.counts[4] - withheld[4]!,
  ];
  const dk = all.dk;
  const n = countValid(counts);
  const withheldScores = countValid(all.counts) - n;
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
    withheldScores,
    unanswered: tally.countedResponses - n - withheldScores - dk,
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
