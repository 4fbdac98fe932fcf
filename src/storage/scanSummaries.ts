import type { Scan } from '../domain/types';
import { submittedInTally } from '../domain/tallyRecord';
import { db } from './db';
import { countResponses, listScans, type ScanCounts } from './scanRepository';

// The director's scan list (docs/scale.md, docs/storage-and-migrations.md "Corrupt rows"): apart
// from scanRepository.ts, which the participant's route loads for one scan, so that route does not
// carry the list's counting.

export interface ScanSummary {
  scan: Scan;
  counts: ScanCounts;
}

export interface ScanSummaries {
  summaries: ScanSummary[];
  /** Rows of any table (scans, responses) that could not be read and were set aside. */
  unreadable: number;
}

/**
 * The scan list: readable scans with counts of their responses, and how many rows of the whole
 * database were set aside. Counts only, whatever the number of responses (docs/scale.md): the
 * submitted count is the scan's tally, drafts come from the index, and a row is reported as
 * unreadable when the index files it as submitted but the tally (which holds only readable rows)
 * does not hold it, or when it belongs to no readable scan at all (a row without a scan id or
 * status, or of a damaged scan). One transaction, so counts and list agree.
 */
export function listScanSummaries(): Promise<ScanSummaries> {
  return db.transaction('r', db.scans, db.responses, db.tallies, async () => {
    const scans = await listScans();
    const [total, perScan] = await Promise.all([
      db.responses.count(),
      Promise.all(
        scans.rows.map(async (scan) => {
          const [counts, tally] = await Promise.all([countResponses(scan.id), db.tallies.get(scan.id)]);
          return { counts, held: tally ? submittedInTally(tally) : 0 };
        }),
      ),
    ]);
    let attributed = 0;
    let unreadable = scans.unreadable;
    for (const { counts, held } of perScan) {
      attributed += counts.submitted + counts.drafts;
      unreadable += Math.max(0, counts.submitted - held);
    }
    unreadable += Math.max(0, total - attributed);
    return {
      summaries: scans.rows.map((scan, i) => ({ scan, counts: { submitted: perScan[i]!.held, drafts: perScan[i]!.counts.drafts } })),
      unreadable,
    };
  });
}
