import { analyseScanProtected, type GroupInfo, type ScanAnalysis, type ScoreCounts, type StatementAnalysis } from '../analysis';
import { mannWhitney } from '../analysis/mannWhitney';
import type { PMethod } from '../analysis/rankTestP';
import type { TallyRecord } from '../tallyRecord';
import type { Instrument, Item, Response, Scan } from '../types';

// Change between two rounds of one series (docs/instrument-and-rounds.md). Statements are matched
// by id, never by position or text; a statement in one round only is listed, not dropped. Every
// figure comes from each round's protected analysis, so the anonymity guard holds per round: a
// group is compared only when it is a group (shown on its own, or the same pool) in both rounds,
// and the chain figures use group members only. A change is "uncertain" unless the Mann–Whitney
// test on the two rounds' answers gives p < CHANGE_EVIDENCE_P, the standard of a discussion point.
// A round is read from its stored tally (docs/scale.md): the counts per score are all the rank
// test needs (ranks with ties depend only on how many gave each score), and a test holds the
// comparison from tallies equal to the comparison from responses.

export const CHANGE_EVIDENCE_P = 0.1;

export interface StatementMatch {
  /** Statements in both rounds, in the later round's order. */
  matched: { id: string; earlier: Item; later: Item }[];
  onlyEarlier: Item[];
  onlyLater: Item[];
}

/** Matches the statements of two instrument versions by their id. */
export function matchStatements(earlier: Instrument, later: Instrument): StatementMatch {
  const earlierById = new Map(earlier.items.map((item) => [item.id, item]));
  const laterIds = new Set(later.items.map((item) => item.id));
  const matched: StatementMatch['matched'] = [];
  const onlyLater: Item[] = [];
  for (const item of later.items) {
    const before = earlierById.get(item.id);
    if (before) matched.push({ id: item.id, earlier: before, later: item });
    else onlyLater.push(item);
  }
  return { matched, onlyEarlier: earlier.items.filter((item) => !laterIds.has(item.id)), onlyLater };
}

export interface ChangeFigure {
  /** Mean in each round (the chain mean for the chain); null when nobody answered. */
  earlierMean: number | null;
  laterMean: number | null;
  /** later − earlier; null when either mean is missing. */
  change: number | null;
  /** Valid answers (1–5) in each round. */
  earlierN: number;
  laterN: number;
  /** Mann–Whitney p-value of the two rounds' answers; null when a round has none. */
  p: number | null;
  /** How p was found: exact, Monte Carlo or the normal approximation (docs/analysis.md, "Which p-value"); null without p. */
  pMethod: PMethod | null;
  /** Monte Carlo only: the 99 % bound of p's error; null otherwise. */
  pError: number | null;
  /** True unless p < CHANGE_EVIDENCE_P: the change may be chance. */
  isUncertain: boolean;
}

export interface StatementChange {
  itemId: string;
  earlier: Item;
  later: Item;
  chain: ChangeFigure;
  /** One per compared group, in the order of RoundComparison.groups. */
  groups: ChangeFigure[];
}

export interface ComparedGroup {
  id: string;
  /** The organisation's name in the later round; null for the pooled "other partners". */
  name: string | null;
  earlierRespondents: number;
  laterRespondents: number;
}

export interface RoundComparison {
  statements: StatementChange[];
  onlyEarlier: Item[];
  onlyLater: Item[];
  /** Groups shown on their own in both rounds. */
  groups: ComparedGroup[];
  /** Counted respondents per round. */
  earlierRespondents: number;
  laterRespondents: number;
}

/** A round: its scan with its responses, or with its stored tally (the same figures, from counts). */
export interface RoundInput {
  scan: Pick<Scan, 'instrument' | 'organisations' | 'settings'>;
  responses?: readonly Response[];
  tallyRecord?: TallyRecord;
}

const ZERO: ScoreCounts = [0, 0, 0, 0, 0];
function sumCounts(list: readonly ScoreCounts[]): ScoreCounts {
  const at = (i: number) => list.reduce((s, counts) => s + counts[i]!, 0);
  return [at(0), at(1), at(2), at(3), at(4)];
}
const countOf = (counts: ScoreCounts): number => counts.reduce((s, v) => s + v, 0);

function figure(earlierMean: number | null, laterMean: number | null, earlierCounts: ScoreCounts, laterCounts: ScoreCounts): ChangeFigure {
  const test = mannWhitney(earlierCounts, laterCounts);
  const p = test?.p ?? null;
  return {
    earlierMean,
    laterMean,
    change: earlierMean !== null && laterMean !== null ? laterMean - earlierMean : null,
    earlierN: countOf(earlierCounts),
    laterN: countOf(laterCounts),
    p,
    pMethod: test?.method ?? null,
    pError: test?.pError ?? null,
    isUncertain: p === null || !(p < CHANGE_EVIDENCE_P),
  };
}

/** Two groups are the same group when they are the same organisation, or pools of the same organisations. */
function sameGroup(a: GroupInfo, b: GroupInfo): boolean {
  if (a.id !== b.id) return false;
  if (a.source.kind === 'pooled' && b.source.kind === 'pooled') {
    const ids = b.source.organisationIds;
    return a.source.organisationIds.length === ids.length && a.source.organisationIds.every((id) => ids.includes(id));
  }
  return true;
}

/** Chain-level counts of a statement over the groups only (respondents in no group stay out). */
const groupCounts = (statement: StatementAnalysis): ScoreCounts => sumCounts(statement.cells.map((cell) => cell.counts));

/** The change per statement and per group between an earlier and a later round. */
export function compareRounds(earlierRound: RoundInput, laterRound: RoundInput): RoundComparison {
  const analyse = ({ scan, responses = [], tallyRecord }: RoundInput): ScanAnalysis =>
    analyseScanProtected({ instrument: scan.instrument, organisations: scan.organisations, responses, settings: scan.settings, ...(tallyRecord ? { tallyRecord } : {}) });
  const earlier = analyse(earlierRound);
  const later = analyse(laterRound);
  const match = matchStatements(earlierRound.scan.instrument, laterRound.scan.instrument);

  const pairs = later.groups.flatMap((group) => {
    const before = earlier.groups.find((g) => sameGroup(g, group));
    return before ? [{ earlierIndex: earlier.groups.indexOf(before), laterIndex: later.groups.indexOf(group), earlier: before, later: group }] : [];
  });

  const statements: StatementChange[] = match.matched.flatMap(({ id, earlier: earlierItem, later: laterItem }) => {
    const a = earlier.statements.find((s) => s.itemId === id);
    const b = later.statements.find((s) => s.itemId === id);
    if (!a || !b) return [];
    return [
      {
        itemId: id,
        earlier: earlierItem,
        later: laterItem,
        chain: figure(a.chainMean, b.chainMean, groupCounts(a), groupCounts(b)),
        groups: pairs.map(({ earlierIndex, laterIndex }) => {
          const cellA = a.cells[earlierIndex];
          const cellB = b.cells[laterIndex];
          return figure(cellA?.mean ?? null, cellB?.mean ?? null, cellA?.counts ?? ZERO, cellB?.counts ?? ZERO);
        }),
      },
    ];
  });

  return {
    statements,
    onlyEarlier: match.onlyEarlier,
    onlyLater: match.onlyLater,
    groups: pairs.map(({ earlier: a, later: b }) => ({
      id: b.id,
      name: b.source.kind === 'organisation' ? b.source.name : null,
      earlierRespondents: a.respondents,
      laterRespondents: b.respondents,
    })),
    earlierRespondents: earlier.totals.countedResponses,
    laterRespondents: later.totals.countedResponses,
  };
}
