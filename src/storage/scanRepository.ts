import { checkStoredResponse, checkStoredScan, keepReadable, type CheckedRows } from '../domain/storedRecords';
import type { Response, Scan, ScanStatus } from '../domain/types';
import { submittedInTally } from '../domain/tallyRecord';
import { db } from './db';
import { RecordNotFoundError } from './errors';

// Reads check every row (src/domain/storedRecords.ts): a damaged row is set aside and counted,
// so one bad record neither crashes a page nor changes a figure (docs/storage-and-migrations.md).

/** Every readable scan, newest first, and how many scan rows could not be read. */
export async function listScans(): Promise<CheckedRows<Scan>> {
  // All rows, not the createdAt index: a damaged row may lack createdAt and must still be counted.
  const checked = keepReadable(await db.scans.toArray(), checkStoredScan);
  checked.rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return checked;
}

/** The scan, or undefined when it is not stored or its row cannot be read. */
export async function getScan(id: string): Promise<Scan | undefined> {
  const result = checkStoredScan(await db.scans.get(id));
  return result.ok ? result.value : undefined;
}

export async function addScan(scan: Scan): Promise<void> {
  await db.scans.add(scan);
}

/** Opens or closes a scan; a scan deleted meanwhile (another tab) is reported, not ignored. */
export async function setScanStatus(id: string, status: ScanStatus): Promise<void> {
  if ((await db.scans.update(id, { status })) === 0) throw new RecordNotFoundError('scan', id);
}

/** Deletes a scan and every response to it, drafts included, in one transaction. */
export async function deleteScan(id: string): Promise<void> {
  await db.transaction('rw', db.scans, db.responses, db.tallies, async () => {
    await db.responses.where('scanId').equals(id).delete();
    await db.tallies.delete(id);
    await db.scans.delete(id);
  });
}

export interface ScanCounts {
  submitted: number;
  drafts: number;
}

export async function countResponses(scanId: string): Promise<ScanCounts> {
  const [submitted, drafts] = await Promise.all([
    db.responses.where('[scanId+status]').equals([scanId, 'submitted']).count(),
    db.responses.where('[scanId+status]').equals([scanId, 'draft']).count(),
  ]);
  return { submitted, drafts };
}

/** Every readable response to a scan, drafts included, and how many of its rows could not be read. */
export async function listScanResponses(scanId: string): Promise<CheckedRows<Response>> {
  return keepReadable(await db.responses.where('scanId').equals(scanId).toArray(), checkStoredResponse);
}

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

/** The PIN that guards leaving the participant's room on this device; null removes it. */
export async function setExitPin(id: string, pin: string | null): Promise<void> {
  await db.scans.update(id, { exitPin: pin ?? undefined });
}
