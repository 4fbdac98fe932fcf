import { useLiveQuery } from 'dexie-react-hooks';
import { compareRounds, type RoundComparison } from '../../domain/rounds/compareRounds';
import type { Scan } from '../../domain/types';
import { findPreviousRound, loadRound } from '../../storage/seriesRepository';
import { describeErrorDetail } from '../../ui/failures';

/**
 * The change since the previous round, for the presenter and the report (docs/presenter.md,
 * "Rounds on the slides"):
 * - `none`: no previous round (no series, or round 1);
 * - `empty`: one of the two rounds has no submitted scan yet, so there is nothing to compare;
 * - `ready`: the rounds page's own comparison of the previous round and this one, from the
 *   stored tallies, so every figure equals the page's;
 * - `failed`: reading failed; `detail` says how.
 */
export type RoundChangeState =
  | { kind: 'none' }
  | { kind: 'empty'; rounds: { earlier: number; later: number } }
  | { kind: 'ready'; rounds: { earlier: number; later: number }; comparison: RoundComparison; minGroupSize: number; scans: { earlier: Scan; later: Scan } }
  | { kind: 'failed'; detail: string };

export async function loadRoundChange(scanId: string): Promise<RoundChangeState> {
  try {
    const previous = await findPreviousRound(scanId);
    if (!previous) return { kind: 'none' };
    const [earlier, later] = await Promise.all([loadRound(previous.id), loadRound(scanId)]);
    if (!earlier || !later) return { kind: 'none' };
    const rounds = { earlier: earlier.scan.series?.round ?? 0, later: later.scan.series?.round ?? 0 };
    // As the rounds page: no comparison while one side has no answers.
    if (earlier.submitted === 0 || later.submitted === 0) return { kind: 'empty', rounds };
    return {
      kind: 'ready',
      rounds,
      comparison: compareRounds({ scan: earlier.scan, tallyRecord: earlier.tally }, { scan: later.scan, tallyRecord: later.tally }),
      minGroupSize: Math.max(earlier.scan.settings.minGroupSize, later.scan.settings.minGroupSize),
      scans: { earlier: earlier.scan, later: later.scan },
    };
  } catch (error) {
    return { kind: 'failed', detail: describeErrorDetail(error) };
  }
}

/** The change since the previous round, kept current; null while loading. */
export function useRoundChange(scanId: string): RoundChangeState | null {
  return useLiveQuery(() => loadRoundChange(scanId), [scanId], null);
}
