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

/** Deletes a scan and every response to it, drafts included, and its votes and agreements, in one transaction. */
export async function deleteScan(id: string): Promise<void> {
  await db.transaction('rw', [db.scans, db.responses, db.tallies, db.agreements, db.votes], async () => {
    await db.responses.where('scanId').equals(id).delete();
    await db.agreements.where('scanId').equals(id).delete();
    await db.votes.where('scanId').equals(id).delete();
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

/** The PIN that guards leaving the participant's room on this device; null removes it. */
export async function setExitPin(id: string, pin: string | null): Promise<void> {
  await db.scans.update(id, { exitPin: pin ?? undefined });
}
