import { useLiveQuery } from 'dexie-react-hooks';
import { seriesTrend, type SeriesTrend } from '../../domain/rounds/seriesTrend';
import { listRounds, loadRound } from '../../storage/seriesRepository';
import { getScan } from '../../storage/scanRepository';
import { describeErrorDetail } from '../../ui/failures';

/** The trend starts at three rounds: two are the rounds page's comparison of two rounds. */
export const TREND_MIN_ROUNDS = 3;

/**
 * "Alle rondes" for the presenter and the report of one round (docs/instrument-and-rounds.md,
 * "In the presenter and the report"): the rounds of its series up to and including this one, so a
 * report printed for round 3 reads the same after round 4 is held.
 * - `none`: no series, or fewer than three rounds up to this one;
 * - `ready`: the rounds page's own trend (seriesTrend over the stored tallies) and the round numbers;
 * - `failed`: reading failed; `detail` says how.
 */
export type SeriesTrendState =
  | { kind: 'none' }
  | { kind: 'ready'; trend: SeriesTrend; rounds: number[] }
  | { kind: 'failed'; detail: string };

export async function loadSeriesTrend(scanId: string): Promise<SeriesTrendState> {
  try {
    const scan = await getScan(scanId);
    if (!scan?.series) return { kind: 'none' };
    const { id: seriesId, round } = scan.series;
    const upToThis = (await listRounds(seriesId)).filter((r) => (r.scan.series?.round ?? 0) <= round);
    if (upToThis.length < TREND_MIN_ROUNDS) return { kind: 'none' };
    const loaded = (await Promise.all(upToThis.map((r) => loadRound(r.scan.id)))).flatMap((r) => (r ? [r] : []));
    if (loaded.length < TREND_MIN_ROUNDS) return { kind: 'none' };
    return {
      kind: 'ready',
      trend: seriesTrend(loaded.map((r) => ({ scan: r.scan, tallyRecord: r.tally }))),
      rounds: loaded.map((r) => r.scan.series?.round ?? 0),
    };
  } catch (error) {
    return { kind: 'failed', detail: describeErrorDetail(error) };
  }
}

/** The trend up to this round, kept current; null while loading. */
export function useSeriesTrend(scanId: string): SeriesTrendState | null {
  return useLiveQuery(() => loadSeriesTrend(scanId), [scanId], null);
}
