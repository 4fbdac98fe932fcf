import { mannWhitney } from '../analysis/mannWhitney';
import { isScore } from '../answers';
import type { Item, Level, Response, Scan } from '../types';
import { CHANGE_EVIDENCE_P, type ChangeFigure } from './compareRounds';

// Two groups of one scan side by side (docs/instrument-and-rounds.md, "Comparing two groups"):
// two levels (e.g. execution against management), or one partner against the rest of the chain.
// The anonymity guard holds for the comparison as a whole: each side has at least minGroupSize
// people; within every organisation the people on each side and those left out number zero or
// at least minGroupSize (an organisation that fails is left out of both sides, as a filter
// leaves it out); and all people left out together number zero or at least minGroupSize, so
// subtracting the two sides from the scan's own figures never isolates fewer than the minimum.

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

export function compareGroupsInScan(scan: Pick<Scan, 'instrument' | 'organisations' | 'settings'>, responses: readonly Response[], mode: ComparisonMode): GroupComparison {
  if (mode.kind === 'levels' && mode.a === mode.b) return { ok: false, reason: 'same-level' };
  const min = scan.settings.minGroupSize;
  const known = new Set(scan.organisations.map((o) => o.id));
  const submitted = responses.filter((r) => r.status === 'submitted' && known.has(r.organisationId));
  const sideOf = (r: Response): Side => {
    if (mode.kind === 'organisation') return r.organisationId === mode.organisationId ? 'a' : 'b';
    return r.level === mode.a ? 'a' : r.level === mode.b ? 'b' : 'out';
  };
  const fits = (n: number) => n === 0 || n >= min;

  // Per organisation: every part 0 or ≥ min, else the organisation is left out of both sides.
  const parts = new Map<string, Record<Side, number>>();
  for (const r of submitted) {
    const entry = parts.get(r.organisationId) ?? { a: 0, b: 0, out: 0 };
    entry[sideOf(r)]++;
    parts.set(r.organisationId, entry);
  }
  const excluded = [...parts].filter(([, p]) => !(fits(p.a) && fits(p.b) && fits(p.out))).map(([id]) => id);
  const isExcluded = new Set(excluded);
  const sideA = submitted.filter((r) => !isExcluded.has(r.organisationId) && sideOf(r) === 'a');
  const sideB = submitted.filter((r) => !isExcluded.has(r.organisationId) && sideOf(r) === 'b');
  if (sideA.length < min || sideB.length < min) return { ok: false, reason: 'side-too-small' };
  if (!fits(submitted.length - sideA.length - sideB.length)) return { ok: false, reason: 'left-out-too-small' };

  const countsOf = (side: readonly Response[], itemId: string): [number, number, number, number, number] => {
    const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    for (const r of side) {
      const answer = r.answers[itemId];
      if (isScore(answer)) counts[answer - 1] = counts[answer - 1]! + 1;
    }
    return counts;
  };
  const meanOf = (counts: readonly number[]) => {
    const n = counts.reduce((s, v) => s + v, 0);
    return n === 0 ? null : counts.reduce((s, v, i) => s + v * (i + 1), 0) / n;
  };

  const statements = scan.instrument.items.map((item) => {
    const a = countsOf(sideA, item.id);
    const b = countsOf(sideB, item.id);
    const p = mannWhitney(a, b)?.p ?? null;
    const earlierMean = meanOf(a);
    const laterMean = meanOf(b);
    const figure: ChangeFigure = {
      earlierMean,
      laterMean,
      change: earlierMean !== null && laterMean !== null ? laterMean - earlierMean : null,
      earlierN: a.reduce((s, v) => s + v, 0),
      laterN: b.reduce((s, v) => s + v, 0),
      p,
      isUncertain: p === null || !(p < CHANGE_EVIDENCE_P),
    };
    return { itemId: item.id, item, figure };
  });
  return { ok: true, respondentsA: sideA.length, respondentsB: sideB.length, excludedOrganisationIds: excluded, statements };
}
