import { analyseScanProtected, type ScoreCounts, type StatementAnalysis } from '../analysis';
import type { Item } from '../types';
import { compareRounds, type ChangeFigure, type RoundComparison, type RoundInput } from './compareRounds';

// The trend of a series of any number of rounds (docs/instrument-and-rounds.md, "All rounds: the
// trend"). It is built from the two-round comparison of every consecutive pair (compareRounds), so
// a step between two rounds carries exactly the figure, the test and the verdict ("kan toeval
// zijn", "waarschijnlijk geen toeval", "onveranderd") the comparison of that pair gives, and a
// partner is on a line only where that comparison compares it (the same membership, shown on its
// own in both rounds). A statement is matched by its id; where it is absent from a round (struck,
// not yet added, or replaced by a statement with a new meaning, which has another id) its line
// breaks, never bridged. The anonymity guard holds per round, as in each round's own results.

/** One round's figure on a line: the mean with its n, or withheld (too few scores). */
export interface TrendPoint {
  /** Null when nobody in a group answered, or when withheld. */
  mean: number | null;
  /** Valid answers (1–5) counted in the mean. */
  n: number;
  /** Fewer scores than the minimum group size in this round: no figure (docs/analysis.md, "Too few scores"). */
  tooFew?: true;
}

/** A line over the rounds: one point per round (null where the line has no point), one step per consecutive pair. */
export interface TrendLine {
  /** Index = round position in the series; null where the statement or the group is not in that round. */
  points: (TrendPoint | null)[];
  /** Index i = the change from round i to round i + 1, as compareRounds gives it; null where the line breaks. */
  steps: (ChangeFigure | null)[];
}

export interface TrendPartner {
  /** The organisation id, or POOLED_GROUP_ID for the pooled "other partners". */
  id: string;
  /** Its name in the last round it is compared in; null for the pooled group. */
  name: string | null;
}

export interface StatementTrend {
  itemId: string;
  /** The statement as the last round that has it words it. */
  item: Item;
  /** Per round: the statement as worded there, or null where it is absent. */
  items: (Item | null)[];
  chain: TrendLine;
  /** One per partner of SeriesTrend.partners, in that order. */
  partners: TrendLine[];
}

export interface SeriesTrend {
  /** How many rounds the series has. */
  roundCount: number;
  /** Every statement of any round: in the order of the last round that has it, statements of later rounds first. */
  statements: StatementTrend[];
  /** Every partner compared in at least one consecutive pair, in order of first appearance. */
  partners: TrendPartner[];
  /** The comparison of each consecutive pair (index i: round i → round i + 1), for what they list (partners not compared). */
  comparisons: RoundComparison[];
  /** Counted respondents per round. */
  respondents: number[];
}

const countOf = (counts: ScoreCounts): number => counts.reduce((s, v) => s + v, 0);

/** The chain's figure in one round, by the rule compareRounds uses: the mean of the shown groups' means, n over the groups' scores. */
function chainPoint(statement: StatementAnalysis): TrendPoint {
  return { mean: statement.chainMean, n: statement.cells.reduce((s, cell) => s + countOf(cell.counts), 0) };
}

/** The trend per statement, for the chain and per partner, over rounds given in series order (at least two). */
export function seriesTrend(rounds: readonly RoundInput[]): SeriesTrend {
  if (rounds.length < 2) throw new RangeError('seriesTrend needs at least two rounds');
  const count = rounds.length;
  const analyses = rounds.map(({ scan, responses = [], tallyRecord }) =>
    analyseScanProtected({ instrument: scan.instrument, organisations: scan.organisations, responses, settings: scan.settings, ...(tallyRecord ? { tallyRecord } : {}) }),
  );
  const comparisons = rounds.slice(1).map((later, i) => compareRounds(rounds[i]!, later));

  // Partners: every group compared in some pair, first appearance first; the name of the last pair.
  const partners: TrendPartner[] = [];
  for (const comparison of comparisons) {
    for (const group of comparison.groups) {
      const known = partners.find((p) => p.id === group.id);
      if (known) known.name = group.name;
      else partners.push({ id: group.id, name: group.name });
    }
  }

  // Statements: the last round's order, then those of earlier rounds that are gone, from the latest round back.
  const order: string[] = [];
  for (let r = count - 1; r >= 0; r--) for (const item of rounds[r]!.scan.instrument.items) if (!order.includes(item.id)) order.push(item.id);

  const statements = order.map((itemId): StatementTrend => {
    const items = rounds.map((round) => round.scan.instrument.items.find((item) => item.id === itemId) ?? null);
    const chainPoints = analyses.map((analysis, r) => {
      const statement = items[r] ? analysis.statements.find((s) => s.itemId === itemId) : undefined;
      return statement ? chainPoint(statement) : null;
    });
    const changes = comparisons.map((comparison) => comparison.statements.find((s) => s.itemId === itemId) ?? null);
    const partnerLines = partners.map((partner): TrendLine => {
      const points: (TrendPoint | null)[] = Array.from({ length: count }, () => null);
      const steps = changes.map((change, i) => {
        const index = comparisons[i]!.groups.findIndex((g) => g.id === partner.id);
        const figure = change && index >= 0 ? change.groups[index]! : null;
        if (figure) {
          points[i] = pointOf(figure.earlierMean, figure.earlierN, figure.earlierTooFew);
          points[i + 1] = pointOf(figure.laterMean, figure.laterN, figure.laterTooFew);
        }
        return figure;
      });
      return { points, steps };
    });
    return {
      itemId,
      item: [...items].reverse().find((item) => item !== null)!,
      items,
      chain: { points: chainPoints, steps: changes.map((change) => change?.chain ?? null) },
      partners: partnerLines,
    };
  });

  return { roundCount: count, statements, partners, comparisons, respondents: analyses.map((a) => a.totals.countedResponses) };
}

function pointOf(mean: number | null, n: number, tooFew: true | undefined): TrendPoint {
  return tooFew ? { mean: null, n: 0, tooFew: true } : { mean, n };
}
