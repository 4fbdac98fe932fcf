import { analyseScanProtected, POOLED_GROUP_ID, type GroupInfo, type ScanAnalysis, type ScoreCounts, type StatementAnalysis } from '../analysis';
import { isShownPBelow } from '../analysis/figures';
import { mannWhitney } from '../analysis/mannWhitney';
import type { PMethod } from '../analysis/rankTestP';
import type { TallyRecord } from '../tallyRecord';
import type { Instrument, Item, Organisation, Response, Scan } from '../types';

// Change between two rounds of one series (docs/instrument-and-rounds.md). Statements are matched
// by id, never by position or text; a statement in one round only is listed, not dropped. Every
// figure comes from each round's protected analysis, so the anonymity guard holds per round: a
// group is compared only when it is a group (shown on its own, or the same pool) in both rounds,
// and the chain figures use group members only. A partner is compared only where its membership
// (the original organisations it stands for: itself, what was merged into it, what it was split
// from or into) is the same in both rounds; a renamed partner is the same partner. Every partner
// of either round is either compared or listed in `notCompared` with its reason, so none
// disappears without a notice (docs/instrument-and-rounds.md, "Partners that change"). A change is "uncertain" unless the Mann–Whitney
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
  /**
   * A side whose scores on the statement are fewer than the minimum group size: its figure is
   * withheld (mean null, n 0, no test), as the results views withhold it (docs/analysis.md,
   * "Too few scores").
   */
  earlierTooFew?: true;
  laterTooFew?: true;
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
  /** The name in the earlier round, when the partner was renamed in between (same membership). */
  renamedFrom?: string;
  /** For the pooled group: the names of the partners it pools, the same in both rounds. */
  pooledNames?: string[];
  earlierRespondents: number;
  laterRespondents: number;
}

/**
 * Why a partner is not compared:
 * - `merged`: other partners were merged into it between the rounds (`others`: their names);
 * - `merged-into`: it was merged into another partner (`others`: that partner);
 * - `split`: parts were split off from it (`others`: the parts);
 * - `split-off`: it was split off from another partner (`others`: that partner);
 * - `membership`: the partners it stands for differ otherwise;
 * - `only-earlier` / `only-later`: it is a partner in one of the two rounds only;
 * - `too-few`: the same partner, but not shown on its own in `tooFewIn` (fewer respondents than
 *   the minimum group size there: pooled or left out);
 * - `pool-differs`: the pooled "other partners" (name null) pools other partners in the rounds.
 */
export type NotComparedReason = 'merged' | 'merged-into' | 'split' | 'split-off' | 'membership' | 'only-earlier' | 'only-later' | 'too-few' | 'pool-differs';

export interface NotComparedPartner {
  id: string;
  /** The partner's name (the later round's when it is in both); null for the pooled group. */
  name: string | null;
  reason: NotComparedReason;
  /** Names of the other partners the reason is about (see NotComparedReason). */
  others: string[];
  /** For `too-few`: the rounds in which it was not shown on its own. */
  tooFewIn: ('earlier' | 'later')[];
}

export interface RoundComparison {
  statements: StatementChange[];
  onlyEarlier: Item[];
  onlyLater: Item[];
  /** Groups shown on their own in both rounds, with the same membership. */
  groups: ComparedGroup[];
  /** Every partner (and pool) of either round that is not in `groups`, with the reason. */
  notCompared: NotComparedPartner[];
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

export function figure(
  earlierMean: number | null,
  laterMean: number | null,
  earlierCounts: ScoreCounts,
  laterCounts: ScoreCounts,
  tooFew: { earlier?: boolean; later?: boolean } = {},
): ChangeFigure {
  const test = mannWhitney(earlierCounts, laterCounts);
  const p = test?.p ?? null;
  return {
    ...(tooFew.earlier ? { earlierTooFew: true as const } : {}),
    ...(tooFew.later ? { laterTooFew: true as const } : {}),
    earlierMean,
    laterMean,
    change: earlierMean !== null && laterMean !== null ? laterMean - earlierMean : null,
    earlierN: countOf(earlierCounts),
    laterN: countOf(laterCounts),
    p,
    pMethod: test?.method ?? null,
    pError: test?.pError ?? null,
    // On the shown p (docs/analysis.md, rounding): p = 0.0996 reads 0.100 and is uncertain.
    isUncertain: !isShownPBelow(p, CHANGE_EVIDENCE_P),
  };
}

/**
 * The membership of each organisation of a round, as a key: the original organisations it stands
 * for (itself and what was merged into it), what it was split off from, and which parts were
 * split off from it. Two rounds' organisations with the same id and key are the same partner.
 */
function membershipKeys(organisations: readonly Organisation[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const o of organisations) {
    const members = [...new Set([o.id, ...(o.mergedFrom ?? [])])].sort();
    const parts = organisations.filter((x) => x.splitFrom === o.id).map((x) => x.id).sort();
    keys.set(o.id, JSON.stringify([members, o.splitFrom ?? null, parts]));
  }
  return keys;
}

interface PartnerMatch {
  /** Organisation ids compared on their own, in the later round's order. */
  compared: string[];
  /** True when the pooled groups of both rounds pool the same partners, with the same membership. */
  poolCompared: boolean;
  notCompared: NotComparedPartner[];
}

/** Which partners are the same group in both rounds, and why each of the others is not. */
function matchPartners(earlierOrgs: readonly Organisation[], laterOrgs: readonly Organisation[], earlier: ScanAnalysis, later: ScanAnalysis): PartnerMatch {
  const earlierById = new Map(earlierOrgs.map((o) => [o.id, o]));
  const laterById = new Map(laterOrgs.map((o) => [o.id, o]));
  const earlierKeys = membershipKeys(earlierOrgs);
  const laterKeys = membershipKeys(laterOrgs);
  const nameOf = (id: string) => laterById.get(id)?.name ?? earlierById.get(id)?.name ?? id;
  const ownGroup = (analysis: ScanAnalysis, id: string) => analysis.groups.some((g) => g.source.kind === 'organisation' && g.id === id);
  const poolOf = (analysis: ScanAnalysis) => {
    const pool = analysis.groups.find((g) => g.source.kind === 'pooled');
    return pool && pool.source.kind === 'pooled' ? [...pool.source.organisationIds].sort() : null;
  };
  const samePartner = (id: string) => earlierById.has(id) && laterById.has(id) && earlierKeys.get(id) === laterKeys.get(id);
  const earlierPool = poolOf(earlier);
  const laterPool = poolOf(later);
  const poolCompared = earlierPool !== null && laterPool !== null && earlierPool.join('\u0000') === laterPool.join('\u0000') && laterPool.every(samePartner);

  const compared: string[] = [];
  const notCompared: NotComparedPartner[] = [];
  const notice = (id: string, reason: NotComparedReason, others: string[] = [], tooFewIn: NotComparedPartner['tooFewIn'] = []) =>
    notCompared.push({ id, name: nameOf(id), reason, others, tooFewIn });
  const ids = [...laterOrgs.map((o) => o.id), ...earlierOrgs.map((o) => o.id).filter((id) => !laterById.has(id))];
  for (const id of ids) {
    const before = earlierById.get(id);
    const after = laterById.get(id);
    if (before && after && samePartner(id)) {
      const own = [ownGroup(earlier, id), ownGroup(later, id)];
      if (own[0] && own[1]) compared.push(id);
      else if (!(poolCompared && laterPool!.includes(id))) notice(id, 'too-few', [], own[0] ? ['later'] : own[1] ? ['earlier'] : ['earlier', 'later']);
    } else if (before && after) {
      const merged = (after.mergedFrom ?? []).filter((m) => !(before.mergedFrom ?? []).includes(m));
      const parts = laterOrgs.filter((x) => x.splitFrom === id && !earlierOrgs.some((y) => y.id === x.id && y.splitFrom === id));
      if (merged.length > 0) notice(id, 'merged', merged.map(nameOf));
      else if (parts.length > 0) notice(id, 'split', parts.map((x) => x.name));
      else if (after.splitFrom !== undefined && after.splitFrom !== before.splitFrom) notice(id, 'split-off', [nameOf(after.splitFrom)]);
      else notice(id, 'membership');
    } else if (before) {
      const into = laterOrgs.find((x) => x.mergedFrom?.includes(id));
      const parts = laterOrgs.filter((x) => x.splitFrom === id);
      if (into) notice(id, 'merged-into', [into.name]);
      else if (parts.length > 0) notice(id, 'split', parts.map((x) => x.name));
      else notice(id, 'only-earlier');
    } else if (after) {
      const merged = (after.mergedFrom ?? []).filter((m) => earlierById.has(m));
      if (after.splitFrom !== undefined) notice(id, 'split-off', [nameOf(after.splitFrom)]);
      else if (merged.length > 0) notice(id, 'merged', merged.map(nameOf));
      else notice(id, 'only-later');
    }
  }
  if ((earlierPool !== null || laterPool !== null) && !poolCompared) notCompared.push({ id: POOLED_GROUP_ID, name: null, reason: 'pool-differs', others: [], tooFewIn: [] });
  return { compared, poolCompared, notCompared };
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

  const partners = matchPartners(earlierRound.scan.organisations, laterRound.scan.organisations, earlier, later);
  const isCompared = (group: GroupInfo) => (group.source.kind === 'pooled' ? partners.poolCompared : partners.compared.includes(group.id));
  const pairs = later.groups.flatMap((group) => {
    const before = isCompared(group) ? earlier.groups.find((g) => g.id === group.id) : undefined;
    return before ? [{ earlierIndex: earlier.groups.indexOf(before), laterIndex: later.groups.indexOf(group), earlier: before, later: group }] : [];
  });
  const earlierNames = new Map(earlierRound.scan.organisations.map((o) => [o.id, o.name]));
  const laterNames = new Map(laterRound.scan.organisations.map((o) => [o.id, o.name]));

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
          return figure(cellA?.mean ?? null, cellB?.mean ?? null, cellA?.counts ?? ZERO, cellB?.counts ?? ZERO, { earlier: cellA?.tooFewScores, later: cellB?.tooFewScores });
        }),
      },
    ];
  });

  return {
    statements,
    onlyEarlier: match.onlyEarlier,
    onlyLater: match.onlyLater,
    groups: pairs.map(({ earlier: a, later: b }): ComparedGroup => {
      const before = earlierNames.get(a.id);
      return {
        id: b.id,
        name: b.source.kind === 'organisation' ? b.source.name : null,
        ...(b.source.kind === 'organisation' && before !== undefined && before !== b.source.name ? { renamedFrom: before } : {}),
        ...(b.source.kind === 'pooled' ? { pooledNames: b.source.organisationIds.map((id) => laterNames.get(id) ?? id) } : {}),
        earlierRespondents: a.respondents,
        laterRespondents: b.respondents,
      };
    }),
    notCompared: partners.notCompared,
    earlierRespondents: earlier.totals.countedResponses,
    laterRespondents: later.totals.countedResponses,
  };
}
