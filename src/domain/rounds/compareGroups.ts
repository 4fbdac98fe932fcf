import type { ScoreCounts } from '../analysis/types';
import { countIntoTally, parseTallyKey, type TallyRecord } from '../tallyRecord';
import type { Item, Level, Response, Scan } from '../types';
import { figure, type ChangeFigure } from './compareRounds';

// Two groups of one scan side by side (docs/instrument-and-rounds.md, "Comparing two groups"):
// two levels (e.g. execution against management), or one partner against the rest of the chain.
// The anonymity guard holds for the comparison as a whole: each side has at least minGroupSize
// people; within every organisation the people on each side and those left out number zero or
// at least minGroupSize (an organisation that fails is left out of both sides, as a filter
// leaves it out); and all people left out together number zero or at least minGroupSize, so
// subtracting the two sides from the scan's own figures never isolates fewer than the minimum.
// Everything here is a count per organisation × level × statement × score, so it is read from the
// scan's stored tally (docs/scale.md); the Mann–Whitney test needs only the counts per score.

export type ComparisonMode = { kind: 'levels'; a: Level; b: Level } | { kind: 'organisation'; organisationId: string };

export type GroupComparison =
  | {
      ok: true;
      /** People on each side. */
      respondentsA: number;
      respondentsB: number;
      /** Organisations left out of both sides by the guard. */
      excludedOrganisationIds: string[];
      /** Per statement: side A as "earlier", side B as "later"; change = B − A. */
      statements: { itemId: string; item: Item; figure: ChangeFigure }[];
    }
  | { ok: false; reason: 'side-too-small' | 'left-out-too-small' | 'same-level' };

type Side = 'a' | 'b' | 'out';

/** Submitted people and their answers 1…5 per statement, of one organisation at one level. */
interface Cell {
  organisationId: string;
  level: Level | null;
  n: number;
  counts: Map<string, [number, number, number, number, number]>;
}

/** The cells of a stored tally (tallyRecord.ts): its counts per organisation × level are all a comparison needs. */
function cellsOf(record: TallyRecord, known: ReadonlySet<string>): Cell[] {
  const cells = new Map<string, Cell>();
  for (const key in record.counts) {
    const value = record.counts[key]!;
    const parsed = parseTallyKey(key);
    if (parsed === null || !known.has(parsed.organisationId) || value <= 0) continue;
    const { organisationId, level } = parsed;
    const cellKey = JSON.stringify([organisationId, level]);
    let cell = cells.get(cellKey);
    if (!cell) {
      cell = { organisationId, level: level as Level | null, n: 0, counts: new Map() };
      cells.set(cellKey, cell);
    }
    if (parsed.field === 'n') cell.n += value;
    else if (parsed.field === 'a') {
      const { item, slot } = parsed;
      // Scores only (slots 0…4): "don't know" and invalid values are no answer on the scale.
      if (!(slot >= 0 && slot <= 4)) continue;
      const counts = cell.counts.get(item) ?? [0, 0, 0, 0, 0];
      counts[slot] = counts[slot]! + value;
      cell.counts.set(item, counts);
    }
  }
  return [...cells.values()];
}

/** The stored tally the responses would have: the one way of counting (tallyRecord.ts). */
function recordOf(responses: readonly Response[]): TallyRecord {
  const counts: Record<string, number> = {};
  for (const response of responses) countIntoTally(counts, response, 1);
  return { scanId: '', counts };
}

/**
 * The comparison, from the scan's stored tally (docs/scale.md) or from its responses (counted
 * into a tally first, so both give the same result by construction).
 */
export function compareGroupsInScan(
  scan: Pick<Scan, 'instrument' | 'organisations' | 'settings'>,
  source: readonly Response[] | TallyRecord,
  mode: ComparisonMode,
): GroupComparison {
  if (mode.kind === 'levels' && mode.a === mode.b) return { ok: false, reason: 'same-level' };
  const min = scan.settings.minGroupSize;
  const known = new Set(scan.organisations.map((o) => o.id));
  const cells = cellsOf(isTallyRecord(source) ? source : recordOf(source), known);
  const sideOf = (cell: Cell): Side => {
    if (mode.kind === 'organisation') return cell.organisationId === mode.organisationId ? 'a' : 'b';
    return cell.level === mode.a ? 'a' : cell.level === mode.b ? 'b' : 'out';
  };
  const fits = (n: number) => n === 0 || n >= min;

  // Per organisation: every part 0 or ≥ min, else the organisation is left out of both sides.
  const parts = new Map<string, Record<Side, number>>();
  for (const cell of cells) {
    const entry = parts.get(cell.organisationId) ?? { a: 0, b: 0, out: 0 };
    entry[sideOf(cell)] += cell.n;
    parts.set(cell.organisationId, entry);
  }
  // In the order the organisations first appear among the scan's organisations.
  const excluded = scan.organisations.map((o) => o.id).filter((id) => {
    const p = parts.get(id);
    return p !== undefined && !(fits(p.a) && fits(p.b) && fits(p.out));
  });
  const isExcluded = new Set(excluded);
  const sideA = cells.filter((c) => !isExcluded.has(c.organisationId) && sideOf(c) === 'a');
  const sideB = cells.filter((c) => !isExcluded.has(c.organisationId) && sideOf(c) === 'b');
  const people = (side: readonly Cell[]) => side.reduce((s, c) => s + c.n, 0);
  const submitted = people(cells);
  const [respondentsA, respondentsB] = [people(sideA), people(sideB)];
  if (respondentsA < min || respondentsB < min) return { ok: false, reason: 'side-too-small' };
  if (!fits(submitted - respondentsA - respondentsB)) return { ok: false, reason: 'left-out-too-small' };

  const countsOf = (side: readonly Cell[], itemId: string): ScoreCounts => {
    const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    for (const cell of side) {
      const c = cell.counts.get(itemId);
      if (c) for (let i = 0; i < 5; i++) counts[i] = counts[i]! + c[i]!;
    }
    return counts;
  };
  const meanOf = (counts: readonly number[]) => {
    const n = counts.reduce((s, v) => s + v, 0);
    return n === 0 ? null : counts.reduce((s, v, i) => s + v * (i + 1), 0) / n;
  };

  // A side with fewer scores than the minimum on a statement shows no figure there and takes no
  // part in its test, as a group's cell in the results views (docs/analysis.md, "Too few scores").
  const tooFew = (counts: ScoreCounts) => {
    const n = counts.reduce((s, v) => s + v, 0);
    return n > 0 && n < min;
  };
  const ZERO: ScoreCounts = [0, 0, 0, 0, 0];
  const statements = scan.instrument.items.map((item) => {
    const a = countsOf(sideA, item.id);
    const b = countsOf(sideB, item.id);
    const [withheldA, withheldB] = [tooFew(a), tooFew(b)];
    const [shownA, shownB] = [withheldA ? ZERO : a, withheldB ? ZERO : b];
    return { itemId: item.id, item, figure: figure(meanOf(shownA), meanOf(shownB), shownA, shownB, { earlier: withheldA, later: withheldB }) };
  });
  return { ok: true, respondentsA, respondentsB, excludedOrganisationIds: excluded, statements };
}

function isTallyRecord(source: readonly Response[] | TallyRecord): source is TallyRecord {
  return !Array.isArray(source);
}
