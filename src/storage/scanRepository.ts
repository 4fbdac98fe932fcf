import { checkStoredResponse, checkStoredScan, keepReadable, type CheckedRows } from '../domain/storedRecords';
import type { Response, Scan, ScanStatus } from '../domain/types';
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
 * The scan list: readable scans with counts of their readable responses, and how many rows of
 * the whole database were set aside. Reads every response row once (not the index counts) so
 * that a damaged row is neither counted as an answer nor missed in the report; about 10,000
 * rows is one getAll, read in one transaction so counts and list agree.
 */
export function listScanSummaries(): Promise<ScanSummaries> {
  return db.transaction('r', db.scans, db.responses, async () => {
    const scans = await listScans();
    const counts = new Map<string, ScanCounts>(scans.rows.map((scan) => [scan.id, { submitted: 0, drafts: 0 }]));
    const responses = keepReadable(await db.responses.toArray(), checkStoredResponse);
    for (const response of responses.rows) {
      const entry = counts.get(response.scanId);
      if (!entry) continue;
      if (response.status === 'submitted') entry.submitted++;
      else entry.drafts++;
    }
    return {
      summaries: scans.rows.map((scan) => ({ scan, counts: counts.get(scan.id) ?? { submitted: 0, drafts: 0 } })),
      unreadable: scans.unreadable + responses.unreadable,
    };
  });
}

/** The PIN that guards leaving the participant's room on this device; null removes it. */
export async function setExitPin(id: string, pin: string | null): Promise<void> {
  await db.scans.update(id, { exitPin: pin ?? undefined });
}
