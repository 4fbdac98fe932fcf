import type { Scan, ScanStatus } from '../domain/types';
import { db } from './db';
import { RecordNotFoundError } from './errors';

export function listScans(): Promise<Scan[]> {
  return db.scans.orderBy('createdAt').reverse().toArray();
}

export function getScan(id: string): Promise<Scan | undefined> {
  return db.scans.get(id);
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
  await db.transaction('rw', db.scans, db.responses, async () => {
    await db.responses.where('scanId').equals(id).delete();
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

/** The PIN that guards leaving the participant's room on this device; null removes it. */
export async function setExitPin(id: string, pin: string | null): Promise<void> {
  await db.scans.update(id, { exitPin: pin ?? undefined });
}
