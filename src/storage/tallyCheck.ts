import { checkStoredResponse, keepReadable } from '../domain/storedRecords';
import { countIntoTally } from '../domain/tallyRecord';
import { db } from './db';

// "Check the data" (docs/scale.md): recounts every scan's readable submitted responses and
// compares the result with its stored tally. Director only (the storage panel and the tests);
// reads every response, so it is a deliberate action, never part of showing results.

export interface TallyCheck {
  scanId: string;
  title: string;
  /** Readable submitted responses counted now. */
  submitted: number;
  matches: boolean;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

async function recount(scanId: string): Promise<{ counts: Record<string, number>; submitted: number }> {
  const rows = await db.responses.where('[scanId+status]').equals([scanId, 'submitted']).toArray();
  const counts: Record<string, number> = {};
  const readable = keepReadable(rows, checkStoredResponse).rows;
  for (const response of readable) countIntoTally(counts, response, 1);
  return { counts, submitted: readable.length };
}

/** Every scan: does its stored tally equal a recount of its responses? */
export async function checkTallies(): Promise<TallyCheck[]> {
  return db.transaction('r', db.scans, db.responses, db.tallies, async () => {
    const results: TallyCheck[] = [];
    for (const scan of await db.scans.toArray()) {
      const [stored, now] = await Promise.all([db.tallies.get(scan.id), recount(scan.id)]);
      results.push({ scanId: scan.id, title: scan.title, submitted: now.submitted, matches: sameCounts(stored?.counts ?? {}, now.counts) });
    }
    return results;
  });
}

/** Replaces the stored tallies of these scans by a recount, in one transaction. */
export async function rebuildTallies(scanIds: readonly string[]): Promise<void> {
  await db.transaction('rw', db.responses, db.tallies, async () => {
    for (const scanId of scanIds) {
      const { counts } = await recount(scanId);
      await db.tallies.put({ scanId, counts });
    }
  });
}
