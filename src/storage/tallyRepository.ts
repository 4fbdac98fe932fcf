import { countIntoTally, type TallyRecord } from '../domain/tallyRecord';
import type { Response } from '../domain/types';
import { db } from './db';

// Keeps each scan's stored tally equal to its submitted responses (docs/scale.md). Every write
// of a submitted response calls `changeTallies` inside its own transaction (which must include
// `db.tallies`), so the two can never be committed apart. Small: a submit on the participant's
// route uses it. Checking and rebuilding live in tallyCheck.ts (director only).

/**
 * Takes `removed` out of and puts `added` into their scans' tallies; drafts count for nothing.
 * One read and one write, with no await in between: Dexie keeps a transaction only through a
 * bounded number of plain awaits (a per-response await lost it at 1,000 responses in Chromium).
 */
export async function changeTallies(removed: readonly Response[], added: readonly Response[]): Promise<void> {
  const scanIds = [...new Set([...removed, ...added].filter((r) => r.status === 'submitted').map((r) => r.scanId))];
  if (scanIds.length === 0) return;
  const stored = await db.tallies.bulkGet(scanIds);
  const counts = new Map(scanIds.map((scanId, i) => [scanId, stored[i]?.counts ?? {}]));
  for (const response of removed) if (response.status === 'submitted') countIntoTally(counts.get(response.scanId)!, response, -1);
  for (const response of added) if (response.status === 'submitted') countIntoTally(counts.get(response.scanId)!, response, 1);
  await db.tallies.bulkPut(scanIds.map((scanId): TallyRecord => ({ scanId, counts: counts.get(scanId)! })));
}

/** The scan's tally; a scan without one has no submitted responses yet. */
export async function loadScanTally(scanId: string): Promise<TallyRecord> {
  return (await db.tallies.get(scanId)) ?? { scanId, counts: {} };
}
