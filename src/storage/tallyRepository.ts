import { countIntoTally, type TallyRecord } from '../domain/tallyRecord';
import type { Response } from '../domain/types';
import { db } from './db';

// Keeps each scan's stored tally equal to its submitted responses (docs/scale.md). Every write
// of a submitted response calls `changeTallies` inside its own transaction (which must include
// `db.tallies`), so the two can never be committed apart. Small: a submit on the participant's
// route uses it. Checking and rebuilding live in tallyCheck.ts (director only).

/** Takes `removed` out of and puts `added` into their scans' tallies; drafts count for nothing. */
export async function changeTallies(removed: readonly Response[], added: readonly Response[]): Promise<void> {
  const touched = new Map<string, Record<string, number>>();
  const countsOf = async (scanId: string) => {
    let counts = touched.get(scanId);
    if (!counts) {
      counts = (await db.tallies.get(scanId))?.counts ?? {};
      touched.set(scanId, counts);
    }
    return counts;
  };
  for (const response of removed) if (response.status === 'submitted') countIntoTally(await countsOf(response.scanId), response, -1);
  for (const response of added) if (response.status === 'submitted') countIntoTally(await countsOf(response.scanId), response, 1);
  if (touched.size > 0) await db.tallies.bulkPut([...touched].map(([scanId, counts]): TallyRecord => ({ scanId, counts })));
}

/** The scan's tally; a scan without one has no submitted responses yet. */
export async function loadScanTally(scanId: string): Promise<TallyRecord> {
  return (await db.tallies.get(scanId)) ?? { scanId, counts: {} };
}
