import type { Dimension, Instrument, Item, LocalizedText } from '../types';

// What changed between two versions of a questionnaire (docs/instrument-and-rounds.md, "Comparing
// versions"). Statements are matched by id, as rounds are: the same id with another text was
// reworded with the same meaning (the director said so in the editor), a statement whose
// `replaces` chain leads to a statement of the older version got a new meaning and is not
// compared with it; everything else is struck (older only) or added (newer only).

export type StatementStatus = 'unchanged' | 'moved' | 'reworded' | 'new-meaning' | 'struck' | 'added';

export interface StatementDiff {
  status: StatementStatus;
  /** The statement in the older version: for 'new-meaning' the one it replaced; null for 'added'. */
  older: Item | null;
  /** The statement in the newer version; null for 'struck'. */
  newer: Item | null;
  /** 1-based positions in each version; null where the statement is absent. */
  olderPosition: number | null;
  newerPosition: number | null;
  /** Same id, and its place among the statements of both versions changed (also when reworded). */
  moved: boolean;
  /** Same id (or a new meaning), and another dimension / kind. */
  dimensionChanged: boolean;
  kindChanged: boolean;
  /** For 'new-meaning': the ids from the newer statement back to the older one it replaced, both included. */
  replacementChain: string[];
}

export type DimensionStatus = 'unchanged' | 'renamed' | 'added' | 'removed';

export interface DimensionDiff {
  id: string;
  status: DimensionStatus;
  older: Dimension | null;
  newer: Dimension | null;
}

export interface VersionDiff {
  /** Newer order, each struck statement right after the row of the statement it followed in the older version. */
  statements: StatementDiff[];
  /** Newer order, removed dimensions after the one they followed. */
  dimensions: DimensionDiff[];
  counts: Record<StatementStatus, number>;
}

const sameText = (a: LocalizedText, b: LocalizedText): boolean => a.nl.trim() === b.nl.trim() && a.en.trim() === b.en.trim();

/** Two versions of one statement (same id) with another text, in either language: reworded, same meaning. */
export function isReworded(a: Item, b: Item): boolean {
  return !sameText(a.text, b.text);
}

/**
 * Follows `replaces` from `start` back through the statements of `knownVersions` (and the two
 * compared) until it reaches an id of the older version; the chain of ids, or null when it never
 * does (a loop or a missing record ends the walk).
 */
function replacementChain(start: Item, olderIds: ReadonlySet<string>, replacesOf: ReadonlyMap<string, string>): string[] | null {
  const chain = [start.id];
  let next = start.replaces;
  while (next !== undefined && !chain.includes(next)) {
    chain.push(next);
    if (olderIds.has(next)) return chain;
    next = replacesOf.get(next);
  }
  return null;
}

/** Indexes (into `sequence`) of one longest strictly increasing subsequence; the earliest on ties. */
function longestIncreasing(sequence: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(sequence.length).fill(-1);
  for (let i = 0; i < sequence.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sequence[tails[mid]!]! < sequence[i]!) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

/**
 * The difference between two versions of one questionnaire. `knownVersions` (other versions of
 * it, e.g. the library's) supply the `replaces` records of statements that lived only in between,
 * so a new meaning two versions back is still recognised.
 */
export function diffVersions(older: Instrument, newer: Instrument, knownVersions: readonly Instrument[] = []): VersionDiff {
  const olderById = new Map(older.items.map((item, index) => [item.id, { item, index }]));
  const newerIds = new Set(newer.items.map((item) => item.id));
  const olderIds = new Set(olderById.keys());
  const replacesOf = new Map<string, string>();
  for (const version of [...knownVersions, older, newer])
    for (const item of version.items) if (item.replaces !== undefined && !replacesOf.has(item.id)) replacesOf.set(item.id, item.replaces);

  // Moved: statements in both versions that are not on the longest run kept in the same order.
  const common = newer.items.filter((item) => olderIds.has(item.id));
  const inOrder = longestIncreasing(common.map((item) => olderById.get(item.id)!.index));
  const movedIds = new Set(common.filter((_, i) => !inOrder.has(i)).map((item) => item.id));

  const rows: StatementDiff[] = [];
  const replacedIds = new Set<string>();
  newer.items.forEach((item, index) => {
    const same = olderById.get(item.id);
    const base = { newer: item, newerPosition: index + 1, replacementChain: [] as string[] };
    if (same) {
      const moved = movedIds.has(item.id);
      const status: StatementStatus = !sameText(same.item.text, item.text) ? 'reworded' : moved ? 'moved' : 'unchanged';
      rows.push({ ...base, status, older: same.item, olderPosition: same.index + 1, moved, dimensionChanged: same.item.dimension !== item.dimension, kindChanged: same.item.kind !== item.kind });
      return;
    }
    const chain = replacementChain(item, olderIds, replacesOf);
    const replaced = chain ? olderById.get(chain.at(-1)!) : undefined;
    if (chain && replaced) {
      replacedIds.add(replaced.item.id);
      rows.push({ ...base, status: 'new-meaning', older: replaced.item, olderPosition: replaced.index + 1, moved: false, dimensionChanged: replaced.item.dimension !== item.dimension, kindChanged: replaced.item.kind !== item.kind, replacementChain: chain });
      return;
    }
    rows.push({ ...base, status: 'added', older: null, olderPosition: null, moved: false, dimensionChanged: false, kindChanged: false });
  });

  // Struck statements go right after the row holding the older statement they followed.
  older.items.forEach((item, index) => {
    if (newerIds.has(item.id) || replacedIds.has(item.id)) return;
    const struck: StatementDiff = { status: 'struck', older: item, newer: null, olderPosition: index + 1, newerPosition: null, moved: false, dimensionChanged: false, kindChanged: false, replacementChain: [] };
    let at = 0;
    for (let i = index - 1; i >= 0; i--) {
      const predecessor = older.items[i]!.id;
      let row = rows.length - 1;
      while (row >= 0 && rows[row]!.older?.id !== predecessor) row--;
      if (row >= 0) {
        at = row + 1;
        break;
      }
    }
    while (at < rows.length && rows[at]!.status === 'struck' && rows[at]!.olderPosition! < index + 1) at++;
    rows.splice(at, 0, struck);
  });

  const counts: Record<StatementStatus, number> = { unchanged: 0, moved: 0, reworded: 0, 'new-meaning': 0, struck: 0, added: 0 };
  for (const row of rows) counts[row.status]++;

  return { statements: rows, dimensions: diffDimensions(older.dimensions, newer.dimensions), counts };
}

function diffDimensions(older: readonly Dimension[], newer: readonly Dimension[]): DimensionDiff[] {
  const olderById = new Map(older.map((d) => [d.id, d]));
  const newerIds = new Set(newer.map((d) => d.id));
  const rows: DimensionDiff[] = newer.map((d) => {
    const before = olderById.get(d.id);
    if (!before) return { id: d.id, status: 'added', older: null, newer: d };
    return { id: d.id, status: sameText(before.label, d.label) ? 'unchanged' : 'renamed', older: before, newer: d };
  });
  older.forEach((d, index) => {
    if (newerIds.has(d.id)) return;
    const previous = older[index - 1];
    const after = previous ? rows.findIndex((r) => r.id === previous.id) : -1;
    rows.splice(after + 1, 0, { id: d.id, status: 'removed', older: d, newer: null });
  });
  return rows;
}
