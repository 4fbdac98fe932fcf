import { useLiveQuery } from 'dexie-react-hooks';
import { followUpAgreements, type RoundFollowUp } from '../../domain/agreements/followUp';
import { compareRounds } from '../../domain/rounds/compareRounds';
import { listAgreements } from '../../storage/agreementRepository';
import { findPreviousRound, loadRound } from '../../storage/seriesRepository';
import { describeErrorDetail } from '../../ui/failures';
import type { FollowUpRounds } from './FollowUpFacts';

/**
 * What a round follows up, for its presenter and report:
 * - `none`: it has no previous round (no series, or round 1);
 * - `ready`: the previous round's agreements beside the change since then (possibly none);
 * - `failed`: reading them failed; `detail` says how (the page shows it in place).
 */
export type RoundFollowUpState =
  | { kind: 'none' }
  | { kind: 'ready'; rounds: FollowUpRounds; result: RoundFollowUp; unreadable: number }
  | { kind: 'failed'; detail: string };

async function loadFollowUp(scanId: string): Promise<RoundFollowUpState> {
  try {
    const previous = await findPreviousRound(scanId);
    if (!previous) return { kind: 'none' };
    const [earlier, later, stored] = await Promise.all([loadRound(previous.id), loadRound(scanId), listAgreements(previous.id)]);
    if (!earlier || !later) return { kind: 'none' };
    // The rounds page's own comparison (from the stored tallies), so every figure is the page's.
    const comparison = compareRounds({ scan: earlier.scan, tallyRecord: earlier.tally }, { scan: later.scan, tallyRecord: later.tally });
    return {
      kind: 'ready',
      rounds: { earlier: earlier.scan.series?.round ?? 0, later: later.scan.series?.round ?? 0 },
      result: followUpAgreements({ earlier: earlier.scan, later: later.scan, agreements: stored.agreements, comparison }),
      unreadable: stored.unreadable,
    };
  } catch (error) {
    return { kind: 'failed', detail: describeErrorDetail(error) };
  }
}

/** The previous round's agreements and the change since, kept current as they are judged; null while loading. */
export function useRoundFollowUp(scanId: string): RoundFollowUpState | null {
  return useLiveQuery(() => loadFollowUp(scanId), [scanId], null);
}
